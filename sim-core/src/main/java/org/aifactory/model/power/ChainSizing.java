package org.aifactory.model.power;

import java.util.Optional;

/**
 * Sizes a {@link PowerSystemSpec}'s chain for the racks' design IT load: the UPS stage needs N =
 * ⌈UPS output at full load / module capacity⌉ modules (the output includes the PDU and conductor
 * losses), the generator plant N = ⌈chain input at full load / unit capacity⌉ units (the cooling
 * load is not included: the units' capacity is net of it); each stage's {@link StageLayout} says
 * how many are installed and how they are grouped. Pure functions of the spec and the load, kept on
 * the spec side so that a scenario can be checked without building a run.
 */
final class ChainSizing {
  private ChainSizing() {}

  static PowerChainSpec chain(PowerSystemSpec spec, double[] pathItWatts) {
    DistributionSpec distribution = DistributionSpec.defaults(spec.dualCorded());
    double itWatts = 0;
    for (double w : pathItWatts) {
      itWatts += w;
    }
    double upsOutput = ConversionLosses.upsOutputWatts(distribution, pathItWatts, itWatts);
    UpsSpec ups = ups(spec, RedundancyDesign.unitsFor(upsOutput, spec.upsModuleWatts()));
    PowerChainSpec withoutGenerators =
        new PowerChainSpec(
            spec.utility(),
            Optional.empty(),
            ups,
            distribution,
            spec.commonCause(),
            spec.repairCrews());
    if (spec.generators().isEmpty()) {
      return withoutGenerators;
    }
    // The generators carry what the UPS stage draws: its output plus its own losses, which
    // depend on the installed modules (of a written-out stage too).
    double input = ConversionLosses.of(withoutGenerators, pathItWatts).inputWatts(itWatts);
    int unitsForLoad = RedundancyDesign.unitsFor(input, spec.generatorUnitWatts());
    StageLayout plant = spec.generators().get();
    // One paralleling bus: any layout is k-of-n over all its units (2N: 2N units, N needed).
    GeneratorPlantSpec generators =
        GeneratorPlantSpec.defaults(
            plant.structureFor(unitsForLoad).totalUnits(), plant.unitsNeeded(unitsForLoad));
    return new PowerChainSpec(
        spec.utility(),
        Optional.of(generators),
        ups,
        distribution,
        spec.commonCause(),
        spec.repairCrews());
  }

  /** The UPS stage for a load needing {@code unitsForLoad} modules, with the cited defaults. */
  private static UpsSpec ups(PowerSystemSpec spec, int unitsForLoad) {
    UpsSpec ups = UpsSpec.defaults(spec.ups().structureFor(unitsForLoad), spec.upsModuleWatts());
    if (spec.batteryAutonomy().isEmpty()) {
      return ups;
    }
    return new UpsSpec(
        ups.structure(),
        ups.moduleCapacityWatts(),
        spec.batteryAutonomy().get(),
        ups.rechargeTime(),
        ups.efficiency(),
        ups.staticBypass(),
        ups.moduleTimeToFailure(),
        ups.moduleRepair());
  }
}
