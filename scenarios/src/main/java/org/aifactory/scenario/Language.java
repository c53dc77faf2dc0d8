package org.aifactory.scenario;

import java.util.List;
import java.util.Map;
import org.aifactory.model.cooling.ClimateProfiles;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.power.MaintainedComponent;

/**
 * The scenario language in one place: every map ({@link Section}) with its keys and the kind of
 * value each takes, and the words of every choice. The binders take their allowed keys and choices
 * from here, and {@link LanguageSchema} writes the same sections as a JSON Schema for editors.
 *
 * <p>To add a key, add it to its section here (the binder then accepts it, the schema shows it); to
 * add a map, declare a section here, reach it from a key of its parent section, and have its binder
 * call {@link MapReader#allowOnly(Section...)} with it. {@code LanguageSchemaTest} fails naming any
 * section that {@link #SCENARIO} does not reach.
 */
final class Language {
  private Language() {}

  // The words of the choices, in the order messages list them.

  static final List<String> PULSE_RESOLUTIONS = List.of("full", "averaged");
  static final List<String> WORKLOAD_TYPES = List.of("training", "inference");
  static final List<String> CHECKPOINT_POLICIES = List.of("fixed", "young", "daly");
  static final List<String> SERVICE_RESOLUTIONS = List.of("fluid", "requests");
  static final List<String> PRECISIONS = List.of("fp8", "nvfp4");
  static final List<String> COOLING_TYPES = List.of("liquid", "air");
  static final List<String> FAILURE_SCOPES = List.of("gpu", "system", "network", "job");
  static final List<String> FAILURE_DOMAINS = List.of("system", "fru");

  /** Ways to give a time to failure: exactly one of them. */
  static final List<String> TIME_TO_FAILURE_FORMS = List.of("mtbf", "rate", "time_to_failure");

  /** Each distribution of a time to failure with its parameters, in the order of messages. */
  static final Map<String, List<String>> TIME_TO_FAILURE_DISTRIBUTIONS =
      Field.ordered(
          List.of("exponential", "weibull", "lognormal"),
          d ->
              switch (d) {
                case "exponential" -> List.of("mean");
                case "weibull" -> List.of("shape", "scale");
                default -> List.of("median", "sigma");
              });

  /** Each distribution of a repair time with its parameters. */
  static final Map<String, List<String>> REPAIR_DISTRIBUTIONS =
      Field.ordered(
          List.of("exponential", "lognormal", "fixed"),
          d ->
              switch (d) {
                case "exponential" -> List.of("mean");
                case "lognormal" -> List.of("median", "sigma");
                default -> List.of("value");
              });

  /** Each distribution of a request's tokens with its parameters. */
  static final Map<String, List<String>> TOKEN_DISTRIBUTIONS =
      Field.ordered(
          List.of("geometric", "lognormal", "uniform"),
          d ->
              switch (d) {
                case "geometric" -> List.of("mean");
                case "lognormal" -> List.of("median", "sigma");
                default -> List.of("min", "max");
              });

  /** {@code generators: none}: no generators. */
  static final String NO_GENERATORS = "none";

  /** {@code utility: perfect}: a utility that never fails. */
  static final String PERFECT_UTILITY = "perfect";

  /** {@code repair_crews: per_unit}: every failed unit is repaired at once. */
  static final String PER_UNIT = "per_unit";

  // The sections, leaves first.

  /** A power cap: a fraction of TDP ({@code 70 %}) or a power per GPU ({@code 500 W}). */
  static final ValueKind CAP = ValueKind.anyOf(ValueKind.FRACTION, ValueKind.POWER);

  static final Section POWER_CAP_STEP =
      Section.named("power_cap_step", "one step of a power-cap schedule")
          .key("at", ValueKind.DURATION)
          .key("cap", CAP);

  /** A constant cap or a schedule of steps. */
  static final ValueKind POWER_CAP =
      ValueKind.anyOf(CAP, ValueKind.listOf(ValueKind.of(POWER_CAP_STEP)));

