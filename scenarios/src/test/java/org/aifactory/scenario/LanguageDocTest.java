package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aifactory.model.cooling.ClimateProfiles;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.cooling.HeatRejectionSpec;
import org.aifactory.model.cooling.LoopSpec;
import org.aifactory.model.cooling.WeatherSpec;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.CostSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.power.UpsSpec;
import org.aifactory.model.power.UtilitySpec;
import org.junit.jupiter.api.Test;

/** The user's docs (README.md and docs/) document every key, unit and bundled scenario. */
class LanguageDocTest {

  private static String doc() throws IOException {
    return org.aifactory.docs.UserDocs.all();
  }

  @Test
  void everyKeyIsDocumented() throws IOException {
    // Every key of every map of the language (the keys the binders allow).
    Map<String, Section> sections = new LinkedHashMap<>();
    LanguageSchema.collect(Language.SCENARIO, sections);
    List<String> keys =
        sections.values().stream().flatMap(x -> x.keys().stream()).distinct().toList();
    String doc = doc();
    // A row may document several keys: "| `mtbf`, `rate`, `time_to_failure` |".
    assertThat(
            keys.stream()
                .filter(key -> !doc.contains("| `" + key + "` |"))
                .filter(key -> !doc.contains("| `" + key + "`, "))
                .filter(key -> !doc.contains(", `" + key + "` |"))
                // a key of a small map, described in its parent's row: "`rate` (requests ...)"
                .filter(key -> !doc.contains("`" + key + "` ("))
                // a parameter of a distribution: "`{distribution: uniform, min, max}`"
                .filter(
                    key ->
                        !Pattern.compile("\\{distribution: [a-z]+(, [a-z_]+)*, " + key + "[,}]")
                            .matcher(doc)
                            .find()))
        .as("keys without a row in the doc's tables")
        .isEmpty();
  }

  @Test
  void everyChoiceIsDocumented() throws IOException {
    String doc = doc();
    List<String> choices = new ArrayList<>();
    choices.addAll(WorkloadBinder.POLICIES.keySet());
    choices.addAll(FailureBinder.SCOPES.keySet());
    choices.addAll(Language.TIME_TO_FAILURE_DISTRIBUTIONS.keySet());
    choices.addAll(Language.REPAIR_DISTRIBUTIONS.keySet());
    // Every choice of the language, wherever it is.
    Map<String, Section> sections = new LinkedHashMap<>();
    LanguageSchema.collect(Language.SCENARIO, sections);
    for (Section section : sections.values()) {
      for (ValueKind kind : section.kinds().values()) {
        choices.addAll(LanguageSchemaTest.words(kind));
      }
    }
    choices.addAll(FailureProfile.builtInNames());
    choices.addAll(PowerBinder.CHOICES);
    choices.addAll(ClimateProfiles.names());
    choices.addAll(ClusterCoolingReader.TYPES.keySet());
    choices.addAll(List.of("N", "N+1", "N+2", "2N", "2(N+1)", "4N/3"));
    assertThat(choices.stream().filter(c -> !doc.contains("`" + c + "`")))
        .as("choices not named in the doc")
        .isEmpty();
  }

  /** Each cause of the llama3 profile has a row with its scope and its Table 5 count. */
  @Test
  void theLlama3ProfileIsDocumentedWithItsCounts() throws IOException {
    String doc = doc();
    double hours = 54 * 24;
    for (FailureCause cause : FailureProfile.llama3().causes()) {
      double units =
          switch (cause.scope()) {
            case GPU, NETWORK -> 16_384;
            case SYSTEM -> 2_048;
            case JOB -> 1;
          };
      long count = Math.round(units * hours * 3600 * cause.ratePerUnitSecond());
      String scope = cause.scope().name().toLowerCase(Locale.ROOT);
      assertThat(doc)
          .containsPattern(
              "\\| `"
                  + Pattern.quote(cause.name())
                  + "`[^|]*\\| `"
                  + scope
                  + "` \\| "
                  + count
                  + " \\|");
    }
  }

