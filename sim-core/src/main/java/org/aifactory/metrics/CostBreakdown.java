package org.aifactory.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.economics.EnergyPrice;

/**
 * What a run's factory costs a year and what a million of its tokens cost: a pure function of the
 * run's result and the economics ({@link #of}).
 *
 * <p>Annual cost = systems' depreciation (GPUs × price / life) + the facility's (MW × price per MW
 * / life) + energy (the run's facility energy at its price, scaled to a year of 365.25 days) +
 * operations and maintenance (a share of the capital a year). The share of power in operating cost
 * is energy / (energy + operations): depreciation is not an operating expense.
 *
 * <p>Cost per million tokens: the cost of the run (annual cost × the run's share of a year) is
 * split between training and inference, the fixed parts (depreciation, operations) by GPU-hours
 * (inference: those its services held; training: all others, idle ones included, as the factory's
 * energy figures charge training the IT energy the services did not hold) and energy by IT energy
 * (inference: the IT energy of its services' systems); each part over its tokens (training: trained
 * tokens; inference: served output tokens), the whole over all tokens.
 *
 * <p>Lost production, a year: training progress lost (GPU-hours of each failure cause, of
 * throttling and of checkpoints) × the value of a training GPU-hour; inference output tokens
 * dropped (by cause) × the price of a token.
 *
 * <p>With an hourly energy price the run's energy is priced at the resolution of its power series:
 * each bucket's mean facility power is spread evenly over the bucket and priced hour by hour. That
 * is exact when every hour boundary is a bucket boundary (buckets a multiple of the horizon's
 * hours); otherwise a bucket that straddles an hour is split in proportion to time.
 *
 * @param years the run's horizon in years of 365.25 days
 * @param systemsCapitalDollars installed GPUs × price
 * @param facilityCapitalDollars facility MW × price per MW
 * @param annualSystemsDollars systems' depreciation a year
 * @param annualFacilityDollars the facility's depreciation a year
 * @param annualEnergyDollars energy a year
 * @param annualOperationsDollars operations and maintenance a year
 * @param energyMwh the run's facility energy
 * @param runEnergyDollars the run's energy at its price
 * @param inferenceGpuShare share of installed GPU-hours held by inference services
 * @param inferenceEnergyShare share of IT energy of inference services' systems
 * @param trainingTokens tokens trained
 * @param inferenceTokens output tokens served
 * @param hasTraining whether the factory has training jobs
 * @param hasInference whether it has inference services
 * @param trainingLostGpuHoursByCause training GPU-hours lost, by cause ({@code throttling} and
 *     {@code checkpoint} last)
 * @param trainingGpuHourDollars value of a training GPU-hour
 * @param inferenceDroppedTokensByCause output tokens dropped, by cause ({@code queue_timeout}
 *     first, then the failure causes)
 * @param dollarsPerMillionTokens price of a million inference tokens
 */
