package org.aifactory.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;

/**
 * Reads load shaping: {@code power_smoothing} of a cluster or a job (a floor, ramp limits in W/s
 * per GPU, a hysteresis), {@code rack_storage} of a cluster (energy per rack or per GPU, a target
 * draw, a round-trip efficiency) and {@code filler} work of a job (a level). Each reader gives an
 * empty inner optional when its key is absent, and an empty optional after errors.
 */
final class LoadShapingReader {
  static final List<String> SMOOTHING_KEYS = Language.POWER_SMOOTHING.keys();
  static final List<String> STORAGE_KEYS = Language.RACK_STORAGE.keys();
  static final List<String> FILLER_KEYS = Language.FILLER.keys();

  static final String TARGET_EXPECTED =
      "a target draw: a fraction of the rack's design IT power (e.g. 80 %) or a power per rack"
          + " (e.g. 110 kW)";

  private final Diagnostics diagnostics;

  LoadShapingReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<Optional<PowerSmoothingSpec>> smoothing(Field field) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", SMOOTHING_KEYS)
                + ", e.g. { floor: 60 %, ramp_up: 1 kW/s, ramp_down: 500 W/s, hysteresis: 2 s }");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get().allowOnly(Language.POWER_SMOOTHING);
    Field floorField = map.field("floor");
    Optional<Double> floor = floorField.isPresent() ? floorField.fraction() : Optional.of(0.0);
    Optional<Double> up = rate(map.field("ramp_up"));
    Optional<Double> down = rate(map.field("ramp_down"));
    Field hysteresisField = map.field("hysteresis");
    Optional<Duration> hysteresis =
        hysteresisField.isPresent()
            ? hysteresisField.duration(Bound.NON_NEGATIVE)
            : Optional.of(Duration.ZERO);
    if (floor.isEmpty() || up.isEmpty() || down.isEmpty() || hysteresis.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics
        .construct(
            map.location(),
            map.path(),
            () -> new PowerSmoothingSpec(floor.get(), up.get(), down.get(), hysteresis.get()))
        .map(Optional::of);
  }

  /** A ramp limit in W/s per GPU, > 0; no limit when absent. */
  private Optional<Double> rate(Field field) {
    return field.isPresent()
        ? field.wattsPerSecond(Bound.POSITIVE)
        : Optional.of(PowerSmoothingSpec.UNLIMITED);
  }

  Optional<Optional<RackStorageSpec>> storage(Field field) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", STORAGE_KEYS)
                + ", e.g. { energy_per_gpu: 2 kJ, target: 80 % }");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get().allowOnly(Language.RACK_STORAGE);
    Optional<RackStorageSpec.Energy> energy = energy(map);
    Optional<RackStorageSpec.Target> target =
        map.field("target")
            .required(TARGET_EXPECTED)
            .value(TARGET_EXPECTED, LoadShapingReader::target);
    Field efficiencyField = map.field("round_trip_efficiency");
    Optional<Double> efficiency =
        efficiencyField.isPresent()
            ? efficiencyField.fraction()
            : Optional.of(RackStorageSpec.DEFAULT_ROUND_TRIP_EFFICIENCY);
    if (efficiency.isPresent() && efficiency.get() == 0) {
      diagnostics.error(
          efficiencyField.location(),
          efficiencyField.path(),
          "expected a fraction above 0 (a store that returns nothing is no store), got "
              + efficiencyField.node().orElseThrow().describe());
      efficiency = Optional.empty();
    }
    if (energy.isEmpty() || target.isEmpty() || efficiency.isEmpty()) {
      return Optional.empty();
    }
    double eta = efficiency.get();
    return diagnostics
        .construct(
            map.location(), map.path(), () -> new RackStorageSpec(energy.get(), target.get(), eta))
        .map(Optional::of);
  }

  /** Exactly one of energy (per rack) and energy_per_gpu. */
  private Optional<RackStorageSpec.Energy> energy(MapReader map) {
    Field perRack = map.field("energy");
    Field perGpu = map.field("energy_per_gpu");
    if (perRack.isPresent() && perGpu.isPresent()) {
      Field second = Collections.max(List.of(perRack, perGpu), Field.WRITTEN_ORDER);
      diagnostics.error(
          second.keyLocation(), second.path(), "give either energy or energy_per_gpu, not both");
      return Optional.empty();
    }
    if (perRack.isPresent()) {
      return perRack.joules(Bound.NON_NEGATIVE).map(RackStorageSpec.Energy.PerSystem::new);
    }
    if (perGpu.isPresent()) {
      return perGpu.joules(Bound.NON_NEGATIVE).map(RackStorageSpec.Energy.PerGpu::new);
    }
    diagnostics.error(
        map.location(),
        FieldPath.key(map.path(), "energy"),
        "missing the stored energy: give energy (per rack, e.g. 150 kJ) or energy_per_gpu (e.g."
            + " 2 kJ)");
    return Optional.empty();
  }

  /** A fraction of the rack's design IT power above 0, or a power per rack above 0. */
  static RackStorageSpec.Target target(String text) throws ValueException {
    String written = text.strip();
    Optional<Quantity> q = Quantity.parse(written);
    String unitText = q.map(Quantity::unitText).orElse("");
    if (!unitText.isEmpty() && !unitText.equals(Unit.PERCENT.symbol())) {
      double watts = Values.power(written, Bound.POSITIVE);
      return new RackStorageSpec.Target.Watts(watts);
    }
    if (q.isPresent()
        && unitText.isEmpty()
        && q.get().fitsDouble()
        && q.get().number().doubleValue() > 1) {
      throw new ValueException(
          "expected "
              + TARGET_EXPECTED
              + ", got '"
              + written
              + "' (write '"
              + written
              + " %' for a percentage, or '"
              + written
              + " kW' for a power)");
    }
    double fraction = Values.fraction(written);
    if (fraction == 0) {
      throw new ValueException(
          "a target draw must be above 0 (the store would serve the whole load), got '"
              + written
              + "'");
    }
    return new RackStorageSpec.Target.OfDesignIt(fraction);
  }

  Optional<Optional<FillerSpec>> filler(Field field) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader =
        field.map("a map with keys " + String.join(", ", FILLER_KEYS) + ", e.g. { level: 50 % }");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get().allowOnly(Language.FILLER);
    Field levelField =
        map.field("level").required("the power held in the lulls, a fraction of TDP, e.g. 50 %");
    Optional<Double> level = levelField.fraction();
    if (level.isPresent() && level.get() == 0) {
      diagnostics.error(
          levelField.location(),
          levelField.path(),
          "expected a fraction above 0 (for no filler work, leave filler out), got "
              + levelField.node().orElseThrow().describe());
      return Optional.empty();
    }
    return level.map(l -> Optional.of(new FillerSpec(l)));
  }
}
