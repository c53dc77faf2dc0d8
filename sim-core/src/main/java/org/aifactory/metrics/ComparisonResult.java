package org.aifactory.metrics;

import java.util.List;

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
 */
public record ComparisonResult(
    String scenario,
    long seed,
    int replications,
    double horizonHours,
    List<Variant> variants,
    List<Integer> ranking) {

  public ComparisonResult {
    variants = List.copyOf(variants);
    ranking = List.copyOf(ranking);
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
   * @param annualLostValueDollars value of the GPU-hours lost to power outages, per year
   * @param annualTotalDollars the three above added up, per year
   * @param extraCostOverBest this variant's annual total − the cheapest variant's, paired
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
      MetricStats extraCostOverBest) {}
}
