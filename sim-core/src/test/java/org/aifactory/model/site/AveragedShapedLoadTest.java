package org.aifactory.model.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;

/**
 * A site battery whose grid import follows the moving average of a ramping (shaped) load, against
 * hand computations. The load holds L₀ before time 0 and ramps at s from then on; over a window W
 * its average is A(t) = L₀ + s·t²/(2W) for t ≤ W (a quadratic) and L₀ + s·(t − W/2) after (a line).
 * The battery gives P = L − F, F the grid's target, and draws ∫P/η from its store.
 */
class AveragedShapedLoadTest {
  private static final long S = 1_000_000_000L;
  private static final double L0 = 10e6;
  private static final double SLOPE = 1e6; // s, W/s
  private static final long WINDOW = 60 * S; // W
  private static final double CAPACITY = 100e9; // J
  private static final double ETA = 0.9;

  private record Piece(
      long from,
      long to,
      double smoothed,
      double smoothedSlope,
      double smoothedCurve,
      double battery,
      double grid,
      double gridSlope,
      double gridCurve) {
    /** The grid import at {@code t} inside the piece (ns). */
    double gridAt(double t) {
      double tau = t - from;
      return grid + gridSlope * tau + gridCurve * tau * tau;
    }
  }

  private static SiteDispatch dispatch(double rampWattsPerSecond, double socInitial) {
    BatterySpec spec =
        new BatterySpec(
            CAPACITY,
            100e6,
            ETA * ETA,
            0.1,
            0.9,
            socInitial,
            new BatterySpec.SmoothingPolicy(WINDOW, rampWattsPerSecond, 0),
            0);
    SiteDispatch d = new SiteDispatch(Optional.of(spec), Optional.empty(), L0);
    d.loadChanged(0, L0, SLOPE * 1e-9);
    return d;
  }

  private static List<Piece> walk(SiteDispatch d, long to) {
    List<Piece> pieces = new ArrayList<>();
    d.advance(
        0,
        to,
        (from, end, load, loadSlope, f, fs, fc, g, gs, gc, p, ps, pc, grid, gridSlope, gc2, soc) ->
            pieces.add(new Piece(from, end, f, fs, fc, p, grid, gridSlope, gc2)));
    return pieces;
  }

  /** A(t) by hand (t in s). */
  private static double average(double t) {
    double w = WINDOW / 1e9;
    return t <= w ? L0 + SLOPE * t * t / (2 * w) : L0 + SLOPE * (t - w / 2);
  }

  /**
   * Energy the battery delivers by t (s) with F = A: ∫(L − A) = s·t²/2 − s·t³/(6W), then + s·W/2 a
   * second.
   */
  private static double delivered(double t) {
    double w = WINDOW / 1e9;
    if (t <= w) {
      return SLOPE * t * t / 2 - SLOPE * t * t * t / (6 * w);
    }
    return SLOPE * w * w / 3 + SLOPE * w / 2 * (t - w);
  }

  /**
   * Without a ramp limit the grid imports the moving average itself: a quadratic over the first
   * window (curve s/(2W)), a line after; the store ends where the hand integral puts it.
   */
  @Test
  void theGridImportsTheExactMovingAverageOfARamp() {
    SiteDispatch d = dispatch(Double.POSITIVE_INFINITY, 0.5);
    List<Piece> pieces = walk(d, 100 * S);
    for (Piece p : pieces) {
      for (double t : new double[] {p.from(), 0.5 * (p.from() + p.to()), p.to()}) {
        assertThat(p.gridAt(t)).isCloseTo(average(t / 1e9), within(L0 * 1e-12));
      }
    }
    // Over the first window the import curves at s/(2W) per ns².
    Piece first = pieces.get(0);
    assertThat(first.to()).isEqualTo(WINDOW);
    assertThat(first.gridCurve()).isCloseTo(SLOPE * 1e-9 / (2.0 * WINDOW), within(1e-30));
    double expected = 0.5 - delivered(100) / ETA / CAPACITY;
    assertThat(d.battery().orElseThrow().stateOfCharge()).isCloseTo(expected, within(1e-12));
  }

  /**
   * With a ramp limit r < s the grid rides the average until its slope s·t/W reaches r, at t₁ =
   * r·W/s (to the nanosecond), then climbs at r: the store ends at E₀ − (∫₀^t₁ (L − A) + ∫_t₁^T (L
   * − F))/η.
   */
  @Test
  void theGridLeavesTheAverageWhereItsSlopeReachesTheRampLimit() {
    double r = 0.25e6; // W/s
    SiteDispatch d = dispatch(r, 0.5);
    double end = 100;
    List<Piece> pieces = walk(d, (long) (end * S));
    double w = WINDOW / 1e9;
    double t1 = r * w / SLOPE; // 15 s
    Piece riding = pieces.get(0);
    assertThat((double) riding.to()).isBetween(t1 * 1e9, t1 * 1e9 + 1);
    assertThat(riding.smoothedCurve()).isPositive();
    // After t₁ the grid is a line at r; the target F(t) = A(t₁) + r·(t − t₁).
    double f1 = average(t1);
    for (Piece p : pieces.subList(1, pieces.size())) {
      assertThat(p.gridCurve()).isZero();
      assertThat(p.gridSlope()).isCloseTo(r * 1e-9, within(r * 1e-9 * 1e-9));
      assertThat(p.grid()).isCloseTo(f1 + r * (p.from() / 1e9 - t1), within(L0 * 1e-9));
    }
    // The battery delivered ∫₀^t₁ (L − A) + ∫_t₁^T (L₀ + s·t − f1 − r·(t − t₁)).
    double firstPart = delivered(t1);
    double rest = (L0 - f1 + r * t1) * (end - t1) + (SLOPE - r) * (end * end - t1 * t1) / 2;
    double expected = 0.5 - (firstPart + rest) / ETA / CAPACITY;
    assertThat(d.battery().orElseThrow().stateOfCharge()).isCloseTo(expected, within(1e-9));
  }

