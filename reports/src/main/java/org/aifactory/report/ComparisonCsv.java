package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Cooling;
import org.aifactory.metrics.ComparisonResult.LostValue;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.MetricStats;

/**
 * {@code comparison.csv}: one row per variant in ranking order, cheapest expected annual total
 * first. {@code _mean} and {@code _ci95} are the mean over replications and the half-width of its
 * 95 % confidence interval (Student t). Loss-of-load events, lost GPU-hours, lost tokens and
 * facility energy are per replication (the horizon is in {@code comparison.json}); dollar amounts
 * ending in {@code _dollars} are per year except {@code capital_dollars}; {@code
 * unavailability_minutes_per_year} is (1 − mean availability) × 525,960 min. The design columns
 * come from replication 0's electrical chain and are empty for a variant without one; {@code
 * extra_cost_over_best} is paired by replication with the cheapest variant.
 *
 * <p>When anything but power outages lost production, or some variant has a cooling plant ({@link
 * ComparisonFigures#showsLossParts}), the parts of the lost production follow ({@link
 * #LOSS_PARTS}): GPU-hours lost to thermal trips and to throttling per replication, and the value
 * of each part per year, which add up to {@code annual_lost_value_dollars}. With a cooling plant,
 * its figures per replication follow ({@link #COOLING}), empty for a variant without one. Without
 * either, the file is what it was before they existed.
 *
 * <p>Last, always ({@link #ANSWERS}): what each variant trained per replication (tokens, tokens
 * over the cheapest paired by replication, ETTR, lost production of every cause and the part the
 * cost values), its cost line (fixed cost per year, capital + energy, and GPU-hours lost per year:
 * annual total = fixed + {@code lost_gpu_hour_dollars} × lost), and its loss-of-load events and
 * thermal trips in all the replications (empty without a chain, or a plant).
 *
 * <p>When every variant has economics, {@link ComparisonTokenCosts#COLUMNS} come after all others:
 * the rank by cost per million tokens, its mean and its paired difference from the lowest.
 */
final class ComparisonCsv {
  static final String FILE = "comparison.csv";
  static final String[] HEADER = {
    "rank",
    "variant",
    "description",
    "ups_design",
    "generator_design",
    "ups_modules",
    "ups_installed_kw",
    "generator_units",
    "availability_mean",
    "availability_ci95",
    "unavailability_minutes_per_year",
    "loss_of_load_events_mean",
    "loss_of_load_events_ci95",
    "lost_gpu_hours_power_mean",
    "lost_gpu_hours_power_ci95",
    "lost_tokens_power_mean",
    "lost_tokens_power_ci95",
    "energy_facility_mwh_mean",
    "energy_facility_mwh_ci95",
    "capital_dollars",
    "annual_capital_dollars",
    "annual_energy_dollars_mean",
    "annual_energy_dollars_ci95",
    "annual_lost_value_dollars_mean",
    "annual_lost_value_dollars_ci95",
    "annual_total_dollars_mean",
    "annual_total_dollars_ci95",
    "extra_cost_over_best_mean",
    "extra_cost_over_best_ci95"
  };

  /** The parts of the lost production, after {@link #HEADER} when shown. */
  static final String[] LOSS_PARTS = {
    "lost_gpu_hours_thermal_mean",
    "lost_gpu_hours_thermal_ci95",
    "gpu_hours_throttling_mean",
    "gpu_hours_throttling_ci95",
    "annual_lost_value_power_dollars_mean",
    "annual_lost_value_power_dollars_ci95",
    "annual_lost_value_thermal_dollars_mean",
    "annual_lost_value_thermal_dollars_ci95",
    "annual_lost_value_throttling_dollars_mean",
    "annual_lost_value_throttling_dollars_ci95"
  };

