package org.aifactory.metrics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks on piecewise-quadratic signals (the grid import of a battery that follows a moving
 * average of a shaped load) against dense evaluation of the signal's closed form: every tolerance
 * is the error of that dense reference, bounded from the signal (its steepest slope, its range) and
 * the spacing of the evaluation grid, plus rounding.
 */
class CurvedPiecesTest {
  private static final long S = 1_000_000_000L;
  private static final double EPS = Math.ulp(1.0);

  /**
   * 100 MW − c·(τ − 4 s)² with c = 1 MW/s² over 10 s, limit 99 MW: the peak is 100 MW at 4 s, and
   * the signal is over the limit while |τ − 4 s| < 1 s, 2 s in one violation.
   */
  @Test
  void levelOfAParabolaByHand() {
    double c = 1e6 / 1e18;
    LevelCheck check = new LevelCheck(true, 99e6);
    check.piece(0, 10 * S, 100e6 - c * 16e18, 8 * S * c, -c);
    assertThat(check.worstWatts()).isCloseTo(100e6, within(100e6 * 4 * EPS));
    assertThat(check.worstAtNanos()).isCloseTo(4.0 * S, within(1.0));
    assertThat(check.violations()).isEqualTo(1);
    assertThat(check.violationNanos()).isCloseTo(2.0 * S, within(1.0));
  }

  /**
   * Random piecewise-quadratic signals against each piece evaluated on a grid of m + 1 points: the
   * true extreme is above the grid's by at most the steepest slope × half a spacing; the time
   * beyond the bound, counted at the midpoints of the m cells, is off by at most one cell per
   * crossing (at most two per piece, the quadratic's roots; jumps fall on cell edges).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -1, -2, -3, -4, -5, -6, -7, -8})
  void levelOfRandomQuadratics(long seed) {
    // Negative seeds: continuous signals, whose extremes are mostly their curves' vertices.
    QuadraticSignal s = QuadraticSignal.random(seed, 20, 2 * S, seed < 0);
    for (boolean upper : new boolean[] {true, false}) {
      LevelCheck check = new LevelCheck(upper, 100e6);
      for (int i = 0; i < s.pieces(); i++) {
        check.piece(s.start[i], s.end[i], s.value[i], s.slope[i], s.curve[i]);
      }
      int m = 20_000;
      double worst = upper ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      double beyond = 0;
      double worstTolerance = 0;
      double timeTolerance = 0;
      for (int i = 0; i < s.pieces(); i++) {
        double length = s.end[i] - s.start[i];
        double spacing = length / m;
        for (int j = 0; j <= m; j++) {
          double tau = j * spacing;
          double v = s.value[i] + s.slope[i] * tau + s.curve[i] * tau * tau;
          worst = upper ? Math.max(worst, v) : Math.min(worst, v);
          if (j < m) {
            double mid = tau + 0.5 * spacing;
            double w = s.value[i] + s.slope[i] * mid + s.curve[i] * mid * mid;
            if (upper ? w > 100e6 : w < 100e6) {
              beyond += spacing;
            }
          }
        }
        worstTolerance = Math.max(worstTolerance, s.steepest() * spacing / 2);
        timeTolerance += 2 * spacing;
      }
      double rounding = 8 * EPS * s.largest();
      if (upper) {
        assertThat(check.worstWatts()).isBetween(worst - rounding, worst + worstTolerance);
      } else {
        assertThat(check.worstWatts()).isBetween(worst - worstTolerance, worst + rounding);
      }
      assertThat(check.violationNanos()).isCloseTo(beyond, within(timeTolerance + 1));
    }
  }

  /**
   * Random piecewise-quadratic signals: the ramp at t is (mean over [t − w, t] − mean over [t − 2w,
   * t − w]) / w, from the signal's exact integral, on a grid of M + 1 instants over the run. Its
   * derivative (the signal's second difference over w) is at most twice the signal's range over w²,
   * so the true worst ramp is above the grid's by at most range × spacing / w²; the ramp, a cubic
   * between the instants when a piece's start is 0, w or 2w behind, crosses each of ±limit at most
   * 3 times per stretch: the time beyond, counted at cell midpoints, is off by at most one cell per
   * crossing.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -1, -2, -3, -4, -5, -6, -7, -8})
  void rampOfRandomQuadratics(long seed) {
    // Negative seeds: continuous signals, whose worst ramps are mostly between kicks.
    QuadraticSignal s = QuadraticSignal.random(seed, 20, 2 * S, seed < 0);
    long w = new SplittableRandom(seed + 100).nextLong(S / 20, 2 * S);
    double w2 = (double) w * w;
    long horizon = s.horizon();
    int cells = 1_000_000;
    double spacing = (double) horizon / cells;
    double worst = 0;
    double[] ramp = new double[cells];
    for (int k = 0; k <= cells; k++) {
      worst = Math.max(worst, Math.abs(ramp(s, k * spacing, w)));
      if (k < cells) {
        ramp[k] = ramp(s, (k + 0.5) * spacing, w);
      }
    }
    double limit = 0.5 * worst;
    RampCheck check = new RampCheck(w, limit * 1e9, s.initial);
    for (int i = 0; i < s.pieces(); i++) {
      check.piece(s.start[i], s.end[i], s.value[i], s.slope[i], s.curve[i]);
    }
    double beyond = 0;
    for (double r : ramp) {
      if (Math.abs(r) > limit) {
        beyond += spacing;
      }
    }
    // The reference's rounding: F is about largest × horizon, and h adds four of its values.
    double rounding = 16 * EPS * s.largest() * (horizon + 2.0 * w) / w2;
    // The check's own: h is carried from stretch to stretch (at most 3 per piece), each adding
    // rounding of the same size.
    double carried = (3 * s.pieces() + 1) * rounding;
    double gridError = s.range() * spacing / w2;
    double checked = Math.abs(check.worstWattsPerSecond()) / 1e9;
    assertThat(checked).isBetween(worst - rounding - carried, worst + gridError + carried);
    assertThat(Math.abs(ramp(s, check.worstAtNanos(), w)))
        .isCloseTo(checked, within(rounding + carried));
    double crossings = 6 * (3 * s.pieces() + 1);
    assertThat(check.violationNanos()).isCloseTo(beyond, within(crossings * spacing + 1));
  }

  /** (F(t) − 2F(t − w) + F(t − 2w)) / w², in W/ns. */
  private static double ramp(QuadraticSignal s, double t, long w) {
    double h = s.integral(t) - 2 * s.integral(t - w) + s.integral(t - 2.0 * w);
    return h / ((double) w * w);
  }