  static final Section CLUSTER_COOLING =
      Section.named("cluster_cooling", "how a cluster's GPUs are cooled")
          .key("type", ValueKind.choice(COOLING_TYPES))
          .key("liquid_fraction", ValueKind.FRACTION)
          .key("thermal_resistance", ValueKind.THERMAL_RESISTANCE);

  static final Section POWER_SMOOTHING =
      Section.named("power_smoothing", "GPU power smoothing: a floor and ramp limits")
          .key("floor", ValueKind.FRACTION)
          .key("ramp_up", ValueKind.RAMP_RATE)
          .key("ramp_down", ValueKind.RAMP_RATE)
          .key("hysteresis", ValueKind.DURATION);

  static final Section RACK_STORAGE =
      Section.named("rack_storage", "energy stored in each rack's power supplies")
          .key("energy", ValueKind.ENERGY)
          .key("energy_per_gpu", ValueKind.ENERGY)
          .key("target", CAP)
          .key("round_trip_efficiency", ValueKind.FRACTION);

  static final Section FILLER =
      Section.named("filler", "work that holds a job's power up in its lulls")
          .key("level", ValueKind.FRACTION);

  static final Section CLUSTER =
      Section.named("cluster", "a group of identical systems")
          .key("name", ValueKind.NAME)
          .key("system", ValueKind.TEXT)
          .key("count", ValueKind.INTEGER)
          .key("power_cap", POWER_CAP)
          .key("cooling", ValueKind.of(CLUSTER_COOLING))
          .key("power_smoothing", ValueKind.of(POWER_SMOOTHING))
          .key("rack_storage", ValueKind.of(RACK_STORAGE));

  static final Section ITERATION =
      Section.named("iteration", "one training iteration: a compute then a communication phase")
          .key("period", ValueKind.DURATION)
          .key("compute_fraction", ValueKind.FRACTION)
          .key("compute_power", ValueKind.FRACTION)
          .key("communication_power", ValueKind.FRACTION);

  static final Section CHECKPOINT =
      Section.named("checkpoint", "a training job's checkpoints")
          .key("interval", ValueKind.DURATION)
          .key("duration", ValueKind.DURATION)
          .key("power", ValueKind.FRACTION)
          .key("policy", ValueKind.choice(CHECKPOINT_POLICIES));

  static final Section WORK =
      Section.named("work", "the work a training job must do: iterations or tokens")
          .key("iterations", ValueKind.INTEGER)
          .key("tokens", ValueKind.INTEGER);

  static final Section TRAINING =
      Section.named("training", "a training job (type: training)")
          .key("name", ValueKind.NAME)
          .key("type", ValueKind.choice("training"))
          .key("cluster", ValueKind.TEXT)
          .key("gpus", ValueKind.INTEGER)
          .key("gpus_per_system", ValueKind.INTEGER)
          .key("start", ValueKind.DURATION)
          .key("iteration", ValueKind.of(ITERATION))
          .key("tokens_per_iteration", ValueKind.INTEGER)
          .key("checkpoint", ValueKind.of(CHECKPOINT))
          .key("restart", ValueKind.DURATION)
          .key("work", ValueKind.of(WORK))
          .key("power_cap", POWER_CAP)
          .key("power_smoothing", ValueKind.of(POWER_SMOOTHING))
          .key("filler", ValueKind.of(FILLER));

  static final Section DEMAND =
      Section.named("demand", "the requests an inference service receives")
          .key("rate", ValueKind.RATE)
          .key("daily_profile", ValueKind.listOf(ValueKind.NUMBER))
          .key("growth_per_year", ValueKind.NUMBER)
          .key("start_hour", ValueKind.INTEGER);

  static final Section TOKENS =
      Section.named("tokens", "the distribution of a request's tokens")
          .key("distribution", ValueKind.choice(List.copyOf(TOKEN_DISTRIBUTIONS.keySet())))
          .key("mean", ValueKind.NUMBER)
          .key("median", ValueKind.NUMBER)
          .key("sigma", ValueKind.NUMBER)
          .key("min", ValueKind.INTEGER)
          .key("max", ValueKind.INTEGER)
          .splitBy("distribution", TOKEN_DISTRIBUTIONS);

