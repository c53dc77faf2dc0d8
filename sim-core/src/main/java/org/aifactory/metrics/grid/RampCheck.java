package org.aifactory.metrics.grid;

import java.util.Arrays;

/**
 * The ramp of a piecewise-quadratic signal, exactly: at every time t, the change between the
 * averages of the two adjacent windows [t − 2w, t − w] and [t − w, t], divided by w (sliding: every
 * pair of adjacent windows, wherever they start, not a fixed grid). With F the signal's integral,
 * the ramp is h(t) / w² where h(t) = F(t) − 2F(t − w) + F(t − 2w). Its derivative h' = I(t) − 2I(t
 * − w) + I(t − 2w) and second derivative h'' (the same of the slopes) are piecewise constant...
 * linear and constant: a breakpoint of the signal at τ (a jump J, a change of slope D) kicks h' by
 * J and h'' by D at τ, by −2J and −2D at τ + w, by J and D at τ + 2w. Between kicks h is a
 * quadratic known in closed form, so the worst ramp is taken at kicks and vertices and the time
 * beyond the limit from the roots of h = ±limit·w²: nothing is sampled, and only the kicks of the
 * last 2w are kept.
 *
 * <p>A curved piece (value + slope·τ + curve·τ²) adds a third derivative: a change of curve C at τ
 * kicks h''' by 2C, −4C and 2C at τ, τ + w and τ + 2w. Between kicks h is then a cubic: its worst
 * is at the ends and at the roots of h' (a quadratic), and its time beyond the limit runs between
 * the roots of h = ±limit·w² ({@link Cubic#rootsInside}). A signal of lines keeps h''' at 0 and is
 * checked by the quadratic arithmetic alone.
 *
 * <p>Before time 0 the signal held its first level: the ramp is 0 there.
 */
