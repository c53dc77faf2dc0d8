package org.aifactory.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.CheckpointStudyResult.Point;

/**
 * {@code checkpoint_study.json}: every field of the study, byte-identical for the same result.
 * Durations in seconds ({@code _s}) or hours ({@code _hours}); each point's ETTR, tokens and ETTR
 * gap to the best as {@code {"mean", "sd", "ci95", "n"}}; a figure that is not finite is null.
 */
final class CheckpointStudyJson {
  static final String FILE = "checkpoint_study.json";

  static final String NOTE =
      "Every interval runs the same replications (the same random streams: common random"
          + " numbers). ettr_gap_to_best is the best point's ETTR minus this point's, paired by"
          + " replication; optimum_low_s and optimum_high_s bound the intervals whose gap has a 95 %"
          + " confidence interval containing 0 (not distinguishable from the best). ci95 is the"
          + " half-width of the 95 % confidence interval of the mean (Student t)."
          + " tokens_vs_current and dollars_vs_current are this interval's tokens minus those of"
          + " the job's current interval, paired by replication, and their value at"
          + " lost_gpu_hour_dollars per GPU-hour of the job's progress, per run.";

  static final String NOT_KILLABLE_NOTE =
      "Nothing can interrupt this job (no unplanned failure cause): M is infinite, Young's and"
          + " Daly's intervals do not exist, and checkpoints only cost time.";

  private CheckpointStudyJson() {}

  static void write(CheckpointStudyResult r, Path file) throws IOException {
    Files.writeString(file, render(r), StandardCharsets.UTF_8);
  }

  static String render(CheckpointStudyResult r) {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("scenario", r.scenario());
          g.writeStringField("job", r.job());
          g.writeNumberField("seed", r.seed());
          g.writeNumberField("replications", r.replications());
          Json.field(g, "checkpoint_s", Formats.number(r.checkpointSeconds()));
          Json.field(g, "restart_s", Formats.number(r.restartSeconds()));
          Json.field(g, "mtbf_kill_hours", Formats.number(r.mtbfKillHours()));
          Json.field(g, "young_s", Formats.number(r.youngSeconds()));
          Json.field(g, "daly_s", Formats.number(r.dalySeconds()));
          g.writeNumberField("best", r.best());
          Json.field(g, "best_interval_s", Formats.number(r.bestPoint().intervalSeconds()));
          Json.field(g, "optimum_low_s", Formats.number(r.optimumLowSeconds()));
          Json.field(g, "optimum_high_s", Formats.number(r.optimumHighSeconds()));
          g.writeNumberField("current", r.current());
          Json.field(g, "current_interval_s", Formats.number(r.currentPoint().intervalSeconds()));
          Json.field(g, "lost_gpu_hour_dollars", Formats.number(r.lostGpuHourDollars()));
          g.writeArrayFieldStart("points");
          for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            g.writeStartObject();
            Json.field(g, "interval_s", Formats.number(p.intervalSeconds()));
            g.writeArrayFieldStart("marks");
            for (String mark : CheckpointStudyText.marks(r, i)) {
              g.writeString(mark);
            }
            g.writeEndArray();
            g.writeFieldName("ettr");
            Json.stats(g, p.ettr());
            g.writeFieldName("tokens");
            Json.stats(g, p.tokens());
            g.writeFieldName("ettr_gap_to_best");
            Json.stats(g, p.ettrDifferenceFromBest());
            g.writeFieldName("tokens_vs_current");
            Json.stats(g, p.tokensVersusCurrent());
            g.writeFieldName("dollars_vs_current");
            Json.stats(g, p.dollarsVersusCurrent());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("notes");
          g.writeString(NOTE);
          if (!r.killable()) {
            g.writeString(NOT_KILLABLE_NOTE);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
