package org.aifactory.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aifactory.model.facility.FacilitySpec;
import org.junit.jupiter.api.Test;

/** A piecewise-linear signal: every figure of the recorder as the hand computation says. */
class PowerRecorderRampTest {
  private static final long S = 1_000_000_000L;

  /**
   * 1 kW until 10 s; a ramp up at 200 W/s to 3 kW (10 s); 3 kW until 30 s; a step down to 2 kW and
   * a ramp down at 100 W/s to 0 (20 s); 0 until 100 s.
   */
  private static PowerRecorder trapezoid(long windowStart, long windowEnd) {
    PowerRecorder r = new PowerRecorder(100 * S, 10, S, windowStart, windowEnd, 0);
    r.set(0, 1_000, 1_000);
    r.set(10 * S, 1_000, 1_000, 200, 200);
    r.set(20 * S, 3_000, 3_000);
    r.set(30 * S, 2_000, 2_000, -100, -100);
    r.set(50 * S, 0, 0);
    r.finish();
    return r;
  }

  @Test
  void energyPeakMinimumAndBucketsAreTrapezoids() {
    PowerRecorder r = trapezoid(0, 0);
    // 1 kW × 10 s + (1 + 3)/2 kW × 10 s + 3 kW × 10 s + (2 + 0)/2 kW × 20 s = 80 kJ
    assertThat(r.energyJoules()).isCloseTo(80_000, within(1e-6));
    assertThat(r.peakWatts()).isEqualTo(3_000);
    assertThat(r.minWatts()).isEqualTo(0);
    assertThat(r.hasRamps()).isTrue();
    PowerSeries s = r.series();
    // bucket 1 = [10, 20): the ramp up, mean 2 kW, from 1 kW to 3 kW
    assertThat(s.meanWatts(1)).isCloseTo(2_000, within(1e-9));
    assertThat(s.minWatts(1)).isEqualTo(1_000);
    assertThat(s.maxWatts(1)).isCloseTo(3_000, within(1e-9));
    // bucket 3 = [30, 40): from 2 kW to 1 kW, mean 1.5 kW; bucket 4 from 1 kW to 0
    assertThat(s.meanWatts(3)).isCloseTo(1_500, within(1e-9));
    assertThat(s.maxWatts(3)).isEqualTo(2_000);
    assertThat(s.minWatts(3)).isCloseTo(1_000, within(1e-9));
    assertThat(s.meanWatts(4)).isCloseTo(500, within(1e-9));
    assertThat(s.meanItWatts(4)).isCloseTo(500, within(1e-9));
    assertThat(s.meanWatts(5)).isEqualTo(0);
  }

  @Test
  void theRampOfARampIsItsSlopeAndAStepStaysAStep() {
    PowerRecorder r = trapezoid(0, 0);
    // 1 s windows inside the ramp up average 200 W more each: 200 W/s. The step down at 30 s
    // (3 kW → 2 kW, then falling at 100 W/s) changes the window average from 3 kW to 1.95 kW.
    assertThat(r.maxRampWattsPerSecond()).isCloseTo(1_050, within(1e-6));

    PowerRecorder smooth = new PowerRecorder(100 * S, 1, S, 0, 0, 0);
    smooth.set(0, 0, 0, 500, 500);
    smooth.set(4 * S + S / 2, 2_250, 2_250);
    smooth.finish();
    // windows [0,1) .. [3,4) average 250, 750, 1250, 1750 W; [4,5) averages
    // (∫ 2000..2250 over 0.5 s + 2250 × 0.5 s) / 1 s = 2,187.5 W: the last change is 437.5 W.
    assertThat(smooth.maxRampWattsPerSecond()).isCloseTo(500, within(1e-9));
    assertThat(smooth.energyJoules()).isCloseTo(2_250 / 2.0 * 4.5 + 2_250 * 95.5, within(1e-6));
  }

