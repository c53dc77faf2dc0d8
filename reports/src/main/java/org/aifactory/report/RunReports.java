package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    writeRunFiles(
        one,
        "",
        "",
        timings,
        dir,
        () -> {
          SummaryJson.write(one, dir.resolve(SummaryJson.FILE));
          SummaryCsv.write(one, dir.resolve(SummaryCsv.FILE));
        });
    RunIndex.write(one, dir); // last: it lists the files of the folder
  }

  /**
   * The files that show one run, also written for replication 0 of a set: timeseries.csv,
   * window.csv, events.csv, power.png, lost_production.png, thermal.png with a cooling plant,
   * compliance.csv and grid.png with a site section, inference.png with an inference service,
   * cost.png when the set's runs were priced, and run.json (of {@code timings}); and those of
   * {@code more}. Each chart is drawn on a thread of its own while the calling thread writes the
   * text files.
   *
   * @param set replication 0 ({@link ReplicationSet#first()}) is the run shown; cost.png shows the
   *     set's means
   * @param chartNote added to the charts of replication 0's subtitles ("" for none)
   * @param costNote added to cost.png's subtitle ("" for none)
   * @param more writes other files of the folder, on the calling thread with the text files
   */
  static void writeRunFiles(
      ReplicationSet set,
      String chartNote,
      String costNote,
      RunTimings timings,
      Path dir,
      ParallelWrites.Writer more)
      throws IOException {
    RunResult result = set.first();
    List<ParallelWrites.Writer> writers = new ArrayList<>();
    writers.add(
        () -> {
          more.write();
          TimeseriesCsv.write(result, dir.resolve(TimeseriesCsv.FILE));
          WindowCsv.write(result, dir.resolve(WindowCsv.FILE));
          EventsCsv.write(result, dir.resolve(EventsCsv.FILE));
          RunJson.write(timings, dir.resolve(RunJson.FILE));
        });
    writers.add(() -> PowerChart.write(result, chartNote, dir.resolve(PowerChart.FILE)));
    writers.add(
        () -> LostProductionChart.write(result, chartNote, dir.resolve(LostProductionChart.FILE)));
    if (ThermalChart.drawn(result)) {
      writers.add(() -> ThermalChart.write(result, chartNote, dir.resolve(ThermalChart.FILE)));
    }
    if (GridChart.drawn(result)) {
      writers.add(
          () -> {
            ComplianceCsv.write(result, dir.resolve(ComplianceCsv.FILE));
            GridChart.write(result, chartNote, dir.resolve(GridChart.FILE));
          });
    }
    if (InferenceChart.drawn(result)) {
      writers.add(() -> InferenceChart.write(result, chartNote, dir.resolve(InferenceChart.FILE)));
    }
    if (CostChart.drawn(set)) {
      writers.add(() -> CostChart.write(set, costNote, dir.resolve(CostChart.FILE)));
    }
    ParallelWrites.run(writers);
  }
}
