package org.aifactory.model.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.aifactory.metrics.LoadShapingResult;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10: load shaping's energy, peaks and ramps against hand computations. One system of 8 GPUs
 * of 1 kW TDP and 200 W idle, nothing else in the racks, PUE 1 (so GPU, IT and site power differ
 * only by what storage draws); iterations of 10 s: 5 s computing at 1 kW, 5 s communicating at 20 %
 * of TDP, 200 W (idle).
 */
class LoadShapingTest {
  private static final double TDP = 1_000;
  private static final double IDLE = 200;
  private static final int GPUS = 8;
  private static final long S = 1_000_000_000L;

  private static final HardwareCatalog CATALOG =
      HardwareCatalog.builtIn()
          .withGpu(new GpuType("T", TDP, IDLE))
          .withSystem(new SystemType("S", "T", GPUS, new OtherItPower.Fixed(0)));

  private static TrainingJobSpec job(
      long iterations,
      Optional<CheckpointSpec> checkpoint,
      Optional<PowerSmoothingSpec> smoothing,
      Optional<FillerSpec> filler) {
    return new TrainingJobSpec(
        "train",
        "c",
        GPUS,
        Duration.ZERO,
        new IterationProfile(Duration.ofSeconds(10), 0.5, 1.0, 0.2),
        1_000,
        checkpoint,
        Duration.ofMinutes(1),
        iterations > 0 ? OptionalLong.of(iterations) : OptionalLong.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        smoothing,
        filler);
  }

  private static RunResult run(
      TrainingJobSpec job,
      Optional<RackStorageSpec> storage,
      PulseResolution resolution,
      Duration horizon) {
    return run(job, storage, resolution, horizon, FailureSpec.none());
  }

  private static RunResult run(
      TrainingJobSpec job,
      Optional<RackStorageSpec> storage,
      PulseResolution resolution,
      Duration horizon,
      FailureSpec failures) {
    FactorySpec f =
        new FactorySpec(
            CATALOG,
            new FacilitySpec(1.0),
            List.of(
                new ClusterSpec(
                    "c", "S", 1, Optional.empty(), Optional.empty(), Optional.empty(), storage)),
            List.of(job),
            failures);
    return new FactoryRun(
            "shape", f, new RunSpec(horizon, 1, resolution, ObservationSpec.defaults()))
        .complete();
  }

  private static Optional<CheckpointSpec> checkpoints() {
    // every 5 iterations, 20 s at 25 % of TDP (250 W)
    return Optional.of(new CheckpointSpec(Duration.ofSeconds(50), Duration.ofSeconds(20), 0.25));
  }

  private static double metric(RunResult r, String key) {
    return r.metrics().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow().value();
  }

  /**
   * A floor of 45 % (450 W) lifts 100 communication phases of 5 s from 200 W and 20 checkpoints of
   * 20 s from 250 W: 8 × (250 W × 500 s + 200 W × 400 s) = 1.64 MJ more, and no token more.
   */
  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void aFloorCostsItsLiftOverTheLulls(PulseResolution resolution) {
    Optional<PowerSmoothingSpec> floor =
        Optional.of(
            new PowerSmoothingSpec(
                0.45, PowerSmoothingSpec.UNLIMITED, PowerSmoothingSpec.UNLIMITED, Duration.ZERO));
    RunResult plain =
        run(
            job(100, checkpoints(), Optional.empty(), Optional.empty()),
            Optional.empty(),
            resolution,
            Duration.ofHours(1));
    RunResult shaped =
        run(
            job(100, checkpoints(), floor, Optional.empty()),
            Optional.empty(),
            resolution,
            Duration.ofHours(1));
    double extra = GPUS * (250 * 500.0 + 200 * 400.0);
    assertThat(shaped.energyGpuJoules() - plain.energyGpuJoules())
        .isCloseTo(extra, within(1e-9 * shaped.energyGpuJoules()));
    assertThat(shaped.tokens()).isEqualTo(plain.tokens());
    LoadShapingResult s = shaped.loadShaping().orElseThrow();
    assertThat(s.floorJoules()).isCloseTo(extra, within(1e-6));
    assertThat(s.fillerJoules()).isZero();
    assertThat(s.rampJoules()).isCloseTo(0, within(1e-6));
    assertThat(metric(shaped, MetricKeys.SHAPING_EXTRA_FACILITY_MWH) * 3.6e9)
        .isCloseTo(extra, within(1e-6));
    assertThat(s.unshapedFacilityJoules())
        .isCloseTo(plain.energyFacilityJoules(), within(1e-9 * plain.energyFacilityJoules()));
    assertThat(plain.loadShaping()).isEmpty();
  }