  /**
   * Random piecewise-quadratic signals cut into 1-s windows of 32 bins: the reference bins are
   * Simpson's rule on each stretch between piece and bin edges (exact for a quadratic), the
   * spectrum a direct DFT of the mean-removed, Hann-windowed bin averages. Only rounding separates
   * the two: each bin sums at most pieces + 2 terms and each amplitude N of them, scaled by at most
   * 8/N, so the amplitudes agree to 32·(pieces + 4)·ε·largest.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void bandOfRandomQuadratics(long seed) {
    QuadraticSignal s = QuadraticSignal.random(seed, 24, S / 2);
    BandCheck check = new BandCheck(0.5, 8, S, S, 1e5);
    for (int i = 0; i < s.pieces(); i++) {
      check.piece(s.start[i], s.end[i], s.value[i], s.slope[i], s.curve[i]);
    }
    check.finish(s.horizon());
    int n = check.samples();
    double worst = -1;
    double[] worstSpectrum = null;
    long worstAt = -1;
    long windows = s.horizon() / S;
    for (long k = 0; k < windows; k++) {
      double[] spectrum = referenceSpectrum(s, k * S, S, n);
      double band = 0;
      for (int f = check.lowBin(); f <= check.highBin(); f++) {
        band = Math.max(band, spectrum[f]);
      }
      if (band > worst) {
        worst = band;
        worstSpectrum = spectrum;
        worstAt = k * S;
      }
    }
    double tolerance = 32 * (s.pieces() + 4) * EPS * s.largest();
    assertThat(check.windows()).isEqualTo(windows);
    assertThat(check.worstWatts()).isCloseTo(worst, within(tolerance));
    assertThat(check.worstAtNanos()).isEqualTo((double) worstAt);
    double[] got = check.worstSpectrum();
    for (int f = 1; f < n / 2; f++) {
      assertThat(got[f]).isCloseTo(worstSpectrum[f], within(tolerance));
    }
  }

  /**
   * One window holding a parabola that starts and ends at the same level, 1 W higher in the middle:
   * its range is the vertex's, far above the flat test's millionth of the 100 kW limit, so it is
   * transformed (a window of lines would have read 0).
   */
  @Test
  void bandSeesTheVertex() {
    double c = -4.0 / ((double) S * S); // 1 W at the middle of 1 s
    BandCheck check = new BandCheck(0.5, 8, S, S, 1e5);
    check.piece(0, S, 100e6, -c * S, c);
    check.finish(S);
    QuadraticSignal s = QuadraticSignal.of(new long[] {0}, new long[] {S}, 100e6, -c * S, c);
    double[] spectrum = referenceSpectrum(s, 0, S, check.samples());
    assertThat(spectrum[1]).isGreaterThan(0.1);
    assertThat(check.worstWatts()).isCloseTo(spectrum[1], within(64 * EPS * 100e6));
  }

