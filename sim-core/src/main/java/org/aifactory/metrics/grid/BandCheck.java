package org.aifactory.metrics.grid;

import java.util.Arrays;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The oscillation of a piecewise-quadratic signal in a frequency band, window by window: the run is
 * cut into windows of W from time 0 (one in every {@code every} is analysed); in each, the signal's
 * exact averages over N equal bins (N a power of two, at least four per period of the band's top
 * frequency) are taken from its pieces, their mean removed, a Hann window applied, and an FFT
 * (commons-math3) gives the amplitude of every frequency k/W: 4|X_k|/N, divided by sinc(k/N), the
 * attenuation of a bin average. The band's amplitude is the largest amplitude of its frequencies. A
 * sinusoid at a bin's frequency reads its true amplitude exactly; a square wave's harmonics read
 * theirs but for the sampling of its edges (see the tests). A window whose signal varies by less
 * than a millionth of the limit is not transformed ({@link #FLAT}). Memory: one window's bins and
 * pieces, whatever the horizon.
 */
public final class BandCheck {
  /**
   * A window whose signal varies by at most this fraction of the limit is not transformed: every
   * amplitude of it is at most 4 × its range (after the mean, |x| <= range; the Hann window's
   * normalised gain and the sinc correction are each below 2), and that bound is reported.
   */
  static final double FLAT = 1e-6;

  /** Most samples per window (memory of one analysis: 16 bytes each). */
  public static final int MAX_SAMPLES = 1 << 20;

  private final long window;
  private final long every;
  private final int samples;
  private final double binNanos;
  private final int lowBin;
  private final int highBin;
  private final double limit;
  private final double[] re; // the bins, then the real parts of the spectrum
  private final double[] im;
  private final double[] halfRe; // the half-length complex transform of the real bins
  private final double[] halfIm;
  private final double[] cos; // cos and sin of 2πk/N, k < N/2
  private final double[] sin;
  private final double[] hann;
  private final double[][] complex;
  private final double[] scale; // 4 / N / sinc(k / N): from |X_k| to an amplitude

  private long windowStart = Long.MIN_VALUE;
  private boolean analysed;
  private long windows;
  private double worst;
  private double worstAt = Double.NaN;
  private double[] worstSpectrum = new double[0];
  private long violations;
  private final double[] violationStarts = new double[Exceedance.KEPT];

  // The open window's pieces, kept until it closes: a flat window is never transformed.
  private long[] from = new long[16];
  private long[] to = new long[16];
  private double[] value = new double[16];
  private double[] slope = new double[16];
  private double[] curve = new double[16];
  private int pieces;
  private double lowest;
  private double highest;

  /**
   * @param lowHz lowest frequency of the band
   * @param highHz highest frequency of the band
   * @param windowNanos length of a window
   * @param everyNanos one window analysed in every this long (a multiple of the window)
   * @param limitWatts the largest amplitude allowed
   */
  public BandCheck(
      double lowHz, double highHz, long windowNanos, long everyNanos, double limitWatts) {
    this.window = windowNanos;
    this.every = everyNanos;
    this.samples = samples(highHz, windowNanos);
    if (samples == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many samples per window");
    }
    this.binNanos = (double) windowNanos / samples;
    double seconds = windowNanos / 1e9;
    this.lowBin = Math.max(1, (int) Math.ceil(lowHz * seconds - 1e-9));
    this.highBin = Math.min(samples / 2 - 1, (int) Math.floor(highHz * seconds + 1e-9));
    this.limit = limitWatts;
    this.re = new double[samples];
    this.im = new double[samples];
    this.hann = new double[samples];
    for (int m = 0; m < samples; m++) {
      hann[m] = 0.5 - 0.5 * Math.cos(2 * Math.PI * m / samples);
    }
    this.halfRe = new double[samples / 2];
    this.halfIm = new double[samples / 2];
    this.complex = new double[][] {halfRe, halfIm};
    this.cos = new double[samples / 2];
    this.sin = new double[samples / 2];
    for (int k = 0; k < samples / 2; k++) {
      cos[k] = Math.cos(2 * Math.PI * k / samples);
      sin[k] = Math.sin(2 * Math.PI * k / samples);
    }
    this.scale = new double[samples / 2];
    for (int k = 1; k < samples / 2; k++) {
      double x = Math.PI * k / samples;
      scale[k] = 4.0 / samples / (Math.sin(x) / x);
    }
  }

  /**
   * Samples per window for a band up to {@code highHz}: a power of two, at least 4 per period of
   * the top frequency and 16; {@code Integer.MAX_VALUE} when over {@link #MAX_SAMPLES}.
   */
  public static int samples(double highHz, long windowNanos) {
    double needed = Math.ceil(4 * highHz * windowNanos / 1e9);
    if (!(needed <= MAX_SAMPLES)) {
      return Integer.MAX_VALUE;
    }
    return Math.max(16, Integer.highestOneBit((int) needed - 1) << 1);
  }

  /** The signal over [start, end): {@code watts} at {@code start}, then {@code slopePerNano}. */
  public void piece(long start, long end, double watts, double slopePerNano) {
    piece(start, end, watts, slopePerNano, 0);
  }

  /**
   * The signal over [start, end): at {@code start + τ} (τ in ns) it is {@code watts +
   * slopePerNano·τ + curve·τ²} ({@code curve} in W/ns²).
   */
  public void piece(long start, long end, double watts, double slopePerNano, double curve) {
    long at = start;
    while (at < end) {
      long windowFrom = Math.floorDiv(at, window) * window;
      if (windowFrom != windowStart) {
        close();
        open(windowFrom);
      }
      long stop = Math.min(end, windowFrom + window);
      if (analysed) {
        if (curve == 0) {
          keep(at, stop, watts + slopePerNano * (at - start), slopePerNano, 0);
        } else {
          double tau = at - start;
          keep(
              at,
              stop,
              watts + (slopePerNano + curve * tau) * tau,
              slopePerNano + 2 * curve * tau,
              curve);
        }
      }
      at = stop;
    }
  }

  private void open(long start) {
    windowStart = start;
    analysed = start >= 0 && start % every == 0;
    pieces = 0;
    lowest = Double.POSITIVE_INFINITY;
    highest = Double.NEGATIVE_INFINITY;
  }

  private void keep(long a, long b, double watts, double slopePerNano, double curvePerNano2) {
    double end;
    if (curvePerNano2 == 0) {
      end = watts + slopePerNano * (b - a);
    } else {
      double span = b - a;
      end = watts + (slopePerNano + curvePerNano2 * span) * span;
      double vertex = -slopePerNano / (2 * curvePerNano2);
      if (vertex > 0 && vertex < span) {
        double top = watts + (slopePerNano + curvePerNano2 * vertex) * vertex;
        lowest = Math.min(lowest, top);
        highest = Math.max(highest, top);
      }
    }
    lowest = Math.min(lowest, Math.min(watts, end));
    highest = Math.max(highest, Math.max(watts, end));
    if (pieces == from.length) {
      from = Arrays.copyOf(from, pieces * 2);
      to = Arrays.copyOf(to, pieces * 2);
      value = Arrays.copyOf(value, pieces * 2);
      slope = Arrays.copyOf(slope, pieces * 2);
      curve = Arrays.copyOf(curve, pieces * 2);
    }
    from[pieces] = a;
    to[pieces] = b;
    value[pieces] = watts;
    slope[pieces] = slopePerNano;
    curve[pieces] = curvePerNano2;
    pieces++;
  }

  /**
   * Adds the integral of a line over [a0, b0) to the bins it covers: its partial first and last
   * bins, and every bin in between whole (a tight loop: most pieces span many bins).
   */
  private void fill(long a0, long b0, double watts, double slopePerNano) {
    double a = a0 - windowStart;
    double b = b0 - windowStart;
    int first = (int) Math.min(samples - 1, Math.floor(a / binNanos));
    int last = (int) Math.min(samples - 1, Math.floor(b / binNanos));
    if (first == last) {
      re[first] += (watts + slopePerNano * 0.5 * (b - a)) * (b - a);
      return;
    }
    double firstEnd = (first + 1) * binNanos;
    re[first] += (watts + slopePerNano * 0.5 * (firstEnd - a)) * (firstEnd - a);
    if (slopePerNano == 0) {
      double whole = watts * binNanos;
      for (int m = first + 1; m < last; m++) {
        re[m] += whole;
      }
    } else {
      for (int m = first + 1; m < last; m++) {
        re[m] += (watts + slopePerNano * ((m + 0.5) * binNanos - a)) * binNanos;
      }
    }
    double lastStart = last * binNanos;
    if (b > lastStart) {
      re[last] += (watts + slopePerNano * (0.5 * (lastStart + b) - a)) * (b - lastStart);
    }
  }

  /**
   * Adds the integral of a quadratic over [a0, b0) to the bins it covers: over [x, y], with u and v
   * their distances from a0, it is (v − u)·(watts + slope·(u + v)/2 + curve·(u² + uv + v²)/3).
   */
  private void fillCurved(long a0, long b0, double watts, double slopePerNano, double c) {
    double a = a0 - windowStart;
    double b = b0 - windowStart;
    int first = (int) Math.min(samples - 1, Math.floor(a / binNanos));
    int last = (int) Math.min(samples - 1, Math.floor(b / binNanos));
    for (int m = first; m <= last; m++) {
      double u = Math.max(a, m * binNanos) - a;
      double v = (m == last ? b : Math.min(b, (m + 1) * binNanos)) - a;
      if (v > u) {
        re[m] += (v - u) * (watts + slopePerNano * 0.5 * (u + v) + c * (u * u + u * v + v * v) / 3);
      }
    }
  }

  /** Analyses the open window, if it is analysed. */
  private void close() {
    if (windowStart == Long.MIN_VALUE || !analysed) {
      return;
    }
    windows++;
    double amplitude = 0;
    double[] spectrum = null;
    double range = highest - lowest;
    if (range <= FLAT * limit) {
      amplitude = 4 * Math.max(0, range);
    } else {
      Arrays.fill(re, 0);
      for (int i = 0; i < pieces; i++) {
        if (curve[i] == 0) {
          fill(from[i], to[i], value[i], slope[i]);
        } else {
          fillCurved(from[i], to[i], value[i], slope[i], curve[i]);
        }
      }
      transform();
      for (int k = lowBin; k <= highBin; k++) {
        amplitude = Math.max(amplitude, amplitude(k));
      }
      // The whole spectrum only of a window that may be the worst (for the chart).
      if (amplitude > worst || Double.isNaN(worstAt)) {
        spectrum = new double[samples / 2];
        for (int k = 1; k < samples / 2; k++) {
          spectrum[k] = amplitude(k);
        }
      }
    }
    if (amplitude > limit) {
      if (violations < Exceedance.KEPT) {
        violationStarts[(int) violations] = windowStart;
      }
      violations++;
    }
    if (amplitude > worst || Double.isNaN(worstAt)) {
      worst = amplitude;
      worstAt = windowStart;
      worstSpectrum = spectrum != null ? spectrum : new double[samples / 2];
    }
  }

  /**
   * The FFT of the window's bin averages, mean removed, Hann window applied, into re and im for k <
   * N/2. The bins are real: they are packed two by two into a complex sequence of N/2 (even bins
   * real, odd bins imaginary), transformed, and split into the spectrum of the N real bins (the
   * textbook real-input FFT, half the work of a complex one).
   */
  private void transform() {
    double mean = 0;
    for (int m = 0; m < samples; m++) {
      re[m] /= binNanos; // from integrals to averages
      mean += re[m];
    }
    mean /= samples;
    int half = samples / 2;
    for (int j = 0; j < half; j++) {
      halfRe[j] = (re[2 * j] - mean) * hann[2 * j];
      halfIm[j] = (re[2 * j + 1] - mean) * hann[2 * j + 1];
    }
    FastFourierTransformer.transformInPlace(
        complex, DftNormalization.STANDARD, TransformType.FORWARD);
    for (int k = 0; k < half; k++) {
      int mirror = k == 0 ? 0 : half - k;
      double a = halfRe[k];
      double b = halfIm[k];
      double c = halfRe[mirror];
      double d = halfIm[mirror];
      // Even part (Z[k] + conj Z[M−k]) / 2, odd part (Z[k] − conj Z[M−k]) / 2i.
      double evenRe = 0.5 * (a + c);
      double evenIm = 0.5 * (b - d);
      double oddRe = 0.5 * (b + d);
      double oddIm = -0.5 * (a - c);
      // X[k] = even + e^{−2πik/N} · odd.
      re[k] = evenRe + cos[k] * oddRe + sin[k] * oddIm;
      im[k] = evenIm + cos[k] * oddIm - sin[k] * oddRe;
    }
  }

  /** Amplitude (W) of frequency k / W after {@link #transform}: 4|X_k|/N / sinc(k/N). */
  private double amplitude(int k) {
    return Math.sqrt(re[k] * re[k] + im[k] * im[k]) * scale[k];
  }

  /**
   * Closes the last window if it is complete at {@code horizonNanos} (a partial one is left out).
   */
  public void finish(long horizonNanos) {
    if (windowStart != Long.MIN_VALUE && windowStart + window <= horizonNanos) {
      close();
    }
    windowStart = Long.MIN_VALUE;
  }

  /** The largest amplitude in the band over the windows analysed (W). */
  public double worstWatts() {
    return worst;
  }

  /** Start of the window with the largest amplitude (ns); NaN if none was analysed. */
  public double worstAtNanos() {
    return worstAt;
  }

  /** Windows analysed. */
  public long windows() {
    return windows;
  }

  /** Windows over the limit. */
  public long violations() {
    return violations;
  }

  /** When the first windows over the limit started (ns). */
  public double[] violationStarts() {
    return Arrays.copyOf(violationStarts, (int) Math.min(violations, Exceedance.KEPT));
  }

  /** Total length of the windows over the limit (ns). */
  public double violationNanos() {
    return (double) violations * window;
  }

  /** The amplitudes (W) of frequencies k / W, k = 0 .. N/2 − 1, of the worst window. */
  public double[] worstSpectrum() {
    return worstSpectrum.clone();
  }

  public int samples() {
    return samples;
  }

  public int lowBin() {
    return lowBin;
  }

  public int highBin() {
    return highBin;
  }
}
