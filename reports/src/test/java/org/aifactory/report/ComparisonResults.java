package org.aifactory.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.BreakEven;
import org.aifactory.metrics.ComparisonResult.CostLine;
import org.aifactory.metrics.ComparisonResult.LostValue;
import org.aifactory.metrics.ComparisonResult.Production;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PairedRatio;
import org.aifactory.metrics.ValueRange;

/** Hand-made comparisons for tests. */
final class ComparisonResults {
  static final int REPLICATIONS = 1000;
  static final double YEAR_HOURS = 8766;

  private ComparisonResults() {}

  /**
   * Four UPS designs over one year, 1,000 replications, in input order N, N+1, 2N, 4N/3; ranked
   * N+1, 4N/3, N, 2N. N+1's lead over 4N/3 (0.02 ± 0.05 $M per year) is not significant.
   */
  static ComparisonResult redundancyStudy() {
    List<Variant> variants =
        List.of(
            variant(
                "N",
                "UPS N, generators N+1",
                chain("N", 4, 4.0e6),
                0.99990,
                0.000010,
                2.1,
                0.09,
                1.8e5,
                1.2e4,
                18e6,
                70.9e6,
                0.05e6,
                1.6e6,
                0.15e6,
                0.80e6,
                0.14e6),
            variant(
                "N+1",
                "UPS N+1, generators N+1",
                chain("N+1", 5, 5.0e6),
                0.999975,
                0.000004,
                0.52,
                0.045,
                4.5e4,
                6.0e3,
                22e6,
                70.9e6,
                0.05e6,
                0.4e6,
                0.06e6,
                0,
                0),
            variant(
                "2N",
                "UPS 2N, generators N+1",
                chain("2N", 8, 8.0e6),
                0.9999975,
                0.0000012,
                0.06,
                0.015,
                5.6e3,
                2.2e3,
                36e6,
                71.3e6,
                0.05e6,
                0.05e6,
                0.02e6,
                1.45e6,
                0.06e6),
            variant(
                "4N/3",
                "UPS distributed redundant 4N/3",
                chain("4N/3", 4, 5.3e6),
                0.999988,
                0.000003,
                0.2,
                0.03,
                1.5e4,
                3.5e3,
                27e6,
                70.7e6,
                0.05e6,
                0.12e6,
                0.03e6,
                0.02e6,
                0.05e6));
    return result("redundancy-study", 42, REPLICATIONS, YEAR_HOURS, variants, List.of(1, 3, 0, 2));
  }

  /**
   * A comparison of {@code variants} with the break-evens of their cost lines' means: every pair in
   * ranking order, v* = extra fixed / GPU-hours saved, its 95 % set from 0.7 to 1.5 × v*, or from
   * 0.4 × v* up without an end when the GPU-hours saved are not significant; none with one
   * replication. Tokens over the best are the difference of the means.
   */
  static ComparisonResult result(
      String scenario,
      long seed,
      int replications,
      double horizonHours,
      List<Variant> variants,
      List<Integer> ranking) {
    Variant best = variants.get(ranking.get(0));
    List<Variant> paired = new ArrayList<>();
    for (Variant v : variants) {
      paired.add(withTokensOverBest(v, best));
    }
    List<BreakEven> pairs = new ArrayList<>();
    for (int a = 0; a < ranking.size(); a++) {
      for (int b = a + 1; b < ranking.size(); b++) {
        pairs.add(pair(paired, ranking.get(a), ranking.get(b), replications));
      }
    }
    return new ComparisonResult(
        scenario, seed, replications, horizonHours, paired, ranking, pairs, Optional.empty());
  }

  private static BreakEven pair(List<Variant> variants, int i, int j, int n) {
    CostLine ci = variants.get(i).costLine();
    CostLine cj = variants.get(j).costLine();
    boolean iHigher = ci.fixedDollars().mean() >= cj.fixedDollars().mean();
    CostLine high = iHigher ? ci : cj;
    CostLine low = iHigher ? cj : ci;
    double extra = high.fixedDollars().mean() - low.fixedDollars().mean();
    double saved = low.lostGpuHoursPerYear().mean() - high.lostGpuHoursPerYear().mean();
    double savedCi =
        Math.hypot(high.lostGpuHoursPerYear().ci95(), low.lostGpuHoursPerYear().ci95());
    double estimate = saved == 0 ? Double.NaN : extra / saved;
    List<ValueRange> set;
    if (n < 2 || !Double.isFinite(estimate)) {
      set = List.of();
    } else if (savedCi >= Math.abs(saved)) {
      set = List.of(new ValueRange(0.4 * estimate, Double.POSITIVE_INFINITY));
    } else {
      set = List.of(new ValueRange(0.7 * estimate, 1.5 * estimate));
    }
    return new BreakEven(
        iHigher ? i : j,
        iHigher ? j : i,
        stats("extra_fixed_dollars", extra, Math.hypot(high.fixedDollars().ci95(), 0), n),
        stats("gpu_hours_saved_per_year", saved, savedCi, n),
        new PairedRatio(estimate, set, n));
  }

