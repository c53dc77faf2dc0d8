package org.aifactory.scenario;

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

  @Override
  public String describe() {
    return isNull ? "an empty value" : "'" + text + "'";
  }
}
