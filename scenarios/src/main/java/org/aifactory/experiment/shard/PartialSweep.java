package org.aifactory.experiment.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.metrics.Metric;

/**
 * What one shard of a sweep leaves for the merge: the sweep it is part of (the scenario, its hash,
 * the options and the plan), which shard it is, and the metric values of every run it did.
 *
 * @param scenarioSource the scenario as named on the command line ({@code bundled:<name>} or a
 *     path)
 * @param scenarioSha256 the SHA-256 of the scenario's text
 * @param overrides its {@code --set} options
 * @param varies its {@code --vary} options
 * @param plan the sweep's plan (name, seed, replications, parameters, points, charted metrics,
 *     goal)
 * @param shard which shard this is
 * @param layouts the distinct metric layouts of the runs (keys, units, definitions; values 0)
 * @param pointLayouts for each point, the index of its runs' layout in {@code layouts}, or -1 when
 *     the shard ran none of its replications
 * @param runs the shard's runs in task order
 */
public record PartialSweep(
    String scenarioSource,
    String scenarioSha256,
    List<String> overrides,
    List<String> varies,
    SweepPlan plan,
    Shard shard,
    List<List<Metric>> layouts,
    List<Integer> pointLayouts,
    List<Run> runs) {

  /** The format written in the manifest; a merge refuses another. */
  public static final String FORMAT = "aifactory-sweep-shard/1";

  public PartialSweep {
    Objects.requireNonNull(scenarioSource, "scenarioSource");
    Objects.requireNonNull(scenarioSha256, "scenarioSha256");
    overrides = List.copyOf(overrides);
    varies = List.copyOf(varies);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(shard, "shard");
    layouts = layouts.stream().map(List::copyOf).toList();
    pointLayouts = List.copyOf(pointLayouts);
    runs = List.copyOf(runs);
    if (pointLayouts.size() != plan.points().size()) {
      throw new IllegalArgumentException("one layout index per point");
    }
  }

  /**
   * One run: replication {@code replication} of point {@code point}.
   *
   * @param values its metric values in the order of its point's layout
   */
  public record Run(int point, int replication, double[] values) {
    public Run {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** The value of metric {@code i}, without copying the row. */
    public double value(int i) {
      return values[i];
    }

    public int size() {
      return values.length;
    }
  }

  /**
   * What two partial results of one sweep must share: everything but the shard's index and runs.
   * Empty when they are shards of the same sweep; else the first difference, named for a user.
   */
  public List<String> differences(PartialSweep other) {
    List<String> d = new ArrayList<>();
    if (!plan.scenario().equals(other.plan.scenario())) {
      d.add("scenario '" + plan.scenario() + "' vs '" + other.plan.scenario() + "'");
    }
    if (!scenarioSha256.equals(other.scenarioSha256)) {
      d.add(
          "the scenario's text differs (SHA-256 "
              + scenarioSha256.substring(0, 12)
              + "… vs "
              + other.scenarioSha256.substring(0, 12)
              + "…)");
    }
    if (plan.seed() != other.plan.seed()) {
      d.add("seed " + plan.seed() + " vs " + other.plan.seed());
    }
    if (!overrides.equals(other.overrides)) {
      d.add("--set " + overrides + " vs " + other.overrides);
    }
    if (!varies.equals(other.varies)) {
      d.add("--vary " + varies + " vs " + other.varies);
    }
    if (plan.replications() != other.plan.replications()) {
      d.add("--replications " + plan.replications() + " vs " + other.plan.replications());
    }
    if (!plan.charted().equals(other.plan.charted())) {
      d.add("--metric " + plan.charted() + " vs " + other.plan.charted());
    }
    if (!plan.goal().equals(other.plan.goal())) {
      d.add("--best " + best(plan) + " vs " + best(other.plan));
    }
    if (shard.count() != other.shard.count()) {
      d.add("shards of " + shard.count() + " vs of " + other.shard.count());
    }
    if (d.isEmpty() && !plan.equals(other.plan)) {
      d.add("the sweeps' points differ");
    }
    return d;
  }

  /** {@code max:KEY}, {@code min:KEY} or {@code none}. */
  static String best(SweepPlan plan) {
    return plan.goal().map(g -> (g.maximise() ? "max:" : "min:") + g.metric()).orElse("none");
  }
}
