package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/**
 * The electrical chain inside a factory run: losses in the energy books, outages as interruptions.
 */
class FactoryPowerTest {

  /** Utility outages every ~2 weeks lasting ~2 h, no generators: the 10-min battery runs out. */
  private static PowerSystemSpec weakSupply(String ups, boolean generators) {
    UtilitySpec frequentOutages =
        UtilitySpec.sustainedOnly(
            UtilitySpec.InterruptionProcess.poisson(
                26, new TimeDistribution.Exponential(2 * 3600)));
    return new PowerSystemSpec(
        4,
        RedundancyDesign.parse(ups),
        500_000,
        generators ? Optional.of(RedundancyDesign.parse("N+1")) : Optional.empty(),
        1_000_000,
        true,
        Duration.ofMinutes(30),
        frequentOutages,
        CommonCauseSpec.typical(),
        RepairCrewSpec.perUnit(),
        Optional.empty());
  }

  private static FactorySpec factory(PowerSystemSpec power) {
    return new FactorySpec(
        HardwareCatalog.builtIn(),
        new FacilitySpec(1.1),
        List.of(new ClusterSpec("hall", "GB200-NVL72", 16)),
        List.of(
            new TrainingJobSpec(
                "train",
                "hall",
                1_152,
                Duration.ZERO,
                new IterationProfile(Duration.ofSeconds(2), 0.75, 0.95, 0.35),
                4_194_304,
                Optional.of(new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2)),
                Duration.ofMinutes(5),
                OptionalLong.empty())),
        FailureSpec.none(),
        Optional.of(power));
  }

  private static RunResult run(FactorySpec f, long seed) {
    return new FactoryRun(
            "power",
            f,
            new RunSpec(
                Duration.ofDays(90), seed, PulseResolution.AVERAGED, ObservationSpec.defaults()))
        .complete();
  }

  /** comparison.csv said "N+1", the placeholder design, for a written-out UPS stage. */
  @Test
  void theResultNamesTheTrueLayoutOfEachStage() {
    PowerSystemSpec sized = weakSupply("2N", true);
    PowerSystemSpec written =
        new PowerSystemSpec(
            sized.paths(),
            new StageLayout.Written(new StageStructure(2, 7, 6, 1)),
            sized.upsModuleWatts(),
            Optional.of(new StageLayout.Written(StageStructure.kOfN(4, 3))),
            sized.generatorUnitWatts(),
            sized.dualCorded(),
            sized.facilityRecovery(),
            sized.utility(),
            sized.commonCause(),
            sized.repairCrews(),
            sized.batteryAutonomy());
    ElectricalResult e = run(factory(sized), 1).electrical().orElseThrow();
    assertThat(e.upsDesign()).isEqualTo("2N");
    assertThat(e.generatorDesign()).isEqualTo("N+1");
    ElectricalResult w = run(factory(written), 1).electrical().orElseThrow();
    assertThat(w.upsDesign()).isEqualTo("2(N+1) (written out, N = 6)");
    assertThat(w.upsModules()).isEqualTo(14);
    assertThat(w.generatorDesign()).isEqualTo("N+1 (written out, N = 3)");
    assertThat(w.generatorUnits()).isEqualTo(4);
  }

  @Test
  void outagesInterruptTheJobAndLossesAreInTheEnergyBooks() {
    RunResult r = run(factory(weakSupply("N", false)), 1);
    ElectricalResult e = r.electrical().orElseThrow();
    assertThat(e.utilityInterruptions()).isGreaterThan(3);
    assertThat(e.lossOfLoadEvents()).isGreaterThan(0);
    assertThat(e.availability()).isLessThan(1);
    JobResult job = r.jobs().get(0);
    long powerInterruptions = job.interruptionsByCause().get("power_outage");
    assertThat(powerInterruptions).isPositive();
    assertThat(job.lostProduction().byCause("power_outage")).isPositive();
    assertThat(r.gpuHours().down()).isPositive();
    // Facility energy = IT + conversion losses + (PUE - 1) x IT, exactly as integrated.
    double losses = e.totalLossJoules();
    assertThat(losses).isPositive();
    assertThat(r.energyFacilityJoules())
        .isCloseTo(r.energyItJoules() * 1.1 + losses, within(r.energyFacilityJoules() * 1e-9));
    // The books still balance with power outages.
    var h = r.gpuHours();
    double sum =
        h.productive()
            + h.lostWork()
            + h.checkpoint()
            + h.restart()
            + h.waiting()
            + h.idle()
            + h.down();
    assertThat(sum).isCloseTo(h.installed(), within(h.installed() * 1e-12));
  }

  @Test
  void generatorsRideThroughUtilityOutages() {
    // Same random streams for both designs (common random numbers): same utility outages.
    double without = 0;
    double with = 0;
    for (long seed = 1; seed <= 5; seed++) {
      without +=
          run(factory(weakSupply("N", false)), seed).electrical().orElseThrow().lossOfLoadHours();
      with +=
          run(factory(weakSupply("N", true)), seed).electrical().orElseThrow().lossOfLoadHours();
    }
    assertThat(with).isLessThan(without / 5);
  }
}
