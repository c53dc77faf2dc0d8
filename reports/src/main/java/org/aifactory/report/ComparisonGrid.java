package org.aifactory.report;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Grid;

/**
 * The grid table of a design comparison, shown when some variant has a site section: per variant in
 * ranking order, the grid's verdict (rules broken, the share of replications that complied) and
 * what its site did per replication (peak grid import, battery losses and cycles, CO2). A variant
 * without a site has a row of dashes.
 */
final class ComparisonGrid {
  private ComparisonGrid() {}

  static List<ComparisonColumns.Column<Grid>> columns() {
    return List.of(
        new ComparisonColumns.Column<>(
            "rules", "broken", "grid rules broken", Grid::brokenRules, 1),
        new ComparisonColumns.Column<>(
            "complied", "(%)", "replications that complied (%)", Grid::compliantShare, 100),
        new ComparisonColumns.Column<>(
            "peak import", "(MW)", "peak grid import (MW)", Grid::peakImportMw, 1),
        new ComparisonColumns.Column<>(
            "battery", "losses (MWh)", "battery losses (MWh)", Grid::batteryLossesMwh, 1),
        new ComparisonColumns.Column<>(
            "battery", "cycles", "battery equivalent full cycles", Grid::batteryCycles, 1),
        new ComparisonColumns.Column<>("CO2", "(t)", "CO2 (t)", Grid::co2Tonnes, 1));
  }

  /** The heading and the table, for the terminal. */
  static String text(ComparisonResult r, String indent) {
    return indent
        + "The grid's verdict, per replication of "
        + ComparisonFigures.horizon(r.horizonHours())
        + "\n"
        + ComparisonColumns.text(r, indent, columns(), v -> v.grid().orElse(null))
        + indent
        + verdict(r)
        + "\n";
  }

  /**
   * The answer the grid asks for: the cheapest variant (by the ranking's annual cost) whose site
   * complied with every rule in every replication, and what complying costs over the cheapest.
   */
  static String verdict(ComparisonResult r) {
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      ComparisonResult.Variant v = r.variants().get(r.ranking().get(rank));
      if (v.grid().isPresent() && v.grid().get().compliantShare().mean() == 1) {
        return rank == 0
            ? "The cheapest, " + v.name() + ", complied with every rule in every replication."
            : "Cheapest that complied with every rule in every replication: "
                + v.name()
                + " (rank "
                + (rank + 1)
                + ", "
                + Human.threeDigits(v.extraCostOverBest().mean() / 1e6)
                + " $M/y over the cheapest).";
      }
    }
    return "No variant complied with every rule in every replication.";
  }

  /** The table, for index.html. */
  static String html(ComparisonResult r) {
    return ComparisonColumns.html(r, columns(), v -> v.grid().orElse(null));
  }
}
