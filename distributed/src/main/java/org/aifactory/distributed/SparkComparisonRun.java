package org.aifactory.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.aifactory.experiment.Comparison;
import org.aifactory.experiment.ComparisonRecipe;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.experiment.Replications;
import org.aifactory.experiment.VariantRunner;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The replications of a comparison's variants as Spark jobs, one per batch: the runs (variant,
 * replication) of the batch, variant after variant, cut into contiguous ranges, one per partition;
 * their metric values come back to the driver (variants × replications rows). Replication 0 of
 * every variant runs on the driver meanwhile, whole, as it does on one machine. Each variant's
 * rows, put in replication order after those of the earlier batches, are the set {@link
 * Replications#extend} gives.
 */
final class SparkComparisonRun implements VariantRunner {
  private final JavaSparkContext sc;
  private final Broadcast<ExecutorComparison> shared;
  private final String scenario;
  private final List<Comparison.Variant> variants;
  private final int partitions;

  SparkComparisonRun(
      JavaSparkContext sc,
      ComparisonRecipe recipe,
      String scenario,
      List<Comparison.Input> inputs,
      int partitions) {
    this.sc = sc;
    this.shared = sc.broadcast(new ExecutorComparison(recipe));
    this.scenario = scenario;
    this.variants = Comparison.variants(inputs);
    this.partitions = partitions;
  }

  @Override
  public List<Replications.Result> extendTo(
      List<Replications.Result> earlier, int to, ProgressListener progress) {
    int before = earlier.isEmpty() ? 0 : earlier.get(0).set().replications();
    if (to <= before) {
      return earlier;
    }
    long t0 = System.nanoTime();
    int from = Math.max(1, before); // replication 0 is the driver's
    long perVariant = to - from;
    JavaFutureAction<List<Tuple2<Integer, RunValues>>> others = null;
    if (perVariant > 0) {
      Broadcast<ExecutorComparison> comparison = shared;
      List<TaskRange> ranges = TaskRange.split(variants.size() * perVariant, partitions);
      others =
          sc.parallelize(ranges, ranges.size())
              .flatMap(range -> runs(comparison.value(), range, from, perVariant))
              .collectAsync();
    }
    List<RunResult> firsts = new ArrayList<>();
    long total = (long) variants.size() * to;
    long done = (long) variants.size() * before;
    if (before == 0) {
      for (Comparison.Variant v : variants) {
        firsts.add(new FactoryRun(scenario, v.factory(), v.run(), 0, true).complete());
        progress.progress(++done, total);
      }
    }
    List<Tuple2<Integer, RunValues>> rest;
    try {
      rest = others == null ? List.of() : others.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the replications ran", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the Spark job failed: " + e.getCause().getMessage(), e);
    }
    double[][][] rows = new double[variants.size()][to - before][];
    long[] events = new long[variants.size()];
    List<List<Metric>> layouts = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      if (before == 0) {
        RunResult first = firsts.get(v);
        List<Metric> metrics = variants.get(v).metricsOf().apply(first);
        layouts.add(metrics);
        rows[v][0] = ReplicationSet.row(metrics, metrics, 0);
        events[v] = first.eventsProcessed();
      } else {
        layouts.add(earlier.get(v).set().layout());
      }
    }
    for (Tuple2<Integer, RunValues> run : rest) {
      int v = run._1();
      RunValues values = run._2();
      if (values.values().length != layouts.get(v).size()) {
        throw new IllegalStateException(
            "replication " + values.replication() + " of variant " + v + " has other metrics");
      }
      rows[v][values.replication() - before] = values.values();
      events[v] += values.events();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    List<Replications.Result> out = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      for (int r = 0; r < rows[v].length; r++) {
        if (rows[v][r] == null) {
          throw new IllegalStateException(
              "replication " + (before + r) + " of variant " + v + " did not come back");
        }
      }
      if (before == 0) {
        out.add(
            new Replications.Result(
                new ReplicationSet(firsts.get(v), layouts.get(v), rows[v]), events[v], wall));
      } else {
        Replications.Result e = earlier.get(v);
        out.add(
            new Replications.Result(
                e.set().append(rows[v]),
                e.eventsProcessed() + events[v],
                e.simulationWallSeconds() + wall));
      }
    }
    progress.progress(total, total);
    return out;
  }

  /**
   * The runs of a range of a batch's tasks, one at a time: task t is replication {@code from + t %
   * perVariant} of variant {@code t / perVariant}.
   */
  private static Iterator<Tuple2<Integer, RunValues>> runs(
      ExecutorComparison comparison, TaskRange range, int from, long perVariant) {
    return new Iterator<>() {
      private long next = range.first();

      @Override
      public boolean hasNext() {
        return next < range.end();
      }

      @Override
      public Tuple2<Integer, RunValues> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long task = next++;
        int v = (int) (task / perVariant);
        int replication = from + (int) (task % perVariant);
        Comparison.Variant variant = comparison.variants().get(v);
        RunResult result =
            new FactoryRun(comparison.name(), variant.factory(), variant.run(), replication, false)
                .complete();
        return new Tuple2<>(
            v,
            RunValues.of(replication, variant.metricsOf().apply(result), result.eventsProcessed()));
      }
    };
  }
}
