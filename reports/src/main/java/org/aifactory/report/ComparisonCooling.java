package org.aifactory.report;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Cooling;

/**
 * The cooling table of a design comparison, shown when some variant has a cooling plant: per
 * variant in ranking order, what its plant did in one replication (means over the replications,
 * with 95 % half-widths): PUE, cooling energy, water, WUE, hours at slowdown (on the loop with the
 * most), thermal trips and tokens lost to heat (thermal throttling and trips, in millions, or in
 * billions when some variant loses 100 billion or more). A variant without a plant has a row of
 * dashes.
 */
final class ComparisonCooling {
  /** The columns, in order, with the tokens in millions or billions, as the largest needs. */
  static List<ComparisonColumns.Column<Cooling>> columns(ComparisonResult r) {
    double most = 0;
    for (ComparisonResult.Variant v : r.variants()) {
      double m = v.cooling().map(c -> c.tokensLostToHeat().mean()).orElse(0.0);
      most = Double.isFinite(m) ? Math.max(most, Math.abs(m)) : most;
    }
    boolean billions = most >= 1e11;
    String unit = billions ? "bn" : "M";
    return List.of(
        new ComparisonColumns.Column<>("", "PUE", "PUE", Cooling::pue, 1),
        new ComparisonColumns.Column<>(
            "cooling", "energy (MWh)", "cooling energy (MWh)", Cooling::energyMwh, 1),
        new ComparisonColumns.Column<>("water", "(m3)", "water (m³)", Cooling::waterM3, 1),
        new ComparisonColumns.Column<>(
            "WUE", "(L/kWh)", "WUE (L of water / kWh of IT energy)", Cooling::wueLitresPerKwh, 1),
        new ComparisonColumns.Column<>(
            "hours at",
            "slowdown",
            "hours at slowdown (the loop with the most)",
            Cooling::hoursAtSlowdown,
            1),
        new ComparisonColumns.Column<>("thermal", "trips", "thermal trips", Cooling::trips, 1),
        new ComparisonColumns.Column<>(
            "tokens lost",
            "to heat (" + unit + ")",
            "tokens lost to heat: throttling + trips ("
                + (billions ? "billions" : "millions")
                + ")",
            Cooling::tokensLostToHeat,
            billions ? 1e-9 : 1e-6));
  }

  private ComparisonCooling() {}

  /** The heading and the table, for the terminal. */
  static String text(ComparisonResult r, String indent) {
    return indent
        + "Cooling, per replication of "
        + ComparisonFigures.horizon(r.horizonHours())
        + "\n"
        + ComparisonColumns.text(r, indent, columns(r), v -> v.cooling().orElse(null));
  }

  /** The table, for index.html. */
  static String html(ComparisonResult r) {
    return ComparisonColumns.html(r, columns(r), v -> v.cooling().orElse(null));
  }
}
