package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.ComparisonResult;

/** The files and the terminal rendering of a side-by-side comparison of design variants. */
public final class ComparisonReports {
  private ComparisonReports() {}

  /**
   * Writes comparison.csv (one row per variant, cheapest first), comparison.json (every field, the
   * variants in input order), comparison.png (downtime, lost production, annual cost and extra cost
   * over the cheapest, with 95 % confidence intervals), break_even.csv (one row per pair of
   * variants), sensitivity.png (annual cost against the value of a lost GPU-hour) and index.html (a
   * page with all of them) into dir (dir exists). The CSV, JSON and HTML files are byte-identical
   * for the same result.
   */
  public static void writeAll(ComparisonResult r, Path dir) throws IOException {
    ComparisonCsv.write(r, dir.resolve(ComparisonCsv.FILE));
    ComparisonJson.write(r, dir.resolve(ComparisonJson.FILE));
    ComparisonChart.write(r, dir.resolve(ComparisonChart.FILE));
    BreakEvenCsv.write(r, dir.resolve(BreakEvenCsv.FILE));
    SensitivityChart.write(r, dir.resolve(SensitivityChart.FILE));
    ComparisonIndex.write(r, dir);
  }

  /**
   * Tables in ranking order (reliability, production, cost per year) with 95 % confidence
   * half-widths, the cheapest variant and whether its lead over the runner-up is significant, the
   * break-even values of a lost GPU-hour and, when replications were added until the lead was
   * precise enough, how that went.
   */
  public static String render(ComparisonResult r) {
    return ComparisonText.render(r);
  }
}
