package org.aifactory.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the engine with the hold model: events per second and heap bytes allocated per event,
 * after a warm-up, on the calling thread. The CLI's {@code bench engine} prints these; the JMH
 * benchmark in the benchmarks module measures the same model.
 */
public final class EngineBenchmark {

  /** One measured configuration. */
  public record Result(
      String benchmark,
      int pending,
      long events,
      double seconds,
      double eventsPerSecond,
      double bytesPerEvent) {}

  private final long eventsPerRound;
  private final int rounds;

  /**
   * @param eventsPerRound events in one measured round
   * @param rounds measured rounds; the best round's rate and the mean allocation are reported
   */
  public EngineBenchmark(long eventsPerRound, int rounds) {
    this.eventsPerRound = eventsPerRound;
    this.rounds = rounds;
  }

  public List<Result> run(int... pendingCounts) {
    List<Result> results = new ArrayList<>();
    for (int pending : pendingCounts) {
      results.add(measure(pending));
    }
    return results;
  }

  private Result measure(int pending) {
    HoldModel model = new HoldModel(pending, 42);
    model.run(Math.max(eventsPerRound, 20L * pending)); // warm-up: JIT and the heap's shape
    double bestRate = 0;
    double bestSeconds = 0;
    long allocated = 0;
    long events = 0;
    for (int r = 0; r < rounds; r++) {
      long before = model.simulation().eventsFired();
      long bytes0 = allocatedBytes();
      long t0 = System.nanoTime();
      model.run(eventsPerRound);
      long t1 = System.nanoTime();
      allocated += allocatedBytes() - bytes0;
      long fired = model.simulation().eventsFired() - before;
      events += fired;
      double seconds = (t1 - t0) / 1e9;
      double rate = fired / seconds;
      if (rate > bestRate) {
        bestRate = rate;
        bestSeconds = seconds;
      }
    }
    return new Result(
        "hold", pending, eventsPerRound, bestSeconds, bestRate, (double) allocated / events);
  }

  private static long allocatedBytes() {
    var bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }
}
