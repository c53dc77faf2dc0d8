package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
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
    assertThat(s.factory().facility().pue()).isEqualTo(1.2);
    ClusterSpec cluster = s.factory().clusters().get(0);
    assertThat(cluster).isEqualTo(new ClusterSpec("hall-a", "DGX-H100", 2048));
    assertThat(clusterGpus(s, cluster)).isEqualTo(16_384);
    assertThat(s.factory().workloads())
        .containsExactly(
            new TrainingJobSpec(
                "llama3-405b",
                "hall-a",
                16_384,
                Duration.ZERO,
                new IterationProfile(Duration.ofMillis(5_500), 0.7, 1.0, 0.3),
                16_777_216,
                java.util.Optional.of(
                    new CheckpointSpec(Duration.ofHours(1), Duration.ofMinutes(5), 0.15))));
    assertThat(s.factory().problems()).isEmpty();
  }

  @Test
  void grok4ReproducesTheSeedArithmetic() throws ScenarioException {
    Scenario s = loader.load("grok4-energy");
    assertThat(s.run().pulseResolution()).isEqualTo(PulseResolution.AVERAGED);
    ClusterSpec cluster = s.factory().clusters().get(0);
    TrainingJobSpec job = s.factory().workloads().get(0);
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
    double facilityGwh = s.factory().facility().model().facilityWatts(itGwh);
    assertThat(gpuGwh).isCloseTo(129.15, within(1e-9));
    assertThat(itGwh).isCloseTo(262.17, within(0.005));
    assertThat(facilityGwh).isCloseTo(314.61, within(0.005));
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
    TrainingJobSpec job = s.factory().workloads().get(0);
    assertThat(job.gpus()).isEqualTo(1_024).isLessThan(clusterGpus(s, cluster));
    assertThat(job.iteration())
        .isEqualTo(new IterationProfile(Duration.ofSeconds(2), 0.75, 0.95, 0.35));
    assertThat(job.tokensPerIteration()).isEqualTo(4_194_304);
    assertThat(job.checkpoint())
        .contains(new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2));
  }
}
