package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;

/**
 * The utility feed: sustained outages and momentary events (sags, short interruptions). Both force
 * the UPS onto its battery and call the generators; a momentary event usually ends before they have
 * started.
 *
 * @param sustainedOutages outages longer than 5 minutes (EIA's "sustained"); empty: none
 * @param momentaryEvents sags and short interruptions; empty: none
 */
public record UtilitySpec(
    Optional<InterruptionProcess> sustainedOutages, Optional<InterruptionProcess> momentaryEvents) {

  /**
   * Sustained interruptions per year: EIA SAIFI ~1.0-1.4 per year (docs/sources.md §6); mid value.
   */
  public static final double EIA_SAIFI_PER_YEAR = 1.2;

  /**
   * Sustained interruption hours per year: EIA SAIDI ~1.5-2 h per year (docs/sources.md §6); the
   * mean outage duration is SAIDI / SAIFI = 1.8 / 1.2 = 1.5 h.
   */
  public static final double EIA_SAIDI_HOURS_PER_YEAR = 1.8;

  /**
   * Momentary events per year: placeholder (no figure in docs/sources.md §6; utilities report MAIFI
   * unevenly). Raise it to stress the UPS transfers.
   */
  public static final double MOMENTARY_EVENTS_PER_YEAR_PLACEHOLDER = 5;

  /** Duration of a momentary event: placeholder (no figure in docs/sources.md §6). */
  public static final Duration MOMENTARY_EVENT_DURATION_PLACEHOLDER = Duration.ofSeconds(5);

  public UtilitySpec {
    Objects.requireNonNull(sustainedOutages, "sustainedOutages");
    Objects.requireNonNull(momentaryEvents, "momentaryEvents");
  }

  /**
   * EIA defaults: Poisson sustained outages at SAIFI per year with exponential durations of mean
   * SAIDI / SAIFI (the exponential shape is a placeholder: real outage durations have a heavier
   * tail), plus placeholder momentary events.
   */
  public static UtilitySpec eiaDefaults() {
    double meanOutageSeconds = EIA_SAIDI_HOURS_PER_YEAR / EIA_SAIFI_PER_YEAR * 3600;
    return new UtilitySpec(
        Optional.of(
            InterruptionProcess.poisson(
                EIA_SAIFI_PER_YEAR, new TimeDistribution.Exponential(meanOutageSeconds))),
        Optional.of(
            InterruptionProcess.poisson(
                MOMENTARY_EVENTS_PER_YEAR_PLACEHOLDER,
                TimeDistribution.Fixed.of(MOMENTARY_EVENT_DURATION_PLACEHOLDER))));
  }

  /** A utility that never fails. */
  public static UtilitySpec perfect() {
    return new UtilitySpec(Optional.empty(), Optional.empty());
  }

  /** A utility with sustained outages only. */
  public static UtilitySpec sustainedOnly(InterruptionProcess outages) {
    return new UtilitySpec(Optional.of(outages), Optional.empty());
  }

  /**
   * A renewal process of interruptions: the next one begins {@code interval} after this one began,
   * and each lasts {@code duration}. Overlapping interruptions merge.
   *
   * @param interval time between the starts of successive interruptions (exponential: Poisson)
   * @param duration how long one lasts
   */
  public record InterruptionProcess(TimeDistribution interval, TimeDistribution duration) {
    public InterruptionProcess {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(duration, "duration");
      if (!(interval.meanSeconds() > 0)) {
        throw new IllegalArgumentException("interruption interval must have a positive mean");
      }
      if (!(duration.meanSeconds() > 0)) {
        throw new IllegalArgumentException("interruption duration must have a positive mean");
      }
    }

    /** A Poisson process of {@code perYear} interruptions per (365-day) year. */
    public static InterruptionProcess poisson(double perYear, TimeDistribution duration) {
      if (!(perYear > 0) || Double.isInfinite(perYear)) {
        throw new IllegalArgumentException("interruptions per year must be > 0, got " + perYear);
      }
      return new InterruptionProcess(
          new TimeDistribution.Exponential(PowerTime.SECONDS_PER_YEAR / perYear), duration);
    }

    /** Mean interruptions per 365-day year. */
    public double perYear() {
      return PowerTime.SECONDS_PER_YEAR / interval.meanSeconds();
    }
  }
}
