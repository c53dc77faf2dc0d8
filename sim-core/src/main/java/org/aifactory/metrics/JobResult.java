package org.aifactory.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training job did.
 *
 * <p>Maps keep the failure profile's cause order.
 *
 * @param name job name
 * @param cluster cluster it ran on
 * @param gpus GPUs it used
 * @param iterations iterations completed (and not lost)
 * @param tokens tokens trained (iterations × tokens per iteration)
 * @param checkpoints checkpoints completed
 * @param energyGpuJoules energy drawn by its GPUs
 * @param ettr effective training time ratio: productive time / wall time since its start
 * @param interruptionsByCause interruptions by failure cause
 * @param completionHours when its work completed (hours from the start of the run); NaN if it did
 *     not, or if it runs to the horizon
 * @param checkpointIntervalSeconds the interval used (fixed, or Young's / Daly's); NaN without
 *     checkpoints
 * @param mtbfKillHours mean time between job-killing failures from the causes' rates; ∞ if none
 * @param lostProduction tokens lost, by part and cause
 * @param mtbiHours observed mean time between interruptions: its wall time since start /
 *     interruptions; NaN without interruptions
 */
public record JobResult(
    String name,
    String cluster,
    int gpus,
    long iterations,
    long tokens,
    long checkpoints,
    double energyGpuJoules,
    double ettr,
    Map<String, Long> interruptionsByCause,
    double completionHours,
    double checkpointIntervalSeconds,
    double mtbfKillHours,
    LostProduction lostProduction,
    double mtbiHours) {

  public JobResult {
    interruptionsByCause = Collections.unmodifiableMap(new LinkedHashMap<>(interruptionsByCause));
  }

  public long interruptions() {
    long s = 0;
    for (long v : interruptionsByCause.values()) {
      s += v;
    }
    return s;
  }
}