  /** Filler work at 60 % lifts the same lulls from 200 W and 250 W to 600 W. */
  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void fillerWorkCostsItsLiftOverTheLulls(PulseResolution resolution) {
    Duration done = Duration.ofSeconds(1_400); // 100 iterations and 20 checkpoints
    RunResult plain =
        run(
            job(100, checkpoints(), Optional.empty(), Optional.empty()),
            Optional.empty(),
            resolution,
            done);
    RunResult shaped =
        run(
            job(100, checkpoints(), Optional.empty(), Optional.of(new FillerSpec(0.6))),
            Optional.empty(),
            resolution,
            done);
    double extra = GPUS * (400 * 500.0 + 350 * 400.0);
    assertThat(shaped.energyGpuJoules() - plain.energyGpuJoules())
        .isCloseTo(extra, within(1e-9 * shaped.energyGpuJoules()));
    assertThat(shaped.loadShaping().orElseThrow().fillerJoules()).isCloseTo(extra, within(1e-6));
    assertThat(shaped.tokens()).isEqualTo(plain.tokens());
    if (resolution == PulseResolution.FULL) {
      // lifted to 600 W in the lulls: the site swings between 8 × 600 W and 8 × 1 kW
      assertThat(shaped.power().minWatts()).isEqualTo(GPUS * 600);
      assertThat(shaped.loadShaping().orElseThrow().unshapedMinWatts()).isEqualTo(GPUS * 200);
    }
  }

  private static final PowerSmoothingSpec RAMPS =
      new PowerSmoothingSpec(0, 1_600, 800, Duration.ofMillis(250));

  /**
   * Ramps of 1,600 W/s up and 800 W/s down with a 250 ms hold: every iteration (from 200 W) ramps
   * up 0.5 s, holds 1 kW until 5.25 s, ramps down 1 s and rests at 200 W for 3.75 s: 600 × 0.5 +
   * 1,000 × 4.75 + 600 × 1 + 200 × 3.75 = 6,400 J per GPU (the steps: 6,000 J). The site ramps at
   * most 4,800 W/s over 1 s windows (the window [0 s, 1 s) averages 6,400 W after 1,600 W), where
   * the steps ramp 6,400 W/s.
   */
  @Test
  void rampsCostTheirTrapezoidsAndSoftenTheSitesRamp() {
    RunResult r =
        run(
            job(10, Optional.empty(), Optional.of(RAMPS), Optional.empty()),
            Optional.empty(),
            PulseResolution.FULL,
            Duration.ofHours(1));
    assertThat(r.jobs().get(0).energyGpuJoules() - GPUS * IDLE * 100)
        .isCloseTo(GPUS * 10 * (6_400 - 10 * IDLE), within(1e-6));
    LoadShapingResult s = r.loadShaping().orElseThrow();
    assertThat(s.rampJoules()).isCloseTo(GPUS * 10 * 400, within(1e-6));
    assertThat(r.power().peakWatts()).isCloseTo(GPUS * TDP, within(1e-9));
    assertThat(r.power().maxRampWattsPerSecond()).isCloseTo(4_800, within(1e-6));
    assertThat(s.unshapedMaxRampWattsPerSecond()).isCloseTo(6_400, within(1e-6));
    assertThat(s.unshapedPeakWatts()).isEqualTo(GPUS * TDP);
    // each compute phase spends 0.5 s ramping up
    assertThat(s.rampLimitedGpuHours()).isCloseTo(GPUS * 10 * 0.5 / 3600, within(1e-12));
    assertThat(r.tokens()).isEqualTo(10_000);
  }

  /** A hysteresis longer than the lull holds the compute power through it: no swing at all. */
  @Test
  void aHoldLongerThanTheLullKeepsThePowerFlat() {
    PowerSmoothingSpec hold = new PowerSmoothingSpec(0, 1_600, 800, Duration.ofSeconds(6));
    RunResult r =
        run(
            job(0, Optional.empty(), Optional.of(hold), Optional.empty()),
            Optional.empty(),
            PulseResolution.FULL,
            Duration.ofSeconds(100));
    // from 200 W up to 1 kW in 0.5 s, then 1 kW to the horizon
    double joules = GPUS * (600 * 0.5 + 1_000 * 99.5);
    assertThat(r.energyGpuJoules()).isCloseTo(joules, within(1e-9 * joules));
    assertThat(r.power().minWatts()).isEqualTo(GPUS * IDLE); // the first instant
    assertThat(r.series().bucketCount()).isPositive();
  }

