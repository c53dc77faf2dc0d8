package org.aifactory.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.UnitReliability;

/**
 * Reads how a unit fails and is repaired, the same way wherever units fail: a failure cause's
 * {@code mtbf}, {@code rate} or {@code time_to_failure} (at most one), and its {@code repair} (a
 * mean duration or a distribution). Used by {@code failures.causes}, the cooling plant's units and
 * every component of the power chain; where a map describes two kinds of units, their keys carry a
 * prefix ({@code module_mtbf}, {@code battery_repair}).
 */
final class FailureTimes {
  /** The ways of giving a time to failure; at most one. */
  static final List<String> FORMS = Language.TIME_TO_FAILURE_FORMS;

  static final List<String> TIME_TO_FAILURE_KEYS = Language.TIME_TO_FAILURE.keys();
  static final List<String> REPAIR_KEYS = Language.REPAIR.keys();

  private final Diagnostics diagnostics;

  FailureTimes(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The fields of {@code map} that give a time to failure ({@link #FORMS}), in key order. */
  static List<Field> given(MapReader map) {
    return given(map, "");
  }

  /** The fields of {@code map} that give a time to failure, the keys after {@code prefix}. */
  static List<Field> given(MapReader map, String prefix) {
    return FORMS.stream().map(f -> map.field(prefix + f)).filter(Field::isPresent).toList();
  }

  /**
   * The keys of {@code prefix}'s failure language: {@code module_mtbf}, ..., {@code module_repair}.
   */
  static List<String> keys(String prefix) {
    return Language.FAILING_KEYS.stream().map(k -> prefix + k).toList();
  }

  /**
   * A unit's time to failure and repair from the keys of {@code map} after {@code prefix}; what is
   * not written keeps {@code defaults}'. Empty after errors (reported).
   */
  Optional<UnitReliability> unit(MapReader map, String prefix, UnitReliability defaults) {
    Optional<TimeDistribution> timeToFailure =
        timeToFailure(map, given(map, prefix), Optional.of(defaults.timeToFailure()), "", prefix);
    Field repairField = map.field(prefix + "repair");
    Optional<TimeDistribution> repair =
        repairField.isPresent() ? repair(repairField) : Optional.of(defaults.repair());
    if (timeToFailure.isEmpty() || repair.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UnitReliability(timeToFailure.get(), repair.get()));
  }

  /**
   * From exactly one of mtbf, rate and time_to_failure ({@code given}: those present), or {@code
   * existing}. A missing one is reported if {@code newCause} (why it is needed) is not empty.
   */
  Optional<TimeDistribution> timeToFailure(
      MapReader cause, List<Field> given, Optional<TimeDistribution> existing, String newCause) {
    return timeToFailure(cause, given, existing, newCause, "");
  }

  private Optional<TimeDistribution> timeToFailure(
      MapReader cause,
      List<Field> given,
      Optional<TimeDistribution> existing,
      String newCause,
      String prefix) {
    if (given.size() > 1) {
      List<Field> inFileOrder = given.stream().sorted(Field.WRITTEN_ORDER).toList();
      Field second = inFileOrder.get(1);
      diagnostics.error(
          second.keyLocation(),
          second.path(),
          "give only one of "
              + prefix
              + "mtbf, "
              + prefix
              + "rate and "
              + prefix
              + "time_to_failure, not "
              + inFileOrder.get(0).key()
              + " and "
              + second.key());
      return Optional.empty();
    }
    if (given.isEmpty()) {
      if (!newCause.isEmpty()) {
        diagnostics.error(
            cause.location(),
            FieldPath.key(cause.path(), "mtbf"),
            "missing the time to failure: give mtbf (a mean, e.g. 400 y), rate (e.g. 6.5 per"
                + " 1000 d) or time_to_failure (a distribution)"
                + newCause);
        return Optional.empty();
      }
      return existing;
    }
    Field field = given.get(0);
    return switch (field.key().substring(prefix.length())) {
      case "mtbf" -> field.seconds(Bound.POSITIVE).map(TimeDistribution.Exponential::new);
      case "rate" -> field.rateMeanSeconds().map(TimeDistribution.Exponential::new);
      default ->
          distribution(
              field,
              Language.TIME_TO_FAILURE_DISTRIBUTIONS,
              Language.TIME_TO_FAILURE,
              " (or, for an exponential time to failure, write "
                  + prefix
                  + "mtbf: <mean> instead)");
    };
  }

  /** A duration (the mean of an exponential; 0: no repair time) or a distribution map. */
  Optional<TimeDistribution> repair(Field field) {
    if (field.node().orElseThrow() instanceof YamlMap) {
      return distribution(field, Language.REPAIR_DISTRIBUTIONS, Language.REPAIR, "");
    }
    return field
        .seconds(
            Bound.NON_NEGATIVE,
            "a duration (the mean of an exponential repair time, e.g. 24 h) or a map with keys "
                + String.join(", ", REPAIR_KEYS))
        .map(
            s ->
                s == 0
                    ? new TimeDistribution.Fixed(0)
                    : (TimeDistribution) new TimeDistribution.Exponential(s));
  }

  /** {@code {distribution: <name>, <its parameters>}}. */
  private Optional<TimeDistribution> distribution(
      Field field, Map<String, List<String>> distributions, Section section, String hint) {
    List<String> keys = section.keys();
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", keys) + hint);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get().allowOnly(section);
    Optional<String> kind =
        map.field("distribution")
            .required("the distribution: " + String.join(", ", distributions.keySet()))
            .choice(Field.ordered(List.copyOf(distributions.keySet()), Function.identity()));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    List<String> parameters = distributions.get(kind.get());
    boolean ok = true;
    for (String key : keys) {
      Field other = map.field(key);
      if (!key.equals("distribution") && !parameters.contains(key) && map.map().containsKey(key)) {
        diagnostics.error(
            other.keyLocation(),
            other.path(),
            "'"
                + key
                + "' is not a parameter of the "
                + kind.get()
                + " distribution, which takes "
                + String.join(" and ", parameters));
        ok = false;
      }
    }
    String needs =
        "; the " + kind.get() + " distribution takes " + String.join(" and ", parameters);
    Optional<TimeDistribution> d =
        switch (kind.get()) {
          case "exponential" ->
              map.field("mean")
                  .required("the mean, e.g. 24 h" + needs)
                  .seconds(Bound.POSITIVE)
                  .map(TimeDistribution.Exponential::new);
          case "weibull" -> {
            Optional<Double> shape =
                map.field("shape")
                    .required("the shape k, a number > 0 (k < 1: failures come early)" + needs)
                    .positiveNumber("a number > 0 (the shape k)");
            Optional<Double> scale =
                map.field("scale")
                    .required("the scale, a duration > 0, e.g. 1000 h" + needs)
                    .seconds(Bound.POSITIVE);
            yield shape.isEmpty() || scale.isEmpty()
                ? Optional.empty()
                : construct(map, () -> new TimeDistribution.Weibull(shape.get(), scale.get()));
          }
          case "lognormal" -> {
            Optional<Double> median =
                map.field("median")
                    .required("the median, a duration > 0, e.g. 4 h" + needs)
                    .seconds(Bound.POSITIVE);
            Optional<Double> sigma =
                map.field("sigma")
                    .required("sigma of the underlying normal, a number > 0, e.g. 1" + needs)
                    .positiveNumber("a number > 0 (sigma of the underlying normal)");
            yield median.isEmpty() || sigma.isEmpty()
                ? Optional.empty()
                : construct(map, () -> new TimeDistribution.Lognormal(median.get(), sigma.get()));
          }
          default ->
              map.field("value")
                  .required("the duration, e.g. 4 h" + needs)
                  .seconds(Bound.NON_NEGATIVE)
                  .map(TimeDistribution.Fixed::new);
        };
    return ok ? d : Optional.empty();
  }

  private Optional<TimeDistribution> construct(
      MapReader map, Supplier<TimeDistribution> constructor) {
    return diagnostics.construct(map.location(), map.path(), constructor);
  }
}
