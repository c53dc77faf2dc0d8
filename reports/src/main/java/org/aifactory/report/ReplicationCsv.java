package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.ReplicationSet;

/**
 * {@code replications.csv}: one row per replication, {@code replication} then every metric key,
 * values formatted as in the summaries ({@link Formats}).
 */
final class ReplicationCsv {
  static final String REPLICATIONS_FILE = "replications.csv";

  private ReplicationCsv() {}

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
