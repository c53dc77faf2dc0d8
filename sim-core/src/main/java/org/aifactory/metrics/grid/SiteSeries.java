package org.aifactory.metrics.grid;

import java.util.Arrays;
import org.aifactory.metrics.WindowSearch;

/**
 * The grid chart's data, gathered piece by piece: the grid import's minimum, mean and maximum, the
 * smoothed load's mean and the battery's state of charge in equal buckets (at most {@link
 * #MAX_BUCKETS}: a chart draws no more), and every piece inside the full-resolution window (at most
 * {@link WindowSearch#MAX_STEPS}), so the memory is bounded whatever the horizon.
 */
public final class SiteSeries {
  /** Buckets kept: a chart draws at most 2,000. */
  public static final int MAX_BUCKETS = 4000;

  private final long horizon;
  private final long bucket;
  private final double[] gridMin;
  private final double[] gridMax;
  private final double[] gridSum;
  private final double[] smoothedSum;
  private final double[] socMin;
  private final double[] socMax;
  private final long windowStart;
  private final long windowEnd;
  private double[] times = new double[64];
  private double[] load = new double[64];
  private double[] smoothed = new double[64];
  private double[] grid = new double[64];
  private int vertices;
  private final double[] smoothPiece = new double[3];
  private final double[] gridPiece = new double[3];
  private final double[] points = new double[7];

