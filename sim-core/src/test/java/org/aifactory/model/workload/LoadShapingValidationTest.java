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
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10 §2, validation: the energy of a smoothing floor against its formula at several duty
 * cycles, energy conservation with every mitigation at once (and failures moving racks in and out
 * of the job), and the peak a rack store cuts from a square wave against its sizing by hand.
 *
 * <p>Racks of 8 GPUs of 1 kW TDP and 200 W idle, nothing else in them, PUE 1: site, IT and GPU
 * power differ only by what the racks' storage draws.
 */
class LoadShapingValidationTest {
  private static final double TDP = 1_000;
  private static final double IDLE = 200;
  private static final int GPUS = 8;
  private static final double JOULES_PER_GPU_HOUR = 3_600;

  private static final HardwareCatalog CATALOG =
      HardwareCatalog.builtIn()
          .withGpu(new GpuType("T", TDP, IDLE))
          .withSystem(new SystemType("S", "T", GPUS, new OtherItPower.Fixed(0)));

  private static TrainingJobSpec job(
      IterationProfile iteration,
      long iterations,
      Optional<CheckpointSpec> checkpoint,
      Optional<PowerSmoothingSpec> smoothing,
      Optional<FillerSpec> filler) {
    return new TrainingJobSpec(
        "train",
        "c",
        GPUS,
        Duration.ZERO,
        iteration,
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
      int systems,
      Optional<RackStorageSpec> storage,
      FailureSpec failures,
      PulseResolution resolution,
      Duration horizon) {
    FactorySpec f =
        new FactorySpec(
            CATALOG,
            new FacilitySpec(1.0),
            List.of(
                new ClusterSpec(
                    "c",
                    "S",
                    systems,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    storage)),
            List.of(job),
            failures);
    return new FactoryRun(
            "validate", f, new RunSpec(horizon, 1, resolution, ObservationSpec.defaults()))
        .complete();
  }

  /**
   * The work estimate counts the kinks of a shaped load (ramp ends, hold ends, a store emptying and
   * filling): it bounds the events fired from above (here it is exact: 2 phase changes and 7 kinks
   * per iteration), and is above the unshaped count.
   */
  @org.junit.jupiter.api.Test
  void theWorkEstimateBoundsTheEventsOfAShapedLoad() {
    IterationProfile iteration = new IterationProfile(Duration.ofSeconds(10), 0.5, 1.0, 0.2);
    TrainingJobSpec j =
        job(
            iteration,
            0,
            Optional.empty(),
            Optional.of(new PowerSmoothingSpec(0, 1_600, 800, Duration.ofMillis(250))),
            Optional.empty());
    Optional<RackStorageSpec> store =
        Optional.of(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerSystem(5_000),
                new RackStorageSpec.Target.OfDesignIt(0.7),
                0.9));
    FactorySpec f =
        new FactorySpec(
            CATALOG,
            new FacilitySpec(1.0),
            List.of(
                new ClusterSpec(
                    "c", "S", 1, Optional.empty(), Optional.empty(), Optional.empty(), store)),
            List.of(j),
            FailureSpec.none());
    RunSpec spec =
        new RunSpec(Duration.ofHours(1), 1, PulseResolution.FULL, ObservationSpec.defaults());
    double estimate = org.aifactory.model.WorkEstimate.of(f, spec).events();
    long fired = new FactoryRun("estimate", f, spec).complete().eventsProcessed();
    double iterations = 3_600 / 10.0;
    // the estimate leaves out the job's start
    assertThat((double) fired).isGreaterThan(2 * iterations).isLessThanOrEqualTo(estimate + 1);
    assertThat(estimate).isGreaterThanOrEqualTo(9 * iterations);
  }

  private static PowerSmoothingSpec floorOnly(double fraction) {
    return new PowerSmoothingSpec(
        fraction, PowerSmoothingSpec.UNLIMITED, PowerSmoothingSpec.UNLIMITED, Duration.ZERO);
  }

