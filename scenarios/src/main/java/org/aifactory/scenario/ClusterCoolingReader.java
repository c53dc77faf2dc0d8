package org.aifactory.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSpec;

/**
 * Reads {@code clusters[i].cooling}: {@code { type: liquid|air, liquid_fraction: 90 %,
 * thermal_resistance: 0.036 K/W }}. What is not written takes the cited default of its type ({@link
 * ClusterCoolingSpec}); the type itself defaults to the plant's ({@link
 * CoolingSpec#defaultClusterCooling()}). Whether the plant has the loops the cluster's heat goes to
 * is checked with the factory ({@code FactorySpec.problems()}).
 */
final class ClusterCoolingReader {
  static final List<String> KEYS = Language.CLUSTER_COOLING.keys();

  static final Map<String, ClusterCoolingSpec.Type> TYPES =
      Field.ordered(
          Language.COOLING_TYPES, t -> ClusterCoolingSpec.Type.valueOf(t.toUpperCase(Locale.ROOT)));

  /** A GPU more than 1 K/W above its coolant would be at 700 K at 700 W: no cooling at all. */
  static final double MAX_KELVINS_PER_WATT = 1;

  private final Diagnostics diagnostics;

  ClusterCoolingReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The cluster's cooling; an empty inner optional if the key is absent (the plant's default);
   * empty after errors, or when the type is not written and the plant is unknown (wrong, and
   * reported).
   *
   * @param plant the facility's cooling plant: an empty inner optional for none (a fixed PUE);
   *     empty if the facility is wrong
   */
  Optional<Optional<ClusterCoolingSpec>> read(Field field, Optional<Optional<CoolingSpec>> plant) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", KEYS)
                + ", e.g. { type: liquid, liquid_fraction: 90 % }");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader cooling = reader.get().allowOnly(Language.CLUSTER_COOLING);
    Field typeField = cooling.field("type");
    Optional<ClusterCoolingSpec.Type> type =
        typeField.isPresent()
            ? typeField.choice(TYPES)
            : plant.map(
                p ->
                    p.map(c -> c.defaultClusterCooling().type())
                        .orElse(ClusterCoolingSpec.Type.LIQUID));
    Field fractionField = cooling.field("liquid_fraction");
    Field resistanceField = cooling.field("thermal_resistance");
    Optional<Double> resistance =
        resistanceField.isPresent()
            ? resistanceField.kelvinsPerWatt(MAX_KELVINS_PER_WATT)
            : type.map(
                t ->
                    t == ClusterCoolingSpec.Type.LIQUID
                        ? ClusterCoolingSpec.LIQUID_THERMAL_RESISTANCE
                        : ClusterCoolingSpec.AIR_THERMAL_RESISTANCE);
    if (type.isEmpty()) {
      if (fractionField.isPresent()) {
        fractionField.fraction();
      }
      return Optional.empty();
    }
    if (type.get() == ClusterCoolingSpec.Type.AIR) {
      if (fractionField.isPresent()) {
        diagnostics.error(
            fractionField.keyLocation(),
            fractionField.path(),
            "liquid_fraction is for liquid cooling; an air-cooled cluster sends all its heat to"
                + " the air loop");
        return Optional.empty();
      }
      return resistance.map(r -> Optional.of(ClusterCoolingSpec.air(r)));
    }
    Optional<Double> fraction =
        fractionField.isPresent()
            ? fractionField.fraction()
            : plant.map(
                p ->
                    p.map(CoolingSpec::defaultLiquidFraction)
                        .orElse(ClusterCoolingSpec.TYPICAL_LIQUID_FRACTION));
    if (fraction.isPresent() && fraction.get() == 0) {
      diagnostics.error(
          fractionField.location(),
          fractionField.path(),
          "expected a fraction above 0 for liquid cooling (for none, write type: air), got "
              + fractionField.node().orElseThrow().describe());
      return Optional.empty();
    }
    if (fraction.isEmpty() || resistance.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Optional.of(ClusterCoolingSpec.liquid(fraction.get(), resistance.get())));
  }
}
