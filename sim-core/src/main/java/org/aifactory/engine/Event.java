package org.aifactory.engine;

/**
 * Something that happens at a point of virtual time. Model objects keep their events in final
 * fields and schedule the same instance again and again, so scheduling allocates nothing.
 */
@FunctionalInterface
public interface Event {
  /** Called by the engine when the event's time comes; {@code now} is the current virtual time. */
  void fire(long nowNanos);
}
