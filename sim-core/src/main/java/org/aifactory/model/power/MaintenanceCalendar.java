package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;

/**
 * The planned maintenance of one kind of unit at run time: from its first cycle on, every interval,
 * its units one after another, each out for the plan's duration (a unit that cannot be taken out
 * when its turn comes is skipped: its slot passes with nothing out). Deterministic: it draws no
 * random numbers. Two events per unit and cycle, allocating nothing: a unit's turn ends before, and
 * the next unit's begins after, every other event of the same instant (so a unit whose turn comes
 * as another kind's ends sees the chain with that one back).
 */
final class MaintenanceCalendar {
  private final MaintainableUnits units;
  private final long intervalNanos;
  private final long durationNanos;
  private final Simulation sim;
  private final PowerChain.Recompute owner;

  /** After every other event of its instant. */
  private static final int BEGIN_PRIORITY = Simulation.DEFAULT_PRIORITY + 1;

  /** Before every other event of its instant. */
  private static final int END_PRIORITY = Simulation.DEFAULT_PRIORITY - 1;

  private final Event beginEvent = this::begin;
  private final Event endEvent = this::end;
  private long cycleStart;
  private int next;

  /** Unit out now, -1: none. */
  private int out = -1;

  private int periods;
  private long outSince;

  MaintenanceCalendar(
      MaintainableUnits units, MaintenancePlan plan, Simulation sim, PowerChain.Recompute owner) {
    this.units = units;
    this.intervalNanos = plan.interval().toNanos();
    this.durationNanos = plan.duration().toNanos();
    this.sim = sim;
    this.owner = owner;
  }

  /** Schedules the first cycle {@code firstNanos} after {@code now}. */
  void start(long nowNanos, long firstNanos) {
    cycleStart = PowerTime.after(nowNanos, firstNanos);
    next = 0;
    if (cycleStart < PowerTime.NEVER) {
      sim.scheduleAt(cycleStart, BEGIN_PRIORITY, beginEvent);
    }
  }

  /** Whether a unit is out for maintenance now. */
  boolean anyOut() {
    return out >= 0;
  }

  /**
   * Units taken out before {@code now} (one taken out at the very instant, the end of a run, has
   * not been out yet).
   */
  int periods(long nowNanos) {
    return out >= 0 && outSince == nowNanos ? periods - 1 : periods;
  }

  /** A cycle's first turn. */
  private void begin(long nowNanos) {
    if (beginNext(nowNanos)) {
      owner.recompute(nowNanos);
    }
  }

  /**
   * The end of a unit's turn and, in the same instant (no moment with the unit back between two
   * turns), the next unit's; after the last, the next cycle.
   */
  private void end(long nowNanos) {
    boolean changed = out >= 0;
    if (changed) {
      units.endMaintenance(out, nowNanos);
      out = -1;
    }
    if (next < units.units()) {
      changed |= beginNext(nowNanos);
    } else {
      next = 0;
      cycleStart = PowerTime.after(cycleStart, intervalNanos);
      if (cycleStart < PowerTime.NEVER) {
        sim.scheduleAt(cycleStart, BEGIN_PRIORITY, beginEvent);
      }
    }
    if (changed) {
      owner.recompute(nowNanos);
    }
  }

  /** The next unit out if it can be, for the plan's duration; whether it was. */
  private boolean beginNext(long nowNanos) {
    int u = next++;
    boolean began = units.beginMaintenance(u, nowNanos);
    if (began) {
      out = u;
      outSince = nowNanos;
      periods++;
    }
    long end = PowerTime.after(nowNanos, durationNanos);
    if (end < PowerTime.NEVER) {
      sim.scheduleAt(end, END_PRIORITY, endEvent);
    }
    return began;
  }
}
