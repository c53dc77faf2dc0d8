package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;

/**
 * {@code timeseries.csv}: site power per bucket over the whole run, one row per bucket: {@code
 * time_start_s,time_end_s,power_min_mw,power_mean_mw,power_max_mw}. The last bucket ends at the
 * horizon.
 */
final class TimeseriesCsv {
  static final String FILE = "timeseries.csv";
  static final String[] HEADER = {
    "time_start_s", "time_end_s", "power_min_mw", "power_mean_mw", "power_max_mw"
  };

  private TimeseriesCsv() {}

  static void write(RunResult result, Path file) throws IOException {
    PowerSeries s = result.series();
    long horizon = result.horizon().toNanos();
    Csv.write(
        file,
        HEADER,
        out -> {
          for (int i = 0; i < s.bucketCount(); i++) {
            out.printRecord(
                Formats.seconds(Buckets.startNanos(s, i)),
                Formats.seconds(Buckets.endNanos(s, i, horizon)),
                Formats.megawatts(s.minWatts(i)),
                Formats.megawatts(s.meanWatts(i)),
                Formats.megawatts(s.maxWatts(i)));
          }
        });
  }
}
