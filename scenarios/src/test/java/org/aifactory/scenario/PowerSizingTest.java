package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.model.RackGroups;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.junit.jupiter.api.Test;

/**
 * The chain is sized from the racks' design IT load when the scenario is read, so that a size or
 * design the run could not build (2^31 modules, an infinite capacity) is a located error that
 * {@code validate} finds too. The test factory: 4 DGX-H100, 40.8 kW of IT, 42.5 kW of UPS output.
 */
class PowerSizingTest {

  private static final String MOST = "; at most 10,000 are supported";

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) with {@code power:} at line 22 and {@code body} from line 23. */
  private static String withPower(String body) {
    return VALID + "power:\n" + body;
  }

  /** A 1e-300 W module passed validation, then the run overflowed an int (-2147483648 units). */
  @Test
  void aModuleSoSmallThatTheLoadNeedsTooManyIsReportedAtTheModule() {
    assertThat(error(withPower("  ups: { module: 1e-300 W }\n")))
        .isEqualTo(
            at(
                23,
                18,
                "power.ups.module",
                "1e-300 W would need 4.25e304 UPS modules for the 42.5 kW the UPS stage delivers"
                    + " at full load"
                    + MOST));
    assertThat(error(VALID, "power.ups.module=1e-300 W").toString())
        .isEqualTo(
            "--set:1:18: power.ups.module: 1e-300 W would need 4.25e304 UPS modules for the 42.5"
                + " kW the UPS stage delivers at full load"
                + MOST);
  }

  /** A 1e308 W module made the installed capacity infinite. */
  @Test
  void aModuleOrUnitIsAtMostAGigawatt() {
    String expected =
        "expected a power > 0 and at most 1 GW (the largest UPS modules and generators are a few"
            + " MW), got '";
    assertThat(error(withPower("  ups: { module: 1e308 W }\n")))
        .isEqualTo(at(23, 18, "power.ups.module", expected + "1e308 W'"));
    assertThat(error(withPower("  generators: { unit: 1.5 GW }\n")))
        .isEqualTo(at(23, 23, "power.generators.unit", expected + "1.5 GW'"));
  }

  @Test
  void aDesignThatInstallsTooManyIsReportedAtTheDesign() {
    assertThat(error(withPower("  ups: { module: 10 W, design: 1000N }\n")))
        .isEqualTo(
            at(
                23,
                32,
                "power.ups.design",
                "1000N for N = 4,251 (modules of 10 W for the 42.5 kW the UPS stage delivers at"
                    + " full load) installs 4,251,000 UPS modules"
                    + MOST));
    assertThat(error(withPower("  generators: { unit: 10 W, design: 1000N }\n")))
        .isEqualTo(
            at(
                23,
                37,
                "power.generators.design",
                "1000N for N = 5,184 (units of 10 W for the 51.8 kW the chain draws at full load)"
                    + " installs 5,184,000 generators"
                    + MOST));
  }

  @Test
  void generatorsTooSmallForTheChainsInputAreReportedAtTheUnit() {
    assertThat(error(withPower("  generators: { unit: 1 W }\n")))
        .isEqualTo(
            at(
                23,
                23,
                "power.generators.unit",
                "1 W would need 51,838 generators for the 51.8 kW the chain draws at full load"
                    + MOST));
  }

  /** Not written, the default 500 kW module is reported where the power section is. */
  @Test
  void theDefaultModuleOfAHugeHallIsReportedAtThePowerSection() {
    String hall = valid("count: 4", "count: 600000") + "power: {}\n";
    assertThat(error(hall))
        .isEqualTo(
            at(
                22,
                8,
                "power.ups.module",
                "500 kW would need 12,757 UPS modules for the 6.38 GW the UPS stage delivers at"
                    + " full load"
                    + MOST));
  }

  /** A GPU draws at most 10 kW, but a system's other IT power is not bounded. */
  @Test
  void aDesignLoadBeyondAnyChainIsReportedAtThePowerSection() {
    String huge =
        withPower("  rack_groups: 1\n")
            + "catalog: { systems: { DGX-H100: { other_it_power: 1.7e308 W } } }\n";
    assertThat(error(huge))
        .isEqualTo(
            at(
                23,
                3,
                "power",
                "the racks' design IT load, more than 1.8e308 W, is too large to size an"
                    + " electrical chain for"));
  }

  /** 1e-308 per year was "mean must be a positive finite duration"; 1e308 a run without end. */
  @Test
  void utilityRatesMustGiveAUsableTimeBetweenEvents() {
    assertThat(error(withPower("  utility: { outages_per_year: 1e-308 }\n")))
        .isEqualTo(
            at(
                23,
                32,
                "power.utility.outages_per_year",
                "'1e-308' per year is out of range: the mean time between events would be"
                    + " infinite (beyond the largest 64-bit number, 1.8e308 s); 0 means none"));
    assertThat(error(withPower("  utility: { momentary_per_year: 1e308 }\n")))
        .isEqualTo(
            at(
                23,
                34,
                "power.utility.momentary_per_year",
                "'1e308' per year is out of range: the mean time between events would be"
                    + " 3.15e-301 s, shorter than the clock's resolution of 1 ns; 0 means none"));
  }

  /** {units: 2147483647} ran out of memory building 2^31 generators. */
  @Test
  void writtenOutStructuresHaveAtMostTenThousandUnits() {
    assertThat(
            error(
                VALID,
                "power.generators.design=null",
                "power.generators.structure={units: 2147483647, needed: 1}"))
        .isEqualTo(
            new ScenarioError(
                Location.OVERRIDE_FILE,
                2,
                36,
                "power.generators.structure.units",
                "expected a whole number between 1 and 10,000, got '2147483647'"));
    assertThat(
            error(
                withPower(
                    "  ups: { structure: { systems: 2, modules_per_system: 7000,"
                        + " modules_needed_per_system: 6 } }\n")))
        .isEqualTo(
            at(
                23,
                55,
                "power.ups.structure.modules_per_system",
                "2 systems of 7,000 modules are 14,000 UPS modules" + MOST));
  }

  /** What validation accepts, the run can build: the largest stage allowed is sized. */
  @Test
  void aScenarioThatLoadsCanBeSized() throws ScenarioException {
    // 42,501 W in 5 W modules: N = 8,501, N+1 installs 8,502.
    Scenario s = Texts.load(withPower("  ups: { module: 5 W }\n  generators: none\n"));
    PowerSystemSpec power = s.factory().power().orElseThrow();
    PowerChainSpec chain = power.chain(RackGroups.designItWatts(s.factory(), power.paths()));
    assertThat(chain.ups().structure().totalUnits()).isEqualTo(8_502);
  }
}
