package org.aifactory.scenario;

/** Field paths in the scenario language: {@code workloads[0].checkpoint.interval}. */
final class FieldPath {
  private FieldPath() {}

  static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
