package org.aifactory.metrics;

/**
 * Every metric key, built in one place: {@link RunResult#metrics()} files each figure under one of
 * these keys, and every reader (reports, experiments) looks figures up with the same methods, so a
 * reader never assembles a key of its own.
 *
 * <p>A dot in a key nests it in JSON ({@code power_mw.peak}). Job and cause names become one
 * segment of a key with their own dots replaced by underscores ({@link #segment}): the job {@code
 * llama3.1-405b} has the key {@code job.llama3_1-405b.ettr}. Readers pass the name as it is.
 */
public final class MetricKeys {
  private MetricKeys() {}

  public static final String HORIZON_HOURS = "horizon_hours";
  public static final String GPUS = "gpus";
  public static final String ENERGY_GPU_MWH = "energy_gpu_mwh";
  public static final String ENERGY_IT_MWH = "energy_it_mwh";
  public static final String ENERGY_FACILITY_MWH = "energy_facility_mwh";
  public static final String PUE = "pue";
  public static final String TOKENS = "tokens";
  public static final String TOKENS_PER_JOULE_IT = "tokens_per_joule_it";
  public static final String TOKENS_PER_KWH_FACILITY = "tokens_per_kwh_facility";
  public static final String UTILISATION = "utilisation";
  public static final String ETTR = "ettr";
  public static final String INTERRUPTIONS = "interruptions";
  public static final String EVENTS_PROCESSED = "events_processed";

  public static final String GPU_HOURS_INSTALLED = "gpu_hours.installed";
  public static final String GPU_HOURS_PRODUCTIVE = "gpu_hours.productive";
  public static final String GPU_HOURS_LOST_WORK = "gpu_hours.lost_work";
  public static final String GPU_HOURS_CHECKPOINT = "gpu_hours.checkpoint";
  public static final String GPU_HOURS_RESTART = "gpu_hours.restart";
  public static final String GPU_HOURS_WAITING = "gpu_hours.waiting";
  public static final String GPU_HOURS_IDLE = "gpu_hours.idle";
  public static final String GPU_HOURS_DOWN = "gpu_hours.down";
  public static final String GPU_HOURS_COMPUTE = "gpu_hours.compute";
  public static final String GPU_HOURS_COMMUNICATION = "gpu_hours.communication";
  public static final String GPU_HOURS_SERVING = "gpu_hours.serving";
  public static final String INFERENCE_TOKENS_SERVED = "inference.tokens_served";
  public static final String INFERENCE_TOKENS_DEMANDED = "inference.tokens_demanded";
  public static final String INFERENCE_TOKENS_DROPPED = "inference.tokens_dropped";
  public static final String INFERENCE_ENERGY_IT_MWH = "inference.energy_it_mwh";
  public static final String TOKENS_PER_JOULE_IT_TRAINING = "training.tokens_per_joule_it";
  public static final String TOKENS_PER_JOULE_IT_INFERENCE = "inference.tokens_per_joule_it";
  public static final String TOKENS_PER_KWH_FACILITY_TRAINING = "training.tokens_per_kwh_facility";
  public static final String TOKENS_PER_KWH_FACILITY_INFERENCE =
      "inference.tokens_per_kwh_facility";
  public static final String TOKENS_PER_KWH_FACILITY_ALL = "all_tokens_per_kwh_facility";

  /** A figure of inference service {@code service}: {@code services.<service>.<what>}. */
  public static String service(String service, String what) {
    return "services." + service + "." + what;
  }

  public static final String GPU_HOURS_THROTTLING = "gpu_hours.throttled";
  public static final String THROTTLING_SLOWED_GPU_HOURS = "throttling.slowed_gpu_hours";
  public static final String THROTTLING_POWER_CAP_TOKENS = "throttling.power_cap_tokens";
  public static final String THROTTLING_THERMAL_TOKENS = "throttling.thermal_tokens";

