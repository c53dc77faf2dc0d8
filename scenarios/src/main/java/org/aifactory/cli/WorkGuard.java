package org.aifactory.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.aifactory.metrics.ComparisonResult.Precision;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.aifactory.model.WorkEstimate;
import picocli.CommandLine.Option;

/**
 * Estimates a command's work before it starts (events and memory, from {@link WorkEstimate}) and
 * announces it when it is large, or refuses it, naming the scenario key that drives it: a run that
 * would need more memory than the JVM has, or more than {@link #REFUSE_SECONDS} of computing unless
 * {@code --allow-long-run} is given. A mixin of the commands that run simulations.
 */
final class WorkGuard {
  /**
   * Events per second assumed for the estimate: below the engine's measured 4.5-12 M events/s on
   * the 2-core machines of this project, so that the estimate errs long.
   */
  static final double EVENTS_PER_SECOND = 4e6;

  /** Work longer than this is announced on stderr before it starts. */
  static final double ANNOUNCE_SECONDS = 20;

  /** Memory above this is announced. */
  static final double ANNOUNCE_BYTES = 1e9;

  /** Work longer than this (6 h) is refused unless --allow-long-run is given. */
  static final double REFUSE_SECONDS = 6 * 3600;

  /** One row of timeseries.csv, about: five numbers and separators. */
  static final double TIMESERIES_BYTES_PER_BUCKET = 70;

  /** Output files larger than this are announced. */
  static final double ANNOUNCE_OUTPUT_BYTES = 100e6;

  /** Share of the JVM's maximum heap a command may plan to use. */
  static final double HEAP_SHARE = 0.8;

  @Option(
      names = "--allow-long-run",
      description = "Run even when the estimated computing time is over 6 hours.")
  boolean allowLongRun;

  /** Checks {@code runs} runs of {@code factory} as {@code run} says, {@code threads} at a time. */
  void check(FactorySpec factory, RunSpec run, long runs, int threads, PrintWriter err) {
    check(List.of(WorkEstimate.of(factory, run)), runs, threads, resultBytes(factory), err);
    double csvBytes = run.observation().buckets() * TIMESERIES_BYTES_PER_BUCKET;
    if (csvBytes > ANNOUNCE_OUTPUT_BYTES) {
      err.println(
          "aifactory: timeseries.csv will be about "
              + bytes(csvBytes)
              + " (recording.buckets: "
              + String.format(Locale.ROOT, "%,d", run.observation().buckets())
              + "); writing it takes a while.");
      err.flush();
    }
  }

  /**
   * Checks the work of {@code runsEach} runs of each estimated configuration (a study's points, a
   * comparison's variants), {@code threads} runs at a time.
   *
   * @param resultBytesPerRun memory kept per run once it is over (its metrics)
   * @throws UserException when the work is refused
   */
  void check(
      List<WorkEstimate> estimates,
      long runsEach,
      int threads,
      double resultBytesPerRun,
      PrintWriter err) {
    long runs = runsEach * estimates.size();
    double concurrent = Math.max(1, Math.min(threads, runs));
    double events = 0;
    WorkEstimate largest = estimates.get(0);
    for (WorkEstimate e : estimates) {
      events += e.events() * runsEach;
      if (e.events() > largest.events()) {
        largest = e;
      }
    }
    double memoryPerRun = estimates.stream().mapToDouble(WorkEstimate::memoryBytes).max().orElse(0);
    double seconds = events / (EVENTS_PER_SECOND * concurrent);
    double results = resultBytesPerRun * runs;
    double bytes = memoryPerRun * concurrent + results;
    double heap = Runtime.getRuntime().maxMemory();
    WorkEstimate.Part byEvents = largest.largestByEvents();
    WorkEstimate.Part byMemory = largest.largestByMemory();
    String runsText = runs == 1 ? "this run" : String.format(Locale.ROOT, "these %,d runs", runs);
    if (bytes > HEAP_SHARE * heap) {
      String cause =
          results > memoryPerRun * concurrent
              ? "the results of every run (fewer replications, or fewer points)"
              : byMemory.key() + " (" + byMemory.what() + ")";
      throw new UserException(
          String.format(
              Locale.ROOT,
              "%s would need about %s of memory and the JVM has %s, most of it for %s. Reduce it,"
                  + " or give the JVM more memory, e.g. JAVA_OPTS=-Xmx%dg",
              runsText,
              bytes(bytes),
              bytes(heap),
              cause,
              (long) Math.ceil(bytes / HEAP_SHARE / 1e9) + 1));
    }
    String work =
        String.format(
            Locale.ROOT,
            "%s would fire about %.2g events (about %s of computing), most of them from %s (%s)",
            runsText,
            events,
            duration(seconds),
            byEvents.key(),
            byEvents.what());
    if (seconds > REFUSE_SECONDS && !allowLongRun) {
      throw new UserException(
          work + ". Lower it or shorten the horizon; or add --allow-long-run to run it anyway.");
    }
    QuickStart.checkWork(seconds);
    if (seconds > ANNOUNCE_SECONDS || bytes > ANNOUNCE_BYTES) {
      err.println("aifactory: " + work + "; memory about " + bytes(bytes) + ".");
      err.flush();
    }
  }

