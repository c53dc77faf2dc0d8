package org.aifactory.engine;

/**
 * One discrete-event simulation: a clock and its pending events. Not shared between threads and
 * never static, so independent runs can go on in parallel.
 *
 * <p>Events fire in the total order (time, priority, insertion sequence): see {@link EventQueue}.
 * An exception thrown by an event stops the run and reaches the caller as a {@link
 * SimulationException} holding the time and the cause.
 */
public final class Simulation implements SimClock {
  /** Priority of events scheduled without one. Lower values fire first at equal times. */
  public static final int DEFAULT_PRIORITY = 0;

  private final EventQueue queue;
  private long now;
  private long eventsFired;

  public Simulation() {
    this(1024);
  }

  /**
   * @param expectedPending initial capacity of the event queue (it grows as needed)
   */
  public Simulation(int expectedPending) {
    this.queue = new EventQueue(expectedPending);
  }

  @Override
  public long nowNanos() {
    return now;
  }

  /** Schedules {@code event} after {@code delayNanos} (>= 0); returns a handle for cancel. */
  public long schedule(long delayNanos, Event event) {
    return scheduleAt(after(delayNanos), DEFAULT_PRIORITY, event);
  }

  public long schedule(long delayNanos, int priority, Event event) {
    return scheduleAt(after(delayNanos), priority, event);
  }

  /** now + delay, saturating at Long.MAX_VALUE (an event that never comes within any run). */
  private long after(long delayNanos) {
    checkDelay(delayNanos);
    return delayNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayNanos;
  }

  /**
   * Schedules {@code event} at the absolute time {@code timeNanos} (not in the past).
   *
   * @param priority in [-32768, 32767]; lower fires first among events at the same time
   */
  public long scheduleAt(long timeNanos, int priority, Event event) {
    if (timeNanos < now) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: " + timeNanos + " ns < now " + now + " ns");
    }
    if (event == null) {
      throw new NullPointerException("event");
    }
    return queue.push(timeNanos, priority, event);
  }

  private static long checkDelay(long delayNanos) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delay must be >= 0: " + delayNanos + " ns");
    }
    return delayNanos;
  }

  /** Cancels a pending event; false if it has fired or was cancelled already. */
  public boolean cancel(long handle) {
    return queue.cancel(handle);
  }

  /** Events scheduled and not yet fired or cancelled. */
  public int pendingEvents() {
    return queue.size();
  }

  public long eventsFired() {
    return eventsFired;
  }

  /** The pending-event set (for the engine's tests). */
  EventQueue queue() {
    return queue;
  }

  /**
   * Fires every event with a time at or before {@code horizonNanos}, in order, then advances the
   * clock to the horizon. May be called again with a later horizon to continue.
   */
  public void runUntil(long horizonNanos) {
    if (horizonNanos < now) {
      throw new IllegalArgumentException("horizon " + horizonNanos + " ns is before now " + now);
    }
    fire(horizonNanos, Long.MAX_VALUE);
    now = horizonNanos;
  }

  /**
   * Fires the next {@code maxEvents} events (fewer if none are left); the clock stays at the last
   * one fired. For benchmarks that must count exactly the events they ask for.
   */
  public void runEvents(long maxEvents) {
    fire(Long.MAX_VALUE, maxEvents);
  }

  private void fire(long horizonNanos, long maxEvents) {
    EventQueue q = queue;
    long fired = eventsFired;
    long limit = maxEvents == Long.MAX_VALUE ? Long.MAX_VALUE : fired + maxEvents;
    try {
      while (fired < limit && q.hasLive()) {
        long t = q.topTime();
        if (t > horizonNanos) {
          break;
        }
        Event event = q.pollEvent();
        now = t;
        fired++;
        try {
          event.fire(t);
        } catch (SimulationException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new SimulationException(t, event, e);
        }
      }
    } finally {
      eventsFired = fired;
    }
  }
}
