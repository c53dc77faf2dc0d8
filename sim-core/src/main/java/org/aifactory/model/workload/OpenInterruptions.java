package org.aifactory.model.workload;

import java.util.Arrays;
import org.aifactory.metrics.FailureLog;

/**
 * The {@code events.csv} rows of a job's interruptions that it has not yet recovered from: when it
 * iterates again, each row gets its downtime (from its interruption to then).
 */
final class OpenInterruptions {
  private final FailureLog log;
  private int[] rows = new int[0];
  private long[] times = new long[0];
  private int count;

  OpenInterruptions(FailureLog log) {
    this.log = log;
  }

  /** Logs an interruption; its downtime is set by {@link #recovered}. */
  void interrupted(long now, String component, String cause, String job, double lostGpuHours) {
    int row = log.add(now, FailureLog.Kind.INTERRUPTION, component, cause, job, lostGpuHours, -1);
    if (row < 0) {
      return; // the log is off
    }
    if (rows.length == count) {
      rows = Arrays.copyOf(rows, count * 2 + 4);
      times = Arrays.copyOf(times, count * 2 + 4);
    }
    rows[count] = row;
    times[count++] = now;
  }

  /** The job iterates again: every open row's downtime ends now. */
  void recovered(long now) {
    for (int i = 0; i < count; i++) {
      log.setDowntime(rows[i], now - times[i]);
    }
    count = 0;
  }
}
