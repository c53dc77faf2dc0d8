package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;
import org.aifactory.model.failure.TimeDistribution;

/**
 * A generator plant as a planner describes it, before it is sized for its load: its layout (a
 * design or a written-out k-of-n), unit size, start, and how units fail to start, fail running and
 * are repaired. {@link #forLoad} sizes it into a {@link GeneratorPlantSpec}: the units share one
 * paralleling bus, so any design is k-of-n over its installed units, k = N.
 *
 * @param layout a redundancy design or a written-out k-of-n
 * @param unitWatts capacity of one generator
 * @param startDelay from the loss of the utility to the plant carrying (start, synchronise,
 *     transfer)
 * @param failToStartProbability per unit and demand
 * @param availabilityOnDemand probability that a unit is not in maintenance when called
 * @param running how a running unit fails (in running time) and is repaired
 * @param fuelAutonomy how long the plant runs on stored fuel from the start of a demand; empty:
 *     refuelled during the outage, so unlimited
 */
public record GeneratorStageSpec(
    StageLayout layout,
    double unitWatts,
    Duration startDelay,
    double failToStartProbability,
    double availabilityOnDemand,
    UnitReliability running,
    Optional<Duration> fuelAutonomy) {

  public GeneratorStageSpec {
    Objects.requireNonNull(layout, "layout");
    if (!(unitWatts > 0) || !(unitWatts <= PowerSystemSpec.MAX_UNIT_WATTS)) {
      throw new IllegalArgumentException("generator unit capacity must be > 0 and at most 1 GW");
    }
    Objects.requireNonNull(startDelay, "startDelay");
    if (startDelay.isNegative()) {
      throw new IllegalArgumentException("generator start delay must be >= 0");
    }
    Checks.fraction(failToStartProbability, "generator fail-to-start probability");
    Checks.fraction(availabilityOnDemand, "generator availability on demand");
    Objects.requireNonNull(running, "running");
    Objects.requireNonNull(fuelAutonomy, "fuelAutonomy");
    fuelAutonomy.ifPresent(
        d -> {
          if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("generator fuel autonomy must be > 0");
          }
        });
  }

  /**
   * The cited defaults of {@link GeneratorPlantSpec#defaults}: NFPA 110 start, NREL REopt
   * fail-to-start, availability and running MTTF, 24 h repair (placeholder), refuelled.
   */
  public static GeneratorStageSpec defaults(StageLayout layout, double unitWatts) {
    return new GeneratorStageSpec(
        layout,
        unitWatts,
        GeneratorPlantSpec.NFPA_110_TYPE_10_START,
        GeneratorPlantSpec.REOPT_FAIL_TO_START,
        GeneratorPlantSpec.REOPT_AVAILABILITY,
        new UnitReliability(
            TimeDistribution.Exponential.of(GeneratorPlantSpec.REOPT_MTTF_RUNNING),
            TimeDistribution.Exponential.of(GeneratorPlantSpec.REPAIR_PLACEHOLDER)),
        Optional.empty());
  }

  /** The plant built to carry {@code loadWatts}. */
  public GeneratorPlantSpec forLoad(double loadWatts) {
    return new GeneratorPlantSpec(
        layout.structureFor(loadWatts, unitWatts).totalUnits(),
        layout.unitsNeeded(loadWatts, unitWatts),
        startDelay,
        failToStartProbability,
        running.timeToFailure(),
        running.repair(),
        availabilityOnDemand,
        fuelAutonomy,
        unitWatts);
  }
}
