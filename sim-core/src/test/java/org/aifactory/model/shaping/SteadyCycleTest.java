package org.aifactory.model.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SteadyCycleTest {
  private static final double S = 1e9;

  @Test
  void aSmoothedIterationIsItsPiecesInClosedForm() {
    // 700 W for 3.85 s, then 350 W (a floor) for 1.65 s; up 1,400 W/s, down 700 W/s, hold 0.1 s.
    // From 350 W: up 0.25 s, 700 W 3.6 s, held 0.1 s, down 0.5 s, 350 W 1.05 s.
    SteadyCycle c =
        SteadyCycle.of(
            new PowerSmoothingSpec(0.5, 1_400, 700, Duration.ofMillis(100)),
            700,
            350,
            3.85 * S,
            1.65 * S,
            null);
    double joules = 0.25 * 525 + 3.6 * 700 + 0.1 * 700 + 0.5 * 525 + 1.05 * 350; // 3,351.25 J
    assertThat(c.meanGpuWatts()).isCloseTo(joules / 5.5, within(1e-9));
    double squares =
        0.25 * (350 * 350 + 350 * 700 + 700 * 700) / 3
            + 3.7 * 700 * 700
            + 0.5 * (700 * 700 + 700 * 350 + 350 * 350) / 3
            + 1.05 * 350 * 350;
    double mean = joules / 5.5;
    assertThat(c.gpuVarianceWatts2()).isCloseTo(squares / 5.5 - mean * mean, within(1e-6));
    assertThat(c.startWatts()).isEqualTo(350);
    assertThat(c.endWatts()).isEqualTo(350);
    assertThat(c.rampUpNanos()).isCloseTo(0.25 * S, within(1.0));
    assertThat(c.maxGpuWatts()).isEqualTo(700);
  }

  @Test
  void aRampDownThatNeverEndsLeavesTheIterationStartingHigher() {
    // down 100 W/s for 1.55 s after the hold: 700 → 545 W; up again in 155/1,400 s
    SteadyCycle c =
        SteadyCycle.of(
            new PowerSmoothingSpec(0, 1_400, 100, Duration.ofMillis(100)),
            700,
            210,
            3.85 * S,
            1.65 * S,
            null);
    assertThat(c.startWatts()).isCloseTo(545, within(1e-9));
    assertThat(c.endWatts()).isCloseTo(545, within(1e-9));
    assertThat(c.endMode()).isEqualTo(GpuSmoother.Mode.RAMP_DOWN);
    double up = 155 / 1_400.0;
    double joules = up * (545 + 700) / 2 + (3.85 - up) * 700 + 0.1 * 700 + 1.55 * (700 + 545) / 2;
    assertThat(c.meanGpuWatts()).isCloseTo(joules / 5.5, within(1e-9));
  }

  @Test
  void rampsTooSlowForThePhasesSettleOnTheLowLevel() {
    // up 50 W/s for 1 s (200 → 250 W), down 100 W/s (0.5 s to 200 W): back to 200 W every time
    SteadyCycle c =
        SteadyCycle.of(new PowerSmoothingSpec(0, 50, 100, Duration.ZERO), 700, 200, S, S, null);
    assertThat(c.startWatts()).isEqualTo(200);
    assertThat(c.endWatts()).isCloseTo(200, within(1e-9));
    assertThat(c.meanGpuWatts()).isCloseTo((225 * 1 + 225 * 0.5 + 200 * 0.5) / 2, within(1e-9));
  }

  @Test
  void withoutSmoothingAnIterationIsTwoLevels() {
    SteadyCycle c = SteadyCycle.of(null, 700, 210, 3.85 * S, 1.65 * S, null);
    assertThat(c.meanGpuWatts()).isCloseTo((700 * 3.85 + 210 * 1.65) / 5.5, within(1e-9));
    assertThat(c.gpuVarianceWatts2()).isCloseTo(490 * 490 * 0.7 * 0.3, within(1e-6));
  }

  /** A rack: 100 kW above base computing for 2 s, 20 kW for {@code lull} s; target 60 kW. */
  private static SteadyCycle rack(double capacity, double lullSeconds) {
    // GPU watts above idle 0 are the rack's load directly (load per GPU watt 1).
    return SteadyCycle.of(
        null,
        100_000,
        20_000,
        2 * S,
        lullSeconds * S,
        new SteadyCycle.Store(capacity, 60_000, 0.9, 0, 1));
  }

  @Test
  void aStoreThatRefillsEveryIterationHoldsTheRackAtItsTarget() {
    // 80 kJ out while computing; 2.5 s × 40 kW × 0.9 = 90 kJ could go back: it refills in
    // 80 / 36 = 2.22 s, then the rack draws its 20 kW load.
    SteadyCycle c = rack(100_000, 2.5);
    assertThat(c.storedJoules()).isEqualTo(100_000);
    assertThat(c.maxDrawWatts()).isEqualTo(60_000);
    assertThat(c.maxLoadWatts()).isEqualTo(100_000);
    double refill = 80_000 / 36_000.0;
    double draw = 60_000 * (2 + refill) + 20_000 * (2.5 - refill);
    assertThat(c.meanDrawWatts()).isCloseTo(draw / 4.5, within(1e-6));
    // losses: 10 % of the 80/0.9 kJ drawn to refill
    assertThat(c.meanLossWatts()).isCloseTo(80_000 / 0.9 * 0.1 / 4.5, within(1e-6));
    assertThat(c.meanDrawWatts()).isCloseTo(c.meanLoadWatts() + c.meanLossWatts(), within(1e-6));
  }

  @Test
  void aStoreThatCannotRefillEmptiesEveryIteration() {
    // 80 kJ needed, 1 s × 36 kW = 36 kJ back: the store starts each iteration with 36 kJ, covers
    // 0.9 s of the compute phase, then the rack draws its 100 kW.
    SteadyCycle c = rack(100_000, 1);
    assertThat(c.storedJoules()).isCloseTo(36_000, within(1e-6));
    assertThat(c.maxDrawWatts()).isEqualTo(100_000);
    double draw = 60_000 * 0.9 + 100_000 * 1.1 + 60_000 * 1;
    assertThat(c.meanDrawWatts()).isCloseTo(draw / 3, within(1e-6));
    assertThat(c.meanDrawWatts()).isCloseTo(c.meanLoadWatts() + c.meanLossWatts(), within(1e-6));
  }
}
