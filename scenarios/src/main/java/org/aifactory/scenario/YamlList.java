package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A YAML sequence. Overrides may replace elements. */
final class YamlList implements YamlNode {
  private final Location location;
  private final List<YamlNode> items = new ArrayList<>();

  YamlList(Location location) {
    this.location = location;
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public String describe() {
    return "a list";
  }

  @Override
  public YamlList copy() {
    YamlList copy = new YamlList(location);
    for (YamlNode item : items) {
      copy.add(item.copy());
    }
    return copy;
  }

  List<YamlNode> items() {
    return Collections.unmodifiableList(items);
  }

  int size() {
    return items.size();
  }

  YamlNode get(int index) {
    return items.get(index);
  }

  void add(YamlNode node) {
    items.add(node);
  }

  void set(int index, YamlNode node) {
    items.set(index, node);
  }
}
