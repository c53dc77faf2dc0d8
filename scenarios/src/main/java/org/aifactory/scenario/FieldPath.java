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

  /** Paths longer than this are shortened in messages (deep nesting, over-long paths). */
  private static final int SHOWN_CHARS = 80;

  /** {@code path}, or its first characters and "..." if it is too long to show in full. */
  static String shown(String path) {
    return path.length() <= SHOWN_CHARS ? path : path.substring(0, SHOWN_CHARS) + "...";
  }
}
