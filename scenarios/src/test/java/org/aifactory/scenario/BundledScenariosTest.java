package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSizing;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.cooling.HeatRejectionSpec;
import org.aifactory.model.cooling.LoopSpec;
import org.aifactory.model.cooling.WeatherSpec;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.power.ChainComponents;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.CostSpec;
import org.aifactory.model.power.MaintainedComponent;
import org.aifactory.model.power.MaintenancePlan;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.SourceLayout;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.power.UpsStageSpec;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BundledScenariosTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  static Stream<String> names() {
    return ScenarioLibrary.list().stream().map(BundledScenario::name);
  }

  @ParameterizedTest
  @MethodSource("names")
  void loadsWithItsOwnNameAndADescription(String name) throws ScenarioException {
    Scenario scenario = loader.load(name);
    assertThat(scenario.name()).isEqualTo(name);
    assertThat(scenario.source()).isEqualTo("bundled:" + name);
    assertThat(scenario.description()).isNotBlank();
  }

  private static int clusterGpus(Scenario scenario, ClusterSpec cluster) {
    HardwareCatalog catalog = scenario.factory().catalog();
    return catalog.system(cluster.systemType()).orElseThrow().gpusPerSystem()
        * cluster.systemCount();
  }

  @Test
  void llama3() throws ScenarioException {
    Scenario s = loader.load("llama3-405b-54d");
    assertThat(s.run().horizon()).isEqualTo(Duration.ofDays(54));
    assertThat(s.run().seed()).isEqualTo(7);
    assertThat(s.run().pulseResolution()).isEqualTo(PulseResolution.FULL);
    assertThat(s.replications()).isEqualTo(1);
    assertThat(s.factory().facility().pue()).isEqualTo(1.2);
    ClusterSpec cluster = s.factory().clusters().get(0);
    // 2,048 systems for the job plus 16 hot spares.
    assertThat(cluster).isEqualTo(new ClusterSpec("hall-a", "DGX-H100", 2048 + 16));
    assertThat(clusterGpus(s, cluster)).isEqualTo(16_384 + 128);
    assertThat(s.factory().workloads())
        .containsExactly(
            new TrainingJobSpec(
                "llama3-405b",
                "hall-a",
                16_384,
                Duration.ZERO,
                new IterationProfile(Duration.ofMillis(5_500), 0.7, 1.0, 0.3),
                16_777_216,
                Optional.of(
                    new CheckpointSpec(
                        Duration.ofHours(1), Duration.ofSeconds(30), 0.15, CheckpointPolicy.DALY)),
                Duration.ofMinutes(3),
                OptionalLong.empty()));
    assertThat(s.factory().failures())
        .isEqualTo(new FailureSpec(FailureProfile.llama3(), Duration.ofMinutes(1), 0));
    assertThat(s.factory().problems()).isEmpty();
  }

  /** The job's expected unexpected interruptions in 54 days are Table 5's 419. */
  @Test
  void llama3ExpectsTable5sInterruptions() throws ScenarioException {
    Scenario s = loader.load("llama3-405b-54d");
    TrainingJobSpec job = s.factory().trainingJobs().get(0);
    int systems = job.gpus() / 8;
    double perSecond = 0;
    for (FailureCause c : s.factory().failures().profile().causes()) {
      if (!c.planned()) {
        double units =
            switch (c.scope()) {
              case GPU, NETWORK -> job.gpus();
              case SYSTEM -> systems;
              case JOB -> 1;
            };
        perSecond += units * c.ratePerUnitSecond();
      }
    }
    assertThat(perSecond * s.run().horizon().toSeconds()).isCloseTo(419, within(1e-9));
  }

  @Test
  void checkpointDemoSuitsACheckpointStudy() throws ScenarioException {
    Scenario s = loader.load("checkpoint-demo");
    assertThat(s.run().horizon()).isEqualTo(Duration.ofDays(14));
    assertThat(s.run().pulseResolution()).isEqualTo(PulseResolution.AVERAGED);
    assertThat(s.replications()).isEqualTo(10);
    ClusterSpec cluster = s.factory().clusters().get(0);
    TrainingJobSpec job = s.factory().trainingJobs().get(0);
    assertThat(job.gpus()).isEqualTo(1_024);
    assertThat(clusterGpus(s, cluster) - job.gpus()).as("spare GPUs").isEqualTo(32);
    assertThat(job.checkpoint())
        .contains(
            new CheckpointSpec(
                Duration.ofHours(1), Duration.ofMinutes(2), 0.15, CheckpointPolicy.FIXED));
    assertThat(job.restart()).isEqualTo(Duration.ofMinutes(5));
    assertThat(job.workIterations()).isEmpty();
    FailureSpec failures = s.factory().failures();
    assertThat(failures.profile()).isEqualTo(FailureProfile.llama3().scaled(4));
    assertThat(failures.spareSwapTime()).isEqualTo(FailureSpec.DEFAULT_SPARE_SWAP);
    assertThat(s.factory().problems()).isEmpty();
  }

  @Test
  void grok4ReproducesTheSeedArithmetic() throws ScenarioException {
    Scenario s = loader.load("grok4-energy");
    assertThat(s.run().pulseResolution()).isEqualTo(PulseResolution.AVERAGED);
    ClusterSpec cluster = s.factory().clusters().get(0);
    TrainingJobSpec job = s.factory().trainingJobs().get(0);
    int gpus = clusterGpus(s, cluster);
    assertThat(gpus).isEqualTo(24_600);
    assertThat(job.gpus()).isEqualTo(gpus);
    assertThat(job.checkpoint()).isEmpty();

    double hours = s.run().horizon().toSeconds() / 3600.0;
    assertThat(hours).isEqualTo(10_000);
    assertThat(gpus * hours).isEqualTo(246e6); // GPU-hours

    SystemType system = s.factory().catalog().system(cluster.systemType()).orElseThrow();
    GpuType gpu = s.factory().catalog().gpu(system.gpuType()).orElseThrow();
    assertThat(system.otherItPower()).isEqualTo(new OtherItPower.FactorOfGpu(1.03));
    IterationProfile it = job.iteration();
    double averageDraw =
        it.computeFraction() * it.computePowerFraction()
            + (1 - it.computeFraction()) * it.communicationPowerFraction();
    assertThat(averageDraw).isEqualTo(0.75);

    double gpuGwh = gpus * hours * gpu.tdpWatts() * averageDraw / 1e9;
    double itGwh = gpuGwh + system.otherItPower().watts(gpuGwh);
    double facilityGwh = s.factory().facility().model().facilityWatts(itGwh, 0);
    assertThat(gpuGwh).isCloseTo(129.15, within(1e-9));
    assertThat(itGwh).isCloseTo(262.17, within(0.005));
    assertThat(facilityGwh).isCloseTo(314.61, within(0.005));
  }

  /** The rack groups' design IT load, spread as the factory run spreads it. */
  private static double[] pathItWatts(Scenario s) {
    PowerSystemSpec power = s.factory().power().orElseThrow();
    ClusterSpec cluster = s.factory().clusters().get(0);
    SystemType system = s.factory().catalog().system(cluster.systemType()).orElseThrow();
    GpuType gpu = s.factory().catalog().gpu(system.gpuType()).orElseThrow();
    double gpuWatts = system.gpusPerSystem() * gpu.tdpWatts();
    double rackWatts = gpuWatts + system.otherItPower().watts(gpuWatts);
    double[] paths = new double[power.paths()];
    for (int r = 0; r < cluster.systemCount(); r++) {
      paths[(int) ((long) r * power.paths() / cluster.systemCount())] += rackWatts;
    }
    return paths;
  }

  @Test
  void redundancyStudyComparesFourUpsDesignsOfOneHall() throws ScenarioException {
    Scenario s = loader.load("redundancy-study");
    assertThat(s.run().horizon()).isEqualTo(Duration.ofDays(365));
    assertThat(s.run().pulseResolution()).isEqualTo(PulseResolution.AVERAGED);
    assertThat(s.replications()).isEqualTo(200);
    assertThat(s.factory().facility().pue()).isEqualTo(1.1);
    ClusterSpec cluster = s.factory().clusters().get(0);
    assertThat(cluster).isEqualTo(new ClusterSpec("hall", "GB200-NVL72", 72));
    assertThat(clusterGpus(s, cluster)).isEqualTo(5_184);
    TrainingJobSpec job = s.factory().trainingJobs().get(0);
    assertThat(job.gpus()).isEqualTo(68 * 72);
    assertThat(job.checkpoint())
        .contains(new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2));
    assertThat(s.factory().failures()).isEqualTo(FailureSpec.none());
    assertThat(s.costs()).isEqualTo(CostSpec.defaults());
    assertThat(s.factory().problems()).isEmpty();

    PowerSystemSpec power = s.factory().power().orElseThrow();
    assertThat(power.paths()).isEqualTo(18);
    assertThat(power.ups()).isEqualTo(new StageLayout.Sized(RedundancyDesign.N_PLUS_1));
    assertThat(power.upsModuleWatts()).isEqualTo(1.7e6);
    assertThat(power.batteryAutonomy()).contains(Duration.ofMinutes(10));
    assertThat(power.generators()).contains(new StageLayout.Sized(RedundancyDesign.N_PLUS_1));
    assertThat(power.generatorUnitWatts()).isEqualTo(2.5e6);
    assertThat(power.dualCorded()).isTrue();
    assertThat(power.facilityRecovery()).isEqualTo(Duration.ofMinutes(30));
    assertThat(power.utility()).isEqualTo(UtilitySpec.eiaDefaults());
    assertThat(power.commonCause()).isEqualTo(CommonCauseSpec.typical());
    assertThat(power.repairCrews()).isEqualTo(RepairCrewSpec.perUnit());
    assertThat(power.sources()).isEqualTo(SourceLayout.SHARED);
    // The components at their cited defaults, written out where they have keys.
    assertThat(power.upsStage().modules())
        .isEqualTo(UpsStageSpec.defaults(power.ups(), 1.7e6).modules());
    assertThat(power.components())
        .isEqualTo(
            new ChainComponents(
                Optional.of(ChainComponents.transformerDefaults()),
                Optional.of(ChainComponents.switchgearDefaults()),
                Optional.of(ChainComponents.transferSwitchDefaults()),
                Optional.empty()));
    assertThat(power.maintenance().plans())
        .containsOnly(
            entry(
                MaintainedComponent.UPS,
                new MaintenancePlan(Duration.ofDays(26 * 7), Duration.ofHours(8))),
            entry(
                MaintainedComponent.BATTERIES,
                new MaintenancePlan(Duration.ofDays(13 * 7), Duration.ofHours(2))),
            entry(
                MaintainedComponent.GENERATORS,
                new MaintenancePlan(Duration.ofDays(365), Duration.ofHours(4))));
    // 18 rack groups of 4 racks: a multiple of the 6 pairs of UPS systems of 4N/3.
    assertThat(power.paths() % 6).isZero();
    assertThat(pathItWatts(s)).containsOnly(4 * 132_000.0);

    assertThat(s.variants())
        .extracting(ScenarioVariant::name)
        .containsExactly("N", "N+1", "2N", "4N/3");
    List<RedundancyDesign> designs =
        List.of(
            RedundancyDesign.N,
            RedundancyDesign.N_PLUS_1,
            RedundancyDesign.TWO_N,
            new RedundancyDesign(4, 3, 0));
    // N = 6 modules of 1.7 MW: N, N+1, 2N = 2 x 6 and 4N/3 = 4 systems of 2, any 3 carrying.
    List<StageStructure> structures =
        List.of(
            new StageStructure(1, 6, 6, 1),
            new StageStructure(1, 7, 6, 1),
            new StageStructure(2, 6, 6, 1),
            new StageStructure(4, 2, 2, 3));
    for (int i = 0; i < designs.size(); i++) {
      ScenarioVariant variant = s.variants().get(i);
      assertThat(variant.description()).isNotBlank();
      Scenario v = variant.scenario();
      PowerSystemSpec vp = v.factory().power().orElseThrow();
      assertThat(vp.ups()).isEqualTo(new StageLayout.Sized(designs.get(i)));
      assertThat(v.run()).isEqualTo(s.run());
      assertThat(v.costs()).isEqualTo(s.costs());
      assertThat(v.replications()).isEqualTo(s.replications());
      PowerChainSpec chain = vp.chain(pathItWatts(v));
      assertThat(chain.ups().structure()).isEqualTo(structures.get(i));
      // N+1 generators: the chain's 10.2 MW input needs 5 units of 2.5 MW; 2N has a plant and a
      // feed per side.
      assertThat(chain.generators().orElseThrow().units()).isEqualTo(6);
      assertThat(chain.generators().orElseThrow().unitsNeeded()).isEqualTo(5);
      boolean sides = designs.get(i).equals(RedundancyDesign.TWO_N);
      assertThat(chain.sources()).isEqualTo(sides ? SourceLayout.PER_SIDE : SourceLayout.SHARED);
      assertThat(chain.utility().feeds()).isEqualTo(sides ? 2 : 1);
      assertThat(chain.maintenance()).isEqualTo(power.maintenance());
    }
  }

  @Test
  void defaultIsASmallGb200FactoryWithIdleGpusAndCheckpoints() throws ScenarioException {
    Scenario s = loader.load("default");
    assertThat(s.run().horizon()).isEqualTo(Duration.ofHours(12));
    assertThat(s.run().pulseResolution()).isEqualTo(PulseResolution.FULL);
    assertThat(s.factory().facility().pue()).isEqualTo(1.2);
    ClusterSpec cluster = s.factory().clusters().get(0);
    assertThat(cluster.systemType()).isEqualTo("GB200-NVL72");
    assertThat(clusterGpus(s, cluster)).isEqualTo(1_152);
    TrainingJobSpec job = s.factory().trainingJobs().get(0);
    assertThat(job.gpus()).isEqualTo(1_024).isLessThan(clusterGpus(s, cluster));
    assertThat(job.iteration())
        .isEqualTo(new IterationProfile(Duration.ofSeconds(2), 0.75, 0.95, 0.35));
    assertThat(job.tokensPerIteration()).isEqualTo(4_194_304);
    assertThat(job.checkpoint())
        .contains(new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2));
    assertThat(s.factory().failures()).isEqualTo(FailureSpec.none());
  }

  /** The power-cap study: exact runs (nothing random), the curve it writes out is the default. */
  @Test
  void powerCapStudyIsExactAndWritesOutTheDefaultCurve() throws ScenarioException {
    Scenario s = loader.load("power-cap-study");
    assertThat(s.replications()).isEqualTo(1);
    assertThat(s.factory().failures()).isEqualTo(FailureSpec.none());
    GpuType h100 = s.factory().catalog().gpu("H100-SXM").orElseThrow();
    assertThat(h100.powerCurve()).isEqualTo(GpuType.DEFAULT_POWER_CURVE);
    TrainingJobSpec job = s.factory().trainingJobs().get(0);
    assertThat(job.powerCap()).isEmpty();
    assertThat(job.gpus()).isEqualTo(clusterGpus(s, s.factory().clusters().get(0)));
    assertThat(s.factory().problems()).isEmpty();
  }

  /** The heat-wave study's figures, as its comments state them. */
  @Test
  void heatwaveIsSizedAsItsCommentsSay() throws ScenarioException {
    Scenario s = loader.load("heatwave");
    assertThat(s.replications()).isEqualTo(1);
    assertThat(s.factory().failures()).isEqualTo(FailureSpec.none());
    CoolingSpec plant = s.factory().facility().cooling().orElseThrow();
    LoopSpec liquid = plant.liquid().orElseThrow();
    // The design dry bulb is the July normal maximum, 107 °F, without the heat wave.
    assertThat(liquid.designDryBulbCelsius()).isCloseTo((107 - 32) / 1.8, within(1e-9));
    assertThat(liquid.supplyCelsius()).isEqualTo(45);
    WeatherSpec.HeatWave wave = (WeatherSpec.HeatWave) plant.weather();
    assertThat(wave.startHour()).isEqualTo(14 * 24);
    assertThat(wave.hours()).isEqualTo(5 * 24);
    // Afternoons of 47.6 °C in the wave, below Phoenix's 50 °C record.
    double hottest = 0;
    for (long h = 0; h < 31 * 24; h++) {
      hottest = Math.max(hottest, wave.dryBulbCelsius(h));
    }
    assertThat(hottest).isBetween(47.5, 47.7).isLessThan(50);
    // 90 % of 64 x 142 kW to the liquid loop; 333 kW per 1 MW dry cooler at the design point: 25
    // needed, 26 installed (the one-cooler-failed variant keeps 25).
    CoolingSizing.SizedLoop sized =
        CoolingSizing.size(s.factory(), CoolingSizing.Loop.LIQUID).orElseThrow();
    assertThat(sized.designHeatWatts()).isCloseTo(0.9 * 64 * 142_000, within(1e-6));
    assertThat(sized.stages().get(0).needed()).isEqualTo(25);
    assertThat(sized.stages().get(0).installed()).isEqualTo(26);
    // A GPU at its 1.4 kW TDP runs 43.4 K above 45 °C water: just under its 89 °C slowdown.
    ClusterCoolingSpec cooling = s.factory().clusters().get(0).cooling().orElseThrow();
    GpuType gb300 = s.factory().catalog().gpu("GB300").orElseThrow();
    double atTdp = 45 + cooling.thermalResistanceKelvinPerWatt() * gb300.tdpWatts();
    assertThat(atTdp).isCloseTo(88.4, within(1e-9)).isLessThan(gb300.slowdownCelsius());
    assertThat(s.variants())
        .extracting(ScenarioVariant::name)
        .containsExactly(
            "dry-coolers", "chiller-trim", "air-cooled", "one-cooler-failed", "evaporative");
    for (ScenarioVariant v : s.variants()) {
      assertThat(v.scenario().factory().problems()).as(v.name()).isEmpty();
    }
    ScenarioVariant failed = s.variants().get(3);
    CoolingSizing.SizedLoop oneDown =
        CoolingSizing.size(failed.scenario().factory(), CoolingSizing.Loop.LIQUID).orElseThrow();
    assertThat(oneDown.stages().get(0).installed()).isEqualTo(25);
    ScenarioVariant evaporative = s.variants().get(4);
    assertThat(
            evaporative
                .scenario()
                .factory()
                .facility()
                .cooling()
                .orElseThrow()
                .liquid()
                .get()
                .units())
        .extracting(HeatRejectionSpec::kind)
        .containsExactly(HeatRejectionSpec.Kind.COOLING_TOWER);
  }
}
