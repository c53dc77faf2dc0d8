package org.aifactory.scenario;

/**
 * Scans decimal numbers as the scenario language writes them: an optional sign, digits that '_' may
 * separate ({@code 16_777_216}), an optional fraction and an optional exponent ({@code 1e3}).
 *
 * <p>Written by hand rather than as a regular expression: Java's regex engine recurses once per
 * repetition of a group such as {@code (?:_?\d)*}, so a number of a few thousand digits overflowed
 * the stack. These loops use constant stack on any input.
 */
final class NumberText {
  private NumberText() {}

  /**
   * The end of the decimal number at the start of {@code text}, or -1 if it does not start with
   * one. The number is the longest prefix of the form {@code [+-]? (D(_?D)* (.(D(_?D)*)?)? |
   * .D(_?D)*) ([eE][+-]?\d+)?}, D a digit 0-9.
   */
  static int decimalEnd(String text) {
    int i = signEnd(text, 0);
    int integerEnd = digitsEnd(text, i);
    if (integerEnd > i) {
      i = integerEnd;
      if (i < text.length() && text.charAt(i) == '.') {
        i = digitsEnd(text, i + 1);
      }
    } else if (i < text.length() && text.charAt(i) == '.' && digitsEnd(text, i + 1) > i + 1) {
      i = digitsEnd(text, i + 1);
    } else {
      return -1;
    }
    return exponentEnd(text, i);
  }

  /** Whether all of {@code text} is a whole number: {@code [+-]? D(_?D)*}. */
  static boolean isWholeNumber(String text) {
    int start = signEnd(text, 0);
    int end = digitsEnd(text, start);
    return end > start && end == text.length();
  }

  /** After an optional sign at {@code i}. */
  private static int signEnd(String text, int i) {
    return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
  }

  /** After {@code D(_?D)*} at {@code from}; {@code from} if there is no digit there. */
  private static int digitsEnd(String text, int from) {
    if (!isDigit(text, from)) {
      return from;
    }
    int i = from + 1;
    while (true) {
      if (isDigit(text, i)) {
        i++;
      } else if (i < text.length() && text.charAt(i) == '_' && isDigit(text, i + 1)) {
        i += 2;
      } else {
        return i;
      }
    }
  }

  /** After an exponent {@code [eE][+-]?\d+} at {@code i}; {@code i} if there is none. */
  private static int exponentEnd(String text, int i) {
    if (i >= text.length() || (text.charAt(i) != 'e' && text.charAt(i) != 'E')) {
      return i;
    }
    int digits = signEnd(text, i + 1);
    int end = digits;
    while (isDigit(text, end)) {
      end++;
    }
    return end > digits ? end : i;
  }

  private static boolean isDigit(String text, int i) {
    return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
  }
}
