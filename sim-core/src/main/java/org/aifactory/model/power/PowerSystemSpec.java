package org.aifactory.model.power;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.SpecProblem;

/**
 * The factory's electrical chain as a planner describes it: how many rack groups (paths, one PDU or
 * A/B pair each), the UPS stage and the generator plant (by redundancy designs, or written out)
 * with their units and how those fail, the distribution, the utility feeds and how the sources
 * reach the UPS systems, the components a Tier III/IV design adds, and the recovery after power
 * returns. The chain itself ({@link PowerChainSpec}) is sized from the racks' design IT load
 * ({@link #chain}).
 *
 * @param paths rack groups; the factory's systems are spread over them in contiguous blocks
 * @param upsStage the UPS stage, before sizing
 * @param generatorStage the generator plant (one per side with {@link SourceLayout#PER_SIDE}),
 *     before sizing; empty: no generators
 * @param distribution PDUs, cords, conductors
 * @param utility the utility feeds
 * @param sources one shared input bus, or a transfer switch and generator plant per side
 * @param components transformers, switchgear, ATS, STS: failing, or ideal
 * @param commonCause β-factors
 * @param repairCrews who repairs the chain
 * @param facilityRecovery time from power's return to racks usable again (re-energise, checks)
 * @param maintenance the planned maintenance of each kind of unit
 */
public record PowerSystemSpec(
    int paths,
    UpsStageSpec upsStage,
    Optional<GeneratorStageSpec> generatorStage,
    DistributionSpec distribution,
    UtilitySpec utility,
    SourceLayout sources,
    ChainComponents components,
    CommonCauseSpec commonCause,
    RepairCrewSpec repairCrews,
    Duration facilityRecovery,
    PlannedMaintenance maintenance) {

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
    Objects.requireNonNull(upsStage, "upsStage");
    Objects.requireNonNull(generatorStage, "generatorStage");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(commonCause, "commonCause");
    Objects.requireNonNull(repairCrews, "repairCrews");
    Objects.requireNonNull(facilityRecovery, "facilityRecovery");
    Objects.requireNonNull(maintenance, "maintenance");
    if (facilityRecovery.isNegative()) {
      throw new IllegalArgumentException("facility recovery must be >= 0");
    }
  }

  /** No planned maintenance. */
  public PowerSystemSpec(
      int paths,
      UpsStageSpec upsStage,
      Optional<GeneratorStageSpec> generatorStage,
      DistributionSpec distribution,
      UtilitySpec utility,
      SourceLayout sources,
      ChainComponents components,
      CommonCauseSpec commonCause,
      RepairCrewSpec repairCrews,
      Duration facilityRecovery) {
    this(
        paths,
        upsStage,
        generatorStage,
        distribution,
        utility,
        sources,
        components,
        commonCause,
        repairCrews,
        facilityRecovery,
        PlannedMaintenance.none());
  }

  /**
   * The two stages by layout and unit size, every other part of them, the distribution and the
   * added components at their cited defaults; one shared input bus.
   *
   * @param batteryAutonomy UPS battery runtime at full load; empty: the UPS default
   */
  public PowerSystemSpec(
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
    this(
        paths,
        batteryAutonomy
            .map(a -> UpsStageSpec.defaults(ups, upsModuleWatts).withBatteryAutonomy(a))
            .orElseGet(() -> UpsStageSpec.defaults(ups, upsModuleWatts)),
        generators.map(g -> GeneratorStageSpec.defaults(g, generatorUnitWatts)),
        DistributionSpec.defaults(dualCorded),
        utility,
        SourceLayout.SHARED,
        ChainComponents.none(),
        commonCause,
        repairCrews,
        facilityRecovery);
  }

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

  /** The UPS stage's layout: a redundancy design or a written-out structure. */
  public StageLayout ups() {
    return upsStage.layout();
  }

  /** Capacity of one UPS module. */
  public double upsModuleWatts() {
    return upsStage.moduleWatts();
  }

  /** UPS battery runtime at full load. */
  public Optional<Duration> batteryAutonomy() {
    return Optional.of(upsStage.batteryAutonomy());
  }

  /** The generator plant's layout; empty: no generators. */
  public Optional<StageLayout> generators() {
    return generatorStage.map(GeneratorStageSpec::layout);
  }

  /** Capacity of one generator; 0 without generators. */
  public double generatorUnitWatts() {
    return generatorStage.map(GeneratorStageSpec::unitWatts).orElse(0.0);
  }

  /** Racks with A and B cords. */
  public boolean dualCorded() {
    return distribution.dualCorded();
  }

  /**
   * The chain sized for the racks' design IT load per path ({@link ChainSizing}), with generators
   * that carry nothing besides the chain.
   *
   * @throws IllegalArgumentException if it cannot be sized ({@link #sizingProblems})
   */
  public PowerChainSpec chain(double[] pathItWatts) {
    return chain(pathItWatts, 0);
  }

  /**
   * The chain sized for the racks' design IT load per path, with generators that also carry {@code
   * otherGeneratorWatts} at most (the cooling plant's peak draw).
   *
   * @throws IllegalArgumentException if it cannot be sized ({@link #sizingProblems})
   */
  public PowerChainSpec chain(double[] pathItWatts, double otherGeneratorWatts) {
    return ChainSizing.chain(this, pathItWatts, otherGeneratorWatts);
  }

  /**
   * Why the chain cannot be sized for these path loads (too many units for the load, a load out of
   * range), with scenario field paths ({@code power.ups.module}); empty if it can.
   */
  public List<SpecProblem> sizingProblems(double[] pathItWatts) {
    return sizingProblems(pathItWatts, 0);
  }

  /**
   * As {@link #sizingProblems(double[])}, the generators also carrying {@code otherGeneratorWatts}.
   */
  public List<SpecProblem> sizingProblems(double[] pathItWatts, double otherGeneratorWatts) {
    return ChainSizing.problems(this, pathItWatts, otherGeneratorWatts);
  }
}
