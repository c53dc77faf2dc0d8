package org.aifactory.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Cooling;
import org.aifactory.metrics.ComparisonResult.LostValue;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.MetricStats;

/**
 * {@code comparison.json}: every field of the comparison, byte-identical for the same result. The
 * variants in input order, each with its rank (1 = cheapest) and its statistics as {@code {"mean",
 * "sd", "ci95", "n"}}; {@code ranking} names them cheapest first; {@code electrical} is replication
 * 0's chain, or null. A figure that is not finite is null, as are {@code sd} and {@code ci95} with
 * one replication.
 *
 * <p>When anything but power outages lost production, or some variant has a cooling plant ({@link
 * ComparisonFigures#showsLossParts}), each variant also has the parts of its lost production; with
 * a plant, a {@code cooling} object (null for a variant without one). Without either, the file is
 * what it was before they existed.
 */
final class ComparisonJson {
  static final String FILE = "comparison.json";

  /** The notes of a comparison where power outages lost all the production lost. */
  static final List<String> NOTES =
      List.of(
          "annual_total_dollars = annual_capital_dollars + annual_energy_dollars +"
              + " annual_lost_value_dollars, per year of 8,766 h. Capital: the electrical chain's"
              + " capital cost (UPS, generators, distribution) times the capital recovery factor."
              + " Energy: facility energy times the energy price. Lost value: GPU-hours of job"
              + " progress lost to power outages times the value of a GPU-hour. Losses from other"
              + " causes (GPU failures...) are common to all variants and left out.",
          "mean, sd and ci95 are over the replications of a variant: ci95 is the half-width of the"
              + " 95 % confidence interval of the mean (Student t with n - 1 degrees of freedom).",
          "Every variant ran the same replications with the same root seed, so variants share"
              + " random streams where they share components (common random numbers: the same"
              + " utility outages, the same GPU failures). extra_cost_over_best is a variant's"
              + " annual total minus the cheapest variant's, paired by replication: its ci95 is"
              + " narrower than independent runs would give. A ci95 of extra_cost_over_best that"
              + " excludes 0 means the cheapest variant is significantly cheaper.",
          "Costs are documented placeholder defaults unless the scenario sets them: read them as an"
              + " illustration of the method, not as prices.",
          "loss_of_load_events, lost_gpu_hours_power, lost_tokens_power and energy_facility_mwh are"
              + " per replication (horizon_hours); unavailability_minutes_per_year is (1 - mean"
              + " availability) x 525,960 min.",
          "production is per replication: tokens, tokens_over_best (this variant's tokens minus"
              + " the cheapest's, paired by replication), ettr, lost_tokens (lost_production.total:"
              + " every cause) and lost_tokens_priced (the part the cost values: lost to power"
              + " outages, thermal trips and throttling). loss_of_load_events_total and"
              + " thermal_trips_total count the events of all the replications (null without an"
              + " electrical chain, or a cooling plant): a few events make a thin estimate.",
          "cost_line: annual_total_dollars = fixed_dollars + lost_gpu_hour_dollars x"
              + " lost_gpu_hours_per_year in every replication, with fixed_dollars the annualised"
              + " capital plus the energy, and lost_gpu_hours_per_year the GPU-hours lost to power"
              + " outages, thermal trips and throttling per year. break_even: for each pair of"
              + " variants, the value of a lost GPU-hour (dollars_per_gpu_hour) above which"
              + " higher_fixed (the one with the higher fixed cost) is the cheaper: extra_fixed_dollars"
              + " / gpu_hours_saved_per_year, both paired by replication; null when it never is"
              + " (cheaper_at_every_value names the variant that is). ci95 is its 95 % confidence"
              + " set within values of 0 and above (Fieller's, paired): the values at which the"
              + " pair's paired cost difference has a 95 % interval containing 0, that is where the"
              + " two are not distinguishable; a range with a null \"to\" has no upper end; null"
              + " with one replication. decides_top marks the cheapest and the runner-up."
              + " cheapest_by_value: the cheapest variant over ranges of the value of a lost"
              + " GPU-hour, by the means.");

  /** The first note when the lost production has parts: it replaces the first of {@link #NOTES}. */
  static final String COST_WITH_PARTS =
      "annual_total_dollars = annual_capital_dollars + annual_energy_dollars +"
          + " annual_lost_value_dollars, per year of 8,766 h. Capital: the electrical chain's"
          + " capital cost (UPS, generators, distribution) times the capital recovery factor; the"
          + " cooling plant's capital is not priced. Energy: facility energy times the energy"
          + " price. Lost value: the production the designs change, times the value of a GPU-hour:"
          + " GPU-hours of job progress lost to power outages (annual_lost_value_power_dollars),"
          + " to thermal trips (lost_gpu_hours_thermal, per replication: lost work, restart and"
          + " waiting of cause thermal; annual_lost_value_thermal_dollars) and to throttling"
          + " (gpu_hours_throttling, per replication: the time power caps and thermal limits kept"
          + " the GPUs from progressing;"
          + " annual_lost_value_throttling_dollars); the three add up to annual_lost_value_dollars"
          + " in every replication. A design whose GPUs throttle draws less energy and pays for"
          + " it here. Losses to failures of the IT hardware (GPUs, systems, software) are common"
          + " to all variants and left out.";

