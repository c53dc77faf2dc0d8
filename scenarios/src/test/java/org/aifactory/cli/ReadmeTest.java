package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.Metric;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** The README is what a new user reads: its glossary and commands must match the program. */
class ReadmeTest {
  private static String readme() throws IOException {
    return org.aifactory.docs.UserDocs.readme();
  }

  /** The README and the guides of docs/ it links to. */
  private static String docs() throws IOException {
    return org.aifactory.docs.UserDocs.all();
  }

  @Test
  void theGlossaryDefinesEveryMetric() throws IOException {
    var spec =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", 1)),
            List.of(
                new TrainingJobSpec(
                    "j",
                    "c",
                    8,
                    Duration.ZERO,
                    new IterationProfile(Duration.ofSeconds(1), 0.5, 1, 0.3),
                    1,
                    Optional.empty())),
            new FailureSpec(FailureProfile.llama3(), Duration.ofMinutes(5), 0),
            Optional.of(
                new PowerSystemSpec(
                    2,
                    RedundancyDesign.parse("N+1"),
                    500_000,
                    Optional.of(RedundancyDesign.parse("N+1")),
                    2_000_000,
                    true,
                    Duration.ofMinutes(30),
                    UtilitySpec.eiaDefaults(),
                    CommonCauseSpec.typical(),
                    RepairCrewSpec.perUnit(),
                    Optional.empty())));
    var result =
        new FactoryRun(
                "x",
                spec,
                new RunSpec(
                    Duration.ofMinutes(1), 1, PulseResolution.FULL, ObservationSpec.defaults()))
            .complete();
    var plant =
        new org.aifactory.model.cooling.CoolingSpec(
            new org.aifactory.model.cooling.WeatherSpec.Constant(20, 15),
            Optional.of(
                new org.aifactory.model.cooling.LoopSpec(
                    40,
                    10,
                    0.005,
                    List.of(
                        unit(org.aifactory.model.cooling.HeatRejectionSpec.Kind.DRY_COOLER),
                        unit(org.aifactory.model.cooling.HeatRejectionSpec.Kind.COOLING_TOWER),
                        unit(org.aifactory.model.cooling.HeatRejectionSpec.Kind.CHILLER)),
                    30,
                    20)),
            Optional.empty(),
            0.02);
    var cooled =
        new FactoryRun(
                "x",
                new FactorySpec(
                    spec.catalog(),
                    new FacilitySpec(1.2, Optional.of(plant)),
                    spec.clusters(),
                    spec.workloads(),
                    spec.failures(),
                    spec.power()),
                new RunSpec(
                    Duration.ofMinutes(1), 1, PulseResolution.FULL, ObservationSpec.defaults()))
            .complete();
    long second = 1_000_000_000L;
    var site =
        new org.aifactory.model.site.SiteSpec(
            List.of(
                new org.aifactory.model.site.GridRule.ImportCapacity(1e9),
                new org.aifactory.model.site.GridRule.Ramp("ramp_1s", 1e6, second),
                new org.aifactory.model.site.GridRule.DynamicRange("range", 1e6, 10 * second),
                new org.aifactory.model.site.GridRule.Oscillation(
                    "band", 0.1, 1, 1e6, 10 * second, 10 * second),
                new org.aifactory.model.site.GridRule.MinimumLoad(1)),
            Optional.of(1e9),
            Optional.of(
                new org.aifactory.model.site.BatterySpec(
                    3.6e9,
                    1e6,
                    0.85,
                    0.1,
                    0.9,
                    0.5,
                    new org.aifactory.model.site.BatterySpec.SmoothingPolicy(10 * second, 1e4, 1e4),
                    165)),
            Optional.of(new org.aifactory.model.site.GenerationSpec(5e3, 100, 8576, 3.66, 53.06)),
            Optional.of(
                new org.aifactory.model.site.CarbonSpec(
                    org.aifactory.model.site.HourlyProfile.constant(380),
                    Optional.of(org.aifactory.model.site.HourlyProfile.constant(1e4)))));
    var sited =
        new FactoryRun(
                "x",
                spec.withSite(Optional.of(site)),
                new RunSpec(
                    Duration.ofMinutes(1), 1, PulseResolution.FULL, ObservationSpec.defaults()))
            .complete();
    // Every component that can fail, with two feeds and sources per side.
    var base = spec.power().orElseThrow();
    var failing =
        new org.aifactory.model.power.PowerSystemSpec(
            base.paths(),
            base.upsStage(),
            base.generatorStage(),
            base.distribution(),
            base.utility().withFeeds(2, 0.25),
            org.aifactory.model.power.SourceLayout.SHARED,
            org.aifactory.model.power.ChainComponents.cited(),
            base.commonCause(),
            base.repairCrews(),
            base.facilityRecovery());
    var withComponents =
        new FactoryRun(
                "x",
                spec.withPower(Optional.of(failing)),
                new RunSpec(
                    Duration.ofMinutes(1), 1, PulseResolution.FULL, ObservationSpec.defaults()))
            .complete();
    List<Metric> metrics = new java.util.ArrayList<>(result.metrics());
    metrics.addAll(cooled.metrics());
    metrics.addAll(sited.metrics());
    metrics.addAll(withComponents.metrics());
    metrics.addAll(
        org.aifactory.metrics.CostBreakdown.of(
                result, org.aifactory.model.economics.EconomicsSpec.defaults(1e6, 80, 2.5))
            .metrics());
    String readme = docs();
    for (Metric m : metrics) {
      // Keys with a job or cause name are documented once, with <name> and <cause>.
      String key =
          m.key()
              .replaceFirst("^job\\.[^.]+\\.", "job.<name>.")
              .replaceFirst(
                  "^job\\.<name>\\.lost_production\\.[a-z_]+$", "job.<name>.lost_production.<part>")
              .replaceFirst("_by_cause\\.[^.]+$", "_by_cause.<cause>")
              .replaceFirst("^swing_by_cause\\.[a-z]+\\.", "swing_by_cause.<cause>.")
              .replaceFirst("\\.max_ramp_mw_per_s\\.[0-9a-z]+$", ".max_ramp_mw_per_s.<window>")
              .replaceFirst(
                  "^compliance\\.ramp_[^.]+\\.(worst|limit|margin)$", "compliance.<ramp rule>.$1")
              .replaceFirst(
                  "^compliance\\.(?!broken_rules$)(?!<ramp rule>)[^.]+\\.", "compliance.<rule>.")
              .replaceFirst(
                  "^power_chain\\.path_availability\\.p[0-9]+$",
                  "power_chain.path_availability.p<k>")
              .replaceFirst(
                  "^energy_losses_mwh\\.(ups|pdu|distribution)$", "energy_losses_mwh.<stage>")
              .replaceFirst(
                  "^cooling\\.(liquid|air)\\.(dry_coolers|cooling_towers|chillers)\\.",
                  "cooling.<loop>.<units>.")
              .replaceFirst("^cooling\\.(liquid|air)\\.", "cooling.<loop>.")
              .replaceFirst("^pue_by_month\\.m[0-9]+$", "pue_by_month.m<NN>")
              .replaceFirst(
                  "^power_chain\\.(transformer|switchgear|ats|sts|battery_string)_failures$",
                  "power_chain.<component>_failures")
              .replaceFirst(
                  "^economics\\.lost_dollars_per_year\\.(training|inference)\\.(?!total)[^.]+$",
                  "economics.lost_dollars_per_year.$1.<cause>");
      assertThat(readme).as(m.key()).contains("| `" + key + "` | " + m.unit() + " |");
    }
  }

  private static org.aifactory.model.cooling.HeatRejectionSpec unit(
      org.aifactory.model.cooling.HeatRejectionSpec.Kind kind) {
    return new org.aifactory.model.cooling.HeatRejectionSpec(
        kind,
        new org.aifactory.model.power.StageLayout.Sized(RedundancyDesign.parse("N+1")),
        1,
        500_000,
        10,
        0.02,
        5,
        1.9,
        new org.aifactory.model.failure.TimeDistribution.Exponential(1e8),
        new org.aifactory.model.failure.TimeDistribution.Fixed(3600));
  }

  @Test
  void theFirstScreenHasTheTwoCommands() throws IOException {
    String firstScreen = String.join("\n", readme().lines().limit(25).toList());
    assertThat(firstScreen).contains("./aifactory run").contains("./mvnw verify");
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    assertThat(Files.readString(Path.of("../.ci/run"))).containsPattern("(?m)^\\./mvnw verify$");
  }
}
