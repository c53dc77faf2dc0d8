package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.ReplicationSet;

/** All the files of a run with replications. */
public final class ReplicationReports {
  private ReplicationReports() {}

  /**
   * Writes into dir (dir exists): summary.json and summary.csv (every metric as mean, sd, ci95 and
   * n, as for one run), replications.csv (one row per replication), and, from replication 0,
   * timeseries.csv, window.csv, events.csv, power.png and lost_production.png; run.json has the
   * wall-clock figures of all replications; index.html, a page with all of them. Use {@link
   * OutputDirectory#write} to make them appear all at once.
   *
   * <p>All but run.json and the PNG files are byte-identical for the same set.
   */
  public static void writeAll(ReplicationSet set, RunTimings timings, Path dir) throws IOException {
    String note =
        "replication " + set.first().replication() + " of " + Human.count(set.replications());
    RunReports.writeRunFiles(
        set,
        note,
        "means of " + Human.count(set.replications()) + " replications",
        timings,
        dir,
        () -> {
          SummaryJson.write(set, dir.resolve(SummaryJson.FILE));
          SummaryCsv.write(set, dir.resolve(SummaryCsv.FILE));
          ReplicationCsv.writeReplications(set, dir.resolve(ReplicationCsv.REPLICATIONS_FILE));
        });
    RunIndex.write(set, dir); // last: it lists the files of the folder
  }
}
