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
  CHECKPOINT,
  /** Reloading the last checkpoint after an interruption (GPUs idle). */
  RESTARTING,
  /** Interrupted, waiting for healthy systems: a spare being swapped in, or a repair. */
  WAITING,
  /** Its work is complete; its systems went back to the free pool. */
  DONE;

  boolean iterating() {
    return this == COMPUTE || this == COMMUNICATION || this == ITERATING;
  }

  /** States in which a failure interrupts the job (it loses work or restarts again). */
  boolean interruptible() {
    return iterating() || this == CHECKPOINT || this == RESTARTING;
  }
}
