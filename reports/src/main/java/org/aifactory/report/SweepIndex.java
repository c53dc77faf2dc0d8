package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.SweepResult;

/**
 * The {@code index.html} of a sweep: the best point (when asked for), the table of points printed
 * on the terminal (values, then each charted metric's mean ± 95 % half-width, and the marks), the
 * chart, the notes of sweep.json and the files.
 */
final class SweepIndex {
  private static final String PM = "±";

  private SweepIndex() {}

  static void write(SweepResult r, Path dir) throws IOException {
    List<String> headers = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (SweepResult.Parameter p : r.parameters()) {
      headers.add(p.path());
      numeric.add(p.numeric());
    }
    List<SweepText.Column> columns = SweepText.columns(r);
    for (SweepText.Column c : columns) {
      headers.add(c.key() + (c.unitLabel().isEmpty() ? "" : " " + c.unitLabel()));
      headers.add("");
      numeric.add(true);
      numeric.add(true);
    }
    headers.add("");
    numeric.add(false);
    boolean[] aligns = new boolean[numeric.size()];
    for (int i = 0; i < aligns.length; i++) {
      aligns[i] = numeric.get(i);
    }
    HtmlTable t = new HtmlTable(headers, aligns);
    for (int p = 0; p < r.points().size(); p++) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.parameters().size(); i++) {
        row.add(r.value(p, i));
      }
      for (SweepText.Column c : columns) {
        String[] cells = c.cells(r.points().get(p));
        row.add(cells[0]);
        row.add(cells[1].isEmpty() ? "" : PM + " " + cells[2]);
      }
      row.add(
          switch (r.mark(p)) {
            case "best" -> "best";
            case "not_distinguishable" -> "not distinguishable from the best";
            default -> "";
          });
      t.row(row.toArray(String[]::new));
    }
    String facts =
        "seed "
            + r.seed()
            + ", "
            + Human.count(r.points().size())
            + (r.points().size() == 1 ? " point, " : " points, ")
            + Human.count(r.replications())
            + (r.replications() == 1 ? " replication" : " replications")
            + " per point with the same random streams"
            + (r.replications() > 1
                ? "; " + PM + " is the 95 % confidence half-width of the mean"
                : "");
    List<IndexPage.Section> sections = new ArrayList<>();
    SweepText.optimumLine(r)
        .ifPresent(
            line ->
                sections.add(
                    new IndexPage.Section(
                        "Optimum", "<p>" + Html.escape(line.replace("+/-", PM)) + "</p>\n")));
    sections.add(new IndexPage.Section("Points", t.render()));
    List<String> notes = new ArrayList<>();
    notes.add(SweepJson.ORDER);
    notes.addAll(r.notes());
    notes.add(
        "Every metric of every point is in sweep.csv and sweep.json; the table and the chart show "
            + String.join(", ", r.charted())
            + ".");
    IndexPage.write(
        dir,
        r.scenario() + " - sweep",
        facts,
        sections,
        List.of(
            new IndexPage.Chart(
                SweepChart.FILE,
                String.join(", ", r.charted()) + " against " + r.parameters().get(0).path())),
        notes);
  }
}
