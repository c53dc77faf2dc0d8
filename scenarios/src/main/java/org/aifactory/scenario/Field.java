package org.aifactory.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One key of a map being bound, which may be absent. The typed readers return empty when the key is
 * absent or null, or when its value is wrong (then the error has been reported).
 */
final class Field {
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

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String text) throws ValueException;
  }

  String path() {
    return path;
  }

  /** Whether the key is given with a non-null value. */
  boolean isPresent() {
    return entry != null && !(entry.value() instanceof YamlScalar s && s.isNull());
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

  /** A power in watts. */
  Optional<Double> power(Bound bound) {
    return parse(Dimension.POWER.expected(), text -> Values.power(text, bound));
  }

  Optional<Double> fraction() {
    return parse(Values.FRACTION_EXPECTED, Values::fraction);
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
    try {
      return Optional.of(parser.parse(text.get()));
    } catch (ValueException e) {
      diagnostics.error(location(), path, e.getMessage());
      return Optional.empty();
    }
  }
}
