package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.cooling.ClimateProfiles;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.cooling.HeatRejectionSpec;
import org.aifactory.model.cooling.HeatRejectionSpec.Kind;
import org.aifactory.model.cooling.LoopSpec;
import org.aifactory.model.cooling.WeatherSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.junit.jupiter.api.Test;

/** {@code facility.cooling}: the plant, its loops and units, and the weather. */
class CoolingTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines), then {@code facility:} at line 22 and {@code cooling:} at line 23. */
  private static String withCooling(String cooling) {
    return VALID + "facility:\n  cooling:\n" + cooling;
  }

  private static CoolingSpec plant(String text) throws ScenarioException {
    return Texts.load(text).factory().facility().cooling().orElseThrow();
  }

  @Test
  void aFullPlantRoundTripsIntoTheRecords() throws ScenarioException {
    String text =
        withCooling(
                """
                    weather: { climate: phoenix, start_day: 182 }
                    other_overhead: 2 %
                    liquid:
                      supply_temperature: 40 °C
                      heat_capacity: 1.5 s/K
                      pumps: 1 %
                      design_dry_bulb: 35 °C
                      design_wet_bulb: 24 °C
                      dry_coolers: { design: 2N, unit: 2 MW, rating_difference: 12 K, fans: 3 %, mtbf: 5 y, repair: 8 h }
                      chillers: { sized_for: 30 %, unit: 1 MW, cop: 6, rate: 1 per y, repair: { distribution: fixed, value: 4 h } }
                    air:
                      supply_temperature: 300.15 K
                      heat_capacity: 2 min/K
                      cooling_towers: { structure: { units: 3, needed: 2 }, unit: 500 kW, approach: 5 °C, fans: 1 %, water: 1.8 L/kWh, time_to_failure: { distribution: weibull, shape: 1.5, scale: 10 y } }
                """)
            .replace(
                "    count: 4\n",
                "    count: 4\n"
                    + "    cooling: { type: liquid, liquid_fraction: 85 %, thermal_resistance:"
                    + " 0.03 K/W }\n");
    Scenario scenario = Texts.load(text);
    double year = 365 * 86_400.0;
    HeatRejectionSpec dryCoolers =
        new HeatRejectionSpec(
            Kind.DRY_COOLER,
            new StageLayout.Sized(RedundancyDesign.TWO_N),
            1,
            2e6,
            12,
            0.03,
            0,
            0,
            new TimeDistribution.Exponential(5 * year),
            new TimeDistribution.Exponential(8 * 3600));
    HeatRejectionSpec chillers =
        new HeatRejectionSpec(
            Kind.CHILLER,
            new StageLayout.Sized(RedundancyDesign.N_PLUS_1),
            0.3,
            1e6,
            0,
            0,
            6,
            0,
            new TimeDistribution.Exponential(year),
            new TimeDistribution.Fixed(4 * 3600));
    HeatRejectionSpec towers =
        new HeatRejectionSpec(
            Kind.COOLING_TOWER,
            new StageLayout.Written(StageStructure.kOfN(3, 2)),
            1,
            500e3,
            5,
            0.01,
            0,
            1.8,
            new TimeDistribution.Weibull(1.5, 10 * year),
            TimeDistribution.Exponential.of(Duration.ofHours(24)));
    CoolingSpec expected =
        new CoolingSpec(
            new WeatherSpec.Climate(ClimateProfiles.byName("phoenix").orElseThrow(), 182),
            Optional.of(new LoopSpec(40, 1.5, 0.01, List.of(dryCoolers, chillers), 35, 24)),
            Optional.of(
                new LoopSpec(
                    27, 120, LoopReader.AIR_PUMP_FRACTION_PLACEHOLDER, List.of(towers), 107.0, 0)),
            0.02);
    CoolingSpec actual = scenario.factory().facility().cooling().orElseThrow();
    assertThat(actual.weather()).isEqualTo(expected.weather());
    assertThat(actual.liquid()).isEqualTo(expected.liquid());
    assertThat(actual.otherOverheadFraction()).isEqualTo(0.02);
    LoopSpec air = actual.air().orElseThrow();
    assertThat(air.supplyCelsius()).isCloseTo(27, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(air.heatCapacitySecondsPerKelvin()).isEqualTo(120);
    assertThat(air.units()).containsExactly(towers);
    // Not written: the weather's hottest, Phoenix's July normal maximum (107 °F), and 15 K less.
    assertThat(air.designDryBulbCelsius()).isEqualTo((107 - 32) * 5 / 9.0);
    assertThat(air.designWetBulbCelsius()).isEqualTo((107 - 32) * 5 / 9.0 - 15);
    assertThat(scenario.factory().clusters().get(0).cooling())
        .contains(ClusterCoolingSpec.liquid(0.85, 0.03));
  }

  @Test
  void everyDefault() throws ScenarioException {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C, wet_bulb: 12 °C }
                liquid: { dry_coolers: {} }
                air: { cooling_towers: {}, chillers: {} }
            """);
    Scenario scenario = Texts.load(text);
    FacilitySpec facility = scenario.factory().facility();
    CoolingSpec plant = facility.cooling().orElseThrow();
    assertThat(plant.weather()).isEqualTo(new WeatherSpec.Constant(20, 12));
    assertThat(plant.otherOverheadFraction()).isEqualTo(CoolingBinder.OTHER_OVERHEAD_PLACEHOLDER);
    TimeDistribution repair = TimeDistribution.Exponential.of(Duration.ofHours(24));
    StageLayout nPlus1 = new StageLayout.Sized(RedundancyDesign.N_PLUS_1);
    assertThat(plant.liquid())
        .contains(
            new LoopSpec(
                25,
                134.0 / 227,
                0.0044,
                List.of(
                    new HeatRejectionSpec(
                        Kind.DRY_COOLER,
                        nPlus1,
                        1,
                        1e6,
                        10,
                        0.02,
                        0,
                        0,
                        HeatRejectionSpec.NEVER_FAILS,
                        repair)),
                20,
                12));
    assertThat(plant.air())
        .contains(
            new LoopSpec(
                27,
                10,
                0.05,
                List.of(
                    new HeatRejectionSpec(
                        Kind.COOLING_TOWER,
                        nPlus1,
                        1,
                        1e6,
                        4,
                        0.015,
                        0,
                        2.08,
                        HeatRejectionSpec.NEVER_FAILS,
                        repair),
                    new HeatRejectionSpec(
                        Kind.CHILLER,
                        nPlus1,
                        1,
                        1e6,
                        0,
                        0,
                        5,
                        0,
                        HeatRejectionSpec.NEVER_FAILS,
                        repair)),
                20,
                12));
    // A cluster that says nothing is cooled as the plant says: liquid, 90 % of its heat.
    assertThat(scenario.factory().clusters().get(0).cooling()).isEmpty();
    assertThat(plant.defaultClusterCooling()).isEqualTo(ClusterCoolingSpec.liquid(0.9, 0.036));
  }

  @Test
  void overridesReachThePlant() throws ScenarioException {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C }
                liquid: { supply_temperature: 30 °C, dry_coolers: {} }
            """);
    String set = "facility.cooling.liquid.supply_temperature=";
    assertThat(
            Texts.load(text, set + "318.15 K")
                .factory()
                .facility()
                .cooling()
                .orElseThrow()
                .liquid()
                .orElseThrow()
                .supplyCelsius())
        .isCloseTo(45, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(errors(text, set + "45"))
        .containsExactly(
            new ScenarioError(
                "--set",
                1,
                set.length() + 1,
                "facility.cooling.liquid.supply_temperature",
                "'45' needs a unit, e.g. '45 °C'"));
  }

  @Test
  void withoutCoolingTheFacilityHasAFixedPue() throws ScenarioException {
    assertThat(Texts.load(VALID).factory().facility()).isEqualTo(new FacilitySpec(1.2));
  }

  @Test
  void pueOrCoolingNotBoth() {
    String text =
        VALID
            + """
            facility:
              pue: 1.3
              cooling: { weather: { dry_bulb: 20 °C }, liquid: { dry_coolers: {} } }
            """;
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                3,
                "facility.cooling",
                "give either pue (a fixed PUE) or cooling (a cooling plant, whose power is"
                    + " computed), not both"));
  }

  @Test
  void aPlantNeedsWeatherAndALoop() {
    assertThat(errors(withCooling("    other_overhead: 3 %\n")))
        .containsExactly(
            at(
                24,
                5,
                "facility.cooling.weather",
                "missing required key 'weather' (the outdoor conditions: { climate: phoenix },"
                    + " { dry_bulb: 35 °C, wet_bulb: 22 °C } or { file: temps.csv })"),
            at(
                24,
                5,
                "facility.cooling",
                "a cooling plant needs a liquid loop, an air loop or both (liquid, air)"));
  }

  @Test
  void aLoopNeedsUnits() {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C }
                liquid: { supply_temperature: 30 °C, dry_coolers: }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                25,
                13,
                "facility.cooling.liquid",
                "a loop needs heat-rejection units: give dry_coolers, cooling_towers or chillers"
                    + " (or several; economisers are used before chillers)"));
  }

  @Test
  void weatherForms() {
    String text =
        withCooling(
            """
                weather: { climate: phoenix, file: a.csv }
                liquid: { chillers: {} }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                34,
                "facility.cooling.weather.file",
                "give one kind of weather: climate, dry_bulb or file, not climate and file"));
    String none =
        withCooling(
            """
                weather: { start_day: 10 }
                liquid: { chillers: {} }
            """);
    assertThat(errors(none))
        .containsExactly(
            at(24, 14, "facility.cooling.weather", "expected " + WeatherReader.EXPECTED));
    String companions =
        withCooling(
            """
                weather: { climate: dallas, wet_bulb: 20 °C }
                air: { chillers: {} }
            """);
    assertThat(errors(companions))
        .containsExactly(
            at(
                24,
                33,
                "facility.cooling.weather.wet_bulb",
                "wet_bulb (a constant wet bulb (a file gives it in a column wet_bulb_c)) goes with"
                    + " dry_bulb, not with climate"));
  }

  @Test
  void climateValues() {
    String text =
        withCooling(
            """
                weather: { climate: phoenx, start_day: 366 }
                air: { chillers: {} }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                25,
                "facility.cooling.weather.climate",
                "unknown value 'phoenx' (did you mean 'phoenix'?); allowed: phoenix, dallas"),
            at(
                24,
                44,
                "facility.cooling.weather.start_day",
                "expected a whole number between 1 and 365, got '366'"));
  }

  @Test
  void constantTemperatures() {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 35, wet_bulb: 40 °C }
                air: { chillers: {} }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(24, 26, "facility.cooling.weather.dry_bulb", "'35' needs a unit, e.g. '35 °C'"));
    String wetAbove =
        withCooling(
            """
                weather: { dry_bulb: 95 F, wet_bulb: 40 °C }
                air: { chillers: {} }
            """);
    assertThat(errors(wetAbove))
        .containsExactly(
            at(
                24,
                26,
                "facility.cooling.weather.dry_bulb",
                "unknown unit 'F' in '95 F'; temperature units are °C, K (Fahrenheit is not"
                    + " accepted: 95 °F is 35 °C)"));
    String inverted =
        withCooling(
            """
                weather: { dry_bulb: 30 °C, wet_bulb: 31 °C }
                air: { chillers: {} }
            """);
    assertThat(errors(inverted))
        .containsExactly(
            at(
                24,
                43,
                "facility.cooling.weather.wet_bulb",
                "the wet bulb (31 °C) cannot be above the dry bulb (30 °C)"));
    String hot =
        withCooling(
            """
                weather: { dry_bulb: 80 °C }
                air: { chillers: {} }
            """);
    assertThat(errors(hot))
        .containsExactly(
            at(
                24,
                26,
                "facility.cooling.weather.dry_bulb",
                "expected an outdoor temperature from -100 °C to 70 °C, got '80 °C'"));
  }

  @Test
  void towersNeedAWetBulb() {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C }
                liquid: { supply_temperature: 30 °C, cooling_towers: {} }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                14,
                "facility.cooling.weather.wet_bulb",
                "cooling towers (facility.cooling.liquid.cooling_towers) need the outdoor wet"
                    + " bulb: give wet_bulb next to dry_bulb"));
  }

  @Test
  void loopValues() {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C }
                liquid:
                  supply_temperature: 120 °C
                  heat_capacity: 1 s
                  pumps: 2
                  design_wet_bulb: 25 °C
                  chillers: {}
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                26,
                27,
                "facility.cooling.liquid.supply_temperature",
                "expected a supply temperature from 0 °C to 100 °C, got '120 °C'"),
            at(
                27,
                22,
                "facility.cooling.liquid.heat_capacity",
                "expected a heat capacity (e.g. 0.6 s/K: seconds of design heat per kelvin), got a"
                    + " duration '1 s'"),
            at(
                28,
                14,
                "facility.cooling.liquid.pumps",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '2' (if you meant a"
                    + " percentage, write '2 %')"),
            at(
                29,
                24,
                "facility.cooling.liquid.design_wet_bulb",
                "the design wet bulb (25 °C) cannot be above the design dry bulb (20 °C, the"
                    + " weather's hottest)"));
  }

  @Test
  void stageValues() {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C, wet_bulb: 15 °C }
                liquid:
                  supply_temperature: 40 °C
                  dry_coolers: { design: 2N, structure: { units: 3, needed: 2 }, approach: 5 K }
                  cooling_towers: { sized_for: 0, unit: 2 GW, approach: 5, water: -1 L/kWh }
                  chillers: { cop: 0, fans: 2 %, mtbf: 10 y, rate: 1 per y }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                27,
                34,
                "facility.cooling.liquid.dry_coolers.structure",
                "give either design (a redundancy design, e.g. N+1) or structure (the stage"
                    + " written out), not both"),
            at(
                27,
                70,
                "facility.cooling.liquid.dry_coolers.approach",
                "unknown key 'approach'; allowed keys: design, structure, sized_for, unit,"
                    + " rating_difference, fans, mtbf, rate, time_to_failure, repair"),
            at(
                28,
                36,
                "facility.cooling.liquid.cooling_towers.sized_for",
                "expected a fraction above 0 (a stage sized for none of the heat installs"
                    + " nothing; leave the stage out instead), got '0'"),
            at(
                28,
                45,
                "facility.cooling.liquid.cooling_towers.unit",
                "expected a power > 0 and at most 1 GW (a unit's heat capacity), got '2 GW'"),
            at(
                28,
                61,
                "facility.cooling.liquid.cooling_towers.approach",
                "'5' needs a unit, e.g. '5 K'"),
            at(
                28,
                71,
                "facility.cooling.liquid.cooling_towers.water",
                "expected a water use >= 0, got '-1 L/kWh'"),
            at(
                29,
                24,
                "facility.cooling.liquid.chillers.cop",
                "expected a number > 0 and at most 100 (coefficient of performance: heat removed"
                    + " per watt, e.g. 5), got '0'"),
            at(
                29,
                27,
                "facility.cooling.liquid.chillers.fans",
                "unknown key 'fans'; allowed keys: design, structure, sized_for, unit, cop, mtbf,"
                    + " rate, time_to_failure, repair"),
            at(
                29,
                50,
                "facility.cooling.liquid.chillers.rate",
                "give only one of mtbf, rate and time_to_failure, not mtbf and rate"));
  }

  @Test
  void aWrittenOutStageAndItsNeededUnits() {
    String text =
        withCooling(
            """
                weather: { dry_bulb: 20 °C }
                liquid: { chillers: { structure: { units: 2, needed: 3 } } }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                25,
                58,
                "facility.cooling.liquid.chillers.structure.needed",
                "more units needed (3) than units (2): only installed units can carry the load"));
  }
}