  /** Tokens per request: always that many, or a distribution. */
  static final ValueKind TOKEN_COUNT = ValueKind.anyOf(ValueKind.INTEGER, ValueKind.of(TOKENS));

  static final Section INFERENCE =
      Section.named("inference", "an inference service (type: inference)")
          .key("name", ValueKind.NAME)
          .key("type", ValueKind.choice("inference"))
          .key("cluster", ValueKind.TEXT)
          .key("gpus", ValueKind.INTEGER)
          .key("gpus_per_replica", ValueKind.INTEGER)
          .key("batch", ValueKind.INTEGER)
          .key("tokens_per_second_per_gpu", ValueKind.NUMBER)
          .key("precision", ValueKind.choice(PRECISIONS))
          .key("throughput_factor", ValueKind.NUMBER)
          .key("busy_power", ValueKind.FRACTION)
          .key("prefill_speedup", ValueKind.NUMBER)
          .key("demand", ValueKind.of(DEMAND))
          .key("prompt_tokens", TOKEN_COUNT)
          .key("output_tokens", TOKEN_COUNT)
          .key("max_queueing", ValueKind.DURATION)
          .key("resolution", ValueKind.choice(SERVICE_RESOLUTIONS))
          .key("start", ValueKind.DURATION);

  /** Each workload type with its section. */
  static final Map<String, Section> WORKLOADS_BY_TYPE =
      Field.ordered(WORKLOAD_TYPES, t -> t.equals("training") ? TRAINING : INFERENCE);

  static final Section TIME_TO_FAILURE =
      Section.named("time_to_failure", "the distribution of the time to a failure")
          .key(
              "distribution", ValueKind.choice(List.copyOf(TIME_TO_FAILURE_DISTRIBUTIONS.keySet())))
          .key("mean", ValueKind.DURATION)
          .key("scale", ValueKind.DURATION)
          .key("median", ValueKind.DURATION)
          .key("shape", ValueKind.NUMBER)
          .key("sigma", ValueKind.NUMBER)
          .splitBy("distribution", TIME_TO_FAILURE_DISTRIBUTIONS);

  static final Section REPAIR =
      Section.named("repair", "the distribution of a repair time")
          .key("distribution", ValueKind.choice(List.copyOf(REPAIR_DISTRIBUTIONS.keySet())))
          .key("mean", ValueKind.DURATION)
          .key("median", ValueKind.DURATION)
          .key("value", ValueKind.DURATION)
          .key("sigma", ValueKind.NUMBER)
          .splitBy("distribution", REPAIR_DISTRIBUTIONS);

  /** A repair time: the mean of an exponential, or a distribution. */
  static final ValueKind REPAIR_TIME = ValueKind.anyOf(ValueKind.DURATION, ValueKind.of(REPAIR));

  /**
   * How often something fails: one of {@link #TIME_TO_FAILURE_FORMS}, and its repair (a part of
   * failure causes and of heat-rejection stages, not a map of its own).
   */
  private static final Section FAILING =
      Section.named("failing", "how often a unit fails and how long its repair takes")
          .key("mtbf", ValueKind.DURATION)
          .key("rate", ValueKind.RATE)
          .key("time_to_failure", ValueKind.of(TIME_TO_FAILURE))
          .key("repair", REPAIR_TIME);

  /** The keys of {@link #FAILING}. */
  static final List<String> FAILING_KEYS = FAILING.keys();

  static final Section CAUSE =
      Section.named("cause", "a cause of failures")
          .key("scope", ValueKind.choice(FAILURE_SCOPES))
          .keysOf(FAILING)
          .key("planned", ValueKind.BOOL)
          .key("scale", ValueKind.NUMBER)
          .key("failure_domain", ValueKind.choice(FAILURE_DOMAINS));

