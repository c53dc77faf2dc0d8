package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.RunResult;

/** All the files of one run. */
public final class RunReports {
  private RunReports() {}

  /**
   * Writes summary.json, summary.csv, timeseries.csv, window.csv, power.png and run.json into dir
   * (dir exists). Use {@link OutputDirectory#writeAtomically} to make them appear all at once.
   *
   * <p>All but run.json and power.png are byte-identical for the same result.
   */
  public static void writeAll(RunResult result, RunTimings timings, Path dir) throws IOException {
    SummaryJson.write(result, dir.resolve(SummaryJson.FILE));
    SummaryCsv.write(result, dir.resolve(SummaryCsv.FILE));
    TimeseriesCsv.write(result, dir.resolve(TimeseriesCsv.FILE));
    WindowCsv.write(result, dir.resolve(WindowCsv.FILE));
    PowerChart.write(result, dir.resolve(PowerChart.FILE));
    RunJson.write(timings, dir.resolve(RunJson.FILE));
  }
}
