package org.aifactory.metrics.grid;

import java.util.Arrays;

/**
 * The dynamic range of a piecewise-quadratic signal over a window W, exactly: at every time t, the
 * highest minus the lowest value within [t − W, t]. Within a window the extremes are at the
 * signal's vertices (piece ends, both sides of a jump) or at the window's two ends, so the range
 * changes its form only when a vertex enters (t = a vertex's time) or leaves (t = a vertex's time +
 * W); between those instants it is the maximum of lines minus the minimum of lines, a convex
 * function, whose largest value is at the instants themselves and whose time beyond the limit comes
 * from its kinks. Vertices are kept in two monotonic queues (sliding maximum and minimum).
 *
 * <p>A curved signal's vertices include its interior extremes ({@link SignalHistory} splits a
 * curved piece at its vertex, to the nanosecond: a top held inside a window reads low by at most
 * |curve|·(½ ns)², 2.5e-14 W for a curve of 1e-13 W/ns², a ramp of the slope changing by 0.2 MW/s
 * per second). Between instants the window's ends then follow quadratics p and q: the range is no
 * longer convex, and it is cut at the roots of p and q against the vertices' extremes and of p − q
 * (where the extreme changes hands) and at the vertices of p, q and p − q; on each stretch between
 * those cuts the range is one monotonic quadratic, so its worst is at the cuts and its time beyond
 * the limit runs from one root.
 */
public final class DynamicRangeCheck {
  private final SignalHistory signal;
  private final long window;
  private final double limit;
  private final Exceedance exceedance = new Exceedance();
  private final VertexQueue highest = new VertexQueue(true);
  private final VertexQueue lowest = new VertexQueue(false);

  private long entering; // next vertex to enter: 2n = start of piece n, 2n + 1 = its end
  private long leaving; // next vertex to leave (its time + W is a candidate)
  private long lastCandidate = Long.MIN_VALUE;
  private long atCursor;
  private long lagCursor;
  private double worst;
  private double worstAt;
  private final double[] kinks = new double[8];
  private final double[] cuts = new double[16];
  private final double[] crossing = new double[2];
  // value, slope and curve of the window's ends, their difference, and the vertices' extremes.
  private final double[] leftEnd = new double[3];
  private final double[] rightEnd = new double[3];
  private final double[] gap = new double[3];
  private final double[] highLevel = new double[3];
  private final double[] lowLevel = new double[3];

  /**
   * @param signal the signal checked (shared with other checks)
   * @param windowNanos the window W
   * @param limitWatts the largest range allowed; infinite: only the worst range is kept
   */
  public DynamicRangeCheck(SignalHistory signal, long windowNanos, double limitWatts) {
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.signal = signal;
    this.window = windowNanos;
    this.limit = limitWatts;
    this.entering = 2 * signal.first();
    this.leaving = entering;
    this.atCursor = signal.first();
    this.lagCursor = signal.first();
  }

  /** Time of vertex {@code v}, or MAX if it is not known yet. */
  private long vertexTime(long v) {
    long n = v >> 1;
    if (n > signal.last()) {
      return Long.MAX_VALUE;
    }
    if ((v & 1) == 0) {
      return signal.start(n);
    }
    return n < signal.last() ? signal.end(n) : Long.MAX_VALUE;
  }

  private double vertexValue(long v) {
    long n = v >> 1;
    return (v & 1) == 0 ? signal.value(n) : signal.valueAt(n, signal.end(n));
  }

  /** Sweeps the candidates up to the signal's latest known time. */
  public void advance() {
    sweep(signal.end(), false);
  }

  /** Sweeps to {@code horizonNanos}, the end of the signal, and closes the last interval. */
  public void finish(long horizonNanos) {
    sweep(horizonNanos, true);
  }