  /**
   * A floor f over N iterations of period T, compute fraction D, communication power c (of TDP),
   * with a checkpoint of δ at power k every K iterations (N a multiple of K): it costs exactly GPUS
   * × TDP × [max(0, f − c) × (1 − D) × T × N + max(0, f − k) × δ × N / K] (the compute phase at 100
   * % is above every floor), and no token.
   */
  @ParameterizedTest(name = "D {0}, c {1}, k {2}, f {3}, {4}")
  @CsvSource({
    "0.3, 0.25, 0.2,  0.5, FULL",
    "0.3, 0.25, 0.2,  0.5, AVERAGED",
    "0.7, 0.3,  0.15, 0.45, FULL",
    "0.7, 0.3,  0.15, 0.45, AVERAGED",
    "0.9, 0.2,  0.25, 0.8, FULL",
    "0.9, 0.2,  0.25, 0.8, AVERAGED",
    "0.5, 0.6,  0.2,  0.4, FULL",
    "0.5, 0.6,  0.2,  0.4, AVERAGED",
  })
  void aFloorCostsWhatTheFormulaSaysAtAnyDutyCycle(
      double duty, double comm, double ckptPower, double floor, PulseResolution resolution) {
    long n = 120;
    long k = 6;
    double period = 7;
    double delta = 25;
    IterationProfile iteration = new IterationProfile(Duration.ofSeconds(7), duty, 1.0, comm);
    Optional<CheckpointSpec> checkpoint =
        Optional.of(
            new CheckpointSpec(
                Duration.ofSeconds((long) (k * period)), Duration.ofSeconds(25), ckptPower));
    Duration horizon = Duration.ofHours(1);
    RunResult plain =
        run(
            job(iteration, n, checkpoint, Optional.empty(), Optional.empty()),
            1,
            Optional.empty(),
            FailureSpec.none(),
            resolution,
            horizon);
    RunResult floored =
        run(
            job(iteration, n, checkpoint, Optional.of(floorOnly(floor)), Optional.empty()),
            1,
            Optional.empty(),
            FailureSpec.none(),
            resolution,
            horizon);
    // the structure the formula assumes: N iterations, N / K checkpoints
    assertThat(plain.tokens()).isEqualTo(n * 1_000);
    assertThat(plain.gpuHours().checkpoint() * JOULES_PER_GPU_HOUR)
        .isCloseTo(GPUS * (double) (n / k) * delta, within(1e-9));
    double expected =
        GPUS
            * TDP
            * (Math.max(0, floor - comm) * (1 - duty) * period * n
                + Math.max(0, floor - ckptPower) * delta * (n / k));
    LoadShapingResult s = floored.loadShaping().orElseThrow();
    assertThat(s.floorJoules()).isCloseTo(expected, within(1e-9 * floored.energyGpuJoules()));
    assertThat(floored.energyGpuJoules() - plain.energyGpuJoules())
        .isCloseTo(expected, within(1e-9 * floored.energyGpuJoules()));
    assertThat(floored.energyFacilityJoules() - plain.energyFacilityJoules())
        .isCloseTo(expected, within(1e-9 * floored.energyFacilityJoules()));
    assertThat(floored.tokens()).isEqualTo(plain.tokens());
  }

