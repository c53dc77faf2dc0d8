package org.aifactory.model.cooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.aifactory.metrics.CoolingResult;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §3 validation: the coolant loop against its closed form. One idle GB300 NVL72 rack (72
 * GPUs at their 160 W idle and 41.2 kW of other IT: 52.72 kW, all of it to the liquid loop of a
 * plant without an air loop), one dry cooler rejecting 20 kW at 10 K (UA = 2 kW/K) at 25 °C
 * outdoors, a loop held at 30 °C with a heat capacity of 10 s of design heat (142 kW) per kelvin.
 * The cooler can reject only 10 kW at the setpoint, so the loop warms from 30 °C towards T_eq = 25
 * + 52,720 / 2,000 = 51.36 °C with τ = C / UA = 710 s: T(t) = T_eq + (30 − T_eq)·e^(−t/τ).
 */
class ThermalLoopTest {
  private static final double HEAT = 1.0 * (72 * 160 + 41_200);
  private static final double UA = 2_000;
  private static final double T_EQ = 25 + HEAT / UA;
  private static final double DESIGN = 1.0 * (72 * 1_400 + 41_200);
  private static final double C = 10 * DESIGN;
  private static final double TAU = C / UA;

  private static FactorySpec factory(double resistance) {
    return Plants.factory(
        Plants.loop(30, 10, 0, List.of(Plants.dryCoolers(Plants.units(1, 1), 20_000, 10, 0))),
        new WeatherSpec.Constant(25, 20),
        0,
        new ClusterCoolingSpec(ClusterCoolingSpec.Type.LIQUID, 1.0, resistance),
        List.of(),
        1);
  }

  private static double closedForm(double seconds) {
    return T_EQ + (30 - T_EQ) * Math.exp(-seconds / TAU);
  }

  @Test
  void aLoopThatCannotHoldItsSetpointWarmsAsTheClosedFormSays() {
    RunResult r = Plants.run(factory(0.036), Duration.ofMinutes(10), PulseResolution.FULL, 0);
    CoolingResult.LoopResult loop = r.cooling().orElseThrow().loops().get(0);
    assertThat(loop.maxCelsius()).isCloseTo(closedForm(600), within(1e-9));
    assertThat(loop.aboveSetpointNanos()).isEqualTo(600_000_000_000L);
    // GPUs at idle: 160 W × 0.036 K/W above the loop.
    assertThat(loop.maxGpuCelsius()).isCloseTo(closedForm(600) + 0.036 * 160, within(1e-9));
  }

  /** Heat in = heat rejected + heat stored, to 1e-9 of the heat in. */
  @Test
  void energyBalances() {
    RunResult r = Plants.run(factory(0.036), Duration.ofMinutes(10), PulseResolution.FULL, 0);
    CoolingResult.LoopResult loop = r.cooling().orElseThrow().loops().get(0);
    assertThat(loop.heatInJoules()).isCloseTo(HEAT * 600, within(1e-6));
    assertThat(loop.heatRejectedJoules() + loop.heatStoredJoules())
        .isCloseTo(loop.heatInJoules(), within(1e-9 * loop.heatInJoules()));
    assertThat(loop.heatStoredJoules()).isCloseTo(C * (closedForm(600) - 30), within(1e-3));
  }

  /**
   * With R = 0.3 K/W the idle GPUs (160 W) reach their 89 °C slowdown when the loop reaches 41 °C:
   * at t = τ·ln((30 − T_eq) / (41 − T_eq)), to the nanosecond (the event is at the next whole
   * nanosecond); from then on the GPUs are held by a thermal limit until the horizon (12 min,
   * before the loop reaches 44 °C, where they would shut down at 92 °C).
   */
  @Test
  void theSlowdownCrossingIsFoundToTheNanosecond() {
    RunResult r = Plants.run(factory(0.3), Duration.ofMinutes(12), PulseResolution.FULL, 0);
    CoolingResult.LoopResult loop = r.cooling().orElseThrow().loops().get(0);
    double crossing = C / UA * Math.log((30 - T_EQ) / (41 - T_EQ));
    long event = (long) Math.ceil(crossing * 1e9);
    assertThat(loop.limitedNanos()).isEqualTo(720_000_000_000L - event);
    assertThat(loop.trips()).isZero();
  }

  /**
   * A unit failure is a step too: two coolers of 30 kW at 10 K (UA 3 kW/K each) hold the loop at 30
   * °C (60 kW at the setpoint) until one of them fails at 1 h; from then on the other alone (UA = 3
   * kW/K, 15 kW at the setpoint) cannot, and the loop warms from 30 °C towards T_eq = 25 + 47,448 /
   * 3,000 with τ = C / 3,000, as the closed form says, 10 minutes later.
   */
  @Test
  void aUnitFailureStartsTheClosedFormAtTheFailure() {
    HeatRejectionSpec lasting =
        new HeatRejectionSpec(
            HeatRejectionSpec.Kind.DRY_COOLER,
            Plants.units(1, 1),
            1,
            60_000,
            10,
            0,
            0,
            0,
            Plants.NEVER,
            new org.aifactory.model.failure.TimeDistribution.Fixed(3600));
    HeatRejectionSpec failing =
        new HeatRejectionSpec(
            HeatRejectionSpec.Kind.DRY_COOLER,
            Plants.units(1, 1),
            1,
            60_000,
            10,
            0,
            0,
            0,
            new org.aifactory.model.failure.TimeDistribution.Fixed(3600),
            new org.aifactory.model.failure.TimeDistribution.Fixed(1e9));
    FactorySpec f =
        Plants.factory(
            Plants.loop(30, 10, 0, List.of(lasting, failing)),
            new WeatherSpec.Constant(25, 20),
            0,
            new ClusterCoolingSpec(ClusterCoolingSpec.Type.LIQUID, 1.0, 0.036),
            List.of(),
            1);
    RunResult r = Plants.run(f, Duration.ofMinutes(70), PulseResolution.FULL, 0);
    CoolingResult.LoopResult loop = r.cooling().orElseThrow().loops().get(0);
    double ua = 6_000;
    double eq = 25 + HEAT / ua;
    double expected = eq + (30 - eq) * Math.exp(-600 / (C / ua));
    assertThat(loop.maxCelsius()).isCloseTo(expected, within(1e-9));
    assertThat(loop.aboveSetpointNanos()).isEqualTo(600_000_000_000L);
    assertThat(loop.stages().get(1).failures()).isEqualTo(1);
    assertThat(loop.heatRejectedJoules() + loop.heatStoredJoules())
        .isCloseTo(loop.heatInJoules(), within(1e-9 * loop.heatInJoules()));
  }

  /** Past 44 °C the idle GPUs reach 92 °C: the cluster trips, its heat stops, the loop cools. */
  @Test
  void gpusThatReachShutdownTripTheirCluster() {
    RunResult r = Plants.run(factory(0.3), Duration.ofMinutes(30), PulseResolution.FULL, 0);
    CoolingResult.LoopResult loop = r.cooling().orElseThrow().loops().get(0);
    assertThat(loop.trips()).isPositive();
    assertThat(loop.maxGpuCelsius()).isCloseTo(92, within(1e-6));
    assertThat(loop.maxCelsius()).isCloseTo(44, within(1e-6));
  }
}
