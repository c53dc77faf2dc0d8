package org.aifactory.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.aifactory.experiment.Configuration;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.experiment.Replications;
import org.aifactory.experiment.ScenarioRecipe;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The replications of {@code run --replications R} as a Spark job: replications 1 to R − 1 on the
 * executors (their metric values come back to the driver: R rows), replication 0 on the driver
 * meanwhile, whole (its power series and event log make the charts, as on one machine). Put
 * together in replication order, they are the set {@link Replications#run} gives.
 */
final class SparkReplicationsRun {
  private SparkReplicationsRun() {}

  static Replications.Result run(
      JavaSparkContext sc,
      ScenarioRecipe recipe,
      Configuration configuration,
      int replications,
      int partitions,
      ProgressListener progress)
      throws Exception {
    long t0 = System.nanoTime();
    Broadcast<ExecutorScenario> shared = sc.broadcast(new ExecutorScenario(recipe));
    List<TaskRange> ranges = new ArrayList<>();
    for (TaskRange r : TaskRange.split(replications - 1L, partitions)) {
      ranges.add(new TaskRange(r.first() + 1, r.end() + 1)); // replication 0 is the driver's
    }
    JavaFutureAction<List<RunValues>> others =
        sc.parallelize(ranges, ranges.size())
            .flatMap(range -> runs(shared.value(), range))
            .collectAsync();
    RunResult first =
        new FactoryRun(
                configuration.runName(), configuration.factory(), configuration.run(), 0, true)
            .complete();
    progress.progress(1, replications);
    List<RunValues> rest = others.get();
    List<Metric> layout = configuration.metricsOf().apply(first);
    double[][] rows = new double[replications][];
    rows[0] = ReplicationSet.row(layout, layout, 0);
    long events = first.eventsProcessed();
    for (RunValues v : rest) {
      if (v.values().length != layout.size()) {
        throw new IllegalStateException("replication " + v.replication() + " has other metrics");
      }
      rows[v.replication()] = v.values();
      events += v.events();
    }
    for (int r = 0; r < replications; r++) {
      if (rows[r] == null) {
        throw new IllegalStateException("replication " + r + " did not come back");
      }
    }
    progress.progress(replications, replications);
    double wall = (System.nanoTime() - t0) / 1e9;
    return new Replications.Result(new ReplicationSet(first, layout, rows), events, wall);
  }

  /** The replications of a range, one at a time. */
  private static Iterator<RunValues> runs(ExecutorScenario scenario, TaskRange range) {
    return new Iterator<>() {
      private long next = range.first();

      @Override
      public boolean hasNext() {
        return next < range.end();
      }

      @Override
      public RunValues next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int replication = (int) next++;
        Configuration c = scenario.configuration();
        RunResult result =
            new FactoryRun(c.runName(), c.factory(), c.run(), replication, false).complete();
        return RunValues.of(replication, c.metricsOf().apply(result), result.eventsProcessed());
      }
    };
  }
}
