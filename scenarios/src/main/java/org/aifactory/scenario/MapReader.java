package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A map being bound: rejects keys it does not know and hands out its {@link Field}s. */
final class MapReader {
  private final YamlMap map;
  private final String path;
  private final Diagnostics diagnostics;

  MapReader(YamlMap map, String path, Diagnostics diagnostics) {
    this.map = map;
    this.path = path;
    this.diagnostics = diagnostics;
  }

  /**
   * A reader of {@code node} if it is a map; otherwise reports that {@code expected} was wanted.
   */
  static Optional<MapReader> of(
      YamlNode node, String path, String expected, Diagnostics diagnostics) {
    if (node instanceof YamlMap m) {
      return Optional.of(new MapReader(m, path, diagnostics));
    }
    diagnostics.error(node.location(), path, "expected " + expected + ", got " + node.describe());
    return Optional.empty();
  }

  /**
   * Reports every key that no one of {@code sections} has, suggesting the nearest allowed key (more
   * than one section: a workload of no valid type may have the keys of any type).
   */
  MapReader allowOnly(Section... sections) {
    List<String> allowed = new ArrayList<>();
    for (Section section : sections) {
      section.keys().stream().filter(k -> !allowed.contains(k)).forEach(allowed::add);
    }
    return allowOnly(allowed);
  }

  /** Reports every key that {@code variant} of a split section does not allow. */
  MapReader allowOnly(Section section, String variant) {
    return allowOnly(section.keysOf(variant));
  }

  private MapReader allowOnly(List<String> allowed) {
    for (YamlEntry entry : map.entries()) {
      if (!allowed.contains(entry.key())) {
        diagnostics.error(
            entry.keyLocation(),
            FieldPath.key(path, entry.key()),
            "unknown key '"
                + entry.key()
                + "'"
                + Suggestions.didYouMean(entry.key(), allowed)
                + "; allowed keys: "
                + String.join(", ", allowed));
      }
    }
    return this;
  }

  Field field(String key) {
    return new Field(
        FieldPath.key(path, key), key, map.location(), map.entry(key).orElse(null), diagnostics);
  }

  YamlMap map() {
    return map;
  }

  String path() {
    return path;
  }

  Location location() {
    return map.location();
  }
}
