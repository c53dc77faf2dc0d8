package org.aifactory.model.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8 §2: a capped job's duration, tokens and energy equal the hand computation from the power
 * curve, exactly. One DGX H100 (8 GPUs at 700 W, idle 80 W; the default V100 median curve: 0.904 of
 * full throughput at 60 % of TDP), 100 iterations of 10 s (compute 5 s at 100 % of TDP, then
 * communication 5 s at 30 %), 1,000 tokens each. Under a 60 % cap the compute phase draws 420 W and
 * takes ⌈5 s / 0.904⌉ (to the nanosecond); communication, at 210 W, is below the cap and unchanged.
 */
class PowerCapTest {
  private static final long COMPUTE = 5_000_000_000L;
  private static final long COMMUNICATION = 5_000_000_000L;
  private static final double SPEED = 0.904;
  private static final long CAPPED_COMPUTE = (long) Math.ceil(COMPUTE / SPEED);
  private static final int GPUS = 8;
  private static final int ITERATIONS = 100;

  private static RunResult run(
      PulseResolution resolution,
      Optional<PowerCapSchedule> clusterCap,
      Optional<PowerCapSchedule> jobCap) {
    TrainingJobSpec job =
        new TrainingJobSpec(
            "train",
            "c",
            GPUS,
            Duration.ZERO,
            new IterationProfile(Duration.ofSeconds(10), 0.5, 1.0, 0.3),
            1_000,
            Optional.empty(),
            Duration.ofMinutes(1),
            OptionalLong.of(ITERATIONS),
            jobCap);
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.0),
            List.of(new ClusterSpec("c", "DGX-H100", 1, clusterCap, Optional.empty())),
            List.of(job),
            FailureSpec.none());
    return new FactoryRun(
            "cap", f, new RunSpec(Duration.ofDays(1), 1, resolution, ObservationSpec.defaults()))
        .complete();
  }

  private static Optional<PowerCapSchedule> cap(double fraction) {
    return Optional.of(PowerCapSchedule.constant(new PowerCapSchedule.Cap.OfTdp(fraction)));
  }

  @Test
  void aCappedJobAtFullResolutionTakesExactlyTheCurvesTime() {
    RunResult r = run(PulseResolution.FULL, cap(0.6), Optional.empty());
    JobResult j = r.jobs().get(0);
    assertThat(CAPPED_COMPUTE).isEqualTo(5_530_973_452L);
    long perIteration = CAPPED_COMPUTE + COMMUNICATION;
    assertThat(j.completionHours()).isEqualTo(ITERATIONS * perIteration / 3.6e12);
    assertThat(j.tokens()).isEqualTo(ITERATIONS * 1_000L);
    double joulesPerGpu = 420 * (CAPPED_COMPUTE / 1e9) + 210 * (COMMUNICATION / 1e9);
    assertThat(j.energyGpuJoules())
        .isCloseTo(GPUS * ITERATIONS * joulesPerGpu, within(1e-9 * j.energyGpuJoules()));
    // Throttling: the time beyond the full-speed length, at 1,000 tokens per 10 s.
    double throttledTokens = ITERATIONS * (CAPPED_COMPUTE - COMPUTE) * 1e-7;
    LostProduction p = j.lostProduction();
    assertThat(p.throttlingCap()).isCloseTo(throttledTokens, within(1e-6));
    assertThat(p.throttlingThermal()).isZero();
    assertThat(p.total()).isCloseTo(p.throttling(), within(1e-6)); // nothing else was lost
    assertThat(r.gpuHours().throttling())
        .isCloseTo(GPUS * ITERATIONS * (CAPPED_COMPUTE - COMPUTE) / 3.6e12, within(1e-12));
    assertThat(r.gpuHours().throttled())
        .isCloseTo(GPUS * ITERATIONS * CAPPED_COMPUTE / 3.6e12, within(1e-12));
  }

  /**
   * Averaged: the 100 iterations are one stretch paced at 10 s / (5 s / 0.904 + 5 s) per iteration,
   * so the job ends at ⌈100 × (5 s / 0.904 + 5 s)⌉ and draws the iteration's mean power.
   */
  @Test
  void aCappedJobAtAveragedResolutionTakesTheStretchsPacedTime() {
    RunResult r = run(PulseResolution.AVERAGED, cap(0.6), Optional.empty());
    JobResult j = r.jobs().get(0);
    double iteration = COMPUTE / SPEED + COMMUNICATION;
    long end = (long) Math.ceil(ITERATIONS * 1e10 / (1e10 / iteration));
    assertThat(j.completionHours()).isEqualTo(end / 3.6e12);
    assertThat(j.tokens()).isEqualTo(ITERATIONS * 1_000L);
    double meanWatts = (420 * (COMPUTE / SPEED) + 210 * COMMUNICATION) / iteration;
    assertThat(j.energyGpuJoules())
        .isCloseTo(GPUS * meanWatts * end / 1e9, within(1e-9 * j.energyGpuJoules()));
    assertThat(j.lostProduction().throttlingCap())
        .isCloseTo((end - ITERATIONS * 1e10) * 1e-7, within(1e-6));
  }

  /** Full and averaged agree under a cap within one nanosecond per iteration. */
  @Test
  void fullAndAveragedAgreeUnderACap() {
    RunResult full = run(PulseResolution.FULL, cap(0.6), Optional.empty());
    RunResult avg = run(PulseResolution.AVERAGED, cap(0.6), Optional.empty());
    assertThat(avg.jobs().get(0).completionHours())
        .isCloseTo(full.jobs().get(0).completionHours(), within(ITERATIONS / 3.6e12));
    assertThat(avg.energyGpuJoules())
        .isCloseTo(full.energyGpuJoules(), within(1e-6 * full.energyGpuJoules()));
  }

  /**
   * A cap from 503 s (3 s into iteration 51's compute phase): 3 s of compute done at full speed,
   * the other 2 s paced at 0.904, then the rest capped. The job's own cap works the same way.
   */
  @ParameterizedTest
  @EnumSource(Where.class)
  void aCapThatArrivesMidPhaseMovesTheEndExactly(Where where) {
    PowerCapSchedule schedule =
        new PowerCapSchedule(
            List.of(
                new PowerCapSchedule.Step(
                    Duration.ofSeconds(503), new PowerCapSchedule.Cap.Watts(420))));
    RunResult r =
        where == Where.CLUSTER
            ? run(PulseResolution.FULL, Optional.of(schedule), Optional.empty())
            : run(PulseResolution.FULL, Optional.empty(), Optional.of(schedule));
    long rest = (long) Math.ceil(2e9 / SPEED);
    long end = 503_000_000_000L + rest + COMMUNICATION + 49 * (CAPPED_COMPUTE + COMMUNICATION);
    assertThat(r.jobs().get(0).completionHours()).isEqualTo(end / 3.6e12);
  }

  /**
   * Caps that change while failures strike (planned and unplanned, at both resolutions): the job's
   * time still splits exactly: the parts add up to the total and the unfinished iteration is less
   * than one iteration.
   */
  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void throttlingAndFailuresKeepTheBooksExact(PulseResolution resolution) {
    PowerCapSchedule schedule =
        new PowerCapSchedule(
            List.of(
                new PowerCapSchedule.Step(
                    Duration.ofMinutes(37), cap(0.6).get().steps().get(0).cap()),
                new PowerCapSchedule.Step(
                    Duration.ofMinutes(191), new PowerCapSchedule.Cap.OfTdp(0.45)),
                new PowerCapSchedule.Step(
                    Duration.ofMinutes(433), new PowerCapSchedule.Cap.OfTdp(0.9)),
                new PowerCapSchedule.Step(
                    Duration.ofMinutes(800), new PowerCapSchedule.Cap.OfTdp(0.7))));
    TrainingJobSpec job =
        new TrainingJobSpec(
            "train",
            "c",
            64,
            Duration.ZERO,
            new IterationProfile(Duration.ofMillis(7_300), 0.7, 0.95, 0.5),
            1_000,
            Optional.of(new CheckpointSpec(Duration.ofMinutes(40), Duration.ofSeconds(30), 0.2)),
            Duration.ofMinutes(3),
            OptionalLong.empty(),
            Optional.of(schedule));
    FactorySpec f =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.0),
            List.of(new ClusterSpec("c", "DGX-H100", 9)),
            List.of(job),
            new FailureSpec(
                org.aifactory.model.failure.FailureProfile.llama3().scaled(400),
                Duration.ofMinutes(1),
                0));
    for (int rep = 0; rep < 4; rep++) {
      RunResult r =
          new FactoryRun(
                  "mixed",
                  f,
                  new RunSpec(Duration.ofDays(1), 5, resolution, ObservationSpec.defaults()),
                  rep,
                  false)
              .complete();
      LostProduction p = r.jobs().get(0).lostProduction();
      assertThat(r.jobs().get(0).interruptions()).isPositive();
      assertThat(p.throttlingCap()).isPositive();
      double parts =
          p.checkpoint()
              + p.lostWork()
              + p.restart()
              + p.waiting()
              + p.throttling()
              + p.incompleteIteration();
      assertThat(p.total()).isCloseTo(parts, within(1e-9 * p.idealTokens()));
      assertThat(p.incompleteIteration()).isBetween(0.0, 1_000.0);
      assertThat(p.lostWork()).isNotNegative();
      double installed = r.gpuHours().installed();
      double sum =
          r.gpuHours().productive()
              + r.gpuHours().lostWork()
              + r.gpuHours().throttling()
              + r.gpuHours().checkpoint()
              + r.gpuHours().restart()
              + r.gpuHours().waiting()
              + r.gpuHours().idle()
              + r.gpuHours().down();
      assertThat(sum).isCloseTo(installed, within(1e-9 * installed));
      assertThat(r.gpuHours().productive()).isPositive();
    }
  }

  enum Where {
    CLUSTER,
    JOB
  }

  /** A cap at or above every phase's power changes nothing but the events that set it. */
  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void aCapThatDoesNotBindChangesNothing(PulseResolution resolution) {
    RunResult free = run(resolution, Optional.empty(), Optional.empty());
    RunResult capped = run(resolution, cap(1.0), cap(1.0));
    assertThat(withoutEvents(capped)).isEqualTo(withoutEvents(free));
    assertThat(capped.eventsProcessed()).isEqualTo(free.eventsProcessed() + 2);
  }

  private static List<org.aifactory.metrics.Metric> withoutEvents(RunResult r) {
    return r.metrics().stream().filter(m -> !m.key().equals("events_processed")).toList();
  }

  /** The lower of the cluster's and the job's cap applies. */
  @Test
  void theLowerCapApplies() {
    RunResult both = run(PulseResolution.FULL, cap(0.8), cap(0.6));
    RunResult job = run(PulseResolution.FULL, Optional.empty(), cap(0.6));
    assertThat(both.jobs().get(0).completionHours()).isEqualTo(job.jobs().get(0).completionHours());
  }
}
