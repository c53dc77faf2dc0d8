package org.aifactory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.workload.CheckpointSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FactoryRunTest {
  private static final double J_PER_MWH = 3.6e9;

  /**
   * Hand-computed case. GPU X: TDP 1,000 W, idle 100 W; system S: 4 GPUs + 500 W other IT; 2
   * systems. A 4-GPU job starts at 10 s: 10 s iterations (6 s at 100 %, 4 s at 50 %), a 5 s
   * checkpoint at 20 % after every 3 iterations (interval 25 s rounds up to 30 s of iterations).
   * Horizon 100 s, PUE 1.5. Timeline: idle 0-10, iterate 10-40, checkpoint 40-45, iterate 45-75,
   * checkpoint 75-80, iterate 80-100: 8 iterations, 2 checkpoints.
   */
  private static FactorySpec handFactory() {
    return Specs.factory(
        Specs.TOY_CATALOG,
        1.5,
        List.of(new ClusterSpec("c", "S", 2)),
        List.of(
            Specs.job(
                "j",
                "c",
                4,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                0.6,
                1.0,
                0.5,
                1_000,
                new CheckpointSpec(Duration.ofSeconds(25), Duration.ofSeconds(5), 0.2))));
  }

  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void energyTokensAndGpuHoursMatchTheHandComputation(PulseResolution resolution) {
    RunResult r =
        new FactoryRun("hand", handFactory(), Specs.run(Duration.ofSeconds(100), resolution))
            .complete();
    // Job GPUs: idle 10 s x 400 W + 8 x (6 s x 4 kW + 4 s x 2 kW) + 2 x 5 s x 800 W = 268 kJ.
    // Other GPUs: 4 x 100 W x 100 s = 40 kJ. Other IT: 2 x 500 W x 100 s = 100 kJ.
    assertThat(r.energyGpuJoules()).isCloseTo(308_000, within(1e-6));
    assertThat(r.energyItJoules()).isCloseTo(408_000, within(1e-6));
    assertThat(r.energyFacilityJoules()).isCloseTo(612_000, within(1e-6));
    assertThat(r.pue()).isCloseTo(1.5, within(1e-12));
    assertThat(r.tokens()).isEqualTo(8_000);
    JobResult job = r.jobs().get(0);
    assertThat(job.iterations()).isEqualTo(8);
    assertThat(job.checkpoints()).isEqualTo(2);
    assertThat(job.energyGpuJoules()).isCloseTo(268_000, within(1e-6));
    // GPU-seconds: compute 8 x 6 x 4 = 192, communication 128, checkpoint 40, idle 800 - 360.
    assertThat(r.gpuHours().installed() * 3600).isCloseTo(800, within(1e-9));
    assertThat(r.gpuHours().compute() * 3600).isCloseTo(192, within(1e-9));
    assertThat(r.gpuHours().communication() * 3600).isCloseTo(128, within(1e-9));
    assertThat(r.gpuHours().checkpoint() * 3600).isCloseTo(40, within(1e-9));
    assertThat(r.gpuHours().idle() * 3600).isCloseTo(440, within(1e-9));
    assertThat(r.utilisation()).isCloseTo(320.0 / 800, within(1e-12));
    // Site power: before the start (800 + 1,000) x 1.5 = 2,700 W is the minimum (a checkpoint
    // gives 3,300 W); at full resolution the compute phase (4,000 + 400 + 1,000) x 1.5 = 8,100 W.
    assertThat(r.power().minWatts()).isCloseTo(2_700, within(1e-9));
    assertThat(r.power().meanWatts()).isCloseTo(6_120, within(1e-9));
    if (resolution == PulseResolution.FULL) {
      assertThat(r.power().peakWatts()).isCloseTo(8_100, within(1e-9));
    } else {
      // Averaged: 0.6 x 4 kW + 0.4 x 2 kW = 3.2 kW per iteration -> (3,200 + 1,400) x 1.5.
      assertThat(r.power().peakWatts()).isCloseTo(6_900, within(1e-9));
    }
  }

  @Test
  void otherItPowerAsAFactorOfGpuPowerFollowsTheGpus() {
    HardwareCatalog catalog =
        Specs.TOY_CATALOG.withSystem(new SystemType("S", "X", 4, new OtherItPower.FactorOfGpu(1)));
    FactorySpec f =
        Specs.factory(
            catalog,
            1.0,
            List.of(new ClusterSpec("c", "S", 1)),
            List.of(
                Specs.job(
                    "j", "c", 4, Duration.ZERO, Duration.ofSeconds(10), 0.5, 1.0, 0.0, 1, null)));
    RunResult r =
        new FactoryRun("factor", f, Specs.run(Duration.ofSeconds(100), PulseResolution.FULL))
            .complete();
    // GPUs: 4 kW half the time, 0 W the other half: 200 kJ; IT is twice that.
    assertThat(r.energyGpuJoules()).isCloseTo(200_000, within(1e-6));
    assertThat(r.energyItJoules()).isCloseTo(400_000, within(1e-6));
    assertThat(r.power().peakWatts()).isCloseTo(8_000, within(1e-9));
    assertThat(r.power().minWatts()).isCloseTo(0, within(1e-9));
    // 1 s ramp windows on 5 s phases aligned to whole seconds: an 8 kW step in one window.
    assertThat(r.power().maxRampWattsPerSecond()).isCloseTo(8_000, within(1e-9));
  }

  /**
   * docs/sources.md §7 (Grok-4 estimate): 246e6 H100-hours x 0.70 kW x 0.75 = 129.15 GWh GPU; x
   * 2.03 = 262.17 GWh IT; x PUE 1.2 = 314.61 GWh facility. Here as 24,600 GPUs over 10,000 h.
   */
  @Test
  void reproducesTheGrok4SeedArithmetic() {
    HardwareCatalog catalog =
        HardwareCatalog.builtIn()
            .withSystem(
                new SystemType("DGX-H100", "H100-SXM", 8, new OtherItPower.FactorOfGpu(1.03)));
    FactorySpec f =
        Specs.factory(
            catalog,
            1.2,
            List.of(new ClusterSpec("hall", "DGX-H100", 3_075)),
            List.of(
                Specs.job(
                    "grok4",
                    "hall",
                    24_600,
                    Duration.ZERO,
                    Duration.ofSeconds(2),
                    0.5,
                    1.0,
                    0.5,
                    1,
                    null)));
    RunResult r =
        new FactoryRun("grok4", f, Specs.run(Duration.ofHours(10_000), PulseResolution.AVERAGED))
            .complete();
    assertThat(r.gpuHours().installed()).isCloseTo(246e6, within(1e-3));
    assertThat(r.energyGpuJoules() / J_PER_MWH / 1e3).isCloseTo(129.15, within(129.15e-3));
    assertThat(r.energyItJoules() / J_PER_MWH / 1e3).isCloseTo(262.17, within(262.17e-3));
    assertThat(r.energyFacilityJoules() / J_PER_MWH / 1e3).isCloseTo(314.61, within(314.61e-3));
  }

  /** Two jobs with awkward periods on two clusters, 3 days: both resolutions agree within 0.1%. */
  @Test
  void fullAndAveragedResolutionsAgreeOnEnergyTokensAndGpuHours() {
    FactorySpec f =
        Specs.factory(
            HardwareCatalog.builtIn(),
            1.25,
            List.of(new ClusterSpec("a", "DGX-H100", 64), new ClusterSpec("b", "GB200-NVL72", 4)),
            List.of(
                Specs.job(
                    "big",
                    "a",
                    500,
                    Duration.ofMinutes(17),
                    Duration.ofMillis(5_537),
                    0.71,
                    0.97,
                    0.31,
                    4_000_000,
                    new CheckpointSpec(Duration.ofMinutes(47), Duration.ofSeconds(313), 0.15)),
                Specs.job(
                    "small",
                    "b",
                    200,
                    Duration.ofHours(5),
                    Duration.ofMillis(1_913),
                    0.66,
                    0.9,
                    0.4,
                    1_000_000,
                    new CheckpointSpec(Duration.ofMinutes(20), Duration.ofSeconds(40), 0.2))));
    Duration horizon = Duration.ofDays(3).plusSeconds(7);
    RunResult full = new FactoryRun("x", f, Specs.run(horizon, PulseResolution.FULL)).complete();
    RunResult avg = new FactoryRun("x", f, Specs.run(horizon, PulseResolution.AVERAGED)).complete();
    assertThat(avg.energyGpuJoules())
        .isCloseTo(full.energyGpuJoules(), relative(full.energyGpuJoules()));
    assertThat(avg.energyItJoules())
        .isCloseTo(full.energyItJoules(), relative(full.energyItJoules()));
    assertThat(avg.energyFacilityJoules())
        .isCloseTo(full.energyFacilityJoules(), relative(full.energyFacilityJoules()));
    assertThat((double) avg.tokens()).isCloseTo(full.tokens(), relative(full.tokens()));
    assertThat(avg.gpuHours().compute())
        .isCloseTo(full.gpuHours().compute(), relative(full.gpuHours().compute()));
    assertThat(avg.gpuHours().communication())
        .isCloseTo(full.gpuHours().communication(), relative(full.gpuHours().communication()));
    assertThat(avg.gpuHours().checkpoint())
        .isCloseTo(full.gpuHours().checkpoint(), relative(full.gpuHours().checkpoint()));
    assertThat(avg.gpuHours().idle())
        .isCloseTo(full.gpuHours().idle(), relative(full.gpuHours().idle()));
    // And the pulses really are there at full resolution only.
    assertThat(full.power().peakWatts()).isGreaterThan(avg.power().peakWatts());
    assertThat(full.eventsProcessed()).isGreaterThan(50 * avg.eventsProcessed());
  }

  private static org.assertj.core.data.Offset<Double> relative(double reference) {
    return within(Math.abs(reference) * 1e-3);
  }

  @Test
  void sameSpecsGiveIdenticalResultsAndParallelRunsEqualSerialRuns() throws Exception {
    FactorySpec f = handFactory();
    RunSpec run = Specs.run(Duration.ofHours(6), PulseResolution.FULL);
    RunResult serial = new FactoryRun("p", f, run).complete();
    assertThat(new FactoryRun("p", f, run).complete()).isEqualTo(serial);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> new FactoryRun("p", f, run).complete()));
      }
      for (Future<RunResult> future : futures) {
        assertThat(future.get()).isEqualTo(serial);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void steppedRunsEqualOneGo() {
    FactorySpec f = handFactory();
    RunSpec run = Specs.run(Duration.ofHours(2), PulseResolution.FULL);
    RunResult once = new FactoryRun("s", f, run).complete();
    FactoryRun stepped = new FactoryRun("s", f, run);
    for (int i = 1; i <= 100; i++) {
      stepped.advanceTo(stepped.horizonNanos() * i / 100);
    }
    assertThat(stepped.complete()).isEqualTo(once);
  }

  @Test
  void refusesInconsistentFactories() {
    FactorySpec f =
        Specs.factory(
            Specs.TOY_CATALOG,
            1.2,
            List.of(new ClusterSpec("c", "S", 1)),
            List.of(
                Specs.job("j", "c", 5, Duration.ZERO, Duration.ofSeconds(1), 0.5, 1, 0, 1, null)));
    assertThat(f.problems()).extracting(SpecProblem::path).containsExactly("workloads[0].gpus");
    assertThatThrownBy(
            () -> new FactoryRun("bad", f, Specs.run(Duration.ofHours(1), PulseResolution.FULL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workloads[0].gpus");
  }
}
