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
 * The engine's hold model (see {@link HoldModel}); one operation is one event. Run with {@code java
 * -jar benchmarks/target/benchmarks.jar HoldModel -prof gc}: {@code gc.alloc.rate.norm} is the
 * bytes allocated per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HoldModelBenchmark {
  private static final int EVENTS_PER_INVOCATION = 100_000;

  @Param({"1000", "100000"})
  public int pending;

  private HoldModel model;

  @Setup(Level.Trial)
  public void setUp() {
    model = new HoldModel(pending, 42);
    model.run(20L * pending);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long hold() {
    return model.run(EVENTS_PER_INVOCATION);
  }
}