  private static Variant withTokensOverBest(Variant v, Variant best) {
    Production p = v.production();
    MetricStats over =
        stats(
            "tokens_over_best",
            p.tokens().mean() - best.production().tokens().mean(),
            p.tokens().ci95() / 10,
            p.tokens().n());
    return new Variant(
        v.name(),
        v.description(),
        v.electrical(),
        v.availability(),
        v.lossOfLoadEvents(),
        v.lostGpuHoursPower(),
        v.lostTokensPower(),
        v.energyFacilityMwh(),
        v.capitalDollars(),
        v.annualCapitalDollars(),
        v.annualEnergyDollars(),
        v.annualLostValueDollars(),
        v.annualTotalDollars(),
        v.extraCostOverBest(),
        v.lostValue(),
        v.cooling(),
        new Production(p.tokens(), over, p.ettr(), p.lostTokens(), p.lostTokensPriced()),
        v.costLine());
  }

  /**
   * What a variant trained, n replications: tokens of a year of 4,896 GPUs at 8.4 M tokens/s less 2
   * M tokens per GPU-hour lost, ETTR from the same, lost production 3 % more than the lost
   * GPU-hours' tokens; the over-best difference is filled in by {@link #result}.
   */
  private static Production production(
      double horizonHours, double lostGpuHours, double lostGpuHoursCi, int n) {
    double ideal = 8.4e6 * 3600 * horizonHours;
    double lostTokens = lostGpuHours * 2.0e6;
    double ci = lostGpuHoursCi * 2.0e6;
    return new Production(
        stats("tokens", ideal * 0.97 - lostTokens, ci, n),
        stats("tokens_over_best", 0, 0, n),
        stats("ettr", 0.97 - lostTokens / ideal, ci / ideal, n),
        stats("lost_tokens", ideal * 0.03 + lostTokens, ci, n),
        stats("lost_tokens_priced", lostTokens, ci, n));
  }

  /** Fixed = annual capital + energy, lost GPU-hours per year = lost value / 2.5 $. */
  private static CostLine costLine(
      double annualCapital,
      double energyDollars,
      double energyCi,
      double lostDollars,
      double lostCi,
      int n) {
    return new CostLine(
        stats("fixed_dollars", annualCapital + energyDollars, energyCi, n),
        stats("lost_gpu_hours_per_year", lostDollars / 2.5, lostCi / 2.5, n),
        n < 2 ? Double.NaN : 0,
        2.5);
  }

  /**
   * Two variants over 30 days, 20 replications: "utility-only" without an electrical chain (no
   * availability, no capital), input first, and "N+1", which costs significantly more.
   */
  static ComparisonResult withoutChain() {
    double scale = 30 * 24 / YEAR_HOURS;
    Variant none =
        new Variant(
            "utility-only",
            "no electrical chain",
            null,
            none("availability"),
            none("loss_of_load_events"),
            stats("lost_gpu_hours_power", 0, 0, 20),
            stats("lost_tokens_power", 0, 0, 20),
            stats("energy_facility_mwh", 70.0e6 / 80 * scale, 50, 20),
            0,
            0,
            stats("annual_energy_dollars", 70.0e6, 4.0e3, 20),
            stats("annual_lost_value_dollars", 0, 0, 20),
            stats("annual_total_dollars", 70.0e6, 4.0e3, 20),
            stats("extra_cost_over_best", 0, 0, 20),
            powerOnly(stats("annual_lost_value_dollars", 0, 0, 20)),
            Optional.empty(),
            production(30 * 24, 0, 0, 20),
            costLine(0, 70.0e6, 4.0e3, 0, 0, 20));
    Variant n1 =
        variant(
            "N+1",
            "UPS N+1",
            chain("N+1", 5, 5.0e6),
            0.99998,
            0.00002,
            0.05,
            0.1,
            3.0e3,
            6.0e3,
            22e6,
            70.9e6,
            4.0e3,
            0.3e6,
            0.5e6,
            3.4e6,
            0.5e6);
    return result(
        "no-chain", 7, 20, 30 * 24, List.of(none, withReplications(n1, 20, scale)), List.of(0, 1));
  }

