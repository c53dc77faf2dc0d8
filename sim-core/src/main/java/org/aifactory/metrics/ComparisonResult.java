package org.aifactory.metrics;

import java.util.List;
import java.util.Optional;

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

  /** True when some variant has a cooling plant. */
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
      Optional<Cooling> cooling) {}

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
}
