package org.aifactory.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One key of a map being bound, which may be absent. The typed readers return empty when the key is
 * absent or null, or when its value is wrong (then the error has been reported).
 */
final class Field {
  private static final Map<String, Boolean> BOOLEANS =
      ordered(List.of("true", "false"), Boolean::valueOf);

  private final String path;
  private final String key;
  private final Location parentLocation;
  private final YamlEntry entry;
  private final Diagnostics diagnostics;

  /**
   * @param entry the entry, or null if the key is absent
   */
  Field(
      String path, String key, Location parentLocation, YamlEntry entry, Diagnostics diagnostics) {
    this.path = path;
    this.key = key;
    this.parentLocation = parentLocation;
    this.entry = entry;
    this.diagnostics = diagnostics;
  }

  /** Element {@code index} of {@code list} (at {@code listPath}) as a field. */
  static Field element(YamlList list, int index, String listPath, Diagnostics diagnostics) {
    YamlNode node = list.get(index);
    String key = "[" + index + "]";
    return new Field(
        FieldPath.index(listPath, index),
        key,
        list.location(),
        new YamlEntry(key, node.location(), node),
        diagnostics);
  }

  /** Reads a scalar's text as a value, or says what is wrong with it. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text) throws ValueException;
  }

  String path() {
    return path;
  }

  /** The key, as written in its map. */
  String key() {
    return key;
  }

  /**
   * Fields in the order their keys were written: by line and column, those in the file before those
   * given by {@code --set}.
   */
  static final Comparator<Field> WRITTEN_ORDER =
      Comparator.comparing((Field f) -> f.keyLocation().file().equals(Location.OVERRIDE_FILE))
          .thenComparingInt(f -> f.keyLocation().line())
          .thenComparingInt(f -> f.keyLocation().column());

  /** Whether the key is given with a non-null value. */
  boolean isPresent() {
    return entry != null && !(entry.value() instanceof YamlScalar s && s.isNull());
  }

  /** Whether the key is written with an empty value ({@code key:}, {@code ~}, {@code null}). */
  boolean isEmptyValue() {
    return entry != null && !isPresent();
  }

  /** Reports the key as missing (or empty) if it is; {@code expected} says what it should be. */
  Field required(String expected) {
    if (entry == null) {
      diagnostics.error(
          parentLocation, path, "missing required key '" + key + "' (" + expected + ")");
    } else if (!isPresent()) {
      diagnostics.error(entry.value().location(), path, "needs a value: " + expected);
    }
    return this;
  }

  /** Where the value is; where its map is if the key is absent. */
  Location location() {
    return entry != null ? entry.value().location() : parentLocation;
  }

  /** Where the key is written; where its map is if the key is absent. */
  Location keyLocation() {
    return entry != null ? entry.keyLocation() : parentLocation;
  }

  Optional<YamlNode> node() {
    return isPresent() ? Optional.of(entry.value()) : Optional.empty();
  }

  Optional<String> string(String expected) {
    return scalarText(expected);
  }

  /** A non-blank text, such as a reference to a catalog entry or a cluster. */
  Optional<String> reference(String expected) {
    return parse(
        expected,
        text -> {
          if (text.isBlank()) {
            throw new ValueException("expected " + expected + ", got an empty text");
          }
          return text;
        });
  }

  /** A name (see {@link Names}). */
  Optional<String> name() {
    return parse(Names.EXPECTED, Field::checkName);
  }

  Optional<Duration> duration(Bound bound) {
    return parse(Dimension.DURATION.expected(), text -> Values.duration(text, bound));
  }

  /** A duration as double seconds, without the clock's 292-year limit (see {@link Values}). */
  Optional<Double> seconds(Bound bound) {
    return seconds(bound, Dimension.DURATION.expected());
  }

  /** As {@link #seconds(Bound)}; {@code expected} is reported if the value is not a scalar. */
  Optional<Double> seconds(Bound bound, String expected) {
    return parse(expected, text -> Values.seconds(text, bound));
  }