  /** Like {@link #redundancyStudy} with N+1 well ahead of 4N/3 (0.6 ± 0.05 $M). */
  static ComparisonResult clearWinner() {
    ComparisonResult r = redundancyStudy();
    Variant v = r.variants().get(3);
    Variant later =
        new Variant(
            v.name(),
            v.description(),
            v.electrical(),
            v.availability(),
            v.lossOfLoadEvents(),
            v.lostGpuHoursPower(),
            v.lostTokensPower(),
            v.energyFacilityMwh(),
            v.capitalDollars(),
            v.annualCapitalDollars(),
            v.annualEnergyDollars(),
            v.annualLostValueDollars(),
            stats("annual_total_dollars", v.annualTotalDollars().mean() + 0.58e6, 0.07e6, 1000),
            stats("extra_cost_over_best", 0.6e6, 0.05e6, 1000),
            v.lostValue(),
            v.cooling(),
            v.production(),
            v.costLine());
    List<Variant> variants =
        List.of(r.variants().get(0), r.variants().get(1), r.variants().get(2), later);
    return new ComparisonResult(
        r.scenario(),
        r.seed(),
        r.replications(),
        r.horizonHours(),
        variants,
        r.ranking(),
        r.breakEvens(),
        r.precision());
  }

  /** A chain of {@code modules} UPS modules with {@code upsWatts} installed, 5 generators. */
  static ElectricalResult chain(String ups, int modules, double upsWatts) {
    return new ElectricalResult(
        ups,
        "N+1",
        2,
        4,
        modules,
        upsWatts,
        5,
        6.0e6,
        0.99999,
        0.999995,
        1,
        0.25,
        3,
        3,
        0,
        0.02,
        2,
        0,
        List.of("ups", "pdu", "distribution"),
        List.of(2.5e12, 4.0e11, 1.5e11),
        List.of());
  }

  /** A one-year variant; annual capital is 10 % of capital. */
  private static Variant variant(
      String name,
      String description,
      ElectricalResult chain,
      double availability,
      double availabilityCi,
      double lossOfLoad,
      double lossOfLoadCi,
      double lostGpuHours,
      double lostGpuHoursCi,
      double capital,
      double energyDollars,
      double energyCi,
      double lostDollars,
      double lostCi,
      double extra,
      double extraCi) {
    int n = REPLICATIONS;
    double annualCapital = capital * 0.1;
    double total = annualCapital + energyDollars + lostDollars;
    return new Variant(
        name,
        description,
        chain,
        stats("availability", availability, availabilityCi, n),
        stats("loss_of_load_events", lossOfLoad, lossOfLoadCi, n),
        stats("lost_gpu_hours_power", lostGpuHours, lostGpuHoursCi, n),
        stats("lost_tokens_power", lostGpuHours * 2.0e6, lostGpuHoursCi * 2.0e6, n),
        stats("energy_facility_mwh", energyDollars / 80, energyCi / 80, n),
        capital,
        annualCapital,
        stats("annual_energy_dollars", energyDollars, energyCi, n),
        stats("annual_lost_value_dollars", lostDollars, lostCi, n),
        stats("annual_total_dollars", total, Math.hypot(energyCi, lostCi), n),
        stats("extra_cost_over_best", extra, extraCi, n),
        powerOnly(stats("annual_lost_value_dollars", lostDollars, lostCi, n)),
        Optional.empty(),
        production(YEAR_HOURS, lostGpuHours, lostGpuHoursCi, n),
        costLine(annualCapital, energyDollars, energyCi, lostDollars, lostCi, n));
  }

  /** Lost value all to power outages: {@code annualLost} is its power part, the others 0. */
  static LostValue powerOnly(MetricStats annualLost) {
    int n = annualLost.n();
    return new LostValue(
        stats("lost_gpu_hours_thermal", 0, 0, n),
        stats("gpu_hours_throttling", 0, 0, n),
        stats("annual_lost_value_power_dollars", annualLost.mean(), annualLost.ci95(), n),
        stats("annual_lost_value_thermal_dollars", 0, 0, n),
        stats("annual_lost_value_throttling_dollars", 0, 0, n));
  }

