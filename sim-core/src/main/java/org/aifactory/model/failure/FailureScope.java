package org.aifactory.model.failure;

/** What one failure of a cause strikes, and so how its rate scales. */
public enum FailureScope {
  /** A GPU: rate per GPU; the GPU's system is drained until repaired. */
  GPU,
  /** A system (host, NIC, PSU, memory, SSD...): rate per system; down until repaired. */
  SYSTEM,
  /**
   * A network element on a job's path (switch, cable, collective timeout): rate per GPU of a
   * running job; the job restarts, routed around the fault, with no system lost.
   */
  NETWORK,
  /** The job itself (software bug, dependency, planned maintenance): rate per job. */
  JOB
}
