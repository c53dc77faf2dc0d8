package org.aifactory.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;

/**
 * {@code summary.json} of a run with replications: {@code scenario}, {@code seed}, {@code
 * pulse_resolution}, {@code replications}, then every metric (nested by dots, as for one run) as
 * {@code {"mean": …, "sd": …, "ci95": …, "n": …}}, then {@code units} and {@code notes}.
 * Byte-identical for the same set.
 */
final class ReplicationSummaryJson {
  static final String CI_NOTE =
      "Every metric is given over the replications as mean, sd (sample standard deviation), ci95"
          + " (half-width of the 95 % confidence interval of the mean, Student t with n - 1 degrees"
          + " of freedom) and n (replications with a finite value; a job that never completed or"
          + " a cause-free MTBF is left out). Per-replication values are in replications.csv.";

  static final String FIRST_NOTE =
      "power.png, timeseries.csv, window.csv, events.csv and lost_production.png show replication"
          + " 0 only; run.json covers all replications.";

  private ReplicationSummaryJson() {}

  static void write(ReplicationSet set, Path file) throws IOException {
    Files.writeString(file, render(set), StandardCharsets.UTF_8);
  }

  static String render(ReplicationSet set) {
    List<MetricStats> stats = set.stats();
    return Json.write(
        g -> {
          g.writeStartObject();
          SummaryJson.writeHeader(g, set.first());
          g.writeNumberField("replications", set.replications());
          SummaryJson.writeTree(g, SummaryJson.nest(stats, MetricStats::key), Json::stats);
          SummaryJson.writeUnitsAndNotes(g, set.layout(), notes(set));
          g.writeEndObject();
        });
  }

  static List<String> notes(ReplicationSet set) {
    List<String> notes = SummaryJson.notes(set.first());
    notes.add(CI_NOTE);
    notes.add(FIRST_NOTE);
    return notes;
  }
}
