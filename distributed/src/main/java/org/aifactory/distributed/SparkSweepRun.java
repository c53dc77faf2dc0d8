package org.aifactory.distributed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.aifactory.experiment.PointOutcome;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.experiment.Sweep;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.experiment.SweepSpec;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * One sweep as a Spark job. The tasks (one per (point, replication), in the plan's order) are cut
 * into contiguous ranges, one per partition; each run's metric values go, keyed by point, to the
 * executor that puts the point together: its replications sorted back into order, its statistics
 * computed as on one machine ({@link PointOutcome#of}). The driver receives one small record per
 * point and sorts them into sweep order. No step depends on which executor ran what, or when, so
 * the result is the same for any partitioning and any number of cores.
 */
final class SparkSweepRun {
  /** How often the driver looks at the runs done, for the progress bar. */
  private static final long PROGRESS_MILLIS = 250;

  private SparkSweepRun() {}

  static List<PointOutcome> run(
      JavaSparkContext sc,
      SweepSpec spec,
      SweepPlan plan,
      int partitions,
      ProgressListener progress) {
    Broadcast<ExecutorSweep> shared = sc.broadcast(new ExecutorSweep(spec, plan.replications()));
    int replications = plan.replications();
    Sweep.Goal goal = plan.goal().orElse(null); // Optional is not serializable
    List<TaskRange> ranges = TaskRange.split(plan.tasks(), partitions);
    int reducers = Math.min(ranges.size(), plan.points().size());
    LongAccumulator done = sc.sc().longAccumulator("runs done");
    Thread watcher = watch(done, plan.tasks(), progress);
    List<PointFigures> figures;
    try {
      figures =
          sc.parallelize(ranges, ranges.size())
              .flatMapToPair(range -> runs(shared.value(), range, done))
              .groupByKey(reducers)
              .map(point -> figures(point._1(), point._2(), replications, goal))
              .collect();
    } finally {
      watcher.interrupt();
      try {
        watcher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    progress.progress(done.value(), plan.tasks());
    List<PointFigures> sorted = new ArrayList<>(figures);
    sorted.sort(Comparator.comparingInt(PointFigures::point));
    if (sorted.size() != plan.points().size()) {
      throw new IllegalStateException(
          "Spark returned " + sorted.size() + " points of " + plan.points().size());
    }
    List<PointOutcome> out = new ArrayList<>(sorted.size());
    for (PointFigures f : sorted) {
      out.add(f.outcome());
    }
    return out;
  }

  /** The runs of a range, one at a time (a partition never holds more than one run's values). */
  private static Iterator<Tuple2<Integer, RunValues>> runs(
      ExecutorSweep sweep, TaskRange range, LongAccumulator done) {
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
        SweepPlan plan = sweep.plan();
        RunValues values =
            RunValues.of(plan.replicationOf(task), Sweep.runTask(sweep.sweep(), plan, task), 0);
        done.add(1);
        return new Tuple2<>(plan.pointOf(task), values);
      }
    };
  }

  /** A point's figures from its runs, in whatever order they arrived. */
  private static PointFigures figures(
      int point, Iterable<RunValues> runs, int replications, Sweep.Goal goal) {
    RunValues[] byReplication = new RunValues[replications];
    for (RunValues r : runs) {
      if (byReplication[r.replication()] != null) {
        throw new IllegalStateException("point " + point + " ran replication twice");
      }
      byReplication[r.replication()] = r;
    }
    double[][] rows = new double[replications][];
    for (int r = 0; r < replications; r++) {
      if (byReplication[r] == null) {
        throw new IllegalStateException("point " + point + " lacks replication " + r);
      }
      rows[r] = byReplication[r].values();
    }
    PointOutcome outcome =
        PointOutcome.of(byReplication[0].labels().layout(), rows, Optional.ofNullable(goal));
    return PointFigures.of(point, outcome);
  }

  /** A daemon thread that tells {@code progress} the runs done until it is interrupted. */
  private static Thread watch(LongAccumulator done, long total, ProgressListener progress) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  progress.progress(done.value(), total);
                  Thread.sleep(PROGRESS_MILLIS);
                }
              } catch (InterruptedException e) {
                // the job is over
              }
            },
            "spark-sweep-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
