package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.aifactory.model.power.ChainComponents;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.CostSpec;
import org.aifactory.model.power.DistributionSpec;
import org.aifactory.model.power.GeneratorPlantSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.power.UpsSpec;
import org.aifactory.model.power.UpsStageSpec;
import org.aifactory.model.power.UtilitySpec;
import org.junit.jupiter.api.Test;

/** README.md documents every key, unit and bundled scenario. */
class LanguageDocTest {

  private static String doc() throws IOException {
    return Files.readString(Path.of("../README.md"));
  }

  @Test
  void everyKeyIsDocumented() throws IOException {
    List<String> keys = new ArrayList<>();
    keys.addAll(ScenarioBinder.KEYS);
    keys.addAll(ScenarioBinder.FACILITY_KEYS);
    keys.addAll(ClusterBinder.KEYS);
    keys.addAll(WorkloadBinder.TRAINING_KEYS);
    keys.addAll(WorkloadBinder.ITERATION_KEYS);
    keys.addAll(WorkloadBinder.CHECKPOINT_KEYS);
    keys.addAll(WorkloadBinder.WORK_KEYS);
    keys.addAll(FailureBinder.KEYS);
    keys.addAll(FailureBinder.CAUSE_KEYS);
    keys.addAll(FailureTimes.TIME_TO_FAILURE_KEYS);
    keys.addAll(FailureTimes.REPAIR_KEYS);
    keys.addAll(RecordingBinder.KEYS);
    keys.addAll(CatalogBinder.KEYS);
    keys.addAll(CatalogBinder.GPU_KEYS);
    keys.addAll(CatalogBinder.SYSTEM_KEYS);
    keys.addAll(PowerCurveReader.KEYS);
    keys.addAll(PowerCapReader.STEP_KEYS);
    keys.addAll(CoolingBinder.KEYS);
    keys.addAll(WeatherReader.KEYS);
    keys.addAll(LoopReader.KEYS);
    keys.addAll(HeatRejectionReader.DRY_COOLER_KEYS);
    keys.addAll(HeatRejectionReader.COOLING_TOWER_KEYS);
    keys.addAll(HeatRejectionReader.CHILLER_KEYS);
    keys.addAll(StageLayoutReader.K_OF_N_KEYS);
    keys.addAll(ClusterCoolingReader.KEYS);
    keys.addAll(PowerBinder.KEYS);
    keys.addAll(PowerBinder.UPS_KEYS);
    keys.addAll(PowerBinder.GENERATOR_KEYS);
    keys.addAll(PowerBinder.UPS_STRUCTURE_KEYS);
    keys.addAll(PowerBinder.GENERATOR_STRUCTURE_KEYS);
    keys.addAll(PowerBinder.UTILITY_KEYS);
    keys.addAll(PowerBinder.COMMON_CAUSE_KEYS);
    keys.addAll(PowerBinder.PDU_KEYS);
    keys.addAll(PowerBinder.DISTRIBUTION_KEYS);
    keys.addAll(PowerBinder.COMPONENT_KEYS);
    keys.addAll(PowerBinder.MAINTENANCE_KEYS);
    keys.addAll(PowerBinder.MAINTENANCE_PLAN_KEYS);
    keys.addAll(CostBinder.KEYS);
    keys.addAll(SiteBinder.KEYS);
    keys.addAll(SiteBinder.RULE_KEYS);
    keys.addAll(SiteBinder.BATTERY_KEYS);
    keys.addAll(SiteBinder.SMOOTHING_KEYS);
    keys.addAll(SiteBinder.GENERATION_KEYS);
    keys.addAll(SiteBinder.CARBON_KEYS);
    keys.addAll(EconomicsBinder.KEYS);
    keys.addAll(VariantBinder.KEYS);
    keys.addAll(LoadShapingReader.SMOOTHING_KEYS);
    keys.addAll(LoadShapingReader.STORAGE_KEYS);
    keys.addAll(LoadShapingReader.FILLER_KEYS);
    String doc = doc();
    // A row may document several keys: "| `mtbf`, `rate`, `time_to_failure` |".
    assertThat(
            keys.stream()
                .filter(key -> !doc.contains("| `" + key + "` |"))
                .filter(key -> !doc.contains("| `" + key + "`, "))
                .filter(key -> !doc.contains(", `" + key + "` |")))
        .as("keys without a row in the doc's tables")
        .isEmpty();
  }

