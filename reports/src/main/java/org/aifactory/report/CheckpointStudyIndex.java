package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.CheckpointStudyResult.Point;

/**
 * The {@code index.html} of a checkpoint-interval study: the optimum next to Young's and Daly's
 * intervals, one row per interval (ETTR and its gap to the best with 95 % confidence half-widths),
 * the chart, the note of checkpoint_study.json and the files.
 */
final class CheckpointStudyIndex {
  private static final String PM = "±";

  private CheckpointStudyIndex() {}

  static void write(CheckpointStudyResult r, Path dir) throws IOException {
    HtmlTable t =
        new HtmlTable(
            List.of("interval (min)", "ETTR (%)", "", "gap to the best (% points)", "", ""),
            true,
            true,
            true,
            true,
            true,
            false);
    List<Point> points = r.points();
    double[] minutes = points.stream().mapToDouble(p -> p.intervalSeconds() / 60).toArray();
    int dm = Human.decimalsFor(minutes);
    int de = CheckpointStudyText.decimals(points, Point::ettr);
    int dg = CheckpointStudyText.decimals(points, Point::ettrDifferenceFromBest);
    for (int i = 0; i < points.size(); i++) {
      String[] ettr = CheckpointStudyText.cells(points.get(i).ettr(), 100, de);
      String[] gap = CheckpointStudyText.cells(points.get(i).ettrDifferenceFromBest(), 100, dg);
      String remark = CheckpointStudyText.remark(r, i);
      String note =
          String.join(
              ", ",
              CheckpointStudyText.marks(r, i).stream()
                  .map(m -> m.equals("best") ? "best" : m)
                  .toList());
      if (remark.endsWith("~ best")) {
        note = note.isEmpty() ? "not distinguishable" : note + ", not distinguishable";
      }
      t.row(
          Human.fixed(minutes[i], dm),
          ettr[0],
          ettr[1].isEmpty() ? "" : PM + " " + ettr[2],
          gap[0],
          gap[1].isEmpty() ? "" : PM + " " + gap[2],
          note);
    }
    String facts =
        "job "
            + r.job()
            + ", seed "
            + r.seed()
            + ", "
            + Human.count(r.replications())
            + " replications per interval with the same random streams; "
            + PM
            + " is the 95 % confidence half-width of the mean";
    IndexPage.write(
        dir,
        r.scenario() + " - checkpoint interval study",
        facts,
        List.of(
            new IndexPage.Section(
                "Optimum",
                "<p>" + Html.escape(CheckpointStudyText.optimumLine(r)) + "</p>\n" + t.render())),
        List.of(
            new IndexPage.Chart(
                CheckpointStudyChart.FILE, "Job ETTR against the checkpoint interval")),
        List.of(CheckpointStudyJson.NOTE));
  }
}
