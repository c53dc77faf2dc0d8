package org.aifactory.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a key of the scenario language takes: a scalar of some kind, one of some words, a map of
 * known keys ({@link Section}), a list, a map of entries by name, or one of several of these. The
 * binders read values by their own rules; this is the shape those rules accept, described once so
 * that the JSON Schema ({@link LanguageSchema}) says what the loader accepts.
 */
sealed interface ValueKind {
  /** Free text: a description, a file name, a reference to something named elsewhere. */
  ValueKind TEXT = new Scalar(ScalarType.TEXT);

  /** A name (see {@link Names}). */
  ValueKind NAME = new Scalar(ScalarType.NAME);

  /** A plain number without a unit. */
  ValueKind NUMBER = new Scalar(ScalarType.NUMBER);

  /** A whole number; '_' may separate digits. */
  ValueKind INTEGER = new Scalar(ScalarType.INTEGER);

  ValueKind BOOL = new Scalar(ScalarType.BOOL);

  /** A fraction: a number in [0, 1] or a percentage ({@code 70 %}). */
  ValueKind FRACTION = new Scalar(ScalarType.FRACTION);

  /** US dollars: {@code 500} or {@code $500}. */
  ValueKind MONEY = new Scalar(ScalarType.MONEY);

  /** {@code <count> per <duration>}: {@code 6.5 per 1000 d}, {@code 2 per y}. */
  ValueKind RATE = new Scalar(ScalarType.RATE);

  /** A redundancy design: N, N+1, 2N, 2(N+1), 4N/3. */
  ValueKind DESIGN = new Scalar(ScalarType.DESIGN);

  /** A ramp of the grid import: a power per second, minute or hour ({@code 10 MW/min}). */
  ValueKind GRID_RAMP = new Scalar(ScalarType.GRID_RAMP);

  /** A band of frequencies: {@code 0.1-1 Hz}. */
  ValueKind BAND = new Scalar(ScalarType.BAND);

  ValueKind DURATION = new Measure(Dimension.DURATION);
  ValueKind POWER = new Measure(Dimension.POWER);
  ValueKind TEMPERATURE = new Measure(Dimension.TEMPERATURE);
  ValueKind TEMPERATURE_DIFFERENCE = new Measure(Dimension.TEMPERATURE_DIFFERENCE);
  ValueKind THERMAL_RESISTANCE = new Measure(Dimension.THERMAL_RESISTANCE);
  ValueKind WATER_USE = new Measure(Dimension.WATER_USE);
  ValueKind HEAT_CAPACITY = new Measure(Dimension.HEAT_CAPACITY);
  ValueKind RAMP_RATE = new Measure(Dimension.RAMP_RATE);
  ValueKind VOLTAGE = new Measure(Dimension.VOLTAGE);
  ValueKind RESISTANCE = new Measure(Dimension.RESISTANCE);
  ValueKind ENERGY = new Measure(Dimension.ENERGY);

  /** Anything: the paths and values of a variant's {@code set}, checked when they are applied. */
  ValueKind ANY = new Anything();

  /** An empty value ({@code key:}, {@code ~}), where it means something (no generators). */
  ValueKind EMPTY = new Empty();

  /** Scalars read by the rules of {@link Values} (or, for a design, {@link StageLayoutReader}). */
  enum ScalarType {
    TEXT,
    NAME,
    NUMBER,
    INTEGER,
    BOOL,
    FRACTION,
    MONEY,
    RATE,
    DESIGN,
    GRID_RAMP,
    BAND
  }

  record Scalar(ScalarType type) implements ValueKind {}

  /** A number with a unit of {@code dimension} (see {@link Unit}). */
  record Measure(Dimension dimension) implements ValueKind {}

  /** Exactly one of {@code words}, as spelt. */
  record Choice(List<String> words) implements ValueKind {
    public Choice {
      words = List.copyOf(words);
    }
  }

  /** A map of the keys of {@code section}. */
  record Of(Section section) implements ValueKind {}

  record ListOf(ValueKind element) implements ValueKind {}

  /**
   * A map of entries by name, each an {@code entry} (catalog GPUs, failure causes); with {@code
   * removable}, an entry may be written empty to remove a built-in one.
   */
  record ByName(ValueKind entry, boolean removable) implements ValueKind {}

  /**
   * A map whose {@code key} (required) says which section it is: a workload's {@code type}.
   *
   * @param sections the section of each value of the key, in the order of messages
   */
  record ByType(String key, Map<String, Section> sections) implements ValueKind {
    public ByType {
      sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }
  }

  /** Any one of {@code kinds}: {@code generators: none} or a map. */
  record AnyOf(List<ValueKind> kinds) implements ValueKind {
    public AnyOf {
      kinds = List.copyOf(kinds);
    }
  }

  /** A map from any written point (a load fraction) to a value: an efficiency curve. */
  record Table(ValueKind value) implements ValueKind {}

  record Anything() implements ValueKind {}

  record Empty() implements ValueKind {}

  static ValueKind choice(List<String> words) {
    return new Choice(words);
  }

  static ValueKind choice(String... words) {
    return new Choice(List.of(words));
  }

  static ValueKind of(Section section) {
    return new Of(section);
  }

  static ValueKind listOf(ValueKind element) {
    return new ListOf(element);
  }

  static ValueKind anyOf(ValueKind... kinds) {
    return new AnyOf(List.of(kinds));
  }
}