  /** The cooling plant's figures, last, with a plant. */
  static final String[] COOLING = {
    "pue_mean",
    "pue_ci95",
    "cooling_energy_mwh_mean",
    "cooling_energy_mwh_ci95",
    "water_m3_mean",
    "water_m3_ci95",
    "wue_l_per_kwh_mean",
    "wue_l_per_kwh_ci95",
    "hours_at_slowdown_mean",
    "hours_at_slowdown_ci95",
    "thermal_trips_mean",
    "thermal_trips_ci95",
    "tokens_lost_to_heat_mean",
    "tokens_lost_to_heat_ci95"
  };

  /** What each variant trained, its cost line and its rare events in total: last, always. */
  static final String[] ANSWERS = {
    "tokens_mean",
    "tokens_ci95",
    "tokens_over_best_mean",
    "tokens_over_best_ci95",
    "ettr_mean",
    "ettr_ci95",
    "lost_tokens_mean",
    "lost_tokens_ci95",
    "lost_tokens_priced_mean",
    "lost_tokens_priced_ci95",
    "fixed_dollars_mean",
    "fixed_dollars_ci95",
    "lost_gpu_hours_per_year_mean",
    "lost_gpu_hours_per_year_ci95",
    "lost_gpu_hour_dollars",
    "loss_of_load_events_total",
    "thermal_trips_total"
  };

  /** The chain's planned maintenance, after {@link #ANSWERS}, when some variant has it. */
  static final String[] MAINTENANCE = {
    "maintenance_hours_mean",
    "maintenance_hours_ci95",
    "maintenance_exposure_hours_mean",
    "maintenance_exposure_hours_ci95"
  };

  /** The grid's verdict and the site's figures, after {@link #ANSWERS}, with a site section. */
  static final String[] GRID = {
    "grid_rules_broken_mean",
    "grid_rules_broken_ci95",
    "grid_compliant_share_mean",
    "grid_compliant_share_ci95",
    "grid_peak_import_mw_mean",
    "grid_peak_import_mw_ci95",
    "battery_losses_mwh_mean",
    "battery_losses_mwh_ci95",
    "battery_cycles_mean",
    "battery_cycles_ci95",
    "co2_t_mean",
    "co2_t_ci95"
  };

  private ComparisonCsv() {}

  static void write(ComparisonResult r, Path file) throws IOException {
    boolean parts = ComparisonFigures.showsLossParts(r);
    boolean cooling = r.hasCooling();
    boolean maintenance = r.hasMaintenance();
    boolean grid = r.hasGrid();
    Csv.write(
        file,
        ComparisonTokenCosts.header(r, header(parts, cooling, maintenance, grid)),
        out -> {
          for (int rank = 0; rank < r.ranking().size(); rank++) {
            Variant v = r.variants().get(r.ranking().get(rank));
            List<String> row = row(rank + 1, v);
            if (parts) {
              lossParts(row, v.lostValue());
            }
            if (cooling) {
              cooling(row, v.cooling().orElse(null));
            }
            answers(row, v);
            if (maintenance) {
              maintenance(row, v.maintenance().orElse(null));
            }
            if (grid) {
              grid(row, v.grid().orElse(null));
            }
            ComparisonTokenCosts.columns(r, r.ranking().get(rank), row);
            out.printRecord(row);
          }
        });
  }

  /**
   * {@link #HEADER}, then {@link #LOSS_PARTS} and {@link #COOLING} if shown, {@link #ANSWERS}, and
   * {@link #MAINTENANCE} if shown.
   */
  static String[] header(boolean parts, boolean cooling, boolean maintenance) {
    return header(parts, cooling, maintenance, false);
  }

  /** As {@link #header(boolean, boolean, boolean)}, then {@link #GRID} with a site section. */
  static String[] header(boolean parts, boolean cooling, boolean maintenance, boolean grid) {
    List<String> header = new ArrayList<>(List.of(HEADER));
    if (parts) {
      header.addAll(List.of(LOSS_PARTS));
    }
    if (cooling) {
      header.addAll(List.of(COOLING));
    }
    header.addAll(List.of(ANSWERS));
    if (maintenance) {
      header.addAll(List.of(MAINTENANCE));
    }
    if (grid) {
      header.addAll(List.of(GRID));
    }
    return header.toArray(String[]::new);
  }

