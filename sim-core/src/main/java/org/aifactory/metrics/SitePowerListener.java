package org.aifactory.metrics;

/**
 * Hears every change of site power, with what caused it (a grid-side monitor: battery, on-site
 * generation, the grid's rules). Several changes at one instant arrive one by one, each with its
 * own cause; the level after the last is the one held.
 */
public interface SitePowerListener {
  /**
   * Site power becomes {@code siteWatts} at {@code now}, moving by {@code siteWattsPerSecond} from
   * then on (0 but under GPU power smoothing's ramps), because of {@code cause}.
   */
  void sitePowerChanged(long now, double siteWatts, double siteWattsPerSecond, SwingCause cause);
}
