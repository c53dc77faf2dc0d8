package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;

/**
 * The CSV files of a run with replications. {@code summary.csv}: one row per metric, {@code
 * metric,unit,mean,sd,ci95,n}. {@code replications.csv}: one row per replication, {@code
 * replication} then every metric key, values formatted as in the summary of one run.
 */
final class ReplicationCsv {
  static final String SUMMARY_FILE = SummaryCsv.FILE;
  static final String REPLICATIONS_FILE = "replications.csv";
  static final String[] SUMMARY_HEADER = {"metric", "unit", "mean", "sd", "ci95", "n"};

  private ReplicationCsv() {}

  static void writeSummary(ReplicationSet set, Path file) throws IOException {
    Csv.write(
        file,
        SUMMARY_HEADER,
        out -> {
          for (MetricStats s : set.stats()) {
            out.printRecord(
                s.key(),
                s.unit(),
                Formats.mean(s.isCount(), s.mean()),
                Formats.spread(s.sd(), s.mean()),
                Formats.spread(s.ci95(), s.mean()),
                Integer.toString(s.n()));
          }
        });
  }

  static void writeReplications(ReplicationSet set, Path file) throws IOException {
    List<Metric> layout = set.layout();
    List<String> header = new ArrayList<>(List.of("replication"));
    for (Metric m : layout) {
      header.add(m.key());
    }
    Csv.write(
        file,
        header.toArray(String[]::new),
        out -> {
          List<String> row = new ArrayList<>(header.size());
          for (int r = 0; r < set.replications(); r++) {
            row.clear();
            row.add(Integer.toString(r));
            for (int i = 0; i < layout.size(); i++) {
              row.add(Formats.metric(layout.get(i), set.value(r, i)));
            }
            out.printRecord(row);
          }
        });
  }
}