  static final Section FAILURES =
      Section.named("failures", "what fails, how often, and how it recovers")
          .key("profile", ValueKind.choice(FailureProfile.builtInNames()))
          .key("scale", ValueKind.NUMBER)
          .key("spare_swap_time", ValueKind.DURATION)
          .key("failed_power", ValueKind.FRACTION)
          .key("failure_domain", ValueKind.choice(FAILURE_DOMAINS))
          .key("causes", new ValueKind.ByName(ValueKind.of(CAUSE), true));

  static final Section RECORDING =
      Section.named("recording", "what the power recorder keeps")
          .key("buckets", ValueKind.INTEGER)
          .key("window_start", ValueKind.DURATION)
          .key("window_length", ValueKind.DURATION)
          .key("ramp_window", ValueKind.DURATION);

  static final Section POWER_CURVE =
      Section.named("power_curve", "a GPU's relative throughput at power limits")
          .key("limits", ValueKind.listOf(ValueKind.FRACTION))
          .key("throughput", ValueKind.listOf(ValueKind.NUMBER));

  static final Section GPU =
      Section.named("gpu", "a GPU type")
          .key("tdp", ValueKind.POWER)
          .key("idle", ValueKind.POWER)
          .key("power_curve", ValueKind.of(POWER_CURVE))
          .key("slowdown_temperature", ValueKind.TEMPERATURE)
          .key("shutdown_temperature", ValueKind.TEMPERATURE);

  static final Section FRU =
      Section.named("fru", "a system's field-replaceable units")
          .key("gpus", ValueKind.INTEGER)
          .key("swap", ValueKind.DURATION);

  static final Section SYSTEM =
      Section.named("system", "a system (rack or server) type")
          .key("gpu", ValueKind.TEXT)
          .key("gpus", ValueKind.INTEGER)
          .key("other_it_power", ValueKind.POWER)
          .key("other_it_power_factor", ValueKind.NUMBER)
          .key("fru", ValueKind.of(FRU));

  static final Section CATALOG =
      Section.named("catalog", "GPU and system types added or changed")
          .key("gpus", new ValueKind.ByName(ValueKind.of(GPU), false))
          .key("systems", new ValueKind.ByName(ValueKind.of(SYSTEM), false));

  static final Section HEAT_WAVE =
      Section.named("heat_wave", "a heat wave added to the weather")
          .key("start", ValueKind.DURATION)
          .key("duration", ValueKind.DURATION)
          .key("rise", ValueKind.TEMPERATURE_DIFFERENCE);

  static final Section WEATHER =
      Section.named("weather", "the outdoor temperatures: a climate, constants or a file")
          .key("climate", ValueKind.choice(ClimateProfiles.names()))
          .key("start_day", ValueKind.INTEGER)
          .key("dry_bulb", ValueKind.TEMPERATURE)
          .key("wet_bulb", ValueKind.TEMPERATURE)
          .key("file", ValueKind.TEXT)
          .key("heat_wave", ValueKind.of(HEAT_WAVE));

  /** Units on one bus (or loop), of which {@code needed} carry the load. */
  static final Section K_OF_N =
      Section.named("k_of_n", "units of which some are needed to carry the load")
          .key("units", ValueKind.INTEGER)
          .key("needed", ValueKind.INTEGER);

  /** The keys every stage of heat-rejection units has, before its own (a part, not a map). */
  private static final Section HEAT_REJECTION =
      Section.named("heat_rejection", "a stage of heat-rejection units")
          .key("design", ValueKind.DESIGN)
          .key("structure", ValueKind.of(K_OF_N))
          .key("sized_for", ValueKind.FRACTION)
          .key("unit", ValueKind.POWER);

  static final Section DRY_COOLERS =
      Section.named("dry_coolers", "a loop's dry coolers")
          .keysOf(HEAT_REJECTION)
          .key("rating_difference", ValueKind.TEMPERATURE_DIFFERENCE)
          .key("fans", ValueKind.FRACTION)
          .keysOf(FAILING);

  static final Section COOLING_TOWERS =
      Section.named("cooling_towers", "a loop's cooling towers")
          .keysOf(HEAT_REJECTION)
          .key("approach", ValueKind.TEMPERATURE_DIFFERENCE)
          .key("fans", ValueKind.FRACTION)
          .key("water", ValueKind.WATER_USE)
          .keysOf(FAILING);

