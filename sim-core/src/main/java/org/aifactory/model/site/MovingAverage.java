package org.aifactory.model.site;

/**
 * The moving average of a piecewise-constant signal (the site load) over a window W, in closed
 * form: it is piecewise linear, its slope (L(t) − L(t − W)) / W changing when the signal changes
 * and W later, when the change leaves the window. The changes of the last W are kept in a ring, so
 * the memory is set by the window, not the horizon. Before time 0 the signal held its first level.
 */
final class MovingAverage {
  private final long window;
  private long[] times = new long[16];
  private double[] levels = new double[16]; // the level from each change on
  private int head;
  private int count;
  private double level; // the signal now
  private double lagged; // the signal W ago
  private double value;

  MovingAverage(long windowNanos, double initial) {
    this.window = windowNanos;
    this.level = initial;
    this.lagged = initial;
    this.value = initial;
  }

  /** The signal changes to {@code newLevel} at {@code now} (the average is advanced to now). */
  void set(long now, double newLevel) {
    if (newLevel == level) {
      return;
    }
    if (count > 0 && times[(head + count - 1) & (times.length - 1)] == now) {
      levels[(head + count - 1) & (times.length - 1)] = newLevel;
    } else {
      if (count == times.length) {
        grow();
      }
      int i = (head + count) & (times.length - 1);
      times[i] = now;
      levels[i] = newLevel;
      count++;
    }
    level = newLevel;
  }

  private void grow() {
    long[] t = new long[times.length * 2];
    double[] l = new double[t.length];
    for (int k = 0; k < count; k++) {
      t[k] = times[(head + k) & (times.length - 1)];
      l[k] = levels[(head + k) & (times.length - 1)];
    }
    times = t;
    levels = l;
    head = 0;
  }

  double value() {
    return value;
  }

  /** Slope now (W per ns). */
  double slope() {
    return (level - lagged) / window;
  }

  /** The next time the slope changes by itself: the oldest change leaving the window. */
  long nextBreak() {
    return count > 0 ? times[head] + window : Long.MAX_VALUE;
  }

  /** Moves from {@code from} to {@code to} (not past {@link #nextBreak()}). */
  void advance(long from, long to) {
    value += slope() * (to - from);
    while (count > 0 && times[head] + window <= to) {
      lagged = levels[head];
      head = (head + 1) & (times.length - 1);
      count--;
    }
    if (count == 0) {
      value = level; // the window holds one level: the average is it, exactly
    }
  }
}
