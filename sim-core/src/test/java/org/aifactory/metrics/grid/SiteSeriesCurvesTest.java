package org.aifactory.metrics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grid chart's buckets and window on quadratic pieces: bucket means against Simpson's rule
 * (exact for a quadratic), bucket extremes against dense evaluation, window points on the curve.
 */
class SiteSeriesCurvesTest {
  private static final long S = 1_000_000_000L;
  private static final double EPS = Math.ulp(1.0);

  /**
   * Random piecewise-quadratic grid imports (the smoothed load the same curve 10 MW lower) in 37
   * buckets: each mean is Simpson's integral over the bucket / its width, to rounding; each extreme
   * is at least the largest of m + 1 evaluations per piece and bucket part and at most that plus
   * the steepest slope × half their spacing; the window's points lie on the curve, and their
   * highest is the curve's highest over the window (the vertices are among them).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void bucketsAndWindowOfRandomQuadratics(long seed) {
    QuadraticSignal s = QuadraticSignal.random(seed, 15, 3 * S);
    long horizon = s.horizon();
    long windowStart = horizon / 3;
    long windowEnd = 2 * horizon / 3;
    SiteSeries series = new SiteSeries(horizon, 37, windowStart, windowEnd);
    for (int i = 0; i < s.pieces(); i++) {
      series.piece(
          s.start[i],
          s.end[i],
          s.value[i],
          0,
          s.value[i] - 10e6,
          s.slope[i],
          s.curve[i],
          s.value[i],
          s.slope[i],
          s.curve[i],
          0.5);
    }
    SiteResult.Series out = series.series();
    long bucket = out.bucketNanos();
    int m = 2000;
    for (int b = 0; b < out.gridMean().length; b++) {
      long a = b * bucket;
      long e = Math.min(horizon, a + bucket);
      double width = e - a;
      double mean = s.simpson(a, e) / width;
      double rounding = 16 * (s.pieces() + 2) * EPS * s.largest();
      assertThat(out.gridMean()[b]).isCloseTo(mean, within(rounding));
      assertThat(out.smoothedMean()[b]).isCloseTo(mean - 10e6, within(rounding));
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      double spacing = 0;
      for (int i = 0; i < s.pieces(); i++) {
        double x = Math.max(a, s.start[i]);
        double y = Math.min(e, s.end[i]);
        if (y <= x) {
          continue;
        }
        spacing = Math.max(spacing, (y - x) / m);
        for (int j = 0; j <= m; j++) {
          double v = s.valueIn(i, x + (y - x) * j / m);
          hi = Math.max(hi, v);
          lo = Math.min(lo, v);
        }
      }
      double slack = s.steepest() * spacing / 2 + 8 * EPS * s.largest();
      assertThat(out.gridMax()[b]).isBetween(hi - 8 * EPS * s.largest(), hi + slack);
      assertThat(out.gridMin()[b]).isBetween(lo - slack, lo + 8 * EPS * s.largest());
    }
    SiteResult.Window w = series.window(windowStart, windowEnd);
    double highest = Double.NEGATIVE_INFINITY;
    double top = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.timesNanos().length; k++) {
      double t = w.timesNanos()[k];
      // On the curve of the piece it came from: at a boundary, the one ending or the one starting.
      double nearest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < s.pieces(); i++) {
        if (s.start[i] <= t && t <= s.end[i]) {
          nearest = Math.min(nearest, Math.abs(w.grid()[k] - s.valueIn(i, t)));
        }
      }
      assertThat(nearest).isLessThanOrEqualTo(8 * EPS * s.largest());
      highest = Math.max(highest, w.grid()[k]);
      if (k > 0) {
        assertThat(t).isGreaterThanOrEqualTo(w.timesNanos()[k - 1]);
      }
    }
    for (int i = 0; i < s.pieces(); i++) {
      double x = Math.max(windowStart, s.start[i]);
      double y = Math.min(windowEnd, s.end[i]);
      if (y <= x) {
        continue;
      }
      top = Math.max(top, Math.max(s.valueIn(i, x), s.valueIn(i, y)));
      double v = s.start[i] - s.slope[i] / (2 * s.curve[i]);
      if (v > x && v < y) {
        top = Math.max(top, s.valueIn(i, v));
      }
    }
    assertThat(highest).isCloseTo(top, within(8 * EPS * s.largest()));
  }

  /** Curves of 0 give the lines' series bit for bit. */
  @Test
  void noCurveIsTheLine() {
    QuadraticSignal s = QuadraticSignal.random(9, 20, 3 * S).lines();
    long horizon = s.horizon();
    SiteSeries line = new SiteSeries(horizon, 50, horizon / 4, horizon / 2);
    SiteSeries flat = new SiteSeries(horizon, 50, horizon / 4, horizon / 2);
    for (int i = 0; i < s.pieces(); i++) {
      double v = s.value[i];
      double d = s.slope[i];
      line.piece(s.start[i], s.end[i], v, d, v - 1e6, d, v, d, 0.3);
      flat.piece(s.start[i], s.end[i], v, d, v - 1e6, d, 0.0, v, d, 0.0, 0.3);
    }
    assertThat(flat.series()).isEqualTo(line.series());
    assertThat(flat.window(horizon / 4, horizon / 2))
        .isEqualTo(line.window(horizon / 4, horizon / 2));
  }
}
