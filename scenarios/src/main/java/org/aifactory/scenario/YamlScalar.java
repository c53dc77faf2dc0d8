package org.aifactory.scenario;

import java.util.Locale;

/**
 * A scalar exactly as written (numbers are not interpreted here).
 *
 * @param text the scalar's text, without quotes
 * @param isNull whether YAML reads it as null (nothing, {@code ~} or {@code null})
 * @param location where the scalar starts
 */
record YamlScalar(String text, boolean isNull, Location location) implements YamlNode {

  static YamlScalar empty(Location location) {
    return new YamlScalar("", true, location);
  }

  /** Scalars are immutable: the scalar itself. */
  @Override
  public YamlScalar copy() {
    return this;
  }

  /** Texts longer than this are shortened in messages, which repeat what was written. */
  private static final int DESCRIBED_CHARS = 60;

  @Override
  public String describe() {
    return isNull ? "an empty value" : quoted(text);
  }

  /** {@code 'text'}, shortened with its length if it is long. */
  static String quoted(String text) {
    if (text.codePointCount(0, text.length()) <= DESCRIBED_CHARS) {
      return "'" + text + "'";
    }
    return String.format(
        Locale.ROOT,
        "'%s...' (%,d characters)",
        text.substring(0, text.offsetByCodePoints(0, DESCRIBED_CHARS)),
        text.length());
  }
}
