package org.aifactory.model.power;

import java.util.Objects;
import java.util.Optional;

/**
 * The whole electrical chain: utility → generators (standby, on one bus with the utility) → UPS
 * systems → PDUs → rack groups (paths). The IT load of each path is given when the chain is built
 * ({@link PowerChain}), so one spec serves any number of paths.
 *
 * @param utility the utility feed
 * @param generators the standby plant; empty: none (UPS batteries are the only ride-through)
 * @param ups the UPS stage
 * @param distribution PDUs, cords, conductors
 * @param commonCause β-factors per component group
 * @param repairCrews who repairs
 */
public record PowerChainSpec(
    UtilitySpec utility,
    Optional<GeneratorPlantSpec> generators,
    UpsSpec ups,
    DistributionSpec distribution,
    CommonCauseSpec commonCause,
    RepairCrewSpec repairCrews) {

  public PowerChainSpec {
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(generators, "generators");
    Objects.requireNonNull(ups, "ups");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(commonCause, "commonCause");
    Objects.requireNonNull(repairCrews, "repairCrews");
  }

  /**
   * A chain with the cited defaults everywhere, sized for the given path loads by two redundancy
   * designs: N UPS modules = ⌈UPS output at full load / module capacity⌉ (the UPS output includes
   * PDU and conductor losses), N generators = ⌈UPS input at full load / unit capacity⌉ (the cooling
   * load is not included: give the units' capacity net of it). EIA utility, typical β, one repair
   * crew per unit.
   */
  public static PowerChainSpec sized(
      double[] pathItWatts,
      RedundancyDesign upsDesign,
      double upsModuleWatts,
      RedundancyDesign generatorDesign,
      double generatorUnitWatts,
      boolean dualCorded) {
    DistributionSpec distribution = DistributionSpec.defaults(dualCorded);
    double itWatts = 0;
    for (double w : pathItWatts) {
      itWatts += w;
    }
    double upsOut = ConversionLosses.upsOutputWatts(distribution, pathItWatts, itWatts);
    StageStructure upsStructure =
        upsDesign.structure(RedundancyDesign.unitsFor(upsOut, upsModuleWatts));
    UpsSpec ups = UpsSpec.defaults(upsStructure, upsModuleWatts);
    PowerChainSpec provisional =
        new PowerChainSpec(
            UtilitySpec.eiaDefaults(),
            Optional.empty(),
            ups,
            distribution,
            CommonCauseSpec.typical(),
            RepairCrewSpec.perUnit());
    double input = ConversionLosses.of(provisional, pathItWatts).inputWatts(itWatts);
    GeneratorPlantSpec generators =
        GeneratorPlantSpec.defaults(
            generatorDesign, RedundancyDesign.unitsFor(input, generatorUnitWatts));
    return new PowerChainSpec(
        provisional.utility(),
        Optional.of(generators),
        ups,
        distribution,
        provisional.commonCause(),
        provisional.repairCrews());
  }

  /** The same chain with other β-factors. */
  public PowerChainSpec withCommonCause(CommonCauseSpec newCommonCause) {
    return new PowerChainSpec(utility, generators, ups, distribution, newCommonCause, repairCrews);
  }

  /** The same chain with other repair crews. */
  public PowerChainSpec withRepairCrews(RepairCrewSpec newCrews) {
    return new PowerChainSpec(utility, generators, ups, distribution, commonCause, newCrews);
  }
}
