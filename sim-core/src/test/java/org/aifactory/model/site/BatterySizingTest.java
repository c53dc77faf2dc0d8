package org.aifactory.model.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.SwingCause;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SiteResult;
import org.junit.jupiter.api.Test;

/**
 * The battery sizes of docs/sources.md §2 (ANCHORS §2): for a square-wave swing ΔP of period T and
 * duty D with the grid at the mean, the battery discharges (1 − D)ΔP over the high phase and stores
 * D(1 − D)ΔP·T; for a step ΔP under a ramp limit r it delivers ΔP²/(2r). A battery just above the
 * size keeps the grid import flat (or on its ramp); just below, it does not.
 *
 * <p>The square wave starts from the level held before the run (its mean), so the moving average
 * needs a first period to fill: the battery is sized for the steady state and may clip in the first
 * two periods; the assertions are on what comes after.
 */
class BatterySizingTest {
  private static final long S = 1_000_000_000L;
  private static final double LOW = 10e6;
  private static final double SWING = 20e6;
  private static final long PERIOD = 4 * S;
  private static final long PERIODS = 50;

  /** Square wave of duty {@code duty}, high first, from its mean; the grid's range checked. */
  private static SiteResult square(double duty, double energyJoules, double powerWatts) {
    BatterySpec battery =
        new BatterySpec(
            energyJoules,
            powerWatts,
            1,
            0,
            1,
            0.5,
            new BatterySpec.SmoothingPolicy(PERIOD, Double.POSITIVE_INFINITY, 0),
            0);
    SiteSpec spec =
        new SiteSpec(
            List.of(new GridRule.DynamicRange("flat", 1, S)),
            Optional.empty(),
            Optional.of(battery),
            Optional.empty(),
            Optional.empty());
    long horizon = PERIODS * PERIOD;
    SiteMonitor m = new SiteMonitor(spec, Optional.empty(), horizon, 100, 0, 0, S);
    m.begin(LOW + duty * SWING);
    long high = Math.round(duty * PERIOD);
    for (long k = 0; k < PERIODS; k++) {
      m.sitePowerChanged(k * PERIOD, LOW + SWING, 0, SwingCause.PULSES);
      m.sitePowerChanged(k * PERIOD + high, LOW, 0, SwingCause.PULSES);
    }
    return m.finish(0, 0);
  }

  /** Whether the grid import moved after the first two periods (the moving average's fill). */
  private static boolean movesAfterStart(SiteResult r) {
    RuleVerdict flat = r.rules().get(0);
    double[] starts = flat.violationStartsNanos();
    return starts.length > 0 && starts[starts.length - 1] > 2 * PERIOD + S;
  }

  private static double energy(double duty) {
    return duty * (1 - duty) * SWING * PERIOD / 1e9;
  }

  @Test
  void squareWaveNeedsDischargePowerOneMinusDTimesSwing() {
    double d = 0.25; // a duty below one half: discharging is the larger power
    double power = (1 - d) * SWING;
    assertThat(movesAfterStart(square(d, 4 * energy(d), power * 1.001))).isFalse();
    assertThat(movesAfterStart(square(d, 4 * energy(d), power * 0.999))).isTrue();
  }

  @Test
  void squareWaveNeedsEnergyDTimesOneMinusDTimesSwingTimesPeriod() {
    double d = 0.25;
    double power = 2 * SWING;
    assertThat(movesAfterStart(square(d, energy(d) * 1.001, power))).isFalse();
    assertThat(movesAfterStart(square(d, energy(d) * 0.999, power))).isTrue();
    SiteResult r = square(d, energy(d) * 1.001, power);
    // Each period it delivers the steady-state energy D(1 − D)ΔP·T (lossless): 50 periods.
    assertThat(r.battery().orElseThrow().dischargedJoules())
        .isBetween(0.9 * PERIODS * energy(d), 1.05 * PERIODS * energy(d));
  }

  /**
   * With a duty above one half the battery charges at D·ΔP in the low phase, more than the (1 −
   * D)ΔP it discharges: the formula's power is the discharge side, and the charge side binds.
   */
  @Test
  void aDutyAboveOneHalfChargesAtDTimesSwing() {
    double d = 0.75;
    double big = 4 * energy(d);
    assertThat(movesAfterStart(square(d, big, (1 - d) * SWING * 1.001))).isTrue();
    assertThat(movesAfterStart(square(d, big, d * SWING * 1.001))).isFalse();
  }

  /** A step ΔP with the grid import ramp limited at r: the battery delivers ΔP²/(2r). */
  private static SiteResult step(double energyJoules, double rampWattsPerSecond) {
    double r = 2e6; // 2 MW/s
    BatterySpec battery =
        new BatterySpec(
            energyJoules, SWING * 1.001, 1, 0, 1, 1, new BatterySpec.SmoothingPolicy(0, r, 0), 0);
    SiteSpec spec =
        new SiteSpec(
            List.of(new GridRule.Ramp("ramp", rampWattsPerSecond, S / 10)),
            Optional.empty(),
            Optional.of(battery),
            Optional.empty(),
            Optional.empty());
    SiteMonitor m = new SiteMonitor(spec, Optional.empty(), 60 * S, 100, 0, 0, S);
    m.begin(LOW);
    m.sitePowerChanged(10 * S, LOW + SWING, 0, SwingCause.JOBS);
    return m.finish(0, 0);
  }

  @Test
  void stepUnderARampLimitNeedsSwingSquaredOverTwiceTheRamp() {
    double r = 2e6;
    double needed = SWING * SWING / (2 * r); // 100 MJ
    SiteResult enough = step(needed * 1.001, r * (1 + 1e-9));
    assertThat(enough.rules().get(0).pass()).isTrue();
    assertThat(enough.rules().get(0).worst())
        .isCloseTo(r, org.assertj.core.data.Percentage.withPercentage(1e-6));
    assertThat(enough.battery().orElseThrow().dischargedJoules())
        .isCloseTo(needed, org.assertj.core.data.Percentage.withPercentage(1e-6));
    SiteResult short_ = step(needed * 0.999, r * (1 + 1e-9));
    assertThat(short_.rules().get(0).pass()).isFalse();
    assertThat(short_.battery().orElseThrow().timesEmpty()).isEqualTo(1);
  }
}
