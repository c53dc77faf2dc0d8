package org.aifactory.report;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Maintenance;

/**
 * The planned-maintenance table of a design comparison, shown when some variant's electrical chain
 * is maintained: per replication, the hours with a unit out and the part of them when the load was
 * exposed (on static bypass or a battery, a bus on its generators, a rack group dark), each with
 * its 95 % half-width. A variant without maintenance has dashes.
 */
final class ComparisonMaintenance {
  private static final List<ComparisonColumns.Column<Maintenance>> COLUMNS =
      List.of(
          new ComparisonColumns.Column<>(
              "units out", "(h)", "units out (h)", Maintenance::hours, 1),
          new ComparisonColumns.Column<>(
              "load exposed",
              "(h)",
              "load exposed (h): on bypass or a battery, on generators, or dark",
              Maintenance::exposureHours,
              1));

  private ComparisonMaintenance() {}

  /** The heading and the table, for the terminal. */
  static String text(ComparisonResult r, String indent) {
    return indent
        + "Planned maintenance of the electrical chain, per replication of "
        + ComparisonFigures.horizon(r.horizonHours())
        + "\n"
        + ComparisonColumns.text(r, indent, COLUMNS, v -> v.maintenance().orElse(null));
  }

  /** The table, for index.html. */
  static String html(ComparisonResult r) {
    return ComparisonColumns.html(r, COLUMNS, v -> v.maintenance().orElse(null));
  }
}
