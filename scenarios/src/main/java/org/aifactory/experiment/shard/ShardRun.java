package org.aifactory.experiment.shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.experiment.Sweep;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.experiment.SweepSpec;
import org.aifactory.metrics.Metric;
import org.aifactory.scenario.ScenarioSweep;

/**
 * Runs one shard of a sweep on this machine's threads: its tasks as {@link Sweep#runTask} runs
 * them, kept in task order whatever thread ran which, as a {@link PartialSweep}.
 */
public final class ShardRun {
  private ShardRun() {}

  public static PartialSweep run(
      SweepSpec spec,
      ScenarioSweep sweep,
      SweepPlan plan,
      Shard shard,
      int threads,
      ProgressListener progress) {
    int count = Math.toIntExact(shard.size(plan.tasks()));
    @SuppressWarnings("unchecked")
    List<Metric>[] results = new List[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < count) {
            try {
              results[i] = Sweep.runTask(sweep, plan, shard.task(i));
              int finished = done.incrementAndGet();
              synchronized (progress) {
                progress.progress(finished, count);
              }
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    int workers = Math.max(1, Math.min(threads, count));
    List<Thread> pool = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      Thread t = new Thread(worker, "shard-worker-" + w);
      t.setDaemon(true);
      t.start();
      pool.add(t);
    }
    worker.run(); // the calling thread works too
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Error err) {
      throw err;
    }
    return partial(spec, plan, shard, results);
  }

  private static PartialSweep partial(
      SweepSpec spec, SweepPlan plan, Shard shard, List<Metric>[] results) {
    Map<List<Metric>, Integer> layouts = new LinkedHashMap<>();
    List<Integer> pointLayouts = new ArrayList<>();
    for (int p = 0; p < plan.points().size(); p++) {
      pointLayouts.add(-1);
    }
    List<PartialSweep.Run> runs = new ArrayList<>(results.length);
    for (int i = 0; i < results.length; i++) {
      long task = shard.task(i);
      int point = plan.pointOf(task);
      List<Metric> metrics = results[i];
      List<Metric> layout = labels(metrics);
      int index = layouts.computeIfAbsent(layout, l -> layouts.size());
      if (pointLayouts.get(point) < 0) {
        pointLayouts.set(point, index);
      } else if (pointLayouts.get(point) != index) {
        throw new IllegalStateException(
            "point " + point + " reports other metrics in task " + task);
      }
      double[] values = new double[metrics.size()];
      for (int m = 0; m < values.length; m++) {
        values[m] = metrics.get(m).value();
      }
      runs.add(new PartialSweep.Run(point, plan.replicationOf(task), values));
    }
    return new PartialSweep(
        spec.source().label(),
        spec.source().sha256(),
        spec.overrides(),
        spec.varies(),
        plan,
        shard,
        List.copyOf(layouts.keySet()),
        pointLayouts,
        runs);
  }

  /** The metrics' keys, units and definitions, without their values. */
  static List<Metric> labels(List<Metric> metrics) {
    return metrics.stream().map(m -> new Metric(m.key(), m.unit(), m.definition(), 0)).toList();
  }
}
