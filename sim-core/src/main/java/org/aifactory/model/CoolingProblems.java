package org.aifactory.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSizing;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.cooling.HeatRejectionSpec;
import org.aifactory.model.cooling.LoopSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;

/**
 * What does not fit together in a cooling plant and the clusters it cools, as pure functions of the
 * spec (the run-time plant is built elsewhere): a cluster whose heat goes to a loop the plant does
 * not have; a loop so warm that a GPU it cools would throttle at any load; and a stage that cannot
 * be sized for its share of the loop's design heat at the design outdoor conditions.
 */
final class CoolingProblems {
  private CoolingProblems() {}

  /** The loops, by the names the scenario language gives them. */
  private enum Loop {
    LIQUID("liquid"),
    AIR("air");

    final String key;

    Loop(String key) {
      this.key = key;
    }

    Optional<LoopSpec> of(CoolingSpec plant) {
      return this == LIQUID ? plant.liquid() : plant.air();
    }

    /** The loop that cools a cluster's GPUs: the cold plates' for liquid cooling, else the air. */
    static Loop coolingGpus(ClusterCoolingSpec cooling) {
      return cooling.type() == ClusterCoolingSpec.Type.LIQUID ? LIQUID : AIR;
    }
  }

  /**
   * @param racksKnown whether every cluster's system and GPU types are in the catalog (else only
   *     what does not need them is checked)
   */
  static List<SpecProblem> of(FactorySpec factory, boolean racksKnown) {
    List<SpecProblem> problems = new ArrayList<>();
    Optional<CoolingSpec> plant = factory.facility().cooling();
    for (int i = 0; i < factory.clusters().size(); i++) {
      ClusterSpec cluster = factory.clusters().get(i);
      if (cluster.cooling().isPresent()) {
        missingLoop(problems, i, cluster, cluster.cooling().get(), plant);
      }
    }
    if (plant.isEmpty() || !racksKnown || !problems.isEmpty()) {
      return problems;
    }
    throttling(problems, factory, plant.get());
    LoopLoads loads = LoopLoads.of(factory, plant.get());
    for (Loop loop : Loop.values()) {
      double heat = loop == Loop.LIQUID ? loads.liquidWatts() : loads.airWatts();
      loop.of(plant.get()).ifPresent(spec -> sizing(problems, loop, spec, heat));
    }
    return problems;
  }

  private static void missingLoop(
      List<SpecProblem> problems,
      int index,
      ClusterSpec cluster,
      ClusterCoolingSpec cooling,
      Optional<CoolingSpec> plant) {
    String at = "clusters[" + index + "].cooling";
    if (plant.isEmpty()) {
      problems.add(
          new SpecProblem(
              at,
              "cluster '"
                  + cluster.name()
                  + "' says how it is cooled, but the facility has no cooling plant"
                  + " (facility.cooling): with a fixed pue there are no loops to cool it"));
      return;
    }
    for (Loop loop : Loop.values()) {
      double share = loop == Loop.LIQUID ? cooling.toLiquid() : cooling.toAir();
      if (share > 0 && loop.of(plant.get()).isEmpty()) {
        problems.add(
            new SpecProblem(
                at,
                "cluster '"
                    + cluster.name()
                    + "' sends "
                    + percent(share)
                    + " of its heat to the "
                    + loop.key
                    + " loop, which the facility does not have (facility.cooling."
                    + loop.key
                    + ")"
                    + (loop == Loop.AIR && cooling.type() == ClusterCoolingSpec.Type.LIQUID
                        ? ": give liquid_fraction: 100 % or add an air loop"
                        : "")));
      }
    }
  }