  private void sweep(long end, boolean last) {
    while (true) {
      long enter = vertexTime(entering);
      long leave = vertexTime(leaving);
      leave = leave == Long.MAX_VALUE ? Long.MAX_VALUE : leave + window;
      long t = Math.min(enter, leave);
      if (t > end) {
        if (last && end > lastCandidate) {
          interval(end);
          weigh(end);
          lastCandidate = end;
        }
        return;
      }
      if (lastCandidate != Long.MIN_VALUE && t > lastCandidate) {
        interval(t);
      }
      while (vertexTime(entering) <= t) {
        long time = vertexTime(entering);
        double value = vertexValue(entering);
        highest.push(time, value);
        lowest.push(time, value);
        entering++;
      }
      while (vertexTime(leaving) != Long.MAX_VALUE && vertexTime(leaving) + window <= t) {
        leaving++;
      }
      highest.dropBefore(t - window);
      lowest.dropBefore(t - window);
      evaluate(t);
      lastCandidate = t;
    }
  }

  /** The range at candidate {@code t}, its window closed: every vertex in [t − W, t]. */
  private void evaluate(long t) {
    double range = weigh(t);
    if (range > limit) {
      exceedance.point(t);
    }
  }

  /** The range at {@code t}, kept if the worst: a candidate, or the horizon (none falls there). */
  private double weigh(long t) {
    double right = valueAt(t, true);
    double left = valueAt(t - window, false);
    double hi = Math.max(highest.extreme(), Math.max(left, right));
    double lo = Math.min(lowest.extreme(), Math.min(left, right));
    double range = hi - lo;
    if (range > worst) {
      worst = range;
      worstAt = t;
    }
    return range;
  }

  /** The signal at {@code time} (right-limit), through the cursor of the right or left end. */
  private double valueAt(long time, boolean rightEnd) {
    if (rightEnd) {
      atCursor = signal.pieceAt(atCursor, time);
      return signal.valueAt(atCursor, time);
    }
    lagCursor = signal.pieceAt(lagCursor, time);
    return signal.valueAt(lagCursor, time);
  }

  /**
   * Between the last candidate and {@code t}: no vertex enters or leaves, the range is max(M, p, q)
   * − min(m, p, q) with p and q the lines of the window's ends: convex; its time beyond the limit
   * is found at its kinks.
   */
  private void interval(long t) {
    long from = lastCandidate;
    highest.dropBefore(t - window);
    lowest.dropBefore(t - window);
    double span = t - from;
    long rightPiece = signal.pieceAt(atCursor, from);
    long leftPiece = signal.pieceAt(lagCursor, from - window);
    double big = highest.extreme();
    double small = lowest.extreme();
    double qc = signal.curve(rightPiece);
    double pc = signal.curve(leftPiece);
    if (qc != 0 || pc != 0) {
      curvedInterval(from, span, rightPiece, leftPiece, big, small);
      return;
    }
    double q0 = signal.valueAt(rightPiece, from);
    double qs = signal.slope(rightPiece);
    double p0 = signal.valueAt(leftPiece, from - window);
    double ps = signal.slope(leftPiece);
    if (limit == Double.POSITIVE_INFINITY) {
      return;
    }
    if (qs == 0 && ps == 0) {
      double range = Math.max(big, Math.max(p0, q0)) - Math.min(small, Math.min(p0, q0));
      exceedance.stretch(from, span, range > limit);
      return;
    }
    if (range(0, p0, ps, q0, qs, big, small) <= limit
        && range(span, p0, ps, q0, qs, big, small) <= limit) {
      // The range is convex between candidates: at most its ends, within the limit all along.
      exceedance.stretch(from, span, false);
      return;
    }
    int n = 0;
    n = kink(p0 - big, ps, span, n);
    n = kink(q0 - big, qs, span, n);
    n = kink(p0 - small, ps, span, n);
    n = kink(q0 - small, qs, span, n);
    n = kink(p0 - q0, ps - qs, span, n);
    Arrays.sort(kinks, 0, n);
    double at = 0;
    double value = range(at, p0, ps, q0, qs, big, small);
    for (int i = 0; i <= n; i++) {
      double to = i < n ? kinks[i] : span;
      if (to > at) {
        double end = range(to, p0, ps, q0, qs, big, small);
        linearStretch(from + at, to - at, value, end);
        value = end;
      }
      at = to;
    }
  }

