package org.aifactory.metrics.grid;

import java.util.Arrays;

/**
 * The recent past of a piecewise-quadratic signal (grid import, site load): pieces in time order,
 * each from its start to the next one's, the last to the latest known time. Before the first piece
 * the signal holds its first level since forever (the site before the run), so windows that reach
 * before time 0 see it. Pieces are numbered from 0 in the order they came; checks keep cursors on
 * those numbers, and {@link #trimBefore} forgets pieces that ended before the longest window: the
 * memory is set by the windows, not by the horizon.
 *
 * <p>A piece that continues the one before it (same value where they meet, same slope) extends it
 * instead of being added, so a flat signal stays one piece however long it lasts.
 *
 * <p>A curved piece ({@code value + slope·τ + curve·τ²}) whose vertex falls inside it is kept as
 * two pieces split at the nanosecond nearest the vertex, so that every piece is monotonic but
 * within half a nanosecond of its ends and a signal's extremes are at pieces' ends: the value there
 * differs from the vertex's by at most |curve|·(½ ns)².
 */
public final class SignalHistory {
  /** The start of the first piece: the infinite past, far enough that no window reaches it. */
  public static final long PAST = Long.MIN_VALUE / 4;

  private long[] start = new long[16];
  private double[] value = new double[16];
  private double[] slope = new double[16];
  private double[] curve = new double[16];
  private int mask = 15;
  private long first; // number of the oldest piece kept
  private long next; // number of the next piece to add
  private long end; // latest known time

  /**
   * @param initialWatts the level held before time 0
   */
  public SignalHistory(double initialWatts) {
    append(PAST, initialWatts, 0, 0);
    end = 0;
  }

  /**
   * The signal from {@code from} (the latest known time) to {@code to}: {@code watts} at {@code
   * from}, changing by {@code slopeWattsPerNano} per nanosecond.
   */
  public void add(long from, long to, double watts, double slopeWattsPerNano) {
    add(from, to, watts, slopeWattsPerNano, 0);
  }

  /**
   * The signal from {@code from} (the latest known time) to {@code to}: at {@code from + τ} (τ in
   * ns) it is {@code watts + slopeWattsPerNano·τ + curve·τ²}; split at its vertex if that is
   * inside.
   */
  public void add(long from, long to, double watts, double slopeWattsPerNano, double curveWatts) {
    if (from != end || to <= from) {
      throw new IllegalArgumentException("pieces must follow each other: " + from + " != " + end);
    }
    if (curveWatts != 0) {
      long vertex = Math.round(-slopeWattsPerNano / (2 * curveWatts));
      if (vertex > 0 && vertex < to - from) {
        double at = vertex;
        extend(from, from + vertex, watts, slopeWattsPerNano, curveWatts);
        // The second half continues the first, but is kept apart: the vertex is a piece's end.
        append(
            from + vertex,
            watts + (slopeWattsPerNano + curveWatts * at) * at,
            slopeWattsPerNano + 2 * curveWatts * at,
            curveWatts);
        end = to;
        return;
      }
    }
    extend(from, to, watts, slopeWattsPerNano, curveWatts);
  }

  private void extend(long from, long to, double watts, double slopeWattsPerNano, double c) {
    long last = next - 1;
    int i = (int) (last & mask);
    if (curve[i] == 0 && c == 0) {
      double lastEnd = value[i] + slope[i] * (double) (from - start[i]);
      if (slope[i] == slopeWattsPerNano
          && (lastEnd == watts || slopeWattsPerNano == 0 && value[i] == watts)) {
        end = to; // the same line goes on
        return;
      }
    } else if (curve[i] == c && !vertexInside(i, to)) {
      double tau = from - start[i];
      if (slope[i] + 2 * c * tau == slopeWattsPerNano
          && value[i] + (slope[i] + c * tau) * tau == watts) {
        end = to; // the same parabola goes on
        return;
      }
    }
    append(from, watts, slopeWattsPerNano, c);
    end = to;
  }

  /** Whether piece {@code i} grown to {@code to} would hold its vertex inside (to the ns). */
  private boolean vertexInside(int i, long to) {
    long vertex = Math.round(-slope[i] / (2 * curve[i]));
    return vertex > 0 && vertex < to - start[i];
  }

  private void append(long from, double watts, double slopeWattsPerNano, double c) {
    if (next - first > mask) {
      grow();
    }
    int i = (int) (next & mask);
    start[i] = from;
    value[i] = watts;
    slope[i] = slopeWattsPerNano;
    curve[i] = c;
    next++;
  }

  private void grow() {
    int size = mask + 1;
    long[] s = new long[size * 2];
    double[] v = new double[size * 2];
    double[] d = new double[size * 2];
    double[] c = new double[size * 2];
    for (long n = first; n < next; n++) {
      int from = (int) (n & mask);
      int to = (int) (n & (size * 2 - 1));
      s[to] = start[from];
      v[to] = value[from];
      d[to] = slope[from];
      c[to] = curve[from];
    }
    start = s;
    value = v;
    slope = d;
    curve = c;
    mask = size * 2 - 1;
  }

  /** Forgets pieces that end at or before {@code time} (the newest piece is always kept). */
  public void trimBefore(long time) {
    while (first < next - 1 && start[(int) ((first + 1) & mask)] <= time) {
      first++;
    }
  }

  /** The latest known time. */
  public long end() {
    return end;
  }

  /** Number of the oldest piece kept. */
  public long first() {
    return first;
  }

  /** Number of the newest piece. */
  public long last() {
    return next - 1;
  }

  /** Start of piece {@code n}. */
  public long start(long n) {
    return start[(int) (n & mask)];
  }

  /** End of piece {@code n}: the next one's start, or the latest known time. */
  public long end(long n) {
    return n + 1 < next ? start[(int) ((n + 1) & mask)] : end;
  }

  /** Value of piece {@code n} at its start. */
  public double value(long n) {
    return value[(int) (n & mask)];
  }

  /** Slope of piece {@code n} at its start (W per ns). */
  public double slope(long n) {
    return slope[(int) (n & mask)];
  }

  /** Curve of piece {@code n} (W per ns²): its value is value + slope·τ + curve·τ². */
  public double curve(long n) {
    return curve[(int) (n & mask)];
  }

  /** Value of piece {@code n} at {@code time} (within or at the ends of the piece). */
  public double valueAt(long n, double time) {
    int i = (int) (n & mask);
    double s = slope[i];
    double c = curve[i];
    if (c != 0) {
      double tau = time - start[i];
      return value[i] + (s + c * tau) * tau;
    }
    return s == 0 ? value[i] : value[i] + s * (time - start[i]);
  }

  /** Slope of piece {@code n} at {@code time} (W per ns). */
  public double slopeAt(long n, double time) {
    int i = (int) (n & mask);
    double c = curve[i];
    return c == 0 ? slope[i] : slope[i] + 2 * c * (time - start[i]);
  }

  /** The piece that holds {@code time}, searching forward from piece {@code from}. */
  public long pieceAt(long from, long time) {
    long n = Math.max(from, first);
    while (n + 1 < next && start[(int) ((n + 1) & mask)] <= time) {
      n++;
    }
    return n;
  }

  @Override
  public String toString() {
    return "SignalHistory["
        + (next - first)
        + " pieces to "
        + end
        + ", capacity "
        + (mask + 1)
        + "]"
        + Arrays.toString(new long[] {first, next});
  }
}
