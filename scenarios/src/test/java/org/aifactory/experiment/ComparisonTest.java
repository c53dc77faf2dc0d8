package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Precision;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PrecisionTarget;
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

  /**
   * 128 H100 training for 6 h at a fixed PUE, no failures: "full" at full power, "capped" at a 60 %
   * power cap, which saves energy and loses GPU-hours to throttling. No electrical chain, so the
   * fixed cost is the energy alone.
   */
  static final String CAPPED_HALL =
      """
      name: capped-hall
      horizon: 6 h
      pulse_resolution: averaged
      replications: 1
      facility: { pue: 1.2 }
      clusters:
        - { name: hall, system: DGX-H100, count: 16 }
      workloads:
        - name: pretrain
          type: training
          cluster: hall
          gpus: 128
          iteration: { period: 5.5 s, compute_fraction: 0.7, compute_power: 1.0, communication_power: 0.3 }
          tokens_per_iteration: 1048576
          checkpoint: { interval: 1 h, duration: 30 s, power: 0.15 }
      costs: { energy_per_mwh: 80, lost_gpu_hour: 2.5 }
      variants:
        - name: full
        - name: capped
          set: { 'workloads[0].power_cap': 60 % }
      """;

  private static final double HOURS_PER_YEAR = 8_766;
  private static final double LOST_GPU_HOUR = 3;

  static Scenario hotHall() throws ScenarioException {
    return new ScenarioLoader().parse("hot-hall.yaml", HOT_HALL, List.of());
  }

  private static ComparisonResult compare(Scenario s, int replications) {
    return Comparison.run(s.name(), inputs(s), replications, 1, ProgressListener.NONE);
  }

  private static List<Comparison.Input> inputs(Scenario s) {
    List<Comparison.Input> inputs = new ArrayList<>();
    for (ScenarioVariant v : s.variants()) {
      Scenario vs = v.scenario();
      inputs.add(
          new Comparison.Input(v.name(), v.description(), vs.factory(), vs.run(), vs.costs()));
    }
    return inputs;
  }

  private static RunResult run(Scenario s, int variant) {
    Comparison.Input in = inputs(s).get(variant);
    return new FactoryRun(in.name(), in.factory(), in.run()).complete();
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

  @Test
  void theBreakEvenOfAPowerCapIsTheEnergyItSavesOverTheGpuHoursItLoses() throws ScenarioException {
    Scenario s = new ScenarioLoader().parse("capped-hall.yaml", CAPPED_HALL, List.of());
    ComparisonResult r = compare(s, 1);
    // by hand, from the runs' own figures: energy in MWh, throttling in GPU-hours
    RunResult full = SingleRun.run(s.variants().get(0).scenario(), ProgressListener.NONE).result();
    RunResult capped =
        SingleRun.run(s.variants().get(1).scenario(), ProgressListener.NONE).result();
    double energySaved =
        metric(full, MetricKeys.ENERGY_FACILITY_MWH)
            - metric(capped, MetricKeys.ENERGY_FACILITY_MWH);
    double gpuHoursLost =
        metric(capped, MetricKeys.GPU_HOURS_THROTTLING)
            - metric(full, MetricKeys.GPU_HOURS_THROTTLING);
    assertThat(energySaved).isPositive();
    assertThat(gpuHoursLost).isPositive();
    double expected = energySaved * 80 / gpuHoursLost; // the years cancel
    assertThat(r.breakEvens()).hasSize(1);
    ComparisonResult.BreakEven b = r.breakEvens().get(0);
    assertThat(r.variants().get(b.higherFixed()).name()).isEqualTo("full");
    assertThat(b.flips()).isTrue();
    assertThat(b.dollarsPerGpuHour()).isCloseTo(expected, withinPercentage(1e-7));
    assertThat(b.hasInterval()).isFalse(); // one replication
    assertThat(r.topPair()).contains(b);
    // the capped hall is the cheaper below v*, the full one above: at 2.5 $ full is the cheapest
    assertThat(r.variants().get(r.ranking().get(0)).name()).isEqualTo("full");
    List<ComparisonResult.CheapestSpan> spans = r.cheapestByValue();
    assertThat(spans).hasSize(2);
    assertThat(r.variants().get(spans.get(0).variant()).name()).isEqualTo("capped");
    assertThat(spans.get(0).toDollarsPerGpuHour()).isCloseTo(expected, withinPercentage(1e-7));
    assertThat(r.variants().get(spans.get(1).variant()).name()).isEqualTo("full");
    assertThat(spans.get(1).toDollarsPerGpuHour()).isInfinite();
    // valued at v*, the two cost the same
    Scenario atBreakEven =
        new ScenarioLoader()
            .parse("capped-hall.yaml", CAPPED_HALL, List.of("costs.lost_gpu_hour=" + expected));
    ComparisonResult even = compare(atBreakEven, 1);
    double a = even.variants().get(0).annualTotalDollars().mean();
    double c = even.variants().get(1).annualTotalDollars().mean();
    assertThat(a).isCloseTo(c, withinPercentage(1e-7));
    // and the cost lines give each variant's total at its own value
    for (Variant v : r.variants()) {
      assertThat(v.costLine().meanAt(2.5))
          .isCloseTo(v.annualTotalDollars().mean(), withinPercentage(1e-10));
    }
  }

  /**
   * The hall of {@link #CAPPED_HALL} with random GPU and system failures (Llama 3's causes at 200 ×
   * their rates): energy and throttling differ from one replication to the next.
   */
  private static Scenario failingCappedHall() throws ScenarioException {
    return new ScenarioLoader()
        .parse(
            "capped-hall.yaml",
            CAPPED_HALL.replace("costs:", "failures: { profile: llama3, scale: 200 }\ncosts:"),
            List.of());
  }

  @Test
  void addingReplicationsUntilPreciseGivesTheResultOfThatManyWhateverTheThreads()
      throws ScenarioException {
    Scenario s = failingCappedHall();
    ComparisonResult loose = compare(s, 4);
    double halfWidth = loose.variants().get(loose.ranking().get(1)).extraCostOverBest().ci95();
    assertThat(halfWidth).isPositive();
    // a target a third of the half-width of 4 replications: about 9 × 4, in steps of 4
    PrecisionTarget target =
        new PrecisionTarget(PrecisionTarget.Kind.ABSOLUTE_DOLLARS, halfWidth / 3);
    ComparisonResult precise =
        Comparison.untilPrecise(
            s.name(),
            inputs(s),
            target,
            4,
            200,
            Precision.Limit.REQUESTED,
            1,
            ProgressListener.NONE);
    Precision how = precise.precision().orElseThrow();
    assertThat(how.batches().size()).isGreaterThan(1);
    assertThat(how.targetMet()).isTrue();
    int n = precise.replications();
    assertThat(n % 4).isZero();
    assertThat(how.last().replications()).isEqualTo(n);
    assertThat(how.last().lead().ci95()).isLessThanOrEqualTo(halfWidth / 3);
    for (int b = 0; b + 1 < how.batches().size(); b++) {
      assertThat(target.metBy(how.batches().get(b).lead())).isFalse();
    }
    ComparisonResult fixed = compare(s, n);
    assertThat(precise.variants()).isEqualTo(fixed.variants());
    assertThat(precise.breakEvens()).isEqualTo(fixed.breakEvens());
    assertThat(precise.ranking()).isEqualTo(fixed.ranking());
    ComparisonResult twoThreads =
        Comparison.untilPrecise(
            s.name(),
            inputs(s),
            target,
            4,
            200,
            Precision.Limit.REQUESTED,
            2,
            ProgressListener.NONE);
    assertThat(twoThreads).isEqualTo(precise);
  }

  @Test
  void theLimitEndsItUndecidedOrDecidedWithTheEvidence() throws ScenarioException {
    Scenario s = failingCappedHall();
    PrecisionTarget impossible = new PrecisionTarget(PrecisionTarget.Kind.ABSOLUTE_DOLLARS, 1e-9);
    ComparisonResult r =
        Comparison.untilPrecise(
            s.name(),
            inputs(s),
            impossible,
            3,
            30,
            Precision.Limit.REQUESTED,
            1,
            ProgressListener.NONE);
    Precision how = r.precision().orElseThrow();
    assertThat(r.replications()).isEqualTo(30);
    // each batch at most quadruples the replications, in steps of the first; the last stops at 30
    assertThat(how.batches().stream().map(Precision.Batch::replications))
        .containsExactly(3, 12, 30);
    assertThat(how.maxReplications()).isEqualTo(30);
    assertThat(how.targetMet()).isFalse();
    MetricStats lead = how.last().lead();
    assertThat(how.verdict())
        .isEqualTo(
            Math.abs(lead.mean()) > lead.ci95()
                ? Precision.Verdict.DECIDED
                : Precision.Verdict.UNDECIDED);
  }

  /**
   * A site battery's variant pays its capital (capacity × price, annualised) and the grid import it
   * causes (its losses included) instead of the facility energy; the variant without one pays the
   * facility energy. 2 MWh at $200/kWh = $400,000.
   */
  @Test
  void aSiteBatteryAddsItsCapitalAndItsLossesToTheCost() throws ScenarioException {
    String yaml =
        CAPPED_HALL.substring(0, CAPPED_HALL.indexOf("variants:"))
            + """
            site:
              rules: [{ ramp: 0.2 MW/min, window: 1 min }]
            variants:
              - name: none
              - name: battery
                set: { site.battery: { energy: 2 MWh, power: 1 MW, cost_per_kwh: 200, smoothing: { window: 2 min } } }
            """;
    Scenario s = new ScenarioLoader().parse("battery.yaml", yaml, List.of());
    ComparisonResult r = compare(s, 1);
    Variant none = variant(r, "none");
    Variant battery = variant(r, "battery");
    double crf = s.costs().capitalRecoveryFactor();
    assertThat(none.capitalDollars()).isZero();
    assertThat(none.grid().orElseThrow().brokenRules().mean())
        .isEqualTo(metric(run(s, 0), MetricKeys.COMPLIANCE_BROKEN_RULES));
    assertThat(battery.grid().orElseThrow().batteryLossesMwh().mean()).isPositive();
    assertThat(battery.capitalDollars()).isCloseTo(400_000, withinPercentage(1e-9));
    assertThat(battery.annualCapitalDollars()).isCloseTo(400_000 * crf, withinPercentage(1e-9));
    Comparison.Input in = inputs(s).get(1);
    RunResult run = new FactoryRun(in.name(), in.factory(), in.run()).complete();
    double years = 6.0 / HOURS_PER_YEAR;
    double bought =
        metric(run, MetricKeys.GRID_IMPORT_MWH) - metric(run, MetricKeys.GRID_EXPORT_MWH);
    assertThat(bought)
        .isCloseTo(
            metric(run, MetricKeys.ENERGY_FACILITY_MWH)
                + metric(run, MetricKeys.BATTERY_LOSSES_MWH)
                + (metric(run, MetricKeys.BATTERY_FINAL_SOC)
                        - metric(run, MetricKeys.BATTERY_INITIAL_SOC))
                    * 2,
            withinPercentage(1e-6));
    assertThat(battery.annualEnergyDollars().mean())
        .isCloseTo(bought * s.costs().energyDollarsPerMwh() / years, withinPercentage(1e-6));
    assertThat(none.annualEnergyDollars().mean())
        .isCloseTo(
            none.energyFacilityMwh().mean() * s.costs().energyDollarsPerMwh() / years,
            withinPercentage(1e-9));
  }
}