  public static final String DOMAIN_UNIT_FAILURES = "failure_domains.fru_failures";
  public static final String DOMAIN_UNUSED_UNIT_FAILURES = "failure_domains.unused_fru_failures";
  public static final String DOMAIN_TAKE_OVERS = "failure_domains.take_overs";
  public static final String DOMAIN_SYSTEMS_SHORT = "failure_domains.systems_short";
  public static final String DOMAIN_UNIT_DOWN_GPU_HOURS = "failure_domains.down_gpu_hours.fru";
  public static final String DOMAIN_SYSTEM_DOWN_GPU_HOURS = "failure_domains.down_gpu_hours.system";

  public static final String POWER_PEAK_MW = "power_mw.peak";
  public static final String POWER_MEAN_MW = "power_mw.mean";
  public static final String POWER_MIN_MW = "power_mw.min";
  public static final String POWER_MAX_RAMP_MW_PER_S = "power_mw.max_ramp_mw_per_s";
  public static final String POWER_SWING_MW = "power_mw.swing";
  public static final String POWER_RAMP_WINDOW_S = "power_mw.ramp_window_s";

  public static final String LOST_IDEAL_TOKENS = "lost_production.ideal_tokens";
  public static final String LOST_TOTAL = "lost_production.total";
  public static final String LOST_CHECKPOINT = "lost_production.checkpoint";
  public static final String LOST_WORK = "lost_production.lost_work";
  public static final String LOST_RESTART = "lost_production.restart";
  public static final String LOST_WAITING = "lost_production.waiting";
  public static final String LOST_THROTTLING = "lost_production.throttling";
  public static final String LOST_INCOMPLETE_ITERATION = "lost_production.incomplete_iteration";

  public static final String CHAIN_AVAILABILITY = "power_chain.availability";
  public static final String CHAIN_LOAD_WEIGHTED_AVAILABILITY =
      "power_chain.load_weighted_availability";
  public static final String CHAIN_LOSS_OF_LOAD_EVENTS = "power_chain.loss_of_load_events";
  public static final String CHAIN_LOSS_OF_LOAD_HOURS = "power_chain.loss_of_load_hours";
  public static final String CHAIN_MEAN_LOSS_OF_LOAD_MINUTES =
      "power_chain.mean_loss_of_load_minutes";
  public static final String CHAIN_WORST_PATH_AVAILABILITY = "power_chain.worst_path_availability";
  public static final String CHAIN_UTILITY_INTERRUPTIONS = "power_chain.utility_interruptions";
  public static final String CHAIN_GENERATOR_STARTS = "power_chain.generator_starts";
  public static final String CHAIN_GENERATOR_FAIL_TO_STARTS =
      "power_chain.generator_fail_to_starts";
  public static final String CHAIN_ON_BATTERY_HOURS = "power_chain.on_battery_hours";
  public static final String CHAIN_UPS_MODULE_FAILURES = "power_chain.ups_module_failures";
  public static final String CHAIN_PDU_FAILURES = "power_chain.pdu_failures";
  public static final String CHAIN_MAINTENANCE_HOURS = "power_chain.maintenance_hours";
  public static final String CHAIN_MAINTENANCE_EXPOSURE_HOURS =
      "power_chain.maintenance_exposure_hours";
  public static final String ENERGY_LOSSES_TOTAL_MWH = "energy_losses_mwh.total";

  public static final String COOLING_ENERGY_MWH = "cooling.energy_mwh";
  public static final String COOLING_PUE_PART = "cooling.pue_part";
  public static final String COOLING_WATER_M3 = "cooling.water_m3";
  public static final String COOLING_WUE = "cooling.wue_l_per_kwh";
  public static final String COOLING_MAX_OUTDOOR_C = "cooling.max_outdoor_c";
  public static final String COOLING_MAX_GPU_C = "cooling.max_gpu_c";

