package org.aifactory.scenario;

import java.util.List;
import java.util.Optional;
import org.aifactory.model.power.CostSpec;

/**
 * Binds {@code costs:} to a {@link CostSpec}: prices in US dollars, each defaulting to {@link
 * CostSpec#defaults()} (placeholders, see there).
 */
final class CostBinder {
  static final List<String> KEYS = Language.COSTS.keys();

  private static final double SECONDS_PER_YEAR = 365 * 86_400.0;
  private static final String LIFETIME_EXPECTED = "a duration > 0 (e.g. 15 y)";

  private final Diagnostics diagnostics;

  CostBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The prices; {@link CostSpec#defaults()} if the key is absent; empty after errors. */
  Optional<CostSpec> bind(Field field) {
    CostSpec defaults = CostSpec.defaults();
    if (!field.isPresent()) {
      return Optional.of(defaults);
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader costs = reader.get().allowOnly(Language.COSTS);
    Optional<Double> ups = money(costs.field("ups_per_kw"), defaults.upsDollarsPerKw());
    Optional<Double> generator =
        money(costs.field("generator_per_kw"), defaults.generatorDollarsPerKw());
    Optional<Double> pdu = money(costs.field("pdu_each"), defaults.pduDollarsEach());
    Field lifetimeField = costs.field("lifetime");
    Optional<Double> lifetime =
        lifetimeField.isPresent()
            ? lifetimeField.value(LIFETIME_EXPECTED, CostBinder::years)
            : Optional.of(defaults.lifetimeYears());
    Field rateField = costs.field("discount_rate");
    Optional<Double> rate =
        rateField.isPresent() ? rateField.fraction() : Optional.of(defaults.discountRate());
    Optional<Double> energy = money(costs.field("energy_per_mwh"), defaults.energyDollarsPerMwh());
    Optional<Double> lostGpuHour =
        money(costs.field("lost_gpu_hour"), defaults.lostGpuHourDollars());
    if (ups.isEmpty()
        || generator.isEmpty()
        || pdu.isEmpty()
        || lifetime.isEmpty()
        || rate.isEmpty()
        || energy.isEmpty()
        || lostGpuHour.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        costs.location(),
        costs.path(),
        () ->
            new CostSpec(
                ups.get(),
                generator.get(),
                pdu.get(),
                lifetime.get(),
                rate.get(),
                energy.get(),
                lostGpuHour.get()));
  }

  private static Optional<Double> money(Field field, double byDefault) {
    return field.isPresent() ? field.money() : Optional.of(byDefault);
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
