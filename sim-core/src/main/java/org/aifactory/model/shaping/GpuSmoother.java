package org.aifactory.model.shaping;

/**
 * One GPU's power under power smoothing, at run time: a piecewise-linear trajectory towards the
 * power its work asks for (the target), in closed form between events.
 *
 * <ul>
 *   <li>A target above the present power: the power rises to it at the ramp-up rate (a linear ramp;
 *       at once without a limit).
 *   <li>A target below: the power is held for the hysteresis, then falls to it at the ramp-down
 *       rate. A target that falls again while the power is held or falling does not restart the
 *       hold; one that rises above the power ends it (a ramp up).
 *   <li>A ramp lasts a whole number of nanoseconds, ⌈ΔP / rate⌉, and its slope is ΔP / that time:
 *       it reaches its target exactly at an instant of the clock, never faster than the rate.
 * </ul>
 *
 * The piece in force ends at {@link #nextKinkNanos()} (a ramp reaching its target, a hold ending),
 * where its owner calls {@link #advance} (or any other method) to go on. Floors and fillers are in
 * the targets the owner gives; a power limit (a cap) is obeyed at once ({@link #limit}).
 */
public final class GpuSmoother {
  /** What the trajectory does now. */
  public enum Mode {
    /** At its target. */
    FLAT,
    RAMP_UP,
    /** Above its target, holding for the hysteresis. */
    HOLD,
    RAMP_DOWN
  }

  /** No kink to come. */
  public static final long NEVER = Long.MAX_VALUE;

  private final double upPerNano;
  private final double downPerNano;
  private final long hysteresisNanos;

  private long start;
  private double startWatts;
  private double slope;
  private long kink = NEVER;
  private double target;
  private Mode mode = Mode.FLAT;

  /**
   * @param initialWatts the GPU's power (and target) at time 0
   */
  public GpuSmoother(PowerSmoothingSpec spec, double initialWatts) {
    this.upPerNano = spec.rampUpWattsPerSecond() / 1e9;
    this.downPerNano = spec.rampDownWattsPerSecond() / 1e9;
    this.hysteresisNanos = Ramps.nanos(spec.hysteresis());
    this.startWatts = initialWatts;
    this.target = initialWatts;
  }

  /** Power at {@code t}, within the present piece (from its start to its kink). */
  public double watts(long t) {
    return slope == 0 ? startWatts : startWatts + slope * (t - start);
  }

  /** Slope of the present piece, W per nanosecond. */
  public double slopeWattsPerNano() {
    return slope;
  }

  /** When the present piece ends; {@link #NEVER} if it does not. */
  public long nextKinkNanos() {
    return kink;
  }

  public Mode mode() {
    return mode;
  }

  public double targetWatts() {
    return target;
  }

  /**
   * Goes through the kinks up to {@code now}: ramps that reached their target, holds that ended.
   */
  public void advance(long now) {
    while (kink <= now) {
      long at = kink;
      if (mode == Mode.HOLD) {
        moveTowardsTarget(at, startWatts);
      } else {
        flat(at, target);
      }
    }
  }

  /** From {@code now}, the GPU's work asks for {@code targetWatts}. */
  public void retarget(long now, double targetWatts) {
    advance(now);
    double p = watts(now);
    target = targetWatts;
    if (targetWatts >= p || mode == Mode.FLAT || mode == Mode.RAMP_UP) {
      if (targetWatts < p && hysteresisNanos > 0) {
        hold(now, p);
      } else {
        moveTowardsTarget(now, p);
      }
    } else if (mode == Mode.RAMP_DOWN) {
      moveTowardsTarget(now, p); // falling on, towards the new target
    }
    // HOLD with a lower target: the hold goes on to its end
  }

  /**
   * A power limit of {@code limitWatts} from {@code now}: the GPU obeys a cap at once, so power
   * above it drops to it (and stays flat until the next target).
   */
  public void limit(long now, double limitWatts) {
    advance(now);
    if (watts(now) > limitWatts) {
      flat(now, limitWatts);
    }
  }

  /**
   * Puts the trajectory at {@code watts} at {@code now} in {@code mode} (a hold ending at {@code
   * holdEndNanos}, or a ramp at its rate) towards {@code targetWatts}: the state a stretch of
   * averaged iterations leaves behind.
   */
  public void restore(
      long now, double watts, double targetWatts, Mode restored, long holdEndNanos) {
    target = targetWatts;
    if (restored == Mode.HOLD && holdEndNanos > now && targetWatts < watts) {
      start = now;
      startWatts = watts;
      slope = 0;
      mode = Mode.HOLD;
      kink = holdEndNanos;
    } else {
      moveTowardsTarget(now, watts);
    }
  }

  private void moveTowardsTarget(long now, double p) {
    if (target > p) {
      ramp(now, p, upPerNano, Mode.RAMP_UP);
    } else if (target < p) {
      ramp(now, p, downPerNano, Mode.RAMP_DOWN);
    } else {
      flat(now, p);
    }
  }

  private void ramp(long now, double p, double ratePerNano, Mode rampMode) {
    long d = Ramps.nanosToReach(Math.abs(target - p), ratePerNano);
    if (d == 0) {
      flat(now, target); // no limit, or a change too small for the clock: a step
      return;
    }
    start = now;
    startWatts = p;
    mode = rampMode;
    if (d == NEVER || now > NEVER - d) {
      slope = Math.copySign(ratePerNano, target - p); // never there within the clock's range
      kink = NEVER;
    } else {
      slope = (target - p) / d;
      kink = now + d;
    }
  }

  private void hold(long now, double p) {
    start = now;
    startWatts = p;
    slope = 0;
    mode = Mode.HOLD;
    kink = now > NEVER - hysteresisNanos ? NEVER : now + hysteresisNanos;
  }

  private void flat(long now, double p) {
    start = now;
    startWatts = p;
    slope = 0;
    mode = Mode.FLAT;
    kink = NEVER;
  }
}