  /**
   * Between candidates while an end of the window is on a curved piece: p(τ) = p0 + ps·τ + pc·τ² at
   * the left end, q(τ) at the right; the range max(M, p, q) − min(m, p, q) is cut where its form
   * may change (p or q against M or m, p against q) and at the vertices of p, q and p − q, so that
   * on each stretch it is one monotonic quadratic.
   */
  private void curvedInterval(
      long from, double span, long rightPiece, long leftPiece, double big, double small) {
    double[] p = leftEnd;
    double[] q = rightEnd;
    double[] d = gap;
    p[0] = signal.valueAt(leftPiece, from - window);
    p[1] = signal.slopeAt(leftPiece, from - window);
    p[2] = signal.curve(leftPiece);
    q[0] = signal.valueAt(rightPiece, from);
    q[1] = signal.slopeAt(rightPiece, from);
    q[2] = signal.curve(rightPiece);
    for (int k = 0; k < 3; k++) {
      d[k] = p[k] - q[k];
    }
    int n = 0;
    n = roots(p[2], p[1], p[0] - big, span, n);
    n = roots(q[2], q[1], q[0] - big, span, n);
    n = roots(p[2], p[1], p[0] - small, span, n);
    n = roots(q[2], q[1], q[0] - small, span, n);
    n = roots(d[2], d[1], d[0], span, n);
    n = vertex(p, span, n);
    n = vertex(q, span, n);
    n = vertex(d, span, n);
    Arrays.sort(cuts, 0, n);
    double at = 0;
    double value = curvedRange(0, p, q, big, small);
    for (int i = 0; i <= n; i++) {
      double to = i < n ? cuts[i] : span;
      if (to > at) {
        double end = curvedRange(to, p, q, big, small);
        if (end > worst) {
          // An extreme between candidates, or at the horizon, which no candidate weighs.
          worst = end;
          worstAt = from + to;
        }
        if (limit != Double.POSITIVE_INFINITY) {
          curvedStretch(from, at, to, value, end, p, q, big, small);
        }
        value = end;
      }
      at = to;
    }
  }

  /** The roots of a·τ² + b·τ + c inside (0, span), added to the cuts. */
  private int roots(double a, double b, double c, double span, int n) {
    int m = Quadratic.rootsInside(a, b, c, span, crossing);
    for (int i = 0; i < m; i++) {
      cuts[n++] = crossing[i];
    }
    return n;
  }

  /** The vertex of {@code f[0] + f[1]·τ + f[2]·τ²} inside (0, span), added to the cuts. */
  private int vertex(double[] f, double span, int n) {
    if (f[2] != 0) {
      double x = -f[1] / (2 * f[2]);
      if (x > 0 && x < span) {
        cuts[n++] = x;
      }
    }
    return n;
  }

  private static double quadratic(double[] f, double tau) {
    return f[0] + (f[1] + f[2] * tau) * tau;
  }

  private static double curvedRange(double tau, double[] p, double[] q, double big, double small) {
    double pv = quadratic(p, tau);
    double qv = quadratic(q, tau);
    return Math.max(big, Math.max(pv, qv)) - Math.min(small, Math.min(pv, qv));
  }