  @Test
  void everyChoiceIsDocumented() throws IOException {
    String doc = doc();
    List<String> choices = new ArrayList<>();
    choices.addAll(WorkloadBinder.POLICIES.keySet());
    choices.addAll(FailureBinder.SCOPES.keySet());
    choices.addAll(FailureTimes.TIME_TO_FAILURE_DISTRIBUTIONS.keySet());
    choices.addAll(FailureTimes.REPAIR_DISTRIBUTIONS.keySet());
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

  /** The YAML examples of the Scenario language section. */
  private static List<String> examples() throws IOException {
    String doc = doc();
    String section =
        doc.substring(doc.indexOf("## Scenario language"), doc.indexOf("## Metrics glossary"));
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
    // Every component in the failure language: the example writes the defaults out.
    assertThat(power.upsStage().modules())
        .isEqualTo(UpsStageSpec.defaults(power.ups(), 1).modules());
    assertThat(power.generatorStage().orElseThrow().failToStartProbability())
        .isEqualTo(GeneratorPlantSpec.REOPT_FAIL_TO_START);
    assertThat(power.distribution()).isEqualTo(DistributionSpec.defaults(true));
    assertThat(power.components().transformers()).contains(ChainComponents.transformerDefaults());
    assertThat(power.components().transferSwitches())
        .contains(ChainComponents.transferSwitchDefaults());
    assertThat(power.components().switchgear()).isEmpty();

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

  /** The defaults the tables give for every component of the chain are the model's. */
  @Test
  void theComponentDefaultsAreTheModels() throws IOException {
    String doc = doc();
    assertThat(UpsSpec.USACE_MODULE_MTBF).isEqualTo(Duration.ofHours(40_000));
    assertThat(doc).contains("| `module_mtbf` | long duration > 0 | duration | `40000 h`");
    assertThat(UpsSpec.MODULE_REPAIR_PLACEHOLDER).isEqualTo(Duration.ofHours(8));
    assertThat(doc).contains("| `module_repair` | long duration >= 0, or map | duration | `8 h`");
    assertThat(UpsSpec.RECHARGE_PLACEHOLDER).isEqualTo(Duration.ofHours(8));
    assertThat(doc).contains("| `battery_recharge` | duration > 0 | duration | `8 h`");
    assertThat(UpsSpec.BATTERY_STRING_REPAIR_PLACEHOLDER).isEqualTo(Duration.ofHours(24));
    assertThat(doc).contains("| `battery_repair` | long duration >= 0, or map | duration | `24 h`");
    assertThat(GeneratorPlantSpec.NFPA_110_TYPE_10_START).isEqualTo(Duration.ofSeconds(10));
    assertThat(doc).contains("| `start_delay` | duration >= 0 | duration | `10 s`");
    assertThat(doc).contains("| `fail_to_start` | probability | | `0.0094`");
    assertThat(GeneratorPlantSpec.REOPT_AVAILABILITY).isEqualTo(0.995);
    assertThat(doc).contains("| `availability` | probability | | `0.995`");
    assertThat(GeneratorPlantSpec.REOPT_MTTF_RUNNING).isEqualTo(Duration.ofHours(1_100));
    assertThat(doc).contains("| `mtbf` | long duration > 0 | duration | `1100 h` of running");
    assertThat(GeneratorPlantSpec.REPAIR_PLACEHOLDER).isEqualTo(Duration.ofHours(24));
    assertThat(doc).contains("| `repair` | long duration >= 0, or map | duration | `24 h`");
    assertThat(UtilitySpec.EIA_MAJOR_EVENT_SHARE).isEqualTo(0.25);
    assertThat(doc).contains("| `common_outages` | fraction | | `25 %`");
    assertThat(DistributionSpec.PDU_EFFICIENCY).isEqualTo(0.96);
    assertThat(doc).contains("| `efficiency` | fraction > 0 | | `96 %`");
    assertThat(DistributionSpec.VOLTS_800_DC).isEqualTo(800);
    assertThat(doc).contains("| `voltage` | voltage, 1 V to 1,000 kV | voltage | `800 V`");
    assertThat(PowerBinder.MIN_VOLTS).isEqualTo(1);
    assertThat(PowerBinder.MAX_VOLTS).isEqualTo(1e6);
    assertThat(DistributionSpec.CONDUCTOR_OHMS_PLACEHOLDER).isEqualTo(1e-3);
    assertThat(PowerBinder.MAX_CONDUCTOR_OHMS).isEqualTo(1);
    assertThat(doc)
        .contains("| `conductor_resistance` | resistance, 0 to 1 Ω | resistance | `1 mΩ`");
    assertThat(ChainComponents.IEEE_493_TRANSFORMER_FAILURES_PER_YEAR).isEqualTo(0.011);
    assertThat(ChainComponents.IEEE_493_TRANSFORMER_REPAIR).isEqualTo(Duration.ofHours(5));
    assertThat(doc).contains("| 0.011 per year, 5 h (`IEEE_493_TRANSFORMER_FAILURES_PER_YEAR`");
    assertThat(ChainComponents.IEEE_3006_SWITCHGEAR_FAILURES_PER_YEAR).isEqualTo(0.00949);
    assertThat(ChainComponents.IEEE_3006_SWITCHGEAR_REPAIR).isEqualTo(Duration.ofMinutes(438));
    assertThat(doc).contains("| 0.00949 per year, 7.3 h (`IEEE_3006_SWITCHGEAR_FAILURES_PER_YEAR`");
    assertThat(ChainComponents.IEEE_3006_ATS_FAILURES_PER_YEAR).isEqualTo(0.03502);
    assertThat(ChainComponents.IEEE_3006_ATS_REPAIR.toSeconds()).isEqualTo((long) (7.89 * 3600));
    assertThat(doc).contains("| 0.03502 per year, 7.89 h (`IEEE_3006_ATS_FAILURES_PER_YEAR`");
    assertThat(ChainComponents.VERTIV_STS_MTBF_HOURS).isEqualTo(22e6);
    assertThat(ChainComponents.STS_REPAIR_PLACEHOLDER).isEqualTo(Duration.ofHours(4));
    assertThat(doc).contains("| MTBF 22,000,000 h, 4 h (`VERTIV_STS_MTBF_HOURS`");
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