  static final Section CHILLERS =
      Section.named("chillers", "a loop's chillers")
          .keysOf(HEAT_REJECTION)
          .key("cop", ValueKind.NUMBER)
          .keysOf(FAILING);

  static final Section LOOP =
      Section.named("loop", "a coolant loop (liquid or air) and its heat rejection")
          .key("supply_temperature", ValueKind.TEMPERATURE)
          .key("heat_capacity", ValueKind.HEAT_CAPACITY)
          .key("pumps", ValueKind.FRACTION)
          .key("design_dry_bulb", ValueKind.TEMPERATURE)
          .key("design_wet_bulb", ValueKind.TEMPERATURE)
          .key("dry_coolers", ValueKind.of(DRY_COOLERS))
          .key("cooling_towers", ValueKind.of(COOLING_TOWERS))
          .key("chillers", ValueKind.of(CHILLERS));

  static final Section COOLING =
      Section.named("cooling", "a cooling plant, whose power is computed")
          .key("weather", ValueKind.of(WEATHER))
          .key("other_overhead", ValueKind.FRACTION)
          .key("liquid", ValueKind.of(LOOP))
          .key("air", ValueKind.of(LOOP));

  static final Section FACILITY =
      Section.named("facility", "the facility around the IT load: a fixed PUE or a cooling plant")
          .key("pue", ValueKind.NUMBER)
          .key("cooling", ValueKind.of(COOLING));

  static final Section UPS_STRUCTURE =
      Section.named("ups_structure", "UPS systems and modules written out")
          .key("systems", ValueKind.INTEGER)
          .key("modules_per_system", ValueKind.INTEGER)
          .key("modules_needed_per_system", ValueKind.INTEGER)
          .key("systems_needed", ValueKind.INTEGER);

  /** A converter's efficiency: one fraction, or a curve from load fraction to efficiency. */
  static final ValueKind EFFICIENCY =
      ValueKind.anyOf(ValueKind.FRACTION, new ValueKind.Table(ValueKind.FRACTION));

  /** Prefix of the failure keys of UPS modules: {@code module_mtbf}, ... */
  static final String MODULE = "module_";

  /** Prefix of the failure keys of UPS battery strings: {@code battery_mtbf}, ... */
  static final String BATTERY = "battery_";

  static final Section UPS =
      Section.named("ups", "the uninterruptible power supplies")
          .key("design", ValueKind.DESIGN)
          .key("structure", ValueKind.of(UPS_STRUCTURE))
          .key("module", ValueKind.POWER)
          .keysOf(FAILING, MODULE)
          .key("battery", ValueKind.DURATION)
          .key("battery_recharge", ValueKind.DURATION)
          .keysOf(FAILING, BATTERY)
          .key("static_bypass", ValueKind.BOOL)
          .key("eco_mode", ValueKind.BOOL)
          .key("efficiency", EFFICIENCY);

  static final Section GENERATORS =
      Section.named("generators", "the standby generators")
          .key("design", ValueKind.DESIGN)
          .key("structure", ValueKind.of(K_OF_N))
          .key("unit", ValueKind.POWER)
          .key("start_delay", ValueKind.DURATION)
          .key("fail_to_start", ValueKind.FRACTION)
          .key("availability", ValueKind.FRACTION)
          .keysOf(FAILING)
          .key("fuel_autonomy", ValueKind.DURATION)
          .key("refuelling", ValueKind.BOOL);

  static final Section UTILITY =
      Section.named("utility", "the utility's outages")
          .key("outages_per_year", ValueKind.NUMBER)
          .key("mean_outage", ValueKind.DURATION)
          .key("outage_duration", REPAIR_TIME)
          .key("momentary_per_year", ValueKind.NUMBER)
          .key("momentary_duration", ValueKind.DURATION)
          .key("feeds", ValueKind.INTEGER)
          .key("common_outages", ValueKind.FRACTION);