public final class RampCheck {
  private final long window;
  private final double threshold; // limit as h: W·ns
  private final Kicks lagOne = new Kicks();
  private final Kicks lagTwo = new Kicks();
  private final double[] roots = new double[6];
  private final double[] more = new double[3];
  private final double[] below = new double[2];
  private final Exceedance exceedance = new Exceedance();
  private long time;
  private double h;
  private double dh; // h'
  private double ddh; // h''
  private double dddh; // h'''
  private double lastValue;
  private double lastSlope;
  private double lastCurve;
  private final double[] turns = new double[2];
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
    piece(from, to, watts, slope, 0);
  }

  /**
   * The signal over [from, to) (from the end of the last piece, the first from 0): at {@code from +
   * τ} (τ in ns) it is {@code watts + slope·τ + curve·τ²}.
   */
  public void piece(long from, long to, double watts, double slope, double curve) {
    sweep(from);
    double prior;
    double priorSlope;
    if (lastCurve == 0) {
      prior = lastValue + lastSlope * (double) (from - time);
      priorSlope = lastSlope;
    } else {
      double gap = from - time;
      prior = lastValue + (lastSlope + lastCurve * gap) * gap;
      priorSlope = lastSlope + 2 * lastCurve * gap;
    }
    double jump = watts - prior;
    double bend = slope - priorSlope;
    double jolt = 2 * (curve - lastCurve); // the change of the signal's second derivative
    if (jump != 0 || bend != 0 || jolt != 0) {
      dh += jump;
      ddh += bend;
      dddh += jolt;
      lagOne.add(from + window, -2 * jump, -2 * bend, -2 * jolt);
      lagTwo.add(from + 2 * window, jump, bend, jolt);
    }
    lastValue = watts;
    lastSlope = slope;
    lastCurve = curve;
    time = from;
    sweep(to);
  }

  /** Moves h from {@code time} to {@code target}, kick by kick. */
  private void sweep(long target) {
    while (time < target) {
      long next = Math.min(target, Math.min(lagOne.head(), lagTwo.head()));
      if (next > time) {
        interval(next - time);
        if (lastCurve == 0) {
          lastValue += lastSlope * (double) (next - time);
        } else {
          double step = next - time;
          lastValue += (lastSlope + lastCurve * step) * step;
          lastSlope += 2 * lastCurve * step;
        }
        time = next;
      }
      kick(lagOne);
      kick(lagTwo);
      if (lagOne.isEmpty() && lagTwo.isEmpty()) {
        // Nothing changed within 2w: the signal is one line there, and h is its slope × w².
        double w = window;
        dh = 0;
        ddh = 0;
        dddh = 0;
        if (lastCurve == 0) {
          h = lastSlope * w * w;
        } else {
          // One quadratic: h is its slope at t − w times w², h' its second difference 2·curve·w².
          h = (lastSlope - 2 * lastCurve * w) * w * w;
          dh = 2 * lastCurve * w * w;
        }
      }
    }
  }

  private void kick(Kicks k) {
    while (!k.isEmpty() && k.head() <= time) {
      dh += k.headJump();
      ddh += k.headBend();
      dddh += k.headJolt();
      k.pop();
    }
  }

  /** h over [time, time + length]: h + h'·τ + h''·τ²/2. */
  private void interval(long length) {
    if (dddh != 0) {
      cubicInterval(length);
      return;
    }
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

  /**
   * h over [time, time + length] while h''' is not 0: h + h'·τ + h''·τ²/2 + h'''·τ³/6, largest in
   * size at the ends or where h' = 0, beyond the limit between the roots of h ∓ threshold.
   */
  private void cubicInterval(long length) {
    double span = length;
    double a = dddh / 6;
    double b = 0.5 * ddh;
    double largest = Math.abs(h);
    int t = Quadratic.rootsInside(0.5 * dddh, ddh, dh, span, turns);
    for (int i = 0; i < t; i++) {
      double top = Cubic.value(a, b, dh, h, turns[i]);
      consider(top, time + turns[i]);
      largest = Math.max(largest, Math.abs(top));
    }
    double end = Cubic.value(a, b, dh, h, span);
    consider(end, time + span);
    largest = Math.max(largest, Math.abs(end));
    if (threshold != Double.POSITIVE_INFINITY) {
      if (largest < threshold) {
        exceedance.stretch(time, span, false);
      } else {
        int n = Cubic.rootsInside(a, b, dh, h - threshold, span, roots);
        int m = Cubic.rootsInside(a, b, dh, h + threshold, span, more);
        for (int i = 0; i < m; i++) {
          roots[n++] = more[i];
        }
        if (n > 1) {
          Arrays.sort(roots, 0, n);
        }
        double from = 0;
        for (int i = 0; i <= n; i++) {
          double to = i < n ? roots[i] : span;
          if (to > from) {
            double value = Cubic.value(a, b, dh, h, 0.5 * (from + to));
            exceedance.stretch(time + from, to - from, Math.abs(value) > threshold);
          }
          from = to;
        }
      }
    }
    h = end;
    dh += (ddh + 0.5 * dddh * span) * span;
    ddh += dddh * span;
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
    private double[] jolts = new double[16];
    private int head;
    private int count;

    void add(long at, double jump, double bend, double jolt) {
      if (count == times.length) {
        long[] t = new long[count * 2];
        double[] j = new double[count * 2];
        double[] b = new double[count * 2];
        double[] c = new double[count * 2];
        for (int i = 0; i < count; i++) {
          int from = (head + i) & (times.length - 1);
          t[i] = times[from];
          j[i] = jumps[from];
          b[i] = bends[from];
          c[i] = jolts[from];
        }
        times = t;
        jumps = j;
        bends = b;
        jolts = c;
        head = 0;
      }
      int i = (head + count) & (times.length - 1);
      times[i] = at;
      jumps[i] = jump;
      bends[i] = bend;
      jolts[i] = jolt;
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

    double headJolt() {
      return jolts[head];
    }

    void pop() {
      head = (head + 1) & (times.length - 1);
      count--;
    }
  }
}
