package org.aifactory.metrics.grid;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the site did as the grid sees it, over one run: the verdict on every grid rule, the grid's
 * energy, the battery, on-site generation, carbon, the power budget, which causes make the load
 * swing, and the series the grid chart draws.
 *
 * @param rules one verdict per rule, in the scenario's order (interconnect first)
 * @param grid the grid import's energy and extremes
 * @param battery the battery's figures; empty without one
 * @param generation on-site generation's figures; empty without it
 * @param carbon carbon figures; empty without carbon accounting
 * @param budget the power budget; empty without one
 * @param swings the load's swings by cause, in {@code SwingCause} order
 * @param series the grid import, the smoothed load and the battery over the run, in buckets
 * @param window every piece of the site load, smoothed load and grid import in the recorder's
 *     full-resolution window
 * @param spectra the worst window's spectrum of each oscillation rule, in rule order
 */
public record SiteResult(
    List<RuleVerdict> rules,
    GridEnergy grid,
    Optional<BatteryResult> battery,
    Optional<GenerationResult> generation,
    Optional<CarbonResult> carbon,
    Optional<BudgetResult> budget,
    List<CauseSwing> swings,
    Series series,
    Window window,
    List<Spectrum> spectra) {

  public SiteResult {
    rules = List.copyOf(rules);
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(carbon, "carbon");
    Objects.requireNonNull(budget, "budget");
    swings = List.copyOf(swings);
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(window, "window");
    spectra = List.copyOf(spectra);
  }

  /** Whether every rule held. */
  public boolean compliant() {
    return rules.stream().allMatch(RuleVerdict::pass);
  }

  /**
   * The grid import.
   *
   * @param loadJoules site load energy (the facility energy)
   * @param importJoules energy taken from the grid
   * @param exportJoules energy sent to the grid (when generation and battery exceed the load)
   * @param peakImportWatts highest import
   * @param minImportWatts lowest import (negative: export)
   */
  public record GridEnergy(
      double loadJoules,
      double importJoules,
      double exportJoules,
      double peakImportWatts,
      double minImportWatts) {}

  /**
   * The battery.
   *
   * @param capacityJoules usable capacity at 100 %
   * @param powerWatts its power limit
   * @param roundTripEfficiency its round-trip efficiency
   * @param initialSoc state of charge at the start
   * @param finalSoc at the end
   * @param lowestSoc lowest reached
   * @param highestSoc highest reached
   * @param dischargedJoules energy delivered to the site
   * @param chargedJoules energy taken to charge
   * @param lossJoules energy lost in charging and discharging
   * @param timesEmpty times it reached its lower limit
   * @param timesFull times it reached its upper limit
   * @param emptyNanos time at its lower limit while asked for power (the grid took it)
   * @param fullNanos time at its upper limit while asked to charge
   * @param capitalDollars its capital cost
   */
  public record BatteryResult(
      double capacityJoules,
      double powerWatts,
      double roundTripEfficiency,
      double initialSoc,
      double finalSoc,
      double lowestSoc,
      double highestSoc,
      double dischargedJoules,
      double chargedJoules,
      double lossJoules,
      long timesEmpty,
      long timesFull,
      double emptyNanos,
      double fullNanos,
      double capitalDollars) {
    /** Equivalent full cycles: energy delivered / capacity. */
    public double equivalentFullCycles() {
      return dischargedJoules / capacityJoules;
    }

    /** Change of stored energy over the run. */
    public double storedChangeJoules() {
      return (finalSoc - initialSoc) * capacityJoules;
    }
  }

  /**
   * On-site generation.
   *
   * @param capacityWatts the plant's capacity
   * @param energyJoules energy generated
   * @param peakWatts highest output
   * @param fuelMmbtu fuel burnt (million Btu)
   * @param fuelDollars its cost
   * @param co2Kilograms CO2 emitted
   */
  public record GenerationResult(
      double capacityWatts,
      double energyJoules,
      double peakWatts,
      double fuelMmbtu,
      double fuelDollars,
      double co2Kilograms) {}

  /**
   * Carbon.
   *
   * @param gridCo2Kilograms CO2 of the grid import (import × the hour's intensity)
   * @param generationCo2Kilograms CO2 of on-site generation's fuel
   * @param meanGridGramsPerKwh the import-weighted mean intensity
   * @param cfeShare with a clean supply: the share of the grid import matched hour by hour by
   *     carbon-free supply (Σ min(clean, import) / Σ import); NaN without one
   * @param cfeHoursShare with a clean supply: the share of hours whose import the clean supply
   *     covered entirely; NaN without one
   * @param intensitySource where the intensity came from ({@code constant} or a file)
   * @param cleanSource where the clean supply came from; empty without one
   */
  public record CarbonResult(
      double gridCo2Kilograms,
      double generationCo2Kilograms,
      double meanGridGramsPerKwh,
      double cfeShare,
      double cfeHoursShare,
      String intensitySource,
      String cleanSource) {
    public double totalCo2Kilograms() {
      return gridCo2Kilograms + generationCo2Kilograms;
    }
  }

  /**
   * The power budget and how the factory lived under it.
   *
   * @param budgetWatts the budget (site load)
   * @param capFraction every GPU's cap as a fraction of its TDP (1: no cap needed)
   * @param installedWatts site load at full power without the cap
   * @param cappedWatts site load at full power under the cap
   * @param peakSiteWatts the highest site load of the run
   * @param aboveNanos time the site load was above the budget
   */
  public record BudgetResult(
      double budgetWatts,
      double capFraction,
      double installedWatts,
      double cappedWatts,
      double peakSiteWatts,
      double aboveNanos) {}

  /**
   * The site over the run in equal buckets.
   *
   * @param bucketNanos width of a bucket
   * @param gridMin lowest grid import of each bucket (W)
   * @param gridMean mean grid import
   * @param gridMax highest grid import
   * @param smoothedMean mean of the smoothed load (the battery's target; the load without a
   *     battery)
   * @param socMin lowest state of charge of each bucket (NaN without a battery)
   * @param socMax highest state of charge
   */
  public record Series(
      long bucketNanos,
      double[] gridMin,
      double[] gridMean,
      double[] gridMax,
      double[] smoothedMean,
      double[] socMin,
      double[] socMax) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Series s
          && bucketNanos == s.bucketNanos
          && Arrays.equals(gridMin, s.gridMin)
          && Arrays.equals(gridMean, s.gridMean)
          && Arrays.equals(gridMax, s.gridMax)
          && Arrays.equals(smoothedMean, s.smoothedMean)
          && Arrays.equals(socMin, s.socMin)
          && Arrays.equals(socMax, s.socMax);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(gridMean);
    }

    @Override
    public String toString() {
      return "Series[" + gridMean.length + " buckets]";
    }
  }

  /**
   * Vertices of the site load, the smoothed load and the grid import in a window: at each time the
   * three values from then on (the load is constant to the next vertex, the others linear).
   *
   * @param timesNanos vertex times, increasing (a jump has two vertices at one time)
   * @param load site load at each vertex
   * @param smoothed smoothed load
   * @param grid grid import
   */
  public record Window(double[] timesNanos, double[] load, double[] smoothed, double[] grid) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Window w
          && Arrays.equals(timesNanos, w.timesNanos)
          && Arrays.equals(load, w.load)
          && Arrays.equals(smoothed, w.smoothed)
          && Arrays.equals(grid, w.grid);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(grid);
    }

    @Override
    public String toString() {
      return "Window[" + timesNanos.length + " vertices]";
    }
  }

  /**
   * The amplitude spectrum of an oscillation rule's worst window.
   *
   * @param rule the rule's name
   * @param lowHz the band's low edge
   * @param highHz its high edge
   * @param limitWatts the amplitude allowed
   * @param windowStartNanos where the window starts
   * @param binHz the spacing of frequencies (1 / window)
   * @param amplitudeWatts the amplitude of frequency k × binHz, k = 0 ..
   */
  public record Spectrum(
      String rule,
      double lowHz,
      double highHz,
      double limitWatts,
      double windowStartNanos,
      double binHz,
      double[] amplitudeWatts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Spectrum s
          && rule.equals(s.rule)
          && Double.compare(windowStartNanos, s.windowStartNanos) == 0
          && Arrays.equals(amplitudeWatts, s.amplitudeWatts);
    }

    @Override
    public int hashCode() {
      return rule.hashCode();
    }

    @Override
    public String toString() {
      return "Spectrum[" + rule + "]";
    }
  }
}
