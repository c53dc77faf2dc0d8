package org.aifactory.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Interruptions and repairs as they happen, for {@code events.csv}. Disabled logs record nothing,
 * so replications that nobody reads cost no memory.
 */
public final class FailureLog {

  /** What a row is. */
  public enum Kind {
    /** A running job was stopped. Downtime: until it iterates again. */
    INTERRUPTION,
    /** A failed system came back. Downtime: how long it was down. */
    REPAIR
  }

  /**
   * One row.
   *
   * @param timeNanos when it happened
   * @param kind interruption or repair
   * @param component what failed: {@code CLUSTER/system-N} (GPU, host or power), {@code
   *     CLUSTER/network}, {@code job/NAME}
   * @param cause failure cause
   * @param job the job stopped (empty for repairs)
   * @param workLostGpuHours GPU-hours of iterations thrown away
   * @param downtimeNanos see {@link Kind}; -1 if the run ended first
   */
  public record Row(
      long timeNanos,
      Kind kind,
      String component,
      String cause,
      String job,
      double workLostGpuHours,
      long downtimeNanos) {}

  private final boolean enabled;
  private final List<Row> rows = new ArrayList<>();

  public FailureLog(boolean enabled) {
    this.enabled = enabled;
  }

  /** Adds a row; returns its index (for {@link #setDowntime}) or -1 when disabled. */
  public int add(
      long timeNanos,
      Kind kind,
      String component,
      String cause,
      String job,
      double workLostGpuHours,
      long downtimeNanos) {
    if (!enabled) {
      return -1;
    }
    rows.add(new Row(timeNanos, kind, component, cause, job, workLostGpuHours, downtimeNanos));
    return rows.size() - 1;
  }

  public void setDowntime(int index, long downtimeNanos) {
    if (index >= 0) {
      Row r = rows.get(index);
      rows.set(
          index,
          new Row(
              r.timeNanos(),
              r.kind(),
              r.component(),
              r.cause(),
              r.job(),
              r.workLostGpuHours(),
              downtimeNanos));
    }
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }
}