  /**
   * The hold's end is a kink only when the lull is not over first. Steps (no ramp limits) and a
   * hold of h: each of 10 iterations draws 1 kW for 5 s + min(h, 5 s), then 200 W for the rest of
   * the lull. A hold that ends within a lull, or exactly at its end (the kink then comes before the
   * compute phase at the same instant), is one event per iteration; a longer one is none: the next
   * compute phase finds the power still held, and the job's end holds it on for h − 5 s more (one
   * kink, after the work is done at 100 s).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      longs = {250_000_000L, 4_999_999_999L, 5_000_000_000L, 5_000_000_001L, 6_000_000_000L})
  void aHoldEndIsAnEventOnlyWhenTheLullOutlastsIt(long holdNanos) {
    PowerSmoothingSpec hold =
        new PowerSmoothingSpec(
            0,
            PowerSmoothingSpec.UNLIMITED,
            PowerSmoothingSpec.UNLIMITED,
            Duration.ofNanos(holdNanos));
    RunResult plain =
        run(
            job(10, Optional.empty(), Optional.empty(), Optional.empty()),
            Optional.empty(),
            PulseResolution.FULL,
            Duration.ofSeconds(200));
    RunResult held =
        run(
            job(10, Optional.empty(), Optional.of(hold), Optional.empty()),
            Optional.empty(),
            PulseResolution.FULL,
            Duration.ofSeconds(200));
    double h = holdNanos / 1e9;
    double perGpu =
        h <= 5
            ? 10 * (1_000 * (5 + h) + IDLE * (5 - h)) + IDLE * 100
            : 1_000 * (95 + h) + IDLE * (105 - h);
    assertThat(held.energyGpuJoules())
        .isCloseTo(GPUS * perGpu, within(1e-9 * held.energyGpuJoules()));
    assertThat(held.eventsProcessed() - plain.eventsProcessed()).isEqualTo(h <= 5 ? 10 : 1);
    assertThat(held.power().peakWatts()).isEqualTo(GPUS * 1_000.0);
    assertThat(held.power().minWatts()).isEqualTo(GPUS * IDLE);
  }

  /**
   * A hold that outlasts the lull is cut short by no event, but still ends when the lull's end does
   * not come: a job failure at 17.5 s, in the second lull, sends the job to a 1-min restart; the
   * power, held at 1 kW since 15 s for 6 s, falls to idle at 21 s (steps, no ramp limits), and the
   * failures every 17.5 s after that only restart the restart. Over 60 s: 1 kW × 21 s + 200 W × 39
   * s per GPU.
   */
  @Test
  void aHoldOutlastingTheLullEndsWhenAFailureStopsTheJob() {
    PowerSmoothingSpec hold =
        new PowerSmoothingSpec(
            0, PowerSmoothingSpec.UNLIMITED, PowerSmoothingSpec.UNLIMITED, Duration.ofSeconds(6));
    org.aifactory.model.failure.FailureCause bug =
        new org.aifactory.model.failure.FailureCause(
            "bug",
            org.aifactory.model.failure.FailureScope.JOB,
            new org.aifactory.model.failure.TimeDistribution.Fixed(17.5),
            new org.aifactory.model.failure.TimeDistribution.Fixed(0),
            false);
    RunResult r =
        run(
            job(0, Optional.empty(), Optional.of(hold), Optional.empty()),
            Optional.empty(),
            PulseResolution.FULL,
            Duration.ofSeconds(60),
            new FailureSpec(
                new org.aifactory.model.failure.FailureProfile("bugs", List.of(bug)),
                Duration.ZERO,
                0));
    assertThat(r.jobs().get(0).interruptions()).isEqualTo(3);
    double joules = GPUS * (1_000 * 21.0 + IDLE * 39);
    assertThat(r.energyGpuJoules()).isCloseTo(joules, within(1e-9 * joules));
  }

