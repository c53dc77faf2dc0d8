package org.aifactory.model.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.aifactory.metrics.grid.SiteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The positive part of a quadratic grid import (what is bought, not what is sold back), by hand and
 * against Simpson's rule on the stretches between the quadratic's roots, where it is exact.
 */
class CarbonCurvesTest {
  private static final long S = 1_000_000_000L;
  private static final long HOUR = 3600 * S;
  private static final double EPS = Math.ulp(1.0);

  /** 1 MW × (1 − (τ − 1 s)²) over 3 s: positive on (0, 2 s), ∫ = 1 MW × (2 − 2/3) s. */
  @Test
  void aCapByHand() {
    double joules = CarbonBooks.positivePart(0, 2e-3, -1e-12, 3 * S);
    assertThat(joules).isCloseTo(4e6 / 3, within(4e6 / 3 * 16 * EPS));
  }

  /** 1 MW × ((τ − 2 s)² − 1) over 4 s: positive before 1 s and after 3 s, 4/3 MJ each. */
  @Test
  void aCupByHand() {
    double joules = CarbonBooks.positivePart(3e6, -4e-3, 1e-12, 4 * S);
    assertThat(joules).isCloseTo(8e6 / 3, within(8e6 / 3 * 64 * EPS));
  }

  /**
   * Random quadratics (crossing 0 or not): the reference splits at the roots from the textbook
   * formula and integrates each positive stretch by Simpson's rule, exact for a quadratic; the two
   * differ by rounding of terms of at most max|f| × length.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void randomQuadratics(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long length = r.nextLong(S, 1000 * S);
    double l = length;
    double v0 = r.nextDouble(-50e6, 50e6);
    double slope = r.nextDouble(-100e6, 100e6) / l;
    double curve = r.nextDouble(-100e6, 100e6) / (l * l);
    double joules = CarbonBooks.positivePart(v0, slope, curve, length);
    double expected = simpsonPositive(v0, slope, curve, l);
    double scale = (Math.abs(v0) + Math.abs(slope) * l + Math.abs(curve) * l * l) * l * 1e-9;
    assertThat(joules).isCloseTo(expected, within(64 * EPS * scale));
  }

  /** A curve of 0 is the line's positive part, bit for bit. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void noCurveIsTheLine(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long length = r.nextLong(S, 1000 * S);
    double v0 = r.nextDouble(-50e6, 50e6);
    double slope = r.nextDouble(-100e6, 100e6) / length;
    assertThat(CarbonBooks.positivePart(v0, slope, 0.0, length))
        .isEqualTo(CarbonBooks.positivePart(v0, slope, length));
  }

  /**
   * One curved piece over 2.5 hours of intensities 300, 500 and 400 g/kWh: each hour's import is
   * the positive part of the quadratic over that hour, re-expressed from the hour's start.
   */
  @Test
  void aCurvedPieceIsBookedHourByHour() {
    CarbonBooks books =
        new CarbonBooks(
            new CarbonSpec(
                new HourlyProfile("test", new double[] {300, 500, 400}), Optional.empty()));
    long end = 5 * HOUR / 2;
    double l = end;
    double v0 = -5e6;
    double slope = 40e6 / l;
    double curve = -30e6 / (l * l);
    books.piece(0, end, v0, slope, curve);
    SiteResult.CarbonResult c = books.result(end, 0);
    double grams = 0;
    double[] intensity = {300, 500, 400};
    for (int h = 0; h < 3; h++) {
      double a = h * (double) HOUR;
      double b = Math.min(l, a + HOUR);
      double va = v0 + (slope + curve * a) * a;
      double sa = slope + 2 * curve * a;
      grams += simpsonPositive(va, sa, curve, b - a) / 3.6e6 * intensity[h];
    }
    double scale = 45e6 * l * 1e-9 / 3.6e6 * 500 / 1e3;
    assertThat(c.gridCo2Kilograms()).isCloseTo(grams / 1e3, within(64 * EPS * scale));
  }

  /** ∫ max(0, f) over [0, l] (J), f split at its roots, Simpson on each positive stretch. */
  private static double simpsonPositive(double v0, double slope, double curve, double l) {
    double disc = slope * slope - 4 * curve * v0;
    double[] cuts = {0, l, l, l};
    int n = 1;
    if (disc > 0) {
      double r1 = (-slope - Math.sqrt(disc)) / (2 * curve);
      double r2 = (-slope + Math.sqrt(disc)) / (2 * curve);
      for (double x : new double[] {Math.min(r1, r2), Math.max(r1, r2)}) {
        if (x > 0 && x < l) {
          cuts[n++] = x;
        }
      }
    }
    cuts[n] = l;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double a = cuts[i];
      double b = cuts[i + 1];
      double m = 0.5 * (a + b);
      double fm = v0 + slope * m + curve * m * m;
      if (fm > 0) {
        double fa = v0 + slope * a + curve * a * a;
        double fb = v0 + slope * b + curve * b * b;
        sum += (b - a) / 6 * (fa + 4 * fm + fb);
      }
    }
    return sum * 1e-9;
  }
}
