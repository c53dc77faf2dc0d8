package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.cooling.HeatRejectionSpec;
import org.aifactory.model.cooling.LoopSpec;

/**
 * Reads a loop of the cooling plant, {@code liquid} (direct-to-chip) or {@code air} (the
 * chilled-water loop behind the air handlers): its supply temperature, heat capacity, pumps, design
 * outdoor conditions, and its stages of heat-rejection units, used in the order economisers (dry
 * coolers, towers) then chillers.
 */
final class LoopReader {
  static final List<String> KEYS = Language.LOOP.keys();

  /*
   * Liquid supply 25 °C: a typical direct-to-chip secondary loop supplies about 25 °C and returns
   * about 45 °C (docs/sources.md §8, [S]).
   */
  static final double LIQUID_SUPPLY_CELSIUS = 25;

  /* Air supply 27 °C: the top of ASHRAE's recommended inlet range, 18-27 °C (§8, [P]). */
  static final double AIR_SUPPLY_CELSIUS = 27;

  /*
   * Liquid loop heat capacity 0.59 s of design heat per kelvin: a Vera Rubin NVL72 rack holds
   * 33.6 L of coolant, about 134 kJ/K for 227 kW (docs/sources.md §8, [D] from a quoted NVIDIA
   * document). Coolant in the rack only: cold plates, CDU and facility piping would add to it, so
   * this is low and the loop warms fast (the safe side).
   */
  static final double LIQUID_HEAT_CAPACITY_SECONDS_PER_KELVIN = 134.0 / 227;

  /*
   * Air (chilled-water) loop heat capacity 10 s/K. PLACEHOLDER: docs/sources.md §8 has no heat
   * capacity of a hall's air and chilled water (only that a room's rise settles exponentially).
   */
  static final double AIR_HEAT_CAPACITY_SECONDS_PER_KELVIN_PLACEHOLDER = 10;

  /*
   * Liquid loop pumps 0.44 % of the heat at design: a Vera Rubin NVL72 rack's pumps at 45 °C
   * supply, the higher of the two figures (0.12 % at 35 °C) derived in docs/sources.md §8. The
   * rack's loop only: CDU and facility pumps are missing, so this is low.
   */
  static final double LIQUID_PUMP_FRACTION = 0.0044;

  /*
   * Air loop: air handlers' fans and chilled-water pumps, 5 % of the heat. PLACEHOLDER: CRAH fan
   * power per kW is missing in docs/sources.md §8 (a 30 kW air rack's fans and CRAC together are
   * 12-15 %, compressors included).
   */
  static final double AIR_PUMP_FRACTION_PLACEHOLDER = 0.05;

  /** A heat capacity of more than a day per kelvin is no loop's (a large thermal store's). */
  static final double MAX_HEAT_CAPACITY_SECONDS_PER_KELVIN = 86_400;

  /**
   * At least 1 ms per kelvin: 590 times less than a rack's coolant alone (above). A loop with less
   * would respond within nanoseconds, faster than the clock (1 ns) can place its thermal limits:
   * its GPUs would overshoot the slowdown temperature for a tick.
   */
  static final double MIN_HEAT_CAPACITY_SECONDS_PER_KELVIN = 0.001;

  /** The loops and their defaults. */
  enum Kind {
    LIQUID(
        "liquid",
        LIQUID_SUPPLY_CELSIUS,
        LIQUID_HEAT_CAPACITY_SECONDS_PER_KELVIN,
        LIQUID_PUMP_FRACTION),
    AIR(
        "air",
        AIR_SUPPLY_CELSIUS,
        AIR_HEAT_CAPACITY_SECONDS_PER_KELVIN_PLACEHOLDER,
        AIR_PUMP_FRACTION_PLACEHOLDER);

    final String key;
    final double supplyCelsius;
    final double heatCapacitySecondsPerKelvin;
    final double pumpFraction;

    Kind(String key, double supplyCelsius, double heatCapacity, double pumpFraction) {
      this.key = key;
      this.supplyCelsius = supplyCelsius;
      this.heatCapacitySecondsPerKelvin = heatCapacity;
      this.pumpFraction = pumpFraction;
    }
  }

  /**
   * A loop read, and whether it has cooling towers (which need a wet bulb).
   *
   * @param spec the loop
   * @param towers its {@code cooling_towers} key, if it has towers
   */
  record Loop(LoopSpec spec, Optional<Field> towers) {}

  private final Diagnostics diagnostics;
  private final HeatRejectionReader units;

  LoopReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.units = new HeatRejectionReader(diagnostics);
  }

  /**
   * @param weather the plant's weather, whose hottest conditions are the default design point;
   *     empty if it is wrong (reported)
   */
  Optional<Loop> read(Field field, Kind kind, Optional<WeatherReader.Weather> weather) {
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", KEYS)
                + ", with at least one of dry_coolers, cooling_towers and chillers");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader loop = reader.get().allowOnly(Language.LOOP);
    Field supplyField = loop.field("supply_temperature");
    Optional<Double> supply =
        supplyField.isPresent()
            ? supplyField.celsius(TemperatureRange.SUPPLY)
            : Optional.of(kind.supplyCelsius);
    Field capacityField = loop.field("heat_capacity");
    Optional<Double> capacity =
        capacityField.isPresent()
            ? heatCapacity(capacityField)
            : Optional.of(kind.heatCapacitySecondsPerKelvin);
    Field pumpsField = loop.field("pumps");
    Optional<Double> pumps =
        pumpsField.isPresent() ? pumpsField.fraction() : Optional.of(kind.pumpFraction);
    Field dryField = loop.field("design_dry_bulb");
    Optional<Double> designDry =
        dryField.isPresent()
            ? dryField.celsius(TemperatureRange.OUTDOOR)
            : weather.map(WeatherReader.Weather::hottestDryBulbCelsius);
    Field wetField = loop.field("design_wet_bulb");
    Optional<Double> designWet =
        wetField.isPresent()
            ? wetField.celsius(TemperatureRange.OUTDOOR)
            : weather.map(WeatherReader.Weather::hottestWetBulbCelsius);
    boolean designFits = true;
    if (designDry.isPresent() && designWet.isPresent() && designWet.get() > designDry.get()) {
      Field blamed = wetField.isPresent() ? wetField : dryField;
      diagnostics.error(
          blamed.location(),
          blamed.path(),
          "the design wet bulb ("
              + Values.formatCelsius(designWet.get())
              + (wetField.isPresent() ? "" : ", the weather's hottest")
              + ") cannot be above the design dry bulb ("
              + Values.formatCelsius(designDry.get())
              + (dryField.isPresent() ? "" : ", the weather's hottest")
              + ")");
      designFits = false;
    }
    List<HeatRejectionSpec> stages = new ArrayList<>();
    boolean stagesOk = true;
    Optional<Field> towers = Optional.empty();
    for (HeatRejectionReader.Stage stage : HeatRejectionReader.Stage.values()) {
      Field stageField = loop.field(stage.key);
      if (!stageField.isPresent()) {
        continue; // absent or empty: no such units ({} gives them with every default)
      }
      if (stage == HeatRejectionReader.Stage.COOLING_TOWERS) {
        towers = Optional.of(stageField);
      }
      Optional<HeatRejectionSpec> unit = units.read(stageField, stage);
      if (unit.isPresent()) {
        stages.add(unit.get());
      } else {
        stagesOk = false;
      }
    }
    if (stages.isEmpty() && stagesOk) {
      diagnostics.error(
          loop.location(),
          loop.path(),
          "a loop needs heat-rejection units: give dry_coolers, cooling_towers or chillers (or"
              + " several; economisers are used before chillers)");
      return Optional.empty();
    }
    if (supply.isEmpty()
        || capacity.isEmpty()
        || pumps.isEmpty()
        || designDry.isEmpty()
        || designWet.isEmpty()
        || !designFits
        || !stagesOk) {
      return Optional.empty();
    }
    Optional<Field> towersField = towers;
    return diagnostics
        .construct(
            loop.location(),
            loop.path(),
            () ->
                new LoopSpec(
                    supply.get(),
                    capacity.get(),
                    pumps.get(),
                    stages,
                    designDry.get(),
                    designWet.get()))
        .map(spec -> new Loop(spec, towersField));
  }

  private static Optional<Double> heatCapacity(Field field) {
    return field.value(
        Dimension.HEAT_CAPACITY.expected(),
        text -> {
          double value = Values.secondsPerKelvin(text, Bound.POSITIVE);
          if (value > MAX_HEAT_CAPACITY_SECONDS_PER_KELVIN
              || value < MIN_HEAT_CAPACITY_SECONDS_PER_KELVIN) {
            throw new ValueException(
                "expected a heat capacity from 0.001 s/K (a loop that responds within the"
                    + " clock's nanoseconds cannot be followed) to 86400 s/K (a day per kelvin),"
                    + " got '"
                    + text.strip()
                    + "'");
          }
          return value;
        });
  }
}