  /** Amplitudes 4|X_k|/N/sinc(k/N) of the window's Hann-windowed, mean-removed bin averages. */
  private static double[] referenceSpectrum(QuadraticSignal s, long from, long window, int n) {
    double bin = (double) window / n;
    double[] x = new double[n];
    double mean = 0;
    for (int m = 0; m < n; m++) {
      x[m] = s.simpson(from + m * bin, from + (m + 1) * bin) / bin;
      mean += x[m];
    }
    mean /= n;
    for (int m = 0; m < n; m++) {
      x[m] = (x[m] - mean) * (0.5 - 0.5 * Math.cos(2 * Math.PI * m / n));
    }
    double[] amplitude = new double[n / 2];
    for (int k = 1; k < n / 2; k++) {
      double re = 0;
      double im = 0;
      for (int m = 0; m < n; m++) {
        re += x[m] * Math.cos(2 * Math.PI * k * m / n);
        im -= x[m] * Math.sin(2 * Math.PI * k * m / n);
      }
      double arg = Math.PI * k / n;
      amplitude[k] = Math.hypot(re, im) * 4 / n / (Math.sin(arg) / arg);
    }
    return amplitude;
  }

  /**
   * Random piecewise-quadratic signals: the range at t, the highest minus the lowest value over [t
   * − W, t] (both sides of a jump included), from each piece's closed form on its part of the
   * window (its ends and its vertex), at every piece's start and end, W after them, and on a
   * uniform grid of M cells. Between those instants the range moves by at most twice the steepest
   * slope per ns, so the true worst is above the reference's by at most 2 × steepest × spacing; the
   * check's own departure is its vertices' rounding to the ns, |curve| × (½ ns)². The time beyond
   * the limit, counted at cell midpoints, is off by at most one cell per instant where the range
   * jumps (two per piece) or crosses the limit (at most 14 per stretch between those instants: the
   * cuts of 5 pairs of quadratics and 3 vertices).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10})
  void rangeOfRandomQuadratics(long seed) {
    // Negative seeds: continuous signals, whose ranges come from the curves' tops and bottoms.
    QuadraticSignal s = QuadraticSignal.random(seed, 12, 2 * S, seed < 0);
    long w = new SplittableRandom(seed + 200).nextLong(S / 10, 3 * S);
    long horizon = s.horizon();
    int cells = 400_000;
    double spacing = (double) horizon / cells;
    double worst = 0;
    for (int k = 0; k <= cells; k++) {
      worst = Math.max(worst, range(s, k * spacing, w));
    }
    for (int i = 0; i < s.pieces(); i++) {
      for (long t : new long[] {s.start[i], s.end[i], s.start[i] + w, s.end[i] + w}) {
        if (t <= horizon) {
          worst = Math.max(worst, range(s, t, w));
        }
      }
    }
    double limit = 0.7 * worst;
    SignalHistory history = new SignalHistory(s.initial);
    DynamicRangeCheck check = new DynamicRangeCheck(history, w, limit);
    for (int i = 0; i < s.pieces(); i++) {
      history.add(s.start[i], s.end[i], s.value[i], s.slope[i], s.curve[i]);
      check.advance();
      history.trimBefore(check.neededFrom());
    }
    check.finish(horizon);
    double beyond = 0;
    for (int k = 0; k < cells; k++) {
      if (range(s, (k + 0.5) * spacing, w) > limit) {
        beyond += spacing;
      }
    }
    double curviest = 0;
    for (double c : s.curve) {
      curviest = Math.max(curviest, Math.abs(c));
    }
    double rounding = 8 * EPS * s.largest() + curviest / 4;
    assertThat(check.worstWatts())
        .isBetween(worst - rounding, worst + 2 * s.steepest() * spacing + rounding);
    assertThat(range(s, check.worstAtNanos(), w)).isCloseTo(check.worstWatts(), within(rounding));
    double cuts = 2 * s.pieces() + 14 * (4 * s.pieces() + 1);
    assertThat(check.violationNanos()).isCloseTo(beyond, within(cuts * spacing + 1));
  }

  /**
   * A bump of 10 MW over 100 MW, a parabola over 2 s from 10 s, and a window of 5 s: the range is
   * 10 MW from when a window holds the top (11 s) to when it loses it (16 s), and over a limit of 9
   * MW from the bump's rise past 109 MW (11 − √0.1 s) to the window's left end past the fall below
   * it (16 + √0.1 s): 5 + 2√0.1 s, in one violation.
   */
  @Test
  void rangeHoldsTheTopOfABump() {
    double c = -10e6 / 1e18; // 10 MW at ±1 s from the top
    SignalHistory history = new SignalHistory(100e6);
    DynamicRangeCheck check = new DynamicRangeCheck(history, 5 * S, 9e6);
    history.add(0, 10 * S, 100e6, 0);
    check.advance();
    history.add(10 * S, 12 * S, 100e6, -2 * c * S, c);
    check.advance();
    history.add(12 * S, 30 * S, 100e6, 0);
    check.advance();
    check.finish(30 * S);
    assertThat(check.worstWatts()).isCloseTo(10e6, within(1e-6));
    assertThat(check.violations()).isEqualTo(1);
    assertThat(check.violationNanos()).isCloseTo((5 + 2 * Math.sqrt(0.1)) * S, within(2.0));
  }

