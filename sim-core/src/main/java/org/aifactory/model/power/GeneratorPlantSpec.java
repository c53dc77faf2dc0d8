package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;
import org.aifactory.model.failure.TimeDistribution;

/**
 * The standby generator plant: {@code units} diesel generators on one paralleling bus, {@code
 * unitsNeeded} of them carrying the site. It is started when the utility fails and stopped when it
 * returns.
 *
 * <p>On each demand every idle unit is available with probability {@code availabilityOnDemand} (the
 * rest are in maintenance for this demand), an available unit fails to start with probability
 * {@code failToStartProbability}, and a running unit fails at the rate of {@code
 * runningTimeToFailure} counted in running hours. Failed units are repaired ({@code repair}) by the
 * repair crews and restart if the outage is still on.
 *
 * <p>The plant carries its load while at least {@code unitsNeeded} units run and their capacity,
 * running units × {@code unitWatts}, covers the load it must carry at that moment (the chain's
 * input for the UPS systems it feeds, and the cooling plant's power when the facility has one); an
 * overloaded plant drops its load (its breaker opens) and picks it up again once the load fits.
 *
 * @param units installed units (n)
 * @param unitsNeeded running units needed to carry the load (k)
 * @param startDelay from the utility's failure to the generators carrying the load (start,
 *     synchronise, transfer)
 * @param failToStartProbability per unit and demand
 * @param runningTimeToFailure time to failure of one running unit, in running time
 * @param repair repair time of one unit
 * @param availabilityOnDemand probability that a unit is not in maintenance when called
 * @param fuelAutonomy how long the plant can run from the start of a demand on stored fuel (the
 *     tanks are full again at the next demand); empty: unlimited (refuelled during the outage)
 * @param unitWatts capacity of one unit; infinite: the capacity is not checked (a plant described
 *     by its k-of-n only)
 */
public record GeneratorPlantSpec(
    int units,
    int unitsNeeded,
    Duration startDelay,
    double failToStartProbability,
    TimeDistribution runningTimeToFailure,
    TimeDistribution repair,
    double availabilityOnDemand,
    Optional<Duration> fuelAutonomy,
    double unitWatts) {

  /** Start + transfer ≤ 10 s: NFPA 110 Type 10 (docs/sources.md §6). */
  public static final Duration NFPA_110_TYPE_10_START = Duration.ofSeconds(10);

  /** Fail-to-start probability per demand: NREL REopt default 0.0094 (docs/sources.md §6). */
  public static final double REOPT_FAIL_TO_START = 0.0094;

  /** Mean time to failure while running: NREL REopt default 1,100 h (docs/sources.md §6). */
  public static final Duration REOPT_MTTF_RUNNING = Duration.ofHours(1_100);

  /** Availability of a standby unit: NREL REopt default 0.995 (docs/sources.md §6). */
  public static final double REOPT_AVAILABILITY = 0.995;

  /** Mean repair time of a generator: placeholder (no figure in docs/sources.md §6). */
  public static final Duration REPAIR_PLACEHOLDER = Duration.ofHours(24);

  public GeneratorPlantSpec {
    if (units < 1) {
      throw new IllegalArgumentException("generator units must be >= 1, got " + units);
    }
    if (unitsNeeded < 1 || unitsNeeded > units) {
      throw new IllegalArgumentException(
          "generator units needed must be between 1 and units (" + units + "), got " + unitsNeeded);
    }
    Objects.requireNonNull(startDelay, "startDelay");
    if (startDelay.isNegative()) {
      throw new IllegalArgumentException("generator start delay must be >= 0");
    }
    Checks.fraction(failToStartProbability, "generator fail-to-start probability");
    Objects.requireNonNull(runningTimeToFailure, "runningTimeToFailure");
    Objects.requireNonNull(repair, "repair");
    Checks.fraction(availabilityOnDemand, "generator availability on demand");
    Objects.requireNonNull(fuelAutonomy, "fuelAutonomy");
    fuelAutonomy.ifPresent(
        d -> {
          if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("generator fuel autonomy must be > 0");
          }
        });
    if (!(unitWatts > 0)) {
      throw new IllegalArgumentException("generator unit capacity must be > 0, got " + unitWatts);
    }
  }

  /** A plant whose capacity is not checked: it carries while {@code unitsNeeded} units run. */
  public GeneratorPlantSpec(
      int units,
      int unitsNeeded,
      Duration startDelay,
      double failToStartProbability,
      TimeDistribution runningTimeToFailure,
      TimeDistribution repair,
      double availabilityOnDemand,
      Optional<Duration> fuelAutonomy) {
    this(
        units,
        unitsNeeded,
        startDelay,
        failToStartProbability,
        runningTimeToFailure,
        repair,
        availabilityOnDemand,
        fuelAutonomy,
        Double.POSITIVE_INFINITY);
  }

  /** Capacity of the units running: {@code running} × unit capacity. */
  public double capacityWatts(int running) {
    return running * unitWatts;
  }

  /**
   * {@code units} generators, {@code unitsNeeded} needed, with the cited defaults: 10 s start, NREL
   * REopt fail-to-start, running MTTF (exponential) and availability; placeholder 24 h exponential
   * repair; unlimited fuel.
   */
  public static GeneratorPlantSpec defaults(int units, int unitsNeeded) {
    return new GeneratorPlantSpec(
        units,
        unitsNeeded,
        NFPA_110_TYPE_10_START,
        REOPT_FAIL_TO_START,
        TimeDistribution.Exponential.of(REOPT_MTTF_RUNNING),
        TimeDistribution.Exponential.of(REPAIR_PLACEHOLDER),
        REOPT_AVAILABILITY,
        Optional.empty());
  }

  /**
   * The defaults sized by a design: the generators share one paralleling bus, so any design
   * collapses to k-of-n with n = the design's installed units and k = N ({@code 2N}: 2N units, N
   * needed).
   */
  public static GeneratorPlantSpec defaults(RedundancyDesign design, int unitsForLoad) {
    StageStructure s = design.structure(unitsForLoad);
    return defaults(s.totalUnits(), unitsForLoad);
  }
}
