package org.aifactory.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;

/** Hand-made run results for tests. */
final class Results {
  static final long SECOND = 1_000_000_000L;
  static final long HOUR = 3600 * SECOND;

  private Results() {}

  /** 2 h, 1,024 GPUs, 4 buckets of 30 min, a 10 s window at 1 h with 5 steps, two jobs. */
  static RunResult small(PulseResolution resolution) {
    PowerSeries series =
        new PowerSeries(
            HOUR / 2,
            new double[] {1.0e6, 1.2e6, 0.9e6, 1.1e6},
            new double[] {1.5e6, 1.6e6, 1.4e6, 1.5e6},
            new double[] {2.0e6, 2.0e6, 1.9e6, 2.1e6},
            HOUR,
            HOUR + 10 * SECOND,
            new long[] {
              HOUR, HOUR + 2 * SECOND, HOUR + 4 * SECOND, HOUR + 6 * SECOND, HOUR + 8 * SECOND
            },
            new double[] {2.0e6, 1.0e6, 2.0e6, 1.0e6, 2.0e6});
    return result("small-test", resolution, Duration.ofHours(2), 1024, series, 1.5e6, false);
  }

  /** Like {@link #small} but with no step in the window. */
  static RunResult emptyWindow() {
    PowerSeries series =
        new PowerSeries(
            HOUR,
            new double[] {1.0e6, 1.0e6},
            new double[] {1.0e6, 1.0e6},
            new double[] {1.0e6, 1.0e6},
            0,
            0,
            new long[0],
            new double[0]);
    return result(
        "empty-window", PulseResolution.FULL, Duration.ofHours(2), 8, series, 1.0e6, false);
  }

  /**
   * 12 h, 16,384 GPUs, 1000 buckets (43.2 s), a 1-minute checkpoint every 30 min, a 2-minute window
   * at 5 h with 2 s square pulses (1 s compute, 1 s communication) and a 20 s checkpoint drop.
   */
  static RunResult realistic(PulseResolution resolution) {
    long horizon = 12 * HOUR;
    int buckets = 1000;
    long width = horizon / buckets;
    double compute = 27.0e6;
    double comm = 17.0e6;
    double checkpoint = 12.0e6;
    double[] min = new double[buckets];
    double[] mean = new double[buckets];
    double[] max = new double[buckets];
    long checkpointEvery = HOUR / 2;
    long checkpointLength = 60 * SECOND;
    for (int i = 0; i < buckets; i++) {
      long start = i * width;
      long end = start + width;
      // Checkpoint seconds inside this bucket.
      long cpStart = (start / checkpointEvery) * checkpointEvery + checkpointEvery / 2;
      long overlap =
          Math.max(0, Math.min(end, cpStart + checkpointLength) - Math.max(start, cpStart));
      double cpShare = overlap / (double) width;
      if (resolution == PulseResolution.FULL) {
        min[i] = cpShare > 0 ? checkpoint : comm;
        max[i] = compute;
      } else {
        min[i] = cpShare > 0 ? checkpoint : (compute + comm) / 2;
        max[i] = cpShare >= 1 ? checkpoint : (compute + comm) / 2;
      }
      mean[i] = cpShare * checkpoint + (1 - cpShare) * (compute + comm) / 2;
    }
    long ws = 5 * HOUR;
    long we = ws + 120 * SECOND;
    int steps = 0;
    long[] times = new long[130];
    double[] watts = new double[130];
    for (long t = ws; t < we; ) {
      boolean inCheckpoint = t >= ws + 70 * SECOND && t < ws + 90 * SECOND;
      times[steps] = t;
      if (inCheckpoint) {
        watts[steps++] = checkpoint;
        t = ws + 90 * SECOND;
      } else if (resolution == PulseResolution.FULL) {
        watts[steps++] = ((t - ws) / SECOND) % 2 == 0 ? compute : comm;
        t += SECOND;
      } else {
        watts[steps++] = (compute + comm) / 2;
        t = t < ws + 70 * SECOND ? ws + 70 * SECOND : we;
      }
    }
    PowerSeries series =
        new PowerSeries(
            width,
            min,
            mean,
            max,
            ws,
            we,
            java.util.Arrays.copyOf(times, steps),
            java.util.Arrays.copyOf(watts, steps));
    return result(
        "gpt-pretrain-16k", resolution, Duration.ofHours(12), 16_384, series, 21.5e6, true);
  }

