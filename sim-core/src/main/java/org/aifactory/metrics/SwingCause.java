package org.aifactory.metrics;

/**
 * What changed the site's power at one instant, so that a planner sees which part of the load's
 * swings breaks a grid rule: the job state machine knows whether a change of its power is a phase
 * of an iteration, a checkpoint starting or ending, or the job starting, stopping, failing or
 * restarting; a cluster's failures and repairs (of systems and of their units) are job events too;
 * the rest (power caps, thermal limits, the cooling plant's own power, inference services following
 * their demand) is {@link #OTHER}.
 */
public enum SwingCause {
  /** Compute and communication phases of iterations (at full pulse resolution). */
  PULSES("pulses", "iteration pulses"),
  /** A checkpoint starting (the job drops to checkpoint power) or ending. */
  CHECKPOINTS("checkpoints", "checkpoint drops"),
  /** A job starting, completing, failing, waiting, restarting; systems failing and repaired. */
  JOBS("jobs", "job starts, stops and failures"),
  /** Power caps, thermal limits, cooling units and the weather, inference services' load. */
  OTHER("other", "caps, cooling and other");

  private final String key;
  private final String label;

  SwingCause(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The segment of metric keys: {@code pulses}. */
  public String key() {
    return key;
  }

  /** How reports name it: {@code iteration pulses}. */
  public String label() {
    return label;
  }
}