  /**
   * A store that empties while the import curves: the moment is the root of a cubic, (s·t²/2 −
   * s·t³/(6W))/η = E₀ − E_min, found here by Brent's method on the hand formula; the dispatch's
   * crossing lands within a nanosecond of it and the grid takes the whole load from then on.
   */
  @Test
  void theStoreEmptiesAtTheRootOfTheCubic() {
    // 1 GJ above the floor, 0.9 GJ delivered: less than s·W²/3 = 1.2 GJ, so empty while curved.
    SiteDispatch d = dispatch(Double.POSITIVE_INFINITY, 0.11);
    List<Piece> pieces = walk(d, 60 * S);
    double usable = (0.11 - 0.1) * CAPACITY * ETA;
    double exact =
        new BrentSolver(1e-15, 1e-15).solve(200, t -> delivered(t) - usable, 0, WINDOW / 1e9) * 1e9;
    assertThat(exact).isLessThan(WINDOW); // the empty moment is on the curved stretch
    Piece empty =
        pieces.stream().filter(p -> p.from() > 0 && p.battery() == 0).findFirst().orElseThrow();
    assertThat((double) empty.from()).isBetween(exact - 1e-3, exact + 1);
    assertThat(empty.grid()).isCloseTo(L0 + SLOPE * empty.from() * 1e-9, within(L0 * 1e-12));
    SiteBattery b = d.battery().orElseThrow();
    assertThat(b.energyJoules()).isCloseTo(0.1 * CAPACITY, within(0.2));
    assertThat(b.books().timesEmpty()).isEqualTo(1);
  }

  /**
   * A smoothed pulse (a trapezoid: 1 s up from 20 to 60 MW, 4 s held, 1 s down, 4 s held; period 10
   * s) under a window of one period: after the first window the average is the mean, 40 MW, flat,
   * so the grid imports it exactly and a lossless battery's store comes back to the same level
   * every period: it does not drift, however many periods.
   */
  @Test
  void aWindowOfOnePeriodHoldsTheImportAtTheMeanWithoutDrift() {
    double low = 20e6;
    double high = 60e6;
    long period = 10 * S;
    BatterySpec spec =
        new BatterySpec(
            CAPACITY,
            100e6,
            1.0,
            0.0,
            1.0,
            0.5,
            new BatterySpec.SmoothingPolicy(period, Double.POSITIVE_INFINITY, 0),
            0);
    SiteDispatch d = new SiteDispatch(Optional.of(spec), Optional.empty(), low);
    List<Piece> pieces = new ArrayList<>();
    SiteDispatch.PieceSink sink =
        (from, end, load, loadSlope, f, fs, fc, g, gs, gc, p, ps, pc, grid, gridSlope, gc2, soc) ->
            pieces.add(new Piece(from, end, f, fs, fc, p, grid, gridSlope, gc2));
    long[] kinks = {0, S, 5 * S, 6 * S};
    double[] levels = {low, high, high, low};
    double[] slopes = {(high - low) / S, 0, (low - high) / S, 0};
    double[] socAtPeriodEnd = new double[50];
    double firstPeriod = 0;
    for (int k = 0; k < 50; k++) {
      for (int j = 0; j < 4; j++) {
        long at = k * period + kinks[j];
        long next = j < 3 ? k * period + kinks[j + 1] : (k + 1) * period;
        d.loadChanged(at, levels[j], slopes[j]);
        d.advance(at, next, sink);
      }
      socAtPeriodEnd[k] = d.battery().orElseThrow().stateOfCharge();
      if (k == 0) {
        firstPeriod = d.battery().orElseThrow().books().dischargedJoules();
      }
    }
    double mean = 0.5 * (low + high);
    for (Piece p : pieces) {
      if (p.from() >= period) {
        assertThat(p.gridAt(p.from())).isCloseTo(mean, within(mean * 1e-12));
        assertThat(p.gridAt(p.to())).isCloseTo(mean, within(mean * 1e-12));
      }
    }
    // Each period the battery gives (and takes) ∫(L − mean)⁺ = 4 s·20 MW + 2·(0.5 s·10 MW) = 90
    // MJ; its store returns to the same level, to rounding.
    for (int k = 1; k < 50; k++) {
      assertThat(socAtPeriodEnd[k]).isCloseTo(socAtPeriodEnd[0], within(1e-12));
    }
    SiteBattery.BatteryBooks books = d.battery().orElseThrow().books();
    assertThat((books.dischargedJoules() - firstPeriod) / 49).isCloseTo(90e6, within(90e6 * 1e-9));
  }
}
