package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;

/**
 * {@code sweep.csv}: long, one row per point and metric, points in sweep order and each point's
 * metrics in the order of {@code summary.csv}: the varied parameters' values as applied (one column
 * per parameter, headed by its path), then {@code metric,unit,mean,sd,ci95,n} as in {@code
 * summary.csv}, then {@code mark}: {@code best}, {@code not_distinguishable} or empty.
 *
 * <p>Long rather than wide for the reason {@code summary.csv} is: a planner filters or pivots it in
 * a spreadsheet (the parameters as rows or columns, {@code metric} as a filter, {@code mean} as the
 * values), and its columns stay the same whatever metrics the scenario has.
 */
final class SweepCsv {
  static final String FILE = "sweep.csv";
  static final List<String> METRIC_COLUMNS =
      List.of("metric", "unit", "mean", "sd", "ci95", "n", "mark");

  private SweepCsv() {}

  static String[] header(SweepResult r) {
    List<String> header = new ArrayList<>();
    for (SweepResult.Parameter p : r.parameters()) {
      header.add(p.path());
    }
    header.addAll(METRIC_COLUMNS);
    return header.toArray(String[]::new);
  }

  static void write(SweepResult r, Path file) throws IOException {
    Csv.write(
        file,
        header(r),
        out -> {
          for (int p = 0; p < r.points().size(); p++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < r.parameters().size(); i++) {
              values.add(r.value(p, i));
            }
            String mark = r.mark(p);
            for (MetricStats m : r.points().get(p).metrics()) {
              List<String> row = new ArrayList<>(values);
              row.add(m.key());
              row.add(m.unit());
              row.add(Formats.mean(m));
              row.add(Formats.spread(m.sd(), m.mean()));
              row.add(Formats.spread(m.ci95(), m.mean()));
              row.add(Integer.toString(m.n()));
              row.add(mark);
              out.printRecord(row);
            }
          }
        });
  }
}