  /**
   * A rack store: 10 kJ, a target of 75 % of the rack's design IT (6 kW, 4.4 kW above its 1.6 kW
   * idle base), 90 % round trip. Computing, the rack's load is 6.4 kW above base: the store gives 2
   * kW for exactly 5 s; in the lull (load 0 above base) it takes 4.4 kW until 10 kJ are back, 10 /
   * (0.9 × 4.4) s. So the site peaks at 6 kW instead of 8 kW, and every iteration draws 4.4 kW × (5
   * + 2.525 s) above base: 32 kJ of load and 1.111 kJ of losses.
   */
  @Test
  void aRackStoreHoldsTheRackAtItsTargetAndConservesEnergy() {
    Optional<RackStorageSpec> store =
        Optional.of(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerSystem(10_000),
                new RackStorageSpec.Target.OfDesignIt(0.75),
                0.9));
    RunResult r =
        run(
            job(0, Optional.empty(), Optional.empty(), Optional.empty()),
            store,
            PulseResolution.FULL,
            Duration.ofSeconds(100));
    LoadShapingResult s = r.loadShaping().orElseThrow();
    double loss = 10 * 10_000 / 0.9 * 0.1;
    // (each kink lands on the next whole nanosecond: 4.4 kW × 1 ns = 4.4 µJ per iteration)
    assertThat(s.storageLossJoules()).isCloseTo(loss, within(1e-4));
    // conservation: IT (the rack's draw) − GPU (its load) = losses (the store ends full)
    assertThat(r.energyItJoules() - r.energyGpuJoules())
        .isCloseTo(loss, within(1e-9 * r.energyItJoules()));
    double draw = 10 * 4_400 * (5 + 10_000 / (0.9 * 4_400));
    assertThat(r.energyItJoules()).isCloseTo(1_600 * 100 + draw, within(1e-3));
    assertThat(r.power().peakWatts()).isCloseTo(6_000, within(1e-9));
    assertThat(s.unshapedPeakWatts()).isEqualTo(8_000);
    assertThat(metric(r, MetricKeys.SHAPING_PEAK_CUT)).isCloseTo(0.25, within(1e-12));
    assertThat(s.rackPeakCut()).isCloseTo(1 - 4_400 / 6_400.0, within(1e-12));

    // Half the store empties 2.5 s into each compute phase: the peak is not cut.
    Optional<RackStorageSpec> half =
        Optional.of(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerGpu(625),
                new RackStorageSpec.Target.OfDesignIt(0.75),
                0.9));
    RunResult small =
        run(
            job(0, Optional.empty(), Optional.empty(), Optional.empty()),
            half,
            PulseResolution.FULL,
            Duration.ofSeconds(100));
    assertThat(small.power().peakWatts()).isEqualTo(8_000);
    assertThat(small.loadShaping().orElseThrow().rackPeakCut()).isZero();
    assertThat(small.energyItJoules() - small.energyGpuJoules())
        .isCloseTo(
            small.loadShaping().orElseThrow().storageLossJoules(),
            within(1e-9 * small.energyItJoules()));
  }

  /**
   * Everything at once, with checkpoints, over a day: averaged resolution folds each iteration into
   * its steady cycle; energy and tokens agree with full resolution within 0.1 %. The second store
   * is large: refilled during each checkpoint, it takes many iterations to drain to its steady
   * state (the averaged stretch must account for that way down).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {8_000, 400_000})
  void averagedAgreesWithFullWithinATenthOfAPercent(double storeJoules) {
    TrainingJobSpec j =
        job(
            0,
            checkpoints(),
            Optional.of(new PowerSmoothingSpec(0.3, 1_600, 400, Duration.ofMillis(700))),
            Optional.of(new FillerSpec(0.25)));
    Optional<RackStorageSpec> store =
        Optional.of(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerSystem(storeJoules),
                new RackStorageSpec.Target.OfDesignIt(0.7),
                0.9));
    Duration horizon = Duration.ofDays(1).plusSeconds(3);
    RunResult full = run(j, store, PulseResolution.FULL, horizon);
    RunResult avg = run(j, store, PulseResolution.AVERAGED, horizon);
    for (double[] pair :
        new double[][] {
          {full.energyGpuJoules(), avg.energyGpuJoules()},
          {full.energyItJoules(), avg.energyItJoules()},
          {full.energyFacilityJoules(), avg.energyFacilityJoules()},
          {full.tokens(), avg.tokens()},
          {
            full.loadShaping().orElseThrow().gpuJoules(),
            avg.loadShaping().orElseThrow().gpuJoules()
          },
          {
            full.loadShaping().orElseThrow().storageLossJoules(),
            avg.loadShaping().orElseThrow().storageLossJoules()
          },
        }) {
      assertThat(pair[1]).isCloseTo(pair[0], within(1e-3 * Math.abs(pair[0])));
    }
  }
}
