package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
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

  private ComparisonCsv() {}

  static void write(ComparisonResult r, Path file) throws IOException {
    Csv.write(
        file,
        HEADER,
        out -> {
          for (int rank = 0; rank < r.ranking().size(); rank++) {
            out.printRecord(row(rank + 1, r.variants().get(r.ranking().get(rank))));
          }
        });
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
