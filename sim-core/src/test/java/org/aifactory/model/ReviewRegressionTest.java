package org.aifactory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.metrics.PowerRecorder;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** Bugs found in review, each pinned by the smallest case that showed it. */
class ReviewRegressionTest {
  private static final IterationProfile IT =
      new IterationProfile(Duration.ofSeconds(10), 0.5, 1.0, 0.5);

  private static TrainingJobSpec job(
      String name, int gpus, Optional<CheckpointSpec> cp, OptionalLong work) {
    return new TrainingJobSpec(
        name, "c", gpus, Duration.ZERO, IT, 1_000, cp, Duration.ofMinutes(1), work);
  }

  private static RunSpec run(Duration horizon, PulseResolution r) {
    return new RunSpec(horizon, 3, r, ObservationSpec.defaults());
  }

  private static FailureProfile only(FailureCause c) {
    return new FailureProfile("p", List.of(c));
  }

  @Test
  void averagedJobWithoutCheckpointsSurvivesPlannedStops() {
    FailureCause planned =
        new FailureCause(
            "planned",
            FailureScope.JOB,
            new TimeDistribution.Exponential(6 * 3600),
            new TimeDistribution.Fixed(0),
            true);
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 1)),
            List.of(job("j", 8, Optional.empty(), OptionalLong.empty())),
            new FailureSpec(only(planned), Duration.ZERO, 0));
    RunResult r =
        new FactoryRun("x", f, run(Duration.ofDays(20), PulseResolution.AVERAGED)).complete();
    assertThat(r.interruptions()).isGreaterThan(20);
    // Planned stops keep the work: iterations ≈ time iterating / period.
    assertThat(r.jobs().get(0).iterations()).isGreaterThan(20L * 8640 * 9 / 10);
  }

  @Test
  void jobsTakeWholeSystems() {
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 1)),
            List.of(
                job("a", 4, Optional.empty(), OptionalLong.empty()),
                job("b", 4, Optional.empty(), OptionalLong.empty())));
    assertThat(f.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("workloads[1].gpus");
              assertThat(p.message()).contains("whole systems");
            });
  }

  @Test
  void aFinishedJobDrawsNoMorePowerOfItsOwn() {
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 1)),
            List.of(job("j", 8, Optional.empty(), OptionalLong.of(360))));
    RunResult r =
        new FactoryRun("x", f, run(Duration.ofHours(10), PulseResolution.FULL)).complete();
    // 360 iterations of 10 s at a mean 0.75 x 700 W on 8 GPUs = 1 h.
    assertThat(r.jobs().get(0).completionHours()).isCloseTo(1.0, within(1e-9));
    assertThat(r.jobs().get(0).energyGpuJoules()).isCloseTo(8 * 700 * 0.75 * 3600, within(1e-3));
    // The site still sees the idle GPUs afterwards.
    assertThat(r.energyGpuJoules())
        .isCloseTo(8 * 700 * 0.75 * 3600 + 8 * 80 * 9 * 3600, within(1e-3));
  }

  @Test
  void lossOfPowerDoesNotInventAFailureRateForYoungOrDaly() {
    PowerSystemSpec power =
        new PowerSystemSpec(
            1,
            RedundancyDesign.parse("N+1"),
            500_000,
            Optional.empty(),
            1,
            true,
            Duration.ofMinutes(30),
            UtilitySpec.perfect(),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit(),
            Optional.empty());
    CheckpointSpec daly =
        new CheckpointSpec(
            Duration.ofMinutes(40), Duration.ofMinutes(1), 0.2, CheckpointPolicy.DALY);
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 8)),
            List.of(job("j", 64, Optional.of(daly), OptionalLong.empty())),
            FailureSpec.none(),
            Optional.of(power));
    var j =
        new FactoryRun("x", f, run(Duration.ofHours(1), PulseResolution.AVERAGED))
            .complete()
            .jobs()
            .get(0);
    assertThat(j.mtbfKillHours()).isInfinite();
    assertThat(j.checkpointIntervalSeconds()).isEqualTo(2400);
  }

  @Test
  void centuryLongTimesToFailureNeverFireWithinTheHorizon() {
    FailureCause rare =
        new FailureCause(
            "rare",
            FailureScope.SYSTEM,
            new TimeDistribution.Weibull(0.9, 1e5 * 365 * 86_400.0),
            new TimeDistribution.Fixed(3600),
            false);
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 50)),
            List.of(),
            new FailureSpec(only(rare), Duration.ZERO, 0));
    RunResult r =
        new FactoryRun("x", f, run(Duration.ofDays(365L * 100), PulseResolution.AVERAGED))
            .complete();
    assertThat(r.gpuHours().down()).isLessThan(0.01 * r.gpuHours().installed());
  }

  @Test
  void aQuietWindowShowsTheLevelInForceWhenItOpened() {
    long s = 1_000_000_000L;
    PowerRecorder rec = new PowerRecorder(100 * s, 10, s, 40 * s, 50 * s, 0);
    rec.set(0, 500);
    rec.set(60 * s, 100);
    rec.finish();
    assertThat(rec.series().stepCount()).isEqualTo(1);
    assertThat(rec.series().stepWatts(0)).isEqualTo(500);
  }
}
