package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Precision;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PrecisionTarget;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.power.CostSpec;

/**
 * Runs design variants side by side. Every variant runs the same replications with the same root
 * seed, so each replication of every variant sees the same random streams where the variants share
 * components (common random numbers): the same utility outages, the same GPU failures. Differences
 * between variants are then paired by replication, which makes their confidence intervals much
 * narrower than independent runs would give.
 *
 * <p>All variants run with the first variant's seed (a variant's own seed is overridden: that is
 * what makes the streams common), and must share its horizon.
 *
 * <p>Cost per year of a variant = its electrical chain's and site battery's capital × capital
 * recovery factor + its facility energy × price (with a site section: the grid import net of export
 * × price + the fuel of on-site generation) + the value of the production its design changes: the
 * GPU-hours of job progress lost to power outages, those lost to thermal trips, and the GPU-hours
 * that power caps and thermal limits kept from progressing (throttling), each × the value of a
 * GPU-hour. A design whose GPUs throttle draws less energy, and pays for it here. Losses to
 * failures of the IT hardware (GPUs, systems, software) are common to all variants and left out; so
 * is the capital of the cooling plant, which the costs do not price.
 *
 * <p>Besides the ranking at the scenario's value of a lost GPU-hour, the result says at which value
 * each pair's ranking flips ({@link BreakEvens}), and what each variant trained (tokens, ETTR, lost
 * production). Replications can be added in batches until the lead of the cheapest variant is known
 * to a target ({@link #untilPrecise}); replication r uses the same streams in any batch, so the
 * result is that of a fixed number of replications equal to where it stopped.
 */
public final class Comparison {
  private static final double HOURS_PER_YEAR = 8_766; // 365.25 d

  private Comparison() {}

  /**
   * One variant to run.
   *
   * @param economics what the factory costs and its tokens are worth; when every variant has them,
   *     the variants are also ranked by cost per million tokens
   */
  public record Input(
      String name,
      String description,
      FactorySpec factory,
      RunSpec run,
      CostSpec costs,
      Optional<EconomicsSpec> economics) {

    /** A variant without economics. */
    public Input(
        String name, String description, FactorySpec factory, RunSpec run, CostSpec costs) {
      this(name, description, factory, run, costs, Optional.empty());
    }
  }

  /** {@code replications} replications of every variant. */
  public static ComparisonResult run(
      String scenario,
      List<Input> inputs,
      int replications,
      int threads,
      ProgressListener progress) {
    return run(
        scenario, inputs, replications, VariantRunner.local(scenario, inputs, threads), progress);
  }

  /** {@code replications} replications of every variant, run by {@code runner}. */
  public static ComparisonResult run(
      String scenario,
      List<Input> inputs,
      int replications,
      VariantRunner runner,
      ProgressListener progress) {
    VariantRuns runs = new VariantRuns(inputs, runner, progress);
    runs.extendTo(replications);
    return assemble(scenario, inputs, runs.sets());
  }

  /**
   * Replications in batches until the paired difference of annual cost that decides the top of the
   * ranking (the runner-up's − the cheapest's) has a 95 % half-width within {@code target}, or
   * {@code maxReplications} are run. The first batch has {@code firstBatch} replications (at least
   * 2); each later one adds a multiple of it, as many as the half-width so far says are needed
   * (half-widths shrink as 1 / √n; 10 % more for safety), at most three times those run so far.
   */
  public static ComparisonResult untilPrecise(
      String scenario,
      List<Input> inputs,
      PrecisionTarget target,
      int firstBatch,
      int maxReplications,
      Precision.Limit limit,
      int threads,
      ProgressListener progress) {
    return untilPrecise(
        scenario,
        inputs,
        target,
        firstBatch,
        maxReplications,
        limit,
        VariantRunner.local(scenario, inputs, threads),
        progress);
  }

