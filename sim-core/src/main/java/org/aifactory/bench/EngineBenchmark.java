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

  /**
   * The engine and the bare heap at each pending count. Their rounds alternate (engine first in
   * even rounds, the bare heap first in odd ones), so that on a shared machine both see the same
   * load, and each reports its best round.
   */
  public List<Result> run(int... pendingCounts) {
    List<Result> results = new ArrayList<>();
    for (int pending : pendingCounts) {
      Model engine = new Model(ENGINE, pending, new HoldModel(pending, 42)::run);
      Model bare = new Model(BARE_HEAP, pending, new BareHeapHoldModel(pending, 42)::run);
      engine.warmUp();
      bare.warmUp();
      for (int r = 0; r < rounds; r++) {
        Model firstOfRound = r % 2 == 0 ? engine : bare;
        Model second = firstOfRound == engine ? bare : engine;
        firstOfRound.round();
        second.round();
      }
      results.add(engine.result());
      results.add(bare.result());
    }
    return results;
  }

  /** One model's measured rounds so far. */
  private final class Model {
    private final String name;
    private final int pending;
    private final LongUnaryOperator model; // fires that many more events; returns the total fired
    private double bestRate;
    private double bestSeconds;
    private long allocated;
    private long events;

    Model(String name, int pending, LongUnaryOperator model) {
      this.name = name;
      this.pending = pending;
      this.model = model;
    }

    /** The JIT, and the heap's shape settled. */
    void warmUp() {
      model.applyAsLong(Math.max(eventsPerRound, 20L * pending));
    }

    void round() {
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

    Result result() {
      return new Result(
          name, pending, eventsPerRound, bestSeconds, bestRate, (double) allocated / events);
    }
  }

  private static long allocatedBytes() {
    var bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }
}