  public static final String SHAPING_EXTRA_FACILITY_MWH = "load_shaping.extra_energy_facility_mwh";
  public static final String SHAPING_EXTRA_GPU_MWH = "load_shaping.extra_energy_gpu_mwh";
  public static final String SHAPING_FILLER_MWH = "load_shaping.filler_energy_mwh";
  public static final String SHAPING_FLOOR_MWH = "load_shaping.floor_energy_mwh";
  public static final String SHAPING_RAMP_MWH = "load_shaping.ramp_energy_mwh";
  public static final String SHAPING_RAMP_LIMITED_GPU_HOURS = "load_shaping.ramp_limited_gpu_hours";
  public static final String SHAPING_STORAGE_LOSS_MWH = "load_shaping.storage_loss_mwh";
  public static final String SHAPING_STORAGE_CHANGE_MWH = "load_shaping.storage_change_mwh";
  public static final String SHAPING_RACK_PEAK_CUT = "load_shaping.rack_peak_cut";
  public static final String SHAPING_UNSHAPED_PEAK_MW = "load_shaping.unshaped_peak_mw";
  public static final String SHAPING_PEAK_CUT = "load_shaping.peak_cut";
  public static final String SHAPING_UNSHAPED_SWING_MW = "load_shaping.unshaped_swing_mw";
  public static final String SHAPING_UNSHAPED_MAX_RAMP_MW_PER_S =
      "load_shaping.unshaped_max_ramp_mw_per_s";

  /** The prefix of a cooling loop's figures: {@code cooling.liquid.}. */
  public static String coolingLoop(String loop) {
    return "cooling." + loop + ".";
  }

  /** A figure of one cooling loop, under {@link #coolingLoop}. */
  public enum LoopFigure {
    MAX_C("max_c"),
    HOURS_ABOVE_SETPOINT("hours_above_setpoint"),
    HOURS_AT_SLOWDOWN("hours_at_slowdown"),
    TRIPS("trips"),
    HEAT_MWH("heat_mwh");

    private final String name;

    LoopFigure(String name) {
      this.name = name;
    }

    /** {@code cooling.<loop>.<figure>}: e.g. {@code cooling.liquid.trips}. */
    public String key(String loop) {
      return coolingLoop(loop) + name;
    }
  }

  /** PUE of month {@code month} (1-based): {@code pue_by_month.m01}. */
  public static String pueOfMonth(int month) {
    return String.format(java.util.Locale.ROOT, "pue_by_month.m%02d", month);
  }

  public static final String PUE_ELECTRICAL = "pue_electrical";

  public static final String GRID_IMPORT_MWH = "grid.import_mwh";
  public static final String GRID_EXPORT_MWH = "grid.export_mwh";
  public static final String GRID_PEAK_IMPORT_MW = "grid.peak_import_mw";
  public static final String GRID_MIN_IMPORT_MW = "grid.min_import_mw";
  public static final String COMPLIANCE_BROKEN_RULES = "compliance.broken_rules";

  /** A figure of one grid rule's verdict, under {@code compliance.<rule>.}. */
  public enum RuleFigure {
    PASS("pass"),
    WORST("worst"),
    LIMIT("limit"),
    MARGIN("margin"),
    WORST_AT_HOURS("worst_at_hours"),
    VIOLATIONS("violations"),
    VIOLATION_HOURS("violation_hours");

    private final String name;

    RuleFigure(String name) {
      this.name = name;
    }

    /** {@code compliance.<rule>.<figure>}: e.g. {@code compliance.ramp_1min.pass}. */
    public String key(String rule) {
      return "compliance." + segment(rule) + "." + name;
    }
  }

  /** A figure of the site load's swings by cause, under {@code swing_by_cause.<cause>.}. */
  public enum SwingFigure {
    CHANGES("changes"),
    LARGEST_UP_MW("largest_up_mw"),
    LARGEST_DOWN_MW("largest_down_mw");

    private final String name;

    SwingFigure(String name) {
      this.name = name;
    }

    /** {@code swing_by_cause.<cause>.<figure>}. */
    public String key(String cause) {
      return "swing_by_cause." + cause + "." + name;
    }
  }

  /**
   * {@code swing_by_cause.<cause>.max_ramp_mw_per_s.<window>}: a cause's largest ramp over one ramp
   * window ({@code window} as {@code 1s}, {@code 1min}).
   */
  public static String swingRamp(String cause, String window) {
    return "swing_by_cause." + cause + ".max_ramp_mw_per_s." + segment(window);
  }

