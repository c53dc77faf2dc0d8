package org.aifactory.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerRecorderTest {
  private static final long S = 1_000_000_000L;

  @Test
  void integratesEnergyExactlyAndKeepsBucketExtremes() {
    // 100 s horizon, 10 buckets of 10 s, window [20 s, 40 s).
    PowerRecorder r = new PowerRecorder(100 * S, 10, S, 20 * S, 40 * S, 0);
    r.set(0, 1_000); // 1 kW for 25 s
    r.set(25 * S, 3_000); // 3 kW for 10 s
    r.set(35 * S, 500); // 0.5 kW for 65 s
    r.finish();
    double expected = 1_000 * 25 + 3_000 * 10 + 500 * 65;
    assertThat(r.energyJoules()).isCloseTo(expected, within(1e-6));
    assertThat(r.peakWatts()).isEqualTo(3_000);
    assertThat(r.minWatts()).isEqualTo(500);
    assertThat(r.meanWatts()).isCloseTo(expected / 100, within(1e-9));

    PowerSeries s = r.series();
    assertThat(s.bucketCount()).isEqualTo(10);
    // bucket 2 = [20, 30): 1 kW for 5 s, 3 kW for 5 s.
    assertThat(s.minWatts(2)).isEqualTo(1_000);
    assertThat(s.maxWatts(2)).isEqualTo(3_000);
    assertThat(s.meanWatts(2)).isCloseTo(2_000, within(1e-9));
    // bucket 3 = [30, 40): 3 kW for 5 s, 0.5 kW for 5 s.
    assertThat(s.meanWatts(3)).isCloseTo(1_750, within(1e-9));
    assertThat(s.meanWatts(9)).isCloseTo(500, within(1e-9));
    // Window steps: level at window start, then each change inside.
    assertThat(s.stepCount()).isEqualTo(3);
    assertThat(s.stepTimeNanos(0)).isEqualTo(20 * S);
    assertThat(s.stepWatts(0)).isEqualTo(1_000);
    assertThat(s.stepTimeNanos(1)).isEqualTo(25 * S);
    assertThat(s.stepWatts(2)).isEqualTo(500);
  }

  /**
   * A recorder of the figures only gives bit for bit the figures of a full one (energy, peak,
   * minimum, ramp) for a signal of steps and ramps, pseudo-random and crossing many buckets and
   * ramp windows, and keeps no series.
   */
  @Test
  void figuresOnlyAreTheFiguresOfAFullRecorder() {
    long horizon = 3_600 * S;
    PowerRecorder full = new PowerRecorder(horizon, 500, S, 100 * S, 200 * S, 1_000);
    PowerRecorder figures = PowerRecorder.figuresOnly(horizon, S, 1_000);
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    long t = 0;
    while (true) {
      t += 1 + random.nextLong(7 * S);
      if (t >= horizon) {
        break;
      }
      double watts = random.nextDouble(500, 5_000);
      double slope = random.nextInt(3) == 0 ? random.nextDouble(-300, 300) : 0;
      double it = watts / 1.2;
      full.set(t, watts, it, slope, slope / 1.2);
      figures.set(t, watts, it, slope, slope / 1.2);
    }
    full.finish();
    figures.finish();
    assertThat(figures.energyJoules()).isEqualTo(full.energyJoules());
    assertThat(figures.peakWatts()).isEqualTo(full.peakWatts());
    assertThat(figures.minWatts()).isEqualTo(full.minWatts());
    assertThat(figures.maxRampWattsPerSecond()).isEqualTo(full.maxRampWattsPerSecond());
    assertThat(figures.hasRamps()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(figures::series)
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void instantaneousIntermediateLevelsAreNotPeaks() {
    PowerRecorder r = new PowerRecorder(10 * S, 1, S, 0, 10 * S, 0);
    r.set(0, 100);
    r.set(5 * S, 900); // job A up ...
    r.set(5 * S, 100); // ... and job B down at the same instant: net nothing
    r.finish();
    assertThat(r.peakWatts()).isEqualTo(100);
    assertThat(r.series().maxWatts(0)).isEqualTo(100);
    assertThat(r.series().stepCount()).isEqualTo(1);
  }

  @Test
  void rampIsTheLargestChangeBetweenConsecutiveWindowAverages() {
    // 1 s ramp windows. 0 W until 10.5 s, then 1 MW: window [10, 11) averages 0.5 MW,
    // so consecutive averages change by 0.5 MW twice: max ramp 0.5 MW/s.
    PowerRecorder r = new PowerRecorder(100 * S, 4, S, 0, 0, 0);
    r.set(0, 0);
    r.set(10 * S + S / 2, 1e6);
    r.finish();
    assertThat(r.maxRampWattsPerSecond()).isCloseTo(0.5e6, within(1e-6));

    // A step exactly on a window boundary is a full-size ramp, 2 s windows halve the rate.
    PowerRecorder aligned = new PowerRecorder(100 * S, 4, 2 * S, 0, 0, 0);
    aligned.set(0, 0);
    aligned.set(10 * S, 1e6);
    aligned.set(50 * S, 2e5);
    aligned.finish();
    assertThat(aligned.maxRampWattsPerSecond()).isCloseTo(0.5e6, within(1e-6));
  }

  /** 2 s square pulses (1 kW for 1 s, 500 W for 1 s) from 0 to {@code until}, on {@code r}. */
  private static void pulses(PowerRecorder r, long from, long until) {
    for (long t = from; t < until; t += 2 * S) {
      r.set(t, 1_000);
      r.set(t + S, 500);
    }
  }

  @Test
  void searchFindsTheFirstDropHeldLongEnoughAndShowsTheLeadBeforeIt() {
    // search from 10 s; window 30 s with 5 s before the drop; a drop counts if held >= 4 s
    PowerRecorder r = new PowerRecorder(200 * S, 4, S, 0, 0, 0);
    r.searchWindow(new WindowSearch(10 * S, 150 * S, 30 * S, 5 * S, 4 * S));
    pulses(r, 0, 60 * S);
    r.set(60 * S, 200); // a 10 s checkpoint
    pulses(r, 70 * S, 200 * S);
    r.finish();
    PowerSeries s = r.series();
    assertThat(s.windowStartNanos()).isEqualTo(55 * S);
    assertThat(s.windowEndNanos()).isEqualTo(85 * S);
    // the level in force at 55 s (500 W, since 55 s), pulses, the drop, pulses
    assertThat(s.stepTimeNanos(0)).isEqualTo(55 * S);
    assertThat(s.stepWatts(0)).isEqualTo(500);
    assertThat(s.stepTimeNanos(1)).isEqualTo(56 * S);
    assertThat(s.stepWatts(1)).isEqualTo(1_000);
    assertThat(s.stepTimeNanos(5)).isEqualTo(60 * S);
    assertThat(s.stepWatts(5)).isEqualTo(200);
    assertThat(s.stepTimeNanos(6)).isEqualTo(70 * S);
    assertThat(s.stepWatts(6)).isEqualTo(1_000);
    assertThat(s.stepTimeNanos(s.stepCount() - 1)).isEqualTo(84 * S);
    assertThat(s.stepCount()).isEqualTo(6 + 15);
  }

  @Test
  void aDropThatFitsInTheWindowIsPreferredToAnEarlierLongOne() {
    PowerRecorder r = new PowerRecorder(400 * S, 4, S, 0, 0, 0);
    r.searchWindow(new WindowSearch(0, 300 * S, 30 * S, 5 * S, 4 * S));
    pulses(r, 0, 20 * S);
    r.set(20 * S, 100); // a 60 s restart: longer than the window
    pulses(r, 80 * S, 150 * S);
    r.set(150 * S, 200); // a 10 s checkpoint
    pulses(r, 160 * S, 400 * S);
    r.finish();
    assertThat(r.series().windowStartNanos()).isEqualTo(145 * S);
    assertThat(r.series().stepWatts(5)).isEqualTo(200);
  }

  @Test
  void aLongDropIsShownWhenNoneFits() {
    PowerRecorder r = new PowerRecorder(400 * S, 4, S, 0, 0, 0);
    r.searchWindow(new WindowSearch(0, 300 * S, 30 * S, 5 * S, 4 * S));
    pulses(r, 0, 20 * S);
    r.set(20 * S, 100); // 60 s
    pulses(r, 80 * S, 400 * S);
    r.finish();
    assertThat(r.series().windowStartNanos()).isEqualTo(15 * S);
    assertThat(r.series().windowEndNanos()).isEqualTo(45 * S);
  }

  @Test
  void withoutADropTheWindowStartsWhereTheSearchDoes() {
    PowerRecorder r = new PowerRecorder(400 * S, 4, S, 0, 0, 0);
    r.searchWindow(new WindowSearch(7 * S, 300 * S, 30 * S, 5 * S, 4 * S));
    pulses(r, 0, 400 * S); // no level held 4 s
    r.finish();
    PowerSeries s = r.series();
    assertThat(s.windowStartNanos()).isEqualTo(7 * S);
    assertThat(s.windowEndNanos()).isEqualTo(37 * S);
    assertThat(s.stepTimeNanos(0)).isEqualTo(7 * S);
    assertThat(s.stepWatts(0)).isEqualTo(500);
    assertThat(s.stepCount()).isEqualTo(1 + 29);

    // a flat run: one level, at the search's start
    PowerRecorder flat = new PowerRecorder(400 * S, 4, S, 0, 0, 0);
    flat.searchWindow(new WindowSearch(7 * S, 300 * S, 30 * S, 5 * S, 4 * S));
    flat.set(0, 800);
    flat.finish();
    assertThat(flat.series().stepCount()).isEqualTo(1);
    assertThat(flat.series().stepWatts(0)).isEqualTo(800);
    assertThat(flat.series().windowStartNanos()).isEqualTo(7 * S);
  }

  @Test
  void aDropTooCloseToTheEndOfTheSearchIsNotShownCut() {
    PowerRecorder r = new PowerRecorder(400 * S, 4, S, 0, 0, 0);
    r.searchWindow(new WindowSearch(0, 100 * S, 30 * S, 5 * S, 4 * S));
    pulses(r, 0, 90 * S);
    r.set(90 * S, 200); // a drop, but [85 s, 115 s) runs past the search's end
    pulses(r, 100 * S, 400 * S);
    r.finish();
    assertThat(r.series().windowStartNanos()).isZero();
  }
}