  /** A rate {@code <count> per <duration>}, as the mean time between events in seconds. */
  Optional<Double> rateMeanSeconds() {
    return parse(Values.RATE_EXPECTED, Values::rateMeanSeconds);
  }

  /** A plain number > 0; {@code expected} describes it, e.g. "a number > 0". */
  Optional<Double> positiveNumber(String expected) {
    return parse(expected, text -> Values.positiveNumber(text, expected));
  }

  /** {@code true} or {@code false}. */
  Optional<Boolean> bool() {
    return choice(BOOLEANS);
  }

  /** A power in watts. */
  Optional<Double> power(Bound bound) {
    return parse(Dimension.POWER.expected(), text -> Values.power(text, bound));
  }

  /** A ramp rate in watts per second ({@code 500 W/s}). */
  Optional<Double> wattsPerSecond(Bound bound) {
    return parse(Dimension.RAMP_RATE.expected(), text -> Values.wattsPerSecond(text, bound));
  }

  /** An energy in joules ({@code 65 J}, {@code 5 kJ}, {@code 0.5 kWh}). */
  Optional<Double> joules(Bound bound) {
    return parse(Dimension.ENERGY.expected(), text -> Values.joules(text, bound));
  }

  /** A temperature in °C ({@code 45 °C} or {@code 318.15 K}) within {@code range}. */
  Optional<Double> celsius(TemperatureRange range) {
    return parse(range.expected(), range::read);
  }

  /**
   * A temperature difference in kelvins ({@code 5 K}, or {@code 5 °C}), at most {@code max}; {@code
   * what} names it in messages, e.g. "a rating difference".
   */
  Optional<Double> kelvins(Bound bound, double max, String what) {
    String expected = what + " " + bound.text() + " and at most " + Values.formatKelvins(max);
    return parse(
        Dimension.TEMPERATURE_DIFFERENCE.expected(),
        text -> {
          double kelvins = Values.kelvins(text, bound);
          if (kelvins > max) {
            throw new ValueException("expected " + expected + ", got '" + text.strip() + "'");
          }
          return kelvins;
        });
  }

  /** A thermal resistance in K/W, > 0 and at most {@code max}. */
  Optional<Double> kelvinsPerWatt(double max) {
    return parse(
        Dimension.THERMAL_RESISTANCE.expected(),
        text -> {
          double value = Values.kelvinsPerWatt(text, Bound.POSITIVE);
          if (value > max) {
            throw new ValueException(
                "expected a thermal resistance > 0 and at most "
                    + Values.plain(max)
                    + " K/W, got '"
                    + text.strip()
                    + "'");
          }
          return value;
        });
  }

  /** Water per energy in L/kWh, >= 0 and at most {@code max}. */
  Optional<Double> litresPerKwh(double max) {
    return parse(
        Dimension.WATER_USE.expected(),
        text -> {
          double value = Values.litresPerKwh(text, Bound.NON_NEGATIVE);
          if (value > max) {
            throw new ValueException(
                "expected a water use >= 0 and at most "
                    + Values.plain(max)
                    + " L/kWh, got '"
                    + text.strip()
                    + "'");
          }
          return value;
        });
  }

  Optional<Double> fraction() {
    return parse(Values.FRACTION_EXPECTED, Values::fraction);
  }

  /** A probability: a fraction, said so in messages. */
  Optional<Double> probability() {
    return parse(
        Values.PROBABILITY_EXPECTED,
        text -> {
          try {
            return Values.fraction(text);
          } catch (ValueException e) {
            throw new ValueException(
                e.getMessage().replace(Values.FRACTION_EXPECTED, Values.PROBABILITY_EXPECTED));
          }
        });
  }

  /** A voltage in volts, from {@code min} to {@code max}. */
  Optional<Double> volts(double min, double max) {
    String expected =
        "a voltage from "
            + Values.plain(min)
            + " V to "
            + String.format(java.util.Locale.ROOT, "%,.0f", max / 1e3)
            + " kV (e.g. 54 V, 415 V, 800 V)";
    return parse(
        Dimension.VOLTAGE.expected(),
        text -> {
          double v = Values.volts(text, Bound.POSITIVE);
          if (v < min || v > max) {
            throw new ValueException("expected " + expected + ", got '" + text.strip() + "'");
          }
          return v;
        });
  }

