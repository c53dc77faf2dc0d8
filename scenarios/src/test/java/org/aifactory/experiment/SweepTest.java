package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLibrary;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSweep;
import org.junit.jupiter.api.Test;

class SweepTest {
  /** checkpoint-demo over 2 days: failures (so replications differ), averaged pulses: quick. */
  private static ScenarioSweep demo(String... varies) throws ScenarioException {
    return new ScenarioLoader().sweep("checkpoint-demo", List.of("horizon=2 d"), List.of(varies));
  }

  private static SweepResult run(ScenarioSweep s, int threads, Optional<Sweep.Goal> goal) {
    return Sweep.run(s, 3, threads, Sweep.DEFAULT_METRICS, goal, ProgressListener.NONE);
  }

  private static MetricStats stat(SweepResult r, int point, String key) {
    return r.points().get(point).metric(key).orElseThrow();
  }

  @Test
  void everyPointRunsTheSameRandomStreams() throws ScenarioException {
    SweepResult r = run(demo("facility.pue=1.1,1.3"), 2, Optional.empty());
    assertThat(r.points()).hasSize(2);
    // The PUE changes nothing the jobs do: with common random numbers, the same failures strike
    // at both points, so tokens and interruptions are identical replication by replication.
    for (String key : List.of(MetricKeys.TOKENS, MetricKeys.INTERRUPTIONS, MetricKeys.ETTR)) {
      assertThat(stat(r, 1, key)).as(key).isEqualTo(stat(r, 0, key));
    }
    assertThat(stat(r, 0, MetricKeys.INTERRUPTIONS).sd()).as("replications differ").isPositive();
    // ... while the facility's energy scales with the PUE.
    assertThat(stat(r, 1, MetricKeys.ENERGY_FACILITY_MWH).mean() / 1.3)
        .isCloseTo(
            stat(r, 0, MetricKeys.ENERGY_FACILITY_MWH).mean() / 1.1,
            org.assertj.core.data.Percentage.withPercentage(1e-9));
    assertThat(r.seed()).isEqualTo(11);
    assertThat(r.notes().get(0)).contains("same 3 replications").contains("seed 11");
  }

  @Test
  void pointsFollowTheSweepAndResultsDoNotDependOnThreads() throws ScenarioException {
    ScenarioSweep s = demo("failures.scale=1,4", "workloads[0].checkpoint.interval=30 min,1 h");
    SweepResult one = run(s, 1, Optional.empty());
    SweepResult two = run(s, 2, Optional.empty());
    assertThat(two).isEqualTo(one);
    assertThat(one.points().stream().map(SweepResult.Point::values))
        .containsExactly(List.of(0, 0), List.of(0, 1), List.of(1, 0), List.of(1, 1));
    assertThat(one.describe(2))
        .isEqualTo("failures.scale=4, workloads[0].checkpoint.interval=30 min");
    // More failures, fewer tokens.
    assertThat(stat(one, 2, MetricKeys.TOKENS).mean())
        .isLessThan(stat(one, 0, MetricKeys.TOKENS).mean());
  }

  @Test
  void theBestPointAndThoseNotDistinguishableFromItAreMarked() throws ScenarioException {
    ScenarioSweep s = demo("facility.pue=1.1,1.2,1.3");
    SweepResult r =
        run(s, 2, Optional.of(new Sweep.Goal(MetricKeys.TOKENS_PER_KWH_FACILITY, true)));
    SweepResult.Optimum o = r.optimum().orElseThrow();
    assertThat(o.best()).isZero();
    assertThat(o.gapToBest().get(0).mean()).isZero();
    // Paired, the gap of a higher PUE is positive in every replication: distinguishable.
    assertThat(o.gapToBest().get(2).mean()).isPositive();
    assertThat(o.notDistinguishable()).containsExactly(true, false, false);
    assertThat(List.of(r.mark(0), r.mark(1), r.mark(2))).containsExactly("best", "", "");
    assertThat(o.gapToBest().get(1).unit()).isEqualTo("tokens/kWh");

    // Tokens do not depend on the PUE: every point ties with the first, the best.
    SweepResult tied = run(s, 2, Optional.of(new Sweep.Goal(MetricKeys.TOKENS, false)));
    assertThat(tied.optimum().orElseThrow().best()).isZero();
    assertThat(tied.optimum().orElseThrow().notDistinguishable()).containsOnly(true);
    assertThat(tied.mark(1)).isEqualTo("not_distinguishable");
  }

  @Test
  void aGoalNoPointHasIsNotedInsteadOfMarked() throws ScenarioException {
    SweepResult r =
        run(demo("facility.pue=1.1,1.2"), 1, Optional.of(new Sweep.Goal("no.such", true)));
    assertThat(r.optimum()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.contains("No point has a finite mean of no.such"));
  }

  @Test
  void theLayoutOfAnInstantIsTheLayoutOfARun() throws ScenarioException {
    ScenarioLoader loader = new ScenarioLoader();
    for (String name : ScenarioLibrary.list().stream().map(b -> b.name()).toList()) {
      // A heat wave must start before the horizon.
      Scenario s =
          loader.load(
              name,
              name.equals("heatwave")
                  ? List.of("horizon=10 min", "facility.cooling.weather.heat_wave.start=0 h")
                  : List.of("horizon=10 min"));
      List<String> instant = Sweep.layout(s).stream().map(Metric::key).toList();
      List<String> run =
          Replications.run(s.name(), s.factory(), s.run(), 1, 1, ProgressListener.NONE)
              .set()
              .layout()
              .stream()
              .map(Metric::key)
              .toList();
      assertThat(instant).as(name).isEqualTo(run);
    }
  }

  @Test
  void unknownMetricKeysListTheNearest() throws ScenarioException {
    var keys = Sweep.metricKeys(demo("facility.pue=1.1,1.2"), List.of("tokens_per_kwh"));
    assertThat(keys).contains(MetricKeys.TOKENS_PER_KWH_FACILITY, "job.pretrain.ettr");
    assertThat(Sweep.unknownMetric("tokens_per_kwh", keys))
        .startsWith("'tokens_per_kwh' is not a metric key; the nearest: tokens_per_kwh_facility, ");
  }

  /**
   * The metric keys come from a run of 1 ns, which must not trip over changes scheduled later (a
   * heat wave after two weeks, a cap schedule): they are the scenario's business, not the run's.
   */
  @Test
  void metricKeysOfAScenarioWithLaterChangesAreKnown() throws ScenarioException {
    ScenarioSweep s =
        new ScenarioLoader()
            .sweep(
                "heatwave",
                List.of("workloads[0].power_cap=[{at: 0 s, cap: 100 %}, {at: 20 d, cap: 80 %}]"),
                List.of("facility.cooling.other_overhead=1%,2%"));
    assertThat(Sweep.metricKeys(s, List.of(MetricKeys.TOKENS)))
        .contains(MetricKeys.TOKENS, "lost_production.throttling", "pue");
  }
}