  /** {@code v} with per-replication figures scaled to a shorter horizon and n replications. */
  private static Variant withReplications(Variant v, int n, double scale) {
    return new Variant(
        v.name(),
        v.description(),
        v.electrical(),
        rescale(v.availability(), 1, n),
        rescale(v.lossOfLoadEvents(), scale, n),
        rescale(v.lostGpuHoursPower(), scale, n),
        rescale(v.lostTokensPower(), scale, n),
        rescale(v.energyFacilityMwh(), scale, n),
        v.capitalDollars(),
        v.annualCapitalDollars(),
        rescale(v.annualEnergyDollars(), 1, n),
        rescale(v.annualLostValueDollars(), 1, n),
        rescale(v.annualTotalDollars(), 1, n),
        rescale(v.extraCostOverBest(), 1, n),
        powerOnly(rescale(v.annualLostValueDollars(), 1, n)),
        v.cooling(),
        production(YEAR_HOURS * scale, v.lostGpuHoursPower().mean() * scale, 0, n),
        costLine(
            v.annualCapitalDollars(),
            v.annualEnergyDollars().mean(),
            v.annualEnergyDollars().ci95(),
            v.annualLostValueDollars().mean(),
            v.annualLostValueDollars().ci95(),
            n));
  }

  /**
   * Two cooling designs of a hall without an electrical chain over 31 days, one replication (no
   * confidence intervals): "air-cooled", input first, throttles and loses 3.67 $M a year of
   * production; "dry-coolers" throttles a little and is the cheapest.
   */
  static ComparisonResult cooledHall() {
    Variant air =
        cooled(
            "air-cooled", 5.00e6, 0, 3.67e6, 124_593, 1.132, 570.8, 720.9, 0, 8.7097e11, 3.338e6);
    Variant dry =
        cooled("dry-coolers", 5.37e6, 0, 12_688.4, 430.764, 1.036, 143.2, 38.67, 0, 3.0113e9, 0);
    return result("heatwave", 1, 1, 744, List.of(air, dry), List.of(1, 0));
  }

  private static Variant cooled(
      String name,
      double energyDollars,
      double thermalDollars,
      double throttlingDollars,
      double throttlingGpuHours,
      double pue,
      double coolingMwh,
      double slowdownHours,
      double trips,
      double tokensLost,
      double extra) {
    double lost = thermalDollars + throttlingDollars;
    return new Variant(
        name,
        "",
        null,
        none("availability"),
        none("loss_of_load_events"),
        one("lost_gpu_hours_power", 0),
        one("lost_tokens_power", 0),
        one("energy_facility_mwh", energyDollars / 80 * 744 / YEAR_HOURS),
        0,
        0,
        one("annual_energy_dollars", energyDollars),
        one("annual_lost_value_dollars", lost),
        one("annual_total_dollars", energyDollars + lost),
        one("extra_cost_over_best", extra),
        new LostValue(
            one("lost_gpu_hours_thermal", 0),
            one("gpu_hours_throttling", throttlingGpuHours),
            one("annual_lost_value_power_dollars", 0),
            one("annual_lost_value_thermal_dollars", thermalDollars),
            one("annual_lost_value_throttling_dollars", throttlingDollars)),
        Optional.of(
            new ComparisonResult.Cooling(
                one("pue", pue),
                one("cooling_energy_mwh", coolingMwh),
                one("water_m3", 0),
                one("wue_l_per_kwh", 0),
                one("hours_at_slowdown", slowdownHours),
                one("thermal_trips", trips),
                one("tokens_lost_to_heat", tokensLost))),
        production(744, throttlingGpuHours, 0, 1),
        costLine(0, energyDollars, Double.NaN, lost, Double.NaN, 1));
  }

  /** One replication's value: no spread. */
  private static MetricStats one(String key, double value) {
    return new MetricStats(key, "", "", value, Double.NaN, Double.NaN, 1);
  }

  private static MetricStats rescale(MetricStats s, double scale, int n) {
    return stats(s.key(), s.mean() * scale, s.ci95() * scale, n);
  }

  /** Statistics with the sd that gives half-width {@code ci} over n replications (t ≈ 1.96). */
  static MetricStats stats(String key, double mean, double ci, int n) {
    if (n < 2) {
      return one(key, mean);
    }
    return new MetricStats(key, "", "", mean, ci * Math.sqrt(n) / 1.96, ci, n);
  }

  private static MetricStats none(String key) {
    return new MetricStats(key, "", "", Double.NaN, Double.NaN, Double.NaN, 0);
  }
}
