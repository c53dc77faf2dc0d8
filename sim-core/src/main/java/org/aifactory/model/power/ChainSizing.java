package org.aifactory.model.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.ProblemNumbers;
import org.aifactory.model.SpecProblem;

/**
 * Sizes a {@link PowerSystemSpec}'s chain for the racks' design IT load: the UPS stage needs N =
 * ⌈UPS output at full load / module capacity⌉ modules (the output includes the PDU and conductor
 * losses), the generator plant N = ⌈(chain input at full load + the cooling plant's peak draw, when
 * the facility has a cooling plant) / unit capacity⌉ units (with a fixed PUE the units' capacity is
 * net of the cooling load); each stage's {@link StageLayout} says how many are installed and how
 * they are grouped. Pure functions of the spec and the load, kept on the spec side so that a
 * scenario can be checked without building a run.
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
  static List<SpecProblem> problems(
      PowerSystemSpec spec, double[] pathItWatts, double otherGeneratorWatts) {
    DistributionSpec distribution = spec.distribution();
    double itWatts = total(pathItWatts); // finite: so is every path's (all >= 0)
    double upsOutput =
        Double.isFinite(itWatts)
            ? ConversionLosses.upsOutputWatts(distribution, pathItWatts, itWatts)
            : itWatts;
    if (!Double.isFinite(upsOutput)) {
      return List.of(
          new SpecProblem(
              Double.isFinite(itWatts) ? "power.distribution" : "power",
              "the racks' design IT load, "
                  + watts(itWatts)
                  + (Double.isFinite(itWatts)
                      ? ", with its conductor losses is too large to size an electrical chain for"
                      : ", is too large to size an electrical chain for")));
    }
    Optional<SpecProblem> ups = problem(spec.ups(), upsOutput, spec.upsModuleWatts(), UPS);
    if (ups.isPresent()) {
      return List.of(ups.get());
    }
    List<SpecProblem> problems = new ArrayList<>();
    int systems = spec.ups().structureFor(upsOutput, spec.upsModuleWatts()).systems();
    if (spec.sources() == SourceLayout.PER_SIDE && systems < 2) {
      problems.add(
          new SpecProblem(
              "power.sources",
              "sources per side need at least 2 UPS systems, one per side, but the UPS stage ("
                  + spec.ups().name()
                  + ") has 1: use a design with two or more systems, such as 2N, 2(N+1) or 4N/3"));
    }
    if (spec.generatorStage().isPresent()) {
      // The generators are sized with the UPS stage's losses.
      UpsSpec upsStage = spec.upsStage().forOutput(upsOutput);
      double load = generatorLoad(spec, upsStage, pathItWatts, itWatts, otherGeneratorWatts);
      problem(spec.generatorStage().get().layout(), load, spec.generatorUnitWatts(), GENERATORS)
          .ifPresent(problems::add);
    }
    if (problems.isEmpty() && !spec.maintenance().isEmpty()) {
      maintenanceProblems(build(spec, pathItWatts, otherGeneratorWatts), pathItWatts.length)
          .forEach(problems::add);
    }
    return problems;
  }

  /** Kinds whose units, one after another, take longer than the interval between two rounds. */
  private static List<SpecProblem> maintenanceProblems(PowerChainSpec chain, int paths) {
    List<SpecProblem> problems = new ArrayList<>();
    int[] units = chain.maintainedUnits(paths);
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      Optional<MaintenancePlan> plan = chain.maintenance().plan(kind);
      int n = units[kind.ordinal()];
      if (plan.isPresent() && !plan.get().fits(n)) {
        problems.add(
            new SpecProblem(
                "power.maintenance." + kind.key(),
                count(n)
                    + " units maintained one after another for "
                    + hours(plan.get().duration())
                    + " each take "
                    + hours(plan.get().round(n))
                    + ", longer than the interval of "
                    + hours(plan.get().interval())
                    + ": lengthen the interval or shorten the duration"));
      }
    }
    return problems;
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

  static PowerChainSpec chain(
      PowerSystemSpec spec, double[] pathItWatts, double otherGeneratorWatts) {
    List<SpecProblem> problems = problems(spec, pathItWatts, otherGeneratorWatts);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).toString());
    }
    return build(spec, pathItWatts, otherGeneratorWatts);
  }

  /** The chain, once {@link #problems} found none in the stages. */
  private static PowerChainSpec build(
      PowerSystemSpec spec, double[] pathItWatts, double otherGeneratorWatts) {
    DistributionSpec distribution = spec.distribution();
    double itWatts = total(pathItWatts);
    double upsOutput = ConversionLosses.upsOutputWatts(distribution, pathItWatts, itWatts);
    UpsSpec ups = spec.upsStage().forOutput(upsOutput);
    // One paralleling bus per plant: any layout is k-of-n over all its units (2N: 2N units, N
    // needed); with a plant per side, each is sized for the whole load.
    Optional<GeneratorPlantSpec> generators =
        spec.generatorStage()
            .map(
                g ->
                    g.forLoad(generatorLoad(spec, ups, pathItWatts, itWatts, otherGeneratorWatts)));
    return new PowerChainSpec(
        spec.utility(),
        generators,
        ups,
        distribution,
        spec.commonCause(),
        spec.repairCrews(),
        spec.sources(),
        spec.components(),
        spec.maintenance());
  }

  /**
   * What the generators carry at full load: the UPS stage's output plus its own losses, which
   * depend on its installed modules (of a written-out stage too), and the other loads on their bus
   * (the cooling plant at its peak).
   */
  private static double generatorLoad(
      PowerSystemSpec spec,
      UpsSpec ups,
      double[] pathItWatts,
      double itWatts,
      double otherGeneratorWatts) {
    PowerChainSpec withoutGenerators =
        new PowerChainSpec(
            spec.utility(),
            Optional.empty(),
            ups,
            spec.distribution(),
            spec.commonCause(),
            spec.repairCrews());
    double input = ConversionLosses.of(withoutGenerators, pathItWatts).inputWatts(itWatts);
    return otherGeneratorWatts > 0 ? input + otherGeneratorWatts : input;
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

  private static String hours(java.time.Duration d) {
    return ProblemNumbers.significant(d.toNanos() / PowerTime.NANOS_PER_HOUR) + " h";
  }

  private static String count(double n) {
    return ProblemNumbers.count(n);
  }
}
