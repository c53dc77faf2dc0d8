package org.aifactory.model.site;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value that changes on the hour: one value per hour from the start of the run, repeated from
 * hour 0 when the run is longer (a year of hours serves any run), or one constant value.
 *
 * @param source what it was read from, for reports: {@code constant} or the file's name
 * @param values one per hour (a single value: constant)
 */
public record HourlyProfile(String source, double[] values) {
  public HourlyProfile {
    Objects.requireNonNull(source, "source");
    if (values.length == 0) {
      throw new IllegalArgumentException("at least one value");
    }
    for (double v : values) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite and >= 0");
      }
    }
    values = values.clone();
  }

  /** One value all the time. */
  public static HourlyProfile constant(double value) {
    return new HourlyProfile("constant", new double[] {value});
  }

  public boolean isConstant() {
    return values.length == 1;
  }

  /** The value in hour {@code hour} of the run (0-based). */
  public double at(long hour) {
    return values[(int) (hour % values.length)];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HourlyProfile p
        && source.equals(p.source)
        && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return source.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "HourlyProfile[" + source + ", " + values.length + " h]";
  }
}
