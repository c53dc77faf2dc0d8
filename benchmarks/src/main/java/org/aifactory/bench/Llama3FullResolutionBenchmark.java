package org.aifactory.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shape of the bundled {@code llama3-405b-54d} scenario (16,384 H100 for 54 days, 5.5 s
 * iterations, hourly 5-minute checkpoints), one whole run per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class Llama3FullResolutionBenchmark {
  @Param({"FULL", "AVERAGED"})
  public PulseResolution resolution;

  private static final FactorySpec FACTORY =
      new FactorySpec(
          HardwareCatalog.builtIn(),
          new FacilitySpec(1.2),
          List.of(new ClusterSpec("hall-a", "DGX-H100", 2048)),
          List.of(
              new TrainingJobSpec(
                  "llama3-405b",
                  "hall-a",
                  16_384,
                  Duration.ZERO,
                  new IterationProfile(Duration.ofMillis(5_500), 0.7, 1.0, 0.3),
                  16_777_216L,
                  Optional.of(
                      new CheckpointSpec(Duration.ofHours(1), Duration.ofMinutes(5), 0.15)))));

  @Benchmark
  public RunResult run() {
    RunSpec run = new RunSpec(Duration.ofDays(54), 7, resolution, ObservationSpec.defaults());
    return new FactoryRun("llama3-405b-54d", FACTORY, run).complete();
  }
}
