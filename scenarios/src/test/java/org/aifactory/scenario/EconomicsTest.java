package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aifactory.model.RackGroups;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.economics.EnergyPrice;
import org.aifactory.model.power.CostSpec;
import org.junit.jupiter.api.Test;

/** The {@code economics:} section, beside {@code costs:}. */
class EconomicsTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) with {@code economics:} at line 22 and {@code body} from line 23. */
  private static EconomicsSpec economics(String body, String... sets) throws ScenarioException {
    return load(VALID + "economics:\n" + body, sets).economics().orElseThrow();
  }

  @Test
  void withoutTheSectionThereAreNoEconomics() throws ScenarioException {
    assertThat(load(VALID).economics()).isEmpty();
    assertThat(load(VALID + "costs: { energy_per_mwh: 70 }\n").economics()).isEmpty();
  }

  @Test
  void anEmptySectionGivesTheDefaultsAndTheCostsEnergyPriceAndGpuHourValue()
      throws ScenarioException {
    Scenario s = load(VALID + "economics:\n");
    double designIt = RackGroups.designItWatts(s.factory(), 1)[0];
    assertThat(designIt).isPositive();
    CostSpec c = CostSpec.defaults();
    EconomicsSpec expected =
        EconomicsSpec.defaults(designIt, c.energyDollarsPerMwh(), c.lostGpuHourDollars());
    assertThat(s.economics()).contains(expected);
    assertThat(load(VALID + "economics: {}\n").economics()).contains(expected);
    assertThat(
            load(VALID + "costs: { energy_per_mwh: 70, lost_gpu_hour: 3 }\neconomics: {}\n")
                .economics()
                .orElseThrow())
        .isEqualTo(EconomicsSpec.defaults(designIt, 70, 3));
  }

  @Test
  void everyKey() throws ScenarioException {
    EconomicsSpec e =
        economics(
            """
              gpu_price: 37_000
              system_life: 6 y
              facility_per_mw: $9_300_000
              facility_mw: 2.5 MW
              facility_life: 15 y
              operations: 4 %
              token_price: 2.19
            """);
    assertThat(e.gpuDollars()).isEqualTo(37_000);
    assertThat(e.systemLifeYears()).isCloseTo(6, within(1e-12));
    assertThat(e.facilityDollarsPerMw()).isEqualTo(9.3e6);
    assertThat(e.facilityItWatts()).isEqualTo(2.5e6);
    assertThat(e.facilityLifeYears()).isCloseTo(15, within(1e-12));
    assertThat(e.operationsShare()).isCloseTo(0.04, within(1e-15));
    assertThat(e.dollarsPerMillionTokens()).isEqualTo(2.19);
    assertThat(e.energyPrice()).isEqualTo(new EnergyPrice.Flat(CostSpec.ENERGY_DOLLARS_PER_MWH));
  }

  @Test
  void overridesReachTheSection() throws ScenarioException {
    assertThat(economics("  gpu_price: 1\n", "economics.gpu_price=$48_000").gpuDollars())
        .isEqualTo(48_000);
  }

  @Test
  void badValuesAreReportedWhereTheyAre() {
    assertThat(error(VALID + "economics:\n  gpu_price: -5\n").line()).isEqualTo(23);
    assertThat(error(VALID + "economics:\n  gpu_price: -5\n").path())
        .isEqualTo("economics.gpu_price");
    assertThat(error(VALID + "economics:\n  system_life: 5\n"))
        .isEqualTo(at(23, 16, "economics.system_life", "'5' needs a unit, e.g. '5 y'"));
    assertThat(error(VALID + "economics:\n  facility_life: -3 y\n").path())
        .isEqualTo("economics.facility_life");
    assertThat(error(VALID + "economics:\n  operations: 120 %\n").path())
        .isEqualTo("economics.operations");
    assertThat(error(VALID + "economics:\n  token_prize: 1\n").message()).contains("token_price");
    assertThat(error(VALID + "economics: 3\n").path()).isEqualTo("economics");
  }
}
