package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.power.UpsSpec;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.power.UtilitySpec.InterruptionProcess;
import org.junit.jupiter.api.Test;

/** The {@code power:} section: the electrical chain by designs (or structures) and unit sizes. */
class PowerTest {
  private static final RedundancyDesign N_PLUS_1 = RedundancyDesign.N_PLUS_1;
  private static final String NOT_BOTH =
      "give either design (a redundancy design, e.g. N+1) or structure (the stage written out),"
          + " not both";

  /** Units and systems of a stage: at most StageStructure.MAX_UNITS. */
  private static final String ANY_WHOLE = "expected a whole number between 1 and 10,000";

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines, 4 systems) with {@code power:} at line 22 and {@code body} from line 23. */
  private static String withPower(String body) {
    return VALID + "power:\n" + body;
  }

  private static PowerSystemSpec power(String body, String... sets) throws ScenarioException {
    return load(withPower(body), sets).factory().power().orElseThrow();
  }

  private static StageLayout sized(RedundancyDesign design) {
    return new StageLayout.Sized(design);
  }

  private static StageLayout written(StageStructure structure) {
    return new StageLayout.Written(structure);
  }

  /** Every default: what {@code power: {}} gives a factory of {@code rackGroups} groups. */
  private static PowerSystemSpec defaults(int rackGroups) {
    return new PowerSystemSpec(
        rackGroups,
        N_PLUS_1,
        500e3,
        Optional.of(N_PLUS_1),
        2.5e6,
        true,
        PowerSystemSpec.DEFAULT_FACILITY_RECOVERY,
        UtilitySpec.eiaDefaults(),
        CommonCauseSpec.typical(),
        RepairCrewSpec.perUnit(),
        Optional.empty());
  }

  // ---- valid input ----

  @Test
  void noPowerSectionMeansNoElectricalChain() throws ScenarioException {
    assertThat(load(VALID).factory().power()).isEmpty();
    assertThat(load(VALID + "power:\n").factory().power()).isEmpty();
    assertThat(load(VALID + "power: ~\n").factory().power()).isEmpty();
  }

  @Test
  void anEmptyMapIsAChainWithEveryDefault() throws ScenarioException {
    assertThat(load(VALID + "power: {}\n").factory().power()).contains(defaults(1));
  }

  @Test
  void theDefaultRackGroupsAreOnePerEightSystemsRoundedUp() throws ScenarioException {
    assertThat(load(valid("count: 4", "count: 8") + "power: {}\n").factory().power())
        .contains(defaults(1));
    assertThat(load(valid("count: 4", "count: 17") + "power: {}\n").factory().power())
        .contains(defaults(3));
    assertThat(load(valid("count: 4", "count: 24") + "power: {}\n").factory().power())
        .contains(defaults(3));
  }

  @Test
  void everyKey() throws ScenarioException {
    PowerSystemSpec spec =
        power(
            """
              rack_groups: 2
              dual_corded: false
              ups: { design: 2N, module: 1.5 MW, battery: 5 min }
              generators: { design: N+2, unit: 2 MW }
              utility:
                outages_per_year: 2
                mean_outage: 3 h
                momentary_per_year: 10
                momentary_duration: 2 s
              common_cause: { ups: 1 %, generators: 3 %, pdus: 0 }
              repair_crews: 2
              facility_recovery: 1 h
            """);
    assertThat(spec)
        .isEqualTo(
            new PowerSystemSpec(
                2,
                RedundancyDesign.TWO_N,
                1.5e6,
                Optional.of(new RedundancyDesign(1, 1, 2)),
                2e6,
                false,
                Duration.ofHours(1),
                new UtilitySpec(
                    Optional.of(
                        InterruptionProcess.poisson(2, new TimeDistribution.Exponential(3 * 3600))),
                    Optional.of(InterruptionProcess.poisson(10, new TimeDistribution.Fixed(2)))),
                new CommonCauseSpec(0.01, 0.03, 0),
                RepairCrewSpec.shared(2),
                Optional.of(Duration.ofMinutes(5))));
  }

  @Test
  void theDesignsByName() throws ScenarioException {
    assertThat(power("  ups: { design: N }\n").ups()).isEqualTo(sized(RedundancyDesign.N));
    assertThat(power("  ups: { design: 2(N+1) }\n").ups())
        .isEqualTo(sized(new RedundancyDesign(2, 1, 1)));
    assertThat(power("  ups: { design: 4N/3 }\n").ups())
        .isEqualTo(sized(new RedundancyDesign(4, 3, 0)));
    assertThat(power("  ups: { design: 'N + 2' }\n").ups())
        .isEqualTo(sized(new RedundancyDesign(1, 1, 2)));
  }

  @Test
  void aZeroBatteryIsNoBattery() throws ScenarioException {
    assertThat(power("  ups: { battery: 0 s }\n").batteryAutonomy()).contains(Duration.ZERO);
    assertThat(power("  ups: { design: 2N }\n").batteryAutonomy())
        .contains(UpsSpec.TYPICAL_BATTERY_AUTONOMY);
  }

  @Test
  void generatorsNoneOrEmptyMeansNoGenerators() throws ScenarioException {
    assertThat(power("  generators: none\n").generators()).isEmpty();
    assertThat(power("  generators:\n").generators()).isEmpty();
    assertThat(power("  generators: {}\n").generators()).contains(sized(N_PLUS_1));
    assertThat(power("  rack_groups: 1\n").generators()).contains(sized(N_PLUS_1));
    assertThat(load(withPower("  generators: { design: 2N }\n"), "power.generators=none"))
        .satisfies(s -> assertThat(s.factory().power().orElseThrow().generators()).isEmpty());
  }

  @Test
  void aUpsStructureWrittenOut() throws ScenarioException {
    PowerSystemSpec spec =
        power(
            """
              ups:
                module: 250 kW
                structure:
                  systems: 4
                  modules_per_system: 3
                  modules_needed_per_system: 2
                  systems_needed: 3
            """);
    assertThat(spec.ups()).isEqualTo(written(new StageStructure(4, 3, 2, 3)));
    assertThat(spec.upsModuleWatts()).isEqualTo(250e3);
    assertThat(spec.generators()).contains(sized(N_PLUS_1));
  }

  @Test
  void aUpsStructureHasOneSystemNeededOfOneByDefault() throws ScenarioException {
    assertThat(
            power("  ups: { structure: { modules_per_system: 5, modules_needed_per_system: 4 } }\n")
                .ups())
        .isEqualTo(written(StageStructure.kOfN(5, 4)));
    assertThat(
            power(
                    "  ups: { structure: { systems: 2, modules_per_system: 7,"
                        + " modules_needed_per_system: 6 } }\n")
                .ups())
        .isEqualTo(written(new StageStructure(2, 7, 6, 1)));
  }

  @Test
  void aGeneratorStructureWrittenOut() throws ScenarioException {
    PowerSystemSpec spec =
        power("  generators: { unit: 2 MW, structure: { units: 7, needed: 6 } }\n");
    assertThat(spec.generators()).contains(written(StageStructure.kOfN(7, 6)));
    assertThat(spec.generatorUnitWatts()).isEqualTo(2e6);
    assertThat(spec.ups()).isEqualTo(sized(N_PLUS_1));
  }

  @Test
  void aBoundScenarioCarriesTheStructuresIntoItsChain() throws ScenarioException {
    PowerSystemSpec spec =
        power(
            """
              ups: { module: 500 kW, structure: { systems: 2, modules_per_system: 7, modules_needed_per_system: 6 } }
              generators: { unit: 2.5 MW, structure: { units: 3, needed: 2 } }
            """);
    assertThat(spec)
        .isEqualTo(
            new PowerSystemSpec(
                1,
                written(new StageStructure(2, 7, 6, 1)),
                500e3,
                Optional.of(written(StageStructure.kOfN(3, 2))),
                2.5e6,
                true,
                PowerSystemSpec.DEFAULT_FACILITY_RECOVERY,
                UtilitySpec.eiaDefaults(),
                CommonCauseSpec.typical(),
                RepairCrewSpec.perUnit(),
                Optional.empty()));
    // Used as written, whatever the load: 4 DGX-H100 are far below one 500 kW module.
    PowerChainSpec chain = spec.chain(new double[] {4 * 10.2e3});
    assertThat(chain.ups().structure()).isEqualTo(new StageStructure(2, 7, 6, 1));
    assertThat(chain.generators().orElseThrow().units()).isEqualTo(3);
    assertThat(chain.generators().orElseThrow().unitsNeeded()).isEqualTo(2);
  }

  @Test
  void structuresThroughOverrides() throws ScenarioException {
    PowerSystemSpec spec =
        load(
                VALID,
                "power.ups={module: 1 MW, structure: {modules_per_system: 3,"
                    + " modules_needed_per_system: 2}}",
                "power.ups.structure.systems=2",
                "power.generators.structure={units: 4, needed: 3}")
            .factory()
            .power()
            .orElseThrow();
    assertThat(spec.ups()).isEqualTo(written(new StageStructure(2, 3, 2, 1)));
    assertThat(spec.generators()).contains(written(StageStructure.kOfN(4, 3)));
  }

  @Test
  void aPerfectUtilityNeverFails() throws ScenarioException {
    assertThat(power("  utility: perfect\n").utility()).isEqualTo(UtilitySpec.perfect());
  }

  @Test
  void utilityKeysNotGivenKeepTheEiaDefaults() throws ScenarioException {
    UtilitySpec eia = UtilitySpec.eiaDefaults();
    InterruptionProcess sustained = eia.sustainedOutages().orElseThrow();
    InterruptionProcess momentary = eia.momentaryEvents().orElseThrow();
    assertThat(power("  utility: {}\n").utility()).isEqualTo(eia);
    assertThat(sustained.perYear()).isEqualTo(UtilitySpec.EIA_SAIFI_PER_YEAR);

    UtilitySpec rate = power("  utility: { outages_per_year: 2 }\n").utility();
    assertThat(rate.sustainedOutages())
        .contains(InterruptionProcess.poisson(2, sustained.duration()));
    assertThat(rate.momentaryEvents()).contains(momentary);

    UtilitySpec duration = power("  utility: { momentary_duration: 1 s }\n").utility();
    assertThat(duration.sustainedOutages()).contains(sustained);
    assertThat(duration.momentaryEvents())
        .contains(new InterruptionProcess(momentary.interval(), new TimeDistribution.Fixed(1)));
  }

  @Test
  void aRateOfZeroMeansNone() throws ScenarioException {
    UtilitySpec utility =
        power("  utility: { outages_per_year: 0, momentary_per_year: 0 }\n").utility();
    assertThat(utility).isEqualTo(UtilitySpec.perfect());
    UtilitySpec sustainedOnly = power("  utility: { momentary_per_year: 0 }\n").utility();
    assertThat(sustainedOnly)
        .isEqualTo(
            UtilitySpec.sustainedOnly(UtilitySpec.eiaDefaults().sustainedOutages().orElseThrow()));
  }

  @Test
  void oneCommonCauseFractionForEveryGroup() throws ScenarioException {
    assertThat(power("  common_cause: 5 %\n").commonCause()).isEqualTo(CommonCauseSpec.all(0.05));
    assertThat(power("  common_cause: 0\n").commonCause()).isEqualTo(CommonCauseSpec.none());
    assertThat(power("  common_cause: { pdus: 4 % }\n").commonCause())
        .isEqualTo(
            new CommonCauseSpec(CommonCauseSpec.TYPICAL_BETA, CommonCauseSpec.TYPICAL_BETA, 0.04));
  }

  @Test
  void repairCrews() throws ScenarioException {
    assertThat(power("  repair_crews: per_unit\n").repairCrews())
        .isEqualTo(RepairCrewSpec.perUnit());
    assertThat(power("  repair_crews: 3\n").repairCrews()).isEqualTo(RepairCrewSpec.shared(3));
  }

  @Test
  void overridesReachEveryKey() throws ScenarioException {
    PowerSystemSpec spec =
        load(
                VALID,
                "power.ups.design=2N",
                "power.ups.module=250 kW",
                "power.rack_groups=4",
                "power.utility=perfect")
            .factory()
            .power()
            .orElseThrow();
    assertThat(spec.ups()).isEqualTo(sized(RedundancyDesign.TWO_N));
    assertThat(spec.upsModuleWatts()).isEqualTo(250e3);
    assertThat(spec.paths()).isEqualTo(4);
    assertThat(spec.utility()).isEqualTo(UtilitySpec.perfect());
  }

  // ---- errors ----

  @Test
  void anUnknownDesignNamesTheAcceptedForms() {
    assertThat(error(withPower("  ups:\n    design: 3M\n")))
        .isEqualTo(
            at(
                24,
                13,
                "power.ups.design",
                "unknown redundancy design '3M': expected N, N+1, N+2, 2N, 2(N+1) or xN/y such as"
                    + " 4N/3"));
  }

  @Test
  void aLowerCaseDesignSuggestsTheCapital() {
    assertThat(error(withPower("  generators: { design: n+1 }\n")))
        .isEqualTo(
            at(
                23,
                25,
                "power.generators.design",
                "unknown redundancy design 'n+1': expected N, N+1, N+2, 2N, 2(N+1) or xN/y such as"
                    + " 4N/3 (designs are written with a capital N: did you mean 'N+1'?)"));
  }

  @Test
  void anImpossibleDesign() {
    assertThat(error(withPower("  ups: { design: 4N/5 }\n")))
        .isEqualTo(
            at(
                23,
                18,
                "power.ups.design",
                "redundancy design '4N/5': systemsNeeded must be between 1 and systems (4), got"
                    + " 5"));
  }

  @Test
  void aDesignMustBeAScalar() {
    assertThat(error(withPower("  ups: { design: [N] }\n")))
        .isEqualTo(
            at(
                23,
                18,
                "power.ups.design",
                "expected a redundancy design: N, N+1, N+2, 2N, 2(N+1) or xN/y such as 4N/3, got a"
                    + " list"));
  }

  @Test
  void aNegativeBattery() {
    assertThat(error(withPower("  ups:\n    battery: -5 min\n")))
        .isEqualTo(at(24, 14, "power.ups.battery", "expected a duration >= 0, got '-5 min'"));
  }

  @Test
  void aModuleOfZeroOrWithoutAUnit() {
    assertThat(errors(withPower("  ups: { module: 0 kW }\n  generators: { unit: 2500 }\n")))
        .containsExactly(
            at(23, 18, "power.ups.module", "expected a power > 0, got '0 kW'"),
            at(24, 23, "power.generators.unit", "'2500' needs a unit, e.g. '2500 W'"));
  }

  @Test
  void anUnknownUtilityKey() {
    assertThat(error(withPower("  utility:\n    outages: 2\n")))
        .isEqualTo(
            at(
                24,
                5,
                "power.utility.outages",
                "unknown key 'outages'; allowed keys: "
                    + String.join(", ", PowerBinder.UTILITY_KEYS)));
  }

  @Test
  void aUtilityThatIsNeitherAMapNorPerfect() {
    assertThat(error(withPower("  utility: perfec\n")))
        .isEqualTo(
            at(
                23,
                12,
                "power.utility",
                "expected a map with keys "
                    + String.join(", ", PowerBinder.UTILITY_KEYS)
                    + ", or perfect (a utility that never fails), got 'perfec'"
                    + " (did you mean 'perfect'?)"));
  }

  @Test
  void negativeOrZeroUtilityFigures() {
    assertThat(
            errors(
                withPower(
                    "  utility: { outages_per_year: -1, mean_outage: 0 h, momentary_duration: 5 }\n")))
        .containsExactly(
            at(
                23,
                32,
                "power.utility.outages_per_year",
                "expected a number >= 0 of events per year (0: none), e.g. 1.2, got '-1'"),
            at(23, 49, "power.utility.mean_outage", "expected a duration > 0, got '0 h'"),
            at(23, 74, "power.utility.momentary_duration", "'5' needs a unit, e.g. '5 s'"));
  }

  @Test
  void generatorsWrittenAsADesign() {
    assertThat(error(withPower("  generators: N+1\n")))
        .isEqualTo(
            at(
                23,
                15,
                "power.generators",
                "expected a map with keys "
                    + String.join(", ", PowerBinder.GENERATOR_KEYS)
                    + ", or none (no generators), got"
                    + " 'N+1' (for the design, write generators: { design: N+1 })"));
  }

  @Test
  void anUnknownGeneratorKey() {
    assertThat(error(withPower("  generators: { units: 6 }\n")))
        .isEqualTo(
            at(
                23,
                17,
                "power.generators.units",
                "unknown key 'units' (did you mean 'unit'?); allowed keys: "
                    + String.join(", ", PowerBinder.GENERATOR_KEYS)));
  }

  @Test
  void aDesignAndAStructureAreReportedAtTheSecond() {
    assertThat(
            error(
                withPower(
                    """
                      ups:
                        design: 2N
                        structure:
                          modules_per_system: 3
                          modules_needed_per_system: 2
                    """)))
        .isEqualTo(at(25, 5, "power.ups.structure", NOT_BOTH));
    assertThat(
            error(withPower("  generators: { structure: { units: 3, needed: 2 }, design: N+1 }\n")))
        .isEqualTo(at(23, 53, "power.generators.design", NOT_BOTH));
  }

  @Test
  void aDesignOverriddenOnAStructureIsReportedInTheOverride() {
    assertThat(
            error(
                withPower(
                    "  ups: { structure: { modules_per_system: 3, modules_needed_per_system: 2 } }\n"),
                "power.ups.design=2N"))
        .isEqualTo(new ScenarioError(Location.OVERRIDE_FILE, 1, 11, "power.ups.design", NOT_BOTH));
  }

  @Test
  void badUpsStructureCounts() {
    assertThat(
            errors(
                withPower(
                    """
                      ups:
                        structure:
                          systems: 0
                          modules_per_system: 4
                          modules_needed_per_system: 5
                    """)))
        .containsExactly(
            at(25, 16, "power.ups.structure.systems", ANY_WHOLE + ", got '0'"),
            at(
                27,
                34,
                "power.ups.structure.modules_needed_per_system",
                "more modules needed per system (5) than modules per system (4): only installed"
                    + " modules can carry the load"));
    assertThat(
            error(
                withPower(
                    "  ups: { structure: { modules_per_system: 4, modules_needed_per_system: 4,"
                        + " systems_needed: 2 } }\n")))
        .isEqualTo(
            at(
                23,
                92,
                "power.ups.structure.systems_needed",
                "more systems needed (2) than systems (1, the default): only installed systems"
                    + " can carry the load"));
  }

  @Test
  void badGeneratorStructureCounts() {
    assertThat(error(withPower("  generators:\n    structure: { units: 6, needed: 7 }\n")))
        .isEqualTo(
            at(
                24,
                36,
                "power.generators.structure.needed",
                "more units needed (7) than units (6): only installed units can carry the load"));
    assertThat(errors(withPower("  generators:\n    structure: { units: 0, needed: 0 }\n")))
        .containsExactly(
            at(24, 25, "power.generators.structure.units", ANY_WHOLE + ", got '0'"),
            at(24, 36, "power.generators.structure.needed", ANY_WHOLE + ", got '0'"));
  }

  @Test
  void aStructureMissingACount() {
    assertThat(error(withPower("  generators: { structure: { units: 6 } }\n")))
        .isEqualTo(
            at(
                23,
                28,
                "power.generators.structure.needed",
                "missing required key 'needed' (the generators that together carry the load, a"
                    + " whole number >= 1, at most units)"));
    assertThat(error(withPower("  ups: { structure: { modules_needed_per_system: 2 } }\n")))
        .isEqualTo(
            at(
                23,
                21,
                "power.ups.structure.modules_per_system",
                "missing required key 'modules_per_system' (installed UPS modules per system, a"
                    + " whole number >= 1)"));
  }

  @Test
  void anUnknownStructureKey() {
    assertThat(error(withPower("  generators: { structure: { units: 6, neded: 5, needed: 5 } }\n")))
        .isEqualTo(
            at(
                23,
                40,
                "power.generators.structure.neded",
                "unknown key 'neded' (did you mean 'needed'?); allowed keys: units, needed"));
  }

  @Test
  void aStructureWrittenAsADesignOrNotAMap() {
    assertThat(error(withPower("  ups: { structure: 2(N+1) }\n")))
        .isEqualTo(
            at(
                23,
                21,
                "power.ups.structure",
                "expected a map with keys systems, modules_per_system, modules_needed_per_system,"
                    + " systems_needed, e.g. { systems: 2, modules_per_system: 7,"
                    + " modules_needed_per_system: 6 }, got '2(N+1)' (for a redundancy design,"
                    + " write design: 2(N+1) instead of structure)"));
    assertThat(error(withPower("  generators: { structure: [7, 6] }\n")))
        .isEqualTo(
            at(
                23,
                28,
                "power.generators.structure",
                "expected a map with keys units, needed, e.g. { units: 7, needed: 6 }, got a"
                    + " list"));
  }

  @Test
  void moreRackGroupsThanSystems() {
    assertThat(error(withPower("  rack_groups: 5\n")))
        .isEqualTo(
            at(
                23,
                16,
                "power.rack_groups",
                "more rack groups (5) than systems (4): every rack group needs at least one"
                    + " system"));
    assertThat(error(withPower("  rack_groups: 0\n")))
        .isEqualTo(
            at(
                23,
                16,
                "power.rack_groups",
                "expected a whole number between 1 and 10,000, got '0'"));
  }

  @Test
  void badCommonCause() {
    assertThat(errors(withPower("  common_cause: { ups: 2, generator: 1 % }\n")))
        .containsExactly(
            at(
                23,
                24,
                "power.common_cause.ups",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '2' (if you meant a"
                    + " percentage, write '2 %')"),
            at(
                23,
                27,
                "power.common_cause.generator",
                "unknown key 'generator' (did you mean 'generators'?); allowed keys: "
                    + String.join(", ", PowerBinder.COMMON_CAUSE_KEYS)));
    assertThat(error(withPower("  common_cause: [1 %]\n")))
        .isEqualTo(
            at(
                23,
                17,
                "power.common_cause",
                "expected a fraction (β of every group, e.g. 2 %) or a map with keys "
                    + String.join(", ", PowerBinder.COMMON_CAUSE_KEYS)
                    + ", got a list"));
  }

  @Test
  void badRepairCrews() {
    assertThat(error(withPower("  repair_crews: per-unit\n")))
        .isEqualTo(
            at(
                23,
                17,
                "power.repair_crews",
                "expected per_unit (every failed unit is repaired at once) or a whole number >= 1"
                    + " (crews shared by the whole chain), got 'per-unit' (did you mean"
                    + " 'per_unit'?)"));
    assertThat(error(withPower("  repair_crews: 0\n")).message())
        .startsWith("expected per_unit (every failed unit");
  }

  @Test
  void badFlagsAndRecovery() {
    assertThat(errors(withPower("  dual_corded: yes\n  facility_recovery: -1 min\n")))
        .containsExactly(
            at(23, 16, "power.dual_corded", "unknown value 'yes'; allowed: true, false"),
            at(24, 22, "power.facility_recovery", "expected a duration >= 0, got '-1 min'"));
  }

  @Test
  void powerMustBeAMap() {
    assertThat(error(VALID + "power: true\n"))
        .isEqualTo(
            at(
                22,
                8,
                "power",
                "expected a map with keys "
                    + String.join(", ", PowerBinder.KEYS)
                    + " (an empty map, {}, gives a"
                    + " chain with every default), got 'true'"));
  }

  @Test
  void anOverrideWithABadDesignIsReportedInTheOverride() {
    assertThat(error(VALID, "power.ups.design=2M"))
        .isEqualTo(
            new ScenarioError(
                Location.OVERRIDE_FILE,
                1,
                18,
                "power.ups.design",
                "unknown redundancy design '2M': expected N, N+1, N+2, 2N, 2(N+1) or xN/y such as"
                    + " 4N/3"));
  }
}