  /** {@link #untilPrecise}, the replications run by {@code runner}. */
  public static ComparisonResult untilPrecise(
      String scenario,
      List<Input> inputs,
      PrecisionTarget target,
      int firstBatch,
      int maxReplications,
      Precision.Limit limit,
      VariantRunner runner,
      ProgressListener progress) {
    if (inputs.size() < 2) {
      throw new IllegalArgumentException(
          "a precision target is for the lead of the cheapest variant over the runner-up: it needs"
              + " two variants or more");
    }
    if (maxReplications < 2) {
      throw new IllegalArgumentException(
          "a precision target needs at least 2 replications, and at most "
              + maxReplications
              + " can run");
    }
    int step = Math.max(2, firstBatch);
    VariantRuns runs = new VariantRuns(inputs, runner, progress);
    int n = Math.min(step, maxReplications);
    List<Precision.Batch> batches = new ArrayList<>();
    while (true) {
      runs.extendTo(n);
      ComparisonResult r = assemble(scenario, inputs, runs.sets());
      int best = r.ranking().get(0);
      int runnerUp = r.ranking().get(1);
      MetricStats lead = r.variants().get(runnerUp).extraCostOverBest();
      batches.add(new Precision.Batch(n, best, runnerUp, lead));
      if (target.metBy(lead) || n >= maxReplications) {
        return r.withPrecision(new Precision(target, maxReplications, limit, batches));
      }
      n = nextBatchEnd(n, step, lead, target, maxReplications);
    }
  }

  /**
   * Where the next batch ends: a multiple of {@code step} after {@code n}, as many replications as
   * the lead's half-width so far says bring it to the target, at least one step, at most 4 × n (an
   * early estimate of the spread is rough), at most {@code max}.
   */
  static int nextBatchEnd(int n, int step, MetricStats lead, PrecisionTarget target, int max) {
    double wanted = target.halfWidthWanted(lead.mean());
    double needed =
        wanted > 0 && Double.isFinite(lead.ci95())
            ? 1.1 * n * Math.pow(lead.ci95() / wanted, 2)
            : Double.POSITIVE_INFINITY;
    double end = Math.min(needed, 4.0 * n);
    long steps = Math.max(1, (long) Math.ceil((end - n) / step));
    return (int) Math.min(max, n + steps * step);
  }

  /**
   * What a variant's replications run: its factory, its run with the common seed, and what a run's
   * metrics are (its own, and its costs when the variant has economics: {@link PricedMetrics}).
   */
  public record Variant(
      FactorySpec factory, RunSpec run, Function<RunResult, List<Metric>> metricsOf) {}

