package org.aifactory.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.power.UtilitySpec.InterruptionProcess;

/**
 * Binds {@code power.utility} to a {@link UtilitySpec}: sustained outages (a Poisson rate and a
 * duration distribution, heavy-tailed if wanted), momentary events, and the feeds with their common
 * fraction. {@code perfect} is a utility that never fails. Keys not written keep the EIA defaults
 * of {@link UtilitySpec#eiaDefaults()}.
 */
final class UtilityReader {
  static final List<String> KEYS = Language.UTILITY.keys();

  /** {@code utility: perfect}: a utility that never fails. */
  static final String PERFECT_UTILITY = Language.PERFECT_UTILITY;

  /** The 365-day year that the utility's rates are per ({@link InterruptionProcess#poisson}). */
  private static final double SECONDS_PER_YEAR = 365 * 86_400.0;

  private static final String PER_YEAR_EXPECTED =
      "a number >= 0 of events per year (0: none), e.g. 1.2";

  private final Diagnostics diagnostics;
  private final FailureTimes failureTimes;

  UtilityReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.failureTimes = new FailureTimes(diagnostics);
  }

  /** A map, or {@code perfect}. */
  Optional<UtilitySpec> read(Field field) {
    UtilitySpec eia = UtilitySpec.eiaDefaults();
    if (!field.isPresent()) {
      return Optional.of(eia);
    }
    String expected =
        "a map with keys "
            + String.join(", ", KEYS)
            + ", or "
            + PERFECT_UTILITY
            + " (a utility that never fails)";
    YamlNode node = field.node().orElseThrow();
    if (node instanceof YamlScalar scalar) {
      if (scalar.text().equals(PERFECT_UTILITY)) {
        return Optional.of(UtilitySpec.perfect());
      }
      diagnostics.error(
          scalar.location(),
          field.path(),
          "expected "
              + expected
              + ", got "
              + scalar.describe()
              + Suggestions.didYouMean(scalar.text(), List.of(PERFECT_UTILITY)));
      return Optional.empty();
    }
    Optional<MapReader> reader = field.map(expected);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader utility = reader.get().allowOnly(Language.UTILITY);
    Optional<TimeDistribution> sustainedDuration = outageDuration(utility, eia);
    Optional<Optional<InterruptionProcess>> sustained =
        interruptions(
            utility.field("outages_per_year"),
            sustainedDuration,
            eia.sustainedOutages().orElseThrow());
    Field momentaryField = utility.field("momentary_duration");
    Optional<Optional<InterruptionProcess>> momentary =
        interruptions(
            utility.field("momentary_per_year"),
            momentaryField.isPresent()
                ? momentaryField.duration(Bound.POSITIVE).map(TimeDistribution.Fixed::of)
                : Optional.of(eia.momentaryEvents().orElseThrow().duration()),
            eia.momentaryEvents().orElseThrow());
    Field feedsField = utility.field("feeds");
    Optional<Integer> feeds =
        feedsField.isPresent() ? feedsField.intValue(1, UtilitySpec.MAX_FEEDS) : Optional.of(1);
    Field commonField = utility.field("common_outages");
    Optional<Double> common =
        commonField.isPresent()
            ? commonField.fraction()
            : Optional.of(UtilitySpec.EIA_MAJOR_EVENT_SHARE);
    if (sustained.isEmpty() || momentary.isEmpty() || feeds.isEmpty() || common.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        utility.location(),
        utility.path(),
        // With one feed there is nothing to be common with: β is kept at 0.
        () ->
            new UtilitySpec(
                sustained.get(), momentary.get(), feeds.get(), feeds.get() > 1 ? common.get() : 0));
  }

  /**
   * The duration of a sustained outage: {@code mean_outage} (the mean of an exponential) or {@code
   * outage_duration} (a mean, or a distribution: lognormal for the heavy tail), not both.
   */
  private Optional<TimeDistribution> outageDuration(MapReader utility, UtilitySpec eia) {
    Field meanField = utility.field("mean_outage");
    Field durationField = utility.field("outage_duration");
    if (meanField.isPresent() && durationField.isPresent()) {
      Field second = Collections.max(List.of(meanField, durationField), Field.WRITTEN_ORDER);
      diagnostics.error(
          second.keyLocation(),
          second.path(),
          "give only one of mean_outage and outage_duration, not both (outage_duration takes a"
              + " mean too, or a distribution)");
      return Optional.empty();
    }
    if (durationField.isPresent()) {
      Optional<TimeDistribution> d = failureTimes.repair(durationField);
      if (d.isPresent() && !(d.get().meanSeconds() > 0)) {
        diagnostics.error(
            durationField.location(),
            durationField.path(),
            "an outage lasts more than 0 s: give a duration > 0 or a distribution of them");
        return Optional.empty();
      }
      return d;
    }
    if (meanField.isPresent()) {
      return meanField.duration(Bound.POSITIVE).map(TimeDistribution.Exponential::of);
    }
    return Optional.of(eia.sustainedOutages().orElseThrow().duration());
  }

  /**
   * A Poisson process of interruptions from a rate per year and a duration, each defaulting to
   * {@code eia}'s; an empty inner optional for a rate of 0 (none).
   */
  private Optional<Optional<InterruptionProcess>> interruptions(
      Field perYearField, Optional<TimeDistribution> duration, InterruptionProcess eia) {
    Optional<Double> perYear =
        perYearField.isPresent()
            ? perYearField.number(0, PER_YEAR_EXPECTED)
            : Optional.of(eia.perYear());
    if (perYear.isEmpty() || duration.isEmpty()) {
      return Optional.empty();
    }
    if (perYear.get() == 0) {
      return Optional.of(Optional.empty());
    }
    if (!perYearField.isPresent()) {
      return Optional.of(Optional.of(new InterruptionProcess(eia.interval(), duration.get())));
    }
    // The mean time between events must be a usable duration: 1e-308 per year made it
    // infinite (an exception from the model), 1e308 a few 1e-301 s (a run that never ends).
    double meanSeconds = SECONDS_PER_YEAR / perYear.get();
    if (!Double.isFinite(meanSeconds) || meanSeconds < 1e-9) {
      diagnostics.error(
          perYearField.location(),
          perYearField.path(),
          perYearField.node().orElseThrow().describe()
              + " per year is out of range: the mean time between events would be "
              + (Double.isFinite(meanSeconds)
                  ? String.format(
                      Locale.ROOT,
                      "%.3g s, shorter than the clock's resolution of 1 ns",
                      meanSeconds)
                  : "infinite (beyond the largest 64-bit number, 1.8e308 s)")
              + "; 0 means none");
      return Optional.empty();
    }
    return diagnostics
        .construct(
            perYearField.location(),
            perYearField.path(),
            () -> InterruptionProcess.poisson(perYear.get(), duration.get()))
        .map(Optional::of);
  }
}
