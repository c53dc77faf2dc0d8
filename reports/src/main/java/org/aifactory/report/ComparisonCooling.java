package org.aifactory.report;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Cooling;

/**
 * The cooling table of a design comparison, shown when some variant has a cooling plant: per
 * variant in ranking order, what its plant did in one replication (means over the replications,
 * with 95 % half-widths): PUE, cooling energy, water, WUE, hours at slowdown (on the loop with the
 * most), thermal trips and tokens lost to heat (thermal throttling and trips, in millions, or in
 * billions when some variant loses 100 billion or more: {@link TokenUnit}). A variant without a
 * plant has a row of dashes.
 */
final class ComparisonCooling {
  /** The columns, in order, with the tokens in millions or billions, as the largest needs. */
  static List<ComparisonColumns.Column<Cooling>> columns(ComparisonResult r) {
    TokenUnit tokens =
        TokenUnit.of(
            r.variants().stream()
                .mapToDouble(v -> v.cooling().map(c -> c.tokensLostToHeat().mean()).orElse(0.0))
                .toArray());
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
            "to heat (" + tokens.symbol() + ")",
            "tokens lost to heat: throttling + trips (" + tokens.name() + ")",
            Cooling::tokensLostToHeat,
            tokens.scale()));
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
