package org.aifactory.model.hardware;

import org.aifactory.engine.Event;

/**
 * The field-replaceable units (FRUs, e.g. compute trays) of a cluster's systems at run time: which
 * are down being swapped, and which carry the share of the job that holds their system. The rest
 * are healthy and unused: a job's in-system spares, which take over from a failed unit of the same
 * system. Pure state and counts; the {@link Cluster} turns them into power, GPU-hours and the
 * tenant's fate.
 *
 * <p>Units are numbered within a system; a system's units in use are always the lowest-numbered
 * healthy ones when it is taken, and a take-over uses the lowest-numbered spare, so a run is the
 * same whatever the order of anything else.
 */
final class ReplaceableUnits {
  private static final byte SPARE = 0;
  private static final byte IN_USE = 1;
  private static final byte DOWN = 2;

  private final int perSystem;
  private final int gpusEach;
  private final byte[] state;
  private final int[] downInSystem;
  private final long[] downSince;
  private final int[] downCause;
  private final Event[] swapEvents;

  // What happened to the units that failed (each failure is one of the three).
  private long failures;
  private long unused;
  private long takeOvers;
  private long systemsShort;

  /**
   * @param systems systems of the cluster
   * @param perSystem units in one system
   * @param gpusEach GPUs in one unit
   */
  ReplaceableUnits(int systems, int perSystem, int gpusEach) {
    this.perSystem = perSystem;
    this.gpusEach = gpusEach;
    this.state = new byte[systems * perSystem];
    this.downInSystem = new int[systems];
    this.downSince = new long[systems * perSystem];
    this.downCause = new int[systems * perSystem];
    this.swapEvents = new Event[systems * perSystem];
  }

  int gpusEach() {
    return gpusEach;
  }

  /** Units needed to give {@code gpus} healthy GPUs: ⌈gpus / GPUs per unit⌉. */
  int unitsFor(int gpus) {
    return (gpus + gpusEach - 1) / gpusEach;
  }

  /** Healthy units of {@code system}, in use or spare. */
  int healthy(int system) {
    return perSystem - downInSystem[system];
  }

  /** GPUs of {@code system} in units that are down. */
  int downGpus(int system) {
    return downInSystem[system] * gpusEach;
  }

  boolean isDown(int system, int unit) {
    return state[system * perSystem + unit] == DOWN;
  }

  /** A job takes {@code system}: its first {@code units} healthy units carry the job's share. */
  void assign(int system, int units) {
    int left = units;
    for (int i = system * perSystem, end = i + perSystem; i < end && left > 0; i++) {
      if (state[i] == SPARE) {
        state[i] = IN_USE;
        left--;
      }
    }
    if (left > 0) {
      throw new IllegalStateException("system " + system + " lacks " + left + " healthy units");
    }
  }

  /** The job left {@code system}: its units in use become spares. */
  void unassign(int system) {
    for (int i = system * perSystem, end = i + perSystem; i < end; i++) {
      if (state[i] == IN_USE) {
        state[i] = SPARE;
      }
    }
  }

  /**
   * {@code unit} of {@code system} fails (cause {@code cause}) and is taken out to be swapped.
   *
   * @return whether it carried a job's share
   */
  boolean takeDown(int system, int unit, int cause, long now) {
    int i = system * perSystem + unit;
    boolean inUse = state[i] == IN_USE;
    state[i] = DOWN;
    downInSystem[system]++;
    downSince[i] = now;
    downCause[i] = cause;
    failures++;
    return inUse;
  }

  /** A unit from stock replaces {@code unit} of {@code system}: a healthy spare. */
  void bringUp(int system, int unit) {
    state[system * perSystem + unit] = SPARE;
    downInSystem[system]--;
  }

  /**
   * The lowest-numbered spare of {@code system} takes over the share of a failed unit; false if the
   * system has no spare left (it is short).
   */
  boolean takeOver(int system) {
    for (int i = system * perSystem, end = i + perSystem; i < end; i++) {
      if (state[i] == SPARE) {
        state[i] = IN_USE;
        return true;
      }
    }
    return false;
  }

  long downSince(int system, int unit) {
    return downSince[system * perSystem + unit];
  }

  int downCause(int system, int unit) {
    return downCause[system * perSystem + unit];
  }

  /** The swap event of {@code unit} of {@code system}; null until first made. */
  Event swapEvent(int system, int unit) {
    return swapEvents[system * perSystem + unit];
  }

  void setSwapEvent(int system, int unit, Event event) {
    swapEvents[system * perSystem + unit] = event;
  }

  void countUnused() {
    unused++;
  }

  void countTakeOver() {
    takeOvers++;
  }

  void countSystemShort() {
    systemsShort++;
  }

  /** Units that failed. */
  long failures() {
    return failures;
  }

  /** Failed units that carried no job's share (in-system spares, idle systems): no interruption. */
  long unused() {
    return unused;
  }

  /** Failed units whose share a spare of the same system took over: the job kept its systems. */
  long takeOvers() {
    return takeOvers;
  }

  /** Failed units that left their job's system without enough healthy GPUs: it was given up. */
  long systemsShort() {
    return systemsShort;
  }
}
