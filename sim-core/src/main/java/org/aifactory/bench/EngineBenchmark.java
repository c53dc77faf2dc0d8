package org.aifactory.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Measures the engine with the hold model: events per second and heap bytes allocated per event,
 * after a warm-up, on the calling thread, next to the same model on a bare binary heap ({@link
 * BareHeapHoldModel}, the baseline) in the same run. The CLI's {@code bench engine} prints these;
 * the JMH benchmark in the benchmarks module measures the same models.
 */
public final class EngineBenchmark {

  /** One measured configuration. */
  /**
   * @param benchmark {@value #ENGINE} for the engine, {@value #BARE_HEAP} for the baseline
   */
  public record Result(
      String benchmark,
      int pending,
      long events,
      double seconds,
      double eventsPerSecond,
      double bytesPerEvent) {}

  public static final String ENGINE = "hold";
  public static final String BARE_HEAP = "bare-heap";

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
      results.add(measure(ENGINE, pending, new HoldModel(pending, 42)::run));
      results.add(measure(BARE_HEAP, pending, new BareHeapHoldModel(pending, 42)::run));
    }
    return results;
  }

  /**
   * @param model fires that many more events; returns the total fired so far
   */
  private Result measure(String name, int pending, LongUnaryOperator model) {
    model.applyAsLong(Math.max(eventsPerRound, 20L * pending)); // warm-up: JIT, the heap's shape
    double bestRate = 0;
    double bestSeconds = 0;
    long allocated = 0;
    long events = 0;
    for (int r = 0; r < rounds; r++) {
      long bytes0 = allocatedBytes();
      long t0 = System.nanoTime();
      long before = model.applyAsLong(0);
      long fired = model.applyAsLong(eventsPerRound) - before;
      long t1 = System.nanoTime();
      allocated += allocatedBytes() - bytes0;
      events += fired;
      double seconds = (t1 - t0) / 1e9;
      double rate = fired / seconds;
      if (rate > bestRate) {
        bestRate = rate;
        bestSeconds = seconds;
      }
    }
    return new Result(
        name, pending, eventsPerRound, bestSeconds, bestRate, (double) allocated / events);
  }

  private static long allocatedBytes() {
    var bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }
}
