package org.aifactory.engine;

/** An event failed: the run stops, and the cause says why. Never swallowed by the engine. */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long timeNanos;

  public SimulationException(long timeNanos, Event event, Throwable cause) {
    super(
        "event "
            + event.getClass().getName()
            + " failed at t = "
            + SimTime.seconds(timeNanos)
            + " s: "
            + cause,
        cause);
    this.timeNanos = timeNanos;
  }

  public long timeNanos() {
    return timeNanos;
  }
}
