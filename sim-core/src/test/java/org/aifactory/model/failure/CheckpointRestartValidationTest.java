package org.aifactory.model.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoint-restart against the exact expected wall time (docs/sources.md §3): with exponential
 * job-killing failures at rate 1/M that strike during work, checkpoints and restarts, checkpoint
 * cost δ, restart R and interval τ, useful work T_s takes T_w = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ.
 *
 * <p>Tolerance: the 99.9 % Student-t confidence half-width of the mean over the replications (so a
 * correct model fails about once in a thousand seeds; the seeds are fixed, so the test is
 * deterministic). Nothing else is allowed for: the model has no approximation here.
 */
class CheckpointRestartValidationTest {
  private static final int REPLICATIONS = 2_000;
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;

  private static final HardwareCatalog CATALOG =
      HardwareCatalog.empty()
          .withGpu(new GpuType("G", 1000, 100))
          .withSystem(new SystemType("S", "G", 8, new OtherItPower.Fixed(0)));

  @ParameterizedTest(name = "M={0} h, delta={1} h, R={2} h, tau={3} h")
  @CsvSource({
    // M, δ, R, τ (hours), segments of work
    "10, 0.1, 0.2, 1, 20",
    "2, 0.25, 0.25, 1, 20",
    "1, 0.5, 0.5, 0.5, 20", // δ and R comparable to M
    "1, 0.3, 0.8, 2, 8", // τ > M: most segments fail at least once
    "5, 0.05, 0, 0.25, 40"
  })
  void meanWallTimeMatchesTheExactFormula(
      double mHours, double deltaHours, double rHours, double tauHours, int segments) {
    long period = Math.round(tauHours * NANOS_PER_HOUR / 50); // 50 iterations per segment
    long tau = 50 * period;
    double tauH = (double) tau / NANOS_PER_HOUR;
    FailureProfile profile =
        new FailureProfile(
            "kill",
            List.of(
                new FailureCause(
                    "job_kill",
                    FailureScope.JOB,
                    new TimeDistribution.Exponential(mHours * 3600),
                    new TimeDistribution.Fixed(0),
                    false)));
    TrainingJobSpec job =
        new TrainingJobSpec(
            "j",
            "c",
            8,
            Duration.ZERO,
            new IterationProfile(Duration.ofNanos(period), 0.5, 1, 0.5),
            1,
            Optional.of(new CheckpointSpec(Duration.ofNanos(tau), hours(deltaHours), 0.2)),
            hours(rHours),
            OptionalLong.of(50L * segments));
    FactorySpec factory =
        new FactorySpec(
            CATALOG,
            new FacilitySpec(1),
            List.of(new ClusterSpec("c", "S", 1)),
            List.of(job),
            new FailureSpec(profile, Duration.ZERO, 0));
    double ts = segments * tauH;
    double expected =
        mHours
            * Math.exp(rHours / mHours)
            * (Math.exp((tauH + deltaHours) / mHours) - 1)
            * ts
            / tauH;
    // A horizon far beyond the mean, so every replication completes.
    RunSpec run =
        new RunSpec(
            hours(expected * 40), 20261122, PulseResolution.AVERAGED, ObservationSpec.defaults());
    SummaryStatistics wall = new SummaryStatistics();
    for (int r = 0; r < REPLICATIONS; r++) {
      RunResult result = new FactoryRun("validation", factory, run, r, false).complete();
      JobResult j = result.jobs().get(0);
      assertThat(j.completionHours()).as("replication %d completed", r).isFinite();
      assertThat(j.iterations()).isEqualTo(50L * segments);
      wall.addValue(j.completionHours());
    }
    double t = new TDistribution(REPLICATIONS - 1).inverseCumulativeProbability(0.9995);
    double halfWidth = t * wall.getStandardDeviation() / Math.sqrt(REPLICATIONS);
    assertThat(wall.getMean())
        .as(
            "mean wall time %.4f h vs T_w %.4f h (99.9%% CI half-width %.4f h)",
            wall.getMean(), expected, halfWidth)
        .isBetween(expected - halfWidth, expected + halfWidth);
  }

  private static Duration hours(double h) {
    return Duration.ofNanos(Math.round(h * NANOS_PER_HOUR));
  }
}
