package org.aifactory.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.cooling.LoopSpec;

/**
 * Binds {@code facility.cooling} to a {@link CoolingSpec}: the weather, a liquid loop and/or an air
 * loop with their heat-rejection units, and the facility's other overhead. With it the facility's
 * power is computed by the cooling plant instead of a fixed PUE.
 */
final class CoolingBinder {
  static final List<String> KEYS = Language.COOLING.keys();

  /*
   * Lighting, offices and controls: 1 % of IT power. PLACEHOLDER: docs/sources.md has no figure.
   * Without a power chain, the electrical losses (UPS, PDUs: several %, §6) belong here too.
   */
  static final double OTHER_OVERHEAD_PLACEHOLDER = 0.01;

  private final Diagnostics diagnostics;
  private final Path folder;

  /**
   * @param folder the folder a weather file's name is relative to: the scenario file's
   */
  CoolingBinder(Diagnostics diagnostics, Path folder) {
    this.diagnostics = diagnostics;
    this.folder = folder;
  }

  Optional<CoolingSpec> bind(Field field) {
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", KEYS)
                + " (weather and at least one of liquid and air)");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader cooling = reader.get().allowOnly(Language.COOLING);
    Field weatherField =
        cooling
            .field("weather")
            .required(
                "the outdoor conditions: { climate: phoenix }, { dry_bulb: 35 °C, wet_bulb: 22 °C"
                    + " } or { file: temps.csv }");
    Optional<WeatherReader.Weather> weather =
        weatherField.isPresent()
            ? new WeatherReader(diagnostics, folder).read(weatherField)
            : Optional.empty();
    Field overheadField = cooling.field("other_overhead");
    Optional<Double> overhead =
        overheadField.isPresent()
            ? overheadField.fraction()
            : Optional.of(OTHER_OVERHEAD_PLACEHOLDER);
    Field liquidField = cooling.field("liquid");
    Field airField = cooling.field("air");
    if (!liquidField.isPresent() && !airField.isPresent()) {
      diagnostics.error(
          cooling.location(),
          cooling.path(),
          "a cooling plant needs a liquid loop, an air loop or both (liquid, air)");
      return Optional.empty();
    }
    LoopReader loops = new LoopReader(diagnostics);
    Optional<Optional<LoopReader.Loop>> liquid =
        liquidField.isPresent()
            ? loops.read(liquidField, LoopReader.Kind.LIQUID, weather).map(Optional::of)
            : Optional.of(Optional.empty());
    Optional<Optional<LoopReader.Loop>> air =
        airField.isPresent()
            ? loops.read(airField, LoopReader.Kind.AIR, weather).map(Optional::of)
            : Optional.of(Optional.empty());
    if (weather.isEmpty() || overhead.isEmpty() || liquid.isEmpty() || air.isEmpty()) {
      return Optional.empty();
    }
    if (!wetBulbForTowers(weather.get(), liquid.get(), air.get())) {
      return Optional.empty();
    }
    Optional<LoopSpec> liquidSpec = liquid.get().map(LoopReader.Loop::spec);
    Optional<LoopSpec> airSpec = air.get().map(LoopReader.Loop::spec);
    return diagnostics.construct(
        cooling.location(),
        cooling.path(),
        () -> new CoolingSpec(weather.get().spec(), liquidSpec, airSpec, overhead.get()));
  }

  /** Cooling towers work against the wet bulb: the weather must give one. */
  private boolean wetBulbForTowers(
      WeatherReader.Weather weather,
      Optional<LoopReader.Loop> liquid,
      Optional<LoopReader.Loop> air) {
    if (weather.hasWetBulb()) {
      return true;
    }
    Optional<Field> towers =
        liquid.flatMap(LoopReader.Loop::towers).or(() -> air.flatMap(LoopReader.Loop::towers));
    if (towers.isEmpty()) {
      return true;
    }
    Field at = weather.field();
    Optional<MapReader> map = at.map("");
    boolean file = map.isPresent() && map.get().field("file").isPresent();
    diagnostics.error(
        file ? map.get().field("file").location() : at.location(),
        file ? FieldPath.key(at.path(), "file") : FieldPath.key(at.path(), "wet_bulb"),
        "cooling towers ("
            + towers.get().path()
            + ") need the outdoor wet bulb: "
            + (file
                ? "the file has no column " + WeatherCsv.WET_BULB
                : "give wet_bulb next to dry_bulb"));
    return false;
  }
}
