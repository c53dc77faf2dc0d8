package org.aifactory.metrics.grid;

import java.util.List;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.RuleFigure;
import org.aifactory.metrics.MetricKeys.SwingFigure;

/** The site's figures as metrics, in the order of summary.csv (keys from {@link MetricKeys}). */
public final class SiteMetrics {
  private static final double JOULES_PER_MWH = 3.6e9;
  private static final double NANOS_PER_HOUR = 3.6e12;

  private SiteMetrics() {}

  public static void add(List<Metric> m, SiteResult s) {
    SiteResult.GridEnergy g = s.grid();
    m.add(mwh(MetricKeys.GRID_IMPORT_MWH, "Energy taken from the grid.", g.importJoules()));
    m.add(
        mwh(
            MetricKeys.GRID_EXPORT_MWH,
            "Energy sent to the grid (generation and battery above the load).",
            g.exportJoules()));
    m.add(mw(MetricKeys.GRID_PEAK_IMPORT_MW, "Highest grid import.", g.peakImportWatts()));
    m.add(
        mw(
            MetricKeys.GRID_MIN_IMPORT_MW,
            "Lowest grid import (negative: export).",
            g.minImportWatts()));
    long broken = s.rules().stream().filter(r -> !r.pass()).count();
    m.add(
        new Metric(
            MetricKeys.COMPLIANCE_BROKEN_RULES, "rules", "Grid rules broken in the run.", broken));
    for (RuleVerdict r : s.rules()) {
      rule(m, r);
    }
    for (CauseSwing c : s.swings()) {
      swing(m, c);
    }
    s.budget().ifPresent(b -> budget(m, b));
    s.battery().ifPresent(b -> battery(m, b));
    s.generation().ifPresent(x -> generation(m, x));
    s.carbon().ifPresent(c -> carbon(m, c));
  }

  private static void rule(List<Metric> m, RuleVerdict r) {
    String unit = r.isRamp() ? "MW/s" : "MW";
    String n = r.name();
    m.add(new Metric(RuleFigure.PASS.key(n), "1", "1 if the rule held all run, else 0.", pass(r)));
    m.add(
        new Metric(
            RuleFigure.WORST.key(n),
            unit,
            r.upper()
                ? "The rule's figure at its highest (" + r.basis() + ")."
                : "The lowest grid import while a job ran.",
            r.worst() / 1e6));
    m.add(new Metric(RuleFigure.LIMIT.key(n), unit, "The rule's limit.", r.limit() / 1e6));
    m.add(
        new Metric(
            RuleFigure.MARGIN.key(n),
            unit,
            "Limit minus worst (worst minus limit for a minimum): negative when broken.",
            r.margin() / 1e6));
    m.add(
        new Metric(
            RuleFigure.WORST_AT_HOURS.key(n),
            "h",
            "When the worst value was reached.",
            r.worstAtNanos() / NANOS_PER_HOUR));
    m.add(
        new Metric(
            RuleFigure.VIOLATIONS.key(n),
            "violations",
            "Intervals (windows, for an oscillation) during which the rule was broken.",
            r.violations()));
    m.add(
        new Metric(
            RuleFigure.VIOLATION_HOURS.key(n),
            "h",
            "Total time the rule was broken.",
            r.violationNanos() / NANOS_PER_HOUR));
  }

  private static double pass(RuleVerdict r) {
    return r.pass() ? 1 : 0;
  }

  private static void swing(List<Metric> m, CauseSwing c) {
    m.add(
        new Metric(
            SwingFigure.CHANGES.key(c.cause()),
            "changes",
            "Instants at which " + c.label() + " changed the site load.",
            c.changes()));
    m.add(
        mw(
            SwingFigure.LARGEST_UP_MW.key(c.cause()),
            "Largest rise of the site load at one instant by " + c.label() + ".",
            c.largestUpWatts()));
    m.add(
        mw(
            SwingFigure.LARGEST_DOWN_MW.key(c.cause()),
            "Largest fall of the site load at one instant by " + c.label() + ".",
            c.largestDownWatts()));
    for (int i = 0; i < c.rampWindowsNanos().size(); i++) {
      long w = c.rampWindowsNanos().get(i);
      m.add(
          new Metric(
              MetricKeys.swingRamp(c.cause(), windowSegment(w)),
              "MW/s",
              "Largest ramp of the site load over this window made by " + c.label() + " alone.",
              c.maxRampWattsPerSecond().get(i) / 1e6));
    }
  }

  /** A window as a key segment: {@code 1s}, {@code 1min}, {@code 500ms}. */
  public static String windowSegment(long nanos) {
    long[] units = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
    String[] names = {"h", "min", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (nanos >= units[i] && nanos % units[i] == 0) {
        return nanos / units[i] + names[i];
      }
    }
    return nanos + "ns";
  }

  private static void budget(List<Metric> m, SiteResult.BudgetResult b) {
    m.add(mw(MetricKeys.BUDGET_MW, "The site's power budget.", b.budgetWatts()));
    m.add(
        new Metric(
            MetricKeys.BUDGET_GPU_CAP,
            "1",
            "Every GPU's cap to fit the budget, as a fraction of its TDP (1: none needed).",
            b.capFraction()));
    m.add(
        mw(
            MetricKeys.BUDGET_INSTALLED_MW,
            "Site load at full power without the cap.",
            b.installedWatts()));
    m.add(
        mw(MetricKeys.BUDGET_CAPPED_MW, "Site load at full power under the cap.", b.cappedWatts()));
    m.add(mw(MetricKeys.BUDGET_PEAK_SITE_MW, "Highest site load of the run.", b.peakSiteWatts()));
    m.add(
        new Metric(
            MetricKeys.BUDGET_HOURS_ABOVE,
            "h",
            "Time the site load was above the budget.",
            b.aboveNanos() / NANOS_PER_HOUR));
  }

