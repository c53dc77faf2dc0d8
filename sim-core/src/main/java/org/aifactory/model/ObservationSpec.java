package org.aifactory.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the power recorder keeps.
 *
 * @param buckets number of equal buckets over the horizon, each keeping min, mean and max power
 * @param windowStart start of the full-resolution window; empty: around the first checkpoint
 * @param windowLength length of the full-resolution window; empty: chosen with the start
 * @param rampWindow averaging interval for ramp rates: ramp = change between consecutive averages
 */
public record ObservationSpec(
    int buckets,
    Optional<Duration> windowStart,
    Optional<Duration> windowLength,
    Duration rampWindow) {

  public static final int DEFAULT_BUCKETS = 1000;

  /*
   * 1 s: utilities' ramp limits for large loads are stated per second or per minute, and training
   * swings have most energy at 0.2-3 Hz (arXiv 2508.14318), so 1 s averages keep the swing visible.
   */
  public static final Duration DEFAULT_RAMP_WINDOW = Duration.ofSeconds(1);

  public ObservationSpec {
    if (buckets < 1 || buckets > 10_000_000) {
      throw new IllegalArgumentException("buckets must be between 1 and 10,000,000");
    }
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowLength, "windowLength");
    Objects.requireNonNull(rampWindow, "rampWindow");
    if (rampWindow.isZero() || rampWindow.isNegative()) {
      throw new IllegalArgumentException("ramp_window must be positive");
    }
  }

  public static ObservationSpec defaults() {
    return new ObservationSpec(
        DEFAULT_BUCKETS, Optional.empty(), Optional.empty(), DEFAULT_RAMP_WINDOW);
  }
}