  /** Without planned maintenance. */
  static String[] header(boolean parts, boolean cooling) {
    return header(parts, cooling, false);
  }

  /** The chain's maintenance; empty fields for a variant without. */
  private static void maintenance(List<String> row, ComparisonResult.Maintenance m) {
    if (m == null) {
      for (int i = 0; i < MAINTENANCE.length; i++) {
        row.add(null);
      }
      return;
    }
    stats(row, m.hours());
    stats(row, m.exposureHours());
  }

  private static void answers(List<String> row, Variant v) {
    ComparisonResult.Production p = v.production();
    for (MetricStats s :
        List.of(p.tokens(), p.tokensOverBest(), p.ettr(), p.lostTokens(), p.lostTokensPriced())) {
      stats(row, s);
    }
    stats(row, v.costLine().fixedDollars());
    stats(row, v.costLine().lostGpuHoursPerYear());
    row.add(Formats.number(v.costLine().lostGpuHourDollars()));
    row.add(total(v.lossOfLoadEventsTotal()));
    row.add(total(v.thermalTripsTotal()));
  }

  private static String total(java.util.OptionalLong total) {
    return total.isPresent() ? Long.toString(total.getAsLong()) : null;
  }

  /** The site's figures; empty fields for a variant without a site. */
  private static void grid(List<String> row, ComparisonResult.Grid g) {
    if (g == null) {
      for (int i = 0; i < GRID.length; i++) {
        row.add(null);
      }
      return;
    }
    for (MetricStats s :
        List.of(
            g.brokenRules(),
            g.compliantShare(),
            g.peakImportMw(),
            g.batteryLossesMwh(),
            g.batteryCycles(),
            g.co2Tonnes())) {
      stats(row, s);
    }
  }

  private static void lossParts(List<String> row, LostValue lost) {
    stats(row, lost.thermalGpuHours());
    stats(row, lost.throttlingGpuHours());
    stats(row, lost.annualPowerDollars());
    stats(row, lost.annualThermalDollars());
    stats(row, lost.annualThrottlingDollars());
  }

  /** The plant's figures; empty fields for a variant without one. */
  private static void cooling(List<String> row, Cooling c) {
    if (c == null) {
      for (int i = 0; i < COOLING.length; i++) {
        row.add(null);
      }
      return;
    }
    for (MetricStats s :
        List.of(
            c.pue(),
            c.energyMwh(),
            c.waterM3(),
            c.wueLitresPerKwh(),
            c.hoursAtSlowdown(),
            c.trips(),
            c.tokensLostToHeat())) {
      stats(row, s);
    }
  }

  private static List<String> row(int rank, Variant v) {
    ElectricalResult e = v.electrical();
    List<String> row = new ArrayList<>(HEADER.length);
    row.add(Integer.toString(rank));
    row.add(v.name());
    row.add(v.description());
    row.add(e == null ? null : e.upsDesign());
    row.add(e == null ? null : e.generatorDesign());
    row.add(e == null ? null : Integer.toString(e.upsModules()));
    row.add(e == null ? null : Formats.number(e.upsInstalledWatts() / 1e3));
    row.add(e == null ? null : Integer.toString(e.generatorUnits()));
    stats(row, v.availability());
    row.add(Formats.number(ComparisonFigures.downMinutesPerYear(v.availability())));
    stats(row, v.lossOfLoadEvents());
    stats(row, v.lostGpuHoursPower());
    stats(row, v.lostTokensPower());
    stats(row, v.energyFacilityMwh());
    row.add(Formats.number(v.capitalDollars()));
    row.add(Formats.number(v.annualCapitalDollars()));
    stats(row, v.annualEnergyDollars());
    stats(row, v.annualLostValueDollars());
    stats(row, v.annualTotalDollars());
    stats(row, v.extraCostOverBest());
    return row;
  }

  private static void stats(List<String> row, MetricStats s) {
    row.add(Formats.mean(s));
    row.add(Formats.spread(s.ci95(), s.mean()));
  }
}
