package org.aifactory.model.cooling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.SpecProblem;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.hardware.SystemType;

/**
 * Sizes a facility's cooling loops for their design heat: each loop takes the design IT power (GPUs
 * at TDP plus other IT) of the clusters it cools, in their shares; each stage of units installs, by
 * its layout, enough units to carry its share ({@code sized_for}) of that heat at the design
 * outdoor conditions. Pure functions of the spec, on the spec side, so that a scenario can be
 * checked without building a run.
 */
public final class CoolingSizing {
  private CoolingSizing() {}

  /** At most this many units in one stage: every unit is simulated. */
  public static final int MAX_UNITS = 10_000;

  /** Which loop. */
  public enum Loop {
    LIQUID("liquid"),
    AIR("air");

    private final String key;

    Loop(String key) {
      this.key = key;
    }

    /** The loop's key under {@code facility.cooling}. */
    public String key() {
      return key;
    }
  }

  /**
   * A loop as built: its spec, its design heat and its stages' installed units.
   *
   * @param loop which loop
   * @param spec as written
   * @param designHeatWatts the heat of its clusters at full load
   * @param stages one per kind of unit, in the spec's order
   */
  public record SizedLoop(
      Loop loop, LoopSpec spec, double designHeatWatts, List<SizedStage> stages) {
    public SizedLoop {
      stages = List.copyOf(stages);
    }
  }

  /**
   * @param spec the units
   * @param installed units installed
   * @param needed units needed to carry the stage's share of the design heat (N)
   */
  public record SizedStage(HeatRejectionSpec spec, int installed, int needed) {}

  /** The cooling of {@code cluster} in {@code plant}: as written, else the plant's default. */
  public static ClusterCoolingSpec coolingOf(ClusterSpec cluster, CoolingSpec plant) {
    return cluster.cooling().orElseGet(() -> ClusterCoolingSpec.defaultFor(plant));
  }

  /** The loop {@code loop} of the factory's plant, sized; empty without a plant or that loop. */
  public static Optional<SizedLoop> size(FactorySpec factory, Loop loop) {
    Optional<CoolingSpec> plant = factory.facility().cooling();
    if (plant.isEmpty()) {
      return Optional.empty();
    }
    Optional<LoopSpec> spec = loop == Loop.LIQUID ? plant.get().liquid() : plant.get().air();
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    double heat = designHeatWatts(factory, plant.get(), loop);
    List<SizedStage> stages = new ArrayList<>();
    for (HeatRejectionSpec u : spec.get().units()) {
      double perUnit = designCapacityWatts(u, spec.get());
      double load = u.sizedForFraction() * heat;
      int needed = u.layout().unitsNeeded(load, perUnit);
      stages.add(new SizedStage(u, u.layout().structureFor(load, perUnit).totalUnits(), needed));
    }
    return Optional.of(new SizedLoop(loop, spec.get(), heat, stages));
  }

  /** The heat a loop takes at full load: its clusters' design IT power in their shares. */
  public static double designHeatWatts(FactorySpec factory, CoolingSpec plant, Loop loop) {
    double heat = 0;
    for (ClusterSpec c : factory.clusters()) {
      ClusterCoolingSpec cooling = coolingOf(c, plant);
      double share = loop == Loop.LIQUID ? cooling.toLiquid() : cooling.toAir();
      SystemType system = factory.catalog().system(c.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      heat += share * c.systemCount() * new SystemPower(system, gpu).designItWattsPerSystem();
    }
    return heat;
  }

  /**
   * What one unit rejects at the design outdoor conditions with the loop at its supply temperature:
   * an economiser in proportion to the difference (0 if the design day is warmer than the loop), a
   * chiller its capacity.
   */
  public static double designCapacityWatts(HeatRejectionSpec unit, LoopSpec loop) {
    return switch (unit.kind()) {
      case DRY_COOLER ->
          unit.unitCapacityWatts()
              * Math.max(0, loop.supplyCelsius() - loop.designDryBulbCelsius())
              / unit.ratingDifferenceKelvin();
      case COOLING_TOWER ->
          unit.unitCapacityWatts()
              * Math.max(0, loop.supplyCelsius() - loop.designWetBulbCelsius())
              / unit.ratingDifferenceKelvin();
      case CHILLER -> unit.unitCapacityWatts();
    };
  }

  /**
   * What cannot be built: a design stage whose units reject nothing on the design day (an
   * economiser with the loop no warmer than the outdoor air it works against), or that would need
   * more than {@link #MAX_UNITS} units.
   */
  public static List<SpecProblem> problems(FactorySpec factory) {
    List<SpecProblem> problems = new ArrayList<>();
    Optional<CoolingSpec> plant = factory.facility().cooling();
    if (plant.isEmpty()) {
      return problems;
    }
    for (Loop loop : Loop.values()) {
      Optional<LoopSpec> spec = loop == Loop.LIQUID ? plant.get().liquid() : plant.get().air();
      if (spec.isEmpty()) {
        continue;
      }
      double heat = designHeatWatts(factory, plant.get(), loop);
      List<HeatRejectionSpec> units = spec.get().units();
      for (int i = 0; i < units.size(); i++) {
        HeatRejectionSpec u = units.get(i);
        String at = "facility.cooling." + loop.key() + "." + stageKey(u.kind());
        double perUnit = designCapacityWatts(u, spec.get());
        if (!(perUnit > 0)) {
          problems.add(
              new SpecProblem(
                  at,
                  String.format(
                      java.util.Locale.ROOT,
                      "%s reject nothing with the loop at %.1f °C on a design day of %.1f °C (%s):"
                          + " raise the supply temperature, or size them for a cooler design day",
                      stageKey(u.kind()).replace('_', ' '),
                      spec.get().supplyCelsius(),
                      u.kind() == HeatRejectionSpec.Kind.COOLING_TOWER
                          ? spec.get().designWetBulbCelsius()
                          : spec.get().designDryBulbCelsius(),
                      u.kind() == HeatRejectionSpec.Kind.COOLING_TOWER ? "wet bulb" : "dry bulb")));
          continue;
        }
        double n = u.sizedForFraction() * heat / perUnit;
        if (u.layout() instanceof org.aifactory.model.power.StageLayout.Sized sized
            && n * sized.design().systems() > MAX_UNITS) {
          problems.add(
              new SpecProblem(
                  at,
                  String.format(
                      java.util.Locale.ROOT,
                      "would need about %.3g units for %.3g MW of heat; at most %,d are supported",
                      n * sized.design().systems(),
                      u.sizedForFraction() * heat / 1e6,
                      MAX_UNITS)));
        }
      }
    }
    return problems;
  }

  /** The scenario key of a kind of unit. */
  public static String stageKey(HeatRejectionSpec.Kind kind) {
    return switch (kind) {
      case DRY_COOLER -> "dry_coolers";
      case COOLING_TOWER -> "cooling_towers";
      case CHILLER -> "chillers";
    };
  }
}
