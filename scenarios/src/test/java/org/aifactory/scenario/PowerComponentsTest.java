package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.ChainComponents;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.DistributionSpec;
import org.aifactory.model.power.EfficiencyCurve;
import org.aifactory.model.power.GeneratorStageSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.SourceLayout;
import org.aifactory.model.power.UnitReliability;
import org.aifactory.model.power.UpsStageSpec;
import org.aifactory.model.power.UtilitySpec;
import org.junit.jupiter.api.Test;

/**
 * The reliability of every component of the power chain as keys (issue 9 §1, §3): the failure
 * language of {@code failures.causes} for UPS modules, battery strings, generators, PDUs,
 * transformers, switchgear, ATS and STS; the UPS's bypass, recharge, efficiency and eco mode; the
 * generators' start, fuel and probabilities; the utility's feeds and outage durations; the
 * distribution's voltage and conductors; and their errors.
 */
class PowerComponentsTest {
  private static final double HOUR = 3600;
  private static final double YEAR = 365 * 24 * HOUR;

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) with {@code power:} at line 22 and {@code body} from line 23. */
  private static String withPower(String body) {
    return VALID + "power:\n" + body;
  }

  private static PowerSystemSpec power(String body) throws ScenarioException {
    return load(withPower(body)).factory().power().orElseThrow();
  }

  // ---- valid input ----

  @Test
  void nothingWrittenKeepsTheCitedDefaultsAndEveryAddedComponentIdeal() throws ScenarioException {
    PowerSystemSpec spec = power("  ups: {}\n");
    assertThat(spec.upsStage().modules())
        .isEqualTo(
            new UnitReliability(
                new TimeDistribution.Exponential(40_000 * HOUR),
                new TimeDistribution.Exponential(8 * HOUR)));
    assertThat(spec.upsStage().batteryStrings()).isEmpty();
    assertThat(spec.upsStage().staticBypass()).isTrue();
    assertThat(spec.upsStage().rechargeTime()).isEqualTo(Duration.ofHours(8));
    assertThat(spec.upsStage().efficiency()).isEqualTo(EfficiencyCurve.DOUBLE_CONVERSION);
    assertThat(spec.components()).isEqualTo(ChainComponents.none());
    assertThat(spec.sources()).isEqualTo(SourceLayout.SHARED);
    assertThat(spec.distribution()).isEqualTo(DistributionSpec.defaults(true));
    assertThat(spec.utility()).isEqualTo(UtilitySpec.eiaDefaults());
  }

  @Test
  void upsModulesAndBatteryStringsTakeTheFailureLanguage() throws ScenarioException {
    UpsStageSpec ups =
        power(
                """
                  ups:
                    module_mtbf: 170000 h
                    module_repair: { distribution: lognormal, median: 30 min, sigma: 0.5 }
                    battery_rate: 1 per 5 y
                    battery_repair: 12 h
                    static_bypass: false
                    battery: 5 min
                    battery_recharge: 4 h
                """)
            .upsStage();
    assertThat(ups.modules())
        .isEqualTo(
            new UnitReliability(
                new TimeDistribution.Exponential(170_000 * HOUR),
                new TimeDistribution.Lognormal(1800, 0.5)));
    assertThat(ups.batteryStrings())
        .contains(
            new UnitReliability(
                new TimeDistribution.Exponential(5 * YEAR),
                new TimeDistribution.Exponential(12 * HOUR)));
    assertThat(ups.staticBypass()).isFalse();
    assertThat(ups.batteryAutonomy()).isEqualTo(Duration.ofMinutes(5));
    assertThat(ups.rechargeTime()).isEqualTo(Duration.ofHours(4));

    UpsStageSpec weibull =
        power(
                "  ups: { module_time_to_failure: { distribution: weibull, shape: 1.5, scale: 20"
                    + " y }, battery_mtbf: 8 y }\n")
            .upsStage();
    assertThat(weibull.modules().timeToFailure())
        .isEqualTo(new TimeDistribution.Weibull(1.5, 20 * YEAR));
    // A battery failure rate without a repair takes the placeholder repair of 24 h.
    assertThat(weibull.batteryStrings().orElseThrow().repair())
        .isEqualTo(new TimeDistribution.Exponential(24 * HOUR));
  }

  @Test
  void efficiencyCurvesAndEcoMode() throws ScenarioException {
    assertThat(power("  ups: { eco_mode: true }\n").upsStage().efficiency())
        .isEqualTo(EfficiencyCurve.ECO_MODE);
    assertThat(power("  ups: { efficiency: 97 % }\n").upsStage().efficiency())
        .isEqualTo(EfficiencyCurve.constant(0.97));
    assertThat(
            power("  ups: { efficiency: { 100 %: 98 %, 0.25: 95 %, 50 %: 97.5 % } }\n")
                .upsStage()
                .efficiency())
        .isEqualTo(
            EfficiencyCurve.of(new double[] {0.25, 0.5, 1}, new double[] {0.95, 0.975, 0.98}));
    // A curve written with eco mode is the eco-mode curve.
    assertThat(
            power("  ups: { eco_mode: true, efficiency: { 50 %: 99 % } }\n")
                .upsStage()
                .efficiency())
        .isEqualTo(EfficiencyCurve.of(new double[] {0.5}, new double[] {0.99}));
  }

  @Test
  void generatorKeys() throws ScenarioException {
    GeneratorStageSpec plant =
        power(
                """
                  generators:
                    start_delay: 15 s
                    fail_to_start: 0.13 %
                    availability: 0.99
                    mtbf: 2000 h
                    repair: { distribution: lognormal, median: 14.7 h, sigma: 1.2 }
                    fuel_autonomy: 48 h
                """)
            .generatorStage()
            .orElseThrow();
    assertThat(plant.startDelay()).isEqualTo(Duration.ofSeconds(15));
    assertThat(plant.failToStartProbability()).isEqualTo(0.0013);
    assertThat(plant.availabilityOnDemand()).isEqualTo(0.99);
    assertThat(plant.running())
        .isEqualTo(
            new UnitReliability(
                new TimeDistribution.Exponential(2000 * HOUR),
                new TimeDistribution.Lognormal(14.7 * HOUR, 1.2)));
    // A fuel autonomy written means the plant stops after it, unless refuelled.
    assertThat(plant.fuelAutonomy()).contains(Duration.ofHours(48));
    assertThat(
            power("  generators: { fuel_autonomy: 48 h, refuelling: true }\n")
                .generatorStage()
                .orElseThrow()
                .fuelAutonomy())
        .isEmpty();
    assertThat(power("  generators: { rate: 1 per 1100 h }\n").generatorStage())
        .map(GeneratorStageSpec::running)
        .map(UnitReliability::timeToFailure)
        .contains(new TimeDistribution.Exponential(1100 * HOUR));
  }

  @Test
  void utilityFeedsAndHeavyTailedOutages() throws ScenarioException {
    UtilitySpec u =
        power(
                """
                  utility:
                    outages_per_year: 1.4
                    outage_duration: { distribution: lognormal, median: 1 h, sigma: 1.5 }
                    feeds: 2
                    common_outages: 30 %
                """)
            .utility();
    assertThat(u.feeds()).isEqualTo(2);
    assertThat(u.commonOutageFraction()).isEqualTo(0.3);
    assertThat(u.sustainedOutages().orElseThrow().duration())
        .isEqualTo(new TimeDistribution.Lognormal(HOUR, 1.5));
    assertThat(u.sustainedOutages().orElseThrow().perYear()).isEqualTo(1.4);
    // Two feeds default to a quarter of their outages in common (EIA's major events).
    assertThat(power("  utility: { feeds: 2 }\n").utility().commonOutageFraction())
        .isEqualTo(UtilitySpec.EIA_MAJOR_EVENT_SHARE);
    // outage_duration as a duration is the mean of an exponential, as mean_outage.
    assertThat(power("  utility: { outage_duration: 2 h }\n").utility())
        .isEqualTo(power("  utility: { mean_outage: 2 h }\n").utility());
  }

  @Test
  void distributionPdusAndComponents() throws ScenarioException {
    PowerSystemSpec spec =
        power(
            """
              dual_corded: false
              sources: per_side
              ups: { design: 2N }
              pdus: { mtbf: 100 y, repair: 4 h, efficiency: 98 % }
              distribution: { voltage: 54 V, conductor_resistance: 0.2 mΩ }
              transformers: {}
              switchgear: { rate: 0.004327 per y, repair: 16 h }
              ats: { mtbf: 250143 h }
              sts: {}
              common_cause: { transformers: 1 %, switchgear: 0, ats: 3 %, sts: 4 %, batteries: 5 % }
            """);
    assertThat(spec.sources()).isEqualTo(SourceLayout.PER_SIDE);
    assertThat(spec.distribution())
        .isEqualTo(
            new DistributionSpec(
                false,
                new TimeDistribution.Exponential(100 * YEAR),
                new TimeDistribution.Exponential(4 * HOUR),
                0.98,
                54,
                0.2e-3));
    assertThat(spec.components().transformers()).contains(ChainComponents.transformerDefaults());
    assertThat(spec.components().switchgear())
        .contains(
            new UnitReliability(
                new TimeDistribution.Exponential(YEAR / 0.004327),
                new TimeDistribution.Exponential(16 * HOUR)));
    assertThat(spec.components().transferSwitches())
        .contains(
            new UnitReliability(
                new TimeDistribution.Exponential(250_143 * HOUR),
                ChainComponents.transferSwitchDefaults().repair()));
    assertThat(spec.components().staticTransferSwitches())
        .contains(ChainComponents.staticTransferSwitchDefaults());
    assertThat(spec.commonCause())
        .isEqualTo(new CommonCauseSpec(0.02, 0.02, 0.02, 0.01, 0, 0.03, 0.04, 0.05));
    assertThat(
            power("  distribution: { voltage: 0.415 kV, conductor_resistance: 1 mohm }\n")
                .distribution()
                .distributionVolts())
        .isEqualTo(415);
  }

  @Test
  void theVoltageIsOneSet() throws ScenarioException {
    Scenario s = load(withPower("  {}\n"), "power.distribution.voltage=54 V");
    assertThat(s.factory().power().orElseThrow().distribution().distributionVolts()).isEqualTo(54);
  }

  // ---- bad input ----

  @Test
  void aComponentWithBothMtbfAndRate() {
    assertThat(error(withPower("  transformers: { mtbf: 50 y, rate: 1 per 100 y }\n")))
        .isEqualTo(
            at(
                23,
                31,
                "power.transformers.rate",
                "give only one of mtbf, rate and time_to_failure, not mtbf and rate"));
    assertThat(error(withPower("  ups: { module_rate: 1 per 5 y, module_mtbf: 40000 h }\n")))
        .isEqualTo(
            at(
                23,
                34,
                "power.ups.module_mtbf",
                "give only one of module_mtbf, module_rate and module_time_to_failure, not"
                    + " module_rate and module_mtbf"));
  }

  @Test
  void aProbabilityAboveOne() {
    assertThat(error(withPower("  generators: { fail_to_start: 1.5 }\n")))
        .isEqualTo(
            at(
                23,
                32,
                "power.generators.fail_to_start",
                "expected a probability between 0 and 1 (e.g. 0.0094 or 0.94 %), got '1.5' (if you"
                    + " meant a percentage, write '1.5 %')"));
    assertThat(error(withPower("  generators: { availability: 120 % }\n")))
        .isEqualTo(
            at(
                23,
                31,
                "power.generators.availability",
                "expected a probability between 0 and 1 (e.g. 0.0094 or 0.94 %), got '120 %'"));
  }

  @Test
  void aVoltageWithoutAUnit() {
    assertThat(error(withPower("  distribution: { voltage: 54 }\n")))
        .isEqualTo(at(23, 28, "power.distribution.voltage", "'54' needs a unit, e.g. '54 V'"));
    assertThat(error(withPower("  distribution: { conductor_resistance: 1 }\n")))
        .isEqualTo(
            at(23, 41, "power.distribution.conductor_resistance", "'1' needs a unit, e.g. '1 mΩ'"));
  }

  @Test
  void crossChecks() {
    assertThat(error(withPower("  ups: { eco_mode: true, static_bypass: false }\n")))
        .isEqualTo(
            at(
                23,
                20,
                "power.ups.eco_mode",
                "eco mode runs the load on the static bypass while the input is good, so it needs"
                    + " static_bypass: true"));
    assertThat(error(withPower("  generators: { refuelling: false }\n")))
        .isEqualTo(
            at(
                23,
                29,
                "power.generators.refuelling",
                "refuelling: false needs fuel_autonomy, how long the stored fuel runs the plant"
                    + " (e.g. fuel_autonomy: 48 h)"));
    assertThat(error(withPower("  utility: { mean_outage: 1 h, outage_duration: 2 h }\n")))
        .isEqualTo(
            at(
                23,
                32,
                "power.utility.outage_duration",
                "give only one of mean_outage and outage_duration, not both (outage_duration"
                    + " takes a mean too, or a distribution)"));
    assertThat(error(withPower("  sources: per_side\n")))
        .isEqualTo(
            at(
                23,
                12,
                "power.sources",
                "sources per side need at least 2 UPS systems, one per side, but the UPS stage"
                    + " (N+1) has 1: use a design with two or more systems, such as 2N, 2(N+1) or"
                    + " 4N/3"));
    assertThat(error(withPower("  utility: { feeds: 3 }\n")))
        .isEqualTo(
            at(23, 21, "power.utility.feeds", "expected a whole number between 1 and 2, got '3'"));
  }

  @Test
  void badEfficiencyCurves() {
    assertThat(errors(withPower("  ups: { efficiency: { 0 %: 90 %, 50 %: 0 } }\n")))
        .extracting(ScenarioError::toString)
        .containsExactly(
            "test.yaml:23:24: power.ups.efficiency.0 %: a load fraction: expected a load fraction"
                + " > 0, got '0 %'",
            "test.yaml:23:41: power.ups.efficiency.50 %: expected a fraction > 0 and at most 1"
                + " (e.g. 97 %), got '0'");
    assertThat(error(withPower("  ups: { efficiency: { 50 %: 97 %, 0.5: 96 % } }\n")).message())
        .isEqualTo("the load fraction '0.5' is written twice: give each load once");
  }

  /** Hostile numbers: each a located error, never a crash. */
  @Test
  void hostileNumbersAreLocatedErrors() {
    String[] keys = {
      "ups: { module_mtbf: %s h }",
      "ups: { module_repair: %s h }",
      "ups: { battery_mtbf: %s h }",
      "ups: { battery_recharge: %s h }",
      "generators: { mtbf: %s h }",
      "generators: { start_delay: %s s }",
      "generators: { fuel_autonomy: %s h }",
      "generators: { fail_to_start: %s }",
      "utility: { outages_per_year: %s, outage_duration: { distribution: lognormal, median: %s h,"
          + " sigma: 1 } }",
      "utility: { feeds: %s }",
      "utility: { common_outages: %s }",
      "pdus: { efficiency: %s }",
      "distribution: { voltage: %s V }",
      "distribution: { conductor_resistance: %s mΩ }",
      "transformers: { rate: %s per y }",
      "ats: { repair: %s h }",
    };
    String[] numbers = {"0", "-1", "1e308", "1e-308", "9".repeat(2_000)};
    for (String key : keys) {
      for (String n : numbers) {
        String text = withPower("  " + key.replace("%s", n) + "\n");
        try {
          load(text);
        } catch (ScenarioException e) {
          assertThat(e.errors())
              .as(key + " with " + n.substring(0, Math.min(n.length(), 10)))
              .allSatisfy(err -> assertThat(err.line()).isPositive());
        }
      }
    }
  }

  @Test
  void anEmptyComponentIsIdeal() throws ScenarioException {
    assertThat(power("  transformers:\n  ats: ~\n").components()).isEqualTo(ChainComponents.none());
    assertThat(power("  sts: {}\n").components().staticTransferSwitches()).isPresent();
  }
}
