package org.aifactory.engine;

/** Read access to virtual time, in integer nanoseconds since the start of the run. */
public interface SimClock {
  long nowNanos();
}
