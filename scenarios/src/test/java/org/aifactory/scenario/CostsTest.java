package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.aifactory.model.power.CostSpec;
import org.junit.jupiter.api.Test;

/** The {@code costs:} section: prices for comparing designs. */
class CostsTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) with {@code costs:} at line 22 and {@code body} from line 23. */
  private static String withCosts(String body) {
    return VALID + "costs:\n" + body;
  }

  private static CostSpec costs(String body, String... sets) throws ScenarioException {
    return load(withCosts(body), sets).costs();
  }

  @Test
  void noCostsSectionMeansTheDefaults() throws ScenarioException {
    assertThat(load(VALID).costs()).isEqualTo(CostSpec.defaults());
    assertThat(load(VALID + "costs:\n").costs()).isEqualTo(CostSpec.defaults());
    assertThat(load(VALID + "costs: {}\n").costs()).isEqualTo(CostSpec.defaults());
  }

  @Test
  void everyKey() throws ScenarioException {
    assertThat(
            costs(
                """
                  ups_per_kw: 450
                  generator_per_kw: $700
                  pdu_each: 30_000
                  lifetime: 20 y
                  discount_rate: 6 %
                  energy_per_mwh: $ 65.5
                  lost_gpu_hour: 4
                """))
        .isEqualTo(new CostSpec(450, 700, 30_000, 20, 0.06, 65.5, 4));
  }

  @Test
  void keysNotGivenKeepTheirDefaults() throws ScenarioException {
    CostSpec d = CostSpec.defaults();
    assertThat(costs("  lost_gpu_hour: 6\n"))
        .isEqualTo(
            new CostSpec(
                d.upsDollarsPerKw(),
                d.generatorDollarsPerKw(),
                d.pduDollarsEach(),
                d.lifetimeYears(),
                d.discountRate(),
                d.energyDollarsPerMwh(),
                6));
  }

  @Test
  void lifetimeInAnyDurationUnitAndAZeroRate() throws ScenarioException {
    CostSpec c = costs("  lifetime: 520 w\n  discount_rate: 0\n");
    assertThat(c.lifetimeYears()).isEqualTo(520 * 7 / 365.0);
    assertThat(c.discountRate()).isZero();
  }

  @Test
  void anOverrideSetsAPrice() throws ScenarioException {
    assertThat(load(VALID, "costs.lost_gpu_hour=$3").costs().lostGpuHourDollars()).isEqualTo(3);
  }

  @Test
  void theOldConstructorsUseTheDefaultCosts() {
    Scenario loaded = loadValid();
    FactorySpec factory = loaded.factory();
    RunSpec run = loaded.run();
    Scenario s = new Scenario("x", "", "test", factory, run);
    assertThat(s.costs()).isEqualTo(CostSpec.defaults());
    assertThat(s.variants()).isEmpty();
    assertThat(new Scenario("x", "", "test", factory, run, 3).costs())
        .isEqualTo(CostSpec.defaults());
    CostSpec other = new CostSpec(1, 2, 3, 4, 0.05, 6, 7);
    Scenario withCosts = new Scenario("x", "", "test", factory, run, 3, other, List.of());
    assertThat(withCosts.withReplications(5).costs()).isEqualTo(other);
    assertThat(withCosts.withRun(run.withSeed(9)).costs()).isEqualTo(other);
  }

  private static Scenario loadValid() {
    try {
      return load(VALID);
    } catch (ScenarioException e) {
      throw new AssertionError(e);
    }
  }

  // ---- errors ----

  @Test
  void negativePrices() {
    assertThat(errors(withCosts("  ups_per_kw: -500\n  pdu_each: $-1\n")))
        .containsExactly(
            at(
                23,
                15,
                "costs.ups_per_kw",
                "expected an amount of US dollars >= 0 (e.g. 500 or $500), got '-500'"),
            at(
                24,
                13,
                "costs.pdu_each",
                "expected an amount of US dollars >= 0 (e.g. 500 or $500), got '$-1'"));
  }

  @Test
  void aPriceWithAUnitOrCommas() {
    assertThat(errors(withCosts("  ups_per_kw: 500 $/kW\n  pdu_each: 25,000\n")))
        .containsExactly(
            at(
                23,
                15,
                "costs.ups_per_kw",
                "expected an amount of US dollars >= 0 (e.g. 500 or $500) without a unit (the key"
                    + " says what it is per), got '500 $/kW'"),
            at(
                24,
                13,
                "costs.pdu_each",
                "expected an amount of US dollars >= 0 (e.g. 500 or $500), got '25,000': write"
                    + " thousands without commas, e.g. 25_000 or 25000"));
  }

  @Test
  void aPriceThatIsNotANumber() {
    assertThat(error(withCosts("  energy_per_mwh: cheap\n")))
        .isEqualTo(
            at(
                23,
                19,
                "costs.energy_per_mwh",
                "expected an amount of US dollars >= 0 (e.g. 500 or $500), got 'cheap'"));
    assertThat(error(withCosts("  energy_per_mwh: .inf\n")).message())
        .isEqualTo(
            "expected an amount of US dollars >= 0 (e.g. 500 or $500), got '.inf', which is not"
                + " a finite number");
  }

  @Test
  void aLifetimeNeedsAUnitAndMustBePositive() {
    assertThat(errors(withCosts("  lifetime: 15\n  discount_rate: 8\n")))
        .containsExactly(
            at(23, 13, "costs.lifetime", "'15' needs a unit, e.g. '15 y'"),
            at(
                24,
                18,
                "costs.discount_rate",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '8' (if you meant a"
                    + " percentage, write '8 %')"));
    assertThat(error(withCosts("  lifetime: 0 y\n")))
        .isEqualTo(at(23, 13, "costs.lifetime", "expected a duration > 0, got '0 y'"));
  }

  @Test
  void anUnknownCostKey() {
    assertThat(error(withCosts("  ups_per_kW: 500\n")))
        .isEqualTo(
            at(
                23,
                3,
                "costs.ups_per_kW",
                "unknown key 'ups_per_kW' (did you mean 'ups_per_kw'?); allowed keys: ups_per_kw,"
                    + " generator_per_kw, pdu_each, lifetime, discount_rate, energy_per_mwh,"
                    + " lost_gpu_hour"));
  }

  @Test
  void costsMustBeAMap() {
    assertThat(error(VALID + "costs: 500\n"))
        .isEqualTo(
            at(
                22,
                8,
                "costs",
                "expected a map with keys ups_per_kw, generator_per_kw, pdu_each, lifetime,"
                    + " discount_rate, energy_per_mwh, lost_gpu_hour, got '500'"));
  }
}
