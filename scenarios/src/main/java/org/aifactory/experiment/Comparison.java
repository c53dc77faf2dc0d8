package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
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
 * <p>Cost per year of a variant = its electrical chain's capital × capital recovery factor + its
 * facility energy × price + the value of the production its design changes: the GPU-hours of job
 * progress lost to power outages, those lost to thermal trips, and the GPU-hours that power caps
 * and thermal limits kept from progressing (throttling), each × the value of a GPU-hour. A design
 * whose GPUs throttle draws less energy, and pays for it here. Losses to failures of the IT
 * hardware (GPUs, systems, software) are common to all variants and left out; so is the capital of
 * the cooling plant, which the costs do not price.
 */
public final class Comparison {
  private static final double HOURS_PER_YEAR = 8_766; // 365.25 d

  private Comparison() {}

  /** One variant to run. */
  public record Input(
      String name, String description, FactorySpec factory, RunSpec run, CostSpec costs) {}

  public static ComparisonResult run(
      String scenario,
      List<Input> inputs,
      int replications,
      int threads,
      ProgressListener progress) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare: no variants");
    }
    long seed = inputs.get(0).run().seed();
    double horizonHours = inputs.get(0).run().horizon().toNanos() / 3.6e12;
    for (Input in : inputs) {
      if (!in.run().horizon().equals(inputs.get(0).run().horizon())) {
        throw new IllegalArgumentException(
            "variant '"
                + in.name()
                + "' has another horizon than '"
                + inputs.get(0).name()
                + "': compared designs must run over the same time");
      }
    }
    long total = (long) inputs.size() * replications;
    List<double[]> totals = new ArrayList<>();
    List<Partial> partials = new ArrayList<>();
    for (int v = 0; v < inputs.size(); v++) {
      Input in = inputs.get(v);
      RunSpec run = in.run().withSeed(seed); // common random numbers across variants
      long offset = (long) v * replications;
      ReplicationSet set =
          Replications.run(
                  scenario,
                  in.factory(),
                  run,
                  replications,
                  threads,
                  (done, ignored) -> progress.progress(offset + done, total))
              .set();
      Partial p = partial(in, set, run.horizon().toNanos() / 3.6e12);
      partials.add(p);
      totals.add(p.total());
    }
    List<Integer> ranking = new ArrayList<>();
    for (int v = 0; v < inputs.size(); v++) {
      ranking.add(v);
    }
    ranking.sort(Comparator.comparingDouble(v -> mean(totals.get(v))));
    double[] best = totals.get(ranking.get(0));
    List<ComparisonResult.Variant> variants = new ArrayList<>();
    Metric dollars = new Metric("extra_cost_over_best", "$/y", "", 0);
    for (int v = 0; v < inputs.size(); v++) {
      double[] t = totals.get(v);
      double[] extra = new double[t.length];
      for (int r = 0; r < t.length; r++) {
        extra[r] = t[r] - best[r];
      }
      variants.add(partials.get(v).variant(MetricStats.of(dollars, extra)));
    }
    return new ComparisonResult(scenario, seed, replications, horizonHours, variants, ranking);
  }

  /** A variant's figures before the ranking is known. */
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
      double[] total,
      ComparisonResult.LostValue lostValue,
      Optional<ComparisonResult.Cooling> cooling) {

    ComparisonResult.Variant variant(MetricStats extra) {
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
          cooling);
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
    double annualCapital = capital * c.capitalRecoveryFactor();
    double[] availability = column(set, MetricKeys.CHAIN_AVAILABILITY, Double.NaN);
    double[] lossOfLoad = column(set, MetricKeys.CHAIN_LOSS_OF_LOAD_EVENTS, Double.NaN);
    double[] lostGpuHours =
        column(set, ByCause.LOST_GPU_HOURS.key(FactoryRun.POWER_OUTAGE_CAUSE), 0);
    double[] lostTokens =
        column(set, ByCause.LOST_PRODUCTION.key(FactoryRun.POWER_OUTAGE_CAUSE), 0);
    double[] thermalGpuHours = column(set, ByCause.LOST_GPU_HOURS.key(FactoryRun.THERMAL_CAUSE), 0);
    double[] throttlingGpuHours = column(set, MetricKeys.GPU_HOURS_THROTTLING, 0);
    double[] energy = column(set, MetricKeys.ENERGY_FACILITY_MWH, Double.NaN);
    double[] annualEnergy = new double[n];
    double[] annualPower = new double[n];
    double[] annualThermal = new double[n];
    double[] annualThrottling = new double[n];
    double[] annualLost = new double[n];
    double[] total = new double[n];
    for (int r = 0; r < n; r++) {
      annualEnergy[r] = energy[r] * c.energyDollarsPerMwh() / years;
      annualPower[r] = lostGpuHours[r] * c.lostGpuHourDollars() / years;
      annualThermal[r] = thermalGpuHours[r] * c.lostGpuHourDollars() / years;
      annualThrottling[r] = throttlingGpuHours[r] * c.lostGpuHourDollars() / years;
      annualLost[r] = annualPower[r] + annualThermal[r] + annualThrottling[r];
      total[r] = annualCapital + annualEnergy[r] + annualLost[r];
    }
    ComparisonResult.LostValue lostValue =
        new ComparisonResult.LostValue(
            stats("lost_gpu_hours_thermal", "GPU·h", thermalGpuHours),
            stats("gpu_hours_throttling", "GPU·h", throttlingGpuHours),
            stats("annual_lost_value_power_dollars", "$/y", annualPower),
            stats("annual_lost_value_thermal_dollars", "$/y", annualThermal),
            stats("annual_lost_value_throttling_dollars", "$/y", annualThrottling));
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
        total,
        lostValue,
        set.first().cooling().map(plant -> CoolingFigures.of(set, plant)));
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

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
