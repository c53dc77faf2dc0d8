package org.aifactory.model.workload;

/** What a training job's GPUs are doing. */
public enum JobState {
  /** Allocated but not started yet (GPUs idle). */
  NOT_STARTED,
  /** Compute phase of an iteration (full pulse resolution). */
  COMPUTE,
  /** Communication phase of an iteration (full pulse resolution). */
  COMMUNICATION,
  /** Iterating, phases folded into their mean power (averaged pulse resolution). */
  ITERATING,
  /** Blocked in a synchronous checkpoint. */
  CHECKPOINT
}
