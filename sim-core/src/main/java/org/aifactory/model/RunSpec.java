package org.aifactory.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How one run is carried out (the experiment side of the model/experiment split).
 *
 * @param horizon simulated time
 * @param seed root seed of all random streams
 * @param pulseResolution how finely iterations are simulated
 * @param observation what the power recorder keeps
 */
public record RunSpec(
    Duration horizon, long seed, PulseResolution pulseResolution, ObservationSpec observation) {
  public RunSpec {
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isZero() || horizon.isNegative()) {
      throw new IllegalArgumentException("horizon must be positive");
    }
    Objects.requireNonNull(pulseResolution, "pulseResolution");
    Objects.requireNonNull(observation, "observation");
  }

  public RunSpec withSeed(long newSeed) {
    return new RunSpec(horizon, newSeed, pulseResolution, observation);
  }

  public RunSpec withPulseResolution(PulseResolution resolution) {
    return new RunSpec(horizon, seed, resolution, observation);
  }
}
