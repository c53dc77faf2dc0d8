package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.ComparisonResult;

/** The files and the terminal rendering of a side-by-side comparison of design variants. */
public final class ComparisonReports {
  private ComparisonReports() {}

  /**
   * Writes comparison.csv (one row per variant, cheapest first), comparison.json (every field, the
   * variants in input order) and comparison.png (downtime, lost production, annual cost and extra
   * cost over the cheapest, with 95 % confidence intervals) and index.html (a page with all of
   * them) into dir (dir exists). The CSV, JSON and HTML files are byte-identical for the same
   * result.
   */
  public static void writeAll(ComparisonResult r, Path dir) throws IOException {
    ComparisonCsv.write(r, dir.resolve(ComparisonCsv.FILE));
    ComparisonJson.write(r, dir.resolve(ComparisonJson.FILE));
    ComparisonChart.write(r, dir.resolve(ComparisonChart.FILE));
    ComparisonIndex.write(r, dir);
  }

  /**
   * Two tables in ranking order, reliability and cost per year with 95 % confidence half-widths,
   * then the cheapest variant and whether its lead over the runner-up is significant.
   */
  public static String render(ComparisonResult r) {
    return ComparisonText.render(r);
  }
}
