package org.aifactory.metrics;

import java.util.Arrays;

/**
 * Records one power signal (site power) exactly as a piecewise-linear function: between two changes
 * the power is a level or a straight ramp ({@link SitePowerSink}), and energy is integrated in
 * closed form at every change (P·Δt for a level, the trapezoid (P₀ + P₁)/2·Δt for a ramp), never
 * sampled. Keeps min/mean/max in equal buckets over the whole run (memory set by the bucket count,
 * not the horizon), every change inside a full-resolution window, the peak, the minimum, and the
 * largest ramp between consecutive ramp-window averages.
 *
 * <p>Only values held for a positive time count for peak, minimum and bucket extremes: several
 * changes at the same instant (two jobs switching phase together) leave no phantom spike. A ramp
 * over a positive time reaches both its ends, so both count. A signal of steps only (every slope 0)
 * is recorded with exactly the arithmetic of a step function.
 */
public final class PowerRecorder implements SitePowerSink {
  private static final double NANOS_PER_SECOND = 1e9;

  private final long horizon;
  private final boolean bucketed;
  private final long bucketNanos;
  private final double[] bucketMin;
  private final double[] bucketMax;
  private final double[] bucketWattNanos;
  private final double[] bucketItWattNanos;
  private double itLevel;

  /** Slopes of the present piece, W per nanosecond (0: a level). */
  private double slopePerNano;

  private double itSlopePerNano;
  private boolean anySlope;
  private final long rampNanos;
  private long windowStart;
  private long windowEnd;

  private long last;
  private double level;
  private double wattNanos;
  private double peak = Double.NEGATIVE_INFINITY;
  private double min = Double.POSITIVE_INFINITY;

  private long rampWindowIndex;
  private double rampWattNanos;
  private double previousRampMean = Double.NaN;
  private double maxRampWatts;

  private long[] stepTimes = new long[64];
  private double[] stepWatts = new double[64];
  private double[] stepSlopes; // W per ns of each window step; null until a ramp is recorded
  private int steps;
  private boolean finished;
  private boolean started;
  private WindowSearch search; // null: the window is fixed

  /**
   * @param horizonNanos end of the run
   * @param buckets number of buckets (their width is horizon / buckets, rounded up to whole ns)
   * @param rampWindowNanos averaging interval for ramps
   * @param windowStartNanos start of the full-resolution window
   * @param windowEndNanos end of the full-resolution window (clipped to the horizon)
   * @param initialWatts power at time 0
   */
  public PowerRecorder(
      long horizonNanos,
      int buckets,
      long rampWindowNanos,
      long windowStartNanos,
      long windowEndNanos,
      double initialWatts) {
    this(
        horizonNanos,
        buckets,
        true,
        rampWindowNanos,
        windowStartNanos,
        windowEndNanos,
        initialWatts);
  }

  /**
   * A recorder of the figures only: energy, peak, minimum and the largest ramp, exactly as a full
   * recorder gives them, without buckets or a full-resolution window (so without {@link
   * #series()}), which saves work at every change: for a signal nobody plots.
   *
   * @param horizonNanos end of the run
   * @param rampWindowNanos averaging interval for ramps
   * @param initialWatts power at time 0
   */
  public static PowerRecorder figuresOnly(
      long horizonNanos, long rampWindowNanos, double initialWatts) {
    return new PowerRecorder(horizonNanos, 1, false, rampWindowNanos, 0, 0, initialWatts);
  }

  private PowerRecorder(
      long horizonNanos,
      int buckets,
      boolean bucketed,
      long rampWindowNanos,
      long windowStartNanos,
      long windowEndNanos,
      double initialWatts) {
    if (horizonNanos <= 0 || buckets <= 0 || rampWindowNanos <= 0) {
      throw new IllegalArgumentException("horizon, buckets and ramp window must be positive");
    }
    this.horizon = horizonNanos;
    this.bucketed = bucketed;
    this.bucketNanos = Math.max(1, ceilDiv(horizonNanos, buckets));
    int count = bucketed ? (int) ceilDiv(horizonNanos, bucketNanos) : 0;
    this.bucketMin = new double[count];
    this.bucketMax = new double[count];
    this.bucketWattNanos = new double[count];
    this.bucketItWattNanos = new double[count];
    Arrays.fill(bucketMin, Double.POSITIVE_INFINITY);
    Arrays.fill(bucketMax, Double.NEGATIVE_INFINITY);
    this.rampNanos = rampWindowNanos;
    clipWindow(windowStartNanos, windowEndNanos);
    this.level = initialWatts;
  }

  /**
   * Moves the full-resolution window; only before the first change of power (a model may know where
   * the interesting part of the run is only once it is built).
   */
  public void setWindow(long windowStartNanos, long windowEndNanos) {
    requireSeries();
    if (started) {
      throw new IllegalStateException("the window is fixed once power has been recorded");
    }
    clipWindow(windowStartNanos, windowEndNanos);
  }

