package org.aifactory.scenario;

/** The sign a quantity must have. */
enum Bound {
  /** {@code > 0}. */
  POSITIVE("> 0"),
  /** {@code >= 0}. */
  NON_NEGATIVE(">= 0");

  private final String text;

  Bound(String text) {
    this.text = text;
  }

  boolean admits(int signum) {
    return this == POSITIVE ? signum > 0 : signum >= 0;
  }

  /** "> 0" or ">= 0". */
  String text() {
    return text;
  }
}
