package org.aifactory.model.power;

import java.util.Objects;
import java.util.Optional;

/**
 * The whole electrical chain: utility feeds (each through its MV transformer and switchgear) →
 * transfer switch with the standby generators → UPS systems → (static transfer switches) → PDUs →
 * rack groups (paths). The IT load of each path is given when the chain is built ({@link
 * PowerChain}), so one spec serves any number of paths.
 *
 * @param utility the utility feeds
 * @param generators the standby plant, one per side; empty: none (UPS batteries are the only
 *     ride-through)
 * @param ups the UPS stage
 * @param distribution PDUs, cords, conductors
 * @param commonCause β-factors per component group
 * @param repairCrews who repairs
 * @param sources one input bus for every UPS system, or one per side
 * @param components transformers, switchgear, ATS and STS: failing, or ideal
 * @param maintenance the planned maintenance of each kind of unit
 */
public record PowerChainSpec(
    UtilitySpec utility,
    Optional<GeneratorPlantSpec> generators,
    UpsSpec ups,
    DistributionSpec distribution,
    CommonCauseSpec commonCause,
    RepairCrewSpec repairCrews,
    SourceLayout sources,
    ChainComponents components,
    PlannedMaintenance maintenance) {

  public PowerChainSpec {
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(generators, "generators");
    Objects.requireNonNull(ups, "ups");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(commonCause, "commonCause");
    Objects.requireNonNull(repairCrews, "repairCrews");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(maintenance, "maintenance");
    if (sources == SourceLayout.PER_SIDE && ups.structure().systems() < 2) {
      throw new IllegalArgumentException(
          "sources per side need at least 2 UPS systems, got " + ups.structure().systems());
    }
  }

  /** No planned maintenance. */
  public PowerChainSpec(
      UtilitySpec utility,
      Optional<GeneratorPlantSpec> generators,
      UpsSpec ups,
      DistributionSpec distribution,
      CommonCauseSpec commonCause,
      RepairCrewSpec repairCrews,
      SourceLayout sources,
      ChainComponents components) {
    this(
        utility,
        generators,
        ups,
        distribution,
        commonCause,
        repairCrews,
        sources,
        components,
        PlannedMaintenance.none());
  }

  /** One shared input bus, every added component ideal: the chain as it was first built. */
  public PowerChainSpec(
      UtilitySpec utility,
      Optional<GeneratorPlantSpec> generators,
      UpsSpec ups,
      DistributionSpec distribution,
      CommonCauseSpec commonCause,
      RepairCrewSpec repairCrews) {
    this(
        utility,
        generators,
        ups,
        distribution,
        commonCause,
        repairCrews,
        SourceLayout.SHARED,
        ChainComponents.none());
  }

  /**
   * A chain with the cited defaults everywhere, sized for the given path loads by two redundancy
   * designs ({@link ChainSizing}): EIA utility, typical β, one repair crew per unit.
   */
  public static PowerChainSpec sized(
      double[] pathItWatts,
      RedundancyDesign upsDesign,
      double upsModuleWatts,
      RedundancyDesign generatorDesign,
      double generatorUnitWatts,
      boolean dualCorded) {
    return new PowerSystemSpec(
            pathItWatts.length,
            upsDesign,
            upsModuleWatts,
            Optional.of(generatorDesign),
            generatorUnitWatts,
            dualCorded,
            PowerSystemSpec.DEFAULT_FACILITY_RECOVERY,
            UtilitySpec.eiaDefaults(),
            CommonCauseSpec.typical(),
            RepairCrewSpec.perUnit(),
            Optional.empty())
        .chain(pathItWatts);
  }

  /** The same chain with other β-factors. */
  public PowerChainSpec withCommonCause(CommonCauseSpec newCommonCause) {
    return new PowerChainSpec(
        utility,
        generators,
        ups,
        distribution,
        newCommonCause,
        repairCrews,
        sources,
        components,
        maintenance);
  }

  /** The same chain with other repair crews. */
  public PowerChainSpec withRepairCrews(RepairCrewSpec newCrews) {
    return new PowerChainSpec(
        utility,
        generators,
        ups,
        distribution,
        commonCause,
        newCrews,
        sources,
        components,
        maintenance);
  }

  /** The same chain with another utility. */
  public PowerChainSpec withUtility(UtilitySpec newUtility) {
    return new PowerChainSpec(
        newUtility,
        generators,
        ups,
        distribution,
        commonCause,
        repairCrews,
        sources,
        components,
        maintenance);
  }

  /** The same chain with other planned maintenance. */
  public PowerChainSpec withMaintenance(PlannedMaintenance newMaintenance) {
    return new PowerChainSpec(
        utility,
        generators,
        ups,
        distribution,
        commonCause,
        repairCrews,
        sources,
        components,
        newMaintenance);
  }

  /**
   * Units of each maintained kind (indexed by {@link MaintainedComponent#ordinal()}) with {@code
   * paths} rack groups: transformers and switchgear per feed, an ATS per bus, generators of every
   * plant, UPS modules, a battery string per UPS system, STS, PDUs.
   */
  public int[] maintainedUnits(int paths) {
    int[] n = new int[MaintainedComponent.values().length];
    n[MaintainedComponent.TRANSFORMERS.ordinal()] = utility.feeds();
    n[MaintainedComponent.SWITCHGEAR.ordinal()] = utility.feeds();
    n[MaintainedComponent.ATS.ordinal()] = sources.sides();
    n[MaintainedComponent.GENERATORS.ordinal()] =
        generators.map(GeneratorPlantSpec::units).orElse(0) * generatorPlants();
    n[MaintainedComponent.UPS.ordinal()] = ups.structure().totalUnits();
    n[MaintainedComponent.BATTERIES.ordinal()] = ups.structure().systems();
    n[MaintainedComponent.STS.ordinal()] = staticTransferSwitchCount(paths);
    n[MaintainedComponent.PDUS.ordinal()] = paths * distribution.cordsPerPath();
    return n;
  }

  /** Generator plants: one per side, none without generators. */
  public int generatorPlants() {
    return generators.isPresent() ? sources.sides() : 0;
  }

  /** Static transfer switches: one per single-corded path fed by two UPS systems, else none. */
  public int staticTransferSwitches(int paths) {
    return components.staticTransferSwitches().isPresent()
            || maintenance.plan(MaintainedComponent.STS).isPresent()
        ? staticTransferSwitchCount(paths)
        : 0;
  }

  /** Rack groups behind a static transfer switch: single-corded, fed by two UPS systems. */
  private int staticTransferSwitchCount(int paths) {
    return !distribution.dualCorded() && ups.structure().systems() > 1 ? paths : 0;
  }
}
