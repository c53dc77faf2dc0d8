package org.aifactory.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureDomain;
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
  static final List<String> KEYS = Language.FAILURES.keys();
  static final List<String> CAUSE_KEYS = Language.CAUSE.keys();

  static final Map<String, FailureScope> SCOPES =
      Field.ordered(Language.FAILURE_SCOPES, s -> FailureScope.valueOf(s.toUpperCase(Locale.ROOT)));
  static final Map<String, FailureDomain> DOMAINS =
      Field.ordered(
          Language.FAILURE_DOMAINS, d -> FailureDomain.valueOf(d.toUpperCase(Locale.ROOT)));
  private static final Map<String, String> PROFILES =
      Field.ordered(FailureProfile.builtInNames(), Function.identity());

  private static final String SCALE_EXPECTED =
      "a number > 0 that multiplies the failure rate, e.g. 2";

  private final Diagnostics diagnostics;
  private final FailureTimes failureTimes;

  FailureBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.failureTimes = new FailureTimes(diagnostics);
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
    MapReader failures = reader.get().allowOnly(Language.FAILURES);
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
    Field domainField = failures.field("failure_domain");
    Optional<FailureDomain> domain =
        domainField.isPresent() ? domainField.choice(DOMAINS) : Optional.of(FailureDomain.SYSTEM);
    Set<String> ownDomain = new HashSet<>();
    Optional<FailureProfile> profile = causes(failures.field("causes"), base, ownDomain);
    if (profile.isEmpty()
        || scale.isEmpty()
        || swap.isEmpty()
        || failedPower.isEmpty()
        || domain.isEmpty()) {
      return Optional.empty();
    }
    if (domain.get() != FailureDomain.SYSTEM) {
      profile = Optional.of(withGpuDomain(profile.get(), domain.get(), ownDomain));
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

  /**
   * {@code profile} with every GPU cause that does not give its own {@code failure_domain} (those
   * in {@code ownDomain}) contained in {@code domain}.
   */
  private static FailureProfile withGpuDomain(
      FailureProfile profile, FailureDomain domain, Set<String> ownDomain) {
    FailureProfile result = profile;
    for (FailureCause c : profile.causes()) {
      if (c.scope() == FailureScope.GPU && !ownDomain.contains(c.name())) {
        result = result.with(c.inDomain(domain));
      }
    }
    return result;
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
   *
   * @param ownDomain receives the names of the causes that give their own failure_domain
   */
  private Optional<FailureProfile> causes(
      Field section, Optional<FailureProfile> base, Set<String> ownDomain) {
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
      if (reader.get().field("failure_domain").isPresent()) {
        ownDomain.add(name);
      }
      Optional<FailureCause> cause =
          cause(reader.get().allowOnly(Language.CAUSE), name, existing, isNew);
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
    List<Field> times = FailureTimes.given(cause);
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
        failureTimes.timeToFailure(
            cause, times, existing.map(FailureCause::timeToFailure), reported ? "" : newCause);
    Field repairField = cause.field("repair");
    Optional<TimeDistribution> repair =
        repairField.isPresent()
            ? failureTimes.repair(repairField)
            : Optional.of(existing.map(FailureCause::repair).orElse(FailureProfile.DEFAULT_REPAIR));
    Field plannedField = cause.field("planned");
    Optional<Boolean> planned =
        plannedField.isPresent()
            ? plannedField.bool()
            : Optional.of(existing.map(FailureCause::planned).orElse(false));
    Field scaleField = cause.field("scale");
    Optional<Double> scale =
        scaleField.isPresent() ? scaleField.positiveNumber(SCALE_EXPECTED) : Optional.of(1.0);
    Field domainField = cause.field("failure_domain");
    Optional<FailureDomain> domain =
        domainField.isPresent()
            ? domainField.choice(DOMAINS)
            : Optional.of(existing.map(FailureCause::domain).orElse(FailureDomain.SYSTEM));
    if (scope.isEmpty()
        || timeToFailure.isEmpty()
        || repair.isEmpty()
        || planned.isEmpty()
        || scale.isEmpty()
        || domain.isEmpty()) {
      return Optional.empty();
    }
    if (domain.get() == FailureDomain.FRU && scope.get() != FailureScope.GPU) {
      diagnostics.error(
          domainField.location(),
          domainField.path(),
          "only a GPU failure (scope gpu) can be contained in its field-replaceable unit; a "
              + scope.get().name().toLowerCase(Locale.ROOT)
              + " failure "
              + (scope.get() == FailureScope.SYSTEM
                  ? "takes its whole system (failure_domain: system)"
                  : "takes no hardware down"));
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
              new FailureCause(
                  name,
                  scope.get(),
                  timeToFailure.get(),
                  repair.get(),
                  planned.get(),
                  domain.get());
          return scale.get() == 1 ? c : c.scaled(scale.get());
        });
  }
}