  @Test
  void theWindowKeepsEachPieceWithItsSlope() {
    PowerRecorder r = trapezoid(15 * S, 45 * S);
    PowerSeries s = r.series();
    assertThat(s.windowHasRamps()).isTrue();
    assertThat(s.stepCount()).isEqualTo(3);
    // in force at 15 s: the ramp up, at 2 kW
    assertThat(s.stepTimeNanos(0)).isEqualTo(15 * S);
    assertThat(s.stepWatts(0)).isCloseTo(2_000, within(1e-9));
    assertThat(s.stepWattsPerSecond(0)).isCloseTo(200, within(1e-12));
    assertThat(s.stepEndWatts(0)).isCloseTo(3_000, within(1e-9));
    assertThat(s.stepWatts(1)).isEqualTo(3_000);
    assertThat(s.stepWattsPerSecond(1)).isZero();
    assertThat(s.stepWattsPerSecond(2)).isCloseTo(-100, within(1e-12));
    assertThat(s.stepEndWatts(2)).isCloseTo(500, within(1e-9));

    PowerRecorder steps = new PowerRecorder(100 * S, 10, S, 15 * S, 45 * S, 0);
    steps.set(0, 1_000);
    steps.set(20 * S, 3_000);
    steps.finish();
    assertThat(steps.series().windowHasRamps()).isFalse();
    assertThat(steps.hasRamps()).isFalse();
  }

  @Test
  void aSearchedWindowStartsOnARampAtItsValueThen() {
    PowerRecorder r = new PowerRecorder(200 * S, 4, S, 0, 0, 0);
    r.searchWindow(new WindowSearch(0, 150 * S, 30 * S, 5 * S, 4 * S));
    r.set(0, 1_000, 1_000, 10, 10); // rising 10 W/s
    r.set(60 * S, 200, 200); // a drop held 10 s
    r.set(70 * S, 1_000, 1_000);
    r.finish();
    PowerSeries s = r.series();
    assertThat(s.windowStartNanos()).isEqualTo(55 * S);
    assertThat(s.stepWatts(0)).isCloseTo(1_550, within(1e-9));
    assertThat(s.stepWattsPerSecond(0)).isCloseTo(10, within(1e-12));
    assertThat(s.stepWatts(1)).isEqualTo(200);
  }

  @Test
  void theLedgerIntegratesRampsAsTrapezoidsAndCarriesThemThroughThePue() {
    PowerRecorder r = new PowerRecorder(100 * S, 10, S, 0, 0, 0);
    PowerLedger ledger = new PowerLedger(new FacilitySpec(1.5).model(), r);
    ledger.change(0, 1_000, 2_000); // GPUs 1 kW, IT 2 kW
    ledger.change(10 * S, 0, 0, 0, 100, 200); // GPUs rise at 100 W/s, IT at 200 W/s
    ledger.change(20 * S, 0, 0, 0, -100, -200); // flat again: GPUs 2 kW, IT 4 kW
    ledger.finish(100 * S);
    // GPU: 1 kW × 10 s + 1.5 kW × 10 s + 2 kW × 80 s = 185 kJ; IT twice that; site 1.5 × IT
    assertThat(ledger.gpuEnergyJoules()).isCloseTo(185_000, within(1e-6));
    assertThat(ledger.itEnergyJoules()).isCloseTo(370_000, within(1e-6));
    assertThat(ledger.facilityEnergyJoules()).isCloseTo(555_000, within(1e-6));
    assertThat(r.peakWatts()).isCloseTo(6_000, within(1e-9));
    assertThat(r.maxRampWattsPerSecond()).isCloseTo(300, within(1e-9));
    assertThat(ledger.itWatts()).isCloseTo(4_000, within(1e-9));
  }

  @Test
  void sinksHearTheSlopesAndTheShadowOnlyTheUnshapedLoad() {
    PowerRecorder r = new PowerRecorder(100 * S, 1, S, 0, 0, 0);
    PowerLedger ledger = new PowerLedger(new FacilitySpec(1).model(), r);
    ledger.withUnshapedShadow(new PowerRecorder(100 * S, 1, S, 0, 0, 0));
    double[] heard = new double[2];
    ledger.addSink(
        (now, site, it, siteRate, itRate) -> {
          heard[0] = site;
          heard[1] = siteRate;
        });
    ledger.change(0, 100, 100); // a base load, both
    ledger.changeShaped(0, 500, 500, 0, 0, 0); // a shaped load holds 500 W more ...
    ledger.unshaped().change(0, 900, 900); // ... where it would have drawn 900 W
    ledger.changeShaped(10 * S, 0, 0, 0, 50, 50);
    assertThat(heard).containsExactly(600, 50);
    ledger.finish(100 * S);
    assertThat(ledger.unshaped().facilityEnergyJoules()).isCloseTo(100_000, within(1e-6));
    assertThat(ledger.unshaped().recorder().peakWatts()).isEqualTo(1_000);
    // 600 W × 10 s + a ramp from 600 W at 50 W/s for 90 s
    assertThat(ledger.facilityEnergyJoules())
        .isCloseTo(6_000 + (600 + 600 + 50 * 90) / 2.0 * 90, within(1e-6));
  }
}