  /** A loop whose supply is at or above the slowdown temperature of a GPU it cools. */
  private static void throttling(
      List<SpecProblem> problems, FactorySpec factory, CoolingSpec plant) {
    Set<String> reported = new HashSet<>();
    for (ClusterSpec cluster : factory.clusters()) {
      Loop loop = Loop.coolingGpus(plant.coolingOf(cluster.cooling()));
      Optional<LoopSpec> spec = loop.of(plant);
      String gpuName = factory.catalog().system(cluster.systemType()).orElseThrow().gpuType();
      GpuType gpu = factory.catalog().gpu(gpuName).orElseThrow();
      if (spec.isEmpty()
          || spec.get().supplyCelsius() < gpu.slowdownCelsius()
          || !reported.add(loop.key)) {
        continue;
      }
      problems.add(
          new SpecProblem(
              "facility.cooling." + loop.key + ".supply_temperature",
              "the supply temperature ("
                  + celsius(spec.get().supplyCelsius())
                  + ") is at or above the slowdown temperature of "
                  + gpu.name()
                  + " ("
                  + celsius(gpu.slowdownCelsius())
                  + "), the GPU of cluster '"
                  + cluster.name()
                  + "' that this loop cools: its GPUs would throttle at any load"));
    }
  }

  /** Each stage sized by a design must be able to carry its share at the design conditions. */
  private static void sizing(
      List<SpecProblem> problems, Loop loop, LoopSpec spec, double loopHeatWatts) {
    for (HeatRejectionSpec stage : spec.units()) {
      if (!(stage.layout() instanceof StageLayout.Sized sized)) {
        continue; // written out: used as written, whatever the load
      }
      Units units = Units.of(stage.kind());
      String at = "facility.cooling." + loop.key + "." + units.key();
      double unitWatts = CoolingSizing.designCapacityWatts(stage, spec);
      if (!(unitWatts > 0)) {
        double outdoor =
            stage.kind() == HeatRejectionSpec.Kind.DRY_COOLER
                ? spec.designDryBulbCelsius()
                : spec.designWetBulbCelsius();
        problems.add(
            new SpecProblem(
                at,
                units.name()
                    + " cannot be sized for the design "
                    + units.outdoor()
                    + " ("
                    + celsius(outdoor)
                    + "): at it they cannot hold the supply temperature ("
                    + celsius(spec.supplyCelsius())
                    + "), since they cool the loop only toward the "
                    + units.outdoor()
                    + "; raise supply_temperature, lower design_"
                    + units.outdoorKey()
                    + " (chillers trim the hotter hours), or write the stage out (structure)"));
        continue;
      }
      double load = stage.sizedForFraction() * loopHeatWatts;
      double n = RedundancyDesign.unitsForLoad(load, unitWatts);
      String most = "; at most " + count(StageStructure.MAX_UNITS) + " are supported";
      if (n > StageStructure.MAX_UNITS) {
        problems.add(
            new SpecProblem(
                at + ".unit",
                units.name()
                    + " of "
                    + watts(stage.unitCapacityWatts())
                    + " carry "
                    + watts(unitWatts)
                    + " each at the design conditions, so the "
                    + watts(load)
                    + " they are sized for ("
                    + percent(stage.sizedForFraction())
                    + " of the "
                    + loop.key
                    + " loop's design heat) would need "
                    + count(n)
                    + " of them"
                    + most));
        continue;
      }
      long installed = sized.design().installedUnits((int) n);
      if (installed > StageStructure.MAX_UNITS) {
        problems.add(
            new SpecProblem(
                at + ".design",
                sized.design().name()
                    + " for N = "
                    + count(n)
                    + " installs "
                    + count(installed)
                    + " "
                    + units.name()
                    + most));
      }
    }
  }

  /** How a kind of unit is named in the language and in messages. */
  private record Units(String key, String name, String outdoor, String outdoorKey) {
    static Units of(HeatRejectionSpec.Kind kind) {
      return switch (kind) {
        case DRY_COOLER -> new Units("dry_coolers", "dry coolers", "dry bulb", "dry_bulb");
        case COOLING_TOWER -> new Units("cooling_towers", "cooling towers", "wet bulb", "wet_bulb");
        case CHILLER -> new Units("chillers", "chillers", "dry bulb", "dry_bulb");
      };
    }
  }

  private static String celsius(double c) {
    return plain(c) + " °C";
  }

  private static String percent(double fraction) {
    return plain(fraction * 100) + " %";
  }

  private static String plain(double value) {
    java.math.BigDecimal rounded =
        new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_EVEN);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  private static String count(double n) {
    return ProblemNumbers.count(n);
  }

  /** 11.2 MW, 500 kW: three significant digits. */
  private static String watts(double w) {
    return ProblemNumbers.watts(w);
  }
}
