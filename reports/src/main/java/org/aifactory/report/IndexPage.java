package org.aifactory.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code index.html}: one page for an output folder, to open in a browser or attach to a planning
 * document. A title and facts, the summary tables, every chart of the folder (as {@code <img>} of
 * the PNG files beside it), the notes and the list of files. Self-contained: inline style, no
 * script, no network; every text is escaped ({@link Html}). The same folder gives the same bytes.
 */
final class IndexPage {
  static final String FILE = "index.html";

  /** A chart of the folder and what it shows. */
  record Chart(String file, String caption) {}

  /** A section: a heading and its HTML (built from escaped text). */
  record Section(String heading, String html) {}

  /** What each file of an output folder is. */
  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry(FILE, "this page"),
          Map.entry(
              "summary.json",
              "every metric as {mean, sd, ci95, n}, per-job figures, units and notes"),
          Map.entry("summary.csv", "every metric, one per row: metric, unit, mean, sd, ci95, n"),
          Map.entry("replications.csv", "every metric of every replication, one row each"),
          Map.entry("timeseries.csv", "site power per bucket over the whole run: min, mean, max"),
          Map.entry("window.csv", "every power step inside the full-resolution window"),
          Map.entry("events.csv", "every interruption and repair"),
          Map.entry("power.png", "site power over the run, and a zoom on the window"),
          Map.entry("lost_production.png", "where the installed GPU-hours went"),
          Map.entry("compliance.csv", "the verdict on each grid rule: worst, limit, margin, when"),
          Map.entry(
              "grid.png", "grid import, battery state of charge, violations and the spectrum"),
          Map.entry("run.json", "wall-clock figures of the run (not deterministic)"),
          Map.entry("comparison.csv", "one row per variant, cheapest first"),
          Map.entry("comparison.json", "every figure of the comparison"),
          Map.entry("comparison.png", "downtime, lost value, annual cost and extra cost"),
          Map.entry(
              "break_even.csv",
              "one row per pair of variants: the value of a lost GPU-hour at which they swap"),
          Map.entry(
              "sensitivity.png",
              "annual cost of each variant against the value of a lost GPU-hour"),
          Map.entry("checkpoint_study.csv", "one row per checkpoint interval"),
          Map.entry("checkpoint_study.json", "every figure of the study"),
          Map.entry("checkpoint_study.png", "job ETTR against the checkpoint interval"),
          Map.entry(
              "sweep.csv",
              "one row per point and metric: the varied values, metric, unit, mean, sd, ci95, n,"
                  + " mark"),
          Map.entry("sweep.json", "every metric of every point, the parameters and the best point"),
          Map.entry("sweep.png", "the charted metrics against the first varied parameter"));

  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em auto;max-width:1440px;color:#222;padding:0 1em}"
          + "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em}"
          + "p.facts{color:#555;margin-top:0}"
          + "table{border-collapse:collapse;margin:.5em 0;font-size:.95em}"
          + "th,td{border-bottom:1px solid #ddd;padding:.25em .7em;text-align:left;"
          + "vertical-align:top}th{background:#f4f4f4}.n{text-align:right;"
          + "font-variant-numeric:tabular-nums;white-space:nowrap}"
          + "figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #eee}"
          + "figcaption{color:#555}details{margin:.5em 0}code{font-size:.95em}";

  private IndexPage() {}

  /**
   * Writes {@code dir}/index.html.
   *
   * @param title the page's heading (e.g. "default - run")
   * @param facts one line under the title (seed, replications...)
   * @param sections summary tables and other sections, in order
   * @param charts the charts in the order to show them; any other PNG file of {@code dir} follows
   * @param notes what to keep in mind when reading the figures
   */
  static void write(
      Path dir,
      String title,
      String facts,
      List<Section> sections,
      List<Chart> charts,
      List<String> notes)
      throws IOException {
    TreeSet<String> files = files(dir);
    files.add(FILE);
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.append("<title>").append(Html.escape(title)).append("</title>\n");
    out.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    out.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    out.append("<p class=\"facts\">").append(Html.escape(facts)).append("</p>\n");
    for (Section s : sections) {
      out.append("<h2>").append(Html.escape(s.heading())).append("</h2>\n").append(s.html());
    }
    List<Chart> shown = new ArrayList<>();
    for (Chart c : charts) {
      if (files.contains(c.file())) {
        shown.add(c);
      }
    }
    for (String f : files) {
      if (f.endsWith(".png") && shown.stream().noneMatch(c -> c.file().equals(f))) {
        shown.add(new Chart(f, f));
      }
    }
    if (!shown.isEmpty()) {
      out.append("<h2>Charts</h2>\n");
      for (Chart c : shown) {
        out.append("<figure><img src=\"")
            .append(Html.escape(c.file()))
            .append("\" alt=\"")
            .append(Html.escape(c.caption()))
            .append("\"><figcaption>")
            .append(Html.escape(c.caption()))
            .append(" (<a href=\"")
            .append(Html.escape(c.file()))
            .append("\">")
            .append(Html.escape(c.file()))
            .append("</a>)</figcaption></figure>\n");
      }
    }
    if (!notes.isEmpty()) {
      out.append("<h2>Notes</h2>\n<ul>\n");
      for (String n : notes) {
        out.append("<li>").append(Html.escape(n)).append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("<h2>Files</h2>\n<ul>\n");
    for (String f : files) {
      out.append("<li><a href=\"")
          .append(Html.escape(f))
          .append("\"><code>")
          .append(Html.escape(f))
          .append("</code></a>");
      String what = FILES.get(f);
      if (what != null) {
        out.append(": ").append(Html.escape(what));
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n</body>\n</html>\n");
    Files.writeString(dir.resolve(FILE), out.toString(), StandardCharsets.UTF_8);
  }

  /**
   * The regular files of {@code dir}, sorted by name; not the hidden ones (the output directory's
   * manifest and lock are its own bookkeeping, not reports).
   */
  private static TreeSet<String> files(Path dir) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
      for (Path p : all) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
          names.add(p.getFileName().toString());
        }
      }
    }
    return names;
  }
}
