package org.aifactory.model.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.aifactory.model.Checks;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;

/**
 * A synchronous training job on one cluster.
 *
 * @param name job name, unique in a factory
 * @param cluster name of the cluster it runs on
 * @param gpus GPUs it uses
 * @param start when it starts, from the beginning of the run
 * @param iteration its iteration profile
 * @param tokensPerIteration tokens consumed by one iteration (global batch size in tokens)
 * @param checkpoint its checkpoint policy, empty for none
 * @param restart time from an interruption (once the job has its GPUs) to iterating again
 * @param workIterations iterations to complete, after which the job ends and frees its GPUs; empty:
 *     run to the horizon
 * @param powerCap a cap on the job's GPUs over time (with the cluster's, the lower applies); empty:
 *     none
 * @param gpusPerSystem GPUs the job uses on each of its systems (its share; the others are
 *     in-system spares): a system serves the job while it has that many healthy GPUs; empty: all
 *     the system's GPUs
 * @param powerSmoothing power smoothing of the job's GPUs (in place of its cluster's); empty: the
 *     cluster's, if any
 * @param filler filler work in the job's lulls; empty: none
 */
public record TrainingJobSpec(
    String name,
    String cluster,
    int gpus,
    Duration start,
    IterationProfile iteration,
    long tokensPerIteration,
    Optional<CheckpointSpec> checkpoint,
    Duration restart,
    OptionalLong workIterations,
    Optional<PowerCapSchedule> powerCap,
    OptionalInt gpusPerSystem,
    Optional<PowerSmoothingSpec> powerSmoothing,
    Optional<FillerSpec> filler)
    implements WorkloadSpec {

  /*
   * Restart after an interruption (reload the checkpoint, re-initialise the collectives): no
   * published figure in docs/sources.md. ASSUMPTION: 10 min; scenarios should set their own.
   */
  public static final Duration DEFAULT_RESTART = Duration.ofMinutes(10);

  /** A job without load shaping of its own. */
  public TrainingJobSpec(
      String name,
      String cluster,
      int gpus,
      Duration start,
      IterationProfile iteration,
      long tokensPerIteration,
      Optional<CheckpointSpec> checkpoint,
      Duration restart,
      OptionalLong workIterations,
      Optional<PowerCapSchedule> powerCap,
      OptionalInt gpusPerSystem) {
    this(
        name,
        cluster,
        gpus,
        start,
        iteration,
        tokensPerIteration,
        checkpoint,
        restart,
        workIterations,
        powerCap,
        gpusPerSystem,
        Optional.empty(),
        Optional.empty());
  }

  /** A job on all the GPUs of its systems. */
  public TrainingJobSpec(
      String name,
      String cluster,
      int gpus,
      Duration start,
      IterationProfile iteration,
      long tokensPerIteration,
      Optional<CheckpointSpec> checkpoint,
      Duration restart,
      OptionalLong workIterations,
      Optional<PowerCapSchedule> powerCap) {
    this(
        name,
        cluster,
        gpus,
        start,
        iteration,
        tokensPerIteration,
        checkpoint,
        restart,
        workIterations,
        powerCap,
        OptionalInt.empty());
  }

  /** A job without a power cap. */
  public TrainingJobSpec(
      String name,
      String cluster,
      int gpus,
      Duration start,
      IterationProfile iteration,
      long tokensPerIteration,
      Optional<CheckpointSpec> checkpoint,
      Duration restart,
      OptionalLong workIterations) {
    this(
        name,
        cluster,
        gpus,
        start,
        iteration,
        tokensPerIteration,
        checkpoint,
        restart,
        workIterations,
        Optional.empty());
  }

  /** A job that runs to the horizon with the default restart time. */
  public TrainingJobSpec(
      String name,
      String cluster,
      int gpus,
      Duration start,
      IterationProfile iteration,
      long tokensPerIteration,
      Optional<CheckpointSpec> checkpoint) {
    this(
        name,
        cluster,
        gpus,
        start,
        iteration,
        tokensPerIteration,
        checkpoint,
        DEFAULT_RESTART,
        OptionalLong.empty());
  }

  public TrainingJobSpec {
    Objects.requireNonNull(restart, "restart");
    if (restart.isNegative()) {
      throw new IllegalArgumentException("restart must be >= 0");
    }
    Objects.requireNonNull(workIterations, "workIterations");
    if (workIterations.isPresent() && workIterations.getAsLong() <= 0) {
      throw new IllegalArgumentException("work must be positive");
    }
    Checks.name(name, "workload name");
    Checks.name(cluster, "cluster");
    if (gpus <= 0) {
      throw new IllegalArgumentException("gpus must be positive");
    }
    Objects.requireNonNull(start, "start");
    if (start.isNegative()) {
      throw new IllegalArgumentException("start must be >= 0");
    }
    Objects.requireNonNull(iteration, "iteration");
    if (tokensPerIteration < 0) {
      throw new IllegalArgumentException("tokens_per_iteration must be >= 0");
    }
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(powerCap, "powerCap");
    Objects.requireNonNull(powerSmoothing, "powerSmoothing");
    Objects.requireNonNull(filler, "filler");
    Objects.requireNonNull(gpusPerSystem, "gpusPerSystem");
    if (gpusPerSystem.isPresent() && gpusPerSystem.getAsInt() <= 0) {
      throw new IllegalArgumentException("gpus_per_system must be positive");
    }
  }

  /**
   * The GPUs the job uses on each system of {@code systemGpus} GPUs: its {@code gpusPerSystem}, or
   * all of them.
   */
  public int shareOf(int systemGpus) {
    return gpusPerSystem.orElse(systemGpus);
  }

  /** Systems of {@code systemGpus} GPUs the job holds: ⌈gpus / its share⌉. */
  public int systemsOn(int systemGpus) {
    int share = shareOf(systemGpus);
    return (int) (((long) gpus + share - 1) / share);
  }

  /** The same job with another checkpoint. */
  public TrainingJobSpec withCheckpoint(Optional<CheckpointSpec> newCheckpoint) {
    return new TrainingJobSpec(
        name,
        cluster,
        gpus,
        start,
        iteration,
        tokensPerIteration,
        newCheckpoint,
        restart,
        workIterations,
        powerCap,
        gpusPerSystem,
        powerSmoothing,
        filler);
  }
}
