package org.aifactory.model.cooling;

import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;

/**
 * The cooling plant of a facility: the weather it works in, a liquid loop and/or an air (chilled
 * water) loop, and the rest of the facility's overhead. With it, facility power = IT + electrical
 * chain losses + cooling (fans, pumps, chillers) + {@code otherOverheadFraction} × IT, computed at
 * every instant (no fixed PUE).
 *
 * @param weather outdoor conditions
 * @param liquid the direct-to-chip liquid loop, if any
 * @param air the air (chilled-water) loop, if any
 * @param otherOverheadFraction lighting, offices, controls, per watt of IT
 */
public record CoolingSpec(
    WeatherSpec weather,
    Optional<LoopSpec> liquid,
    Optional<LoopSpec> air,
    double otherOverheadFraction) {
  public CoolingSpec {
    Objects.requireNonNull(weather, "weather");
    Objects.requireNonNull(liquid, "liquid");
    Objects.requireNonNull(air, "air");
    if (liquid.isEmpty() && air.isEmpty()) {
      throw new IllegalArgumentException(
          "a cooling plant needs a liquid loop, an air loop or both");
    }
    Checks.nonNegative(otherOverheadFraction, "other overhead");
  }
}
