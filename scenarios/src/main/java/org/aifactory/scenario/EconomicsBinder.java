package org.aifactory.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RackGroups;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.economics.EnergyPrice;
import org.aifactory.model.power.CostSpec;

/**
 * Binds {@code economics:} to an {@link EconomicsSpec}, beside {@code costs:}, which it extends:
 * the flat energy price and the value of a training GPU-hour are those of {@code costs} ({@code
 * energy_per_mwh}, {@code lost_gpu_hour}), and {@code energy_prices} (an hourly CSV, see {@link
 * PriceCsv}) replaces the flat price for the economics. Without {@code facility_mw} the facility is
 * built for the factory's design IT power (every system at full power).
 */
final class EconomicsBinder {
  static final List<String> KEYS = Language.ECONOMICS.keys();

  private static final double SECONDS_PER_YEAR = 365 * 86_400.0;
  private static final String LIFE_EXPECTED = "a duration > 0 (e.g. 5 y)";

  /** What the section says, read before the factory is known. */
  record Draft(
      double gpuDollars,
      double systemLifeYears,
      double facilityDollarsPerMw,
      Optional<Double> facilityItWatts,
      double facilityLifeYears,
      double operationsShare,
      Optional<EnergyPrice.Hourly> hourlyPrice,
      double dollarsPerMillionTokens,
      Field field) {}

  private final Diagnostics diagnostics;
  private final Path folder;

  EconomicsBinder(Diagnostics diagnostics, Path folder) {
    this.diagnostics = diagnostics;
    this.folder = folder;
  }

  /**
   * The section's values: empty after errors (reported), an empty draft when there is no section.
   */
  Optional<Optional<Draft>> read(Field field) {
    if (!field.isPresent() && !field.isEmptyValue()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader;
    if (field.isEmptyValue()) {
      reader = Optional.empty();
    } else {
      reader = field.map("a map with keys " + String.join(", ", KEYS));
      if (reader.isEmpty()) {
        return Optional.empty();
      }
    }
    MapReader e = reader.map(r -> r.allowOnly(Language.ECONOMICS)).orElse(null);
    Optional<Double> gpu = money(e, "gpu_price", EconomicsSpec.GPU_DOLLARS);
    Optional<Double> systemLife = years(e, "system_life", EconomicsSpec.SYSTEM_LIFE_YEARS);
    Optional<Double> perMw = money(e, "facility_per_mw", EconomicsSpec.FACILITY_DOLLARS_PER_MW);
    Optional<Optional<Double>> facilityWatts = Optional.of(Optional.empty());
    if (e != null && e.field("facility_mw").isPresent()) {
      facilityWatts = e.field("facility_mw").power(Bound.NON_NEGATIVE).map(Optional::of);
    }
    Optional<Double> facilityLife = years(e, "facility_life", EconomicsSpec.FACILITY_LIFE_YEARS);
    Optional<Double> operations =
        e != null && e.field("operations").isPresent()
            ? e.field("operations").fraction()
            : Optional.of(EconomicsSpec.OPERATIONS_SHARE);
    Optional<Optional<EnergyPrice.Hourly>> hourly = Optional.of(Optional.empty());
    if (e != null && e.field("energy_prices").isPresent()) {
      hourly = prices(e.field("energy_prices")).map(Optional::of);
    }
    Optional<Double> tokens = money(e, "token_price", EconomicsSpec.DOLLARS_PER_MILLION_TOKENS);
    if (gpu.isEmpty()
        || systemLife.isEmpty()
        || perMw.isEmpty()
        || facilityWatts.isEmpty()
        || facilityLife.isEmpty()
        || operations.isEmpty()
        || hourly.isEmpty()
        || tokens.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Optional.of(
            new Draft(
                gpu.get(),
                systemLife.get(),
                perMw.get(),
                facilityWatts.get(),
                facilityLife.get(),
                operations.get(),
                hourly.get(),
                tokens.get(),
                field)));
  }

  /** The economics of {@code factory} at {@code costs}; empty after errors (reported). */
  Optional<EconomicsSpec> bind(Draft draft, CostSpec costs, FactorySpec factory) {
    double itWatts =
        draft.facilityItWatts().orElseGet(() -> RackGroups.designItWatts(factory, 1)[0]);
    EnergyPrice price =
        draft.hourlyPrice().isPresent()
            ? draft.hourlyPrice().get()
            : new EnergyPrice.Flat(costs.energyDollarsPerMwh());
    return diagnostics.construct(
        draft.field().location(),
        draft.field().path(),
        () ->
            new EconomicsSpec(
                draft.gpuDollars(),
                draft.systemLifeYears(),
                draft.facilityDollarsPerMw(),
                itWatts,
                draft.facilityLifeYears(),
                draft.operationsShare(),
                price,
                draft.dollarsPerMillionTokens(),
                costs.lostGpuHourDollars()));
  }

  private Optional<EnergyPrice.Hourly> prices(Field field) {
    Optional<String> name = field.reference("a file name, e.g. prices.csv");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path file;
    try {
      file = folder.resolve(name.get()).normalize();
    } catch (InvalidPathException e) {
      diagnostics.error(field.location(), field.path(), "not a file name: " + e.getMessage());
      return Optional.empty();
    }
    return PriceCsv.read(file, field, diagnostics)
        .map(hours -> new EnergyPrice.Hourly(hours, name.get()));
  }

  private static Optional<Double> money(MapReader section, String key, double byDefault) {
    if (section == null || !section.field(key).isPresent()) {
      return Optional.of(byDefault);
    }
    return section.field(key).money();
  }

  private static Optional<Double> years(MapReader section, String key, double byDefault) {
    if (section == null || !section.field(key).isPresent()) {
      return Optional.of(byDefault);
    }
    return section.field(key).value(LIFE_EXPECTED, EconomicsBinder::years);
  }

  /** A duration > 0 in 365-day years; a bare number is shown how to write it in years. */
  private static double years(String text) throws ValueException {
    String written = text.strip();
    Optional<Quantity> q = Quantity.parse(written);
    if (q.isPresent() && q.get().unitText().isEmpty() && !Quantity.isNonFinite(written)) {
      throw new ValueException("'" + written + "' needs a unit, e.g. '" + written + " y'");
    }
    return Values.seconds(written, Bound.POSITIVE) / SECONDS_PER_YEAR;
  }
}
