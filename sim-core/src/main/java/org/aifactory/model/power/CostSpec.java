package org.aifactory.model.power;

/**
 * Prices for comparing designs: capital cost of the electrical chain (annualised over its lifetime
 * with a discount rate), the price of energy, and the value of production lost.
 *
 * <p>Every default is a PLACEHOLDER (docs/sources.md has no cost figures): order-of-magnitude
 * planning numbers to be replaced by a planner's own quotes. The comparison's ranking is only as
 * good as these.
 *
 * @param upsDollarsPerKw installed UPS capacity (modules, batteries, switchgear share)
 * @param generatorDollarsPerKw installed generator capacity
 * @param pduDollarsEach one PDU / busway feed
 * @param lifetimeYears economic life of the electrical plant
 * @param discountRate yearly discount rate for the annuity
 * @param energyDollarsPerMwh price of facility energy
 * @param lostGpuHourDollars value of one GPU-hour of a job's progress lost (its rental price, or
 *     what the delay costs)
 */
public record CostSpec(
    double upsDollarsPerKw,
    double generatorDollarsPerKw,
    double pduDollarsEach,
    double lifetimeYears,
    double discountRate,
    double energyDollarsPerMwh,
    double lostGpuHourDollars) {

  /** PLACEHOLDER: double-conversion UPS, installed, per kW. */
  public static final double UPS_DOLLARS_PER_KW = 500;

  /** PLACEHOLDER: standby diesel generator, installed, per kW. */
  public static final double GENERATOR_DOLLARS_PER_KW = 600;

  /** PLACEHOLDER: one PDU or busway tap-off with its breaker. */
  public static final double PDU_DOLLARS_EACH = 25_000;

  /** PLACEHOLDER: economic life of the electrical plant. */
  public static final double LIFETIME_YEARS = 15;

  /** PLACEHOLDER: discount rate. */
  public static final double DISCOUNT_RATE = 0.08;

  /** PLACEHOLDER: industrial electricity price. */
  public static final double ENERGY_DOLLARS_PER_MWH = 80;

  /** PLACEHOLDER: an H100-class GPU-hour at cloud rental prices. */
  public static final double LOST_GPU_HOUR_DOLLARS = 2.5;

  public CostSpec {
    nonNegative(upsDollarsPerKw, "ups_per_kw");
    nonNegative(generatorDollarsPerKw, "generator_per_kw");
    nonNegative(pduDollarsEach, "pdu_each");
    if (!(lifetimeYears > 0) || !Double.isFinite(lifetimeYears)) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    nonNegative(discountRate, "discount_rate");
    nonNegative(energyDollarsPerMwh, "energy_per_mwh");
    nonNegative(lostGpuHourDollars, "lost_gpu_hour");
  }

  public static CostSpec defaults() {
    return new CostSpec(
        UPS_DOLLARS_PER_KW,
        GENERATOR_DOLLARS_PER_KW,
        PDU_DOLLARS_EACH,
        LIFETIME_YEARS,
        DISCOUNT_RATE,
        ENERGY_DOLLARS_PER_MWH,
        LOST_GPU_HOUR_DOLLARS);
  }

  private static void nonNegative(double v, String field) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0");
    }
  }

  /**
   * Capital recovery factor: the yearly payment per dollar of capital, r(1+r)^n / ((1+r)^n − 1).
   */
  public double capitalRecoveryFactor() {
    if (discountRate == 0) {
      return 1 / lifetimeYears;
    }
    double g = Math.pow(1 + discountRate, lifetimeYears);
    return discountRate * g / (g - 1);
  }

  /** Capital cost of a chain with this installed capacity and number of PDUs. */
  public double capitalDollars(double upsInstalledWatts, double generatorInstalledWatts, int pdus) {
    return upsInstalledWatts / 1e3 * upsDollarsPerKw
        + generatorInstalledWatts / 1e3 * generatorDollarsPerKw
        + pdus * pduDollarsEach;
  }
}