  private static void battery(List<Metric> m, SiteResult.BatteryResult b) {
    m.add(mwh(MetricKeys.BATTERY_ENERGY_MWH, "The battery's capacity.", b.capacityJoules()));
    m.add(mw(MetricKeys.BATTERY_POWER_MW, "The battery's power limit.", b.powerWatts()));
    m.add(mwh(MetricKeys.BATTERY_DISCHARGED_MWH, "Energy it delivered.", b.dischargedJoules()));
    m.add(mwh(MetricKeys.BATTERY_CHARGED_MWH, "Energy it took to charge.", b.chargedJoules()));
    m.add(
        mwh(
            MetricKeys.BATTERY_LOSSES_MWH,
            "Energy lost charging and discharging.",
            b.lossJoules()));
    m.add(
        new Metric(
            MetricKeys.BATTERY_CYCLES,
            "cycles",
            "Equivalent full cycles: energy delivered / capacity.",
            b.equivalentFullCycles()));
    m.add(
        new Metric(
            MetricKeys.BATTERY_TIMES_EMPTY,
            "events",
            "Times it reached its lower state-of-charge limit.",
            b.timesEmpty()));
    m.add(
        new Metric(
            MetricKeys.BATTERY_TIMES_FULL,
            "events",
            "Times it reached its upper state-of-charge limit.",
            b.timesFull()));
    m.add(
        new Metric(
            MetricKeys.BATTERY_HOURS_EMPTY,
            "h",
            "Time empty while asked for power (the grid took it).",
            b.emptyNanos() / NANOS_PER_HOUR));
    m.add(
        new Metric(
            MetricKeys.BATTERY_HOURS_FULL,
            "h",
            "Time full while asked to charge.",
            b.fullNanos() / NANOS_PER_HOUR));
    soc(m, MetricKeys.BATTERY_INITIAL_SOC, "State of charge at the start.", b.initialSoc());
    soc(m, MetricKeys.BATTERY_FINAL_SOC, "State of charge at the end.", b.finalSoc());
    soc(m, MetricKeys.BATTERY_LOWEST_SOC, "Lowest state of charge.", b.lowestSoc());
    soc(m, MetricKeys.BATTERY_HIGHEST_SOC, "Highest state of charge.", b.highestSoc());
    m.add(
        new Metric(
            MetricKeys.BATTERY_CAPITAL_DOLLARS,
            "$",
            "Capital cost: capacity × cost per kWh.",
            b.capitalDollars()));
  }

  private static void soc(List<Metric> m, String key, String definition, double value) {
    m.add(new Metric(key, "1", definition, value));
  }

  private static void generation(List<Metric> m, SiteResult.GenerationResult g) {
    m.add(mw(MetricKeys.GENERATION_CAPACITY_MW, "On-site generation capacity.", g.capacityWatts()));
    m.add(mwh(MetricKeys.GENERATION_ENERGY_MWH, "Energy generated on site.", g.energyJoules()));
    m.add(mw(MetricKeys.GENERATION_PEAK_MW, "Highest on-site output.", g.peakWatts()));
    m.add(
        new Metric(
            MetricKeys.GENERATION_FUEL_MMBTU,
            "MMBtu",
            "Fuel burnt: energy × heat rate.",
            g.fuelMmbtu()));
    m.add(
        new Metric(
            MetricKeys.GENERATION_FUEL_DOLLARS, "$", "Fuel cost: fuel × price.", g.fuelDollars()));
    m.add(
        new Metric(
            MetricKeys.GENERATION_CO2_T,
            "t",
            "CO2 of the fuel: fuel × emission factor.",
            g.co2Kilograms() / 1e3));
  }

  private static void carbon(List<Metric> m, SiteResult.CarbonResult c) {
    m.add(
        new Metric(
            MetricKeys.CARBON_GRID_T,
            "t",
            "CO2 of the grid import: each hour's import × that hour's intensity.",
            c.gridCo2Kilograms() / 1e3));
    m.add(
        new Metric(
            MetricKeys.CARBON_GENERATION_T,
            "t",
            "CO2 of on-site generation's fuel.",
            c.generationCo2Kilograms() / 1e3));
    m.add(
        new Metric(
            MetricKeys.CARBON_TOTAL_T, "t", "Grid and on-site CO2.", c.totalCo2Kilograms() / 1e3));
    m.add(
        new Metric(
            MetricKeys.CARBON_GRID_INTENSITY,
            "g/kWh",
            "The grid import's mean carbon intensity (weighted by import).",
            c.meanGridGramsPerKwh()));
    if (!c.cleanSource().isEmpty()) {
      m.add(
          new Metric(
              MetricKeys.CARBON_CFE_SHARE,
              "1",
              "24/7 carbon-free energy: the share of the grid import matched hour by hour by the"
                  + " clean supply.",
              c.cfeShare()));
      m.add(
          new Metric(
              MetricKeys.CARBON_CFE_HOURS_SHARE,
              "1",
              "The share of hours whose grid import the clean supply covered entirely.",
              c.cfeHoursShare()));
    }
  }

  private static Metric mw(String key, String definition, double watts) {
    return new Metric(key, "MW", definition, watts / 1e6);
  }

  private static Metric mwh(String key, String definition, double joules) {
    return new Metric(key, "MWh", definition, joules / JOULES_PER_MWH);
  }
}