  /**
   * A stretch [a, b] of the interval from {@code from} over which the range is one monotonic
   * quadratic, from {@code ra} to {@code rb}: beyond the limit all along, or not, or crossing it
   * once, at a root of that quadratic minus the limit.
   */
  private void curvedStretch(
      long from,
      double a,
      double b,
      double ra,
      double rb,
      double[] p,
      double[] q,
      double big,
      double small) {
    boolean aOver = ra > limit;
    boolean bOver = rb > limit;
    if (aOver == bOver) {
      exceedance.stretch(from + a, b - a, aOver);
      return;
    }
    // Which expression is the top and which the bottom, read in the middle of the stretch.
    double mid = 0.5 * (a + b);
    double pv = quadratic(p, mid);
    double qv = quadratic(q, mid);
    highLevel[0] = big;
    lowLevel[0] = small;
    double[] top = big >= pv && big >= qv ? highLevel : pv >= qv ? p : q;
    double[] bottom = small <= pv && small <= qv ? lowLevel : pv <= qv ? p : q;
    int n =
        Quadratic.rootsInside(
            top[2] - bottom[2], top[1] - bottom[1], top[0] - bottom[0] - limit, b, crossing);
    double cross = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (crossing[i] > a && crossing[i] < b) {
        cross = crossing[i];
      }
    }
    if (Double.isNaN(cross)) {
      // Rounding put the root on an end: the one where the quadratic is nearer the limit.
      double da = Math.abs(quadratic(top, a) - quadratic(bottom, a) - limit);
      double db = Math.abs(quadratic(top, b) - quadratic(bottom, b) - limit);
      cross = da <= db ? a : b;
    }
    exceedance.stretch(from + a, cross - a, aOver);
    exceedance.stretch(from + cross, b - cross, bOver);
  }

  /** The crossing of a line {@code v0 + slope·τ} with 0 inside (0, span), added to the kinks. */
  private int kink(double v0, double slope, double span, int n) {
    if (slope != 0) {
      double x = -v0 / slope;
      if (x > 0 && x < span) {
        kinks[n++] = x;
      }
    }
    return n;
  }

  private static double range(
      double tau, double p0, double ps, double q0, double qs, double big, double small) {
    double p = p0 + ps * tau;
    double q = q0 + qs * tau;
    return Math.max(big, Math.max(p, q)) - Math.min(small, Math.min(p, q));
  }

  /** A stretch over which the range goes linearly from {@code a} to {@code b}. */
  private void linearStretch(double start, double length, double a, double b) {
    boolean aOver = a > limit;
    boolean bOver = b > limit;
    if (aOver == bOver) {
      exceedance.stretch(start, length, aOver);
      return;
    }
    double cross = length * (limit - a) / (b - a);
    exceedance.stretch(start, cross, aOver);
    exceedance.stretch(start + cross, length - cross, bOver);
  }

  /** The checks behind the sweep need the signal from here on. */
  public long neededFrom() {
    long leave = vertexTime(leaving);
    long t = lastCandidate == Long.MIN_VALUE ? SignalHistory.PAST : lastCandidate - window;
    return Math.min(t, leave == Long.MAX_VALUE ? t : leave);
  }

  /** The largest range (W). */
  public double worstWatts() {
    return worst;
  }

  /** When the largest range was reached (ns: the end of its window). */
  public double worstAtNanos() {
    return worstAt;
  }

  public long violations() {
    return exceedance.violations();
  }

  public double violationNanos() {
    return exceedance.nanos();
  }

  /** When the first violations started (ns). */
  public double[] violationStarts() {
    return exceedance.starts();
  }

  /** A monotonic queue of vertices: its front is the extreme of those kept. */
  private static final class VertexQueue {
    private final boolean max;
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int head;
    private int tail;

    VertexQueue(boolean max) {
      this.max = max;
    }

    void push(long time, double value) {
      while (tail > head && (max ? values[tail - 1] <= value : values[tail - 1] >= value)) {
        tail--;
      }
      if (tail == times.length) {
        if (head > 0) {
          System.arraycopy(times, head, times, 0, tail - head);
          System.arraycopy(values, head, values, 0, tail - head);
          tail -= head;
          head = 0;
        }
        if (tail == times.length) {
          times = Arrays.copyOf(times, times.length * 2);
          values = Arrays.copyOf(values, values.length * 2);
        }
      }
      times[tail] = time;
      values[tail] = value;
      tail++;
    }

    void dropBefore(long time) {
      while (tail - head > 1 && times[head] < time) {
        head++;
      }
      if (tail - head == 1 && times[head] < time) {
        head = tail = 0;
      }
    }

    double extreme() {
      return tail > head
          ? values[head]
          : (max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
  }
}