  /**
   * The same bump handed over in pieces that continue each other, one of them starting at the top:
   * the history keeps the top as a piece's end, and the range is the same.
   */
  @Test
  void rangeHoldsTheTopOfABumpInPieces() {
    double c = -10e6 / 1e18;
    SignalHistory history = new SignalHistory(100e6);
    DynamicRangeCheck check = new DynamicRangeCheck(history, 5 * S, 9e6);
    history.add(0, 10 * S, 100e6, 0);
    check.advance();
    long[] cuts = {10 * S, 10 * S + S / 2, 11 * S, 11 * S + S / 3, 12 * S};
    for (int k = 0; k + 1 < cuts.length; k++) {
      double tau = cuts[k] - 10 * S;
      double v = 100e6 + (-2 * c * S + c * tau) * tau;
      history.add(cuts[k], cuts[k + 1], v, -2 * c * S + 2 * c * tau, c);
      check.advance();
    }
    history.add(12 * S, 30 * S, 100e6, 0);
    check.advance();
    check.finish(30 * S);
    assertThat(check.worstWatts()).isCloseTo(10e6, within(1e-6));
    assertThat(check.violations()).isEqualTo(1);
    assertThat(check.violationNanos()).isCloseTo((5 + 2 * Math.sqrt(0.1)) * S, within(2.0));
  }

  /**
   * Flat, then a ramp of 1 MW/s for the last 2 s, window 5 s: the range grows to 2 MW at the
   * horizon, where no vertex enters or leaves; it is over 1 MW for the last second.
   */
  @Test
  void rangeRisingToTheHorizon() {
    SignalHistory history = new SignalHistory(0);
    DynamicRangeCheck check = new DynamicRangeCheck(history, 5 * S, 1e6);
    history.add(0, 10 * S, 0, 0);
    check.advance();
    history.add(10 * S, 12 * S, 0, 1e-3);
    check.advance();
    check.finish(12 * S);
    assertThat(check.worstWatts()).isCloseTo(2e6, within(1e-9));
    assertThat(check.worstAtNanos()).isEqualTo(12.0 * S);
    assertThat(check.violationNanos()).isCloseTo(1.0 * S, within(1.0));
  }

