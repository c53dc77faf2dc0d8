package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.aifactory.model.power.CostSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;
import org.junit.jupiter.api.Test;

/** {@code variants:}: the scenario with overrides, each reported where it is written. */
class VariantsTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) with {@code variants:} at line 22 and {@code body} from line 23. */
  private static String withVariants(String body) {
    return VALID + "variants:\n" + body;
  }

  /** VALID with a power chain (lines 22-23) and three variants of its UPS design (24-31). */
  private static final String DESIGNS =
      VALID
          + """
          power:
            ups: { design: N+1 }
          variants:
            - name: N
              set: { power.ups.design: N }
            - name: 2N
              description: two systems
              set:
                power.ups.design: 2N
            - name: 4N/3
              set: { power.ups.design: 4N/3 }
          """;

  private static RedundancyDesign upsDesign(Scenario scenario) {
    StageLayout ups = scenario.factory().power().orElseThrow().ups();
    return ((StageLayout.Sized) ups).design();
  }

  private static List<String> names(Scenario scenario) {
    return scenario.variants().stream().map(ScenarioVariant::name).toList();
  }

  // ---- valid input ----

  @Test
  void noVariantsMeansAnEmptyList() throws ScenarioException {
    assertThat(load(VALID).variants()).isEmpty();
    assertThat(load(VALID + "variants:\n").variants()).isEmpty();
    assertThat(load(VALID + "variants: []\n").variants()).isEmpty();
  }

  @Test
  void variantsProduceScenariosWhoseUpsDesignsDiffer() throws ScenarioException {
    Scenario base = load(DESIGNS);
    assertThat(upsDesign(base)).isEqualTo(RedundancyDesign.N_PLUS_1);
    assertThat(names(base)).containsExactly("N", "2N", "4N/3");
    assertThat(base.variants().stream().map(v -> upsDesign(v.scenario())))
        .containsExactly(RedundancyDesign.N, RedundancyDesign.TWO_N, new RedundancyDesign(4, 3, 0));
    assertThat(base.variants().stream().map(ScenarioVariant::description))
        .containsExactly("", "two systems", "");
  }

  @Test
  void aVariantIsTheScenarioWithItsOverridesOnly() throws ScenarioException {
    Scenario base = load(DESIGNS);
    for (ScenarioVariant variant : base.variants()) {
      Scenario s = variant.scenario();
      assertThat(s.name()).isEqualTo(base.name());
      assertThat(s.description()).isEqualTo(base.description());
      assertThat(s.source()).isEqualTo(base.source());
      assertThat(s.run()).isEqualTo(base.run());
      assertThat(s.replications()).isEqualTo(base.replications());
      assertThat(s.costs()).isEqualTo(base.costs());
      assertThat(s.variants()).isEmpty();
      // HardwareCatalog has no equals: compare field by field.
      assertThat(s.factory().withPower(base.factory().power()))
          .usingRecursiveComparison()
          .isEqualTo(base.factory());
      PowerSystemSpec power = s.factory().power().orElseThrow();
      PowerSystemSpec basePower = base.factory().power().orElseThrow();
      assertThat(power.ups()).isNotEqualTo(basePower.ups());
      assertThat(power)
          .isEqualTo(
              new PowerSystemSpec(
                  basePower.paths(),
                  power.ups(),
                  basePower.upsModuleWatts(),
                  basePower.generators(),
                  basePower.generatorUnitWatts(),
                  basePower.dualCorded(),
                  basePower.facilityRecovery(),
                  basePower.utility(),
                  basePower.commonCause(),
                  basePower.repairCrews(),
                  basePower.batteryAutonomy()));
    }
  }

  @Test
  void aVariantWithoutSetIsTheScenario() throws ScenarioException {
    Scenario base = load(withVariants("  - name: base\n    description: as it is\n"));
    assertThat(base.variants()).hasSize(1);
    ScenarioVariant variant = base.variants().get(0);
    assertThat(variant.description()).isEqualTo("as it is");
    // HardwareCatalog has no equals: compare field by field.
    assertThat(variant.scenario()).usingRecursiveComparison().isEqualTo(load(VALID));
  }

  @Test
  void aVariantMaySetAnyKey() throws ScenarioException {
    Scenario base =
        load(
            withVariants(
                """
                  - name: bigger
                    set:
                      clusters[hall-a].count: 8
                      costs.lost_gpu_hour: $10
                      replications: 5
                      power: { rack_groups: 2 }
                      'workloads[job].checkpoint': { interval: 1 h, duration: 1 min, power: 0.2 }
                """));
    Scenario s = base.variants().get(0).scenario();
    assertThat(s.factory().clusters().get(0).systemCount()).isEqualTo(8);
    assertThat(s.costs().lostGpuHourDollars()).isEqualTo(10);
    assertThat(s.replications()).isEqualTo(5);
    assertThat(s.factory().power().orElseThrow().paths()).isEqualTo(2);
    assertThat(s.factory().trainingJobs().get(0).checkpoint().orElseThrow().interval()).hasHours(1);
    assertThat(base.factory().power()).isEmpty();
    assertThat(base.costs()).isEqualTo(CostSpec.defaults());
  }

  @Test
  void commandLineOverridesApplyToTheScenarioBeforeItsVariants() throws ScenarioException {
    Scenario base = load(DESIGNS, "power.ups.module=1 MW", "variants[2N].set.power.ups.design=N+2");
    assertThat(base.factory().power().orElseThrow().upsModuleWatts()).isEqualTo(1e6);
    for (ScenarioVariant variant : base.variants()) {
      assertThat(variant.scenario().factory().power().orElseThrow().upsModuleWatts())
          .isEqualTo(1e6);
    }
    assertThat(upsDesign(base.variants().get(1).scenario()))
        .isEqualTo(new RedundancyDesign(1, 1, 2));
  }

  /**
   * A path into a variant's set is one field path of it: the 2N variant became an N+1 chain with
   * default rack groups and battery (the set got a whole new 'power' section).
   */
  @Test
  void aCommandLineOverrideAddsOneFieldPathToAVariantsSet() throws ScenarioException {
    String text =
        VALID
            + """
            power: { rack_groups: 2, ups: { design: N+1, battery: 5 min } }
            variants:
              - name: 2N
                set: { power.ups.design: 2N }
            """;
    Scenario base = load(text, "variants[2N].set.power.ups.module=1 MW");
    PowerSystemSpec basePower = base.factory().power().orElseThrow();
    PowerSystemSpec power = base.variants().get(0).scenario().factory().power().orElseThrow();
    assertThat(power.ups()).isEqualTo(new StageLayout.Sized(RedundancyDesign.TWO_N));
    assertThat(power.upsModuleWatts()).isEqualTo(1e6);
    assertThat(power.paths()).isEqualTo(2);
    assertThat(power.batteryAutonomy()).contains(Duration.ofMinutes(5));
    assertThat(basePower.upsModuleWatts()).isEqualTo(500e3);
    // An error in it is reported in the override, under the variant's set.
    assertThat(error(text, "variants[2N].set.power.ups.module=1e-300 W").path())
        .isEqualTo("variants[0].set.power.ups.module");
  }

  @Test
  void theVariantsAreInTheScenarioRecord() throws ScenarioException {
    Scenario base = load(DESIGNS);
    ScenarioVariant first = base.variants().get(0);
    assertThat(base.withReplications(7).variants()).isEqualTo(base.variants());
    assertThat(base.withRun(base.run().withSeed(5)).variants()).isEqualTo(base.variants());
    assertThatThrownBy(
            () ->
                new Scenario(
                    "x",
                    "",
                    "s",
                    base.factory(),
                    base.run(),
                    1,
                    base.costs(),
                    List.of(first, first)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate variant name 'N'");
    assertThatThrownBy(() -> new ScenarioVariant("a b", "", first.scenario()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScenarioVariant("outer", "", base))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("variant 'outer': a variant's scenario cannot have variants of its own");
  }

  // ---- errors in a variant's set: at the path or value, with the variant's path ----

  @Test
  void anUnknownKeyInASetIsReportedAtItsSegment() {
    assertThat(error(withVariants("  - name: A\n    set: { power.ups.desing: 2N }\n")))
        .isEqualTo(
            at(
                24,
                22,
                "variants[0].set.power.ups.desing",
                "unknown key 'desing' (did you mean 'design'?); allowed keys: "
                    + String.join(", ", PowerBinder.UPS_KEYS)));
  }

  @Test
  void aBadValueInASetIsReportedAtTheValue() {
    assertThat(
            error(
                withVariants(
                    """
                      - name: A
                        set: { power.ups.design: 2N }
                      - name: B
                        set: { power.ups.design: 3M }
                    """)))
        .isEqualTo(
            at(
                26,
                30,
                "variants[1].set.power.ups.design",
                "unknown redundancy design '3M': expected N, N+1, N+2, 2N, 2(N+1) or xN/y such as"
                    + " 4N/3"));
  }

  @Test
  void anUnknownKeyInsideAMapValue() {
    assertThat(
            error(
                withVariants("  - name: A\n    set: { power.ups: { design: 2N, modul: 1 MW } }\n")))
        .isEqualTo(
            at(
                24,
                37,
                "variants[0].set.power.ups.modul",
                "unknown key 'modul' (did you mean 'module'?); allowed keys: "
                    + String.join(", ", PowerBinder.UPS_KEYS)));
  }

  @Test
  void aMissingElementInASetPath() {
    assertThat(error(withVariants("  - name: A\n    set:\n      workloads[3].gpus: 8\n")))
        .isEqualTo(at(25, 16, "variants[0].set.workloads[3]", "no such element (1 workload)"));
  }

  @Test
  void quotedKeysAreLocatedInsideTheirQuotes() {
    assertThat(error(withVariants("  - name: A\n    set: { \"workloads[0].gpus\": 0 }\n")))
        .isEqualTo(
            at(
                24,
                33,
                "variants[0].set.workloads[0].gpus",
                "expected a whole number between 1 and 2,147,483,647, got '0'"));
    assertThat(error(withVariants("  - name: A\n    set: { 'power.ups.desing': 2N }\n")))
        .isEqualTo(
            at(
                24,
                23,
                "variants[0].set.power.ups.desing",
                "unknown key 'desing' (did you mean 'design'?); allowed keys: "
                    + String.join(", ", PowerBinder.UPS_KEYS)));
  }

  @Test
  void aPathSyntaxErrorInASet() {
    assertThat(error(withVariants("  - name: A\n    set:\n      power..ups: 1\n")))
        .isEqualTo(at(25, 13, "variants[0].set.power..ups", "expected a key, got '.'"));
    assertThat(error(withVariants("  - name: A\n    set: { '': 1 }\n")))
        .isEqualTo(
            at(24, 13, "variants[0].set", "expected a field path, e.g. power.ups.design, got ''"));
  }

  @Test
  void aValueTheVariantMadeWrongElsewhereSaysWhichVariant() {
    assertThat(error(withVariants("  - name: small\n    set:\n      clusters[0].count: 1\n")))
        .isEqualTo(
            at(
                11,
                11,
                "workloads[0].gpus",
                "in variant 'small': job needs 16 GPUs but cluster 'hall-a' has 8"));
  }

  @Test
  void aVariantCannotSetTheNameOrVariants() {
    assertThat(
            errors(
                withVariants(
                    "  - name: A\n    set: { name: other }\n  - name: B\n    set: { variants: [] }\n")))
        .containsExactly(
            at(
                24,
                12,
                "variants[0].set.name",
                "a variant keeps the scenario's name; the variant's own name is its 'name'"),
            at(26, 12, "variants[1].set.variants", "a variant cannot have variants of its own"));
  }

  @Test
  void anOverrideOfAVariantIsReportedInTheOverride() {
    String text = withVariants("  - name: A\n    set: { power.ups.design: 2N }\n");
    assertThat(error(text, "variants[0].set.power.ups.design=3M"))
        .isEqualTo(
            new ScenarioError(
                Location.OVERRIDE_FILE,
                1,
                34,
                "variants[0].set.power.ups.design",
                "unknown redundancy design '3M': expected N, N+1, N+2, 2N, 2(N+1) or xN/y such as"
                    + " 4N/3"));
  }

  // ---- errors in the list of variants ----

  @Test
  void duplicateVariantNames() {
    assertThat(error(withVariants("  - name: A\n  - name: B\n  - name: A\n")))
        .isEqualTo(
            at(
                25,
                11,
                "variants[2].name",
                "duplicate variant name 'A' (variants[0] has the same name)"));
  }

  @Test
  void aVariantNeedsAValidName() {
    assertThat(errors(withVariants("  - name: a b\n  - set: {}\n")))
        .containsExactly(
            at(
                23,
                11,
                "variants[0].name",
                "expected a variant name of letters, digits, '.', '_', '-', '+', '/', '(' and ')',"
                    + " e.g. N+1 or 4N/3, got 'a b'"),
            at(
                24,
                5,
                "variants[1].name",
                "missing required key 'name' (a variant name of letters, digits, '.', '_', '-',"
                    + " '+', '/', '(' and ')', e.g. N+1 or 4N/3)"));
  }

  @Test
  void badVariantStructure() {
    assertThat(error(VALID + "variants: { name: A }\n"))
        .isEqualTo(
            at(
                22,
                11,
                "variants",
                "expected a list of variants, e.g. [{ name: 2N, set: { power.ups.design: 2N } }],"
                    + " got a map"));
    assertThat(
            errors(withVariants("  - A\n  - name: B\n    sets: {}\n  - name: C\n    set: [a]\n")))
        .containsExactly(
            at(
                23,
                5,
                "variants[0]",
                "expected a variant: a map with keys name, description, set, got 'A'"),
            at(
                25,
                5,
                "variants[1].sets",
                "unknown key 'sets' (did you mean 'set'?); allowed keys: name, description, set"),
            at(
                27,
                10,
                "variants[2].set",
                "expected a map of field paths to values, e.g. { power.ups.design: 2N }, got a"
                    + " list"));
  }

  @Test
  void anInvalidScenarioReportsOnlyItsOwnErrorsAndTheVariantsList() {
    String text =
        valid("horizon: 1 h", "horizon: 0 h")
            + "variants:\n  - name: A\n    set: { seed: 2 }\n  - name: A\n";
    assertThat(errors(text))
        .containsExactly(
            at(2, 10, "horizon", "expected a duration > 0, got '0 h'"),
            at(
                25,
                11,
                "variants[1].name",
                "duplicate variant name 'A' (variants[0] has the same name)"));
  }
}
