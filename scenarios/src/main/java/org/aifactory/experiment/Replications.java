package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 *
 * <p>Experiments of several configurations (a sweep's points, a study's intervals, a comparison's
 * variants) run them all on one pool of threads with {@link #runEach}: the threads take (config,
 * replication) pairs in order, so they stay busy even when a configuration has fewer replications
 * than there are threads, and no thread waits for the last replication of a configuration before
 * starting the next.
 */
public final class Replications {
  private Replications() {}

  /** The replications and the event-loop work they did. */
  public record Result(ReplicationSet set, long eventsProcessed, double simulationWallSeconds) {}

  /**
   * One configuration to replicate, each replication's metrics given by {@code metricsOf} (e.g. its
   * {@link RunResult#metrics()} and its costs): the same keys in the same order for every
   * replication.
   */
  public record Config(
      String name, FactorySpec factory, RunSpec run, Function<RunResult, List<Metric>> metricsOf) {

    /** A configuration whose replications' metrics are their {@link RunResult#metrics()}. */
    public Config(String name, FactorySpec factory, RunSpec run) {
      this(name, factory, run, RunResult::metrics);
    }
  }

  /** What {@link #runEach} did: events fired and the wall time of all the runs. */
  public record Work(long eventsProcessed, double simulationWallSeconds) {}

  /** Receives each configuration's replications as soon as they are all over. */
  @FunctionalInterface
  public interface Sink {
    /**
     * Called once per configuration, on one of the worker threads, possibly at the same time for
     * different configurations: keep what is needed by {@code index}, without shared state.
     */
    void accept(int index, ReplicationSet set);
  }

  public static Result run(
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress) {
    return run(name, factory, run, replications, threads, progress, RunResult::metrics);
  }

  /** As {@link #run}, each replication's metrics given by {@code metricsOf}. */
  public static Result run(
      String name,
      FactorySpec factory,
      RunSpec run,
      int replications,
      int threads,
      ProgressListener progress,
      Function<RunResult, List<Metric>> metricsOf) {
    ReplicationSet[] set = new ReplicationSet[1];
    Work work =
        runEach(
            List.of(new Config(name, factory, run, metricsOf)),
            replications,
            threads,
            progress,
            (index, s) -> set[0] = s);
    return new Result(set[0], work.eventsProcessed(), work.simulationWallSeconds());
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
    if (replications == earlier.set().replications()) {
      return earlier;
    }
    ReplicationSet[] set = new ReplicationSet[1];
    Work later =
        extendEach(
            List.of(new Config(name, factory, run, metricsOf)),
            List.of(earlier.set()),
            replications,
            threads,
            progress,
            (index, s) -> set[0] = s);
    return new Result(
        set[0],
        earlier.eventsProcessed() + later.eventsProcessed(),
        earlier.simulationWallSeconds() + later.simulationWallSeconds());
  }

  /**
   * Runs {@code replications} replications of every configuration on {@code threads} threads (the
   * calling thread is one of them) and hands each configuration's set to {@code sink} as soon as
   * its replications are over: only the configurations under way, at most about one per thread, are
   * held in memory. Progress counts runs over configs × replications. The first failure stops the
   * work and is rethrown here, after every thread has stopped.
   */
  public static Work runEach(
      List<Config> configs, int replications, int threads, ProgressListener progress, Sink sink) {
    return extendEach(configs, null, replications, threads, progress, sink);
  }

  /**
   * As {@link #runEach}, after {@code earlier} (one set per configuration, all of the same size;
   * null for none): each configuration's set handed to {@code sink} is its earlier set followed by
   * its replications after it up to {@code replications} in all, the same set as {@link #runEach}
   * of {@code replications} gives. Progress counts the added runs only.
   */
  public static Work extendEach(
      List<Config> configs,
      List<ReplicationSet> earlier,
      int replications,
      int threads,
      ProgressListener progress,
      Sink sink) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1");
    }
    int from = earlier == null ? 0 : earlier.get(0).replications();
    if (earlier != null) {
      if (earlier.size() != configs.size()) {
        throw new IllegalArgumentException(
            earlier.size() + " earlier sets for " + configs.size() + " configurations");
      }
      for (ReplicationSet e : earlier) {
        if (e.replications() != from) {
          throw new IllegalArgumentException("earlier sets of different sizes");
        }
      }
    }
    if (replications < from) {
      throw new IllegalArgumentException(
          "cannot extend " + from + " replications to " + replications);
    }
    int added = replications - from;
    long total = (long) configs.size() * added;
    AtomicReferenceArray<Pending> pending = new AtomicReferenceArray<>(configs.size());
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicLong events = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          long k;
          while (failure.get() == null && (k = next.getAndIncrement()) < total) {
            int c = (int) (k / added);
            int r = from + (int) (k % added);
            try {
              Config config = configs.get(c);
              Pending p = pending.get(c);
              if (p == null) {
                pending.compareAndSet(
                    c, null, new Pending(earlier == null ? null : earlier.get(c), added));
                p = pending.get(c);
              }
              RunResult result =
                  new FactoryRun(config.name(), config.factory(), config.run(), r, r == 0)
                      .complete();
              events.addAndGet(result.eventsProcessed());
              if (p.add(r, result, config.metricsOf().apply(result))) {
                pending.set(c, null); // over: only the sink keeps what it needs
                sink.accept(c, p.set());
              }
              long finished = done.incrementAndGet();
              synchronized (progress) {
                progress.progress(finished, total);
              }
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    long t0 = System.nanoTime();
    if (added == 0) {
      for (int c = 0; c < configs.size(); c++) {
        sink.accept(c, earlier.get(c));
      }
    }
    int workers = (int) Math.max(1, Math.min(threads, total));
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
    return new Work(events.get(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * A configuration whose replications are under way: its earlier set (or none), replication 0 and
   * a row per added replication.
   */
  private static final class Pending {
    private final ReplicationSet earlier;
    private final int from;
    private final double[][] rows;
    private final AtomicInteger left;
    private final AtomicReference<List<Metric>> layout;
    private volatile RunResult first;

    Pending(ReplicationSet earlier, int added) {
      this.earlier = earlier;
      this.from = earlier == null ? 0 : earlier.replications();
      rows = new double[added][];
      left = new AtomicInteger(added);
      layout = new AtomicReference<>(earlier == null ? null : earlier.layout());
    }

    /** Adds replication r with its metrics; true when it was the last one. */
    boolean add(int r, RunResult result, List<Metric> metrics) {
      layout.compareAndSet(null, metrics);
      rows[r - from] = ReplicationSet.row(layout.get(), metrics, r);
      if (r == 0) {
        first = result;
      }
      return left.decrementAndGet() == 0; // publishes rows and first to the thread that sees 0
    }

    ReplicationSet set() {
      return earlier == null ? new ReplicationSet(first, layout.get(), rows) : earlier.append(rows);
    }
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
