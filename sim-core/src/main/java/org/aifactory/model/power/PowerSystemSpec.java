package org.aifactory.model.power;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.SpecProblem;

/**
 * The factory's electrical chain as a planner describes it: how many rack groups (paths, one PDU or
 * A/B pair each), how the UPS and generator stages are laid out (by redundancy designs, or written
 * out) with their unit sizes, and the recovery after power returns. The chain itself ({@link
 * PowerChainSpec}) is sized from the racks' design IT load ({@link #chain}), with the cited
 * defaults of every part, and the optional overrides here.
 *
 * @param paths rack groups; the factory's systems are spread over them in contiguous blocks
 * @param ups the UPS stage: a redundancy design (N, N+1, 2N, 4N/3 ...) or a written-out structure
 * @param upsModuleWatts capacity of one UPS module
 * @param generators the generator plant, a design or a written-out k-of-n; empty: no generators
 * @param generatorUnitWatts capacity of one generator (net of cooling load)
 * @param dualCorded racks fed by two cords (A/B)
 * @param facilityRecovery time from power's return to racks usable again (re-energise, checks)
 * @param utility the utility feed
 * @param commonCause β-factors
 * @param repairCrews who repairs the chain
 * @param batteryAutonomy UPS battery runtime at full load; empty: the UPS default
 */
public record PowerSystemSpec(
    int paths,
    StageLayout ups,
    double upsModuleWatts,
    Optional<StageLayout> generators,
    double generatorUnitWatts,
    boolean dualCorded,
    Duration facilityRecovery,
    UtilitySpec utility,
    CommonCauseSpec commonCause,
    RepairCrewSpec repairCrews,
    Optional<Duration> batteryAutonomy) {

  /** Both stages sized from the load by redundancy designs. */
  public PowerSystemSpec(
      int paths,
      RedundancyDesign upsDesign,
      double upsModuleWatts,
      Optional<RedundancyDesign> generatorDesign,
      double generatorUnitWatts,
      boolean dualCorded,
      Duration facilityRecovery,
      UtilitySpec utility,
      CommonCauseSpec commonCause,
      RepairCrewSpec repairCrews,
      Optional<Duration> batteryAutonomy) {
    this(
        paths,
        new StageLayout.Sized(upsDesign),
        upsModuleWatts,
        generatorDesign.<StageLayout>map(StageLayout.Sized::new),
        generatorUnitWatts,
        dualCorded,
        facilityRecovery,
        utility,
        commonCause,
        repairCrews,
        batteryAutonomy);
  }

  /*
   * Facility recovery after a loss of power: no published figure in docs/sources.md. ASSUMPTION: 30 min
   * to re-energise racks, run health checks and hand nodes back to the scheduler.
   */
  public static final Duration DEFAULT_FACILITY_RECOVERY = Duration.ofMinutes(30);

  /** Most rack groups: each has its PDUs simulated; a hall has tens. */
  public static final int MAX_PATHS = 10_000;

  /**
   * Largest UPS module or generator: 1 GW, hundreds of times the largest built (a few MW). With at
   * most {@link StageStructure#MAX_UNITS} units, it keeps every capacity and battery energy finite
   * (1e308 W modules made the installed capacity infinite).
   */
  public static final double MAX_UNIT_WATTS = 1e9;

  public PowerSystemSpec {
    if (paths < 1 || paths > MAX_PATHS) {
      throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS);
    }
    Objects.requireNonNull(ups, "ups");
    if (!(upsModuleWatts > 0) || !(upsModuleWatts <= MAX_UNIT_WATTS)) {
      throw new IllegalArgumentException("ups module capacity must be > 0 and at most 1 GW");
    }
    Objects.requireNonNull(generators, "generators");
    if (generators.isPresent()
        && (!(generatorUnitWatts > 0) || !(generatorUnitWatts <= MAX_UNIT_WATTS))) {
      throw new IllegalArgumentException("generator unit capacity must be > 0 and at most 1 GW");
    }
    Objects.requireNonNull(facilityRecovery, "facilityRecovery");
    if (facilityRecovery.isNegative()) {
      throw new IllegalArgumentException("facility recovery must be >= 0");
    }
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(commonCause, "commonCause");
    Objects.requireNonNull(repairCrews, "repairCrews");
    Objects.requireNonNull(batteryAutonomy, "batteryAutonomy");
  }

  /**
   * The chain sized for the racks' design IT load per path ({@link ChainSizing}).
   *
   * @throws IllegalArgumentException if it cannot be sized ({@link #sizingProblems})
   */
  public PowerChainSpec chain(double[] pathItWatts) {
    return ChainSizing.chain(this, pathItWatts);
  }

  /**
   * Why the chain cannot be sized for these path loads (too many units for the load, a load out of
   * range), with scenario field paths ({@code power.ups.module}); empty if it can.
   */
  public List<SpecProblem> sizingProblems(double[] pathItWatts) {
    return ChainSizing.problems(this, pathItWatts);
  }
}
