package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.RunResult;

/**
 * {@code events.csv}: one row per interruption and repair, in the order they happened: {@code
 * time_h,kind,component,cause,job,work_lost_gpu_h,downtime_h}. {@code kind} is {@code interruption}
 * or {@code repair}; {@code job} is empty for the repair of a system no job held; {@code
 * downtime_h} is empty when the run ended first. No events: header only.
 */
final class EventsCsv {
  static final String FILE = "events.csv";
  static final String[] HEADER = {
    "time_h", "kind", "component", "cause", "job", "work_lost_gpu_h", "downtime_h"
  };

  private EventsCsv() {}

  static void write(RunResult result, Path file) throws IOException {
    Csv.write(
        file,
        HEADER,
        out -> {
          for (FailureLog.Row e : result.events()) {
            out.printRecord(
                Formats.hours(e.timeNanos()),
                e.kind().name().toLowerCase(Locale.ROOT),
                e.component(),
                e.cause(),
                e.job(),
                Formats.number(e.workLostGpuHours()),
                Formats.hours(e.downtimeNanos()));
          }
        });
  }
}
