package org.aifactory.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.TrainingJobSpec;

/**
 * Sweeps one job's checkpoint interval: at every interval the same R replications (the same random
 * streams: common random numbers, so differences between intervals are not noise between seeds),
 * giving the job's ETTR with its confidence interval. The simulated optimum is the interval with
 * the highest mean ETTR; the intervals whose paired ETTR difference from it has a 95 % confidence
 * interval containing 0 are statistically indistinguishable from it and form its range.
 */
public final class CheckpointStudy {
  /** Default grid: Daly's interval × 2^(k/4) for k = -8..8 (a factor of 4 either side). */
  private static final int HALF_GRID = 8;

  private CheckpointStudy() {}

  /**
   * @param jobName the job to study; empty: the first job with checkpoints
   * @param intervalsSeconds the intervals; empty: a grid around Daly's interval
   */
  public static CheckpointStudyResult run(
      String scenario,
      FactorySpec factory,
      RunSpec run,
      Optional<String> jobName,
      List<Double> intervalsSeconds,
      int replications,
      int threads,
      ProgressListener progress) {
    int jobIndex = findJob(factory, jobName);
    TrainingJobSpec job = factory.workloads().get(jobIndex);
    CheckpointSpec cp = job.checkpoint().orElseThrow();

    // Young's and Daly's intervals and M, from the model itself (a one-period run).
    JobResult young = probe(scenario, factory, run, jobIndex, CheckpointPolicy.YOUNG);
    JobResult daly = probe(scenario, factory, run, jobIndex, CheckpointPolicy.DALY);
    double mtbfHours = daly.mtbfKillHours();

    List<Double> grid = new ArrayList<>(intervalsSeconds);
    if (grid.isEmpty()) {
      double centre =
          Double.isFinite(daly.checkpointIntervalSeconds())
              ? daly.checkpointIntervalSeconds()
              : cp.interval().toNanos() / 1e9;
      for (int k = -HALF_GRID; k <= HALF_GRID; k++) {
        grid.add(centre * Math.pow(2, k / 4.0));
      }
    }
    grid.sort(Double::compare);

    int points = grid.size();
    double[][] ettr = new double[points][];
    double[][] tokens = new double[points][];
    long total = (long) points * replications;
    for (int p = 0; p < points; p++) {
      FactorySpec variant = withFixedInterval(factory, jobIndex, grid.get(p));
      long offset = (long) p * replications;
      ReplicationSet set =
          Replications.run(
                  scenario,
                  variant,
                  run,
                  replications,
                  threads,
                  (done, ignored) -> progress.progress(offset + done, total))
              .set();
      ettr[p] = set.column(set.indexOf(MetricKeys.job(job.name(), MetricKeys.ETTR)));
      tokens[p] = set.column(set.indexOf(MetricKeys.job(job.name(), MetricKeys.TOKENS)));
    }

    int best = 0;
    for (int p = 1; p < points; p++) {
      if (mean(ettr[p]) > mean(ettr[best])) {
        best = p;
      }
    }
    Metric ettrMetric = new Metric("ettr", "1", "Job ETTR", 0);
    Metric tokensMetric = new Metric("tokens", "tokens", "Job tokens", 0);
    Metric gapMetric = new Metric("ettr_gap_to_best", "1", "Best ETTR - this ETTR (paired)", 0);
    List<CheckpointStudyResult.Point> out = new ArrayList<>();
    double low = grid.get(best);
    double high = grid.get(best);
    for (int p = 0; p < points; p++) {
      double[] gap = new double[replications];
      for (int r = 0; r < replications; r++) {
        gap[r] = ettr[best][r] - ettr[p][r];
      }
      MetricStats gapStats = MetricStats.of(gapMetric, gap);
      boolean indistinguishable =
          p == best || !(gapStats.mean() - gapStats.ci95() > 0) || Double.isNaN(gapStats.ci95());
      if (indistinguishable) {
        low = Math.min(low, grid.get(p));
        high = Math.max(high, grid.get(p));
      }
      out.add(
          new CheckpointStudyResult.Point(
              grid.get(p),
              MetricStats.of(ettrMetric, ettr[p]),
              MetricStats.of(tokensMetric, tokens[p]),
              gapStats));
    }
    return new CheckpointStudyResult(
        scenario,
        job.name(),
        run.seed(),
        replications,
        cp.duration().toNanos() / 1e9,
        job.restart().toNanos() / 1e9,
        mtbfHours,
        young.checkpointIntervalSeconds(),
        daly.checkpointIntervalSeconds(),
        out,
        best,
        low,
        high);
  }

  private static int findJob(FactorySpec factory, Optional<String> jobName) {
    for (int i = 0; i < factory.workloads().size(); i++) {
      TrainingJobSpec j = factory.workloads().get(i);
      if (jobName.isPresent() ? j.name().equals(jobName.get()) : j.checkpoint().isPresent()) {
        if (j.checkpoint().isEmpty()) {
          throw new IllegalArgumentException(
              "job '" + j.name() + "' has no checkpoints to study; give it a checkpoint");
        }
        return i;
      }
    }
    List<String> names = factory.workloads().stream().map(TrainingJobSpec::name).toList();
    throw new IllegalArgumentException(
        jobName
            .map(n -> "no job named '" + n + "'; jobs: " + names)
            .orElse("no job with checkpoints; jobs: " + names));
  }

  private static JobResult probe(
      String scenario, FactorySpec factory, RunSpec run, int jobIndex, CheckpointPolicy policy) {
    TrainingJobSpec j = factory.workloads().get(jobIndex);
    CheckpointSpec cp = j.checkpoint().orElseThrow();
    FactorySpec f =
        withCheckpoint(
            factory,
            jobIndex,
            new CheckpointSpec(cp.interval(), cp.duration(), cp.powerFraction(), policy));
    RunSpec shortRun =
        new RunSpec(
            j.start().plus(j.iteration().period()),
            run.seed(),
            run.pulseResolution(),
            run.observation());
    return new FactoryRun(scenario, f, shortRun, 0, false).complete().jobs().get(jobIndex);
  }

  private static FactorySpec withFixedInterval(FactorySpec f, int jobIndex, double seconds) {
    CheckpointSpec cp = f.workloads().get(jobIndex).checkpoint().orElseThrow();
    return withCheckpoint(
        f,
        jobIndex,
        new CheckpointSpec(
            Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9))),
            cp.duration(),
            cp.powerFraction(),
            CheckpointPolicy.FIXED));
  }

  private static FactorySpec withCheckpoint(FactorySpec f, int jobIndex, CheckpointSpec cp) {
    List<TrainingJobSpec> jobs = new ArrayList<>(f.workloads());
    TrainingJobSpec j = jobs.get(jobIndex);
    jobs.set(
        jobIndex,
        new TrainingJobSpec(
            j.name(),
            j.cluster(),
            j.gpus(),
            j.start(),
            j.iteration(),
            j.tokensPerIteration(),
            Optional.of(cp),
            j.restart(),
            j.workIterations()));
    return new FactorySpec(f.catalog(), f.facility(), f.clusters(), jobs, f.failures(), f.power());
  }

  private static double mean(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        s += x;
        n++;
      }
    }
    return n > 0 ? s / n : Double.NaN;
  }
}