  /**
   * The variants as their replications run: each with the first variant's seed (common random
   * numbers), all over the same horizon.
   *
   * @throws IllegalArgumentException no variants, or a variant with another horizon than the first
   */
  public static List<Variant> variants(List<Input> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare: no variants");
    }
    long seed = inputs.get(0).run().seed();
    List<Variant> out = new ArrayList<>();
    for (Input in : inputs) {
      if (!in.run().horizon().equals(inputs.get(0).run().horizon())) {
        throw new IllegalArgumentException(
            "variant '"
                + in.name()
                + "' has another horizon than '"
                + inputs.get(0).name()
                + "': compared designs must run over the same time");
      }
      // common random numbers across variants
      out.add(new Variant(in.factory(), in.run().withSeed(seed), PricedMetrics.of(in.economics())));
    }
    return List.copyOf(out);
  }

  /** Every variant's replications so far, extended together by a runner. */
  private static final class VariantRuns {
    private final VariantRunner runner;
    private final ProgressListener progress;
    private List<Replications.Result> results = List.of();

    VariantRuns(List<Input> inputs, VariantRunner runner, ProgressListener progress) {
      variants(inputs); // checks them before anything runs
      this.runner = runner;
      this.progress = progress;
    }

    /** Runs every variant's replications up to {@code n} in all. */
    void extendTo(int n) {
      results = List.copyOf(runner.extendTo(results, n, progress));
    }

    List<ReplicationSet> sets() {
      return results.stream().map(Replications.Result::set).toList();
    }
  }

  /** The comparison of the variants' replications {@code sets} (input order). */
  static ComparisonResult assemble(String scenario, List<Input> inputs, List<ReplicationSet> sets) {
    long seed = inputs.get(0).run().seed();
    double horizonHours = inputs.get(0).run().horizon().toNanos() / 3.6e12;
    List<Partial> partials = new ArrayList<>();
    for (int v = 0; v < inputs.size(); v++) {
      partials.add(partial(inputs.get(v), sets.get(v), horizonHours));
    }
    List<Integer> ranking = new ArrayList<>();
    for (int v = 0; v < inputs.size(); v++) {
      ranking.add(v);
    }
    ranking.sort(Comparator.comparingDouble(v -> mean(partials.get(v).total())));
    Partial best = partials.get(ranking.get(0));
    List<ComparisonResult.Variant> variants = new ArrayList<>();
    for (Partial p : partials) {
      variants.add(
          p.variant(
              MetricStats.of(EXTRA, minus(p.total(), best.total())),
              MetricStats.of(TOKENS_OVER_BEST, minus(p.tokens(), best.tokens()))));
    }
    List<ComparisonResult.BreakEven> breakEvens =
        BreakEvens.of(
            partials.stream().map(Partial::fixed).toList(),
            partials.stream().map(Partial::lostPerYear).toList(),
            ranking);
    return new ComparisonResult(
        scenario,
        seed,
        sets.get(0).replications(),
        horizonHours,
        variants,
        ranking,
        breakEvens,
        Optional.empty(),
        tokenRanking(inputs, sets));
  }

  /**
   * The variants ranked by expected cost per million tokens, when every variant has economics (a
   * variant without tokens, whose cost per token is not a number, last); empty otherwise.
   */
  static Optional<ComparisonResult.TokenRanking> tokenRanking(
      List<Input> inputs, List<ReplicationSet> sets) {
    if (inputs.stream().anyMatch(in -> in.economics().isEmpty())) {
      return Optional.empty();
    }
    List<double[]> perToken = new ArrayList<>();
    for (ReplicationSet set : sets) {
      perToken.add(column(set, MetricKeys.ECONOMICS_PER_MTOK_ALL, Double.NaN));
    }
    List<Integer> ranking = new ArrayList<>();
    for (int v = 0; v < inputs.size(); v++) {
      ranking.add(v);
    }
    ranking.sort(
        Comparator.comparingDouble(
            v -> {
              double m = mean(perToken.get(v));
              return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
            }));
    double[] best = perToken.get(ranking.get(0));
    List<MetricStats> each = new ArrayList<>();
    List<MetricStats> extra = new ArrayList<>();
    for (double[] p : perToken) {
      each.add(stats("dollars_per_mtok", "$/Mtok", p));
      extra.add(stats("extra_dollars_per_mtok_over_best", "$/Mtok", minus(p, best)));
    }
    return Optional.of(new ComparisonResult.TokenRanking(ranking, each, extra));
  }

  private static final Metric EXTRA = new Metric("extra_cost_over_best", "$/y", "", 0);
  private static final Metric TOKENS_OVER_BEST = new Metric("tokens_over_best", "tokens", "", 0);

  /** A variant's figures before the ranking is known, with the samples that are paired later. */
  private record Partial(
      Input input,
      ElectricalResult electrical,
      MetricStats availability,
      MetricStats lossOfLoad,
      MetricStats lostGpuHours,
      MetricStats lostTokens,
      MetricStats energy,
      double capital,
      double annualCapital,
      MetricStats annualEnergy,
      MetricStats annualLost,
      MetricStats annualTotal,
      ComparisonResult.LostValue lostValue,
      Optional<ComparisonResult.Cooling> cooling,
      MetricStats tokensStats,
      MetricStats ettr,
      MetricStats lostProduction,
      MetricStats lostTokensPriced,
      ComparisonResult.CostLine costLine,
      Optional<ComparisonResult.Maintenance> maintenance,
      Optional<ComparisonResult.Grid> grid,
      double[] total,
      double[] fixed,
      double[] lostPerYear,
      double[] tokens) {

    ComparisonResult.Variant variant(MetricStats extra, MetricStats tokensOverBest) {
      return new ComparisonResult.Variant(
          input.name(),
          input.description(),
          electrical,
          availability,
          lossOfLoad,
          lostGpuHours,
          lostTokens,
          energy,
          capital,
          annualCapital,
          annualEnergy,
          annualLost,
          annualTotal,
          extra,
          lostValue,
          cooling,
          new ComparisonResult.Production(
              tokensStats, tokensOverBest, ettr, lostProduction, lostTokensPriced),
          costLine,
          maintenance,
          grid);
    }
  }

  private static Partial partial(Input in, ReplicationSet set, double horizonHours) {
    int n = set.replications();
    double years = horizonHours / HOURS_PER_YEAR;
    CostSpec c = in.costs();
    ElectricalResult e = set.first().electrical().orElse(null);
    double capital =
        e == null
            ? 0
            : c.capitalDollars(e.upsInstalledWatts(), e.generatorInstalledWatts(), e.pdus());
    // A site battery's capital is the variant's too (the same for every replication).
    capital += column(set, MetricKeys.BATTERY_CAPITAL_DOLLARS, 0)[0];
    double annualCapital = capital * c.capitalRecoveryFactor();
    double[] availability = column(set, MetricKeys.CHAIN_AVAILABILITY, Double.NaN);
    double[] lossOfLoad = column(set, MetricKeys.CHAIN_LOSS_OF_LOAD_EVENTS, Double.NaN);
    double[] lostGpuHours =
        column(set, ByCause.LOST_GPU_HOURS.key(FactoryRun.POWER_OUTAGE_CAUSE), 0);
    double[] lostTokens =
        column(set, ByCause.LOST_PRODUCTION.key(FactoryRun.POWER_OUTAGE_CAUSE), 0);
    double[] thermalGpuHours = column(set, ByCause.LOST_GPU_HOURS.key(FactoryRun.THERMAL_CAUSE), 0);
    double[] thermalTokens = column(set, ByCause.LOST_PRODUCTION.key(FactoryRun.THERMAL_CAUSE), 0);
    double[] throttlingGpuHours = column(set, MetricKeys.GPU_HOURS_THROTTLING, 0);
    double[] throttlingTokens = column(set, MetricKeys.LOST_THROTTLING, 0);
    double[] energy = column(set, MetricKeys.ENERGY_FACILITY_MWH, Double.NaN);
    double[] bought = bought(set, energy);
    double[] fuel = column(set, MetricKeys.GENERATION_FUEL_DOLLARS, 0);
    double[] annualEnergy = new double[n];
    double[] annualPower = new double[n];
    double[] annualThermal = new double[n];
    double[] annualThrottling = new double[n];
    double[] annualLost = new double[n];
    double[] total = new double[n];
    double[] fixed = new double[n];
    double[] lostPerYear = new double[n];
    double[] priced = new double[n];
    for (int r = 0; r < n; r++) {
      annualEnergy[r] = (bought[r] * c.energyDollarsPerMwh() + fuel[r]) / years;
      annualPower[r] = lostGpuHours[r] * c.lostGpuHourDollars() / years;
      annualThermal[r] = thermalGpuHours[r] * c.lostGpuHourDollars() / years;
      annualThrottling[r] = throttlingGpuHours[r] * c.lostGpuHourDollars() / years;
      annualLost[r] = annualPower[r] + annualThermal[r] + annualThrottling[r];
      total[r] = annualCapital + annualEnergy[r] + annualLost[r];
      fixed[r] = annualCapital + annualEnergy[r];
      lostPerYear[r] = (lostGpuHours[r] + thermalGpuHours[r] + throttlingGpuHours[r]) / years;
      priced[r] = lostTokens[r] + thermalTokens[r] + throttlingTokens[r];
    }
    ComparisonResult.LostValue lostValue =
        new ComparisonResult.LostValue(
            stats("lost_gpu_hours_thermal", "GPU·h", thermalGpuHours),
            stats("gpu_hours_throttling", "GPU·h", throttlingGpuHours),
            stats("annual_lost_value_power_dollars", "$/y", annualPower),
            stats("annual_lost_value_thermal_dollars", "$/y", annualThermal),
            stats("annual_lost_value_throttling_dollars", "$/y", annualThrottling));
    double[] tokens = column(set, MetricKeys.TOKENS, Double.NaN);
    ComparisonResult.CostLine costLine =
        new ComparisonResult.CostLine(
            stats("fixed_dollars", "$/y", fixed),
            stats("lost_gpu_hours_per_year", "GPU·h/y", lostPerYear),
            covariance(fixed, lostPerYear),
            c.lostGpuHourDollars());
    return new Partial(
        in,
        e,
        stats("availability", "1", availability),
        stats("loss_of_load_events", "events", lossOfLoad),
        stats("lost_gpu_hours_power", "GPU·h", lostGpuHours),
        stats("lost_tokens_power", "tokens", lostTokens),
        stats("energy_facility_mwh", "MWh", energy),
        capital,
        annualCapital,
        stats("annual_energy_dollars", "$/y", annualEnergy),
        stats("annual_lost_value_dollars", "$/y", annualLost),
        stats("annual_total_dollars", "$/y", total),
        lostValue,
        set.first().cooling().map(plant -> CoolingFigures.of(set, plant)),
        stats("tokens", "tokens", tokens),
        stats("ettr", "1", column(set, MetricKeys.ETTR, Double.NaN)),
        stats("lost_tokens", "tokens", column(set, MetricKeys.LOST_TOTAL, Double.NaN)),
        stats("lost_tokens_priced", "tokens", priced),
        costLine,
        e != null && e.maintenance().isPresent()
            ? Optional.of(
                new ComparisonResult.Maintenance(
                    stats(
                        "maintenance_hours",
                        "h",
                        column(set, MetricKeys.CHAIN_MAINTENANCE_HOURS, Double.NaN)),
                    stats(
                        "maintenance_exposure_hours",
                        "h",
                        column(set, MetricKeys.CHAIN_MAINTENANCE_EXPOSURE_HOURS, Double.NaN))))
            : Optional.empty(),
        grid(set),
        total,
        fixed,
        lostPerYear,
        tokens);
  }

  /** The grid's verdict and the site's figures; empty without a site section. */
  private static Optional<ComparisonResult.Grid> grid(ReplicationSet set) {
    if (set.indexOf(MetricKeys.COMPLIANCE_BROKEN_RULES) < 0) {
      return Optional.empty();
    }
    double[] broken = column(set, MetricKeys.COMPLIANCE_BROKEN_RULES, Double.NaN);
    double[] compliant = new double[broken.length];
    for (int r = 0; r < broken.length; r++) {
      compliant[r] = broken[r] == 0 ? 1 : 0;
    }
    return Optional.of(
        new ComparisonResult.Grid(
            stats("compliance.broken_rules", "rules", broken),
            stats("compliant_share", "1", compliant),
            stats("grid.peak_import_mw", "MW", column(set, MetricKeys.GRID_PEAK_IMPORT_MW, 0)),
            stats("battery.losses_mwh", "MWh", column(set, MetricKeys.BATTERY_LOSSES_MWH, 0)),
            stats(
                "battery.equivalent_full_cycles",
                "cycles",
                column(set, MetricKeys.BATTERY_CYCLES, 0)),
            stats("carbon.total_t", "t", column(set, MetricKeys.CARBON_TOTAL_T, Double.NaN))));
  }

  /**
   * Energy bought from the grid in each replication (MWh): with a site section, the grid import net
   * of export (the battery's losses are in it, on-site generation is not: its fuel is priced
   * apart); without one, the facility energy.
   */
  private static double[] bought(ReplicationSet set, double[] facility) {
    if (set.indexOf(MetricKeys.GRID_IMPORT_MWH) < 0) {
      return facility;
    }
    return minus(
        column(set, MetricKeys.GRID_IMPORT_MWH, Double.NaN),
        column(set, MetricKeys.GRID_EXPORT_MWH, 0));
  }

  /** Every replication's value of {@code key}, or {@code missing} where the runs lack it. */
  static double[] column(ReplicationSet set, String key, double missing) {
    int i = set.indexOf(key);
    if (i < 0) {
      double[] c = new double[set.replications()];
      java.util.Arrays.fill(c, missing);
      return c;
    }
    return set.column(i);
  }

  static MetricStats stats(String key, String unit, double[] values) {
    return MetricStats.of(new Metric(key, unit, "", 0), values);
  }

  /** a − b, element by element. */
  private static double[] minus(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int r = 0; r < a.length; r++) {
      d[r] = a[r] - b[r];
    }
    return d;
  }

  /**
   * The sample covariance of x and y over the pairs that are both finite; NaN with fewer than 2.
   */
  static double covariance(double[] x, double[] y) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int r = 0; r < x.length; r++) {
      if (Double.isFinite(x[r]) && Double.isFinite(y[r])) {
        n++;
        sx += x[r];
        sy += y[r];
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mx = sx / n;
    double my = sy / n;
    double s = 0;
    for (int r = 0; r < x.length; r++) {
      if (Double.isFinite(x[r]) && Double.isFinite(y[r])) {
        s += (x[r] - mx) * (y[r] - my);
      }
    }
    return s / (n - 1);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
