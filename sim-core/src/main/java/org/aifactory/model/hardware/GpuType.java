package org.aifactory.model.hardware;

import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * A GPU model as the power and thermal models see it.
 *
 * @param name catalog name, e.g. {@code H100-SXM}
 * @param tdpWatts thermal design power: the power limit a GPU draws in a compute-bound phase
 * @param idleWatts power drawn by a GPU that no job uses
 * @param powerCurve relative throughput against the power limit
 * @param slowdownCelsius GPU temperature at which it starts to throttle (lowers its power)
 * @param shutdownCelsius GPU temperature at which it shuts down to protect itself
 */
public record GpuType(
    String name,
    double tdpWatts,
    double idleWatts,
    PowerCurve powerCurve,
    double slowdownCelsius,
    double shutdownCelsius) {

  /*
   * The curve used when a GPU type gives none: the Zeus V100 median (docs/sources.md §4). For
   * H100-class and Blackwell GPUs no published curve was found; this one is an ASSUMPTION, chosen
   * because it matches NVIDIA's Blackwell power-profile claim (about 15 % energy saved at 97 % of
   * the performance: 0.83 of TDP gives 0.972 throughput here, 14.6 % less energy per token).
   */
  public static final PowerCurve DEFAULT_POWER_CURVE = PowerCurve.ZEUS_V100_MEDIAN;

  /*
   * Slowdown 89 °C and shutdown 92 °C: nvidia-smi thresholds of A100 and H100/H800 (docs/sources.md
   * §8). Used for GPUs with no published thresholds (Blackwell): an ASSUMPTION.
   */
  public static final double DEFAULT_SLOWDOWN_CELSIUS = 89;

  public static final double DEFAULT_SHUTDOWN_CELSIUS = 92;

  /*
   * Most power a GPU type may have (tdp, and so idle): 10 kW. A bound, not a figure: the largest
   * GPUs draw about 1.4 kW (GB300, docs/sources.md §1). It keeps every power the model derives
   * finite (a 1e300 W TDP used to run), and catches a power per system or rack written per GPU.
   */
  public static final double MAX_WATTS = 10_000;

  /** A GPU with the default power curve and thermal thresholds. */
  public GpuType(String name, double tdpWatts, double idleWatts) {
    this(
        name,
        tdpWatts,
        idleWatts,
        DEFAULT_POWER_CURVE,
        DEFAULT_SLOWDOWN_CELSIUS,
        DEFAULT_SHUTDOWN_CELSIUS);
  }

  public GpuType {
    Checks.name(name, "gpu name");
    Checks.positive(tdpWatts, "tdp");
    if (tdpWatts > MAX_WATTS) {
      throw new IllegalArgumentException(
          "tdp must be at most " + MAX_WATTS + " W per GPU, got " + tdpWatts);
    }
    Checks.nonNegative(idleWatts, "idle");
    if (idleWatts > tdpWatts) {
      throw new IllegalArgumentException("idle power must not exceed tdp");
    }
    Objects.requireNonNull(powerCurve, "powerCurve");
    if (!Double.isFinite(slowdownCelsius) || !Double.isFinite(shutdownCelsius)) {
      throw new IllegalArgumentException("GPU temperature thresholds must be finite");
    }
    if (!(slowdownCelsius < shutdownCelsius)) {
      throw new IllegalArgumentException(
          "the slowdown temperature ("
              + slowdownCelsius
              + " °C) must be below the shutdown temperature ("
              + shutdownCelsius
              + " °C)");
    }
  }

  /** The lowest power limit the GPU accepts, in watts. */
  public double minimumLimitWatts() {
    return powerCurve.minimumLimitFraction() * tdpWatts;
  }
}
