package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.CheckpointStudyResult;

/** The files and the terminal rendering of a checkpoint-interval study. */
public final class CheckpointStudyReports {
  private CheckpointStudyReports() {}

  /**
   * Writes checkpoint_study.csv, checkpoint_study.json, checkpoint_study.png and index.html (a page
   * with all of them) into dir (dir exists). The CSV, JSON and HTML files are byte-identical for
   * the same result.
   */
  public static void writeAll(CheckpointStudyResult r, Path dir) throws IOException {
    CheckpointStudyCsv.write(r, dir.resolve(CheckpointStudyCsv.FILE));
    CheckpointStudyJson.write(r, dir.resolve(CheckpointStudyJson.FILE));
    CheckpointStudyChart.write(r, dir.resolve(CheckpointStudyChart.FILE));
    CheckpointStudyIndex.write(r, dir);
  }

  /** A table of the points, then the simulated optimum next to Young's and Daly's intervals. */
  public static String render(CheckpointStudyResult r) {
    return CheckpointStudyText.render(r);
  }
}