  /**
   * Looks for the full-resolution window instead of fixing it (see {@link WindowSearch}); only
   * before the first change of power. Every step of the search span is kept until {@link #finish},
   * which keeps those of the window found.
   */
  public void searchWindow(WindowSearch search) {
    requireSeries();
    if (started) {
      throw new IllegalStateException("the window is fixed once power has been recorded");
    }
    this.search = search;
    clipWindow(search.fromNanos(), Math.max(search.toNanos(), search.fromNanos() + 1));
  }

  private void clipWindow(long windowStartNanos, long windowEndNanos) {
    windowStart = Math.max(0, Math.min(windowStartNanos, horizon));
    windowEnd = Math.max(windowStart, Math.min(windowEndNanos, horizon));
  }

  /** The power becomes {@code watts} at {@code now} (not before the previous change). */
  public void set(long now, double watts) {
    set(now, watts, itLevel);
  }

  /**
   * The power becomes {@code watts} at {@code now}, of which {@code itWatts} is IT power (kept as a
   * mean per bucket, for a PUE over time).
   */
  @Override
  public void set(long now, double watts, double itWatts) {
    set(now, watts, itWatts, 0, 0);
  }

  /**
   * From {@code now} the power is {@code watts} and moves at {@code wattsPerSecond} (IT power
   * {@code itWatts}, moving at {@code itWattsPerSecond}) until the next change.
   */
  @Override
  public void set(
      long now, double watts, double itWatts, double wattsPerSecond, double itWattsPerSecond) {
    started = true;
    if (now > last) {
      hold(last, now);
      last = now;
    } else if (now < last) {
      throw new IllegalArgumentException("time went backwards: " + now + " < " + last);
    }
    double slope = wattsPerSecond / NANOS_PER_SECOND;
    if (now >= windowStart && now < windowEnd) {
      recordStep(now, watts, slope);
    }
    level = watts;
    itLevel = itWatts;
    slopePerNano = slope;
    itSlopePerNano = itWattsPerSecond / NANOS_PER_SECOND;
    if (slope != 0) {
      anySlope = true;
    }
  }

  /** Closes the record at the horizon. */
  public void finish() {
    if (finished) {
      return;
    }
    if (horizon > last) {
      hold(last, horizon);
      last = horizon;
    }
    if (steps == 0 && windowEnd > windowStart) {
      recordStep(windowStart, level, slopePerNano);
    }
    if (search != null) {
      keepWindow(foundWindowStart());
    }
    finished = true;
  }

  /**
   * The start of the window around the first drop of power held at least the search's minimum (one
   * that ends inside the window with the lead to spare first); the search's start if none.
   */
  private long foundWindowStart() {
    long length = search.lengthNanos();
    long lead = search.leadNanos();
    long firstDrop = -1;
    for (int i = 1; i < steps; i++) {
      long hold = (i + 1 < steps ? stepTimes[i + 1] : windowEnd) - stepTimes[i];
      if (stepWatts[i] >= stepWatts[i - 1] || hold < search.minDropNanos()) {
        continue;
      }
      long start = Math.max(windowStart, stepTimes[i] - lead);
      if (start + length > windowEnd) {
        break; // too close to the end of the search to show it
      }
      if (stepTimes[i] + hold + lead <= start + length) {
        return start; // the drop and what follows it fit
      }
      if (firstDrop < 0) {
        firstDrop = start;
      }
    }
    return firstDrop >= 0 ? firstDrop : windowStart;
  }

  /** Keeps the steps of [start, start + length) of the search: the window. */
  private void keepWindow(long start) {
    long end = Math.min(horizon, start + search.lengthNanos());
    int kept = 0;
    int inForce = -1; // the step in force at the start
    for (int i = 0; i < steps; i++) {
      if (stepTimes[i] <= start) {
        inForce = i;
      } else if (stepTimes[i] < end) {
        if (kept == 0) {
          keepInForce(inForce, start);
          kept = 1;
        }
        stepTimes[kept] = stepTimes[i];
        stepWatts[kept] = stepWatts[i];
        if (stepSlopes != null) {
          stepSlopes[kept] = stepSlopes[i];
        }
        kept++;
      }
    }
    if (kept == 0 && end > start) {
      keepInForce(inForce, start);
      kept = 1;
    }
    steps = kept;
    windowStart = start;
    windowEnd = Math.max(start, end);
    search = null;
  }