  /** The YAML examples of the scenario language (docs/scenario-language.md). */
  private static List<String> examples() throws IOException {
    String section =
        java.nio.file.Files.readString(java.nio.file.Path.of("../docs/scenario-language.md"));
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void theFullExampleLoads() throws IOException, ScenarioException {
    Scenario example = Texts.load(examples().get(0));
    assertThat(example.name()).isEqualTo("llama3-405b-54d");
    assertThat(example.factory().failures().profile().cause("pdu")).isPresent();
    assertThat(example.factory().trainingJobs().get(0).workIterations()).isPresent();
  }

  @Test
  void theFailureExamplesLoad() throws IOException, ScenarioException {
    List<String> failureExamples =
        examples().stream().filter(e -> e.startsWith("failures:")).toList();
    assertThat(failureExamples).isNotEmpty();
    for (String example : failureExamples) {
      assertThat(Texts.load(Texts.VALID + example).factory().failures().enabled()).isTrue();
    }
  }

  /** The examples of a section, which start with its key. */
  private static List<String> examples(String key) throws IOException {
    return examples().stream().filter(e -> e.startsWith(key + ":")).toList();
  }

  /** The example of a section, which starts with its key. */
  private static String example(String key) throws IOException {
    List<String> found = examples(key);
    assertThat(found).as("examples of " + key).hasSize(1);
    return found.get(0);
  }

  @Test
  void thePowerExamplesLoad() throws IOException, ScenarioException {
    List<String> found = examples("power");
    assertThat(found)
        .as("examples of power: the section's, then the written-out structures")
        .hasSize(2);
    // The example has 18 rack groups: give the test factory 72 systems.
    String factory = Texts.valid("count: 4", "count: 72");
    PowerSystemSpec power = Texts.load(factory + found.get(0)).factory().power().orElseThrow();
    assertThat(power.paths()).isEqualTo(18);
    assertThat(power.ups()).isEqualTo(new StageLayout.Sized(RedundancyDesign.TWO_N));
    assertThat(power.utility()).isEqualTo(UtilitySpec.eiaDefaults());

    PowerSystemSpec written =
        Texts.load(Texts.VALID + found.get(1)).factory().power().orElseThrow();
    assertThat(written.ups()).isEqualTo(new StageLayout.Written(new StageStructure(2, 7, 6, 1)));
    assertThat(written.upsModuleWatts()).isEqualTo(500e3);
    assertThat(written.generators()).contains(new StageLayout.Written(StageStructure.kOfN(7, 6)));
    // The README says: 2(N+1) written out for N = 6, and N+1 for N = 6.
    assertThat(written.ups().name()).isEqualTo("2(N+1) (written out, N = 6)");
    assertThat(written.generators().orElseThrow().name()).isEqualTo("N+1 (written out, N = 6)");
  }

  /** The power_curve example writes out the default curve and thresholds. */
  @Test
  void theCatalogExampleIsTheDefaultCurve() throws IOException, ScenarioException {
    GpuType gpu =
        Texts.load(Texts.VALID + example("catalog")).factory().catalog().gpu("H100-SXM").get();
    assertThat(gpu).isEqualTo(new GpuType("H100-SXM", 700, 80));
    assertThat(gpu.powerCurve()).isEqualTo(GpuType.DEFAULT_POWER_CURVE);
  }

  /** The Phoenix example: dry coolers and a chiller trim on warm water. */
  @Test
  void theCoolingExampleLoads() throws IOException, ScenarioException {
    Scenario s = Texts.load(Texts.VALID + example("facility"));
    CoolingSpec plant = s.factory().facility().cooling().orElseThrow();
    assertThat(plant.weather())
        .isEqualTo(new WeatherSpec.Climate(ClimateProfiles.byName("phoenix").get(), 182));
    LoopSpec liquid = plant.liquid().orElseThrow();
    assertThat(liquid.supplyCelsius()).isEqualTo(45);
    assertThat(liquid.units())
        .extracting(HeatRejectionSpec::kind)
        .containsExactly(HeatRejectionSpec.Kind.DRY_COOLER, HeatRejectionSpec.Kind.CHILLER);
    assertThat(liquid.units().get(1).sizedForFraction()).isEqualTo(0.3);
    // The README says: the design dry bulb is Phoenix's July normal maximum, 41.7 °C.
    assertThat(liquid.designDryBulbCelsius()).isCloseTo(41.7, within(0.05));
    assertThat(plant.air().orElseThrow().units().get(0).unitCapacityWatts()).isEqualTo(500e3);
    assertThat(plant.defaultClusterCooling()).isEqualTo(ClusterCoolingSpec.liquid(0.9, 0.036));
  }

  /** The cooling defaults the tables give are the code's. */
  @Test
  void theCoolingDefaultsAreTheCodes() throws IOException {
    String doc = doc();
    assertThat(LoopReader.LIQUID_SUPPLY_CELSIUS).isEqualTo(25);
    assertThat(LoopReader.AIR_SUPPLY_CELSIUS).isEqualTo(27);
    assertThat(LoopReader.LIQUID_HEAT_CAPACITY_SECONDS_PER_KELVIN).isCloseTo(0.59, within(0.005));
    assertThat(LoopReader.AIR_HEAT_CAPACITY_SECONDS_PER_KELVIN_PLACEHOLDER).isEqualTo(10);
    assertThat(LoopReader.LIQUID_PUMP_FRACTION).isEqualTo(0.0044);
    assertThat(LoopReader.AIR_PUMP_FRACTION_PLACEHOLDER).isEqualTo(0.05);
    assertThat(HeatRejectionReader.DEFAULT_UNIT_WATTS_PLACEHOLDER).isEqualTo(1e6);
    assertThat(HeatRejectionReader.DRY_COOLER_RATING_DIFFERENCE_PLACEHOLDER).isEqualTo(10);
    assertThat(HeatRejectionReader.COOLING_TOWER_APPROACH_PLACEHOLDER).isEqualTo(4);
    assertThat(HeatRejectionReader.DRY_COOLER_FAN_FRACTION).isEqualTo(0.02);
    assertThat(HeatRejectionReader.COOLING_TOWER_FAN_FRACTION).isEqualTo(0.015);
    assertThat(HeatRejectionReader.CHILLER_COP).isEqualTo(5);
    assertThat(HeatRejectionReader.COOLING_TOWER_WATER_LITRES_PER_KWH).isEqualTo(2.08);
    assertThat(HeatRejectionReader.REPAIR_PLACEHOLDER).isEqualTo(Duration.ofHours(24));
    assertThat(HeatRejectionReader.DEFAULT_DESIGN).isEqualTo(RedundancyDesign.N_PLUS_1);
    assertThat(CoolingBinder.OTHER_OVERHEAD_PLACEHOLDER).isEqualTo(0.01);
    assertThat(ClusterCoolingSpec.TYPICAL_LIQUID_FRACTION).isEqualTo(0.9);
    assertThat(ClusterCoolingSpec.LIQUID_THERMAL_RESISTANCE).isEqualTo(0.036);
    assertThat(ClusterCoolingSpec.AIR_THERMAL_RESISTANCE).isEqualTo(0.064);
    assertThat(doc)
        .contains(
            "| `supply_temperature` | temperature, 0 °C to 100 °C | temperature | liquid `25 °C`")
        .contains("air `27 °C`")
        .contains("| `unit` | power > 0, at most 1 GW | power | `1 MW`")
        .contains("| `cop` | number > 0, at most 100 | | `5`")
        .contains("`2.08 L/kWh`")
        .contains("liquid `0.036 K/W`")
        .contains("air `0.064 K/W`")
        .contains("`90 %` with an air loop");
  }

  @Test
  void theCostsExampleGivesTheDefaults() throws IOException, ScenarioException {
    assertThat(Texts.load(Texts.VALID + example("costs")).costs()).isEqualTo(CostSpec.defaults());
  }

  @Test
  void theEconomicsExampleGivesTheDefaults() throws IOException, ScenarioException {
    Scenario s = Texts.load(Texts.VALID + example("economics"));
    org.aifactory.model.economics.EconomicsSpec e = s.economics().orElseThrow();
    assertThat(e.gpuDollars())
        .isCloseTo(org.aifactory.model.economics.EconomicsSpec.GPU_DOLLARS, within(0.5));
    assertThat(e)
        .isEqualTo(
            org.aifactory.model.economics.EconomicsSpec.defaults(
                    e.facilityItWatts(),
                    CostSpec.ENERGY_DOLLARS_PER_MWH,
                    CostSpec.LOST_GPU_HOUR_DOLLARS)
                .withGpuDollars(48_611));
  }

  @Test
  void theVariantsExampleLoads() throws IOException, ScenarioException {
    Scenario s = Texts.load(Texts.VALID + example("variants"));
    assertThat(s.variants())
        .extracting(ScenarioVariant::name)
        .containsExactly("N+1", "2N", "2N-independent");
    assertThat(s.variants().get(2).scenario().factory().power().orElseThrow().commonCause())
        .isEqualTo(CommonCauseSpec.none());
  }

  /** Every default the power and costs tables give is the model's. */
  @Test
  void thePowerAndCostDefaultsAreTheModels() throws IOException {
    String doc = doc();
    assertThat(PowerBinder.DEFAULT_UPS_MODULE_WATTS).isEqualTo(500e3);
    assertThat(PowerSystemSpec.MAX_UNIT_WATTS).isEqualTo(1e9);
    assertThat(doc).contains("| `module` | power > 0, at most 1 GW | power | `500 kW`");
    assertThat(PowerBinder.DEFAULT_GENERATOR_UNIT_WATTS).isEqualTo(2.5e6);
    assertThat(doc).contains("| `unit` | power > 0, at most 1 GW | power | `2.5 MW`");
    assertThat(StageStructure.MAX_UNITS).isEqualTo(10_000);
    assertThat(doc).contains("- A stage has at most 10,000 units");
    assertThat(PowerSystemSpec.MAX_PATHS).isEqualTo(10_000);
    assertThat(doc).contains("| `rack_groups` | whole number, 1 to 10,000,");
    assertThat(PowerBinder.DEFAULT_DESIGN).isEqualTo(RedundancyDesign.N_PLUS_1);
    assertThat(UpsSpec.TYPICAL_BATTERY_AUTONOMY).isEqualTo(Duration.ofMinutes(10));
    assertThat(PowerSystemSpec.DEFAULT_FACILITY_RECOVERY).isEqualTo(Duration.ofMinutes(30));
    assertThat(UtilitySpec.EIA_SAIFI_PER_YEAR).isEqualTo(1.2);
    assertThat(UtilitySpec.EIA_SAIDI_HOURS_PER_YEAR / UtilitySpec.EIA_SAIFI_PER_YEAR)
        .isCloseTo(1.5, within(1e-12));
    assertThat(UtilitySpec.MOMENTARY_EVENTS_PER_YEAR_PLACEHOLDER).isEqualTo(5);
    assertThat(UtilitySpec.MOMENTARY_EVENT_DURATION_PLACEHOLDER).isEqualTo(Duration.ofSeconds(5));
    assertThat(CommonCauseSpec.TYPICAL_BETA).isEqualTo(0.02);
    assertThat(CostSpec.defaults()).isEqualTo(new CostSpec(500, 600, 25_000, 15, 0.08, 80, 2.5));
  }

  @Test
  void everyUnitAndBundledScenarioIsDocumented() throws IOException {
    String doc = doc();
    for (Unit unit : Unit.values()) {
      assertThat(doc).contains("`" + unit.symbol() + "`");
    }
    for (String name : ScenarioLibrary.names()) {
      assertThat(doc).contains("| `" + name + "` |");
    }
  }
}
