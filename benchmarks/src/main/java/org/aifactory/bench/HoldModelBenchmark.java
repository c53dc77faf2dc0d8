package org.aifactory.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's hold model (see {@link HoldModel}) next to the same model on a bare binary heap (see
 * {@link BareHeapHoldModel}: the same random stream, delays and (time, sequence) order, so the same
 * events at the same times); one operation is one event. Run with {@code java -jar
 * benchmarks/target/benchmarks.jar HoldModel -prof gc}: {@code gc.alloc.rate.norm} is the bytes
 * allocated per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class HoldModelBenchmark {
  private static final int EVENTS_PER_INVOCATION = 100_000;

  /** The engine: {@link org.aifactory.engine.Simulation} with the hold model. */
  @State(Scope.Thread)
  public static class Engine {
    @Param({"1000", "100000"})
    public int pending;

    HoldModel model;

    @Setup(Level.Trial)
    public void setUp() {
      model = new HoldModel(pending, 42);
      model.run(20L * pending); // the heap's steady shape
    }
  }

  /** The baseline: the same model on a bare binary heap. */
  @State(Scope.Thread)
  public static class BareHeap {
    @Param({"1000", "100000"})
    public int pending;

    BareHeapHoldModel model;

    @Setup(Level.Trial)
    public void setUp() {
      model = new BareHeapHoldModel(pending, 42);
      model.run(20L * pending);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long engine(Engine state) {
    return state.model.run(EVENTS_PER_INVOCATION);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long bareBinaryHeap(BareHeap state) {
    return state.model.run(EVENTS_PER_INVOCATION);
  }
}