  /**
   * Makes the first window step the value in force at {@code start}: step {@code i} continued to it
   * (along its ramp, if it is one), or the first step's, or the present level without any.
   */
  private void keepInForce(int i, long start) {
    double watts;
    double slope;
    if (i >= 0) {
      slope = stepSlopes == null ? 0 : stepSlopes[i];
      watts = slope == 0 ? stepWatts[i] : stepWatts[i] + slope * (start - stepTimes[i]);
    } else {
      watts = steps > 0 ? stepWatts[0] : level;
      slope = steps > 0 && stepSlopes != null ? stepSlopes[0] : 0;
    }
    stepTimes[0] = start;
    stepWatts[0] = watts;
    if (stepSlopes != null) {
      stepSlopes[0] = slope;
    }
  }

  public double energyJoules() {
    return wattNanos * 1e-9;
  }

  /**
   * Start of the full-resolution window: while a window is searched for, the start of the span
   * searched; after {@link #finish}, of the window found.
   */
  public long windowStartNanos() {
    return windowStart;
  }

  /** End of the full-resolution window (or of the span searched, until {@link #finish}). */
  public long windowEndNanos() {
    return windowEnd;
  }

  public double peakWatts() {
    return peak;
  }

  public double minWatts() {
    return min;
  }

  public double meanWatts() {
    return wattNanos / horizon;
  }

  public double maxRampWattsPerSecond() {
    return maxRampWatts / (rampNanos * 1e-9);
  }

  /** Whether some piece of the signal was a ramp (a slope other than 0). */
  public boolean hasRamps() {
    return anySlope;
  }

