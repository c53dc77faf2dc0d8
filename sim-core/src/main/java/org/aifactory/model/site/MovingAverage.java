package org.aifactory.model.site;

/**
 * The moving average A(t) = (1/W)·∫ L over [t − W, t] of a piecewise-linear signal L (the site
 * load), in closed form. Its slope is A' = (L(t) − L(t − W)) / W and its second derivative A'' =
 * (L'(t) − L'(t − W)) / W: between two breakpoints (a change of L, or a change leaving the window W
 * later) A is a quadratic, A + A'·τ + (A''/2)·τ², linear when L is made of steps. The changes of
 * the last W are kept in a ring, so the memory is set by the window, not the horizon. Before time 0
 * the signal held its first level.
 */
final class MovingAverage {
  private final long window;
  private long[] times = new long[16];
  private double[] levels = new double[16]; // the signal at each change
  private double[] slopes = new double[16]; // and its slope from then on (W per ns)
  private int head;
  private int count;
  private long now; // the time the average has been advanced to
  private long since; // the signal now is level + slope·(t − since)
  private double level;
  private double slope;
  private long lagSince; // the signal W ago is lagLevel + lagSlope·(t − W − lagSince)
  private double lagLevel;
  private double lagSlope;
  private double value;

  MovingAverage(long windowNanos, double initial) {
    this.window = windowNanos;
    this.level = initial;
    this.lagLevel = initial;
    this.value = initial;
  }

  /**
   * The signal becomes {@code newLevel} at {@code at}, changing by {@code newSlope} per ns from
   * then on (the average has been advanced to {@code at}).
   */
  void set(long at, double newLevel, double newSlope) {
    if (newSlope == slope && newLevel == signalAt(at)) {
      return;
    }
    if (count > 0 && times[(head + count - 1) & (times.length - 1)] == at) {
      int i = (head + count - 1) & (times.length - 1);
      levels[i] = newLevel;
      slopes[i] = newSlope;
    } else {
      if (count == times.length) {
        grow();
      }
      int i = (head + count) & (times.length - 1);
      times[i] = at;
      levels[i] = newLevel;
      slopes[i] = newSlope;
      count++;
    }
    since = at;
    level = newLevel;
    slope = newSlope;
  }

  private double signalAt(long t) {
    return slope == 0 ? level : level + slope * (double) (t - since);
  }

  private double laggedAt(long t) {
    return lagSlope == 0 ? lagLevel : lagLevel + lagSlope * (double) (t - window - lagSince);
  }

  private void grow() {
    long[] t = new long[times.length * 2];
    double[] l = new double[t.length];
    double[] s = new double[t.length];
    for (int k = 0; k < count; k++) {
      t[k] = times[(head + k) & (times.length - 1)];
      l[k] = levels[(head + k) & (times.length - 1)];
      s[k] = slopes[(head + k) & (times.length - 1)];
    }
    times = t;
    levels = l;
    slopes = s;
    head = 0;
  }

  double value() {
    return value;
  }

  /** Slope now (W per ns). */
  double slope() {
    return (signalAt(now) - laggedAt(now)) / window;
  }

  /** The coefficient of τ² now (W per ns²): half the second derivative. */
  double curve() {
    return slope == lagSlope ? 0 : (slope - lagSlope) / (2.0 * window);
  }

  /** The next time the average's form changes by itself: the oldest change leaving the window. */
  long nextBreak() {
    return count > 0 ? times[head] + window : Long.MAX_VALUE;
  }

  /** Moves from the time reached to {@code to} (not past {@link #nextBreak()}). */
  void advance(long to) {
    double dt = to - now;
    double curve = curve();
    value += curve == 0 ? slope() * dt : (slope() + curve * dt) * dt;
    now = to;
    while (count > 0 && times[head] + window <= to) {
      lagSince = times[head];
      lagLevel = levels[head];
      lagSlope = slopes[head];
      head = (head + 1) & (times.length - 1);
      count--;
    }
    if (count == 0 && lagSince == since && lagLevel == level && lagSlope == slope) {
      // The window holds one line: the average is its value half a window ago, exactly.
      value = signalAt(to - window / 2) + (window % 2 == 0 ? 0 : -0.5 * slope);
    }
  }
}
