package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;
import org.aifactory.model.failure.TimeDistribution;

/**
 * The utility: one or two feeds, each with sustained outages and momentary events (sags, short
 * interruptions). Both force the UPS onto its battery and call the generators; a momentary event
 * usually ends before they have started.
 *
 * <p>Two feeds are correlated by a β-factor, {@code commonOutageFraction}: each feed sees the
 * processes below at their full rates, but a fraction β of each feed's interruptions are common to
 * both (a storm, a transmission fault): independent interruptions arrive at (1−β)·rate on each
 * feed, common ones at β·rate on both at once, with the same durations. So P(an outage of one feed
 * is common to both) = β, and, for Poisson arrivals of any duration distribution (each feed an
 * M/G/∞ queue that is down while not empty), P(feed down) = 1 − e^(−λ·E[D]) and P(both down) = 1 −
 * 2e^(−λ·E[D]) + e^(−(2−β)·λ·E[D]).
 *
 * @param sustainedOutages outages longer than 5 minutes (EIA's "sustained"), per feed; empty: none
 * @param momentaryEvents sags and short interruptions, per feed; empty: none
 * @param feeds independent utility feeds, 1 or 2
 * @param commonOutageFraction with two feeds, the fraction β of each feed's interruptions that are
 *     common to both (ignored with one)
 */
public record UtilitySpec(
    Optional<InterruptionProcess> sustainedOutages,
    Optional<InterruptionProcess> momentaryEvents,
    int feeds,
    double commonOutageFraction) {

  /** Most utility feeds: two, A and B. */
  public static final int MAX_FEEDS = 2;

  /*
   * Share of two feeds' interruptions common to both: ASSUMPTION built on docs/sources.md §10. The
   * interruptions that major events add (EIA SAIFI with major events minus SAIFI without, over SAIFI
   * with: 24-28 % in 2017-2023) are taken to be the ones that take out both feeds, and the rest to be
   * independent. A value inside that range; no published correlation of two feeds was found.
   */
  public static final double EIA_MAJOR_EVENT_SHARE = 0.25;

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
    if (feeds < 1 || feeds > MAX_FEEDS) {
      throw new IllegalArgumentException("utility feeds must be 1 or 2, got " + feeds);
    }
    Checks.fraction(commonOutageFraction, "common outage fraction");
  }

  /** One feed. */
  public UtilitySpec(
      Optional<InterruptionProcess> sustainedOutages,
      Optional<InterruptionProcess> momentaryEvents) {
    this(sustainedOutages, momentaryEvents, 1, 0);
  }

  /** The same processes on {@code newFeeds} feeds with a common fraction β. */
  public UtilitySpec withFeeds(int newFeeds, double beta) {
    return new UtilitySpec(sustainedOutages, momentaryEvents, newFeeds, beta);
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
