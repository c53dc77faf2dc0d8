package org.aifactory.metrics;

/**
 * What one training job did.
 *
 * @param name job name
 * @param cluster cluster it ran on
 * @param gpus GPUs it used
 * @param iterations iterations completed
 * @param tokens tokens trained (iterations × tokens per iteration)
 * @param checkpoints checkpoints completed
 * @param energyGpuJoules energy drawn by its GPUs
 */
public record JobResult(
    String name,
    String cluster,
    int gpus,
    long iterations,
    long tokens,
    long checkpoints,
    double energyGpuJoules) {}
