package org.aifactory.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
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

/** Factories for experiment tests. */
final class Factories {
  private Factories() {}

  /** One job killed by exponential job-level failures with mean {@code mtbfHours}. */
  static FactorySpec jobKilledEvery(
      double mtbfHours, Duration checkpoint, Duration restart, Duration interval) {
    return jobKilledEvery("train", mtbfHours, checkpoint, restart, interval);
  }

  /**
   * {@link #jobKilledEvery(double, Duration, Duration, Duration)} with the job named {@code job}.
   */
  static FactorySpec jobKilledEvery(
      String job, double mtbfHours, Duration checkpoint, Duration restart, Duration interval) {
    FailureProfile kill =
        new FailureProfile(
            "kill",
            List.of(
                new FailureCause(
                    "kill",
                    FailureScope.JOB,
                    new TimeDistribution.Exponential(mtbfHours * 3600),
                    new TimeDistribution.Fixed(0),
                    false)));
    return new FactorySpec(
        HardwareCatalog.builtIn(),
        new FacilitySpec(1.2),
        List.of(new ClusterSpec("hall", "DGX-H100", 8)),
        List.of(
            new TrainingJobSpec(
                job,
                "hall",
                64,
                Duration.ZERO,
                new IterationProfile(Duration.ofSeconds(6), 0.7, 1, 0.3),
                1_000_000,
                Optional.of(new CheckpointSpec(interval, checkpoint, 0.15)),
                restart,
                OptionalLong.empty())),
        new FailureSpec(kill, Duration.ZERO, 0));
  }

  /** A small H100 hall with the llama3 profile at 20 times its rates: many interruptions. */
  static FactorySpec busyHall() {
    return new FactorySpec(
        HardwareCatalog.builtIn(),
        new FacilitySpec(1.2),
        List.of(new ClusterSpec("hall", "DGX-H100", 140)),
        List.of(
            new TrainingJobSpec(
                "train",
                "hall",
                1_024,
                Duration.ZERO,
                new IterationProfile(Duration.ofMillis(5_500), 0.7, 1, 0.3),
                16_777_216,
                Optional.of(
                    new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.15)),
                Duration.ofMinutes(5),
                OptionalLong.empty())),
        new FailureSpec(FailureProfile.llama3().scaled(20), Duration.ofMinutes(5), 0));
  }

  static RunSpec averaged(Duration horizon, long seed) {
    return new RunSpec(horizon, seed, PulseResolution.AVERAGED, ObservationSpec.defaults());
  }
}
