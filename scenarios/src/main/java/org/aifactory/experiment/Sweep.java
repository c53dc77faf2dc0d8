package org.aifactory.experiment;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.RunSpec;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioSweep;
import org.aifactory.scenario.Suggestions;

/**
 * Runs a parameter sweep: at every point the same R replications with the same root seed, so each
 * replication of every point draws the same random streams (common random numbers: the same
 * failures where the points share components) and differences between points are paired by
 * replication. All points' replications run on one pool of T threads (a point's replications and
 * the next point's side by side); results are kept in point and replication order, so they are the
 * same whatever T.
 *
 * <p>Every metric of every point is kept as mean, sd, 95 % confidence half-width and n. Asked for
 * the best point of a metric, the sweep also gives each point's paired gap to the best and whether
 * its 95 % confidence interval contains 0 (the point is not distinguishable from the best), as
 * {@link CheckpointStudy} does for ETTR.
 */
public final class Sweep {
  /** Metrics charted and printed when none are asked for: production, energy, efficiency, ETTR. */
  public static final List<String> DEFAULT_METRICS =
      List.of(
          MetricKeys.TOKENS,
          MetricKeys.ENERGY_FACILITY_MWH,
          MetricKeys.TOKENS_PER_KWH_FACILITY,
          MetricKeys.ETTR);

  /** How many keys an unknown metric key's message lists. */
  private static final int NEAREST = 5;

  private Sweep() {}

  /**
   * The metric whose best point to mark.
   *
   * @param metric a metric key
   * @param maximise true when higher is better ({@code max:KEY}), false for {@code min:KEY}
   */
  public record Goal(String metric, boolean maximise) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The metrics a run of {@code point} reports (keys, units, definitions; the values are those of a
   * run of 1 ns and mean nothing). Which metrics a run reports depends on the scenario alone (its
   * jobs, failure causes and electrical chain), so this is known before anything runs.
   */
  public static List<Metric> layout(Scenario point) {
    RunSpec run = point.run();
    RunSpec instant =
        new RunSpec(
            Duration.ofNanos(1),
            run.seed(),
            run.pulseResolution(),
            new ObservationSpec(
                1, Optional.empty(), Optional.empty(), run.observation().rampWindow()));
    return new FactoryRun(point.name(), point.factory(), instant, 0, false).complete().metrics();
  }

  /**
   * The metric keys of the sweep's points: those of the first point, and of the others as long as
   * one of {@code wanted} is not among them (a sweep that adds a job or a chain changes the keys).
   */
  public static Set<String> metricKeys(ScenarioSweep sweep, Collection<String> wanted) {
    Set<String> keys = new LinkedHashSet<>();
    for (ScenarioSweep.Point p : sweep.points()) {
      for (Metric m : layout(p.scenario())) {
        keys.add(m.key());
      }
      if (keys.containsAll(wanted)) {
        break;
      }
    }
    return keys;
  }

  /** "'x' is not a metric key; the nearest: a, b, c, d, e". */
  public static String unknownMetric(String key, Collection<String> keys) {
    return "'"
        + key
        + "' is not a metric key; the nearest: "
        + String.join(", ", Suggestions.closest(key, keys, NEAREST))
        + " (every key is in the metrics glossary, docs/metrics.md)";
  }

  /**
   * Runs every point of {@code sweep} on this machine.
   *
   * @param charted the metric keys to chart and print, in order
   * @param goal the metric whose best point to mark, if any
   */
  public static SweepResult run(
      ScenarioSweep sweep,
      int replications,
      int threads,
      List<String> charted,
      Optional<Goal> goal,
      ProgressListener progress) {
    SweepPlan plan = SweepPlan.of(sweep, replications, charted, goal);
    return assemble(plan, runPoints(sweep, plan, threads, progress));
  }

  /**
   * Runs the points of {@code plan} on one pool of {@code threads} threads (a point's replications
   * and the next point's side by side), and keeps what the result needs of each.
   */
  public static List<PointOutcome> runPoints(
      ScenarioSweep sweep, SweepPlan plan, int threads, ProgressListener progress) {
    long seed = plan.seed();
    List<Replications.Config> configs = new ArrayList<>();
    for (ScenarioSweep.Point point : sweep.points()) {
      RunSpec run = point.scenario().run().withSeed(seed); // common random numbers
      configs.add(new Replications.Config(plan.scenario(), point.scenario().factory(), run));
    }
    PointOutcome[] out = new PointOutcome[configs.size()];
    Replications.runEach(
        configs,
        plan.replications(),
        threads,
        progress,
        (p, set) -> out[p] = PointOutcome.of(set, plan.goal()));
    return List.of(out);
  }

