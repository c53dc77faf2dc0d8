package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioVariant;
import org.junit.jupiter.api.Test;

/** What a comparison's cost counts of the production a cooling design loses. */
class ComparisonTest {
  /**
   * Four GB300 NVL72 racks on a 45 °C liquid loop at a constant 40 °C outdoors, 6 h, no random
   * failures: one dry cooler of 600 kW rejects 300 kW there, too little, so the GPUs throttle; one
   * of 20 kW is so small that the racks trip; four of 1 MW are ample.
   */
  static final String HOT_HALL =
      """
      name: hot-hall
      horizon: 6 h
      pulse_resolution: averaged
      replications: 1
      facility:
        cooling:
          weather: { dry_bulb: 40 °C }
          liquid:
            supply_temperature: 45 °C
            dry_coolers: { structure: { units: 1, needed: 1 }, unit: 600 kW, rating_difference: 10 K }
      clusters:
        - { name: hall, system: GB300-NVL72, count: 4, cooling: { type: liquid, thermal_resistance: 0.031 K/W } }
      workloads:
        - name: pretrain
          type: training
          cluster: hall
          gpus: 288
          iteration: { period: 2 s, compute_fraction: 0.75, compute_power: 0.95, communication_power: 0.35 }
          tokens_per_iteration: 1048576
          checkpoint: { interval: 30 min, duration: 1 min, power: 0.2 }
      costs:
        lost_gpu_hour: 3
      variants:
        - name: too-small
          description: one dry cooler, too small at 40 °C
        - name: tripping
          set: { facility.cooling.liquid.dry_coolers.unit: 20 kW }
        - name: ample
          set: { facility.cooling.liquid.dry_coolers: { structure: { units: 4, needed: 4 }, unit: 1 MW, rating_difference: 10 K } }
      """;

  private static final double HOURS_PER_YEAR = 8_766;
  private static final double LOST_GPU_HOUR = 3;

  static Scenario hotHall() throws ScenarioException {
    return new ScenarioLoader().parse("hot-hall.yaml", HOT_HALL, List.of());
  }

  private static ComparisonResult compare(Scenario s, int replications) {
    List<Comparison.Input> inputs = new ArrayList<>();
    for (ScenarioVariant v : s.variants()) {
      Scenario vs = v.scenario();
      inputs.add(
          new Comparison.Input(v.name(), v.description(), vs.factory(), vs.run(), vs.costs()));
    }
    return Comparison.run(s.name(), inputs, replications, 1, ProgressListener.NONE);
  }

  private static Variant variant(ComparisonResult r, String name) {
    return r.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static double metric(RunResult run, String key) {
    return run.metrics().stream()
        .filter(m -> m.key().equals(key))
        .mapToDouble(Metric::value)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theCostValuesThrottlingAndThermalTripsAsTheRunsCountThem() throws ScenarioException {
    Scenario s = hotHall();
    ComparisonResult r = compare(s, 1);
    double years = 6.0 / HOURS_PER_YEAR;
    for (ScenarioVariant sv : s.variants()) {
      RunResult run = SingleRun.run(sv.scenario(), ProgressListener.NONE).result();
      double throttling = metric(run, MetricKeys.GPU_HOURS_THROTTLING);
      double thermal = metric(run, ByCause.LOST_GPU_HOURS.key(FactoryRun.THERMAL_CAUSE));
      Variant v = variant(r, sv.name());
      ComparisonResult.LostValue lost = v.lostValue();
      // The same arithmetic as the comparison's, on the same run: equal to the last bit.
      assertThat(lost.throttlingGpuHours().mean()).as(sv.name()).isEqualTo(throttling);
      assertThat(lost.annualThrottlingDollars().mean())
          .as(sv.name())
          .isEqualTo(throttling * LOST_GPU_HOUR / years);
      assertThat(lost.annualThermalDollars().mean())
          .as(sv.name())
          .isEqualTo(thermal * LOST_GPU_HOUR / years);
      assertThat(lost.annualPowerDollars().mean()).isZero();
      assertThat(v.annualLostValueDollars().mean())
          .isEqualTo(
              lost.annualPowerDollars().mean()
                  + lost.annualThermalDollars().mean()
                  + lost.annualThrottlingDollars().mean());
      assertThat(v.annualTotalDollars().mean())
          .isEqualTo(
              v.annualCapitalDollars()
                  + v.annualEnergyDollars().mean()
                  + v.annualLostValueDollars().mean());
    }
    Variant tooSmall = variant(r, "too-small");
    assertThat(tooSmall.lostValue().throttlingGpuHours().mean()).isPositive();
    assertThat(tooSmall.cooling().orElseThrow().hoursAtSlowdown().mean()).isPositive();
    assertThat(tooSmall.cooling().orElseThrow().trips().mean()).isZero();
    Variant tripping = variant(r, "tripping");
    assertThat(tripping.lostValue().thermalGpuHours().mean()).isPositive();
    assertThat(tripping.cooling().orElseThrow().trips().mean()).isPositive();
    Variant ample = variant(r, "ample");
    assertThat(ample.lostValue().throttlingGpuHours().mean()).isZero();
    assertThat(ample.lostValue().annualThrottlingDollars().mean()).isZero();
    assertThat(ample.lostValue().annualThermalDollars().mean()).isZero();
    assertThat(ample.cooling().orElseThrow().hoursAtSlowdown().mean()).isZero();
    assertThat(ample.cooling().orElseThrow().tokensLostToHeat().mean()).isZero();
    assertThat(r.ranking().get(0)).isEqualTo(r.variants().indexOf(ample));
    assertThat(r.hasCooling()).isTrue();
    assertThat(r.lostBeyondPower()).isTrue();
  }

  @Test
  void tokensLostToHeatAreThermalThrottlingPlusTrips() throws ScenarioException {
    Scenario s = hotHall();
    ComparisonResult r = compare(s, 1);
    for (ScenarioVariant sv : s.variants()) {
      RunResult run = SingleRun.run(sv.scenario(), ProgressListener.NONE).result();
      double expected =
          metric(run, MetricKeys.THROTTLING_THERMAL_TOKENS)
              + metric(run, ByCause.LOST_PRODUCTION.key(FactoryRun.THERMAL_CAUSE));
      ComparisonResult.Cooling c = variant(r, sv.name()).cooling().orElseThrow();
      assertThat(c.tokensLostToHeat().mean()).as(sv.name()).isEqualTo(expected);
      assertThat(c.pue().mean()).isEqualTo(metric(run, MetricKeys.PUE));
      assertThat(c.trips().mean())
          .isEqualTo(metric(run, MetricKeys.LoopFigure.TRIPS.key("liquid")));
    }
  }

  @Test
  void oneReplicationHasMeansWithoutIntervals() throws ScenarioException {
    ComparisonResult r = compare(hotHall(), 1);
    assertThat(r.replications()).isEqualTo(1);
    for (Variant v : r.variants()) {
      assertThat(v.annualTotalDollars().n()).isEqualTo(1);
      assertThat(v.annualTotalDollars().mean()).isFinite();
      assertThat(v.annualTotalDollars().ci95()).isNaN();
      assertThat(v.extraCostOverBest().mean()).isFinite();
    }
  }
}