public record CostBreakdown(
    double years,
    double systemsCapitalDollars,
    double facilityCapitalDollars,
    double annualSystemsDollars,
    double annualFacilityDollars,
    double annualEnergyDollars,
    double annualOperationsDollars,
    double energyMwh,
    double runEnergyDollars,
    double inferenceGpuShare,
    double inferenceEnergyShare,
    double trainingTokens,
    double inferenceTokens,
    boolean hasTraining,
    boolean hasInference,
    Map<String, Double> trainingLostGpuHoursByCause,
    double trainingGpuHourDollars,
    Map<String, Double> inferenceDroppedTokensByCause,
    double dollarsPerMillionTokens) {

  /** Hours in a year of 365.25 days, as in the comparison's annual costs. */
  public static final double HOURS_PER_YEAR = 8_766;

  private static final double JOULES_PER_MWH = 3.6e9;
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
  private static final String QUEUE_TIMEOUT = "queue_timeout";
  private static final String THROTTLING = "throttling";
  private static final String CHECKPOINT = "checkpoint";

  public CostBreakdown {
    trainingLostGpuHoursByCause =
        Collections.unmodifiableMap(new LinkedHashMap<>(trainingLostGpuHoursByCause));
    inferenceDroppedTokensByCause =
        Collections.unmodifiableMap(new LinkedHashMap<>(inferenceDroppedTokensByCause));
  }

  /** The cost of {@code run}'s factory at the prices of {@code economics}. */
  public static CostBreakdown of(RunResult run, EconomicsSpec economics) {
    double years = run.horizonHours() / HOURS_PER_YEAR;
    double systemsCapital = run.gpus() * economics.gpuDollars();
    double facilityCapital = economics.facilityItWatts() / 1e6 * economics.facilityDollarsPerMw();
    double energyMwh = run.energyFacilityJoules() / JOULES_PER_MWH;
    double runEnergy = energyDollars(run, economics.energyPrice());
    GpuHours h = run.gpuHours();
    double inferenceGpuShare = h.installed() > 0 ? h.serving() / h.installed() : 0;
    double inferenceEnergyShare =
        run.energyItJoules() > 0
            ? Math.min(1, run.inferenceEnergyItJoules() / run.energyItJoules())
            : 0;
    Map<String, Double> trainingLost = new LinkedHashMap<>();
    for (String cause : run.causes()) {
      double gpuHours = 0;
      for (JobResult j : run.jobs()) {
        double perToken = j.lostProduction().gpuHoursPerToken();
        if (Double.isFinite(perToken)) {
          gpuHours += j.lostProduction().byCause(cause) * perToken;
        }
      }
      trainingLost.put(cause, gpuHours);
    }
    trainingLost.put(THROTTLING, h.throttling());
    trainingLost.put(CHECKPOINT, h.checkpoint());
    Map<String, Double> dropped = new LinkedHashMap<>();
    dropped.put(QUEUE_TIMEOUT, 0.0);
    for (String cause : run.causes()) {
      dropped.put(cause, 0.0);
    }
    for (ServiceResult s : run.services()) {
      for (Map.Entry<String, Double> e : s.droppedTokensByCause().entrySet()) {
        dropped.merge(e.getKey(), e.getValue(), Double::sum);
      }
    }
    return new CostBreakdown(
        years,
        systemsCapital,
        facilityCapital,
        systemsCapital / economics.systemLifeYears(),
        facilityCapital / economics.facilityLifeYears(),
        runEnergy / years,
        economics.operationsShare() * (systemsCapital + facilityCapital),
        energyMwh,
        runEnergy,
        inferenceGpuShare,
        inferenceEnergyShare,
        run.tokens(),
        run.inferenceTokensServed(),
        !run.jobs().isEmpty(),
        !run.services().isEmpty(),
        trainingLost,
        economics.trainingGpuHourDollars(),
        dropped,
        economics.dollarsPerMillionTokens());
  }

  /**
   * The run's facility energy at {@code price}: flat, its energy × price; hourly, each power-series
   * bucket's mean power priced hour by hour over the part of the bucket in each hour.
   */
  static double energyDollars(RunResult run, EnergyPrice price) {
    if (price instanceof EnergyPrice.Flat flat) {
      return run.energyFacilityJoules() / JOULES_PER_MWH * flat.dollarsPerMwh();
    }
    PowerSeries series = run.series();
    long horizon = run.horizon().toNanos();
    double dollars = 0;
    for (int i = 0; i < series.bucketCount(); i++) {
      long start = series.bucketStartNanos(i);
      long end = Math.min(horizon, start + series.bucketNanos());
      double watts = series.meanWatts(i);
      long t = start;
      while (t < end) {
        long hour = t / NANOS_PER_HOUR;
        long until = Math.min(end, (hour + 1) * NANOS_PER_HOUR);
        dollars += watts * ((until - t) / 1e9) / JOULES_PER_MWH * price.dollarsPerMwh(hour);
        t = until;
      }
    }
    return dollars;
  }

  /** Depreciation, energy and operations a year. */
  public double annualTotalDollars() {
    return annualSystemsDollars
        + annualFacilityDollars
        + annualEnergyDollars
        + annualOperationsDollars;
  }

  /** Energy / (energy + operations and maintenance); NaN when both are 0. */
  public double powerShareOfOperatingCost() {
    double opex = annualEnergyDollars + annualOperationsDollars;
    return opex > 0 ? annualEnergyDollars / opex : Double.NaN;
  }

  /** Energy / annual total; NaN when the total is 0. */
  public double powerShareOfCost() {
    double total = annualTotalDollars();
    return total > 0 ? annualEnergyDollars / total : Double.NaN;
  }

  /** The energy price the run paid on average: its energy cost / its energy. */
  public double meanEnergyDollarsPerMwh() {
    return energyMwh > 0 ? runEnergyDollars / energyMwh : Double.NaN;
  }

  /** What the run cost: the annual total over the run's share of a year. */
  public double runDollars() {
    return annualTotalDollars() * years;
  }

  /** The run's fixed cost (depreciation, operations): the annual ones over its share of a year. */
  private double runFixedDollars() {
    return (annualSystemsDollars + annualFacilityDollars + annualOperationsDollars) * years;
  }

  /** The part of the run's cost charged to inference. */
  public double inferenceRunDollars() {
    return runFixedDollars() * inferenceGpuShare + runEnergyDollars * inferenceEnergyShare;
  }

  /** The part of the run's cost charged to training: the rest. */
  public double trainingRunDollars() {
    return runFixedDollars() * (1 - inferenceGpuShare)
        + runEnergyDollars * (1 - inferenceEnergyShare);
  }

  /** Training's cost per million trained tokens; NaN without tokens. */
  public double trainingDollarsPerMillionTokens() {
    return perMillion(trainingRunDollars(), trainingTokens);
  }

  /** Inference's cost per million served output tokens; NaN without tokens. */
  public double inferenceDollarsPerMillionTokens() {
    return perMillion(inferenceRunDollars(), inferenceTokens);
  }

  /** The run's cost per million tokens of both kinds; NaN without tokens. */
  public double allDollarsPerMillionTokens() {
    return perMillion(runDollars(), trainingTokens + inferenceTokens);
  }

  private static double perMillion(double dollars, double tokens) {
    return tokens > 0 ? dollars / tokens * 1e6 : Double.NaN;
  }

  /** Training progress lost to {@code cause}, in dollars a year. */
  public double trainingLostDollarsPerYear(String cause) {
    return trainingLostGpuHoursByCause.getOrDefault(cause, 0.0) * trainingGpuHourDollars / years;
  }

  /** Inference tokens dropped for {@code cause}, in dollars a year. */
  public double inferenceLostDollarsPerYear(String cause) {
    return inferenceDroppedTokensByCause.getOrDefault(cause, 0.0)
        * dollarsPerMillionTokens
        / 1e6
        / years;
  }

  /** All lost production of the kinds the factory has, in dollars a year. */
  public double lostDollarsPerYear() {
    double s = 0;
    if (hasTraining) {
      for (String cause : trainingLostGpuHoursByCause.keySet()) {
        s += trainingLostDollarsPerYear(cause);
      }
    }
    if (hasInference) {
      for (String cause : inferenceDroppedTokensByCause.keySet()) {
        s += inferenceLostDollarsPerYear(cause);
      }
    }
    return s;
  }

  /** The figures under {@code economics.}, in a fixed order for a given factory. */
  public List<Metric> metrics() {
    List<Metric> m = new ArrayList<>();
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_CAPITAL_SYSTEMS,
            "$",
            "Installed GPUs × economics.gpu_price.",
            systemsCapitalDollars));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_CAPITAL_FACILITY,
            "$",
            "economics.facility_mw × economics.facility_per_mw.",
            facilityCapitalDollars));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_ANNUAL_SYSTEMS,
            "$/y",
            "Systems' capital / economics.system_life (straight line).",
            annualSystemsDollars));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_ANNUAL_FACILITY,
            "$/y",
            "Facility capital / economics.facility_life (straight line).",
            annualFacilityDollars));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_ANNUAL_ENERGY,
            "$/y",
            "The run's facility energy at its price, over the run's share of a 365.25-day year.",
            annualEnergyDollars));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_ANNUAL_OPERATIONS,
            "$/y",
            "Operations and maintenance: economics.operations × (systems' + facility capital).",
            annualOperationsDollars));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_ANNUAL_TOTAL,
            "$/y",
            "Depreciation of systems and facility + energy + operations.",
            annualTotalDollars()));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_ENERGY_PRICE,
            "$/MWh",
            "The run's energy cost / its facility energy: the mean price it paid.",
            meanEnergyDollarsPerMwh()));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_POWER_SHARE_OPEX,
            "1",
            "Energy / (energy + operations): the share of power in operating cost.",
            powerShareOfOperatingCost()));
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_POWER_SHARE_COST,
            "1",
            "Energy / annual total, depreciation included.",
            powerShareOfCost()));
    if (hasTraining) {
      m.add(
          new Metric(
              MetricKeys.ECONOMICS_PER_MTOK_TRAINING,
              "$/Mtok",
              "Training's share of the run's cost (depreciation and operations by GPU-hours not"
                  + " held by inference, energy by IT energy not theirs) per million trained"
                  + " tokens.",
              trainingDollarsPerMillionTokens()));
    }
    if (hasInference) {
      m.add(
          new Metric(
              MetricKeys.ECONOMICS_PER_MTOK_INFERENCE,
              "$/Mtok",
              "Inference's share of the run's cost (depreciation and operations by the GPU-hours"
                  + " its services held, energy by their IT energy) per million served output"
                  + " tokens.",
              inferenceDollarsPerMillionTokens()));
    }
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_PER_MTOK_ALL,
            "$/Mtok",
            "The run's cost per million tokens, trained and served.",
            allDollarsPerMillionTokens()));
    if (hasTraining) {
      for (String cause : trainingLostGpuHoursByCause.keySet()) {
        m.add(
            new Metric(
                MetricKeys.economicsLostTraining(cause),
                "$/y",
                "Training GPU-hours lost to this cause × costs.lost_gpu_hour, a year.",
                trainingLostDollarsPerYear(cause)));
      }
    }
    if (hasInference) {
      for (String cause : inferenceDroppedTokensByCause.keySet()) {
        m.add(
            new Metric(
                MetricKeys.economicsLostInference(cause),
                "$/y",
                "Inference output tokens dropped for this cause × economics.token_price, a year.",
                inferenceLostDollarsPerYear(cause)));
      }
    }
    m.add(
        new Metric(
            MetricKeys.ECONOMICS_LOST_TOTAL,
            "$/y",
            "All lost production above, a year.",
            lostDollarsPerYear()));
    return m;
  }
}
