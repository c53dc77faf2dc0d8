package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
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
 * facility energy × price + the GPU-hours of job progress lost to power outages × their value.
 * Losses from other causes (GPU failures...) are common to all variants and left out.
 */
public final class Comparison {
  private static final double HOURS_PER_YEAR = 8_766; // 365.25 d

  /** The failure cause a factory run books interruptions by loss of power to. */
  private static final String POWER_OUTAGE = "power_outage";

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
    List<Replications.Config> configs = new ArrayList<>();
    for (Input in : inputs) {
      // common random numbers across variants
      configs.add(new Replications.Config(scenario, in.factory(), in.run().withSeed(seed)));
    }
    Partial[] done = new Partial[inputs.size()];
    Replications.runEach(
        configs,
        replications,
        threads,
        progress,
        (v, set) ->
            done[v] =
                partial(inputs.get(v), set, inputs.get(v).run().horizon().toNanos() / 3.6e12));
    List<Partial> partials = List.of(done);
    List<double[]> totals = new ArrayList<>();
    for (Partial p : partials) {
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
      double[] total) {

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
          extra);
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
    double[] lostGpuHours = column(set, ByCause.LOST_GPU_HOURS.key(POWER_OUTAGE), 0);
    double[] lostTokens = column(set, ByCause.LOST_PRODUCTION.key(POWER_OUTAGE), 0);
    double[] energy = column(set, MetricKeys.ENERGY_FACILITY_MWH, Double.NaN);
    double[] annualEnergy = new double[n];
    double[] annualLost = new double[n];
    double[] total = new double[n];
    for (int r = 0; r < n; r++) {
      annualEnergy[r] = energy[r] * c.energyDollarsPerMwh() / years;
      annualLost[r] = lostGpuHours[r] * c.lostGpuHourDollars() / years;
      total[r] = annualCapital + annualEnergy[r] + annualLost[r];
    }
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
        total);
  }

  private static double[] column(ReplicationSet set, String key, double missing) {
    int i = set.indexOf(key);
    if (i < 0) {
      double[] c = new double[set.replications()];
      java.util.Arrays.fill(c, missing);
      return c;
    }
    return set.column(i);
  }

  private static MetricStats stats(String key, String unit, double[] values) {
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
