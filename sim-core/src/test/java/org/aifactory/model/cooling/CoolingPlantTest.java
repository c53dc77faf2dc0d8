package org.aifactory.model.cooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.metrics.CoolingResult;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 8 §3 validation: the plant's power, its units' availability, throttling a job. */
class CoolingPlantTest {

  private static TrainingJobSpec job(int gpus, Optional<PowerCapSchedule> cap) {
    return new TrainingJobSpec(
        "train",
        "hall",
        gpus,
        Duration.ZERO,
        new IterationProfile(Duration.ofSeconds(2), 0.75, 1.0, 0.3),
        4_000_000,
        Optional.of(new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2)),
        Duration.ofMinutes(5),
        OptionalLong.empty(),
        cap);
  }

  /**
   * Steady state, by hand: 4 idle GB300 racks (210.88 kW IT, all of it to the liquid loop of a
   * plant without an air loop), 10 dry coolers of 100 kW at 10 K, 15 °C outdoors, loop at 30 °C:
   * each can reject 150 kW, so they run at x = 210.88 / 1,500 of their capacity, fans (2 % of 100
   * kW each) at x³; pumps 0.5 % of the 568 kW design heat at (210.88 / 568)³; other overhead 3 % of
   * IT.
   */
  @Test
  void steadyStatePueEqualsTheHandComputation() {
    FactorySpec f =
        Plants.factory(
            Plants.loop(
                30, 10, 0.005, List.of(Plants.dryCoolers(Plants.units(10, 8), 100_000, 10, 0.02))),
            new WeatherSpec.Constant(15, 10),
            0.03,
            new ClusterCoolingSpec(ClusterCoolingSpec.Type.LIQUID, 1.0, 0.036),
            List.of(),
            4);
    RunResult r = Plants.run(f, Duration.ofHours(6), PulseResolution.FULL, 0);
    double it = 4 * (72 * 160 + 41_200);
    double heat = it;
    double x = heat / (10 * 100_000 * 15 / 10.0);
    double fans = 10 * 0.02 * 100_000 * x * x * x;
    double design = 4 * (72 * 1_400 + 41_200);
    double pumps = 0.005 * design * Math.pow(heat / design, 3);
    double pue = (it + fans + pumps + 0.03 * it) / it;
    assertThat(r.pue()).isCloseTo(pue, within(1e-12));
    assertThat(r.cooling().orElseThrow().coolingJoules())
        .isCloseTo((fans + pumps) * 6 * 3600, within(1e-6));
    assertThat(r.monthlyPue()).hasSize(1);
    assertThat(r.monthlyPue().get(0)).isCloseTo(pue, within(1e-12));
  }

  /**
   * Units fail and are repaired (one crew each): 3 dry coolers, 2 needed, MTBF 100 h, repair 20 h
   * (exponential). Each is up a = μ/(λ+μ) = 5/6 of the time, independently, so the stage is short
   * of 2 up units 1 − a³ − 3a²(1−a) = 0.0741 of the time (the birth-death chain's answer).
   */
  @Test
  void unitAvailabilityMatchesTheBirthDeathChain() {
    HeatRejectionSpec coolers =
        new HeatRejectionSpec(
            HeatRejectionSpec.Kind.DRY_COOLER,
            Plants.units(3, 2),
            1,
            1e6,
            10,
            0.02,
            0,
            0,
            new TimeDistribution.Exponential(100 * 3600),
            new TimeDistribution.Exponential(20 * 3600));
    FactorySpec f =
        Plants.factory(
            Plants.loop(30, 10, 0, List.of(coolers)),
            new WeatherSpec.Constant(15, 10),
            0,
            new ClusterCoolingSpec(ClusterCoolingSpec.Type.LIQUID, 1.0, 0.036),
            List.of(),
            1);
    double a = 5.0 / 6;
    double expected =
        1 - Math.pow(a, 3) - CombinatoricsUtils.binomialCoefficient(3, 2) * a * a * (1 - a);
    SummaryStatistics s = new SummaryStatistics();
    for (int rep = 0; rep < 20; rep++) {
      RunResult r = Plants.run(f, Duration.ofDays(400), PulseResolution.AVERAGED, rep);
      CoolingResult.StageResult stage = r.cooling().orElseThrow().loops().get(0).stages().get(0);
      s.addValue(stage.shortNanos() / (400 * 86400e9));
    }
    double se = s.getStandardDeviation() / Math.sqrt(s.getN());
    assertThat(s.getMean()).isCloseTo(expected, within(4 * se));
  }

  /**
   * A hall whose coolers cannot take a full-power job: the GPUs throttle to the power the loop's
   * steady state allows, so the hottest GPU settles at its slowdown temperature (89 °C), never
   * above; tokens are lost to thermal throttling while power stays high.
   */
  @Test
  void anUndersizedPlantThrottlesTheJobToItsSlowdownTemperature() {
    FactorySpec hot = undersized(List.of(job(72 * 4, Optional.empty())));
    RunResult r = Plants.run(hot, Duration.ofHours(6), PulseResolution.AVERAGED, 0);
    CoolingResult.LoopResult loop = r.cooling().orElseThrow().loops().get(0);
    assertThat(loop.maxGpuCelsius()).isLessThanOrEqualTo(89 + 1e-6).isGreaterThan(88.9);
    assertThat(loop.trips()).isZero();
    assertThat(r.jobs().get(0).lostProduction().throttlingThermal()).isPositive();
    assertThat(loop.limitedNanos()).isPositive();
    FactorySpec ample = ample(List.of(job(72 * 4, Optional.empty())));
    RunResult cool = Plants.run(ample, Duration.ofHours(6), PulseResolution.AVERAGED, 0);
    assertThat(r.tokens()).isLessThan(cool.tokens());
  }

  /**
   * With ample cooling nothing throttles, and the job trains exactly what it trains with a fixed
   * PUE: the plant changes the site's power, never the work.
   */
  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void ampleCoolingChangesNothingButTheSitePower(PulseResolution resolution) {
    FactorySpec ample = ample(List.of(job(72 * 4, Optional.empty())));
    FactorySpec fixedPue =
        new FactorySpec(
            ample.catalog(),
            new FacilitySpec(1.2),
            ample.clusters().stream()
                .map(
                    c ->
                        new ClusterSpec(
                            c.name(),
                            c.systemType(),
                            c.systemCount(),
                            c.powerCap(),
                            Optional.empty()))
                .toList(),
            ample.workloads(),
            ample.failures());
    RunResult withPlant = Plants.run(ample, Duration.ofHours(6), resolution, 0);
    RunResult without = Plants.run(fixedPue, Duration.ofHours(6), resolution, 0);
    assertThat(withPlant.tokens()).isEqualTo(without.tokens());
    assertThat(withPlant.gpuHours()).isEqualTo(without.gpuHours());
    assertThat(withPlant.energyItJoules()).isEqualTo(without.energyItJoules());
    assertThat(withPlant.cooling().orElseThrow().loops().get(0).limitedNanos()).isZero();
  }

  /** With a plant that throttles and a cap, full and averaged resolution agree within 0.1 %. */
  @Test
  void fullAndAveragedAgreeWithCoolingAndCaps() {
    FactorySpec f =
        undersized(
            List.of(
                job(
                    72 * 4,
                    Optional.of(PowerCapSchedule.constant(new PowerCapSchedule.Cap.OfTdp(0.95))))));
    RunResult full = Plants.run(f, Duration.ofHours(6), PulseResolution.FULL, 0);
    RunResult avg = Plants.run(f, Duration.ofHours(6), PulseResolution.AVERAGED, 0);
    assertThat(avg.tokens()).isCloseTo(full.tokens(), within((long) (1e-3 * full.tokens())));
    assertThat(avg.energyFacilityJoules())
        .isCloseTo(full.energyFacilityJoules(), within(1e-3 * full.energyFacilityJoules()));
    assertThat(avg.energyItJoules())
        .isCloseTo(full.energyItJoules(), within(1e-3 * full.energyItJoules()));
  }

  /** 4 racks; 4 coolers of 100 kW at 10 K at 40 °C outdoors, loop at 45 °C: 200 kW at most. */
  private static FactorySpec undersized(List<TrainingJobSpec> jobs) {
    return Plants.factory(
        Plants.loop(
            45, 10, 0.005, List.of(Plants.dryCoolers(Plants.units(4, 4), 100_000, 10, 0.02))),
        new WeatherSpec.Constant(40, 25),
        0.03,
        new ClusterCoolingSpec(ClusterCoolingSpec.Type.LIQUID, 1.0, 0.03),
        jobs,
        4);
  }

  private static FactorySpec ample(List<TrainingJobSpec> jobs) {
    return Plants.factory(
        Plants.loop(
            30, 10, 0.005, List.of(Plants.dryCoolers(Plants.units(20, 20), 100_000, 10, 0.02))),
        new WeatherSpec.Constant(15, 10),
        0.03,
        new ClusterCoolingSpec(ClusterCoolingSpec.Type.LIQUID, 1.0, 0.03),
        jobs,
        4);
  }
}