  /** The recorded series; call after {@link #finish()}. */
  public PowerSeries series() {
    requireSeries();
    int n = bucketMin.length;
    double[] mean = new double[n];
    double[] it = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      long width = Math.min(horizon, (i + 1) * bucketNanos) - i * bucketNanos;
      mean[i] = bucketWattNanos[i] / width;
      it[i] = bucketItWattNanos[i] / width;
      lo[i] = bucketMin[i];
      hi[i] = bucketMax[i];
    }
    return new PowerSeries(
        bucketNanos,
        lo,
        mean,
        hi,
        windowStart,
        windowEnd,
        Arrays.copyOf(stepTimes, steps),
        Arrays.copyOf(stepWatts, steps),
        it,
        stepSlopes == null ? null : slopesPerSecond());
  }

  private void requireSeries() {
    if (!bucketed) {
      throw new IllegalStateException("a recorder of the figures only keeps no series");
    }
  }

  private double[] slopesPerSecond() {
    double[] out = new double[steps];
    for (int i = 0; i < steps; i++) {
      out[i] = stepSlopes[i] * NANOS_PER_SECOND;
    }
    return out;
  }

  private void recordStep(long now, double watts, double slope) {
    if (steps == 0 && now > windowStart) {
      // the value in force when the window opened
      append(windowStart, valueAt(windowStart), slopePerNano);
    }
    if (steps > 0 && stepTimes[steps - 1] == now) {
      stepWatts[steps - 1] = watts; // several changes at one instant: keep the last
      setSlope(steps - 1, slope);
      if (steps > 1 && stepWatts[steps - 2] == watts && slope == 0 && slopeOf(steps - 2) == 0) {
        steps--;
      }
      return;
    }
    if (steps > 0 && stepWatts[steps - 1] == watts && slope == 0 && slopeOf(steps - 1) == 0) {
      return;
    }
    append(now, watts, slope);
  }

  private double slopeOf(int step) {
    return stepSlopes == null ? 0 : stepSlopes[step];
  }

  private void setSlope(int step, double slope) {
    if (slope != 0 && stepSlopes == null) {
      stepSlopes = new double[stepWatts.length];
    }
    if (stepSlopes != null) {
      stepSlopes[step] = slope;
    }
  }

  /** The present piece's value at {@code t} (at or after its start). */
  private double valueAt(long t) {
    return slopePerNano == 0 ? level : level + slopePerNano * (t - last);
  }

  private void append(long time, double watts, double slope) {
    if (search != null && steps == WindowSearch.MAX_STEPS) {
      windowEnd = time; // enough: the search ends here
      return;
    }
    if (steps == stepTimes.length) {
      stepTimes = Arrays.copyOf(stepTimes, steps * 2);
      stepWatts = Arrays.copyOf(stepWatts, steps * 2);
      if (stepSlopes != null) {
        stepSlopes = Arrays.copyOf(stepSlopes, steps * 2);
      }
    }
    stepTimes[steps] = time;
    stepWatts[steps] = watts;
    setSlope(steps, slope);
    steps++;
  }

  /** The present piece over [from, to), to > from: a level, or a ramp. */
  private void hold(long from, long to) {
    if (slopePerNano == 0 && itSlopePerNano == 0) {
      hold(from, to, level);
      return;
    }
    if (steps == 0 && from < windowStart && windowStart < to && windowStart < windowEnd) {
      append(windowStart, valueAt(windowStart), slopePerNano); // in force when the window opened
    }
    double end = valueAt(to);
    wattNanos += (level + end) * 0.5 * (to - from);
    double hi = Math.max(level, end);
    double lo = Math.min(level, end);
    if (hi > peak) {
      peak = hi;
    }
    if (lo < min) {
      min = lo;
    }
    if (bucketed) {
      rampBuckets(from, to);
    }
    rampWindows(from, to);
    level = end;
    itLevel += itSlopePerNano * (to - from);
  }

  /** The power was {@code watts} over [from, to), to > from. */
  private void hold(long from, long to, double watts) {
    if (steps == 0 && from < windowStart && windowStart < to && windowStart < windowEnd) {
      append(windowStart, watts, 0); // the level in force when the window opened
    }
    wattNanos += watts * (to - from);
    if (watts > peak) {
      peak = watts;
    }
    if (watts < min) {
      min = watts;
    }
    if (bucketed) {
      holdBuckets(from, to, watts);
    }
    holdRamp(from, to, watts);
  }

  private void holdBuckets(long from, long to, double watts) {
    int i = (int) (from / bucketNanos);
    long a = from;
    while (a < to) {
      long end = Math.min((i + 1) * bucketNanos, to);
      bucketWattNanos[i] += watts * (end - a);
      bucketItWattNanos[i] += itLevel * (end - a);
      if (watts < bucketMin[i]) {
        bucketMin[i] = watts;
      }
      if (watts > bucketMax[i]) {
        bucketMax[i] = watts;
      }
      a = end;
      i++;
    }
  }

  /** The present ramp over [from, to) in the buckets it crosses: trapezoids, extremes at ends. */
  private void rampBuckets(long from, long to) {
    int i = (int) (from / bucketNanos);
    long a = from;
    double va = level;
    double ita = itLevel;
    while (a < to) {
      long end = Math.min((i + 1) * bucketNanos, to);
      double vb = level + slopePerNano * (end - from);
      double itb = itLevel + itSlopePerNano * (end - from);
      bucketWattNanos[i] += (va + vb) * 0.5 * (end - a);
      bucketItWattNanos[i] += (ita + itb) * 0.5 * (end - a);
      bucketMin[i] = Math.min(bucketMin[i], Math.min(va, vb));
      bucketMax[i] = Math.max(bucketMax[i], Math.max(va, vb));
      a = end;
      va = vb;
      ita = itb;
      i++;
    }
  }

  /**
   * The present ramp over [from, to) in the ramp windows: O(1) however long. Windows wholly inside
   * a ramp of slope s average to its value at their middle, so consecutive ones differ by s × the
   * window, which is then the ramp between any two of them.
   */
  private void rampWindows(long from, long to) {
    long a = from;
    long windowEndTime = (rampWindowIndex + 1) * rampNanos;
    if (to < windowEndTime) {
      rampWattNanos += integral(from, a, to);
      return;
    }
    rampWattNanos += integral(from, a, windowEndTime);
    closeRampWindow(rampWattNanos / rampNanos);
    a = windowEndTime;
    long full = (to - a) / rampNanos;
    if (full > 0) {
      closeRampWindow(level + slopePerNano * (a + rampNanos / 2.0 - from));
      if (full > 1) {
        double between = Math.abs(slopePerNano) * rampNanos;
        if (between > maxRampWatts) {
          maxRampWatts = between;
        }
        previousRampMean = level + slopePerNano * (a + (full - 0.5) * rampNanos - from);
      }
      a += full * rampNanos;
    }
    rampWindowIndex = a / rampNanos;
    rampWattNanos = integral(from, a, to);
  }

  /** ∫ of the present ramp (started at {@code from}) over [a, b], W·ns. */
  private double integral(long from, long a, long b) {
    double va = level + slopePerNano * (a - from);
    double vb = level + slopePerNano * (b - from);
    return (va + vb) * 0.5 * (b - a);
  }

  /** O(1) however long the hold: windows fully inside it all average to {@code watts}. */
  private void holdRamp(long from, long to, double watts) {
    long a = from;
    long windowEndTime = (rampWindowIndex + 1) * rampNanos;
    if (to < windowEndTime) {
      rampWattNanos += watts * (to - a);
      return;
    }
    rampWattNanos += watts * (windowEndTime - a);
    closeRampWindow(rampWattNanos / rampNanos);
    a = windowEndTime;
    long full = (to - a) / rampNanos;
    if (full > 0) {
      closeRampWindow(watts); // later full windows equal this one: no ramp between them
      a += full * rampNanos;
    }
    rampWindowIndex = a / rampNanos;
    rampWattNanos = watts * (to - a);
  }

  private void closeRampWindow(double mean) {
    if (!Double.isNaN(previousRampMean)) {
      double ramp = Math.abs(mean - previousRampMean);
      if (ramp > maxRampWatts) {
        maxRampWatts = ramp;
      }
    }
    previousRampMean = mean;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
