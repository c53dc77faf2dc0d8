package org.aifactory.model.site;

import org.aifactory.metrics.grid.Quadratic;
import org.aifactory.metrics.grid.SiteResult;

/**
 * The carbon of the grid import, hour by hour: each hour's import (its positive part) times the
 * hour's intensity, and, with a carbon-free supply, how much of each hour's import it matches (24/7
 * carbon-free energy: Σ min(clean, import) over hours / Σ import, and the share of hours fully
 * matched). The intensity and the supply are constant within an hour, the import a line or a
 * quadratic within a piece, so every integral is exact (the positive part split at its roots).
 */
final class CarbonBooks {
  private static final long HOUR = 3_600_000_000_000L;
  private static final double JOULES_PER_KWH = 3.6e6;

  private final CarbonSpec spec;
  private long hour = -1;
  private double importJoules; // this hour
  private double gridGrams;
  private double totalImportJoules;
  private double matchedJoules;
  private long hours;
  private long matchedHours;

  CarbonBooks(CarbonSpec spec) {
    this.spec = spec;
  }

  /** The grid import over [from, to): {@code watts} at {@code from}, then {@code slope} W/ns. */
  void piece(long from, long to, double watts, double slope) {
    piece(from, to, watts, slope, 0);
  }

  /**
   * The grid import over [from, to): at {@code from + τ} (τ in ns) it is {@code watts + slope·τ +
   * curve·τ²}.
   */
  void piece(long from, long to, double watts, double slope, double curve) {
    long a = from;
    while (a < to) {
      long h = a / HOUR;
      if (h != hour) {
        closeHour();
        hour = h;
      }
      long end = Math.min(to, (h + 1) * HOUR);
      if (curve == 0) {
        importJoules += positivePart(watts + slope * (a - from), slope, end - a);
      } else {
        double tau = a - from;
        importJoules +=
            positivePart(
                watts + (slope + curve * tau) * tau, slope + 2 * curve * tau, curve, end - a);
      }
      a = end;
    }
  }

  /** ∫ max(0, v0 + s·τ) dτ over [0, length], in joules. */
  static double positivePart(double v0, double slope, long length) {
    double len = length;
    double v1 = v0 + slope * len;
    if (v0 >= 0 && v1 >= 0) {
      return 0.5 * (v0 + v1) * len * 1e-9;
    }
    if (v0 <= 0 && v1 <= 0) {
      return 0;
    }
    double cross = -v0 / slope;
    return v0 > 0 ? 0.5 * v0 * cross * 1e-9 : 0.5 * v1 * (len - cross) * 1e-9;
  }

  /**
   * ∫ max(0, v0 + s·τ + c·τ²) dτ over [0, length], in joules: the quadratic's roots inside cut the
   * piece into stretches of one sign, and the positive ones are integrated exactly. Without curve,
   * the line's {@link #positivePart(double, double, long)}.
   */
  static double positivePart(double v0, double slope, double curve, long length) {
    if (curve == 0) {
      return positivePart(v0, slope, length);
    }
    double len = length;
    double[] roots = new double[2];
    int n = Quadratic.rootsInside(curve, slope, v0, len, roots);
    double sum = 0;
    double a = 0;
    for (int i = 0; i <= n; i++) {
      double b = i < n ? roots[i] : len;
      if (b > a) {
        double mid = 0.5 * (a + b);
        if (Quadratic.at(v0, slope, curve, mid) > 0) {
          sum += Quadratic.integral(v0, slope, curve, a, b);
        }
      }
      a = b;
    }
    return sum * 1e-9;
  }

  /** Books the hour that has been filled (a partial last hour only up to the horizon). */
  private void closeHour() {
    if (hour < 0) {
      return;
    }
    closeHour(HOUR);
  }

  private void closeHour(long length) {
    double grams = spec.gridGramsPerKwh().at(hour);
    gridGrams += importJoules / JOULES_PER_KWH * grams;
    totalImportJoules += importJoules;
    hours++;
    if (spec.cleanSupplyWatts().isPresent()) {
      double clean = spec.cleanSupplyWatts().get().at(hour) * length * 1e-9;
      matchedJoules += Math.min(clean, importJoules);
      if (clean >= importJoules) {
        matchedHours++;
      }
    }
    importJoules = 0;
  }

  SiteResult.CarbonResult result(long horizonNanos, double generationKilograms) {
    if (hour >= 0) {
      closeHour(Math.min(HOUR, horizonNanos - hour * HOUR));
      hour = -1;
    }
    boolean clean = spec.cleanSupplyWatts().isPresent();
    return new SiteResult.CarbonResult(
        gridGrams / 1e3,
        generationKilograms,
        totalImportJoules > 0 ? gridGrams / (totalImportJoules / JOULES_PER_KWH) : Double.NaN,
        clean ? (totalImportJoules > 0 ? matchedJoules / totalImportJoules : 1) : Double.NaN,
        clean && hours > 0 ? (double) matchedHours / hours : Double.NaN,
        spec.gridGramsPerKwh().source(),
        spec.cleanSupplyWatts().map(HourlyProfile::source).orElse(""));
  }
}
