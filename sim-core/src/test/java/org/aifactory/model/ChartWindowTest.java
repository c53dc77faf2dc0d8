package org.aifactory.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** Where the full-resolution window lands when the scenario does not say. */
class ChartWindowTest {
  private static final long S = 1_000_000_000L;

  /** 16 H100 training in 6 s iterations, a 2 min checkpoint every hour, 5 min restarts. */
  private static FactorySpec factory(double crashMeanHours) {
    FailureCause crash =
        new FailureCause(
            "crash",
            FailureScope.JOB,
            new TimeDistribution.Exponential(crashMeanHours * 3600),
            new TimeDistribution.Fixed(0),
            false);
    return new FactorySpec(
        HardwareCatalog.builtIn(),
        new FacilitySpec(1.2),
        List.of(new ClusterSpec("c", "DGX-H100", 2)),
        List.of(
            new TrainingJobSpec(
                "train",
                "c",
                16,
                Duration.ZERO,
                new IterationProfile(Duration.ofSeconds(6), 0.7, 1.0, 0.3),
                1_000,
                Optional.of(new CheckpointSpec(Duration.ofHours(1), Duration.ofMinutes(2), 0.15)),
                Duration.ofMinutes(5),
                OptionalLong.empty())),
        new FailureSpec(new FailureProfile("p", List.of(crash)), Duration.ZERO, 0));
  }

  private static RunResult run(FactorySpec f, long seed) {
    return new FactoryRun(
            "w",
            f,
            new RunSpec(
                Duration.ofHours(12), seed, PulseResolution.AVERAGED, ObservationSpec.defaults()))
        .complete();
  }

  @Test
  void anUndisturbedRunShowsItsFirstPlannedCheckpoint() {
    RunResult r = run(factory(1.5), 3);
    assertThat(r.events().get(0).timeNanos()).isGreaterThan(3780 * S); // after the window
    PowerSeries s = r.series();
    // 1 h = 600 iterations of 6 s; 60 s (10 iterations) before it, 2 min, 60 s after
    assertThat(s.windowStartNanos()).isEqualTo(3540 * S);
    assertThat(s.windowEndNanos()).isEqualTo(3780 * S);
    assertWindowShowsACheckpoint(s);
  }

  /**
   * A failure before the first planned checkpoint moves every checkpoint; the planned window would
   * show nothing but flat averaged iterations. The window follows the checkpoint the run shows.
   */
  @Test
  void aFailureBeforeTheFirstCheckpointMovesTheWindowToTheCheckpointTheRunShows() {
    RunResult r = run(factory(1.5), 12);
    long failure = r.events().get(0).timeNanos();
    assertThat(failure).isLessThan(3600 * S);
    assertThat(r.events().get(1).timeNanos()).isGreaterThan(failure + 4200 * S);
    // restart 5 min, then 1 h of iterations: the checkpoint starts at failure + 3,900 s
    long checkpoint = failure + 3900 * S;
    PowerSeries s = r.series();
    assertThat(s.windowStartNanos()).isEqualTo(checkpoint - 60 * S);
    assertThat(s.windowEndNanos()).isEqualTo(checkpoint + 180 * S);
    assertWindowShowsACheckpoint(s);
  }

  /** Iterating, the 2 min checkpoint from 60 s on at a lower level, iterating again. */
  private static void assertWindowShowsACheckpoint(PowerSeries s) {
    long ws = s.windowStartNanos();
    assertThat(s.stepCount()).isEqualTo(3);
    assertThat(s.stepTimeNanos(0)).isEqualTo(ws);
    assertThat(s.stepTimeNanos(1)).isEqualTo(ws + 60 * S);
    assertThat(s.stepTimeNanos(2)).isEqualTo(ws + 180 * S);
    assertThat(s.stepWatts(1)).isLessThan(0.7 * s.stepWatts(0));
    assertThat(s.stepWatts(2)).isEqualTo(s.stepWatts(0));
  }
}
