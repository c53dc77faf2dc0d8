package org.aifactory.model.workload;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;

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
 */
public record TrainingJobSpec(
    String name,
    String cluster,
    int gpus,
    Duration start,
    IterationProfile iteration,
    long tokensPerIteration,
    Optional<CheckpointSpec> checkpoint) {
  public TrainingJobSpec {
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
  }
}
