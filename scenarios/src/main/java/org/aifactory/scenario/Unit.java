package org.aifactory.scenario;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The units a scenario may write after a number. Case-sensitive: {@code w} is a week, {@code W} a
 * watt. Each unit knows its factor to the base of its dimension: nanoseconds, watts, a fraction of
 * one, degrees Celsius (with an offset for kelvins), kelvins per watt, litres per kWh, seconds per
 * kelvin, volts, ohms, watts per second, joules.
 */
enum Unit {
  NANOSECOND("ns", Dimension.DURATION, "1"),
  MICROSECOND("us", Dimension.DURATION, "1e3"),
  MILLISECOND("ms", Dimension.DURATION, "1e6"),
  SECOND("s", Dimension.DURATION, "1e9"),
  MINUTE("min", Dimension.DURATION, "60e9"),
  HOUR("h", Dimension.DURATION, "3600e9"),
  DAY("d", Dimension.DURATION, "86400e9"),
  WEEK("w", Dimension.DURATION, "604800e9"),
  /** 365 days: calendar years are not a fixed length. */
  YEAR("y", Dimension.DURATION, "31536000e9"),
  WATT("W", Dimension.POWER, "1"),
  KILOWATT("kW", Dimension.POWER, "1e3"),
  MEGAWATT("MW", Dimension.POWER, "1e6"),
  GIGAWATT("GW", Dimension.POWER, "1e9"),
  PERCENT("%", Dimension.PERCENTAGE, "0.01"),
  CELSIUS("°C", Dimension.TEMPERATURE, "1"),
  /** Absolute: 0 K is −273.15 °C. A kelvin and a degree Celsius are the same size. */
  KELVIN("K", Dimension.TEMPERATURE, "1", "-273.15"),
  KELVIN_PER_WATT("K/W", Dimension.THERMAL_RESISTANCE, "1"),
  /** The same as K/W: datasheets write junction-to-case resistances in °C/W. */
  CELSIUS_PER_WATT("°C/W", Dimension.THERMAL_RESISTANCE, "1"),
  LITRES_PER_KWH("L/kWh", Dimension.WATER_USE, "1"),
  SECONDS_PER_KELVIN("s/K", Dimension.HEAT_CAPACITY, "1"),
  MINUTES_PER_KELVIN("min/K", Dimension.HEAT_CAPACITY, "60"),
  VOLT("V", Dimension.VOLTAGE, "1"),
  KILOVOLT("kV", Dimension.VOLTAGE, "1e3"),
  OHM("Ω", Dimension.RESISTANCE, "1"),
  MILLIOHM("mΩ", Dimension.RESISTANCE, "1e-3"),
  /** {@link #OHM} for keyboards without Ω. */
  OHM_ASCII("ohm", Dimension.RESISTANCE, "1"),
  /** {@link #MILLIOHM} for keyboards without Ω. */
  MILLIOHM_ASCII("mohm", Dimension.RESISTANCE, "1e-3"),
  WATTS_PER_SECOND("W/s", Dimension.RAMP_RATE, "1"),
  KILOWATTS_PER_SECOND("kW/s", Dimension.RAMP_RATE, "1e3"),
  MEGAWATTS_PER_SECOND("MW/s", Dimension.RAMP_RATE, "1e6"),
  JOULE("J", Dimension.ENERGY, "1"),
  KILOJOULE("kJ", Dimension.ENERGY, "1e3"),
  MEGAJOULE("MJ", Dimension.ENERGY, "1e6"),
  GIGAJOULE("GJ", Dimension.ENERGY, "1e9"),
  WATT_HOUR("Wh", Dimension.ENERGY, "3600"),
  KILOWATT_HOUR("kWh", Dimension.ENERGY, "3.6e6"),
  MEGAWATT_HOUR("MWh", Dimension.ENERGY, "3.6e9");

  private final String symbol;
  private final Dimension dimension;
  private final BigDecimal factor;
  private final BigDecimal offset;

  Unit(String symbol, Dimension dimension, String factor) {
    this(symbol, dimension, factor, "0");
  }

  Unit(String symbol, Dimension dimension, String factor, String offset) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.factor = new BigDecimal(factor);
    this.offset = new BigDecimal(offset);
  }

  String symbol() {
    return symbol;
  }

  Dimension dimension() {
    return dimension;
  }

  /** Size of one unit in the base of its dimension (ns, W, 1 for a fraction, K for °C, W/s, J). */
  BigDecimal factor() {
    return factor;
  }

  /**
   * Where the unit's scale starts in the base: a value is number × factor + offset ({@code 318.15
   * K} is 45 °C). 0 for every unit but the kelvin; a temperature difference ignores it.
   */
  BigDecimal offset() {
    return offset;
  }

  static Optional<Unit> bySymbol(String symbol) {
    return Arrays.stream(values()).filter(u -> u.symbol.equals(symbol)).findFirst();
  }

  static List<Unit> of(Dimension dimension) {
    return Arrays.stream(values()).filter(u -> u.dimension == dimension).toList();
  }

  static List<String> symbols(Dimension dimension) {
    return of(dimension).stream().map(Unit::symbol).toList();
  }
}
