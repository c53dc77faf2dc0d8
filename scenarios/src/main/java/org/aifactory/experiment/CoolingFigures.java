package org.aifactory.experiment;

import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.CoolingResult;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.MetricKeys.LoopFigure;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.model.FactoryRun;

/**
 * A compared variant's cooling figures ({@link ComparisonResult.Cooling}) from its replications'
 * metrics: the plant-wide ones as they are, the loops' folded into one figure per replication.
 */
final class CoolingFigures {
  private CoolingFigures() {}

  /**
   * @param set the variant's replications
   * @param plant replication 0's cooling result: the loops, which every replication has
   */
  static ComparisonResult.Cooling of(ReplicationSet set, CoolingResult plant) {
    int n = set.replications();
    double[] slowdown = new double[n];
    double[] trips = new double[n];
    for (CoolingResult.LoopResult loop : plant.loops()) {
      double[] h = Comparison.column(set, LoopFigure.HOURS_AT_SLOWDOWN.key(loop.name()), 0);
      double[] t = Comparison.column(set, LoopFigure.TRIPS.key(loop.name()), 0);
      for (int r = 0; r < n; r++) {
        // the loop with the most: hours of two loops may be the same hours
        slowdown[r] = Math.max(slowdown[r], h[r]);
        trips[r] += t[r];
      }
    }
    double[] throttled = Comparison.column(set, MetricKeys.THROTTLING_THERMAL_TOKENS, 0);
    double[] tripped =
        Comparison.column(set, ByCause.LOST_PRODUCTION.key(FactoryRun.THERMAL_CAUSE), 0);
    double[] heat = new double[n];
    for (int r = 0; r < n; r++) {
      heat[r] = throttled[r] + tripped[r];
    }
    return new ComparisonResult.Cooling(
        stat(set, MetricKeys.PUE, "pue", "1"),
        stat(set, MetricKeys.COOLING_ENERGY_MWH, "cooling_energy_mwh", "MWh"),
        stat(set, MetricKeys.COOLING_WATER_M3, "water_m3", "m³"),
        stat(set, MetricKeys.COOLING_WUE, "wue_l_per_kwh", "L/kWh"),
        Comparison.stats("hours_at_slowdown", "h", slowdown),
        Comparison.stats("thermal_trips", "events", trips),
        Comparison.stats("tokens_lost_to_heat", "tokens", heat));
  }

  private static MetricStats stat(ReplicationSet set, String key, String name, String unit) {
    return Comparison.stats(name, unit, Comparison.column(set, key, Double.NaN));
  }
}
