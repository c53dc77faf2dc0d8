package org.aifactory.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.Metric;

/**
 * One run's metric values as a Spark task sends them back: replication {@code replication} of its
 * point, with the metrics' keys, units and definitions only from replication 0 (each point has one;
 * the others' are the same), so a shuffle carries numbers.
 *
 * @param replication the run's replication
 * @param values its metric values, in its point's layout order
 * @param labels its metrics' keys, units and definitions, for replication 0; else null
 * @param events the events its engine fired (counted for a replication of {@code run}; a sweep's
 *     runs send 0, as the local sweep does not count them)
 */
record RunValues(int replication, double[] values, MetricLabels labels, long events)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A run's values, and its labels when it is replication 0. */
  static RunValues of(int replication, List<Metric> metrics, long events) {
    double[] values = new double[metrics.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = metrics.get(i).value();
    }
    return new RunValues(
        replication, values, replication == 0 ? MetricLabels.of(metrics) : null, events);
  }

  /** Keys, units and definitions of a run's metrics. */
  record MetricLabels(String[] keys, String[] units, String[] definitions) implements Serializable {
    private static final long serialVersionUID = 1L;

    static MetricLabels of(List<Metric> metrics) {
      int n = metrics.size();
      String[] keys = new String[n];
      String[] units = new String[n];
      String[] definitions = new String[n];
      for (int i = 0; i < n; i++) {
        keys[i] = metrics.get(i).key();
        units[i] = metrics.get(i).unit();
        definitions[i] = metrics.get(i).definition();
      }
      return new MetricLabels(keys, units, definitions);
    }

    /** The metrics with value 0: a layout for {@link org.aifactory.experiment.PointOutcome}. */
    List<Metric> layout() {
      List<Metric> out = new ArrayList<>(keys.length);
      for (int i = 0; i < keys.length; i++) {
        out.add(new Metric(keys[i], units[i], definitions[i], 0));
      }
      return out;
    }
  }
}
