package org.aifactory.model.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.aifactory.model.shaping.GpuSmoother.Mode;
import org.junit.jupiter.api.Test;

class GpuSmootherTest {
  private static final long MS = 1_000_000L;
  private static final PowerSmoothingSpec SPEC =
      new PowerSmoothingSpec(0.5, 1_400, 700, Duration.ofMillis(100));

  @Test
  void rampsUpAtItsRateAndHoldsBeforeRampingDown() {
    GpuSmoother g = new GpuSmoother(SPEC, 350);
    g.retarget(0, 700);
    assertThat(g.mode()).isEqualTo(Mode.RAMP_UP);
    assertThat(g.nextKinkNanos()).isEqualTo(250 * MS); // 350 W at 1,400 W/s
    assertThat(g.watts(100 * MS)).isCloseTo(490, within(1e-9));
    g.advance(250 * MS);
    assertThat(g.mode()).isEqualTo(Mode.FLAT);
    assertThat(g.watts(250 * MS)).isEqualTo(700);

    g.retarget(3_850 * MS, 350);
    assertThat(g.mode()).isEqualTo(Mode.HOLD);
    assertThat(g.nextKinkNanos()).isEqualTo(3_950 * MS);
    g.advance(3_950 * MS);
    assertThat(g.mode()).isEqualTo(Mode.RAMP_DOWN);
    assertThat(g.nextKinkNanos()).isEqualTo(4_450 * MS); // 350 W at 700 W/s
    assertThat(g.watts(4_200 * MS)).isCloseTo(525, within(1e-9));
    assertThat(g.slopeWattsPerNano()).isCloseTo(-700e-9, within(1e-18));
    g.advance(5_000 * MS);
    assertThat(g.watts(5_000 * MS)).isEqualTo(350);
  }

  @Test
  void aRiseDuringTheHoldRampsUpFromTheHeldPowerAndAFallDoesNotRestartIt() {
    GpuSmoother g = new GpuSmoother(SPEC, 700);
    g.retarget(0, 350);
    g.retarget(50 * MS, 300); // lower again within the hold: it ends at 100 ms still
    assertThat(g.nextKinkNanos()).isEqualTo(100 * MS);
    g.advance(300 * MS); // ramping down since 100 ms: 700 − 140 W
    // a slope of 400 W / ⌈571,428,571.4 ns⌉: a hair under 700 W/s
    assertThat(g.watts(300 * MS)).isCloseTo(560, within(1e-6));
    g.retarget(300 * MS, 700); // up again from 560 W
    assertThat(g.mode()).isEqualTo(Mode.RAMP_UP);
    assertThat(g.nextKinkNanos()).isEqualTo(400 * MS);
  }

  @Test
  void aCapIsObeyedAtOnceAndUnlimitedRampsAreSteps() {
    GpuSmoother g = new GpuSmoother(SPEC, 700);
    g.limit(10 * MS, 500);
    assertThat(g.watts(10 * MS)).isEqualTo(500);
    GpuSmoother steps =
        new GpuSmoother(
            new PowerSmoothingSpec(
                0, PowerSmoothingSpec.UNLIMITED, PowerSmoothingSpec.UNLIMITED, Duration.ZERO),
            100);
    steps.retarget(0, 700);
    assertThat(steps.watts(0)).isEqualTo(700);
    assertThat(steps.nextKinkNanos()).isEqualTo(GpuSmoother.NEVER);
    steps.retarget(5, 100);
    assertThat(steps.watts(5)).isEqualTo(100);
  }

  @Test
  void hostileRatesNeverOverflowTheClock() {
    GpuSmoother slow =
        new GpuSmoother(new PowerSmoothingSpec(0, 1e-300, 1e-300, Duration.ofDays(100_000)), 0);
    slow.retarget(Long.MAX_VALUE - 10, 700);
    assertThat(slow.nextKinkNanos()).isEqualTo(GpuSmoother.NEVER);
    assertThat(slow.watts(Long.MAX_VALUE - 5)).isGreaterThanOrEqualTo(0);
    GpuSmoother fast = new GpuSmoother(new PowerSmoothingSpec(0, 1e300, 1e300, Duration.ZERO), 0);
    fast.retarget(0, 700);
    assertThat(fast.watts(0)).isEqualTo(700);
  }
}
