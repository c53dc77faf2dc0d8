package org.aifactory.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.aifactory.model.workload.CheckpointPlan;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.TrainingJobSpec;
import org.aifactory.model.workload.WorkloadSpec;

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

  /** An interval asked for: a duration, or one named after a rule. */
  public sealed interface Interval {
    /** A fixed interval. */
    record Of(double seconds) implements Interval {}

    /** Daly's interval for the job. */
    record Daly() implements Interval {}

    /** Young's interval for the job. */
    record Young() implements Interval {}

    /** The interval the scenario gives the job (its policy's). */
    record Current() implements Interval {}
  }

  /**
   * What the study will run, known before it runs.
   *
   * @param jobIndex the job studied
   * @param plan the job's checkpoint plan: M, δ, its current interval
   * @param youngSeconds Young's interval (NaN when nothing can kill the job)
   * @param dalySeconds Daly's interval (NaN when nothing can kill the job)
   * @param intervalsSeconds the intervals to run, increasing, distinct in whole nanoseconds; always
   *     including the current interval, and Daly's when it exists
   */
  public record Plan(
      int jobIndex,
      CheckpointPlan plan,
      double youngSeconds,
      double dalySeconds,
      List<Double> intervalsSeconds) {
    public double currentSeconds() {
      return plan.intervalSeconds();
    }
  }

  /**
   * Plans the study of one job's checkpoint interval.
   *
   * @param jobName the job to study; empty: the first job with checkpoints
   * @param intervals the intervals asked for; empty: a grid around Daly's interval
   * @throws IllegalArgumentException a user error: no such job, no checkpoints, or nothing can kill
   *     the job and no intervals were asked for (there is no optimum to find)
   */
  public static Plan plan(FactorySpec factory, Optional<String> jobName, List<Interval> intervals) {
    int jobIndex = findJob(factory, jobName);
    TrainingJobSpec job = (TrainingJobSpec) factory.workloads().get(jobIndex);
    int perSystem =
        factory.clusters().stream()
            .filter(c -> c.name().equals(job.cluster()))
            .findFirst()
            .flatMap(c -> factory.catalog().system(c.systemType()))
            .orElseThrow()
            .gpusPerSystem();
    CheckpointPlan plan = CheckpointPlan.of(job, perSystem, factory.failures().profile().causes());
    double young = plan.killable() ? plan.youngSeconds(Double.NaN) : Double.NaN;
    double daly = plan.killable() ? plan.dalySeconds(Double.NaN) : Double.NaN;
    if (!plan.killable() && intervals.isEmpty()) {
      throw new IllegalArgumentException(
          "job '"
              + job.name()
              + "': no unplanned failure cause can interrupt it (its mean time between"
              + " job-killing failures M is infinite), so there is no optimal interval to find:"
              + " every checkpoint only costs time. Add failures to the scenario, or give"
              + " --intervals to measure what checkpoints cost");
    }
    List<Double> asked = new ArrayList<>();
    if (intervals.isEmpty()) {
      for (int k = -HALF_GRID; k <= HALF_GRID; k++) {
        asked.add(daly * Math.pow(2, k / 4.0));
      }
    }
    for (Interval i : intervals) {
      if (i instanceof Interval.Of of) {
        asked.add(of.seconds());
      } else if (i instanceof Interval.Daly) {
        asked.add(needsFailures(job, "daly", daly));
      } else if (i instanceof Interval.Young) {
        asked.add(needsFailures(job, "young", young));
      } else {
        asked.add(plan.intervalSeconds());
      }
    }
    asked.add(plan.intervalSeconds());
    if (plan.killable()) {
      asked.add(daly);
    }
    TreeSet<Long> nanos = new TreeSet<>();
    for (double seconds : asked) {
      nanos.add(Math.max(1, Math.round(seconds * 1e9)));
    }
    List<Double> grid = nanos.stream().map(n -> n / 1e9).toList();
    return new Plan(jobIndex, plan, young, daly, grid);
  }

  private static double needsFailures(TrainingJobSpec job, String name, double seconds) {
    if (!Double.isFinite(seconds)) {
      throw new IllegalArgumentException(
          "--intervals: '"
              + name
              + "' needs a job that failures can interrupt, and nothing can interrupt job '"
              + job.name()
              + "' (M is infinite)");
    }
    return seconds;
  }

  /**
   * Runs a planned study: at every interval the same replications.
   *
   * @param lostGpuHourDollars value of a GPU-hour of the job's progress, to price the token
   *     differences against the current interval
   */
  public static CheckpointStudyResult run(
      String scenario,
      FactorySpec factory,
      RunSpec run,
      Plan plan,
      int replications,
      int threads,
      double lostGpuHourDollars,
      ProgressListener progress) {
    TrainingJobSpec job = (TrainingJobSpec) factory.workloads().get(plan.jobIndex());
    List<Double> grid = plan.intervalsSeconds();
    int points = grid.size();
    double[][] ettr = new double[points][];
    double[][] tokens = new double[points][];
    List<Replications.Config> configs = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      configs.add(
          new Replications.Config(
              scenario, withFixedInterval(factory, plan.jobIndex(), grid.get(p)), run));
    }
    Replications.runEach(
        configs,
        replications,
        threads,
        progress,
        (p, set) -> {
          ettr[p] = set.column(set.indexOf(MetricKeys.job(job.name(), MetricKeys.ETTR)));
          tokens[p] = set.column(set.indexOf(MetricKeys.job(job.name(), MetricKeys.TOKENS)));
        });

    int best = 0;
    for (int p = 1; p < points; p++) {
      if (mean(ettr[p]) > mean(ettr[best])) {
        best = p;
      }
    }
    int current = grid.indexOf(nearestGridValue(grid, plan.currentSeconds()));
    // Tokens into dollars: the GPU-hours of the job's progress that the tokens stand for.
    double gpuHoursPerToken =
        job.tokensPerIteration() > 0
            ? job.gpus() * (job.iteration().period().toNanos() / 3.6e12) / job.tokensPerIteration()
            : Double.NaN;
    Metric ettrMetric = new Metric("ettr", "1", "Job ETTR", 0);
    Metric tokensMetric = new Metric("tokens", "tokens", "Job tokens", 0);
    Metric gapMetric = new Metric("ettr_gap_to_best", "1", "Best ETTR - this ETTR (paired)", 0);
    Metric moreTokens =
        new Metric("tokens_vs_current", "tokens", "This interval's tokens - current's", 0);
    Metric moreDollars =
        new Metric("dollars_vs_current", "$", "Value of those tokens' GPU-hours", 0);
    List<CheckpointStudyResult.Point> out = new ArrayList<>();
    double low = grid.get(best);
    double high = grid.get(best);
    for (int p = 0; p < points; p++) {
      double[] gap = new double[replications];
      double[] extra = new double[replications];
      double[] value = new double[replications];
      for (int r = 0; r < replications; r++) {
        gap[r] = ettr[best][r] - ettr[p][r];
        extra[r] = tokens[p][r] - tokens[current][r];
        value[r] = extra[r] * gpuHoursPerToken * lostGpuHourDollars;
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
              gapStats,
              MetricStats.of(moreTokens, extra),
              MetricStats.of(moreDollars, value)));
    }
    return new CheckpointStudyResult(
        scenario,
        job.name(),
        run.seed(),
        replications,
        plan.plan().checkpointSeconds(),
        job.restart().toNanos() / 1e9,
        plan.plan().mtbfKillSeconds() / 3600,
        plan.youngSeconds(),
        plan.dalySeconds(),
        out,
        best,
        low,
        high,
        current,
        lostGpuHourDollars);
  }

  private static double nearestGridValue(List<Double> grid, double seconds) {
    long nanos = Math.max(1, Math.round(seconds * 1e9));
    return nanos / 1e9;
  }

  private static int findJob(FactorySpec factory, Optional<String> jobName) {
    for (int i = 0; i < factory.workloads().size(); i++) {
      if (!(factory.workloads().get(i) instanceof TrainingJobSpec j)) {
        continue;
      }
      if (jobName.isPresent() ? j.name().equals(jobName.get()) : j.checkpoint().isPresent()) {
        if (j.checkpoint().isEmpty()) {
          throw new IllegalArgumentException(
              "job '" + j.name() + "' has no checkpoints to study; give it a checkpoint");
        }
        return i;
      }
    }
    List<String> names = factory.trainingJobs().stream().map(TrainingJobSpec::name).toList();
    throw new IllegalArgumentException(
        jobName
            .map(n -> "no job named '" + n + "'; jobs: " + names)
            .orElse("no job with checkpoints; jobs: " + names));
  }

  private static FactorySpec withFixedInterval(FactorySpec f, int jobIndex, double seconds) {
    CheckpointSpec cp = ((TrainingJobSpec) f.workloads().get(jobIndex)).checkpoint().orElseThrow();
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
    List<WorkloadSpec> jobs = new ArrayList<>(f.workloads());
    jobs.set(jobIndex, ((TrainingJobSpec) jobs.get(jobIndex)).withCheckpoint(Optional.of(cp)));
    return new FactorySpec(
        f.catalog(), f.facility(), f.clusters(), jobs, f.failures(), f.power(), f.site());
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
