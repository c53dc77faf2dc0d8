package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
 * numbers). Only replication 0 keeps its event log and power series in full; every other keeps a
 * row of metric values (8 bytes a metric), and the threads take the next replication from a
 * counter, so memory grows only by those rows, however many replications.
 */
public final class Replications {
  private Replications() {}

  /** The replications and the event-loop work they did. */
  public record Result(ReplicationSet set, long eventsProcessed, double simulationWallSeconds) {}

  public static Result run(
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress) {
    return run(name, factory, run, replications, threads, progress, RunResult::metrics);
  }

  /**
   * As {@link #run}, each replication's metrics given by {@code metricsOf} (e.g. its {@link
   * RunResult#metrics()} and its costs): the same keys in the same order for every replication.
   */
  public static Result run(
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress,
      Function<RunResult, List<Metric>> metricsOf) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1");
    }
    return range(name, factory, run, null, replications, threads, progress, metricsOf);
  }

  /**
   * {@code earlier} followed by the replications after it up to {@code replications} in all: the
   * same set as {@link #run} of {@code replications} gives, since replication r uses the streams of
   * r whenever it runs. Progress counts the added replications only.
   */
  public static Result extend(
      Result earlier,
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress) {
    return extend(earlier, name, factory, run, replications, threads, progress, RunResult::metrics);
  }

  /** As {@link #extend}, each replication's metrics given by {@code metricsOf}. */
  public static Result extend(
      Result earlier,
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress,
      Function<RunResult, List<Metric>> metricsOf) {
    if (replications < earlier.set().replications()) {
      throw new IllegalArgumentException(
          "cannot extend " + earlier.set().replications() + " replications to " + replications);
    }
    if (replications == earlier.set().replications()) {
      return earlier;
    }
    Result later =
        range(name, factory, run, earlier.set(), replications, threads, progress, metricsOf);
    return new Result(
        later.set(),
        earlier.eventsProcessed() + later.eventsProcessed(),
        earlier.simulationWallSeconds() + later.simulationWallSeconds());
  }

  /** Replications from those of {@code earlier} (none if null) to {@code to}, after them. */
  private static Result range(
      String name,
      FactorySpec factory,
      RunSpec run,
      ReplicationSet earlier,
      int to,
      int threads,
      ProgressListener progress,
      Function<RunResult, List<Metric>> metricsOf) {
    int from = earlier == null ? 0 : earlier.replications();
    int replications = to - from;
    double[][] rows = new double[replications][];
    AtomicReference<RunResult> first = new AtomicReference<>();
    AtomicReference<List<Metric>> layout =
        new AtomicReference<>(earlier == null ? null : earlier.layout());
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger done = new AtomicInteger();
    AtomicLong events = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int r;
          while (failure.get() == null && (r = next.getAndIncrement()) < to) {
            try {
              RunResult result = new FactoryRun(name, factory, run, r, r == 0).complete();
              List<Metric> metrics = metricsOf.apply(result);
              layout.compareAndSet(null, metrics);
              rows[r - from] = ReplicationSet.row(layout.get(), metrics, r);
              if (r == 0) {
                first.set(result);
              }
              events.addAndGet(result.eventsProcessed());
              int finished = done.incrementAndGet();
              synchronized (progress) {
                progress.progress(finished, replications);
              }
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    long t0 = System.nanoTime();
    int workers = Math.max(1, Math.min(threads, replications));
    List<Thread> pool = new ArrayList<>(workers);
    for (int i = 1; i < workers; i++) {
      Thread t = new Thread(worker, "replication-worker-" + i);
      t.setDaemon(true);
      t.start();
      pool.add(t);
    }
    worker.run(); // the calling thread works too
    for (Thread t : pool) {
      join(t);
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Error err) {
      throw err;
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    ReplicationSet set =
        earlier == null
            ? new ReplicationSet(first.get(), layout.get(), rows)
            : earlier.append(rows);
    return new Result(set, events.get(), wall);
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
