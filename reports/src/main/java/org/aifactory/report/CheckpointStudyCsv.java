package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.CheckpointStudyResult.Point;

/**
 * {@code checkpoint_study.csv}: one row per interval, in increasing order: {@code
 * interval_s,interval_min,ettr_mean,ettr_ci95,ettr_sd,n,tokens_mean,tokens_ci95,
 * ettr_gap_to_best_mean,ettr_gap_to_best_ci95,tokens_vs_current_mean,tokens_vs_current_ci95,
 * dollars_vs_current_mean,dollars_vs_current_ci95,marks}. ETTR is a ratio (0 to 1); the gap is the
 * best point's ETTR minus this point's, paired by replication; the differences to the job's current
 * interval are paired too, and priced at the value of a GPU-hour of the job's progress; {@code
 * marks} names the point: best, current, daly, young (space-separated).
 */
final class CheckpointStudyCsv {
  static final String FILE = "checkpoint_study.csv";
  static final String[] HEADER = {
    "interval_s",
    "interval_min",
    "ettr_mean",
    "ettr_ci95",
    "ettr_sd",
    "n",
    "tokens_mean",
    "tokens_ci95",
    "ettr_gap_to_best_mean",
    "ettr_gap_to_best_ci95",
    "tokens_vs_current_mean",
    "tokens_vs_current_ci95",
    "dollars_vs_current_mean",
    "dollars_vs_current_ci95",
    "marks"
  };

  private CheckpointStudyCsv() {}

  static void write(CheckpointStudyResult r, Path file) throws IOException {
    Csv.write(
        file,
        HEADER,
        out -> {
          for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            out.printRecord(
                Formats.number(p.intervalSeconds()),
                Formats.number(p.intervalSeconds() / 60),
                Formats.number(p.ettr().mean()),
                Formats.spread(p.ettr().ci95(), p.ettr().mean()),
                Formats.spread(p.ettr().sd(), p.ettr().mean()),
                Integer.toString(p.ettr().n()),
                Formats.mean(p.tokens()),
                Formats.spread(p.tokens().ci95(), p.tokens().mean()),
                Formats.number(p.ettrDifferenceFromBest().mean()),
                Formats.spread(
                    p.ettrDifferenceFromBest().ci95(), p.ettrDifferenceFromBest().mean()),
                Formats.mean(p.tokensVersusCurrent()),
                Formats.spread(p.tokensVersusCurrent().ci95(), p.tokensVersusCurrent().mean()),
                Formats.number(p.dollarsVersusCurrent().mean()),
                Formats.spread(p.dollarsVersusCurrent().ci95(), p.dollarsVersusCurrent().mean()),
                String.join(" ", CheckpointStudyText.marks(r, i)));
          }
        });
  }
}