  public static final String BUDGET_MW = "budget.budget_mw";
  public static final String BUDGET_GPU_CAP = "budget.gpu_cap";
  public static final String BUDGET_INSTALLED_MW = "budget.installed_mw";
  public static final String BUDGET_CAPPED_MW = "budget.capped_mw";
  public static final String BUDGET_PEAK_SITE_MW = "budget.peak_site_mw";
  public static final String BUDGET_HOURS_ABOVE = "budget.hours_above";

  public static final String BATTERY_ENERGY_MWH = "battery.energy_mwh";
  public static final String BATTERY_POWER_MW = "battery.power_mw";
  public static final String BATTERY_DISCHARGED_MWH = "battery.discharged_mwh";
  public static final String BATTERY_CHARGED_MWH = "battery.charged_mwh";
  public static final String BATTERY_LOSSES_MWH = "battery.losses_mwh";
  public static final String BATTERY_CYCLES = "battery.equivalent_full_cycles";
  public static final String BATTERY_TIMES_EMPTY = "battery.times_empty";
  public static final String BATTERY_TIMES_FULL = "battery.times_full";
  public static final String BATTERY_HOURS_EMPTY = "battery.hours_empty";
  public static final String BATTERY_HOURS_FULL = "battery.hours_full";
  public static final String BATTERY_INITIAL_SOC = "battery.initial_soc";
  public static final String BATTERY_FINAL_SOC = "battery.final_soc";
  public static final String BATTERY_LOWEST_SOC = "battery.lowest_soc";
  public static final String BATTERY_HIGHEST_SOC = "battery.highest_soc";
  public static final String BATTERY_CAPITAL_DOLLARS = "battery.capital_dollars";

  public static final String GENERATION_CAPACITY_MW = "generation.capacity_mw";
  public static final String GENERATION_ENERGY_MWH = "generation.energy_mwh";
  public static final String GENERATION_PEAK_MW = "generation.peak_mw";
  public static final String GENERATION_FUEL_MMBTU = "generation.fuel_mmbtu";
  public static final String GENERATION_FUEL_DOLLARS = "generation.fuel_cost_dollars";
  public static final String GENERATION_CO2_T = "generation.co2_t";

  public static final String CARBON_GRID_T = "carbon.grid_t";
  public static final String CARBON_GENERATION_T = "carbon.generation_t";
  public static final String CARBON_TOTAL_T = "carbon.total_t";
  public static final String CARBON_GRID_INTENSITY = "carbon.grid_g_per_kwh";
  public static final String CARBON_CFE_SHARE = "carbon.cfe_share";
  public static final String CARBON_CFE_HOURS_SHARE = "carbon.cfe_hours_share";

  public static final String ECONOMICS_CAPITAL_SYSTEMS = "economics.capital.systems_dollars";
  public static final String ECONOMICS_CAPITAL_FACILITY = "economics.capital.facility_dollars";
  public static final String ECONOMICS_ANNUAL_SYSTEMS = "economics.annual.systems_dollars";
  public static final String ECONOMICS_ANNUAL_FACILITY = "economics.annual.facility_dollars";
  public static final String ECONOMICS_ANNUAL_ENERGY = "economics.annual.energy_dollars";
  public static final String ECONOMICS_ANNUAL_OPERATIONS = "economics.annual.operations_dollars";
  public static final String ECONOMICS_ANNUAL_TOTAL = "economics.annual.total_dollars";
  public static final String ECONOMICS_ENERGY_PRICE = "economics.energy_price_per_mwh";
  public static final String ECONOMICS_POWER_SHARE_OPEX = "economics.power_share_of_opex";
  public static final String ECONOMICS_POWER_SHARE_COST = "economics.power_share_of_cost";
  public static final String ECONOMICS_PER_MTOK_TRAINING = "economics.dollars_per_mtok.training";
  public static final String ECONOMICS_PER_MTOK_INFERENCE = "economics.dollars_per_mtok.inference";
  public static final String ECONOMICS_PER_MTOK_ALL = "economics.dollars_per_mtok.all";
  public static final String ECONOMICS_LOST_TOTAL = "economics.lost_dollars_per_year.total";

