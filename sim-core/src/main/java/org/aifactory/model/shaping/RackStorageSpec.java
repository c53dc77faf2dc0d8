package org.aifactory.model.shaping;

import java.util.Objects;

/**
 * Energy storage in the racks' power supplies, as NVIDIA builds into the GB300 NVL72 (and GB200
 * NVL72) power shelves: it serves the GPUs' pulses above a target draw and recharges in the lulls,
 * so a rack's draw from the facility is smoother than its load; NVIDIA says it cuts peak grid
 * demand by up to 30 % (docs/sources.md §9). How much energy a rack stores is not published (§9:
 * missing): the scenario gives it.
 *
 * <p>What the simulator does with it ({@link RackStore}): a rack whose load is above the target
 * draws the target and the store supplies the rest, until it is empty; a rack below the target
 * draws the target and the store takes the difference, until it is full; otherwise the rack draws
 * its load. Losses are taken on charging: of the energy drawn to charge, the round-trip efficiency
 * is stored.
 *
 * @param energy the energy one rack (system) stores
 * @param target the draw the store holds a rack at
 * @param roundTripEfficiency energy returned / energy drawn to charge, in (0, 1]
 */
public record RackStorageSpec(Energy energy, Target target, double roundTripEfficiency) {

  /*
   * PLACEHOLDER: no efficiency of power-supply storage is published (docs/sources.md §9). Site
   * batteries are quoted at 85 % (NREL ATB) to 90 % (Ember) round trip (§9); capacitors lose less.
   * 90 % is used until a figure for the power shelves is found.
   */
  public static final double DEFAULT_ROUND_TRIP_EFFICIENCY = 0.9;

  public RackStorageSpec {
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(target, "target");
    if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
      throw new IllegalArgumentException("round-trip efficiency must be in (0, 1]");
    }
  }

  /** The stored energy of a rack. */
  public sealed interface Energy {
    /** Joules stored by one system of {@code gpusPerSystem} GPUs. */
    double joulesPerSystem(int gpusPerSystem);

    /** Joules per rack (system). */
    record PerSystem(double joules) implements Energy {
      public PerSystem {
        nonNegative(joules);
      }

      @Override
      public double joulesPerSystem(int gpusPerSystem) {
        return joules;
      }
    }

    /** Joules per GPU: a rack stores its GPUs' share. */
    record PerGpu(double joules) implements Energy {
      public PerGpu {
        nonNegative(joules);
      }

      @Override
      public double joulesPerSystem(int gpusPerSystem) {
        return joules * gpusPerSystem;
      }
    }
  }

  /** The draw the store holds a rack at. */
  public sealed interface Target {
    /** Watts per system, for a system whose design IT power is {@code designItWatts}. */
    double wattsPerSystem(double designItWatts);

    /** A fraction of the rack's design IT power (GPUs at TDP and its other IT). */
    record OfDesignIt(double fraction) implements Target {
      public OfDesignIt {
        if (!(fraction > 0 && fraction <= 1)) {
          throw new IllegalArgumentException("target must be a fraction in (0, 1]");
        }
      }

      @Override
      public double wattsPerSystem(double designItWatts) {
        return fraction * designItWatts;
      }
    }

    /** Watts per rack. */
    record Watts(double watts) implements Target {
      public Watts {
        if (!(watts > 0) || Double.isInfinite(watts)) {
          throw new IllegalArgumentException("target must be a finite power > 0");
        }
      }

      @Override
      public double wattsPerSystem(double designItWatts) {
        return watts;
      }
    }
  }

  private static void nonNegative(double joules) {
    if (!(joules >= 0) || Double.isInfinite(joules)) {
      throw new IllegalArgumentException("stored energy must be a finite number >= 0");
    }
  }
}