  static final Section PDUS =
      Section.named("pdus", "the power distribution units: how they fail, their efficiency")
          .keysOf(FAILING)
          .key("efficiency", ValueKind.FRACTION);

  static final Section DISTRIBUTION =
      Section.named("distribution", "the conductors from the PDUs to the racks")
          .key("voltage", ValueKind.VOLTAGE)
          .key("conductor_resistance", ValueKind.RESISTANCE);

  /** A transformer, switchgear, ATS or STS: how it fails ({} for the cited defaults). */
  static final Section COMPONENT =
      Section.named("component", "how a component of the chain fails").keysOf(FAILING);

  static final Section MAINTENANCE_PLAN =
      Section.named("maintenance_plan", "how often a kind of unit is maintained, how long")
          .key("interval", ValueKind.DURATION)
          .key("duration", ValueKind.DURATION);

  static final Section MAINTENANCE = maintenance();

  private static Section maintenance() {
    Section s = Section.named("maintenance", "planned maintenance by kind of unit");
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      s = s.key(kind.key(), ValueKind.of(MAINTENANCE_PLAN));
    }
    return s;
  }

  static final List<String> SOURCES = List.of("shared", "per_side");

  static final Section COMMON_CAUSE =
      Section.named("common_cause", "the share of failures that strike a whole group (beta)")
          .key("ups", ValueKind.FRACTION)
          .key("generators", ValueKind.FRACTION)
          .key("pdus", ValueKind.FRACTION)
          .key("transformers", ValueKind.FRACTION)
          .key("switchgear", ValueKind.FRACTION)
          .key("ats", ValueKind.FRACTION)
          .key("sts", ValueKind.FRACTION)
          .key("batteries", ValueKind.FRACTION);

  static final Section POWER =
      Section.named("power", "the electrical chain from the utility to the racks")
          .key("rack_groups", ValueKind.INTEGER)
          .key("dual_corded", ValueKind.BOOL)
          .key("ups", ValueKind.of(UPS))
          .key(
              "generators",
              ValueKind.anyOf(
                  ValueKind.choice(NO_GENERATORS), ValueKind.EMPTY, ValueKind.of(GENERATORS)))
          .key("utility", ValueKind.anyOf(ValueKind.choice(PERFECT_UTILITY), ValueKind.of(UTILITY)))
          .key("sources", ValueKind.choice(SOURCES))
          .key("pdus", ValueKind.of(PDUS))
          .key("distribution", ValueKind.of(DISTRIBUTION))
          .key("transformers", ValueKind.of(COMPONENT))
          .key("switchgear", ValueKind.of(COMPONENT))
          .key("ats", ValueKind.of(COMPONENT))
          .key("sts", ValueKind.of(COMPONENT))
          .key("common_cause", ValueKind.anyOf(ValueKind.FRACTION, ValueKind.of(COMMON_CAUSE)))
          .key("repair_crews", ValueKind.anyOf(ValueKind.choice(PER_UNIT), ValueKind.INTEGER))
          .key("facility_recovery", ValueKind.DURATION)
          .key("maintenance", ValueKind.of(MAINTENANCE));

  static final Section COSTS =
      Section.named("costs", "prices for comparing designs")
          .key("ups_per_kw", ValueKind.MONEY)
          .key("generator_per_kw", ValueKind.MONEY)
          .key("pdu_each", ValueKind.MONEY)
          .key("lifetime", ValueKind.DURATION)
          .key("discount_rate", ValueKind.FRACTION)
          .key("energy_per_mwh", ValueKind.MONEY)
          .key("lost_gpu_hour", ValueKind.MONEY);

  static final Section ECONOMICS =
      Section.named("economics", "what the factory costs a year and per token")
          .key("gpu_price", ValueKind.MONEY)
          .key("system_life", ValueKind.DURATION)
          .key("facility_per_mw", ValueKind.MONEY)
          .key("facility_mw", ValueKind.POWER)
          .key("facility_life", ValueKind.DURATION)
          .key("operations", ValueKind.FRACTION)
          .key("energy_prices", ValueKind.TEXT)
          .key("token_price", ValueKind.MONEY);

  static final Section GRID_RULE =
      Section.named("grid_rule", "a grid operator's rule: one limit over a window")
          .key("ramp", ValueKind.GRID_RAMP)
          .key("dynamic_range", ValueKind.POWER)
          .key("oscillation", ValueKind.POWER)
          .key("window", ValueKind.DURATION)
          .key("band", ValueKind.BAND)
          .key("every", ValueKind.DURATION)
          .key("name", ValueKind.NAME);

  static final Section BATTERY_SMOOTHING =
      Section.named("battery_smoothing", "how a site battery steers the grid import")
          .key("window", ValueKind.DURATION)
          .key("ramp", ValueKind.GRID_RAMP)
          .key("restore", ValueKind.TEXT);

  static final Section SITE_BATTERY =
      Section.named("site_battery", "a site battery behind the meter")
          .key("energy", ValueKind.TEXT)
          .key("power", ValueKind.POWER)
          .key("round_trip_efficiency", ValueKind.FRACTION)
          .key("soc_min", ValueKind.FRACTION)
          .key("soc_max", ValueKind.FRACTION)
          .key("soc_initial", ValueKind.FRACTION)
          .key("smoothing", ValueKind.of(BATTERY_SMOOTHING))
          .key("cost_per_kwh", ValueKind.MONEY);

  static final Section GENERATION =
      Section.named("generation", "on-site generation")
          .key("capacity", ValueKind.POWER)
          .key("ramp", ValueKind.GRID_RAMP)
          .key("heat_rate_btu_per_kwh", ValueKind.NUMBER)
          .key("fuel_per_mmbtu", ValueKind.MONEY)
          .key("co2_kg_per_mmbtu", ValueKind.NUMBER);

  static final Section CARBON =
      Section.named("carbon", "carbon accounting: the grid's intensity and clean supply")
          .key("grid_g_per_kwh", ValueKind.NUMBER)
          .key("grid_csv", ValueKind.TEXT)
          .key("clean_supply", ValueKind.POWER)
          .key("clean_supply_csv", ValueKind.TEXT);

  static final Section SITE =
      Section.named("site", "the interconnect, the grid's rules, a battery, generation, carbon")
          .key("interconnect", ValueKind.POWER)
          .key("minimum_load", ValueKind.POWER)
          .key("budget", ValueKind.POWER)
          .key("rules", ValueKind.listOf(ValueKind.of(GRID_RULE)))
          .key("battery", ValueKind.of(SITE_BATTERY))
          .key("generation", ValueKind.of(GENERATION))
          .key("carbon", ValueKind.of(CARBON));

  static final Section VARIANT =
      Section.named("variant", "a design variant: changes to the scenario, for compare")
          .key("name", ValueKind.TEXT)
          .key("description", ValueKind.TEXT)
          .key("set", ValueKind.ANY);

  /** The whole scenario file. */
  static final Section SCENARIO =
      Section.named("scenario", "an AI factory scenario")
          .key("name", ValueKind.NAME)
          .key("description", ValueKind.TEXT)
          .key("horizon", ValueKind.DURATION)
          .key("seed", ValueKind.INTEGER)
          .key("replications", ValueKind.INTEGER)
          .key("pulse_resolution", ValueKind.choice(PULSE_RESOLUTIONS))
          .key("facility", ValueKind.of(FACILITY))
          .key("clusters", ValueKind.listOf(ValueKind.of(CLUSTER)))
          .key("workloads", ValueKind.listOf(new ValueKind.ByType("type", WORKLOADS_BY_TYPE)))
          .key("failures", ValueKind.of(FAILURES))
          .key("recording", ValueKind.of(RECORDING))
          .key("catalog", ValueKind.of(CATALOG))
          .key("power", ValueKind.of(POWER))
          .key("costs", ValueKind.of(COSTS))
          .key("economics", ValueKind.anyOf(ValueKind.of(ECONOMICS), ValueKind.EMPTY))
          .key("site", ValueKind.of(SITE))
          .key("variants", ValueKind.listOf(ValueKind.of(VARIANT)));
}
