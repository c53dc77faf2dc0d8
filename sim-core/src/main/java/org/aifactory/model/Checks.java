package org.aifactory.model;

/** Argument checks shared by the model's self-validating records. Messages name the field. */
public final class Checks {
  private Checks() {}

  public static String name(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return value;
  }

  public static double positive(double value, String field) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(field + " must be a positive finite number, got " + value);
    }
    return value;
  }

  public static double nonNegative(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  public static double fraction(double value, String field) {
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      throw new IllegalArgumentException(field + " must be between 0 and 1, got " + value);
    }
    return value;
  }
}