  /** The note on the maintenance figures, with planned maintenance. */
  static final String MAINTENANCE_NOTE =
      "maintenance: per replication, hours (a unit of the electrical chain out for planned"
          + " maintenance) and exposure_hours (of them, the load on static bypass or a battery, a"
          + " bus on its generators, or a rack group dark); null for a variant without planned"
          + " maintenance.";

  /** The note on the cooling figures, with a cooling plant. */
  static final String COOLING_NOTE =
      "cooling: per replication, pue (facility energy / IT energy over the run), energy_mwh (fans,"
          + " pumps, chillers), water_m3 (cooling towers), wue_l_per_kwh (litres per kWh of IT"
          + " energy), hours_at_slowdown (hours some GPUs were held at their slowdown temperature,"
          + " on the loop with the most: a lower bound of the time any GPU was), trips (clusters"
          + " shut down by heat, all loops) and tokens_lost_to_heat (throttling.thermal_tokens +"
          + " lost_production_by_cause.thermal). null for a variant without a plant.";

  /** The note for one replication. */
  static final String ONE_REPLICATION =
      "One replication: sd and ci95 are null and nothing is said to be significant; for a"
          + " scenario without random failures (no failure causes, no utility outages, units that"
          + " never fail) one replication is exact.";

  /** The note on replications added until the lead was precise enough. */
  static final String PRECISION =
      "precision: replications were added in batches until the 95 % half-width of the lead (the"
          + " runner-up's annual cost minus the cheapest's, paired by replication) was at most the"
          + " target (absolute_dollars per year, or relative: a fraction of the lead), or"
          + " max_replications were run (limit: what set it). batches: the lead after each batch."
          + " verdict: decided (the lead's 95 % interval excludes 0), tie_within_target (it"
          + " includes 0 and is within the target) or undecided. Replication r uses the same"
          + " random streams in any batch, so the result is that of a fixed number of replications"
          + " equal to where it stopped.";

  private ComparisonJson() {}

  /** The notes of {@code r}: {@link #NOTES}, the first replaced and others added as it needs. */
  static List<String> notes(ComparisonResult r) {
    List<String> notes = new java.util.ArrayList<>(NOTES);
    if (ComparisonFigures.showsLossParts(r)) {
      notes.set(0, COST_WITH_PARTS);
    }
    if (r.hasCooling()) {
      notes.add(COOLING_NOTE);
    }
    if (r.hasMaintenance()) {
      notes.add(MAINTENANCE_NOTE);
    }
    if (r.replications() == 1) {
      notes.add(ONE_REPLICATION);
    }
    if (r.precision().isPresent()) {
      notes.add(PRECISION);
    }
    return notes;
  }

  static void write(ComparisonResult r, Path file) throws IOException {
    Files.writeString(file, render(r), StandardCharsets.UTF_8);
  }

