package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureDomain;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.FieldReplaceableUnit;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.SystemType;
import org.junit.jupiter.api.Test;

/**
 * Failure domains in the language: a system type's {@code fru}, the {@code failure_domain} of the
 * failures and of a cause, a job's {@code gpus_per_system}; and the errors of each.
 */
class FailureDomainsTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  private static SystemType system(String text, String name) throws ScenarioException {
    return load(text).factory().catalog().system(name).orElseThrow();
  }

  // ---- valid input ----

  @Test
  void theNvl72RacksDeclareTheirComputeTrays() {
    for (String rack : new String[] {"GB200-NVL72", "GB300-NVL72"}) {
      SystemType t = HardwareCatalog.builtIn().system(rack).orElseThrow();
      assertThat(t.fru()).contains(new FieldReplaceableUnit(4, Duration.ofMinutes(30)));
      assertThat(t.frusPerSystem()).isEqualTo(18);
    }
    assertThat(HardwareCatalog.builtIn().system("DGX-H100").orElseThrow().fru()).isEmpty();
  }

  @Test
  void aSystemsFruIsWrittenInItsCatalogEntry() throws ScenarioException {
    String text =
        VALID
            + """
            catalog:
              systems:
                GB300-NVL72: { fru: { swap: 1 h } }
                DGX-H100: { fru: { gpus: 2 } }
                BOX: { gpu: H100-SXM, gpus: 8, other_it_power: 1 kW, fru: { gpus: 8, swap: 2 h } }
                GB200-NVL72: { fru: }
            """;
    assertThat(system(text, "GB300-NVL72").fru())
        .contains(new FieldReplaceableUnit(4, Duration.ofHours(1)));
    assertThat(system(text, "DGX-H100").fru())
        .contains(new FieldReplaceableUnit(2, FieldReplaceableUnit.DEFAULT_SWAP));
    assertThat(system(text, "BOX").fru())
        .contains(new FieldReplaceableUnit(8, Duration.ofHours(2)));
    // An empty value changes nothing, as for any key of a built-in entry.
    assertThat(system(text, "GB200-NVL72").fru())
        .isEqualTo(HardwareCatalog.builtIn().system("GB200-NVL72").orElseThrow().fru());
  }

  @Test
  void failuresTakeWholeSystemsUnlessAScenarioContainsThemInTheFru() throws ScenarioException {
    FailureSpec plain = load(VALID + "failures:\n  profile: llama3\n").factory().failures();
    assertThat(plain.profile().causes()).noneMatch(FailureCause::containedInFru);

    FailureSpec trays =
        load(VALID
                + """
                    failures:
                      profile: llama3
                      failure_domain: fru
                      causes:
                        gpu_system_processor: { failure_domain: system }
                        nic: { failure_domain: system }
                        tray_sensor: { scope: gpu, mtbf: 100 y }
                    """)
            .factory()
            .failures();
    for (FailureCause c : trays.profile().causes()) {
      boolean gpu = c.scope() == FailureScope.GPU;
      assertThat(c.domain())
          .as(c.name())
          .isEqualTo(
              gpu && !c.name().equals("gpu_system_processor")
                  ? FailureDomain.FRU
                  : FailureDomain.SYSTEM);
    }
    assertThat(trays.profile().cause("tray_sensor").orElseThrow().containedInFru()).isTrue();

    FailureProfile oneCause =
        load(VALID
                + """
                    failures:
                      profile: llama3
                      scale: 2
                      causes:
                        faulty_gpu: { failure_domain: fru }
                    """)
            .factory()
            .failures()
            .profile();
    assertThat(oneCause.causes().stream().filter(FailureCause::containedInFru))
        .extracting(FailureCause::name)
        .containsExactly("faulty_gpu");
    assertThat(oneCause.cause("faulty_gpu").orElseThrow().ratePerUnitSecond())
        .isEqualTo(
            FailureProfile.llama3()
                .cause("faulty_gpu")
                .orElseThrow()
                .scaled(2)
                .ratePerUnitSecond());
  }

  @Test
  void aJobMayUseFewerGpusThanItsSystemsHold() throws ScenarioException {
    var job =
        load(valid("    gpus: 16", "    gpus: 18\n    gpus_per_system: 6"))
            .factory()
            .trainingJobs()
            .get(0);
    assertThat(job.gpusPerSystem()).isEqualTo(OptionalInt.of(6));
    assertThat(job.systemsOn(8)).isEqualTo(3);
    assertThat(load(VALID).factory().trainingJobs().get(0).gpusPerSystem()).isEmpty();
    assertThat(load(VALID).factory().trainingJobs().get(0).systemsOn(8)).isEqualTo(2);
  }

  // ---- bad input ----

  @Test
  void aJobCannotUseMoreGpusPerSystemThanItsSystemsHave() {
    assertThat(error(valid("    gpus: 16", "    gpus: 16\n    gpus_per_system: 9")))
        .isEqualTo(
            at(
                12,
                22,
                "workloads[0].gpus_per_system",
                "the job uses 9 GPUs per system but the systems of cluster 'hall-a' (DGX-H100)"
                    + " have 8"));
    assertThat(error(valid("    gpus: 16", "    gpus: 4\n    gpus_per_system: 6")))
        .isEqualTo(
            at(
                12,
                22,
                "workloads[0].gpus_per_system",
                "the job uses 6 GPUs per system but has only 4 GPUs: gpus_per_system must be at"
                    + " most gpus"));
    assertThat(error(valid("    gpus: 16", "    gpus: 16\n    gpus_per_system: 0")).message())
        .startsWith("expected a whole number between 1 and ");
  }

  @Test
  void fewerGpusPerSystemNeedMoreSystems() {
    assertThat(error(valid("    gpus: 16", "    gpus: 16\n    gpus_per_system: 2")))
        .isEqualTo(
            at(
                11,
                11,
                "workloads[0].gpus",
                "jobs on cluster 'hall-a' need 8 whole systems of 8 GPUs together but it has 4 (a"
                    + " job takes whole systems; this one uses 2 GPUs of each)"));
  }

  @Test
  void anFruMustDivideItsSystem() {
    String text =
        VALID
            + """
            catalog:
              systems:
                GB300-NVL72: { fru: { gpus: 5 } }
                BIG: { gpu: GB300, gpus: 8, other_it_power: 1 kW, fru: { gpus: 16, swap: 1 h } }
                GB200-NVL72: { gpus: 70 }
                NEW: { gpu: GB300, gpus: 8, other_it_power: 1 kW, fru: { swap: 1 h } }
            """;
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                33,
                "catalog.systems.GB300-NVL72.fru.gpus",
                "a system of 72 GPUs does not split into FRUs of 5 GPUs: the FRU's GPUs must"
                    + " divide the system's (e.g. 1, 2, 3, 4, 6, 8, 9, 12, 18, 24, 36, 72)"),
            at(
                25,
                68,
                "catalog.systems.BIG.fru.gpus",
                "an FRU of 16 GPUs is larger than its system of 8 GPUs; an FRU is a part of one"
                    + " system"),
            at(
                26,
                26,
                "catalog.systems.GB200-NVL72.gpus",
                "a system of 70 GPUs does not split into FRUs of 4 GPUs: the FRU's GPUs must"
                    + " divide the system's (e.g. 1, 2, 5, 7, 10, 14, 35, 70) (the built-in"
                    + " entry's FRU: give fru.gpus too)"),
            at(
                27,
                60,
                "catalog.systems.NEW.fru.gpus",
                "missing required key 'gpus' (GPUs in one field-replaceable unit, e.g. 4 (a"
                    + " compute tray))"));
  }

  @Test
  void onlyGpuFailuresCanBeContainedInTheFru() {
    String text =
        VALID
            + """
            failures:
              profile: llama3
              failure_domain: tray
              causes:
                nic: { failure_domain: fru }
                software_bug: { failure_domain: fru }
            """;
    assertThat(errors(text))
        .containsExactly(
            at(24, 19, "failures.failure_domain", "unknown value 'tray'; allowed: system, fru"),
            at(
                26,
                28,
                "failures.causes.nic.failure_domain",
                "only a GPU failure (scope gpu) can be contained in its field-replaceable unit; a"
                    + " system failure takes its whole system (failure_domain: system)"),
            at(
                27,
                37,
                "failures.causes.software_bug.failure_domain",
                "only a GPU failure (scope gpu) can be contained in its field-replaceable unit; a"
                    + " job failure takes no hardware down"));
  }
}
