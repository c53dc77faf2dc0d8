package org.aifactory.scenario;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with its keys in the order written. Overrides may add or replace entries. */
final class YamlMap implements YamlNode {
  private final Location location;
  private final Map<String, YamlEntry> entries = new LinkedHashMap<>();

  YamlMap(Location location) {
    this.location = location;
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public String describe() {
    return "a map";
  }

  Optional<YamlEntry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  Optional<YamlNode> get(String key) {
    return entry(key).map(YamlEntry::value);
  }

  boolean containsKey(String key) {
    return entries.containsKey(key);
  }

  /** Adds the entry, or replaces the value of the entry with the same key (keeping its place). */
  void put(YamlEntry entry) {
    entries.put(entry.key(), entry);
  }

  /** Removes the entry of {@code key}, if there is one. */
  void remove(String key) {
    entries.remove(key);
  }

  @Override
  public YamlMap copy() {
    YamlMap copy = new YamlMap(location);
    for (YamlEntry entry : entries.values()) {
      copy.put(entry.copy());
    }
    return copy;
  }

  Collection<YamlEntry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }
}
