package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;

/**
 * {@code window.csv}: every site-power step inside the full-resolution window, {@code
 * time_s,power_mw} (time from the start of the run). A level holds until the next row; a final row
 * at the window end repeats the last level so that a step plot closes. No steps: header only.
 */
final class WindowCsv {
  static final String FILE = "window.csv";
  static final String[] HEADER = {"time_s", "power_mw"};

  private WindowCsv() {}

  static void write(RunResult result, Path file) throws IOException {
    PowerSeries s = result.series();
    Csv.write(
        file,
        HEADER,
        out -> {
          int n = s.stepCount();
          for (int i = 0; i < n; i++) {
            out.printRecord(Formats.seconds(s.stepTimeNanos(i)), Formats.megawatts(s.stepWatts(i)));
          }
          if (n > 0) {
            out.printRecord(
                Formats.seconds(s.windowEndNanos()), Formats.megawatts(s.stepWatts(n - 1)));
          }
        });
  }
}
