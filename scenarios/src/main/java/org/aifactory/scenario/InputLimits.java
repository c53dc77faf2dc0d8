package org.aifactory.scenario;

import java.util.Locale;

/**
 * How large a scenario's input may be. Each limit is far beyond what a real scenario needs (the
 * bundled ones have lines and descriptions of under 120 characters, other values of under 20, and
 * nest 4 levels deep); it exists so that absurd input (a generated or corrupt file, a mistyped
 * {@code --set}) is a located error instead of a stack overflow, an out-of-memory error or minutes
 * of parsing. README.md ("Values" and "Errors") states each one.
 */
final class InputLimits {
  private InputLimits() {}

  /**
   * Largest scenario file (or text, or {@code --set} value): 10 MB. Read whole into memory and into
   * a tree of nodes; a scenario is a few kB.
   */
  static final long MAX_TEXT_BYTES = 10_000_000;

  /**
   * Longest line, in characters. SnakeYAML's reader copies its buffer once per 1,024 characters of
   * a token it looks ahead through, so the time to read a line grows with the square of its length
   * (a 9 MB one-line value took about a minute); bounded lines keep reading linear.
   */
  static final int MAX_LINE_CHARS = 100_000;

  /**
   * Most nodes (keys, values, maps and lists) in one text: a scenario has a few hundred. A tree of
   * millions (a 10 MB list of numbers) took gigabytes of memory.
   */
  static final int MAX_NODES = 100_000;

  /** Deepest nesting of maps and lists: the bundled scenarios nest 4 deep. */
  static final int MAX_DEPTH = 100;

  /** Longest text (a description); every other value is shorter ({@link #MAX_VALUE_CHARS}). */
  static final int MAX_TEXT_CHARS = 10_000;

  /** Longest value other than a text (a number, a duration, a reference, a choice), and key. */
  static final int MAX_VALUE_CHARS = 1_000;

  /**
   * Longest name: names become folder and file names (at most 255 bytes on common file systems) and
   * chart titles.
   */
  static final int MAX_NAME_CHARS = 100;

  /** "a value of 12,345 characters is too long; the most is 10,000". */
  static String tooLong(String what, String text, int most) {
    return String.format(
        Locale.ROOT,
        "%s of %,d characters is too long; the most is %,d",
        what,
        text.length(),
        most);
  }
}
