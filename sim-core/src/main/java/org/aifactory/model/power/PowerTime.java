package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;

/** Time arithmetic of the power chain: saturating sums, so "never" stays never. */
final class PowerTime {
  static final double NANOS_PER_HOUR = 3.6e12;
  static final double SECONDS_PER_YEAR = 365 * 24 * 3600.0;

  /**
   * "Never": the end of the clock (292 years), beyond every horizon, which is a duration of at most
   * {@code Long.MAX_VALUE} ns. Events at it are not scheduled. Sums saturate at it instead of
   * overflowing, so a sampler's rare long draw (up to ~9e18 ns) stays "never".
   */
  static final long NEVER = Long.MAX_VALUE;

  private PowerTime() {}

  /** {@code now + delay}, or {@link #NEVER} when that is at or past it. */
  static long after(long nowNanos, long delayNanos) {
    return delayNanos >= NEVER - nowNanos ? NEVER : nowNanos + delayNanos;
  }

  /** Schedules {@code event} at {@code now + delay}; -1 (no handle) when that is never. */
  static long schedule(Simulation sim, long nowNanos, long delayNanos, Event event) {
    long at = after(nowNanos, delayNanos);
    return at >= NEVER ? -1 : sim.scheduleAt(at, Simulation.DEFAULT_PRIORITY, event);
  }

  /**
   * Cancels {@code handle} when it is one; returns -1 (no handle). -1 is never a real handle: its
   * low 32 bits would be slot 0xFFFFFFFF.
   */
  static long cancel(Simulation sim, long handle) {
    if (handle != -1) {
      sim.cancel(handle);
    }
    return -1;
  }
}
