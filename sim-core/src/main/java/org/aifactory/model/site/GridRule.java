package org.aifactory.model.site;

import java.util.Objects;
import org.aifactory.metrics.grid.BandCheck;

/**
 * A rule the grid operator sets on the site's grid import (site load minus battery and on-site
 * generation). Every rule but the import capacity and the minimum load is taken over a window: a
 * ramp between consecutive window averages, a range within a window, a spectrum of a window. Each
 * has a name (its metric keys), a limit and the unit reports show it in.
 */
public sealed interface GridRule {
  /** The rule's name in metric keys and reports: {@code interconnect}, {@code ramp_1min}. */
  String name();

  /** The limit in the rule's base unit (W, W/s). */
  double limit();

  /** Longest rule window: a day. Windows keep the signal of their length (bounded memory). */
  long MAX_WINDOW_NANOS = 86_400_000_000_000L;

  /**
   * Grid import at most the interconnect's capacity.
   *
   * @param watts the capacity
   */
  record ImportCapacity(double watts) implements GridRule {
    public ImportCapacity {
      positiveFinite(watts, "capacity");
    }

    @Override
    public String name() {
      return "interconnect";
    }

    @Override
    public double limit() {
      return watts;
    }
  }

  /**
   * The ramp of grid import: the change between the averages of two consecutive windows of {@code
   * windowNanos} (sliding: every pair of adjacent windows, wherever they start), divided by the
   * window, at most {@code wattsPerSecond} either way.
   */
  record Ramp(String name, double wattsPerSecond, long windowNanos) implements GridRule {
    public Ramp {
      Objects.requireNonNull(name, "name");
      positiveFinite(wattsPerSecond, "ramp limit");
      window(windowNanos);
    }

    @Override
    public double limit() {
      return wattsPerSecond;
    }
  }

  /** Highest minus lowest grid import within any window of {@code windowNanos}, at most watts. */
  record DynamicRange(String name, double watts, long windowNanos) implements GridRule {
    public DynamicRange {
      Objects.requireNonNull(name, "name");
      positiveFinite(watts, "dynamic range");
      window(windowNanos);
    }

    @Override
    public double limit() {
      return watts;
    }
  }

  /**
   * The amplitude of any frequency of grid import in [{@code lowHz}, {@code highHz}] at most {@code
   * watts}, over windows of {@code windowNanos}; one window in every {@code everyNanos} is analysed
   * (every window when they are equal).
   */
  record Oscillation(
      String name, double lowHz, double highHz, double watts, long windowNanos, long everyNanos)
      implements GridRule {
    /** Highest frequency of a band: 1 kHz, far above the grid's critical 0.1-20 Hz. */
    public static final double MAX_HZ = 1000;

    /**
     * The shortest analysis window for a band from {@code lowHz}: one period of it (a window of T
     * reads the frequencies 1/T, 2/T, ..., so a shorter one reads nothing in the band).
     */
    public static long shortestWindowNanos(double lowHz) {
      return (long) Math.ceil(1e9 / lowHz);
    }

    public Oscillation {
      Objects.requireNonNull(name, "name");
      if (!(lowHz > 0) || !(highHz > lowHz) || highHz > MAX_HZ) {
        throw new IllegalArgumentException("band must be 0 < low < high <= 1 kHz");
      }
      positiveFinite(watts, "amplitude");
      window(windowNanos);
      if (windowNanos < shortestWindowNanos(lowHz)) {
        throw new IllegalArgumentException(
            "the window must hold a period of the band's lowest frequency");
      }
      if (BandCheck.samples(highHz, windowNanos) > BandCheck.MAX_SAMPLES) {
        throw new IllegalArgumentException("the window holds too many samples of the band");
      }
      if (everyNanos < windowNanos || everyNanos % windowNanos != 0) {
        throw new IllegalArgumentException("every must be a whole number of windows");
      }
    }

    @Override
    public double limit() {
      return watts;
    }

    /** Samples per window: a power of two, at least 4 per period of the band's top frequency. */
    public int samples() {
      return BandCheck.samples(highHz, windowNanos);
    }
  }

  /**
   * Grid import at least {@code watts} while some job runs (from the first start to the last end).
   */
  record MinimumLoad(double watts) implements GridRule {
    public MinimumLoad {
      positiveFinite(watts, "minimum load");
    }

    @Override
    public String name() {
      return "minimum_load";
    }

    @Override
    public double limit() {
      return watts;
    }
  }

  private static void positiveFinite(double value, String what) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, got " + value);
    }
  }

  private static void window(long nanos) {
    if (nanos <= 0 || nanos > MAX_WINDOW_NANOS) {
      throw new IllegalArgumentException("window must be > 0 and at most 1 d, got " + nanos);
    }
  }
}
