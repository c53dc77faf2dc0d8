package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;

/**
 * {@code summary.csv}: a header and one data row: {@code scenario}, {@code seed}, {@code
 * pulse_resolution}, then every metric key of {@link RunResult#metrics()} as is. Handy for
 * concatenating many runs into one table.
 */
final class SummaryCsv {
  static final String FILE = "summary.csv";

  private SummaryCsv() {}

  static void write(RunResult result, Path file) throws IOException {
    List<Metric> metrics = result.metrics();
    List<String> header = new ArrayList<>(List.of("scenario", "seed", "pulse_resolution"));
    List<String> row =
        new ArrayList<>(
            List.of(
                result.scenario(),
                Long.toString(result.seed()),
                Formats.resolution(result.pulseResolution())));
    for (Metric m : metrics) {
      header.add(m.key());
      row.add(Formats.metric(m));
    }
    Csv.write(file, header.toArray(String[]::new), out -> out.printRecord(row));
  }
}