  /** {@link #realistic} without failures: no causes, no interruptions, no events. */
  static RunResult failureFree(PulseResolution resolution) {
    RunResult r = realistic(resolution);
    return result(
        "gpt-pretrain-16k",
        resolution,
        r.horizon(),
        r.gpus(),
        r.series(),
        r.power().meanWatts(),
        false);
  }

  /**
   * Energy from the mean site power (PUE 1.25, GPUs 80 % of IT), two jobs of half the GPUs each.
   * With failures: five causes, 39 interruptions, lost production and events; without: no causes.
   */
  private static RunResult result(
      String name,
      PulseResolution resolution,
      Duration horizon,
      int gpus,
      PowerSeries series,
      double meanSiteWatts,
      boolean failures) {
    double seconds = horizon.toNanos() / 1e9;
    double facility = meanSiteWatts * seconds;
    double it = facility / 1.25;
    double gpuEnergy = it * 0.8;
    double installed = gpus * seconds / 3600;
    GpuHours hours =
        failures
            ? new GpuHours(
                installed,
                installed * 0.8,
                installed * 0.04,
                installed * 0.03,
                installed * 0.02,
                installed * 0.01,
                installed * 0.07,
                installed * 0.03,
                installed * 0.54,
                installed * 0.3)
            : new GpuHours(
                installed,
                installed * 0.9,
                0,
                installed * 0.04,
                0,
                0,
                installed * 0.06,
                0,
                installed * 0.6,
                installed * 0.3);
    double peak = 0;
    double low = Double.POSITIVE_INFINITY;
    for (int i = 0; i < series.bucketCount(); i++) {
      peak = Math.max(peak, series.maxWatts(i));
      low = Math.min(low, series.minWatts(i));
    }
    PowerStats power = new PowerStats(peak, meanSiteWatts, low, 9.87e6, peak - low, 1);
    long tokensPerJob = 1_234_567_890_123L;
    List<String> causes = failures ? CAUSES : List.of();
    List<JobResult> jobs =
        List.of(
            job(
                "pretrain-a",
                "east",
                gpus / 2,
                10_000,
                tokensPerJob,
                12,
                gpuEnergy / 2,
                failures ? new long[] {12, 2, 5, 3, 1} : null,
                Double.NaN,
                1800),
            job(
                "pretrain-b",
                "west",
                gpus / 2,
                9_000,
                tokensPerJob - 1,
                11,
                gpuEnergy / 2,
                failures ? new long[] {9, 1, 4, 2, 0} : null,
                failures ? 10.5 : Double.NaN,
                failures ? 1523.4 : 1800));
    return new RunResult(
        name,
        42,
        horizon,
        resolution,
        gpus,
        gpuEnergy,
        it,
        facility,
        2 * tokensPerJob - 1,
        hours,
        power,
        123_456_789L,
        jobs,
        series,
        0,
        causes,
        failures ? events(jobs, horizon) : List.of(),
        Optional.empty());
  }

  /** Failure causes of {@link #realistic}, in profile order. */
  static final List<String> CAUSES =
      List.of("faulty_gpu", "nic", "software_bug", "network_switch_cable", "planned_maintenance");

  /**
   * A job; {@code interruptions} per cause of {@link #CAUSES}, or null for a failure-free job. Lost
   * production: the checkpoint part is 3 % of the tokens; each interruption loses 2.5e9 tokens of
   * work, 0.4e9 restarting and, for hardware causes, 0.3e9 waiting; 1.5e6 tokens of incomplete
   * iteration.
   */
  private static JobResult job(
      String name,
      String cluster,
      int gpus,
      long iterations,
      long tokens,
      long checkpoints,
      double energy,
      long[] interruptions,
      double completionHours,
      double intervalSeconds) {
    Map<String, Long> byCause = new LinkedHashMap<>();
    Map<String, Double> lost = new LinkedHashMap<>();
    Map<String, Double> restart = new LinkedHashMap<>();
    Map<String, Double> waiting = new LinkedHashMap<>();
    if (interruptions != null) {
      for (int c = 0; c < CAUSES.size(); c++) {
        String cause = CAUSES.get(c);
        long n = interruptions[c];
        byCause.put(cause, n);
        lost.put(cause, n * 2.5e9);
        restart.put(cause, n * 0.4e9);
        waiting.put(cause, c < 2 ? n * 0.3e9 : 0.0);
      }
    }
    double checkpoint = tokens * 0.03;
    double incomplete = 1.5e6;
    double ideal = tokens + checkpoint + incomplete;
    for (String cause : CAUSES) {
      ideal += lost.getOrDefault(cause, 0.0);
      ideal += restart.getOrDefault(cause, 0.0);
      ideal += waiting.getOrDefault(cause, 0.0);
    }
    LostProduction production =
        new LostProduction(
            ideal, tokens, checkpoint, lost, restart, waiting, incomplete, Double.NaN);
    long total = byCause.values().stream().mapToLong(Long::longValue).sum();
    double ettr = interruptions == null ? 0.9634 : name.endsWith("a") ? 0.9123 : 0.9301;
    return new JobResult(
        name,
        cluster,
        gpus,
        iterations,
        tokens,
        checkpoints,
        energy,
        ettr,
        byCause,
        completionHours,
        intervalSeconds,
        interruptions == null ? Double.POSITIVE_INFINITY : 12.0 / Math.max(total, 1),
        production,
        Double.NaN);
  }