  /** A resistance in ohms, >= 0 and at most {@code max}. */
  Optional<Double> ohms(double max) {
    return parse(
        Dimension.RESISTANCE.expected(),
        text -> {
          double ohms = Values.ohms(text, Bound.NON_NEGATIVE);
          if (ohms > max) {
            throw new ValueException(
                "expected a resistance >= 0 and at most "
                    + Values.plain(max)
                    + " Ω (a cord's conductor is milliohms), got '"
                    + text.strip()
                    + "'");
          }
          return ohms;
        });
  }

  /** An amount of US dollars >= 0: {@code 500} or {@code $500}. */
  Optional<Double> money() {
    return parse(Values.MONEY_EXPECTED, Values::money);
  }

  /**
   * The scalar read by {@code parser}; {@code expected} is reported if the value is not a scalar.
   * For values particular to one binder.
   */
  <T> Optional<T> value(String expected, Parser<T> parser) {
    return parse(expected, parser);
  }

  /** A plain number at least {@code min}; {@code expected} describes it, e.g. "a number >= 1". */
  Optional<Double> number(double min, String expected) {
    return parse(expected, text -> Values.number(text, min, expected));
  }

  Optional<Long> integer(long min, long max) {
    return parse("a whole number", text -> Values.integer(text, min, max));
  }

  Optional<Integer> intValue(int min, int max) {
    return integer(min, max).map(Long::intValue);
  }

  /** One of the keys of {@code allowed} (exact spelling), mapped to its value. */
  <E> Optional<E> choice(Map<String, E> allowed) {
    String expected = "one of " + String.join(", ", allowed.keySet());
    return parse(
        expected,
        text -> {
          E value = allowed.get(text);
          if (value == null) {
            throw new ValueException(
                "unknown value '"
                    + text
                    + "'"
                    + Suggestions.didYouMean(text, allowed.keySet())
                    + "; allowed: "
                    + String.join(", ", allowed.keySet()));
          }
          return value;
        });
  }

  Optional<MapReader> map(String expected) {
    return node().flatMap(n -> MapReader.of(n, path, expected, diagnostics));
  }

  Optional<YamlList> list(String expected) {
    Optional<YamlNode> node = node();
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlList list) {
      return Optional.of(list);
    }
    diagnostics.error(
        node.get().location(), path, "expected " + expected + ", got " + node.get().describe());
    return Optional.empty();
  }

  /** The choices {@code keys}, each mapped by {@code value}, in that order (for messages). */
  static <E> Map<String, E> ordered(List<String> keys, Function<String, E> value) {
    Map<String, E> map = new LinkedHashMap<>();
    for (String key : keys) {
      map.put(key, value.apply(key));
    }
    return Collections.unmodifiableMap(map);
  }

  private static String checkName(String text) throws ValueException {
    String problem = Names.problem(text);
    if (problem != null) {
      throw new ValueException(problem);
    }
    return text;
  }

  private Optional<String> scalarText(String expected) {
    Optional<YamlNode> node = node();
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlScalar scalar) {
      return Optional.of(scalar.text());
    }
    diagnostics.error(
        node.get().location(), path, "expected " + expected + ", got " + node.get().describe());
    return Optional.empty();
  }

  private <T> Optional<T> parse(String expected, Parser<T> parser) {
    Optional<String> text = scalarText(expected);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().length() > InputLimits.MAX_VALUE_CHARS) {
      diagnostics.error(
          location(),
          path,
          InputLimits.tooLong("a value", text.get(), InputLimits.MAX_VALUE_CHARS)
              + " (only a description may be longer)");
      return Optional.empty();
    }
    try {
      return Optional.of(parser.parse(text.get()));
    } catch (ValueException e) {
      diagnostics.error(location(), path, e.getMessage());
      return Optional.empty();
    }
  }
}
