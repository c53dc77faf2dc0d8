package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;

/** All the files of one run. */
public final class RunReports {
  private RunReports() {}

  /**
   * Writes summary.json, summary.csv, timeseries.csv, window.csv, events.csv, power.png,
   * lost_production.png, run.json and index.html (a page with all of them) into dir (dir exists).
   * The summaries are those of one replication: the same shape as with many. Use {@link
   * OutputDirectory#write} to make them appear all at once.
   *
   * <p>All but run.json and the PNG files are byte-identical for the same result.
   */
  public static void writeAll(RunResult result, RunTimings timings, Path dir) throws IOException {
    writeAll(ReplicationSet.of(result), timings, dir);
  }

  /**
   * As {@link #writeAll(RunResult, RunTimings, Path)}, for a run whose metrics are those of {@code
   * one} (a set of one replication: e.g. the run's metrics and its costs); with costs, also
   * cost.png.
   */
  public static void writeAll(ReplicationSet one, RunTimings timings, Path dir) throws IOException {
    SummaryJson.write(one, dir.resolve(SummaryJson.FILE));
    SummaryCsv.write(one, dir.resolve(SummaryCsv.FILE));
    writeRunFiles(one.first(), "", timings, dir);
    writeCostChart(one, "", dir);
    RunIndex.write(one, dir);
  }

  /** cost.png, when the set's runs were priced. */
  static void writeCostChart(ReplicationSet set, String note, Path dir) throws IOException {
    if (CostChart.drawn(set)) {
      CostChart.write(set, note, dir.resolve(CostChart.FILE));
    }
  }

  /**
   * The files that show one run, also written for replication 0 of a set: timeseries.csv,
   * window.csv, events.csv, power.png, lost_production.png, with a site section compliance.csv and
   * grid.png, and run.json (of {@code timings}).
   *
   * @param chartNote added to the charts' subtitles ("" for none)
   */
  static void writeRunFiles(RunResult result, String chartNote, RunTimings timings, Path dir)
      throws IOException {
    TimeseriesCsv.write(result, dir.resolve(TimeseriesCsv.FILE));
    WindowCsv.write(result, dir.resolve(WindowCsv.FILE));
    EventsCsv.write(result, dir.resolve(EventsCsv.FILE));
    PowerChart.write(result, chartNote, dir.resolve(PowerChart.FILE));
    LostProductionChart.write(result, chartNote, dir.resolve(LostProductionChart.FILE));
    if (ThermalChart.drawn(result)) {
      ThermalChart.write(result, chartNote, dir.resolve(ThermalChart.FILE));
    }
    if (GridChart.drawn(result)) {
      ComplianceCsv.write(result, dir.resolve(ComplianceCsv.FILE));
      GridChart.write(result, chartNote, dir.resolve(GridChart.FILE));
    }
    if (InferenceChart.drawn(result)) {
      InferenceChart.write(result, chartNote, dir.resolve(InferenceChart.FILE));
    }
    RunJson.write(timings, dir.resolve(RunJson.FILE));
  }
}
