package org.aifactory.metrics.grid;

import java.util.Arrays;

/**
 * The ramp of a piecewise-linear signal, exactly: at every time t, the change between the averages
 * of the two adjacent windows [t − 2w, t − w] and [t − w, t], divided by w (sliding: every pair of
 * adjacent windows, wherever they start, not a fixed grid). With F the signal's integral, the ramp
 * is h(t) / w² where h(t) = F(t) − 2F(t − w) + F(t − 2w). Its derivative h' = I(t) − 2I(t − w) +
 * I(t − 2w) and second derivative h'' (the same of the slopes) are piecewise constant... linear and
 * constant: a breakpoint of the signal at τ (a jump J, a change of slope D) kicks h' by J and h''
 * by D at τ, by −2J and −2D at τ + w, by J and D at τ + 2w. Between kicks h is a quadratic known in
 * closed form, so the worst ramp is taken at kicks and vertices and the time beyond the limit from
 * the roots of h = ±limit·w²: nothing is sampled, and only the kicks of the last 2w are kept.
 *
 * <p>Before time 0 the signal held its first level: the ramp is 0 there.
 */
public final class RampCheck {
  private final long window;
  private final double threshold; // limit as h: W·ns
  private final Kicks lagOne = new Kicks();
  private final Kicks lagTwo = new Kicks();
  private final double[] roots = new double[4];
  private final double[] below = new double[2];
  private final Exceedance exceedance = new Exceedance();
  private long time;
  private double h;
  private double dh; // h'
  private double ddh; // h''
  private double lastValue;
  private double lastSlope;
  private double worst;
  private double worstAt;

  /**
   * @param windowNanos the averaging window w
   * @param limitWattsPerSecond the ramp limit; infinite: only the worst ramp is kept
   * @param initialWatts the level held before time 0
   */
  public RampCheck(long windowNanos, double limitWattsPerSecond, double initialWatts) {
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.window = windowNanos;
    this.lastValue = initialWatts;
    double w = windowNanos;
    this.threshold = limitWattsPerSecond * 1e-9 * w * w;
  }

  /**
   * The signal over [from, to) (from the end of the last piece, the first from 0): {@code watts} at
   * {@code from}, then {@code slope} W per ns.
   */
  public void piece(long from, long to, double watts, double slope) {
    sweep(from);
    double prior = lastValue + lastSlope * (double) (from - time);
    double jump = watts - prior;
    double bend = slope - lastSlope;
    if (jump != 0 || bend != 0) {
      dh += jump;
      ddh += bend;
      lagOne.add(from + window, -2 * jump, -2 * bend);
      lagTwo.add(from + 2 * window, jump, bend);
    }
    lastValue = watts;
    lastSlope = slope;
    time = from;
    sweep(to);
  }

  /** Moves h from {@code time} to {@code target}, kick by kick. */
  private void sweep(long target) {
    while (time < target) {
      long next = Math.min(target, Math.min(lagOne.head(), lagTwo.head()));
      if (next > time) {
        interval(next - time);
        lastValue += lastSlope * (double) (next - time);
        time = next;
      }
      kick(lagOne);
      kick(lagTwo);
      if (lagOne.isEmpty() && lagTwo.isEmpty()) {
        // Nothing changed within 2w: the signal is one line there, and h is its slope × w².
        double w = window;
        dh = 0;
        ddh = 0;
        h = lastSlope * w * w;
      }
    }
  }

  private void kick(Kicks k) {
    while (!k.isEmpty() && k.head() <= time) {
      dh += k.headJump();
      ddh += k.headBend();
      k.pop();
    }
  }

  /** h over [time, time + length]: h + h'·τ + h''·τ²/2. */
  private void interval(long length) {
    double span = length;
    double half = 0.5 * ddh;
    double end = h + dh * span + half * span * span;
    consider(end, time + span);
    double largest = Math.max(Math.abs(h), Math.abs(end));
    if (ddh != 0) {
      double vertex = -dh / ddh;
      if (vertex > 0 && vertex < span) {
        double top = h + dh * vertex + half * vertex * vertex;
        consider(top, time + vertex);
        largest = Math.max(largest, Math.abs(top));
      }
    }
    if (threshold != Double.POSITIVE_INFINITY) {
      if (largest < threshold) {
        // |h| is largest at the ends or the vertex: well within the limit all along.
        exceedance.stretch(time, span, false);
      } else {
        exceed(span, dh, half);
      }
    }
    h = end;
    dh += ddh * span;
  }

  /** Splits [0, span] at the crossings of ±threshold and books the broken stretches. */
  private void exceed(double span, double d, double half) {
    if (half == 0 && d == 0) {
      exceedance.stretch(time, span, Math.abs(h) > threshold);
      return;
    }
    int n = Quadratic.rootsInside(half, d, h - threshold, span, roots);
    int m = Quadratic.rootsInside(half, d, h + threshold, span, below);
    for (int i = 0; i < m; i++) {
      roots[n++] = below[i];
    }
    if (n > 1) {
      Arrays.sort(roots, 0, n);
    }
    double from = 0;
    for (int i = 0; i <= n; i++) {
      double to = i < n ? roots[i] : span;
      if (to > from) {
        double mid = 0.5 * (from + to);
        double value = h + d * mid + half * mid * mid;
        exceedance.stretch(time + from, to - from, Math.abs(value) > threshold);
      }
      from = to;
    }
  }

  private void consider(double value, double at) {
    if (Math.abs(value) > Math.abs(worst)) {
      worst = value;
      worstAt = at;
    }
  }

  /** The largest ramp either way (W/s): positive up, negative down; 0 if flat. */
  public double worstWattsPerSecond() {
    double w = window;
    return worst / (w * w) * 1e9;
  }

  /** When the largest ramp was reached (ns; the end of its second window). */
  public double worstAtNanos() {
    return worstAt;
  }

  /** Intervals with the ramp beyond the limit. */
  public long violations() {
    return exceedance.violations();
  }

  /** Total time with the ramp beyond the limit (ns). */
  public double violationNanos() {
    return exceedance.nanos();
  }

  /** When the first violations started (ns). */
  public double[] violationStarts() {
    return exceedance.starts();
  }

  public long windowNanos() {
    return window;
  }

  /** Kicks to come, in time order (a ring). */
  private static final class Kicks {
    private long[] times = new long[16];
    private double[] jumps = new double[16];
    private double[] bends = new double[16];
    private int head;
    private int count;

    void add(long at, double jump, double bend) {
      if (count == times.length) {
        long[] t = new long[count * 2];
        double[] j = new double[count * 2];
        double[] b = new double[count * 2];
        for (int i = 0; i < count; i++) {
          int from = (head + i) & (times.length - 1);
          t[i] = times[from];
          j[i] = jumps[from];
          b[i] = bends[from];
        }
        times = t;
        jumps = j;
        bends = b;
        head = 0;
      }
      int i = (head + count) & (times.length - 1);
      times[i] = at;
      jumps[i] = jump;
      bends[i] = bend;
      count++;
    }

    boolean isEmpty() {
      return count == 0;
    }

    long head() {
      return count == 0 ? Long.MAX_VALUE : times[head];
    }

    double headJump() {
      return jumps[head];
    }

    double headBend() {
      return bends[head];
    }

    void pop() {
      head = (head + 1) & (times.length - 1);
      count--;
    }
  }
}
