package org.aifactory.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scalar text as durations, powers, fractions and numbers. Every failure is a {@link
 * ValueException} whose message says what was expected and what was written.
 */
final class Values {
  private Values() {}

  static final String FRACTION_EXPECTED = "a fraction between 0 and 1 (e.g. 0.7 or 70 %)";

  static final String PROBABILITY_EXPECTED =
      "a probability between 0 and 1 (e.g. 0.0094 or 0.94 %)";

  static final String MONEY_EXPECTED = "an amount of US dollars >= 0 (e.g. 500 or $500)";

  /** The simulation clock is a 64-bit count of nanoseconds (about 292 years). */
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

  static final String RATE_EXPECTED =
      "a rate: a number of failures per duration (e.g. 6.5 per 1000 d)";

  /** {@code <count> per <duration>}, e.g. {@code 6.5 per 1000 d}. */
  private static final Pattern RATE = Pattern.compile("(\\S.*?)\\s+per\\s+(\\S.*)");

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000);

  /** Common ways of writing a unit that are not accepted, and the accepted symbol. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("sec", "s"),
          Map.entry("secs", "s"),
          Map.entry("second", "s"),
          Map.entry("seconds", "s"),
          Map.entry("m", "min"),
          Map.entry("mins", "min"),
          Map.entry("minute", "min"),
          Map.entry("minutes", "min"),
          Map.entry("hr", "h"),
          Map.entry("hrs", "h"),
          Map.entry("hour", "h"),
          Map.entry("hours", "h"),
          Map.entry("day", "d"),
          Map.entry("days", "d"),
          Map.entry("wk", "w"),
          Map.entry("week", "w"),
          Map.entry("weeks", "w"),
          Map.entry("yr", "y"),
          Map.entry("yrs", "y"),
          Map.entry("year", "y"),
          Map.entry("years", "y"),
          Map.entry("µs", "us"),
          Map.entry("μs", "us"),
          Map.entry("watt", "W"),
          Map.entry("watts", "W"),
          Map.entry("pct", "%"),
          Map.entry("percent", "%"),
          Map.entry("c", "°C"),
          Map.entry("degc", "°C"),
          Map.entry("deg c", "°C"),
          Map.entry("° c", "°C"),
          Map.entry("ºc", "°C"),
          Map.entry("℃", "°C"),
          Map.entry("celsius", "°C"),
          Map.entry("centigrade", "°C"),
          Map.entry("°k", "K"),
          Map.entry("kelvin", "K"),
          Map.entry("kelvins", "K"),
          Map.entry("c/w", "°C/W"),
          Map.entry("litres/kwh", "L/kWh"),
          Map.entry("liters/kwh", "L/kWh"),
          Map.entry("volt", "V"),
          Map.entry("volts", "V"),
          Map.entry("vdc", "V"),
          Map.entry("vac", "V"),
          Map.entry("v dc", "V"),
          Map.entry("v ac", "V"),
          Map.entry("ohms", "ohm"),
          Map.entry("ω", "Ω"),
          Map.entry("milliohm", "mohm"),
          Map.entry("milliohms", "mohm"),
          Map.entry("mω", "mΩ"),
          Map.entry("w/sec", "W/s"),
          Map.entry("watts/s", "W/s"),
          Map.entry("joule", "J"),
          Map.entry("joules", "J"));

  /** Ways of writing degrees Fahrenheit, which are not accepted (lower case). */
  private static final Set<String> FAHRENHEIT =
      Set.of("f", "°f", "ºf", "℉", "degf", "deg f", "fahrenheit");

  /** 0 K, the lowest temperature there is. */
  static final BigDecimal ABSOLUTE_ZERO_CELSIUS = new BigDecimal("-273.15");

  /** A duration such as {@code 5.5 s}, rounded to the nearest nanosecond. */
  static Duration duration(String text, Bound bound) throws ValueException {
    String written = text.strip();
    BigDecimal exact = measured(written, Dimension.DURATION, bound);
    BigDecimal nanos = exact.setScale(0, RoundingMode.HALF_EVEN);
    if (nanos.compareTo(MAX_NANOS) > 0) {
      throw new ValueException(
          "'"
              + written
              + "' is too long: the simulation clock counts nanoseconds in 64 bits, so a"
              + " duration is at most 292 y");
    }
    if (nanos.signum() == 0 && exact.signum() != 0) {
      throw new ValueException(
          "'" + written + "' is shorter than the clock's resolution of 1 ns (it would round to 0)");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /**
   * A duration in seconds, as a double: no 292-year limit, for times to failure (one GPU's mean
   * time to failure can be centuries). A non-zero duration must be at least 1 ns.
   */
  static double seconds(String text, Bound bound) throws ValueException {
    String written = text.strip();
    BigDecimal nanos = measured(written, Dimension.DURATION, bound);
    double seconds = nanos.divide(NANOS_PER_SECOND).doubleValue();
    if (!Double.isFinite(seconds)) {
      throw new ValueException("'" + written + "' is out of range for a duration");
    }
    if (nanos.signum() != 0 && nanos.compareTo(BigDecimal.ONE) < 0) {
      throw new ValueException("'" + written + "' is shorter than the clock's resolution of 1 ns");
    }
    return seconds;
  }

  /**
   * A rate written {@code <count> per <duration>} ({@code 6.5 per 1000 d}, {@code 2 per y}; a bare
   * unit after {@code per} means one of it), as the mean time between events in seconds: duration /
   * count.
   */
  static double rateMeanSeconds(String text) throws ValueException {
    String written = text.strip();
    Matcher m = RATE.matcher(written);
    if (!m.matches()) {
      throw new ValueException("expected " + RATE_EXPECTED + ", got '" + written + "'");
    }
    String countText = m.group(1).strip();
    String perText = m.group(2).strip();
    Optional<Quantity> count = Quantity.parse(countText);
    if (Quantity.isNonFinite(countText) || count.isEmpty() || !count.get().unitText().isEmpty()) {
      throw new ValueException(
          "expected "
              + RATE_EXPECTED
              + ", got '"
              + written
              + "': '"
              + countText
              + "' is not a plain number");
    }
    if (count.get().number().signum() <= 0) {
      throw new ValueException(
          "expected a rate > 0, got '" + written + "' (to remove a cause, give it an empty value)");
    }
    if (!count.get().fitsDouble()) {
      throw new ValueException("'" + written + "' is out of range for a rate");
    }
    Optional<Unit> bareUnit = Unit.bySymbol(perText);
    if (bareUnit.isPresent() && bareUnit.get().dimension() == Dimension.DURATION) {
      perText = "1 " + perText;
    }
    double perSeconds = seconds(perText, Bound.POSITIVE);
    double mean = perSeconds / count.get().number().doubleValue();
    if (!Double.isFinite(mean) || !(mean >= 1e-9)) {
      throw new ValueException("'" + written + "' is out of range for a rate");
    }
    return mean;
  }

  /** A power such as {@code 1.5 MW}, in watts. */
  static double power(String text, Bound bound) throws ValueException {
    String written = text.strip();
    double watts = measured(written, Dimension.POWER, bound).doubleValue();
    if (!Double.isFinite(watts)) {
      throw new ValueException("'" + written + "' is out of range for a power");
    }
    return watts;
  }

  /**
   * A temperature such as {@code 45 °C} or {@code 318.15 K} (absolute), in °C: at least absolute
   * zero.
   */
  static double celsius(String text) throws ValueException {
    String written = text.strip();
    Measure m = measure(written, Dimension.TEMPERATURE);
    BigDecimal celsius = m.number().multiply(m.unit().factor()).add(m.unit().offset());
    if (celsius.compareTo(ABSOLUTE_ZERO_CELSIUS) < 0) {
      throw new ValueException("'" + written + "' is below absolute zero (0 K, -273.15 °C)");
    }
    return celsius.doubleValue();
  }

  /**
   * A difference of temperatures such as {@code 5 K}, in kelvins. {@code 5 °C} is accepted as the
   * same difference: the two units are the same size, and a difference written in °C is common.
   */
  static double kelvins(String text, Bound bound) throws ValueException {
    return measured(text.strip(), Dimension.TEMPERATURE_DIFFERENCE, bound).doubleValue();
  }

  /** A thermal resistance such as {@code 0.036 K/W}, in kelvins per watt. */
  static double kelvinsPerWatt(String text, Bound bound) throws ValueException {
    return measured(text.strip(), Dimension.THERMAL_RESISTANCE, bound).doubleValue();
  }

  /** Water used per energy, such as {@code 2 L/kWh}, in litres per kWh. */
  static double litresPerKwh(String text, Bound bound) throws ValueException {
    return measured(text.strip(), Dimension.WATER_USE, bound).doubleValue();
  }

  /** A ramp rate such as {@code 500 W/s} or {@code 1.4 kW/s}, in watts per second. */
  static double wattsPerSecond(String text, Bound bound) throws ValueException {
    String written = text.strip();
    double value = measured(written, Dimension.RAMP_RATE, bound).doubleValue();
    if (!Double.isFinite(value)) {
      throw new ValueException("'" + written + "' is out of range for a ramp rate");
    }
    return value;
  }

  /** An energy such as {@code 65 J}, {@code 5 kJ} or {@code 0.5 kWh}, in joules. */
  static double joules(String text, Bound bound) throws ValueException {
    String written = text.strip();
    double value = measured(written, Dimension.ENERGY, bound).doubleValue();
    if (!Double.isFinite(value)) {
      throw new ValueException("'" + written + "' is out of range for an energy");
    }
    return value;
  }

  /**
   * A loop's heat capacity as seconds of its design heat per kelvin, such as {@code 0.6 s/K} or
   * {@code 2 min/K}.
   */
  static double secondsPerKelvin(String text, Bound bound) throws ValueException {
    return measured(text.strip(), Dimension.HEAT_CAPACITY, bound).doubleValue();
  }

  /** A voltage such as {@code 800 V} or {@code 0.415 kV}, in volts. */
  static double volts(String text, Bound bound) throws ValueException {
    String written = text.strip();
    double volts = measured(written, Dimension.VOLTAGE, bound).doubleValue();
    if (!Double.isFinite(volts)) {
      throw new ValueException("'" + written + "' is out of range for a voltage");
    }
    return volts;
  }

  /** A resistance such as {@code 1 mΩ} or {@code 0.5 mohm}, in ohms. */
  static double ohms(String text, Bound bound) throws ValueException {
    String written = text.strip();
    double ohms = measured(written, Dimension.RESISTANCE, bound).doubleValue();
    if (!Double.isFinite(ohms)) {
      throw new ValueException("'" + written + "' is out of range for a resistance");
    }
    return ohms;
  }

  /** A temperature for messages: {@code 45 °C}, {@code -3.5 °C}, {@code 41.67 °C}. */
  static String formatCelsius(double celsius) {
    return twoDecimals(celsius) + " °C";
  }

  /** A temperature difference for messages: {@code 5 K}. */
  static String formatKelvins(double kelvins) {
    return twoDecimals(kelvins) + " K";
  }

  /** A number for messages as written in a scenario: {@code 1}, {@code 0.5}, {@code 10000}. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String twoDecimals(double value) {
    BigDecimal rounded = new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  /** A fraction: a plain number in [0, 1] or a percentage such as {@code 70 %}. */
  static double fraction(String text) throws ValueException {
    String written = text.strip();
    Quantity q = finite(written, FRACTION_EXPECTED, " for a fraction");
    BigDecimal value = q.number();
    if (!q.unitText().isEmpty()) {
      Unit unit = unit(q, written, Dimension.PERCENTAGE);
      if (unit != Unit.PERCENT) {
        throw new ValueException(
            "expected "
                + FRACTION_EXPECTED
                + ", got "
                + unit.dimension().noun()
                + " '"
                + written
                + "'");
      }
      value = value.multiply(unit.factor());
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      String hint =
          q.unitText().isEmpty()
                  && value.compareTo(BigDecimal.ONE) > 0
                  && value.compareTo(ONE_HUNDRED) <= 0
              ? " (if you meant a percentage, write '" + written + " %')"
              : "";
      throw new ValueException("expected " + FRACTION_EXPECTED + ", got '" + written + "'" + hint);
    }
    return value.doubleValue();
  }

  /** A plain number (no unit) at least {@code min}, e.g. a PUE. */
  static double number(String text, double min, String expected) throws ValueException {
    String written = text.strip();
    Quantity q = finite(written, expected, "");
    if (!q.unitText().isEmpty()) {
      throw new ValueException("expected " + expected + " without a unit, got '" + written + "'");
    }
    double value = q.number().doubleValue();
    if (value < min) {
      throw new ValueException("expected " + expected + ", got '" + written + "'");
    }
    return value;
  }

  /**
   * An amount of US dollars >= 0: a plain number, optionally after {@code $} ({@code 25_000},
   * {@code $2.5}). What it is per (kW, unit, MWh) is said by the key, so it has no unit.
   */
  static double money(String text) throws ValueException {
    String written = text.strip();
    String number = written.startsWith("$") ? written.substring(1).strip() : written;
    if (number.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
      throw new ValueException(
          "expected "
              + MONEY_EXPECTED
              + ", got '"
              + written
              + "': write thousands without commas, e.g. "
              + number.replace(",", "_")
              + " or "
              + number.replace(",", ""));
    }
    if (Quantity.isNonFinite(number)) {
      throw new ValueException(
          "expected " + MONEY_EXPECTED + ", got '" + written + "', which is not a finite number");
    }
    Optional<Quantity> q = Quantity.parse(number);
    if (q.isEmpty()) {
      throw new ValueException("expected " + MONEY_EXPECTED + ", got '" + written + "'");
    }
    if (!q.get().unitText().isEmpty()) {
      throw new ValueException(
          "expected "
              + MONEY_EXPECTED
              + " without a unit (the key says what it is per), got '"
              + written
              + "'");
    }
    if (!q.get().fitsDouble()) {
      throw new ValueException("'" + written + "' is out of range");
    }
    double value = q.get().number().doubleValue();
    if (q.get().number().signum() < 0) {
      throw new ValueException("expected " + MONEY_EXPECTED + ", got '" + written + "'");
    }
    return value;
  }

  /** A plain number (no unit) greater than 0, e.g. a scale factor. */
  static double positiveNumber(String text, String expected) throws ValueException {
    double value = number(text, 0, expected);
    if (value == 0) {
      throw new ValueException("expected " + expected + ", got '" + text.strip() + "'");
    }
    return value;
  }

  /** A whole number in [min, max]; '_' may separate digits. */
  static long integer(String text, long min, long max) throws ValueException {
    String written = text.strip();
    String expected = wholeNumber(min, max);
    if (!NumberText.isWholeNumber(written)) {
      Optional<Quantity> q = Quantity.parse(written);
      if (q.isPresent() && !q.get().unitText().isEmpty()) {
        throw new ValueException("expected " + expected + " without a unit, got '" + written + "'");
      }
      throw new ValueException("expected " + expected + ", got '" + written + "'");
    }
    BigInteger value = new BigInteger(written.replace("_", ""));
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new ValueException("expected " + expected + ", got '" + written + "'");
    }
    return value.longValueExact();
  }

  /** A power for messages: {@code 80 W}, {@code 4.6 kW}, {@code 1.5 MW}. */
  static String formatPower(double watts) {
    Unit unit = Unit.WATT;
    for (Unit u : List.of(Unit.KILOWATT, Unit.MEGAWATT, Unit.GIGAWATT)) {
      if (Math.abs(watts) >= u.factor().doubleValue()) {
        unit = u;
      }
    }
    BigDecimal value =
        new BigDecimal(watts)
            .divide(unit.factor(), new MathContext(6, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    return value.toPlainString() + " " + unit.symbol();
  }

  private static String wholeNumber(long min, long max) {
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return "a whole number";
    }
    if (max == Long.MAX_VALUE) {
      return String.format("a whole number >= %,d", min);
    }
    return String.format("a whole number between %,d and %,d", min, max);
  }

  /** The number times its unit's factor, in the dimension's base unit. */
  private static BigDecimal measured(String written, Dimension dimension, Bound bound)
      throws ValueException {
    Measure m = measure(written, dimension);
    if (!bound.admits(m.number().signum())) {
      throw new ValueException(
          "expected " + dimension.noun() + " " + bound.text() + ", got '" + written + "'");
    }
    return m.number().multiply(m.unit().factor());
  }

  /** A finite number and a unit of {@code dimension}, as written. */
  private record Measure(BigDecimal number, Unit unit) {}

  private static Measure measure(String written, Dimension dimension) throws ValueException {
    Quantity q = finite(written, dimension.expected(), " for " + dimension.noun());
    if (q.unitText().isEmpty()) {
      throw new ValueException(
          "'" + written + "' needs a unit, e.g. '" + written + " " + dimension.exampleUnit() + "'");
    }
    Unit unit = unit(q, written, dimension);
    if (unit.dimension() != dimension.units()) {
      throw new ValueException(
          "expected "
              + dimension.expected()
              + ", got "
              + unit.dimension().noun()
              + " '"
              + written
              + "'");
    }
    return new Measure(q.number(), unit);
  }

  /**
   * The quantity written, which must be a finite number within the range of a 64-bit floating-point
   * number.
   *
   * @param range what it is out of range for, e.g. " for a duration"; empty for a plain number
   */
  private static Quantity finite(String written, String expected, String range)
      throws ValueException {
    if (Quantity.isNonFinite(written)) {
      throw new ValueException(
          "expected " + expected + ", got '" + written + "', which is not a finite number");
    }
    Quantity q =
        Quantity.parse(written)
            .orElseThrow(
                () -> new ValueException("expected " + expected + ", got '" + written + "'"));
    if (!q.fitsDouble()) {
      throw new ValueException("'" + written + "' is out of range" + range);
    }
    return q;
  }

  private static Unit unit(Quantity q, String written, Dimension expected) throws ValueException {
    String symbol = q.unitText();
    Optional<Unit> unit = Unit.bySymbol(symbol);
    if (unit.isPresent()) {
      return unit.get();
    }
    String allowed =
        expected == Dimension.PERCENTAGE
            ? "; write a fraction as 0.7 or as a percentage, 70 %"
            : "; "
                + expected.noun().substring(2)
                + " units are "
                + String.join(", ", Unit.symbols(expected.units()));
    throw new ValueException(
        "unknown unit '" + symbol + "' in '" + written + "'" + allowed + suggestion(q, expected));
  }

  /** What the unit written was probably meant to be, among the units of {@code expected}. */
  private static String suggestion(Quantity q, Dimension expected) {
    String symbol = q.unitText();
    List<String> symbols = Unit.symbols(expected.units());
    if (expected.units() == Dimension.TEMPERATURE
        && FAHRENHEIT.contains(symbol.toLowerCase(Locale.ROOT))) {
      return fahrenheit(q.number(), expected);
    }
    for (String s : symbols) {
      if (s.equalsIgnoreCase(symbol)) {
        return " (units are case-sensitive: did you mean '" + s + "'?)";
      }
    }
    String alias = ALIASES.get(symbol.toLowerCase(Locale.ROOT));
    if (alias != null && symbols.contains(alias)) {
      return " (did you mean '" + alias + "'?)";
    }
    return symbol.length() < 2 ? "" : Suggestions.didYouMean(symbol, symbols);
  }

  /** " (Fahrenheit is not accepted: 113 °F is 45 °C)", or the same for a difference in K. */
  private static String fahrenheit(BigDecimal number, Dimension expected) {
    BigDecimal nine = BigDecimal.valueOf(9);
    BigDecimal five = BigDecimal.valueOf(5);
    String converted;
    if (expected == Dimension.TEMPERATURE) {
      BigDecimal celsius =
          number
              .subtract(BigDecimal.valueOf(32))
              .multiply(five)
              .divide(nine, MathContext.DECIMAL64);
      converted =
          number.stripTrailingZeros().toPlainString()
              + " °F is "
              + formatCelsius(celsius.doubleValue());
    } else {
      BigDecimal kelvins = number.multiply(five).divide(nine, MathContext.DECIMAL64);
      converted =
          "a difference of "
              + number.stripTrailingZeros().toPlainString()
              + " °F is "
              + formatKelvins(kelvins.doubleValue());
    }
    return " (Fahrenheit is not accepted: " + converted + ")";
  }
}
