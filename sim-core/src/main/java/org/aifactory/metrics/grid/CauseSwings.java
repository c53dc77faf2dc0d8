package org.aifactory.metrics.grid;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.SwingCause;

/**
 * The site load's changes split by what caused them ({@link SwingCause}): several changes at one
 * instant are netted per cause (two jobs changing phase together are one pulse step), then each
 * cause's changes are counted (a step, or a change of slope when GPU power smoothing makes the load
 * ramp), its largest rise and fall at one instant kept, and the ramp of the load as if only that
 * cause changed it (its steps and its ramps, a piecewise-linear signal) checked exactly over each
 * ramp window ({@link RampCheck}).
 */
public final class CauseSwings {
  private static final SwingCause[] CAUSES = SwingCause.values();

  private final long[] windows;
  private final double[] pending = new double[CAUSES.length];
  private final double[] pendingSlope = new double[CAUSES.length];
  private long pendingAt;
  private boolean anyPending;
  private final Cause[] causes = new Cause[CAUSES.length];

  /**
   * @param rampWindowsNanos the windows over which each cause's ramp is taken
   */
  public CauseSwings(long[] rampWindowsNanos) {
    this.windows = rampWindowsNanos.clone();
    for (int i = 0; i < CAUSES.length; i++) {
      causes[i] = new Cause(windows);
    }
  }

  /** The site load changes by {@code deltaWatts} at {@code now} because of {@code cause}. */
  public void change(long now, SwingCause cause, double deltaWatts) {
    change(now, cause, deltaWatts, 0);
  }

  /**
   * The site load jumps by {@code deltaWatts} at {@code now}, and its slope changes by {@code
   * deltaWattsPerNano}, because of {@code cause}.
   */
  public void change(long now, SwingCause cause, double deltaWatts, double deltaWattsPerNano) {
    if (anyPending && now != pendingAt) {
      flush();
    }
    pendingAt = now;
    anyPending = true;
    pending[cause.ordinal()] += deltaWatts;
    pendingSlope[cause.ordinal()] += deltaWattsPerNano;
  }

  private void flush() {
    for (int i = 0; i < CAUSES.length; i++) {
      if (pending[i] != 0 || pendingSlope[i] != 0) {
        causes[i].step(pendingAt, pending[i], pendingSlope[i]);
        pending[i] = 0;
        pendingSlope[i] = 0;
      }
    }
    anyPending = false;
  }

  /** Each cause's figures, at the horizon. */
  public List<CauseSwing> finish(long horizonNanos) {
    if (anyPending) {
      flush();
    }
    List<CauseSwing> out = new ArrayList<>();
    for (int i = 0; i < CAUSES.length; i++) {
      out.add(causes[i].result(CAUSES[i], horizonNanos));
    }
    return out;
  }

  /** One cause: its own step signal and its ramps. */
  private static final class Cause {
    private final RampCheck[] ramps;
    private double level;
    private double slope; // W per ns
    private long last;
    private long changes;
    private double up;
    private double upAt = Double.NaN;
    private double down;
    private double downAt = Double.NaN;

    Cause(long[] windows) {
      ramps = new RampCheck[windows.length];
      for (int k = 0; k < windows.length; k++) {
        ramps[k] = new RampCheck(windows[k], Double.POSITIVE_INFINITY, 0);
      }
    }

    void step(long at, double delta, double deltaSlope) {
      changes++;
      if (delta > up) {
        up = delta;
        upAt = at;
      }
      if (-delta > down) {
        down = -delta;
        downAt = at;
      }
      if (at > last) {
        for (RampCheck r : ramps) {
          r.piece(last, at, level, slope);
        }
        if (slope != 0) {
          level += slope * (double) (at - last);
        }
      }
      level += delta;
      slope += deltaSlope;
      last = at;
    }

    CauseSwing result(SwingCause cause, long horizon) {
      if (horizon > last) {
        for (RampCheck r : ramps) {
          r.piece(last, horizon, level, slope);
        }
        last = horizon;
      }
      List<Long> w = new ArrayList<>();
      List<Double> r = new ArrayList<>();
      for (RampCheck ramp : ramps) {
        w.add(ramp.windowNanos());
        r.add(Math.abs(ramp.worstWattsPerSecond()));
      }
      return new CauseSwing(cause.key(), cause.label(), changes, up, upAt, down, downAt, w, r);
    }
  }
}
