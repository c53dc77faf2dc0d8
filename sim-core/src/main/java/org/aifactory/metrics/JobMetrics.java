package org.aifactory.metrics;

import java.util.List;
import org.aifactory.metrics.MetricKeys.ByCause;

/**
 * The figures of one job as metrics under {@code job.<name>.}, so that they are kept, like every
 * other metric, for each replication and summarised over replications. A job's lost production and
 * interruptions use the same relative keys as the run's ({@code lost_production.total}, {@code
 * interruptions_by_cause.<cause>}).
 */
final class JobMetrics {
  private static final double JOULES_PER_MWH = 3.6e9;

  private JobMetrics() {}

  /** Adds the metrics of {@code j} to {@code m}; {@code causes} in profile order. */
  static void add(List<Metric> m, JobResult j, List<String> causes) {
    Adder a = new Adder(m, j.name());
    a.add(MetricKeys.ITERATIONS, "iterations", "Iterations this job completed.", j.iterations());
    a.add(MetricKeys.TOKENS, "tokens", "Tokens this job trained.", j.tokens());
    a.add(
        MetricKeys.CHECKPOINTS, "checkpoints", "Checkpoints this job completed.", j.checkpoints());
    a.add(
        MetricKeys.ENERGY_GPU_MWH,
        "MWh",
        "Energy drawn by this job's GPUs.",
        j.energyGpuJoules() / JOULES_PER_MWH);
    a.add(MetricKeys.ETTR, "1", "This job's effective training time ratio.", j.ettr());
    a.add(
        MetricKeys.INTERRUPTIONS, "interruptions", "Interruptions of this job.", j.interruptions());
    for (String cause : causes) {
      a.add(
          ByCause.INTERRUPTIONS.key(cause),
          "interruptions",
          "Interruptions of this job by this cause.",
          j.interruptionsByCause().getOrDefault(cause, 0L));
    }
    a.add(
        MetricKeys.JOB_COMPLETION_HOURS,
        "h",
        "When this job's work completed (empty if it runs to the horizon or did not finish).",
        j.completionHours());
    a.add(
        MetricKeys.JOB_CHECKPOINT_INTERVAL_S,
        "s",
        "Checkpoint interval used (fixed, or Young's / Daly's from the failure rates).",
        j.checkpointIntervalSeconds());
    a.add(
        MetricKeys.JOB_MTBI_HOURS,
        "h",
        "Observed mean time between this job's interruptions (wall time since start /"
            + " interruptions).",
        j.mtbiHours());
    a.add(
        MetricKeys.JOB_MTBF_KILL_HOURS,
        "h",
        "Mean time between job-killing failures, from the causes' rates and the job's size.",
        j.mtbfKillHours());
    LostProduction p = j.lostProduction();
    a.add(
        MetricKeys.LOST_IDEAL_TOKENS,
        "tokens",
        "Tokens this job would train failure-free and checkpoint-free over the same time.",
        p.idealTokens());
    a.add(MetricKeys.LOST_TOTAL, "tokens", "ideal_tokens - tokens of this job.", p.total());
    a.add(MetricKeys.LOST_CHECKPOINT, "tokens", "Not trained while checkpointing.", p.checkpoint());
    a.add(MetricKeys.LOST_WORK, "tokens", "Trained, then thrown away by failures.", p.lostWork());
    a.add(MetricKeys.LOST_RESTART, "tokens", "Not trained while restarting.", p.restart());
    a.add(
        MetricKeys.LOST_WAITING,
        "tokens",
        "Not trained while waiting for spares or repairs.",
        p.waiting());
    a.add(
        MetricKeys.LOST_THROTTLING,
        "tokens",
        "Not trained because power caps and thermal limits slowed this job.",
        p.throttling());
    a.add(
        MetricKeys.LOST_INCOMPLETE_ITERATION,
        "tokens",
        "This job's last unfinished iteration.",
        p.incompleteIteration());
    for (String cause : causes) {
      a.add(
          ByCause.LOST_PRODUCTION.key(cause),
          "tokens",
          "Lost work + restart + waiting of this job and cause.",
          p.byCause(cause));
    }
  }

  /** Adds metrics of one job under its prefix. */
  private record Adder(List<Metric> m, String job) {
    void add(String key, String unit, String definition, double value) {
      m.add(new Metric(MetricKeys.job(job, key), unit, definition, value));
    }
  }
}
