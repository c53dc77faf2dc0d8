package org.aifactory.report;

import static org.aifactory.report.SummarySections.INDENT;
import static org.aifactory.report.SummarySections.count;
import static org.aifactory.report.SummarySections.figure;
import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import org.aifactory.metrics.MetricKeys;

/**
 * The end of both terminal summaries: ETTR and checkpoints by job, the run's own job table (one run
 * only), and the engine's wall-clock figures.
 */
final class SummaryTail {
  private SummaryTail() {}

  /** Appends the per-job table, {@code jobsTable} under "Jobs" unless null, and the engine. */
  static void append(StringBuilder out, Figures f, String jobsTable, RunTimings timings) {
    if (!f.jobs().isEmpty()) {
      out.append('\n').append("ETTR and checkpoints by job").append('\n');
      out.append(jobs(f));
    }
    if (jobsTable != null) {
      out.append('\n').append("Jobs").append('\n').append(jobsTable);
    }
    int r = f.replications();
    out.append('\n').append(r > 1 ? "Engine (all replications)" : "Engine").append('\n');
    out.append(engine(timings, r));
  }

  /**
   * Per job: ETTR, interruptions, checkpoint interval used, mean time between job-killing failures,
   * and completion time (columns without information are left out).
   */
  private static String jobs(Figures f) {
    TextTable t =
        new TextTable(INDENT, LEFT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT);
    boolean failures = !f.causes().isEmpty();
    boolean completed =
        f.jobs().stream()
            .anyMatch(
                j -> Double.isFinite(f.value(MetricKeys.job(j, MetricKeys.JOB_COMPLETION_HOURS))));
    t.row(
        "job",
        "ETTR (%)",
        "",
        "",
        failures ? "interruptions" : "",
        "",
        "",
        "checkpoint interval",
        failures ? "MTBF (job-killing)" : "",
        completed ? "completed (h)" : "");
    for (String job : f.jobs()) {
      String ettrKey = MetricKeys.job(job, MetricKeys.ETTR);
      String[] ettr = figure(f, ettrKey, 100, f.decimals(100, 1, ettrKey));
      String[] interruptions =
          failures ? count(f, MetricKeys.job(job, MetricKeys.INTERRUPTIONS)) : new String[3];
      double interval = f.value(MetricKeys.job(job, MetricKeys.JOB_CHECKPOINT_INTERVAL_S));
      double mtbf = f.value(MetricKeys.job(job, MetricKeys.JOB_MTBF_KILL_HOURS));
      double done = f.value(MetricKeys.job(job, MetricKeys.JOB_COMPLETION_HOURS));
      t.row(
          job,
          ettr[0],
          ettr[1],
          ettr[2],
          interruptions[0],
          interruptions[1],
          interruptions[2],
          Double.isFinite(interval) ? Human.duration(interval) : "none",
          failures ? (Double.isFinite(mtbf) ? Human.duration(mtbf * 3600) : "none") : "",
          completed && Double.isFinite(done) ? Human.fixed(done, 2) : "");
    }
    return t.render();
  }

  /** Replications (if more than one), events, events per second and wall time. */
  private static String engine(RunTimings timings, int r) {
    TextTable t = new TextTable(INDENT, LEFT, RIGHT, LEFT, LEFT);
    if (r > 1) {
      t.row("Replications", Human.count(r));
    }
    t.row("Events", Human.count(timings.eventsProcessed()));
    t.row("Events per second", Human.count(timings.eventsPerSecond()), "events/s");
    t.rowWithRemark(
        "(total " + Human.fixed(timings.totalWallSeconds(), 2) + " s)",
        "Simulation wall time",
        Human.fixed(timings.simulationWallSeconds(), 2),
        "s");
    return t.render();
  }
}