  static String render(ComparisonResult r) {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("scenario", r.scenario());
          g.writeNumberField("seed", r.seed());
          g.writeNumberField("replications", r.replications());
          Json.field(g, "horizon_hours", Formats.number(r.horizonHours()));
          g.writeArrayFieldStart("ranking");
          for (int i : r.ranking()) {
            g.writeString(r.variants().get(i).name());
          }
          g.writeEndArray();
          ComparisonTokenCosts.ranking(g, r);
          g.writeArrayFieldStart("variants");
          for (int i = 0; i < r.variants().size(); i++) {
            variant(g, r, i, ComparisonFigures.rank(r, i));
          }
          g.writeEndArray();
          breakEvens(g, r);
          cheapestByValue(g, r);
          g.writeFieldName("precision");
          precision(g, r);
          g.writeArrayFieldStart("notes");
          for (String note : notes(r)) {
            g.writeString(note);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void variant(JsonGenerator g, ComparisonResult r, int index, int rank)
      throws IOException {
    Variant v = r.variants().get(index);
    g.writeStartObject();
    g.writeStringField("name", v.name());
    g.writeStringField("description", v.description());
    g.writeNumberField("rank", rank);
    g.writeFieldName("electrical");
    electrical(g, v.electrical());
    stats(g, "availability", v.availability());
    Json.field(
        g,
        "unavailability_minutes_per_year",
        Formats.number(ComparisonFigures.downMinutesPerYear(v.availability())));
    stats(g, "loss_of_load_events", v.lossOfLoadEvents());
    stats(g, "lost_gpu_hours_power", v.lostGpuHoursPower());
    stats(g, "lost_tokens_power", v.lostTokensPower());
    stats(g, "energy_facility_mwh", v.energyFacilityMwh());
    Json.field(g, "capital_dollars", Formats.number(v.capitalDollars()));
    Json.field(g, "annual_capital_dollars", Formats.number(v.annualCapitalDollars()));
    stats(g, "annual_energy_dollars", v.annualEnergyDollars());
    stats(g, "annual_lost_value_dollars", v.annualLostValueDollars());
    stats(g, "annual_total_dollars", v.annualTotalDollars());
    stats(g, "extra_cost_over_best", v.extraCostOverBest());
    ComparisonTokenCosts.fields(g, r, index);
    if (ComparisonFigures.showsLossParts(r)) {
      LostValue lost = v.lostValue();
      stats(g, "lost_gpu_hours_thermal", lost.thermalGpuHours());
      stats(g, "gpu_hours_throttling", lost.throttlingGpuHours());
      stats(g, "annual_lost_value_power_dollars", lost.annualPowerDollars());
      stats(g, "annual_lost_value_thermal_dollars", lost.annualThermalDollars());
      stats(g, "annual_lost_value_throttling_dollars", lost.annualThrottlingDollars());
    }
    if (r.hasCooling()) {
      g.writeFieldName("cooling");
      cooling(g, v.cooling().orElse(null));
    }
    if (r.hasMaintenance()) {
      g.writeFieldName("maintenance");
      ComparisonResult.Maintenance m = v.maintenance().orElse(null);
      if (m == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        stats(g, "hours", m.hours());
        stats(g, "exposure_hours", m.exposureHours());
        g.writeEndObject();
      }
    }
    ComparisonResult.Production p = v.production();
    g.writeObjectFieldStart("production");
    stats(g, "tokens", p.tokens());
    stats(g, "tokens_over_best", p.tokensOverBest());
    stats(g, "ettr", p.ettr());
    stats(g, "lost_tokens", p.lostTokens());
    stats(g, "lost_tokens_priced", p.lostTokensPriced());
    g.writeEndObject();
    ComparisonResult.CostLine c = v.costLine();
    g.writeObjectFieldStart("cost_line");
    stats(g, "fixed_dollars", c.fixedDollars());
    stats(g, "lost_gpu_hours_per_year", c.lostGpuHoursPerYear());
    Json.field(g, "lost_gpu_hour_dollars", Formats.number(c.lostGpuHourDollars()));
    g.writeEndObject();
    total(g, "loss_of_load_events_total", v.lossOfLoadEventsTotal());
    total(g, "thermal_trips_total", v.thermalTripsTotal());
    if (r.hasGrid()) {
      g.writeFieldName("grid");
      if (v.grid().isEmpty()) {
        g.writeNull();
      } else {
        ComparisonResult.Grid site = v.grid().get();
        g.writeStartObject();
        stats(g, "rules_broken", site.brokenRules());
        stats(g, "compliant_share", site.compliantShare());
        stats(g, "peak_import_mw", site.peakImportMw());
        stats(g, "battery_losses_mwh", site.batteryLossesMwh());
        stats(g, "battery_cycles", site.batteryCycles());
        stats(g, "co2_t", site.co2Tonnes());
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  private static void total(JsonGenerator g, String name, java.util.OptionalLong total)
      throws IOException {
    g.writeFieldName(name);
    if (total.isPresent()) {
      g.writeNumber(total.getAsLong());
    } else {
      g.writeNull();
    }
  }

  private static void breakEvens(JsonGenerator g, ComparisonResult r) throws IOException {
    g.writeArrayFieldStart("break_even");
    for (ComparisonResult.BreakEven b : r.breakEvens()) {
      g.writeStartObject();
      g.writeStringField("higher_fixed", r.variants().get(b.higherFixed()).name());
      g.writeStringField("lower_fixed", r.variants().get(b.lowerFixed()).name());
      g.writeBooleanField("decides_top", r.topPair().map(b::equals).orElse(false));
      stats(g, "extra_fixed_dollars", b.extraFixedDollars());
      stats(g, "gpu_hours_saved_per_year", b.gpuHoursSavedPerYear());
      Json.field(g, "dollars_per_gpu_hour", Formats.number(b.dollarsPerGpuHour()));
      g.writeFieldName("cheaper_at_every_value");
      if (b.flips()) {
        g.writeNull();
      } else {
        g.writeString(r.variants().get(b.alwaysCheaper()).name());
      }
      g.writeFieldName("ci95");
      if (b.hasInterval()) {
        g.writeStartArray();
        for (org.aifactory.metrics.ValueRange v : b.notDistinguishable()) {
          g.writeStartObject();
          Json.field(g, "from", Formats.number(v.from()));
          Json.field(g, "to", Formats.number(v.to()));
          g.writeEndObject();
        }
        g.writeEndArray();
      } else {
        g.writeNull();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void cheapestByValue(JsonGenerator g, ComparisonResult r) throws IOException {
    g.writeArrayFieldStart("cheapest_by_value");
    for (ComparisonResult.CheapestSpan s : r.cheapestByValue()) {
      g.writeStartObject();
      g.writeStringField("variant", r.variants().get(s.variant()).name());
      Json.field(g, "from_dollars_per_gpu_hour", Formats.number(s.fromDollarsPerGpuHour()));
      Json.field(g, "to_dollars_per_gpu_hour", Formats.number(s.toDollarsPerGpuHour()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** How the replications were chosen; null for a fixed number. */
  private static void precision(JsonGenerator g, ComparisonResult r) throws IOException {
    if (r.precision().isEmpty()) {
      g.writeNull();
      return;
    }
    ComparisonResult.Precision p = r.precision().get();
    g.writeStartObject();
    g.writeObjectFieldStart("target");
    g.writeStringField("kind", p.target().kind().name().toLowerCase(java.util.Locale.ROOT));
    Json.field(g, "value", Formats.number(p.target().value()));
    g.writeEndObject();
    g.writeNumberField("max_replications", p.maxReplications());
    g.writeStringField("limit", p.limit().name().toLowerCase(java.util.Locale.ROOT));
    g.writeStringField("verdict", p.verdict().name().toLowerCase(java.util.Locale.ROOT));
    g.writeBooleanField("target_met", p.targetMet());
    g.writeArrayFieldStart("batches");
    for (ComparisonResult.Precision.Batch b : p.batches()) {
      g.writeStartObject();
      g.writeNumberField("replications", b.replications());
      g.writeStringField("best", r.variants().get(b.best()).name());
      g.writeStringField("runner_up", r.variants().get(b.runnerUp()).name());
      stats(g, "lead_dollars", b.lead());
      Json.field(
          g,
          "half_width_wanted_dollars",
          Formats.number(p.target().halfWidthWanted(b.lead().mean())));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The cooling plant's figures per replication; null without a plant. */
  private static void cooling(JsonGenerator g, Cooling c) throws IOException {
    if (c == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    stats(g, "pue", c.pue());
    stats(g, "energy_mwh", c.energyMwh());
    stats(g, "water_m3", c.waterM3());
    stats(g, "wue_l_per_kwh", c.wueLitresPerKwh());
    stats(g, "hours_at_slowdown", c.hoursAtSlowdown());
    stats(g, "trips", c.trips());
    stats(g, "tokens_lost_to_heat", c.tokensLostToHeat());
    g.writeEndObject();
  }

  private static void stats(JsonGenerator g, String name, MetricStats s) throws IOException {
    g.writeFieldName(name);
    Json.stats(g, s);
  }

  /** Replication 0's chain: its design, installed capacity and what happened; null without. */
  private static void electrical(JsonGenerator g, ElectricalResult e) throws IOException {
    if (e == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("ups_design", e.upsDesign());
    g.writeStringField("generator_design", e.generatorDesign());
    g.writeNumberField("paths", e.paths());
    g.writeNumberField("pdus", e.pdus());
    g.writeNumberField("ups_modules", e.upsModules());
    Json.field(g, "ups_installed_kw", Formats.number(e.upsInstalledWatts() / 1e3));
    g.writeNumberField("generator_units", e.generatorUnits());
    Json.field(g, "generator_installed_kw", Formats.number(e.generatorInstalledWatts() / 1e3));
    Json.field(g, "availability", Formats.number(e.availability()));
    Json.field(g, "load_weighted_availability", Formats.number(e.loadWeightedAvailability()));
    g.writeNumberField("loss_of_load_events", e.lossOfLoadEvents());
    Json.field(g, "loss_of_load_hours", Formats.number(e.lossOfLoadHours()));
    g.writeNumberField("utility_interruptions", e.utilityInterruptions());
    g.writeNumberField("generator_starts", e.generatorStarts());
    g.writeNumberField("generator_fail_to_starts", e.generatorFailToStarts());
    Json.field(g, "on_battery_hours", Formats.number(e.onBatteryHours()));
    g.writeNumberField("ups_module_failures", e.upsModuleFailures());
    g.writeNumberField("pdu_failures", e.pduFailures());
    g.writeArrayFieldStart("stage_losses");
    for (int i = 0; i < e.stages().size(); i++) {
      g.writeStartObject();
      g.writeStringField("stage", e.stages().get(i));
      Json.field(
          g,
          "loss_mwh",
          i < e.stageLossJoules().size()
              ? Formats.number(e.stageLossJoules().get(i) / 3.6e9)
              : null);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
