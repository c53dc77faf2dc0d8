package org.aifactory.distributed;

import java.io.Serializable;

/**
 * A contiguous run of a sweep's tasks, {@code [first, end)}: one Spark partition's share of the
 * work (tasks are in the order of {@link org.aifactory.experiment.SweepPlan}).
 */
record TaskRange(long first, long end) implements Serializable {
  private static final long serialVersionUID = 1L;

  TaskRange {
    if (first < 0 || end < first) {
      throw new IllegalArgumentException("bad range [" + first + ", " + end + ")");
    }
  }

  /**
   * {@code tasks} split into {@code parts} ranges whose sizes differ by at most one, in order; no
   * range is empty, so there are at most {@code tasks} of them.
   */
  static java.util.List<TaskRange> split(long tasks, int parts) {
    int n = (int) Math.max(1, Math.min(parts, tasks));
    java.util.List<TaskRange> out = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new TaskRange(tasks * i / n, tasks * (i + 1) / n));
    }
    return out;
  }
}
