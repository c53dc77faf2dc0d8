package org.aifactory.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.experiment.PointOutcome;
import org.aifactory.metrics.MetricStats;

/**
 * A point's {@link PointOutcome} as it travels from a Spark executor to the driver: the same
 * numbers, bit for bit (Java serialization keeps a double's bits).
 */
record PointFigures(
    int point,
    String[] keys,
    String[] units,
    String[] definitions,
    double[] mean,
    double[] sd,
    double[] ci95,
    int[] n,
    double[] goalValues)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static PointFigures of(int point, PointOutcome outcome) {
    List<MetricStats> metrics = outcome.metrics();
    int size = metrics.size();
    String[] keys = new String[size];
    String[] units = new String[size];
    String[] definitions = new String[size];
    double[] mean = new double[size];
    double[] sd = new double[size];
    double[] ci95 = new double[size];
    int[] n = new int[size];
    for (int i = 0; i < size; i++) {
      MetricStats m = metrics.get(i);
      keys[i] = m.key();
      units[i] = m.unit();
      definitions[i] = m.definition();
      mean[i] = m.mean();
      sd[i] = m.sd();
      ci95[i] = m.ci95();
      n[i] = m.n();
    }
    return new PointFigures(
        point, keys, units, definitions, mean, sd, ci95, n, outcome.goalValues());
  }

  PointOutcome outcome() {
    List<MetricStats> metrics = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) {
      metrics.add(
          new MetricStats(keys[i], units[i], definitions[i], mean[i], sd[i], ci95[i], n[i]));
    }
    return new PointOutcome(metrics, goalValues);
  }
}
