package org.aifactory.report;

import java.time.Duration;
import java.util.List;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.PowerStats;
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
    return result("small-test", resolution, Duration.ofHours(2), 1024, series, 1.5e6);
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
    return result("empty-window", PulseResolution.FULL, Duration.ofHours(2), 8, series, 1.0e6);
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
    return result("gpt-pretrain-16k", resolution, Duration.ofHours(12), 16_384, series, 21.5e6);
  }

  private static RunResult result(
      String name,
      PulseResolution resolution,
      Duration horizon,
      int gpus,
      PowerSeries series,
      double meanSiteWatts) {
    double seconds = horizon.toNanos() / 1e9;
    double facility = meanSiteWatts * seconds;
    double it = facility / 1.25;
    double gpuEnergy = it * 0.8;
    double installed = gpus * seconds / 3600;
    GpuHours hours =
        new GpuHours(
            installed, installed * 0.6, installed * 0.3, installed * 0.04, installed * 0.06);
    double peak = 0;
    double low = Double.POSITIVE_INFINITY;
    for (int i = 0; i < series.bucketCount(); i++) {
      peak = Math.max(peak, series.maxWatts(i));
      low = Math.min(low, series.minWatts(i));
    }
    PowerStats power = new PowerStats(peak, meanSiteWatts, low, 9.87e6, peak - low, 1);
    long tokensPerJob = 1_234_567_890_123L;
    List<JobResult> jobs =
        List.of(
            new JobResult("pretrain-a", "east", gpus / 2, 10_000, tokensPerJob, 12, gpuEnergy / 2),
            new JobResult(
                "pretrain-b", "west", gpus / 2, 9_000, tokensPerJob - 1, 11, gpuEnergy / 2));
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
        series);
  }

  static RunTimings timings() {
    return new RunTimings(2.5, 3.25, 123_456_789L);
  }
}
