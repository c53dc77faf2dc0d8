package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;

/**
 * {@code summary.csv}, one shape for a single run and for replications: a header and one row per
 * metric, {@code metric,unit,mean,sd,ci95,n}, in {@link org.aifactory.metrics.RunResult#metrics()}
 * order. A single run has its value as mean, sd and ci95 empty and n 1 (0 for a value that is not
 * finite, whose mean is empty too).
 *
 * <p>Long rather than wide: pasted into a spreadsheet it reads as a table, one metric with its unit
 * per row; its columns are the same for one run or many and for any number of jobs and causes, so a
 * lookup of a metric by its key keeps working when the scenario changes.
 */
final class SummaryCsv {
  static final String FILE = "summary.csv";
  static final String[] HEADER = {"metric", "unit", "mean", "sd", "ci95", "n"};

  private SummaryCsv() {}

  static void write(ReplicationSet set, Path file) throws IOException {
    Csv.write(
        file,
        HEADER,
        out -> {
          for (MetricStats s : set.stats()) {
            out.printRecord(
                s.key(),
                s.unit(),
                Formats.mean(s),
                Formats.spread(s.sd(), s.mean()),
                Formats.spread(s.ci95(), s.mean()),
                Integer.toString(s.n()));
          }
        });
  }
}
