package org.aifactory.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.metrics.SweepResult;
import org.aifactory.scenario.ScenarioSweep;

/**
 * What a sweep runs and reports, without the scenarios themselves: enough to put its runs' figures
 * together into a {@link SweepResult} wherever the runs were done (this machine's threads, a Spark
 * cluster, shards of a batch job).
 *
 * <p>The sweep's runs are its <em>tasks</em>, one per (point, replication), in a fixed order: task
 * {@code t} is replication {@code t % R} of point {@code t / R}, so the tasks of a point are
 * contiguous and in replication order. A task's random streams depend only on the seed, the
 * scenario name and the replication (see {@link Replications}), so a task gives the same figures
 * wherever and whenever it runs.
 *
 * @param scenario the scenario's name (every run is named after it)
 * @param seed the root seed of every point
 * @param replications replications per point
 * @param parameters the varied parameters, in the order given
 * @param points for each point in sweep order, the index of its value of every parameter
 * @param charted the metric keys charted and printed
 * @param goal the metric whose best point to mark, if any
 */
public record SweepPlan(
    String scenario,
    long seed,
    int replications,
    List<SweepResult.Parameter> parameters,
    List<List<Integer>> points,
    List<String> charted,
    Optional<Sweep.Goal> goal) {

  public SweepPlan {
    Objects.requireNonNull(scenario, "scenario");
    parameters = List.copyOf(parameters);
    points = points.stream().map(List::copyOf).toList();
    charted = List.copyOf(charted);
    Objects.requireNonNull(goal, "goal");
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1");
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs a point");
    }
  }

  /** The plan of {@code sweep} (whose points all run with its base's seed). */
  public static SweepPlan of(
      ScenarioSweep sweep, int replications, List<String> charted, Optional<Sweep.Goal> goal) {
    return new SweepPlan(
        sweep.base().name(),
        sweep.base().run().seed(),
        replications,
        sweep.parameters(),
        sweep.points().stream().map(ScenarioSweep.Point::values).toList(),
        charted,
        goal);
  }

  /** The number of tasks: points × replications. */
  public long tasks() {
    return (long) points.size() * replications;
  }

  /** The point task {@code task} runs. */
  public int pointOf(long task) {
    return (int) (task / replications);
  }

  /** The replication task {@code task} runs. */
  public int replicationOf(long task) {
    return (int) (task % replications);
  }

  /** The task that runs replication {@code replication} of point {@code point}. */
  public long task(int point, int replication) {
    return (long) point * replications + replication;
  }
}
