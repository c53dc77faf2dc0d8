package org.aifactory.model.power;

import java.util.List;
import java.util.Optional;
import org.aifactory.model.ProblemNumbers;
import org.aifactory.model.SpecProblem;

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

  /**
   * How a stage is named in the problems found while sizing it.
   *
   * @param units what its units are, e.g. "UPS modules"
   * @param unitWord the word for its units when their size is given: "modules"
   * @param load what its load is, after the power: "[11.2 MW] the UPS stage delivers at full load"
   */
  private record Stage(
      String units, String unitWord, String unitKey, String designKey, String load) {}

  private static final Stage UPS =
      new Stage(
          "UPS modules",
          "modules",
          "power.ups.module",
          "power.ups.design",
          "the UPS stage delivers at full load");

  private static final Stage GENERATORS =
      new Stage(
          "generators",
          "units",
          "power.generators.unit",
          "power.generators.design",
          "the chain draws at full load");

  /** See {@link PowerSystemSpec#sizingProblems}. */
  static List<SpecProblem> problems(PowerSystemSpec spec, double[] pathItWatts) {
    DistributionSpec distribution = DistributionSpec.defaults(spec.dualCorded());
    double itWatts = total(pathItWatts); // finite: so is every path's (all >= 0)
    double upsOutput =
        Double.isFinite(itWatts)
            ? ConversionLosses.upsOutputWatts(distribution, pathItWatts, itWatts)
            : itWatts;
    if (!Double.isFinite(upsOutput)) {
      return List.of(
          new SpecProblem(
              "power",
              "the racks' design IT load, "
                  + watts(itWatts)
                  + ", is too large to size an electrical chain for"));
    }
    Optional<SpecProblem> ups = problem(spec.ups(), upsOutput, spec.upsModuleWatts(), UPS);
    if (ups.isPresent() || spec.generators().isEmpty()) {
      return ups.stream().toList(); // the generators are sized with the UPS stage's losses
    }
    UpsSpec upsStage = ups(spec, upsOutput);
    double input = input(spec, distribution, upsStage, pathItWatts, itWatts);
    return problem(spec.generators().get(), input, spec.generatorUnitWatts(), GENERATORS).stream()
        .toList();
  }

  /**
   * Why a stage cannot be sized for {@code loadWatts} in units of {@code unitWatts}: the load needs
   * more units than a stage may have, or the design multiplies them beyond it. A written-out stage
   * does not depend on the load (and is bounded when written).
   */
  private static Optional<SpecProblem> problem(
      StageLayout layout, double loadWatts, double unitWatts, Stage stage) {
    if (!(layout instanceof StageLayout.Sized sized)) {
      return Optional.empty();
    }
    double n = RedundancyDesign.unitsForLoad(loadWatts, unitWatts);
    String most = "; at most " + count(StageStructure.MAX_UNITS) + " are supported";
    if (n > StageStructure.MAX_UNITS) {
      return Optional.of(
          new SpecProblem(
              stage.unitKey(),
              watts(unitWatts)
                  + " would need "
                  + count(n)
                  + " "
                  + stage.units()
                  + " for the "
                  + watts(loadWatts)
                  + " "
                  + stage.load()
                  + most));
    }
    long installed = sized.design().installedUnits((int) n);
    if (installed > StageStructure.MAX_UNITS) {
      return Optional.of(
          new SpecProblem(
              stage.designKey(),
              sized.design().name()
                  + " for N = "
                  + count(n)
                  + " ("
                  + stage.unitWord()
                  + " of "
                  + watts(unitWatts)
                  + " for the "
                  + watts(loadWatts)
                  + " "
                  + stage.load()
                  + ") installs "
                  + count(installed)
                  + " "
                  + stage.units()
                  + most));
    }
    return Optional.empty();
  }

  static PowerChainSpec chain(PowerSystemSpec spec, double[] pathItWatts) {
    List<SpecProblem> problems = problems(spec, pathItWatts);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).toString());
    }
    DistributionSpec distribution = DistributionSpec.defaults(spec.dualCorded());
    double itWatts = total(pathItWatts);
    double upsOutput = ConversionLosses.upsOutputWatts(distribution, pathItWatts, itWatts);
    UpsSpec ups = ups(spec, upsOutput);
    if (spec.generators().isEmpty()) {
      return new PowerChainSpec(
          spec.utility(),
          Optional.empty(),
          ups,
          distribution,
          spec.commonCause(),
          spec.repairCrews());
    }
    double input = input(spec, distribution, ups, pathItWatts, itWatts);
    StageLayout plant = spec.generators().get();
    double unitWatts = spec.generatorUnitWatts();
    // One paralleling bus: any layout is k-of-n over all its units (2N: 2N units, N needed).
    GeneratorPlantSpec generators =
        GeneratorPlantSpec.defaults(
            plant.structureFor(input, unitWatts).totalUnits(), plant.unitsNeeded(input, unitWatts));
    return new PowerChainSpec(
        spec.utility(),
        Optional.of(generators),
        ups,
        distribution,
        spec.commonCause(),
        spec.repairCrews());
  }

  /**
   * What the generators carry at full load: the UPS stage's output plus its own losses, which
   * depend on its installed modules (of a written-out stage too).
   */
  private static double input(
      PowerSystemSpec spec,
      DistributionSpec distribution,
      UpsSpec ups,
      double[] pathItWatts,
      double itWatts) {
    PowerChainSpec withoutGenerators =
        new PowerChainSpec(
            spec.utility(),
            Optional.empty(),
            ups,
            distribution,
            spec.commonCause(),
            spec.repairCrews());
    return ConversionLosses.of(withoutGenerators, pathItWatts).inputWatts(itWatts);
  }

  private static double total(double[] pathItWatts) {
    double itWatts = 0;
    for (double w : pathItWatts) {
      itWatts += w;
    }
    return itWatts;
  }

  private static String watts(double w) {
    return ProblemNumbers.watts(w);
  }

  private static String count(double n) {
    return ProblemNumbers.count(n);
  }

  /** The UPS stage delivering {@code outputWatts} at full load, with the cited defaults. */
  private static UpsSpec ups(PowerSystemSpec spec, double outputWatts) {
    double moduleWatts = spec.upsModuleWatts();
    UpsSpec ups = UpsSpec.defaults(spec.ups().structureFor(outputWatts, moduleWatts), moduleWatts);
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