  /** Highest minus lowest value over [t − w, t], each piece's part from its closed form. */
  private static double range(QuadraticSignal s, double t, long w) {
    double lo = t - w;
    double hi = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    if (lo <= 0) {
      hi = s.initial;
      low = s.initial;
    }
    for (int i = 0; i < s.pieces(); i++) {
      if (s.start[i] > t || s.end[i] < lo) {
        continue;
      }
      double a = Math.max(lo, s.start[i]);
      double b = Math.min(t, s.end[i]);
      double va = s.valueIn(i, a);
      double vb = s.valueIn(i, b);
      hi = Math.max(hi, Math.max(va, vb));
      low = Math.min(low, Math.min(va, vb));
      double v = s.start[i] - s.slope[i] / (2 * s.curve[i]);
      if (v > a && v < b) {
        hi = Math.max(hi, s.valueIn(i, v));
        low = Math.min(low, s.valueIn(i, v));
      }
    }
    return hi - low;
  }

  /** A curve of 0 gives the line's results bit for bit. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void noCurveIsTheLine(long seed) {
    QuadraticSignal s = QuadraticSignal.random(seed, 30, 2 * S).lines();
    RampCheck lineRamp = new RampCheck(S / 3, 1e6, s.initial);
    RampCheck flatCurveRamp = new RampCheck(S / 3, 1e6, s.initial);
    LevelCheck lineLevel = new LevelCheck(true, 100e6);
    LevelCheck flatCurveLevel = new LevelCheck(true, 100e6);
    BandCheck lineBand = new BandCheck(0.5, 8, S, S, 1e5);
    BandCheck flatCurveBand = new BandCheck(0.5, 8, S, S, 1e5);
    SignalHistory lineHistory = new SignalHistory(s.initial);
    SignalHistory flatCurveHistory = new SignalHistory(s.initial);
    DynamicRangeCheck lineRange = new DynamicRangeCheck(lineHistory, S, 20e6);
    DynamicRangeCheck flatCurveRange = new DynamicRangeCheck(flatCurveHistory, S, 20e6);
    for (int i = 0; i < s.pieces(); i++) {
      lineRamp.piece(s.start[i], s.end[i], s.value[i], s.slope[i]);
      flatCurveRamp.piece(s.start[i], s.end[i], s.value[i], s.slope[i], 0.0);
      lineLevel.piece(s.start[i], s.end[i], s.value[i], s.slope[i]);
      flatCurveLevel.piece(s.start[i], s.end[i], s.value[i], s.slope[i], 0.0);
      lineBand.piece(s.start[i], s.end[i], s.value[i], s.slope[i]);
      flatCurveBand.piece(s.start[i], s.end[i], s.value[i], s.slope[i], 0.0);
      lineHistory.add(s.start[i], s.end[i], s.value[i], s.slope[i]);
      flatCurveHistory.add(s.start[i], s.end[i], s.value[i], s.slope[i], 0.0);
      lineRange.advance();
      flatCurveRange.advance();
    }
    lineRange.finish(s.horizon());
    flatCurveRange.finish(s.horizon());
    assertThat(flatCurveRange.worstWatts()).isEqualTo(lineRange.worstWatts());
    assertThat(flatCurveRange.violationNanos()).isEqualTo(lineRange.violationNanos());
    lineBand.finish(s.horizon());
    flatCurveBand.finish(s.horizon());
    assertThat(flatCurveBand.worstWatts()).isEqualTo(lineBand.worstWatts());
    assertThat(flatCurveBand.worstSpectrum()).isEqualTo(lineBand.worstSpectrum());
    assertThat(flatCurveRamp.worstWattsPerSecond()).isEqualTo(lineRamp.worstWattsPerSecond());
    assertThat(flatCurveRamp.worstAtNanos()).isEqualTo(lineRamp.worstAtNanos());
    assertThat(flatCurveRamp.violationNanos()).isEqualTo(lineRamp.violationNanos());
    assertThat(flatCurveRamp.violationStarts()).isEqualTo(lineRamp.violationStarts());
    assertThat(flatCurveLevel.worstWatts()).isEqualTo(lineLevel.worstWatts());
    assertThat(flatCurveLevel.violationNanos()).isEqualTo(lineLevel.violationNanos());
    assertThat(flatCurveLevel.violationStarts()).isEqualTo(lineLevel.violationStarts());
  }
}
