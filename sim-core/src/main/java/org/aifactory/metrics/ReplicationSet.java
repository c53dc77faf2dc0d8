package org.aifactory.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The results of R independent replications of one scenario: every metric of every replication (in
 * replication order, whatever thread ran it) and the first replication's full result, whose power
 * series and event log stand for the set in charts.
 */
public final class ReplicationSet {
  private final RunResult first;
  private final List<Metric> layout;
  private final double[][] values; // [replication][metric], not copied: built for this set

  /**
   * @param first replication 0's result
   * @param metricsByReplication each replication's {@link RunResult#metrics()}, in order; all must
   *     have the same keys in the same order
   */
  public ReplicationSet(RunResult first, List<List<Metric>> metricsByReplication) {
    this(first, layoutOf(metricsByReplication), valuesOf(metricsByReplication));
  }

  /**
   * @param first replication 0's result
   * @param layout the metrics' keys, units and definitions, in order
   * @param valuesByReplication [replication][metric], in the layout's order
   */
  public ReplicationSet(RunResult first, List<Metric> layout, double[][] valuesByReplication) {
    this.first = Objects.requireNonNull(first, "first");
    if (valuesByReplication.length == 0) {
      throw new IllegalArgumentException("no replications");
    }
    this.layout = List.copyOf(layout);
    for (int r = 0; r < valuesByReplication.length; r++) {
      if (valuesByReplication[r].length != layout.size()) {
        throw new IllegalArgumentException("replication " + r + " has other metrics");
      }
    }
    this.values = valuesByReplication;
  }

  private static List<Metric> layoutOf(List<List<Metric>> metricsByReplication) {
    if (metricsByReplication.isEmpty()) {
      throw new IllegalArgumentException("no replications");
    }
    return metricsByReplication.get(0);
  }

  private static double[][] valuesOf(List<List<Metric>> metricsByReplication) {
    List<Metric> layout = layoutOf(metricsByReplication);
    double[][] values = new double[metricsByReplication.size()][];
    for (int r = 0; r < values.length; r++) {
      values[r] = row(layout, metricsByReplication.get(r), r);
    }
    return values;
  }

  /**
   * One replication's values in the order of {@code layout}.
   *
   * @throws IllegalArgumentException if its metrics are not those of the layout
   */
  public static double[] row(List<Metric> layout, List<Metric> metrics, int replication) {
    if (metrics.size() != layout.size()) {
      throw new IllegalArgumentException("replication " + replication + " has other metrics");
    }
    double[] row = new double[metrics.size()];
    for (int i = 0; i < row.length; i++) {
      if (!metrics.get(i).key().equals(layout.get(i).key())) {
        throw new IllegalArgumentException(
            "replication " + replication + " metric " + i + " is " + metrics.get(i).key());
      }
      row[i] = metrics.get(i).value();
    }
    return row;
  }

  /** One run as a set of one replication: its reports have the same shape as those of many. */
  public static ReplicationSet of(RunResult run) {
    return new ReplicationSet(run, List.of(run.metrics()));
  }

  /**
   * This set followed by later replications: {@code later} holds their rows, [replication][metric]
   * in the layout's order, the replications after this set's last in order.
   */
  public ReplicationSet append(double[][] later) {
    double[][] all = Arrays.copyOf(values, values.length + later.length);
    System.arraycopy(later, 0, all, values.length, later.length);
    return new ReplicationSet(first, layout, all);
  }

  public RunResult first() {
    return first;
  }

  public int replications() {
    return values.length;
  }

  /** Metric keys, units and definitions (values of replication 0). */
  public List<Metric> layout() {
    return layout;
  }

  public double value(int replication, int metric) {
    return values[replication][metric];
  }

  /** All replications' values of one metric. */
  public double[] column(int metric) {
    double[] c = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      c[r] = values[r][metric];
    }
    return c;
  }

  public int indexOf(String key) {
    for (int i = 0; i < layout.size(); i++) {
      if (layout.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Mean, sd, 95 % CI half-width and n of every metric, in layout order. */
  public List<MetricStats> stats() {
    List<MetricStats> out = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) {
      out.add(MetricStats.of(layout.get(i), column(i)));
    }
    return out;
  }
}
