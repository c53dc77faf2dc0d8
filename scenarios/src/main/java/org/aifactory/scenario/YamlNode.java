package org.aifactory.scenario;

/** A node of a YAML document as read by {@link YamlTreeReader}: a map, a list or a scalar. */
sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

  /** Where the node starts. */
  Location location();

  /** What the node is, for messages: "a map", "a list", "'5 s'", "an empty value". */
  String describe();

  /** A deep copy (maps and lists are mutable: overrides change them), with the same locations. */
  YamlNode copy();
}
