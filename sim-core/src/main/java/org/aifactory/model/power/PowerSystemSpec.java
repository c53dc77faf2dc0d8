package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The factory's electrical chain as a planner describes it: how many rack groups (paths, one PDU or
 * A/B pair each), the redundancy designs of the UPS and generator stages with their unit sizes, and
 * the recovery after power returns. The chain itself ({@link PowerChainSpec}) is sized from the
 * racks' design IT load when the factory is built, with the cited defaults of every part, and the
 * optional overrides here.
 *
 * @param paths rack groups; the factory's systems are spread over them in contiguous blocks
 * @param upsDesign UPS redundancy design (N, N+1, 2N, 4N/3 ...)
 * @param upsModuleWatts capacity of one UPS module
 * @param generatorDesign generator redundancy design; empty: no generators
 * @param generatorUnitWatts capacity of one generator (net of cooling load)
 * @param dualCorded racks fed by two cords (A/B)
 * @param facilityRecovery time from power's return to racks usable again (re-energise, checks)
 * @param utility the utility feed
 * @param commonCause β-factors
 * @param repairCrews who repairs the chain
 * @param batteryAutonomy UPS battery runtime at full load; empty: the UPS default
 * @param upsStructure the UPS stage written out (systems, modules per system, modules needed per
 *     system, systems needed); empty: from {@code upsDesign} and the load
 * @param generatorStructure the generator plant written out (units, units needed as a k-of-n);
 *     empty: from {@code generatorDesign} and the load
 */
public record PowerSystemSpec(
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
    Optional<Duration> batteryAutonomy,
    Optional<StageStructure> upsStructure,
    Optional<StageStructure> generatorStructure) {

  /** Stages sized from the designs and the load. */
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
        upsDesign,
        upsModuleWatts,
        generatorDesign,
        generatorUnitWatts,
        dualCorded,
        facilityRecovery,
        utility,
        commonCause,
        repairCrews,
        batteryAutonomy,
        Optional.empty(),
        Optional.empty());
  }

  /*
   * Facility recovery after a loss of power: no published figure in ANCHORS.md. ASSUMPTION: 30 min
   * to re-energise racks, run health checks and hand nodes back to the scheduler.
   */
  public static final Duration DEFAULT_FACILITY_RECOVERY = Duration.ofMinutes(30);

  public PowerSystemSpec {
    if (paths < 1) {
      throw new IllegalArgumentException("paths must be >= 1");
    }
    Objects.requireNonNull(upsDesign, "upsDesign");
    if (!(upsModuleWatts > 0) || !Double.isFinite(upsModuleWatts)) {
      throw new IllegalArgumentException("ups module capacity must be positive");
    }
    Objects.requireNonNull(generatorDesign, "generatorDesign");
    if (generatorDesign.isPresent()
        && (!(generatorUnitWatts > 0) || !Double.isFinite(generatorUnitWatts))) {
      throw new IllegalArgumentException("generator unit capacity must be positive");
    }
    Objects.requireNonNull(facilityRecovery, "facilityRecovery");
    if (facilityRecovery.isNegative()) {
      throw new IllegalArgumentException("facility recovery must be >= 0");
    }
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(commonCause, "commonCause");
    Objects.requireNonNull(repairCrews, "repairCrews");
    Objects.requireNonNull(batteryAutonomy, "batteryAutonomy");
    Objects.requireNonNull(upsStructure, "upsStructure");
    Objects.requireNonNull(generatorStructure, "generatorStructure");
    if (generatorStructure.isPresent() && generatorDesign.isEmpty()) {
      throw new IllegalArgumentException("a generator structure needs generators");
    }
  }

  /** Capacity check of a written-out stage: the needed units must carry the design load. */
  public static boolean carries(StageStructure s, double unitWatts, double loadWatts) {
    return (double) s.systemsNeeded() * s.unitsNeededPerSystem() * unitWatts >= loadWatts;
  }

  /** The chain sized for the racks' design IT load per path. */
  public PowerChainSpec chain(double[] pathItWatts) {
    PowerChainSpec sized =
        PowerChainSpec.sized(
            pathItWatts,
            upsDesign,
            upsModuleWatts,
            generatorDesign.orElse(RedundancyDesign.N),
            generatorDesign.isPresent() ? generatorUnitWatts : 1,
            dualCorded);
    UpsSpec ups = upsStructure.map(s -> sized.ups().withStructure(s)).orElse(sized.ups());
    if (batteryAutonomy.isPresent()) {
      ups =
          new UpsSpec(
              ups.structure(),
              ups.moduleCapacityWatts(),
              batteryAutonomy.get(),
              ups.rechargeTime(),
              ups.efficiency(),
              ups.staticBypass(),
              ups.moduleTimeToFailure(),
              ups.moduleRepair());
    }
    return new PowerChainSpec(
        utility,
        generatorDesign.isPresent()
            ? sized
                .generators()
                .map(
                    g ->
                        generatorStructure
                            .map(s -> g.withUnits(s.unitsPerSystem(), s.unitsNeededPerSystem()))
                            .orElse(g))
            : Optional.empty(),
        ups,
        sized.distribution(),
        commonCause,
        repairCrews);
  }
}
