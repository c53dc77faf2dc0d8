package org.aifactory.model.cooling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.LoopLoads;

/**
 * Sizes a facility's cooling loops for their design heat: each loop takes the design IT power (GPUs
 * at TDP plus other IT) of the clusters it cools, in their shares; each stage of units installs, by
 * its layout, enough units to carry its share ({@code sized_for}) of that heat at the design
 * outdoor conditions. Pure functions of the spec; what cannot be sized is reported by {@link
 * FactorySpec#problems()} before a run is built.
 */
public final class CoolingSizing {
  private CoolingSizing() {}

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
    LoopLoads loads = LoopLoads.of(factory, plant);
    return loop == Loop.LIQUID ? loads.liquidWatts() : loads.airWatts();
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
   * The plant's peak electric draw, for sizing the generators that must carry it: in every loop,
   * every installed economiser's fans at full speed, the chillers moving all the heat they can
   * (their installed capacity, at most the loop's design heat) at the COP of the design day, and
   * the pumps at the design heat. An upper bound of what the plant draws while the weather is no
   * hotter than its design day: less at part load, with units failed, or on a cooler day. 0 without
   * a cooling plant.
   */
  public static double peakPowerWatts(FactorySpec factory) {
    double watts = 0;
    for (Loop which : Loop.values()) {
      Optional<SizedLoop> sized = size(factory, which);
      if (sized.isEmpty()) {
        continue;
      }
      LoopSpec loop = sized.get().spec();
      double heat = sized.get().designHeatWatts();
      watts += loop.pumpPowerFraction() * heat;
      double chilled = 0;
      double cop = Double.POSITIVE_INFINITY;
      for (SizedStage stage : sized.get().stages()) {
        HeatRejectionSpec unit = stage.spec();
        double installed = stage.installed() * unit.unitCapacityWatts();
        if (unit.kind() == HeatRejectionSpec.Kind.CHILLER) {
          chilled += installed;
          cop =
              Math.min(
                  cop,
                  ThermalLoop.cop(
                      unit.ratedCop(), loop.supplyCelsius(), loop.designDryBulbCelsius()));
        } else {
          watts += unit.fanPowerFraction() * installed;
        }
      }
      if (chilled > 0) {
        watts += Math.min(chilled, heat) / cop;
      }
    }
    return watts;
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
