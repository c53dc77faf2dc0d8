package org.aifactory.metrics;

/**
 * Receives site power as the {@link PowerLedger} computes it: a piecewise-linear signal, given at
 * each change as its value and its slope from then on. Between two changes the power moves along
 * that straight line; a change may also jump (a step). A load made only of steps (no GPU power
 * smoothing) gives slopes of 0 throughout, and {@link #set(long, double, double)} is enough.
 *
 * <p>{@link PowerRecorder} is one sink; another consumer of the site's load (a grid-connection
 * monitor, say) implements this and is added with {@link PowerLedger#addSink}.
 */
public interface SitePowerSink {
  /**
   * From {@code now} on, site power is {@code siteWatts} + {@code siteWattsPerSecond} × (t − now),
   * of which IT power is {@code itWatts} + {@code itWattsPerSecond} × (t − now), until the next
   * change. Calls come in non-decreasing time; several at one instant leave the last in force.
   */
  void set(
      long now,
      double siteWatts,
      double itWatts,
      double siteWattsPerSecond,
      double itWattsPerSecond);

  /** A step: from {@code now} on, site power is {@code siteWatts} (IT {@code itWatts}), flat. */
  default void set(long now, double siteWatts, double itWatts) {
    set(now, siteWatts, itWatts, 0, 0);
  }
}
