package org.aifactory.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;

/**
 * Binds {@code failures:} to a {@link FailureSpec}: a built-in {@link FailureProfile} whose causes
 * a scenario may override (some fields), add (all fields), remove (an empty value) and scale. Times
 * are read as double seconds, not {@link Duration}s: one GPU's mean time to failure can be
 * centuries, beyond the clock's 292 years.
 */
final class FailureBinder {
  static final List<String> KEYS =
      List.of("profile", "scale", "spare_swap_time", "failed_power", "causes");
  static final List<String> CAUSE_KEYS =
      List.of("scope", "mtbf", "rate", "time_to_failure", "repair", "planned", "scale");
  static final List<String> TIME_TO_FAILURE_KEYS =
      List.of("distribution", "mean", "scale", "median", "shape", "sigma");
  static final List<String> REPAIR_KEYS =
      List.of("distribution", "mean", "median", "value", "sigma");

  /** The ways of giving a cause's time to failure; at most one, and a new cause needs one. */
  private static final List<String> TIME_TO_FAILURE_FORMS =
      List.of("mtbf", "rate", "time_to_failure");

  static final Map<String, FailureScope> SCOPES =
      Field.ordered(
          List.of("gpu", "system", "network", "job"),
          s -> FailureScope.valueOf(s.toUpperCase(Locale.ROOT)));
  private static final Map<String, String> PROFILES =
      Field.ordered(FailureProfile.builtInNames(), Function.identity());

  /** Each distribution's parameters, in the order they are listed in messages. */
  static final Map<String, List<String>> TIME_TO_FAILURE_DISTRIBUTIONS =
      Field.ordered(
          List.of("exponential", "weibull", "lognormal"),
          d ->
              switch (d) {
                case "exponential" -> List.of("mean");
                case "weibull" -> List.of("shape", "scale");
                default -> List.of("median", "sigma");
              });

  static final Map<String, List<String>> REPAIR_DISTRIBUTIONS =
      Field.ordered(
          List.of("exponential", "lognormal", "fixed"),
          d ->
              switch (d) {
                case "exponential" -> List.of("mean");
                case "lognormal" -> List.of("median", "sigma");
                default -> List.of("value");
              });

  private static final String SCALE_EXPECTED =
      "a number > 0 that multiplies the failure rate, e.g. 2";

  private final Diagnostics diagnostics;

  FailureBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The failure spec; {@link FailureSpec#none()} if the key is absent; empty after errors. */
  Optional<FailureSpec> bind(Field field) {
    if (!field.isPresent()) {
      return Optional.of(FailureSpec.none());
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader failures = reader.get().allowOnly(KEYS);
    Field profileField = failures.field("profile");
    Optional<FailureProfile> base =
        profileField.isPresent()
            ? profileField.choice(PROFILES).flatMap(FailureProfile::builtIn)
            : Optional.of(FailureProfile.none());
    Field scaleField = failures.field("scale");
    Optional<Double> scale =
        scaleField.isPresent()
            ? scaleField.positiveNumber(
                "a number > 0 that multiplies the rate of every cause, e.g. 2")
            : Optional.of(1.0);
    Field swapField = failures.field("spare_swap_time");
    Optional<Duration> swap =
        swapField.isPresent()
            ? swapField.duration(Bound.NON_NEGATIVE)
            : Optional.of(FailureSpec.DEFAULT_SPARE_SWAP);
    Field failedPowerField = failures.field("failed_power");
    Optional<Double> failedPower =
        failedPowerField.isPresent() ? failedPowerField.fraction() : Optional.of(0.0);
    Optional<FailureProfile> profile = causes(failures.field("causes"), base);
    if (profile.isEmpty() || scale.isEmpty() || swap.isEmpty() || failedPower.isEmpty()) {
      return Optional.empty();
    }
    if (scale.get() != 1 && !scalable(profile.get(), scale.get(), scaleField)) {
      return Optional.empty();
    }
    FailureProfile scaled = scale.get() == 1 ? profile.get() : profile.get().scaled(scale.get());
    return diagnostics.construct(
        failures.location(),
        failures.path(),
        () -> new FailureSpec(scaled, swap.get(), failedPower.get()));
  }

  /** Whether every cause of {@code profile} scaled by {@code scale} is usable; else reported. */
  private boolean scalable(FailureProfile profile, double scale, Field scaleField) {
    List<String> problems = new ArrayList<>();
    for (FailureCause c : profile.causes()) {
      FailureScaling.problem(c.timeToFailure(), scale, " of cause '" + c.name() + "'")
          .ifPresent(problems::add);
    }
    if (problems.isEmpty()) {
      return true;
    }
    String more =
        problems.size() == 1
            ? ""
            : "; and so for "
                + (problems.size() - 1)
                + " more cause"
                + (problems.size() > 2 ? "s" : "");
    diagnostics.error(scaleField.location(), scaleField.path(), problems.get(0) + more);
    return false;
  }

  /**
   * {@code base} with the causes of {@code section} applied in file order; empty if anything is
   * wrong. If {@code base} is empty (an unknown profile, reported) the causes are only checked.
   */
  private Optional<FailureProfile> causes(Field section, Optional<FailureProfile> base) {
    if (!section.isPresent()) {
      return base;
    }
    Optional<MapReader> map = section.map("a map of failure causes by name");
    if (map.isEmpty()) {
      return Optional.empty();
    }
    FailureProfile profile = base.orElse(null);
    boolean ok = base.isPresent();
    for (YamlEntry entry : map.get().map().entries()) {
      String name = entry.key();
      String path = FieldPath.key(section.path(), name);
      String problem = Names.problem(name);
      if (problem != null) {
        diagnostics.error(entry.keyLocation(), path, problem);
        ok = false;
        continue;
      }
      Optional<FailureCause> existing = base.flatMap(b -> b.cause(name));
      if (entry.value() instanceof YamlScalar scalar && scalar.isNull()) {
        if (existing.isPresent()) {
          profile = profile.without(name);
        } else if (base.isPresent()) {
          diagnostics.error(
              entry.keyLocation(), path, "nothing to remove: " + notInProfile(name, base.get()));
          ok = false;
        }
        continue;
      }
      Optional<MapReader> reader =
          MapReader.of(
              entry.value(),
              path,
              "a failure cause: a map with keys "
                  + String.join(", ", CAUSE_KEYS)
                  + ", or nothing to remove the cause",
              diagnostics);
      if (reader.isEmpty()) {
        ok = false;
        continue;
      }
      Optional<String> isNew =
          base.isPresent() && existing.isEmpty()
              ? Optional.of(notInProfile(name, base.get()))
              : Optional.empty();
      Optional<FailureCause> cause =
          cause(reader.get().allowOnly(CAUSE_KEYS), name, existing, isNew);
      if (cause.isPresent() && profile != null) {
        profile = profile.with(cause.get());
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(profile) : Optional.empty();
  }

  /** "'x' is not a cause of profile 'llama3' (did you mean 'y'?)". */
  private static String notInProfile(String name, FailureProfile profile) {
    List<String> names = profile.causes().stream().map(FailureCause::name).toList();
    if (names.isEmpty()) {
      return "profile '" + profile.name() + "' has no causes";
    }
    return "'"
        + name
        + "' is not a cause of profile '"
        + profile.name()
        + "'"
        + Suggestions.didYouMean(name, names);
  }

  /**
   * One cause: an override of {@code existing} (fields not given keep its values) or, if {@code
   * isNew} holds why it is new, a new cause (scope and a time to failure required). Empty after
   * errors, or when there is nothing to build on (an unknown profile).
   */
  private Optional<FailureCause> cause(
      MapReader cause, String name, Optional<FailureCause> existing, Optional<String> isNew) {
    Field scopeField = cause.field("scope");
    List<Field> times =
        TIME_TO_FAILURE_FORMS.stream().map(cause::field).filter(Field::isPresent).toList();
    String newCause = isNew.map(why -> "; needed by a new cause: " + why).orElse("");
    boolean reported = false;
    if (isNew.isPresent() && !scopeField.isPresent() && times.isEmpty()) {
      diagnostics.error(
          cause.location(),
          cause.path(),
          isNew.get()
              + ", so it is a new cause and needs scope (gpu, system, network or job) and a time"
              + " to failure (mtbf, rate or time_to_failure)");
      reported = true;
    } else if (isNew.isPresent()) {
      scopeField.required("what one failure strikes: gpu, system, network or job" + newCause);
    }
    Optional<FailureScope> scope =
        scopeField.isPresent() ? scopeField.choice(SCOPES) : existing.map(FailureCause::scope);
    Optional<TimeDistribution> timeToFailure =
        timeToFailure(cause, times, existing, reported ? "" : newCause);
    Field repairField = cause.field("repair");
    Optional<TimeDistribution> repair =
        repairField.isPresent()
            ? repair(repairField)
            : Optional.of(existing.map(FailureCause::repair).orElse(FailureProfile.DEFAULT_REPAIR));
    Field plannedField = cause.field("planned");
    Optional<Boolean> planned =
        plannedField.isPresent()
            ? plannedField.bool()
            : Optional.of(existing.map(FailureCause::planned).orElse(false));
    Field scaleField = cause.field("scale");
    Optional<Double> scale =
        scaleField.isPresent() ? scaleField.positiveNumber(SCALE_EXPECTED) : Optional.of(1.0);
    if (scope.isEmpty()
        || timeToFailure.isEmpty()
        || repair.isEmpty()
        || planned.isEmpty()
        || scale.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> unscalable =
        scale.get() == 1
            ? Optional.empty()
            : FailureScaling.problem(timeToFailure.get(), scale.get(), "");
    if (unscalable.isPresent()) {
      diagnostics.error(scaleField.location(), scaleField.path(), unscalable.get());
      return Optional.empty();
    }
    return diagnostics.construct(
        cause.location(),
        cause.path(),
        () -> {
          FailureCause c =
              new FailureCause(name, scope.get(), timeToFailure.get(), repair.get(), planned.get());
          return scale.get() == 1 ? c : c.scaled(scale.get());
        });
  }

  /**
   * From exactly one of mtbf, rate and time_to_failure ({@code given}: those present), or the
   * existing cause's. A missing one is reported if {@code newCause} (why it is needed) is not
   * empty.
   */
  private Optional<TimeDistribution> timeToFailure(
      MapReader cause, List<Field> given, Optional<FailureCause> existing, String newCause) {
    if (given.size() > 1) {
      List<Field> inFileOrder = given.stream().sorted(Field.WRITTEN_ORDER).toList();
      Field second = inFileOrder.get(1);
      diagnostics.error(
          second.keyLocation(),
          second.path(),
          "give only one of mtbf, rate and time_to_failure, not "
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
      return existing.map(FailureCause::timeToFailure);
    }
    Field field = given.get(0);
    return switch (field.key()) {
      case "mtbf" -> field.seconds(Bound.POSITIVE).map(TimeDistribution.Exponential::new);
      case "rate" -> field.rateMeanSeconds().map(TimeDistribution.Exponential::new);
      default ->
          distribution(
              field,
              TIME_TO_FAILURE_DISTRIBUTIONS,
              TIME_TO_FAILURE_KEYS,
              " (or, for an exponential time to failure, write mtbf: <mean> instead)");
    };
  }

  /** A duration (the mean of an exponential; 0: no repair time) or a distribution map. */
  private Optional<TimeDistribution> repair(Field field) {
    if (field.node().orElseThrow() instanceof YamlMap) {
      return distribution(field, REPAIR_DISTRIBUTIONS, REPAIR_KEYS, "");
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
      Field field, Map<String, List<String>> distributions, List<String> keys, String hint) {
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", keys) + hint);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get().allowOnly(keys);
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