  /**
   * One interruption row per interruption of each job, in time order, and a repair 5 min later
   * after each hardware interruption; the last repair did not finish before the end of the run.
   */
  private static List<FailureLog.Row> events(List<JobResult> jobs, Duration horizon) {
    List<FailureLog.Row> rows = new ArrayList<>();
    long step = horizon.toNanos() / 50;
    long t = step;
    for (JobResult j : jobs) {
      for (Map.Entry<String, Long> e : j.interruptionsByCause().entrySet()) {
        boolean hardware = CAUSES.indexOf(e.getKey()) < 2;
        String component =
            hardware ? j.cluster() + "/system-" + (t / step) % 97 : "job/" + j.name();
        for (long i = 0; i < e.getValue(); i++) {
          rows.add(
              new FailureLog.Row(
                  t,
                  FailureLog.Kind.INTERRUPTION,
                  component,
                  e.getKey(),
                  j.name(),
                  j.gpus() * 0.25,
                  20 * 60 * SECOND));
          if (hardware) {
            rows.add(
                new FailureLog.Row(
                    t + 5 * 60 * SECOND,
                    FailureLog.Kind.REPAIR,
                    component,
                    e.getKey(),
                    "",
                    0,
                    5 * 60 * SECOND));
          }
          t += step / 2 + 1;
        }
      }
    }
    for (int i = rows.size() - 1; i >= 0; i--) {
      FailureLog.Row r = rows.get(i);
      if (r.kind() == FailureLog.Kind.REPAIR) {
        rows.set(
            i,
            new FailureLog.Row(r.timeNanos(), r.kind(), r.component(), r.cause(), r.job(), 0, -1));
        break;
      }
    }
    return rows;
  }

  /** {@code r} with its jobs renamed, in order, to {@code names}. */
  static RunResult withJobNames(RunResult r, String... names) {
    List<JobResult> jobs = new ArrayList<>();
    for (int i = 0; i < r.jobs().size(); i++) {
      JobResult j = r.jobs().get(i);
      jobs.add(
          new JobResult(
              names[i],
              j.cluster(),
              j.gpus(),
              j.iterations(),
              j.tokens(),
              j.checkpoints(),
              j.energyGpuJoules(),
              j.ettr(),
              j.interruptionsByCause(),
              j.completionHours(),
              j.checkpointIntervalSeconds(),
              j.mtbfKillHours(),
              j.lostProduction(),
              j.mtbiHours()));
    }
    return new RunResult(
        r.scenario(),
        r.seed(),
        r.horizon(),
        r.pulseResolution(),
        r.gpus(),
        r.energyGpuJoules(),
        r.energyItJoules(),
        r.energyFacilityJoules(),
        r.tokens(),
        r.gpuHours(),
        r.power(),
        r.eventsProcessed(),
        jobs,
        r.series(),
        r.replication(),
        r.causes(),
        r.events(),
        r.electrical());
  }

  /** {@code r} with another name, horizon and power series. */
  static RunResult with(RunResult r, String name, Duration horizon, PowerSeries series) {
    return new RunResult(
        name,
        r.seed(),
        horizon,
        r.pulseResolution(),
        r.gpus(),
        r.energyGpuJoules(),
        r.energyItJoules(),
        r.energyFacilityJoules(),
        r.tokens(),
        r.gpuHours(),
        r.power(),
        r.eventsProcessed(),
        r.jobs(),
        series,
        r.replication(),
        r.causes(),
        r.events(),
        r.electrical());
  }

