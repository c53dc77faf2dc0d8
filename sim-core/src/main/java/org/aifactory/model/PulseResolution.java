package org.aifactory.model;

/** How finely training iterations are simulated. */
public enum PulseResolution {
  /** Every compute and communication phase is an event: power pulses, peaks and ramps are real. */
  FULL,
  /**
   * Each iteration's phases are folded into their mean power; checkpoints and everything else stay
   * explicit. Energy, tokens and GPU-hours match {@link #FULL}; peaks and ramps do not.
   */
  AVERAGED
}