  /**
   * @param horizonNanos end of the run
   * @param buckets buckets wanted (at most {@link #MAX_BUCKETS} are kept)
   * @param windowStartNanos start of the span whose pieces are kept
   * @param windowEndNanos its end
   */
  public SiteSeries(long horizonNanos, int buckets, long windowStartNanos, long windowEndNanos) {
    this.horizon = horizonNanos;
    int n = Math.max(1, Math.min(buckets, MAX_BUCKETS));
    this.bucket = Math.max(1, -Math.floorDiv(-horizonNanos, n));
    int count = (int) -Math.floorDiv(-horizonNanos, bucket);
    gridMin = filled(count, Double.POSITIVE_INFINITY);
    gridMax = filled(count, Double.NEGATIVE_INFINITY);
    gridSum = new double[count];
    smoothedSum = new double[count];
    socMin = filled(count, Double.NaN);
    socMax = filled(count, Double.NaN);
    this.windowStart = windowStartNanos;
    this.windowEnd = windowEndNanos;
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** A piece: the load, the smoothed load and the grid import, each linear. */
  public void piece(
      long from,
      long to,
      double siteLoad,
      double siteLoadSlope,
      double smooth,
      double smoothSlope,
      double gridWatts,
      double gridSlope,
      double stateOfCharge) {
    piece(
        from,
        to,
        siteLoad,
        siteLoadSlope,
        smooth,
        smoothSlope,
        0,
        gridWatts,
        gridSlope,
        0,
        stateOfCharge);
  }

  /**
   * A piece: the load linear, the smoothed load and the grid import each quadratic (at {@code from
   * + τ}: value + slope·τ + curve·τ², τ in ns). A bucket's mean is the exact integral; its minimum
   * and maximum include a curve's vertex. In the full-resolution window a curved piece is drawn
   * through its ends, the vertices of its curves inside it and its quarter points, so that a chord
   * of the chart strays from the curve by at most |curve|·(length/4)²/4.
   */
  public void piece(
      long from,
      long to,
      double siteLoad,
      double siteLoadSlope,
      double smooth,
      double smoothSlope,
      double smoothCurve,
      double gridWatts,
      double gridSlope,
      double gridCurve,
      double stateOfCharge) {
    if (from >= horizon) {
      return;
    }
    if (smoothCurve != 0 || gridCurve != 0) {
      smoothPiece[0] = smooth;
      smoothPiece[1] = smoothSlope;
      smoothPiece[2] = smoothCurve;
      gridPiece[0] = gridWatts;
      gridPiece[1] = gridSlope;
      gridPiece[2] = gridCurve;
      curved(from, to, siteLoad, siteLoadSlope, smoothPiece, gridPiece, stateOfCharge);
      return;
    }
    long a = from;
    int i = (int) (from / bucket);
    while (a < to && i < gridSum.length) {
      long end = Math.min(to, Math.min(horizon, (i + 1) * bucket));
      double g0 = gridWatts + gridSlope * (a - from);
      double g1 = gridWatts + gridSlope * (end - from);
      double s0 = smooth + smoothSlope * (a - from);
      double s1 = smooth + smoothSlope * (end - from);
      double dt = end - a;
      gridSum[i] += 0.5 * (g0 + g1) * dt;
      smoothedSum[i] += 0.5 * (s0 + s1) * dt;
      gridMin[i] = Math.min(gridMin[i], Math.min(g0, g1));
      gridMax[i] = Math.max(gridMax[i], Math.max(g0, g1));
      if (!Double.isNaN(stateOfCharge)) {
        socMin[i] = Double.isNaN(socMin[i]) ? stateOfCharge : Math.min(socMin[i], stateOfCharge);
        socMax[i] = Double.isNaN(socMax[i]) ? stateOfCharge : Math.max(socMax[i], stateOfCharge);
      }
      a = end;
      i++;
    }
    if (to > windowStart && from < windowEnd && vertices + 2 <= 2 * WindowSearch.MAX_STEPS) {
      long a0 = Math.max(from, windowStart);
      long b0 = Math.min(to, windowEnd);
      vertex(
          a0,
          siteLoad + siteLoadSlope * (a0 - from),
          smooth + smoothSlope * (a0 - from),
          gridWatts + gridSlope * (a0 - from));
      vertex(
          b0,
          siteLoad + siteLoadSlope * (b0 - from),
          smooth + smoothSlope * (b0 - from),
          gridWatts + gridSlope * (b0 - from));
    }
  }

  private void curved(
      long from, long to, double load, double loadSlope, double[] sm, double[] g, double soc) {
    long a = from;
    int i = (int) (from / bucket);
    while (a < to && i < gridSum.length) {
      long end = Math.min(to, Math.min(horizon, (i + 1) * bucket));
      double u = a - from;
      double v = end - from;
      gridSum[i] += integral(g, u, v);
      smoothedSum[i] += integral(sm, u, v);
      double g0 = at(g, u);
      double g1 = at(g, v);
      double lo = Math.min(g0, g1);
      double hi = Math.max(g0, g1);
      double top = vertex(g);
      if (top > u && top < v) {
        lo = Math.min(lo, at(g, top));
        hi = Math.max(hi, at(g, top));
      }
      gridMin[i] = Math.min(gridMin[i], lo);
      gridMax[i] = Math.max(gridMax[i], hi);
      if (!Double.isNaN(soc)) {
        socMin[i] = Double.isNaN(socMin[i]) ? soc : Math.min(socMin[i], soc);
        socMax[i] = Double.isNaN(socMax[i]) ? soc : Math.max(socMax[i], soc);
      }
      a = end;
      i++;
    }
    if (to > windowStart && from < windowEnd && vertices + 7 <= 2 * WindowSearch.MAX_STEPS) {
      double a0 = Math.max(from, windowStart) - from;
      double b0 = Math.min(to, windowEnd) - from;
      int n = 0;
      points[n++] = a0;
      points[n++] = b0;
      double length = to - from;
      n = inside(vertex(g), a0, b0, n);
      n = inside(vertex(sm), a0, b0, n);
      n = inside(0.25 * length, a0, b0, n);
      n = inside(0.5 * length, a0, b0, n);
      n = inside(0.75 * length, a0, b0, n);
      Arrays.sort(points, 0, n);
      for (int k = 0; k < n; k++) {
        double x = points[k];
        if (k > 0 && x == points[k - 1]) {
          continue;
        }
        vertex(from + x, load + loadSlope * x, at(sm, x), at(g, x));
      }
    }
  }

  /** Adds {@code x} to the window's points of a curved piece if it is inside (a, b). */
  private int inside(double x, double a, double b, int n) {
    if (x > a && x < b) {
      points[n++] = x;
    }
    return n;
  }

  /** value + slope·τ + curve·τ² of {@code f} = {value, slope, curve}. */
  private static double at(double[] f, double tau) {
    return Quadratic.at(f[0], f[1], f[2], tau);
  }

  /** The τ of the vertex of {@code f}; NaN without curve. */
  private static double vertex(double[] f) {
    return Quadratic.vertex(f[1], f[2]);
  }

  /** ∫ over [u, v] of {@code f}: (v − u)·(value + slope·(u + v)/2 + curve·(u² + uv + v²)/3). */
  private static double integral(double[] f, double u, double v) {
    return Quadratic.integral(f[0], f[1], f[2], u, v);
  }

  /** The state of charge at the end of the run, into the last bucket. */
  public void finalStateOfCharge(double stateOfCharge) {
    int i = gridSum.length - 1;
    if (!Double.isNaN(stateOfCharge) && i >= 0) {
      socMin[i] = Double.isNaN(socMin[i]) ? stateOfCharge : Math.min(socMin[i], stateOfCharge);
      socMax[i] = Double.isNaN(socMax[i]) ? stateOfCharge : Math.max(socMax[i], stateOfCharge);
    }
  }

  private void vertex(double t, double l, double s, double g) {
    if (vertices == times.length) {
      times = Arrays.copyOf(times, vertices * 2);
      load = Arrays.copyOf(load, vertices * 2);
      smoothed = Arrays.copyOf(smoothed, vertices * 2);
      grid = Arrays.copyOf(grid, vertices * 2);
    }
    times[vertices] = t;
    load[vertices] = l;
    smoothed[vertices] = s;
    grid[vertices] = g;
    vertices++;
  }

  public SiteResult.Series series() {
    int n = gridSum.length;
    double[] mean = new double[n];
    double[] sm = new double[n];
    for (int i = 0; i < n; i++) {
      long width = Math.min(horizon, (i + 1) * bucket) - i * bucket;
      mean[i] = gridSum[i] / width;
      sm[i] = smoothedSum[i] / width;
    }
    return new SiteResult.Series(
        bucket, gridMin.clone(), mean, gridMax.clone(), sm, socMin.clone(), socMax.clone());
  }

  /** The vertices within [start, end) of the recorder's final window. */
  public SiteResult.Window window(long start, long end) {
    int from = 0;
    while (from < vertices && times[from] < start) {
      from++;
    }
    int to = from;
    while (to < vertices && times[to] <= end) {
      to++;
    }
    return new SiteResult.Window(
        Arrays.copyOfRange(times, from, to),
        Arrays.copyOfRange(load, from, to),
        Arrays.copyOfRange(smoothed, from, to),
        Arrays.copyOfRange(grid, from, to));
  }
}