  /**
   * {@code n} replications of {@link #realistic} (averaged pulses): replication r has every metric
   * of replication 0 times 1 ± 0.002·r (alternating), small counts ±1, counts rounded; the horizon,
   * GPUs and per-job settings stay, and so do non-finite values.
   */
  static ReplicationSet replications(int n) {
    return replications(realistic(PulseResolution.AVERAGED), n);
  }

  /** {@code n} replications of {@code first}, varied as in {@link #replications(int)}. */
  static ReplicationSet replications(RunResult first, int n) {
    List<List<Metric>> all = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      double factor = 1 + 0.002 * r * (r % 2 == 0 ? 1 : -1);
      List<Metric> ms = new ArrayList<>();
      for (Metric m : first.metrics()) {
        boolean fixed = FIXED.matcher(m.key()).find();
        double v = fixed ? m.value() : m.value() * factor;
        if (!fixed && m.isCount() && Math.abs(v) < 1e4) {
          v = Math.max(0, m.value() + (r == 0 ? 0 : r % 3 - 1)); // small counts: -1, 0 or +1
        }
        ms.add(new Metric(m.key(), m.unit(), m.definition(), m.isCount() ? Math.rint(v) : v));
      }
      all.add(ms);
    }
    return new ReplicationSet(first, all);
  }

  /** Metrics that replications do not change. */
  private static final java.util.regex.Pattern FIXED =
      java.util.regex.Pattern.compile(
          "^(horizon_hours|gpus|gpu_hours.installed|power_mw.ramp_window_s)$"
              + "|(checkpoint_interval_s|mtbf_kill_hours)$");

  /**
   * A study of 17 intervals, Daly's (2250 s) × 2^(k/4) for k = -8..8, 20 replications each, with δ
   * = 300 s, R = 600 s, M = 3.1 h; ETTR from a first-order model, best at the largest ETTR, and the
   * optimum's range where the gap's half-width covers it.
   */
  static CheckpointStudyResult checkpointStudy() {
    double delta = 300;
    double restart = 600;
    double m = 3.1 * 3600;
    double daly = 2250;
    double young = Math.sqrt(2 * delta * m);
    int reps = 20;
    List<Double> grid = new ArrayList<>();
    double[] ettr = new double[17];
    for (int k = -8; k <= 8; k++) {
      double tau = daly * Math.pow(2, k / 4.0);
      grid.add(tau);
      ettr[k + 8] = tau / (tau + delta) * (1 - (tau / 2 + restart) / m);
    }
    int best = 0;
    for (int i = 1; i < ettr.length; i++) {
      if (ettr[i] > ettr[best]) {
        best = i;
      }
    }
    Metric like = new Metric("ettr", "1", "", 0);
    List<CheckpointStudyResult.Point> points = new ArrayList<>();
    double low = grid.get(best);
    double high = grid.get(best);
    for (int i = 0; i < ettr.length; i++) {
      double gap = ettr[best] - ettr[i];
      double gapCi = i == best ? 0 : 0.004;
      if (gap - gapCi <= 0) {
        low = Math.min(low, grid.get(i));
        high = Math.max(high, grid.get(i));
      }
      points.add(
          new CheckpointStudyResult.Point(
              grid.get(i),
              new MetricStats("ettr", "1", "", ettr[i], 0.012, 0.0056, reps),
              new MetricStats("tokens", "tokens", "", ettr[i] * 3.0e13, 3.0e11, 1.4e11, reps),
              new MetricStats(
                  "ettr_gap_to_best", "1", "", gap, i == best ? 0 : 0.0085, gapCi, reps),
              new MetricStats(
                  "tokens_vs_current",
                  "tokens",
                  "",
                  (ettr[i] - ettr[CURRENT]) * 3.0e13,
                  1e10,
                  5e9,
                  reps),
              new MetricStats(
                  "dollars_vs_current",
                  "$",
                  "",
                  (ettr[i] - ettr[CURRENT]) * 3.0e13 * 1e-6,
                  1e4,
                  5e3,
                  reps)));
    }
    return new CheckpointStudyResult(
        "llama3-405b-54d",
        "llama3-405b",
        7,
        reps,
        delta,
        restart,
        m / 3600,
        young,
        daly,
        points,
        best,
        low,
        high,
        CURRENT,
        2.5);
  }

  /** The study's current interval: Daly × 2 (index 12 of the 17-point grid). */
  static final int CURRENT = 12;

  static RunTimings timings() {
    return new RunTimings(2.5, 3.25, 123_456_789L);
  }
}
