package org.aifactory.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Designs compared side by side: every variant ran the same replications with the same random
 * streams (common random numbers), so their differences are paired. Costs are per year.
 *
 * @param scenario base scenario name
 * @param seed root seed
 * @param replications replications per variant
 * @param horizonHours simulated time of each replication
 * @param variants in input order
 * @param ranking variant indices, cheapest expected total first
 * @param breakEvens one per pair of variants: the value of a lost GPU-hour above which the pair's
 *     ranking flips; the pairs in ranking order (the cheapest with each other variant, then the
 *     runner-up with each later one...)
 * @param precision how the replications were chosen when they were added until the lead was known
 *     well enough ({@code --target-ci}); empty for a fixed number
 * @param tokenRanking the variants ranked by cost per million tokens, when every variant has
 *     economics; empty otherwise
 */
public record ComparisonResult(
    String scenario,
    long seed,
    int replications,
    double horizonHours,
    List<Variant> variants,
    List<Integer> ranking,
    List<BreakEven> breakEvens,
    Optional<Precision> precision,
    Optional<TokenRanking> tokenRanking) {

  /** A comparison without economics. */
  public ComparisonResult(
      String scenario,
      long seed,
      int replications,
      double horizonHours,
      List<Variant> variants,
      List<Integer> ranking,
      List<BreakEven> breakEvens,
      Optional<Precision> precision) {
    this(
        scenario,
        seed,
        replications,
        horizonHours,
        variants,
        ranking,
        breakEvens,
        precision,
        Optional.empty());
  }

  public ComparisonResult {
    variants = List.copyOf(variants);
    ranking = List.copyOf(ranking);
    breakEvens = List.copyOf(breakEvens);
    java.util.Objects.requireNonNull(tokenRanking, "tokenRanking");
  }

  /**
   * The variants ranked by their cost per million tokens (economics.dollars_per_mtok.all: the run's
   * cost, depreciation, energy and operations, over its trained and served tokens).
   *
   * @param ranking variant indices, the lowest expected cost per million tokens first (a variant
   *     without tokens last)
   * @param dollarsPerMillionTokens each variant's, in input order
   * @param extraOverBest each variant's paired difference from the first of the ranking, in input
   *     order
   */
  public record TokenRanking(
      List<Integer> ranking,
      List<MetricStats> dollarsPerMillionTokens,
      List<MetricStats> extraOverBest) {
    public TokenRanking {
      ranking = List.copyOf(ranking);
      dollarsPerMillionTokens = List.copyOf(dollarsPerMillionTokens);
      extraOverBest = List.copyOf(extraOverBest);
    }
  }

  /** This comparison with how its replications were chosen. */
  public ComparisonResult withPrecision(Precision how) {
    return new ComparisonResult(
        scenario,
        seed,
        replications,
        horizonHours,
        variants,
        ranking,
        breakEvens,
        Optional.of(how),
        tokenRanking);
  }

  /** The break-even of the cheapest variant and the runner-up: the pair that decides the top. */
  public Optional<BreakEven> topPair() {
    if (ranking.size() < 2) {
      return Optional.empty();
    }
    return breakEvens.stream()
        .filter(b -> b.involves(ranking.get(0)) && b.involves(ranking.get(1)))
        .findFirst();
  }

  /**
   * The cheapest variant at every value v ≥ 0 of a lost GPU-hour, by the means of the cost lines
   * (fixed + v × lost GPU-hours per year, {@link CostLine}): the lower envelope of the lines, from
   * v = 0 up, each variant's span ending where a variant that loses fewer GPU-hours gets cheaper.
   * On a tie the variant that loses fewer GPU-hours, then the earlier in the ranking, is taken.
   * Empty when some line is not finite.
   */
  public List<CheapestSpan> cheapestByValue() {
    if (ranking.isEmpty()) {
      return List.of();
    }
    for (Variant v : variants) {
      CostLine c = v.costLine();
      if (!Double.isFinite(c.fixedDollars().mean())
          || !Double.isFinite(c.lostGpuHoursPerYear().mean())) {
        return List.of();
      }
    }
    List<CheapestSpan> spans = new ArrayList<>();
    int current = -1;
    for (int i : ranking) {
      if (current < 0 || cheaperAt(i, current, 0)) {
        current = i;
      }
    }
    double from = 0;
    while (true) {
      int next = -1;
      double at = Double.POSITIVE_INFINITY;
      for (int i : ranking) {
        double fewer = lost(current) - lost(i);
        if (fewer <= 0) {
          continue; // never overtakes as v grows
        }
        // current is the cheapest at from, so the lines cross at or after it (but for rounding)
        double cross = Math.max(from, (fixed(i) - fixed(current)) / fewer);
        if (cross < at || cross == at && lost(i) < lost(next)) {
          at = cross;
          next = i;
        }
      }
      if (at > from) {
        spans.add(new CheapestSpan(current, from, at));
      }
      if (next < 0) {
        return spans;
      }
      current = next;
      from = at;
    }
  }

  private boolean cheaperAt(int i, int j, double v) {
    double ci = fixed(i) + v * lost(i);
    double cj = fixed(j) + v * lost(j);
    return ci < cj || ci == cj && lost(i) < lost(j);
  }

  private double fixed(int i) {
    return variants.get(i).costLine().fixedDollars().mean();
  }

  private double lost(int i) {
    return variants.get(i).costLine().lostGpuHoursPerYear().mean();
  }

  /** True when some variant's electrical chain has planned maintenance. */
  public boolean hasMaintenance() {
    return variants.stream().anyMatch(v -> v.maintenance().isPresent());
  }

  /**
   * The planned maintenance of a variant's electrical chain, per replication.
   *
   * @param hours time with a unit out ({@code power_chain.maintenance_hours})
   * @param exposureHours of it, the time the load was exposed ({@code
   *     power_chain.maintenance_exposure_hours})
   */
  public record Maintenance(MetricStats hours, MetricStats exposureHours) {}

  /** True when some variant has a cooling plant. */
  public boolean hasGrid() {
    return variants.stream().anyMatch(v -> v.grid().isPresent());
  }

  public boolean hasCooling() {
    return variants.stream().anyMatch(v -> v.cooling().isPresent());
  }

  /** True when some variant lost production otherwise than to power outages. */
  public boolean lostBeyondPower() {
    return variants.stream().anyMatch(v -> v.lostValue().beyondPower());
  }

  /**
   * One variant.
   *
   * @param name variant name
   * @param description what it changes
   * @param electrical replication 0's electrical result (design, installed capacity); null without
   *     a chain
   * @param availability whole-IT-load availability
   * @param lossOfLoadEvents loss-of-load events per replication
   * @param lostGpuHoursPower GPU-hours of job progress lost to power outages per replication
   * @param lostTokensPower tokens lost to power outages per replication
   * @param energyFacilityMwh facility energy per replication
   * @param capitalDollars capital cost of the electrical chain
   * @param annualCapitalDollars capital × capital recovery factor
   * @param annualEnergyDollars energy cost per year
   * @param annualLostValueDollars value of the production lost per year: the GPU-hours lost to
   *     power outages, to thermal trips and to throttling ({@code lostValue}'s parts, which add up
   *     to it in every replication)
   * @param annualTotalDollars the three above added up, per year
   * @param extraCostOverBest this variant's annual total − the cheapest variant's, paired
   * @param lostValue the parts of the lost production and of its value
   * @param cooling what the cooling plant did; empty without one (a fixed PUE)
   * @param production what the variant trained and lost, per replication
   * @param costLine its annual cost as a function of the value of a lost GPU-hour
   * @param maintenance its chain's planned maintenance; empty without
   * @param grid the grid's verdict and the site's figures; empty without a site section
   */
  public record Variant(
      String name,
      String description,
      ElectricalResult electrical,
      MetricStats availability,
      MetricStats lossOfLoadEvents,
      MetricStats lostGpuHoursPower,
      MetricStats lostTokensPower,
      MetricStats energyFacilityMwh,
      double capitalDollars,
      double annualCapitalDollars,
      MetricStats annualEnergyDollars,
      MetricStats annualLostValueDollars,
      MetricStats annualTotalDollars,
      MetricStats extraCostOverBest,
      LostValue lostValue,
      Optional<Cooling> cooling,
      Production production,
      CostLine costLine,
      Optional<Maintenance> maintenance,
      Optional<Grid> grid) {

    public Variant {
      java.util.Objects.requireNonNull(maintenance, "maintenance");
      java.util.Objects.requireNonNull(grid, "grid");
    }

    /** A variant without a site section. */
    public Variant(
        String name,
        String description,
        ElectricalResult electrical,
        MetricStats availability,
        MetricStats lossOfLoadEvents,
        MetricStats lostGpuHoursPower,
        MetricStats lostTokensPower,
        MetricStats energyFacilityMwh,
        double capitalDollars,
        double annualCapitalDollars,
        MetricStats annualEnergyDollars,
        MetricStats annualLostValueDollars,
        MetricStats annualTotalDollars,
        MetricStats extraCostOverBest,
        LostValue lostValue,
        Optional<Cooling> cooling,
        Production production,
        CostLine costLine,
        Optional<Maintenance> maintenance) {
      this(
          name,
          description,
          electrical,
          availability,
          lossOfLoadEvents,
          lostGpuHoursPower,
          lostTokensPower,
          energyFacilityMwh,
          capitalDollars,
          annualCapitalDollars,
          annualEnergyDollars,
          annualLostValueDollars,
          annualTotalDollars,
          extraCostOverBest,
          lostValue,
          cooling,
          production,
          costLine,
          maintenance,
          Optional.empty());
    }

    /** Without planned maintenance. */
    public Variant(
        String name,
        String description,
        ElectricalResult electrical,
        MetricStats availability,
        MetricStats lossOfLoadEvents,
        MetricStats lostGpuHoursPower,
        MetricStats lostTokensPower,
        MetricStats energyFacilityMwh,
        double capitalDollars,
        double annualCapitalDollars,
        MetricStats annualEnergyDollars,
        MetricStats annualLostValueDollars,
        MetricStats annualTotalDollars,
        MetricStats extraCostOverBest,
        LostValue lostValue,
        Optional<Cooling> cooling,
        Production production,
        CostLine costLine) {
      this(
          name,
          description,
          electrical,
          availability,
          lossOfLoadEvents,
          lostGpuHoursPower,
          lostTokensPower,
          energyFacilityMwh,
          capitalDollars,
          annualCapitalDollars,
          annualEnergyDollars,
          annualLostValueDollars,
          annualTotalDollars,
          extraCostOverBest,
          lostValue,
          cooling,
          production,
          costLine,
          Optional.empty());
    }

    /**
     * Loss-of-load events over all replications (a count: the mean × the replications, rounded);
     * empty without an electrical chain.
     */
    public OptionalLong lossOfLoadEventsTotal() {
      return total(lossOfLoadEvents);
    }

    /** Thermal trips over all replications; empty without a cooling plant. */
    public OptionalLong thermalTripsTotal() {
      return cooling.map(c -> total(c.trips())).orElse(OptionalLong.empty());
    }

    private static OptionalLong total(MetricStats perReplication) {
      return perReplication.n() > 0 && Double.isFinite(perReplication.mean())
          ? OptionalLong.of(Math.round(perReplication.mean() * perReplication.n()))
          : OptionalLong.empty();
    }
  }

  /**
   * What a variant trained and lost, per replication (means over the replications).
   *
   * @param tokens tokens trained by all jobs ({@code tokens})
   * @param tokensOverBest this variant's tokens − the cheapest variant's, paired by replication
   * @param ettr effective training time ratio of all jobs ({@code ettr})
   * @param lostTokens tokens the jobs did not train, every cause ({@code lost_production.total})
   * @param lostTokensPriced the part the cost values: tokens lost to power outages, to thermal
   *     trips and to throttling ({@code lost_production_by_cause.power_outage} + {@code
   *     lost_production_by_cause.thermal} + {@code lost_production.throttling})
   */
  public record Production(
      MetricStats tokens,
      MetricStats tokensOverBest,
      MetricStats ettr,
      MetricStats lostTokens,
      MetricStats lostTokensPriced) {}

  /**
   * A variant's annual cost as a function of the value v of a lost GPU-hour: in every replication,
   * fixed + v × lost, so that at the variant's own value ({@code lostGpuHourDollars}) it is the
   * annual total.
   *
   * @param fixedDollars annualised capital + energy, per year
   * @param lostGpuHoursPerYear GPU-hours lost to power outages, thermal trips and throttling, per
   *     year
   * @param covariance sample covariance of the two over the replications (NaN with one)
   * @param lostGpuHourDollars the value of a lost GPU-hour in the variant's costs
   */
  public record CostLine(
      MetricStats fixedDollars,
      MetricStats lostGpuHoursPerYear,
      double covariance,
      double lostGpuHourDollars) {

    /** The mean annual cost at {@code dollarsPerGpuHour}. */
    public double meanAt(double dollarsPerGpuHour) {
      return fixedDollars.mean() + dollarsPerGpuHour * lostGpuHoursPerYear.mean();
    }

    /**
     * The 95 % confidence half-width of {@link #meanAt} (Student t): from the variance of fixed + v
     * × lost, var(fixed) + 2v·cov + v²·var(lost); NaN with fewer than two replications.
     */
    public double ci95At(double dollarsPerGpuHour) {
      int n = Math.min(fixedDollars.n(), lostGpuHoursPerYear.n());
      if (n < 2) {
        return Double.NaN;
      }
      double v = dollarsPerGpuHour;
      double sf = fixedDollars.sd();
      double sl = lostGpuHoursPerYear.sd();
      double variance = Math.max(0, sf * sf + 2 * v * covariance + v * v * sl * sl);
      double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
      return t * Math.sqrt(variance / n);
    }
  }

  /**
   * Two variants and the value of a lost GPU-hour at which their ranking flips. With F the fixed
   * cost per year (capital + energy) and L the GPU-hours lost per year, each costs F + v·L at a
   * value v: the one with the higher F is the cheaper above v* = (F_higher − F_lower) / (L_lower −
   * L_higher), when it loses fewer GPU-hours; else the other is the cheaper at every v ≥ 0 (never).
   * The 95 % confidence set of v* (Fieller's, paired by replication) is the values at which the
   * pair's paired cost difference has a 95 % interval containing 0: where the data cannot tell
   * which of the two is the cheaper.
   *
   * @param higherFixed index (input order) of the variant with the higher mean fixed cost
   * @param lowerFixed index of the other
   * @param extraFixedDollars the fixed cost per year of {@code higherFixed} − that of {@code
   *     lowerFixed}, paired by replication
   * @param gpuHoursSavedPerYear the GPU-hours per year {@code lowerFixed} loses − those {@code
   *     higherFixed} loses, paired: what the extra fixed cost buys
   * @param ratio extra fixed cost / GPU-hours saved, with its confidence set
   */
  public record BreakEven(
      int higherFixed,
      int lowerFixed,
      MetricStats extraFixedDollars,
      MetricStats gpuHoursSavedPerYear,
      PairedRatio ratio) {

    /** True when {@code variant} is one of the pair. */
    public boolean involves(int variant) {
      return higherFixed == variant || lowerFixed == variant;
    }

    /**
     * True when the ranking of the pair flips at some positive value: the higher fixed cost buys
     * fewer lost GPU-hours.
     */
    public boolean flips() {
      return extraFixedDollars.mean() > 0 && gpuHoursSavedPerYear.mean() > 0;
    }

    /**
     * v*, in dollars per GPU-hour: above it {@code higherFixed} is the cheaper; NaN when the pair
     * never flips.
     */
    public double dollarsPerGpuHour() {
      return flips() ? ratio.estimate() : Double.NaN;
    }

    /**
     * The variant cheaper at every value when the pair {@link #flips() never flips}: lower fixed.
     */
    public int alwaysCheaper() {
      return gpuHoursSavedPerYear.mean() < 0 || extraFixedDollars.mean() > 0
          ? lowerFixed
          : higherFixed;
    }

    /** True with two or more replications: the confidence set is known. */
    public boolean hasInterval() {
      return ratio.n() >= 2;
    }

    /**
     * The values v ≥ 0 of a lost GPU-hour at which the pair is not distinguishable (95 %): the
     * confidence set of v* within [0, ∞), at most two ranges; empty when they are distinguishable
     * at every value (or without an interval).
     */
    public List<ValueRange> notDistinguishable() {
      return ratio.within(new ValueRange(0, Double.POSITIVE_INFINITY));
    }
  }

  /**
   * The variant that is the cheapest while the value of a lost GPU-hour is between {@code
   * fromDollarsPerGpuHour} and {@code toDollarsPerGpuHour} (infinite for the last span).
   */
  public record CheapestSpan(
      int variant, double fromDollarsPerGpuHour, double toDollarsPerGpuHour) {}

  /**
   * Replications added in batches until the lead of the cheapest variant over the runner-up was
   * known to the target, or the limit was reached.
   *
   * @param target the 95 % half-width wanted of the lead
   * @param maxReplications the most replications per variant it could run
   * @param limit what set {@code maxReplications}
   * @param batches after each batch, in order: the replications so far and the lead then
   */
  public record Precision(
      PrecisionTarget target, int maxReplications, Limit limit, List<Batch> batches) {
    public Precision {
      batches = List.copyOf(batches);
      if (batches.isEmpty()) {
        throw new IllegalArgumentException("no batches");
      }
    }

    /** What set the most replications. */
    public enum Limit {
      /** {@code --max-replications} (or its default). */
      REQUESTED,
      /** the computing time the work guard allows. */
      COMPUTING_TIME,
      /** the memory of the JVM. */
      MEMORY
    }

    /** How the comparison ended. */
    public enum Verdict {
      /** the lead's 95 % interval excludes 0: the cheapest is known. */
      DECIDED,
      /** the interval holds 0 and is no wider than the target: they cost the same within it. */
      TIE_WITHIN_TARGET,
      /** the interval holds 0 and is wider than the target: the limit came first. */
      UNDECIDED
    }

    public Batch last() {
      return batches.get(batches.size() - 1);
    }

    public boolean targetMet() {
      return target.metBy(last().lead());
    }

    public Verdict verdict() {
      MetricStats lead = last().lead();
      if (lead.n() >= 2 && Math.abs(lead.mean()) > lead.ci95()) {
        return Verdict.DECIDED;
      }
      return targetMet() ? Verdict.TIE_WITHIN_TARGET : Verdict.UNDECIDED;
    }

    /**
     * The state after one batch.
     *
     * @param replications replications per variant so far
     * @param best the cheapest variant then (input order)
     * @param runnerUp the runner-up then
     * @param lead the runner-up's annual cost − the cheapest's, paired by replication
     */
    public record Batch(int replications, int best, int runnerUp, MetricStats lead) {}
  }

  /**
   * Production lost per replication by what lost it, beyond power outages, and the value of each
   * part per year (GPU-hours × {@code costs.lost_gpu_hour} / years): the three values add up to
   * {@link Variant#annualLostValueDollars} in every replication. Thermal trips and throttling never
   * overlap: work a trip throws away is booked beyond what a limit had already slowed.
   *
   * @param thermalGpuHours GPU-hours of job progress lost to thermal trips (cause {@code thermal}:
   *     lost work, restart and waiting, at the jobs' full size)
   * @param throttlingGpuHours GPU-hours that power caps and thermal limits kept from progressing
   *     ({@code gpu_hours.throttled})
   * @param annualPowerDollars value of the GPU-hours lost to power outages, per year
   * @param annualThermalDollars value of {@code thermalGpuHours}, per year
   * @param annualThrottlingDollars value of {@code throttlingGpuHours}, per year
   */
  public record LostValue(
      MetricStats thermalGpuHours,
      MetricStats throttlingGpuHours,
      MetricStats annualPowerDollars,
      MetricStats annualThermalDollars,
      MetricStats annualThrottlingDollars) {

    /** True when some replication lost GPU-hours to thermal trips or throttling. */
    public boolean beyondPower() {
      return nonZero(thermalGpuHours) || nonZero(throttlingGpuHours);
    }

    private static boolean nonZero(MetricStats s) {
      return Double.isFinite(s.mean()) && s.mean() != 0;
    }
  }

  /**
   * What a variant's cooling plant did, per replication.
   *
   * @param pue facility energy / IT energy over the whole run
   * @param energyMwh electricity of the plant's fans, pumps and chillers
   * @param waterM3 water its cooling towers used
   * @param wueLitresPerKwh litres of water per kWh of IT energy
   * @param hoursAtSlowdown hours some GPUs were held at their slowdown temperature, on the loop
   *     with the most (so no hour is counted twice; the GPUs of two loops held at different times
   *     make it a lower bound of the time any GPU was held)
   * @param trips clusters tripped by heat, all loops
   * @param tokensLostToHeat tokens not trained because of the heat: those thermal limits kept from
   *     training ({@code throttling.thermal_tokens}) plus those lost to thermal trips (lost work,
   *     restart and waiting of cause {@code thermal})
   */
  public record Cooling(
      MetricStats pue,
      MetricStats energyMwh,
      MetricStats waterM3,
      MetricStats wueLitresPerKwh,
      MetricStats hoursAtSlowdown,
      MetricStats trips,
      MetricStats tokensLostToHeat) {}

  /**
   * The site of a variant as the grid sees it, per replication (means with 95 % half-widths).
   *
   * @param brokenRules grid rules broken ({@code compliance.broken_rules})
   * @param compliantShare the share of replications in which every rule held
   * @param peakImportMw highest grid import
   * @param batteryLossesMwh energy the battery lost (0 without one)
   * @param batteryCycles its equivalent full cycles (0 without one)
   * @param co2Tonnes CO2 of the grid import and on-site generation (NaN without carbon)
   */
  public record Grid(
      MetricStats brokenRules,
      MetricStats compliantShare,
      MetricStats peakImportMw,
      MetricStats batteryLossesMwh,
      MetricStats batteryCycles,
      MetricStats co2Tonnes) {}
}