  /** {@code economics.lost_dollars_per_year.training.<cause>}. */
  public static String economicsLostTraining(String cause) {
    return "economics.lost_dollars_per_year.training." + segment(cause);
  }

  /** {@code economics.lost_dollars_per_year.inference.<cause>}. */
  public static String economicsLostInference(String cause) {
    return "economics.lost_dollars_per_year.inference." + segment(cause);
  }

  /**
   * Figures of a job under {@code job.<name>.}: {@link #TOKENS}, {@link #ETTR}, {@link
   * #INTERRUPTIONS}, {@link #ENERGY_GPU_MWH}, its lost production ({@link #LOST_TOTAL}...) and by
   * cause ({@link ByCause}), and these.
   */
  public static final String ITERATIONS = "iterations";

  public static final String CHECKPOINTS = "checkpoints";
  public static final String JOB_COMPLETION_HOURS = "completion_hours";

  public static final String JOB_CHECKPOINT_INTERVAL_S = "checkpoint_interval_s";
  public static final String JOB_MTBI_HOURS = "mtbi_hours";
  public static final String JOB_MTBF_KILL_HOURS = "mtbf_kill_hours";

  private static final String JOB = "job.";

  /** Metrics kept per failure cause, each under its own prefix. */
  public enum ByCause {
    INTERRUPTIONS("interruptions_by_cause"),
    LOST_PRODUCTION("lost_production_by_cause"),
    LOST_GPU_HOURS("lost_gpu_hours_by_cause");

    private final String prefix;

    ByCause(String prefix) {
      this.prefix = prefix;
    }

    /** {@code interruptions_by_cause.<cause>}. */
    public String key(String cause) {
      return prefix + "." + segment(cause);
    }
  }

  /** {@code family.key(cause)}: the figure of one failure cause. */
  public static String byCause(ByCause family, String cause) {
    return family.key(cause);
  }

  /**
   * {@code job.<name>.<key>}: the figure {@code key} (e.g. {@link #ETTR}) of the job {@code name}.
   */
  public static String job(String name, String key) {
    return JOB + segment(name) + "." + key;
  }

  /** True for a figure of some job ({@code job.<name>.<key>}). */
  public static boolean isJobKey(String key) {
    return key.startsWith(JOB);
  }

  /**
   * The key of a figure of the job {@code name} without its {@code job.<name>.} ({@link #ETTR} for
   * {@code job(name, ETTR)}); null if {@code key} is not one of the job's.
   */
  public static String withinJob(String name, String key) {
    String prefix = job(name, "");
    return key.startsWith(prefix) ? key.substring(prefix.length()) : null;
  }

  /** {@code power_chain.path_availability.p<k>}: availability of rack group {@code path}. */
  /**
   * Failures of one component of the electrical chain besides UPS modules and PDUs: {@code
   * power_chain.transformer_failures}, {@code power_chain.ats_failures} ...
   */
  /** Units of a maintained kind ({@code ups}, {@code pdus} ...) taken out for maintenance. */
  public static String maintenancePeriods(String component) {
    return "power_chain." + component + "_maintenances";
  }

  public static String componentFailures(String component) {
    return "power_chain." + component + "_failures";
  }

  public static String pathAvailability(int path) {
    return "power_chain.path_availability.p" + path;
  }

  /** {@code energy_losses_mwh.<stage>}: conversion loss in one stage of the electrical chain. */
  public static String energyLoss(String stage) {
    return "energy_losses_mwh." + segment(stage);
  }

  /**
   * A name as one segment of a metric key: dots nest keys in JSON, so a name's own dots become
   * underscores ({@code llama3.1-405b} → {@code llama3_1-405b}).
   */
  public static String segment(String name) {
    return name.replace('.', '_');
  }
}
