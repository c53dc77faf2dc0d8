package org.aifactory.model.economics;

import java.util.Objects;

/**
 * What a factory costs and what its production is worth, for the cost of a token. Defaults are
 * placeholders a planner replaces with quotes; docs/sources.md §10 ("Hardware prices and rental
 * rates", "Facility capital, depreciation, electricity", "Token prices and cost shares") cites
 * each.
 *
 * <p>Capital is depreciated in a straight line over its life (as the 10-K filings the server lives
 * come from do), not as an annuity: the electrical chain's capital in {@code costs} is annualised
 * with a discount rate for comparing designs, which is another question.
 *
 * @param gpuDollars capital price of one installed GPU with its share of the system (a rack's price
 *     / its GPUs)
 * @param systemLifeYears depreciation life of the systems
 * @param facilityDollarsPerMw facility capital (electrical, cooling, shell) per MW of critical IT
 *     load
 * @param facilityItWatts the critical IT load the facility is built for
 * @param facilityLifeYears depreciation life of the facility
 * @param operationsShare operations and maintenance per year, as a share of the capital (systems
 *     and facility)
 * @param energyPrice price of facility energy
 * @param dollarsPerMillionTokens price of a million served output tokens: the value of inference
 *     tokens dropped
 * @param trainingGpuHourDollars value of a training GPU-hour: the value of training progress lost
 */
public record EconomicsSpec(
    double gpuDollars,
    double systemLifeYears,
    double facilityDollarsPerMw,
    double facilityItWatts,
    double facilityLifeYears,
    double operationsShare,
    EnergyPrice energyPrice,
    double dollarsPerMillionTokens,
    double trainingGpuHourDollars) {

  /**
   * GB300 NVL72 rack $3-4 M [S] (docs/sources.md §10, hardware prices): the midpoint $3.5 M over
   * its 72 GPUs [D].
   */
  public static final double GPU_DOLLARS = 3.5e6 / 72;

  /**
   * Amazon's servers 5 years (2022; some back from 6 to 5 in 2025), Meta 5, Microsoft and Alphabet
   * 6 [P] (10-K filings, docs/sources.md §10): the shorter, as AI accelerators age faster.
   */
  public static final double SYSTEM_LIFE_YEARS = 5;

  /**
   * Cushman &amp; Wakefield 2025: US build cost per MW of critical load, average of 19 markets
   * $11.7 M (range $9.3-15.0 M) [P].
   */
  public static final double FACILITY_DOLLARS_PER_MW = 11.7e6;

  /** PLACEHOLDER (a facility's depreciation life is missing from docs/sources.md). */
  public static final double FACILITY_LIFE_YEARS = 20;

  /** PLACEHOLDER (operations and maintenance cost of an AI factory is missing). */
  public static final double OPERATIONS_SHARE = 0.03;

  /** Together AI, Llama 3.1/3.3 70B Turbo: $0.88 per million tokens [P] (docs/sources.md §10). */
  public static final double DOLLARS_PER_MILLION_TOKENS = 0.88;

  public EconomicsSpec {
    nonNegative(gpuDollars, "gpu_price");
    positive(systemLifeYears, "system_life");
    nonNegative(facilityDollarsPerMw, "facility_per_mw");
    nonNegative(facilityItWatts, "facility_mw");
    positive(facilityLifeYears, "facility_life");
    if (!(operationsShare >= 0 && operationsShare <= 1)) {
      throw new IllegalArgumentException("operations must be a share between 0 and 1");
    }
    Objects.requireNonNull(energyPrice, "energyPrice");
    nonNegative(dollarsPerMillionTokens, "token_price");
    nonNegative(trainingGpuHourDollars, "lost_gpu_hour");
  }

  /**
   * The defaults for a facility built for {@code facilityItWatts}, with the flat energy price and
   * GPU-hour value given (those of {@code costs}).
   */
  public static EconomicsSpec defaults(
      double facilityItWatts, double energyDollarsPerMwh, double trainingGpuHourDollars) {
    return new EconomicsSpec(
        GPU_DOLLARS,
        SYSTEM_LIFE_YEARS,
        FACILITY_DOLLARS_PER_MW,
        facilityItWatts,
        FACILITY_LIFE_YEARS,
        OPERATIONS_SHARE,
        new EnergyPrice.Flat(energyDollarsPerMwh),
        DOLLARS_PER_MILLION_TOKENS,
        trainingGpuHourDollars);
  }

  /** The same economics with another GPU price. */
  public EconomicsSpec withGpuDollars(double dollars) {
    return new EconomicsSpec(
        dollars,
        systemLifeYears,
        facilityDollarsPerMw,
        facilityItWatts,
        facilityLifeYears,
        operationsShare,
        energyPrice,
        dollarsPerMillionTokens,
        trainingGpuHourDollars);
  }

  static void nonNegative(double v, String field) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0");
    }
  }

  private static void positive(double v, String field) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0");
    }
  }
}
