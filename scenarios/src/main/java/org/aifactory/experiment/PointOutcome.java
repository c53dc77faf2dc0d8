package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;

/**
 * What a sweep keeps of one point once its replications have run: every metric's statistics, and
 * every replication's value of the {@code --best} metric (to pair the points' gaps by replication).
 * Computed the same way from a {@link ReplicationSet} or from rows of values that came back from
 * elsewhere, so a point's figures are the same bits wherever its runs were done.
 *
 * @param metrics every metric over the replications, in the order of the point's runs' metrics
 * @param goalValues each replication's value of the goal's metric (NaN where the runs lack it);
 *     empty without a goal
 */
public record PointOutcome(List<MetricStats> metrics, double[] goalValues) {
  public PointOutcome {
    metrics = List.copyOf(metrics);
    goalValues = goalValues.clone();
  }

  @Override
  public double[] goalValues() {
    return goalValues.clone();
  }

  /** The outcome of a point's replications run on this machine. */
  public static PointOutcome of(ReplicationSet set, Optional<Sweep.Goal> goal) {
    return of(set.layout(), set.replications(), set::column, goal);
  }

  /**
   * The outcome of a point's replications from their values.
   *
   * @param layout the metrics' keys, units and definitions, in the runs' order
   * @param rowsByReplication [replication][metric], in the layout's order
   */
  public static PointOutcome of(
      List<Metric> layout, double[][] rowsByReplication, Optional<Sweep.Goal> goal) {
    for (int r = 0; r < rowsByReplication.length; r++) {
      if (rowsByReplication[r].length != layout.size()) {
        throw new IllegalArgumentException("replication " + r + " has other metrics");
      }
    }
    return of(
        layout,
        rowsByReplication.length,
        m -> {
          double[] column = new double[rowsByReplication.length];
          for (int r = 0; r < column.length; r++) {
            column[r] = rowsByReplication[r][m];
          }
          return column;
        },
        goal);
  }

  private static PointOutcome of(
      List<Metric> layout,
      int replications,
      IntFunction<double[]> column,
      Optional<Sweep.Goal> goal) {
    List<MetricStats> stats = new ArrayList<>(layout.size());
    int goalIndex = -1;
    for (int i = 0; i < layout.size(); i++) {
      stats.add(MetricStats.of(layout.get(i), column.apply(i)));
      if (goalIndex < 0 && goal.isPresent() && layout.get(i).key().equals(goal.get().metric())) {
        goalIndex = i;
      }
    }
    double[] goalValues;
    if (goal.isEmpty()) {
      goalValues = new double[0];
    } else if (goalIndex >= 0) {
      goalValues = column.apply(goalIndex);
    } else {
      goalValues = new double[replications];
      Arrays.fill(goalValues, Double.NaN);
    }
    return new PointOutcome(stats, goalValues);
  }
}
