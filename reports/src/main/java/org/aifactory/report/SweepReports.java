package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.SweepResult;

/** The files and the terminal rendering of a parameter sweep. */
public final class SweepReports {
  private SweepReports() {}

  /**
   * Writes sweep.csv, sweep.json, sweep.png and index.html (a page with all of them) into dir (dir
   * exists). The CSV, JSON and HTML files are byte-identical for the same result.
   */
  public static void writeAll(SweepResult r, Path dir) throws IOException {
    SweepCsv.write(r, dir.resolve(SweepCsv.FILE));
    SweepJson.write(r, dir.resolve(SweepJson.FILE));
    SweepChart.write(r, dir.resolve(SweepChart.FILE));
    SweepIndex.write(r, dir);
  }

  /** A table of the points with the charted metrics, then the best point when asked for. */
  public static String render(SweepResult r) {
    return SweepText.render(r);
  }
}
