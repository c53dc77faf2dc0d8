package org.aifactory.scenario;

import java.util.Locale;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Checks a YAML text before it is parsed: its size, the length of its lines and the characters YAML
 * forbids, each reported where it is. Lines and columns are counted as SnakeYAML counts them (line
 * breaks {@code \n}, {@code \r\n}, {@code \r}, U+0085, U+2028, U+2029; columns in code points, a
 * byte-order mark not counted), so that they agree with the parser's positions.
 */
final class TextScan {
  private TextScan() {}

  /** Whether {@code text} may be parsed; if not, why has been reported. */
  static boolean readable(
      String text, YamlTreeReader.Positions positions, Diagnostics diagnostics) {
    if (text.length() > InputLimits.MAX_TEXT_BYTES) {
      diagnostics.error(
          positions.at(1, 1),
          "",
          String.format(
              Locale.ROOT,
              "the text is %,d characters long; a scenario is limited to %s (%,d characters)",
              text.length(),
              megabytes(InputLimits.MAX_TEXT_BYTES),
              InputLimits.MAX_TEXT_BYTES));
      return false;
    }
    boolean readable = true;
    boolean forbiddenSeen = false;
    int line = 1;
    int column = 0; // code points before the current one on its line
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isLineBreak(c, text, i)) {
        line++;
        column = 0;
        continue;
      }
      if (c == '\uFEFF') {
        continue;
      }
      column++;
      if (column == InputLimits.MAX_LINE_CHARS + 1) {
        diagnostics.error(
            positions.at(line, column),
            "",
            String.format(
                Locale.ROOT,
                "line %,d is longer than %,d characters, the most a line may have",
                line,
                InputLimits.MAX_LINE_CHARS));
        readable = false;
      }
      if (!forbiddenSeen && !StreamReader.isPrintable(c)) {
        diagnostics.error(
            positions.at(line, column),
            "",
            String.format(
                Locale.ROOT,
                "character U+%04X is not allowed in YAML (a control or non-character); remove it",
                c));
        forbiddenSeen = true;
        readable = false;
      }
    }
    return readable;
  }

  /**
   * The line and column just after {@code prefix}, e.g. of the character that follows it.
   *
   * @return {line, column}, both 1-based
   */
  static int[] positionAfter(String prefix) {
    int line = 1;
    int column = 1;
    int i = 0;
    while (i < prefix.length()) {
      int c = prefix.codePointAt(i);
      i += Character.charCount(c);
      if (isLineBreak(c, prefix, i)) {
        line++;
        column = 1;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** "10 MB". */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
  }

  /** Whether {@code c}, followed by the text from {@code next}, ends a line ({@code \r\n} once). */
  private static boolean isLineBreak(int c, String text, int next) {
    if (c == '\r') {
      return next < text.length() && text.charAt(next) != '\n';
    }
    return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