  /**
   * Every mitigation at once: a floor, ramp limits and a hysteresis, filler work, rack storage,
   * checkpoints, and failures of whole systems that swap a spare rack (with its full store) into
   * the job and take the failed one's store away. The site's energy is the unshaped loads' + what
   * the shaping added on the GPUs + the storage's losses + the change of the energy it holds, to
   * 1e-9 of the site's energy; and the racks' draw is their load + losses + that change.
   */
  @ParameterizedTest(name = "{0}, failures {1}")
  @CsvSource({"FULL, true", "AVERAGED, true", "FULL, false", "AVERAGED, false"})
  void everyMitigationAtOnceConservesEnergy(PulseResolution resolution, boolean withFailures) {
    IterationProfile iteration = new IterationProfile(Duration.ofSeconds(10), 0.5, 1.0, 0.2);
    TrainingJobSpec j =
        job(
            iteration,
            0,
            Optional.of(new CheckpointSpec(Duration.ofSeconds(50), Duration.ofSeconds(20), 0.25)),
            Optional.of(new PowerSmoothingSpec(0.3, 1_600, 400, Duration.ofMillis(700))),
            Optional.of(new FillerSpec(0.25)));
    Optional<RackStorageSpec> store =
        Optional.of(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerSystem(8_000),
                new RackStorageSpec.Target.OfDesignIt(0.7),
                0.9));
    FailureSpec failures =
        new FailureSpec(
            new FailureProfile(
                "racks",
                List.of(
                    new FailureCause(
                        "host",
                        FailureScope.SYSTEM,
                        new TimeDistribution.Exponential(3 * 3_600),
                        new TimeDistribution.Exponential(20 * 60),
                        false))),
            Duration.ofMinutes(2),
            0);
    // Without failures, checkpoints every 5 iterations make a cycle of 70 s, and the run ends
    // 2.5 s into an iteration: the store (full after the checkpoint) is part way through a
    // discharge. With failures the phase at the horizon is the failures'.
    Duration horizon = Duration.ofSeconds(1_234 * 70).plusMillis(2_500);
    RunResult r =
        run(j, 2, store, withFailures ? failures : FailureSpec.none(), resolution, horizon);
    LoadShapingResult s = r.loadShaping().orElseThrow();
    if (withFailures) {
      assertThat(r.interruptions()).as("failures moved racks").isPositive();
    } else if (resolution == PulseResolution.FULL) {
      assertThat(s.storageChangeJoules()).isNegative();
    }
    double site = r.energyFacilityJoules();
    double books =
        s.unshapedFacilityJoules()
            + s.gpuJoules()
            + s.storageLossJoules()
            + s.storageChangeJoules();
    assertThat(books).isCloseTo(site, within(1e-9 * site));
    assertThat(r.energyItJoules() - r.energyGpuJoules())
        .isCloseTo(s.storageLossJoules() + s.storageChangeJoules(), within(1e-9 * site));
    assertThat(s.fillerJoules()).isPositive();
    assertThat(s.floorJoules()).isPositive();
  }

  /**
   * A rack store sized by hand for a square wave: computing, a rack's load is 6.4 kW above its 1.6
   * kW idle base for D·T = 5 s; in the lull it is at its base. A target draw of P above base needs
   * (6.4 kW − P) × 5 s from the store each period and refills in η·P·t ≤ 5 s. With the store just
   * above that size the site peaks at 1.6 kW + P, just below it at the unshaped 8 kW: a target of 4
   * kW above base (5.6 kW per rack) cuts the peak by 30 %, NVIDIA's "up to 30 %" (§9), and needs 12
   * kJ per rack, 1.5 kJ per GPU of this toy.
   */
  @ParameterizedTest(name = "target {0} W above base")
  @CsvSource({"4000, 0.3", "5200, 0.15", "3600, 0.35"})
  void aRackStoreCutsTheSquareWavesPeakAsSizedByHand(double aboveBase, double cut) {
    double base = GPUS * IDLE;
    double load = GPUS * (TDP - IDLE);
    double needed = (load - aboveBase) * 5;
    double eta = 0.9;
    assertThat(eta * aboveBase * 5).as("the lull refills the store").isGreaterThan(needed);
    IterationProfile iteration = new IterationProfile(Duration.ofSeconds(10), 0.5, 1.0, 0.2);
    TrainingJobSpec j = job(iteration, 0, Optional.empty(), Optional.empty(), Optional.empty());
    Duration horizon = Duration.ofSeconds(600);
    for (double size : new double[] {needed * 1.001, needed * 0.999}) {
      RunResult r =
          run(
              j,
              1,
              Optional.of(
                  new RackStorageSpec(
                      new RackStorageSpec.Energy.PerSystem(size),
                      new RackStorageSpec.Target.Watts(base + aboveBase),
                      eta)),
              FailureSpec.none(),
              PulseResolution.FULL,
              horizon);
      LoadShapingResult s = r.loadShaping().orElseThrow();
      assertThat(s.unshapedPeakWatts()).isEqualTo(base + load);
      double peakCut =
          r.metrics().stream()
              .filter(m -> m.key().equals(MetricKeys.SHAPING_PEAK_CUT))
              .findFirst()
              .orElseThrow()
              .value();
      if (size > needed) {
        assertThat(r.power().peakWatts()).isCloseTo(base + aboveBase, within(1e-9 * base));
        assertThat(peakCut).isCloseTo(cut, within(1e-12));
        assertThat(s.rackPeakCut()).isCloseTo(1 - aboveBase / load, within(1e-12));
      } else {
        assertThat(r.power().peakWatts()).isEqualTo(base + load);
        assertThat(peakCut).isZero();
      }
    }
  }
}