  /**
   * The most replications of each configuration the guard allows, {@code wanted} at most: those
   * whose computing fits in {@link #REFUSE_SECONDS} (unless {@code --allow-long-run}) and whose
   * results fit in the heap beside the runs in progress.
   *
   * @param wanted the most asked for ({@code --max-replications})
   */
  Affordable affordable(
      List<WorkEstimate> estimates, int wanted, int threads, double resultBytesPerRun) {
    double concurrent = Math.max(1, threads);
    double eventsEach = estimates.stream().mapToDouble(WorkEstimate::events).sum();
    double memoryPerRun = estimates.stream().mapToDouble(WorkEstimate::memoryBytes).max().orElse(0);
    double heapLeft = HEAP_SHARE * Runtime.getRuntime().maxMemory() - memoryPerRun * concurrent;
    double byMemory = Math.floor(heapLeft / (resultBytesPerRun * estimates.size()));
    double byTime =
        allowLongRun || eventsEach <= 0
            ? Double.POSITIVE_INFINITY
            : Math.floor(REFUSE_SECONDS * EVENTS_PER_SECOND * concurrent / eventsEach);
    if (byMemory < wanted && byMemory <= byTime) {
      return new Affordable((int) Math.max(0, byMemory), Precision.Limit.MEMORY);
    }
    if (byTime < wanted) {
      return new Affordable((int) Math.max(0, byTime), Precision.Limit.COMPUTING_TIME);
    }
    return new Affordable(wanted, Precision.Limit.REQUESTED);
  }

  /** At most {@code replications} per configuration, because of {@code limit}. */
  record Affordable(int replications, Precision.Limit limit) {}

  /**
   * Announces on stderr the most work of {@code replications} runs of each estimated configuration
   * when it could take more than {@link #ANNOUNCE_SECONDS}.
   */
  void announceAtMost(
      List<WorkEstimate> estimates, int replications, int threads, PrintWriter err) {
    double events = estimates.stream().mapToDouble(WorkEstimate::events).sum() * replications;
    double seconds = events / (EVENTS_PER_SECOND * Math.max(1, threads));
    if (seconds > ANNOUNCE_SECONDS) {
      err.println(
          String.format(
              Locale.ROOT,
              "aifactory: --target-ci: at most %,d replications per variant, about %s of computing"
                  + " if all are needed.",
              replications,
              duration(seconds)));
      err.flush();
    }
  }

  /** Memory kept per replication once it is over: its row of metrics and the row's overhead. */
  static double resultBytes(FactorySpec factory) {
    int metrics =
        64
            + 4 * factory.failures().profile().causes().size()
            + 8 * factory.workloads().size()
            + factory.power().map(p -> p.paths()).orElse(0);
    return 8.0 * metrics + 64;
  }

  static String bytes(double b) {
    if (b >= 1e9) {
      return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
    }
    return String.format(Locale.ROOT, "%.0f MB", Math.max(1, b / 1e6));
  }

  static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 2 * 3600) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    if (seconds < 2 * 86400) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
    if (seconds < 2 * 365 * 86400) {
      return String.format(Locale.ROOT, "%.0f days", seconds / 86400);
    }
    return String.format(Locale.ROOT, "%.2g years", seconds / (365 * 86400));
  }
}
