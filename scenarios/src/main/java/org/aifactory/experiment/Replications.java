package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;

/**
 * Runs R independent replications of a factory on T threads. Replication r uses the random streams
 * of (seed, stream name, r), so the results, kept in replication order, are the same whatever the
 * thread count; compared variants run with the same seed share their streams (common random
 * numbers). Only replication 0 keeps its event log and power series in full; the others keep their
 * metrics.
 */
public final class Replications {
  private Replications() {}

  /** What one replication leaves behind. */
  private record Outcome(RunResult result, List<Metric> metrics, long events) {}

  /** The replications and the event-loop work they did. */
  public record Result(ReplicationSet set, long eventsProcessed, double simulationWallSeconds) {}

  public static Result run(
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1");
    }
    int workers = Math.max(1, Math.min(threads, replications));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "replication-worker");
              t.setDaemon(true);
              return t;
            });
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<Outcome>> futures = new ArrayList<>(replications);
      for (int rep = 0; rep < replications; rep++) {
        int r = rep;
        futures.add(
            pool.submit(
                () -> {
                  FactoryRun fr = new FactoryRun(name, factory, run, r, r == 0);
                  RunResult result = fr.complete();
                  int finished = done.incrementAndGet();
                  synchronized (progress) {
                    progress.progress(finished, replications);
                  }
                  return new Outcome(
                      r == 0 ? result : null, result.metrics(), result.eventsProcessed());
                }));
      }
      RunResult first = null;
      List<List<Metric>> metrics = new ArrayList<>(replications);
      long events = 0;
      for (Future<Outcome> f : futures) {
        Outcome o = get(f);
        if (first == null) {
          first = o.result();
        }
        metrics.add(o.metrics());
        events += o.events();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      return new Result(new ReplicationSet(first, metrics), events, wall);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
