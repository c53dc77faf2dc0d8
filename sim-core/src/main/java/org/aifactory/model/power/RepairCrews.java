package org.aifactory.model.power;

import java.util.ArrayDeque;

/**
 * Repair crews: a pool of {@code crews} (or unlimited: one per unit). A failed unit asks for a
 * crew; when all are busy it waits in a first-come, first-served queue. Allocates only when the
 * queue grows past its largest size so far.
 */
public final class RepairCrews {
  /** A unit waiting for, then under, repair. */
  interface Job {
    /** A crew has started on this unit at {@code nowNanos}: schedule the end of the repair. */
    void startRepair(long nowNanos);
  }

  private final int crews;
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private int busy;

  public RepairCrews(RepairCrewSpec spec) {
    this.crews = spec.onePerUnit() ? Integer.MAX_VALUE : spec.crews();
  }

  /** {@code job}'s unit has failed: repair it now if a crew is free, else queue it. */
  void request(Job job, long nowNanos) {
    if (busy < crews) {
      busy++;
      job.startRepair(nowNanos);
    } else {
      waiting.addLast(job);
    }
  }

  /** A crew has finished a repair: it takes the next waiting unit, if any. */
  void release(long nowNanos) {
    Job next = waiting.pollFirst();
    if (next != null) {
      next.startRepair(nowNanos);
    } else {
      busy--;
    }
  }

  int busyCrews() {
    return busy;
  }

  int waitingUnits() {
    return waiting.size();
  }
}