  /**
   * Runs one task of {@code plan} (replication {@code task % R} of point {@code task / R}) as
   * {@link #runPoints} runs it: its metrics, the same wherever it runs.
   */
  public static List<Metric> runTask(ScenarioSweep sweep, SweepPlan plan, long task) {
    int replication = plan.replicationOf(task);
    Scenario point = sweep.points().get(plan.pointOf(task)).scenario();
    RunSpec run = point.run().withSeed(plan.seed()); // common random numbers
    return new FactoryRun(plan.scenario(), point.factory(), run, replication, replication == 0)
        .complete()
        .metrics();
  }

  /**
   * The sweep's result from the outcome of every point, in sweep order: its statistics, the notes,
   * and the best point when the plan asks for one. The same outcomes give the same result, however
   * they were computed.
   */
  public static SweepResult assemble(SweepPlan plan, List<PointOutcome> outcomes) {
    if (outcomes.size() != plan.points().size()) {
      throw new IllegalArgumentException(
          "expected " + plan.points().size() + " points, got " + outcomes.size());
    }
    int replications = plan.replications();
    long seed = plan.seed();
    List<SweepResult.Point> out = new ArrayList<>();
    double[][] goalValues = new double[outcomes.size()][];
    for (int p = 0; p < outcomes.size(); p++) {
      out.add(new SweepResult.Point(plan.points().get(p), outcomes.get(p).metrics()));
      goalValues[p] = outcomes.get(p).goalValues();
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "Every point runs the same %d replication%s with the same random streams (seed %d):"
                + " common random numbers, so differences between points are paired and not noise"
                + " between seeds.",
            replications,
            replications == 1 ? "" : "s",
            seed));
    notes.add(
        replications == 1
            ? "One replication per point: each figure is one run's, without sd or confidence"
                + " interval."
            : "ci95 is the half-width of the 95 % confidence interval of the mean (Student t,"
                + " n - 1 degrees of freedom); n counts the finite values.");
    Optional<SweepResult.Optimum> optimum =
        plan.goal().flatMap(g -> optimum(g, unit(out, g.metric()), goalValues, notes));
    return new SweepResult(
        plan.scenario(),
        seed,
        replications,
        plan.parameters(),
        out,
        plan.charted(),
        optimum,
        notes);
  }

  /** The best point of the goal's metric, or empty (with a note) when no point has a mean. */
  private static Optional<SweepResult.Optimum> optimum(
      Goal goal, String unit, double[][] values, List<String> notes) {
    int best = -1;
    double bestMean = Double.NaN;
    for (int p = 0; p < values.length; p++) {
      double m = mean(values[p]);
      if (Double.isFinite(m) && (best < 0 || (goal.maximise() ? m > bestMean : m < bestMean))) {
        best = p;
        bestMean = m;
      }
    }
    if (best < 0) {
      notes.add("No point has a finite mean of " + goal.metric() + ": there is no best point.");
      return Optional.empty();
    }
    Metric gapMetric =
        new Metric(
            "gap_to_best", unit, "How much worse than the best point, paired by replication", 0);
    List<MetricStats> gaps = new ArrayList<>();
    List<Boolean> tied = new ArrayList<>();
    for (int p = 0; p < values.length; p++) {
      double[] gap = new double[values[p].length];
      for (int r = 0; r < gap.length; r++) {
        gap[r] = goal.maximise() ? values[best][r] - values[p][r] : values[p][r] - values[best][r];
      }
      MetricStats s = MetricStats.of(gapMetric, gap);
      gaps.add(s);
      // Not distinguishable: the 95 % interval of the paired gap contains 0 (or, with a single
      // finite pair, cannot tell). With one replication per point (a scenario without random
      // failures, say) there is no interval: only an exact tie is not distinguishable.
      boolean single = values[p].length == 1;
      tied.add(
          p == best
              || (single ? s.n() == 1 && s.mean() == 0 : s.n() > 0 && !(s.mean() - s.ci95() > 0)));
    }
    boolean single = values.length > 0 && values[0].length == 1;
    notes.add(
        String.format(
            Locale.ROOT,
            single
                ? "best: the point with the %s %s (the first in sweep order on a tie);"
                    + " not_distinguishable: a point whose figure equals the best's exactly (%s)."
                    + " With one replication no confidence interval is computed: use it for"
                    + " scenarios without random failures, or give --replications."
                : "best: the point with the %s mean %s (the first in sweep order on a tie);"
                    + " not_distinguishable: a point whose gap to the best (%s, paired by"
                    + " replication) has a 95 %% confidence interval containing 0.",
            goal.maximise() ? "highest" : "lowest",
            goal.metric(),
            goal.maximise() ? "best - this" : "this - best"));
    return Optional.of(new SweepResult.Optimum(goal.metric(), goal.maximise(), best, gaps, tied));
  }

  /** The unit of {@code key} at the first point that has it. */
  private static String unit(List<SweepResult.Point> points, String key) {
    return points.stream()
        .flatMap(p -> p.metric(key).stream())
        .map(MetricStats::unit)
        .findFirst()
        .orElse("");
  }

  private static double mean(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        s += x;
        n++;
      }
    }
    return n > 0 ? s / n : Double.NaN;
  }
}
