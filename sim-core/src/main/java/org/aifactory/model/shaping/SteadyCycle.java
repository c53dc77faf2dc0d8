package org.aifactory.model.shaping;

import java.util.ArrayList;
import java.util.List;

/**
 * The steady state of a shaped training iteration, in closed form: what averaged pulse resolution
 * folds an iteration into when its load is shaped. An iteration is a compute phase (its GPUs' work
 * asks for C watts for T_c) then a communication phase (M watts for T_m); the phases repeat.
 *
 * <p><b>GPU smoothing.</b> Call "high" the phase that asks for more and "low" the other. In every
 * iteration the power rises in the high phase at most at the ramp-up rate r↑ and, in the low phase,
 * holds for the hysteresis h, then falls at most at r↓. The power at the start of the high phase in
 * the steady state is p* = q if q + r↑·T_high > high, else low, where q = max(low, high − r↓·(T_low
 * − h)⁺) (the power reached after a ramp up that completed): the period map p ↦ max(low, min(high,
 * p + r↑·T_high) − r↓·(T_low − h)⁺) has slopes 0 or 1, and p* is its smallest fixed point, which a
 * run entering its iterations from a lower power (a checkpoint, a restart) reaches. The iteration's
 * pieces (levels, linear ramps) follow from p*; their ∫P and ∫P² give the mean and the variance
 * exactly (a line from a to b over d: (a + b)/2·d and (a² + ab + b²)/3·d).
 *
 * <p><b>Rack storage.</b> Each piece of a rack's load ℓ (split where it crosses the target D)
 * either discharges the store by A = ∫(ℓ − D) or charges it by η·∫(D − ℓ), clamped to [0, E]: the
 * map s ↦ median(0, s ± A, E). A composition of such maps is again median(lo, s + c, hi), so the
 * whole iteration's map is, and its fixed point is hi if c > 0 (the store refills in every
 * iteration), lo if c < 0 (it empties in every one), and hi if c = 0 (a store that starts full
 * stays there). From that state the rack's draw is followed piece by piece: the target while the
 * store acts, the load once it is empty or full (the time of that is the root of a quadratic).
 */
public final class SteadyCycle {
  private final double periodNanos;
  private final double gpuWattNanos;
  private final double gpuWatt2Nanos;
  private final double rampUpNanos;
  private final double startWatts;
  private final double endWatts;
  private final GpuSmoother.Mode endMode;
  private final double endHoldLeftNanos;
  private final double maxGpuWatts;
  private final StoreCycle store;

  /**
   * How a rack's load follows its GPUs' power, and its store.
   *
   * @param capacityJoules energy one rack stores
   * @param targetWatts the draw the store holds a rack at, above its base
   * @param efficiency round-trip efficiency
   * @param idleWatts a GPU's idle power (the base of its power)
   * @param loadPerGpuWatt a rack's load above base per watt of one GPU above idle (GPUs per rack ×
   *     IT watts per GPU watt)
   */
  public record Store(
      double capacityJoules,
      double targetWatts,
      double efficiency,
      double idleWatts,
      double loadPerGpuWatt) {
    double load(double gpuWatts) {
      return (gpuWatts - idleWatts) * loadPerGpuWatt;
    }
  }

  /** A piece of a signal: {@code nanos} long, from {@code from} to {@code to} watts. */
  private record Piece(double nanos, double from, double to) {}

  /**
   * @param smoothing the GPUs' power smoothing; null for none (steps)
   * @param computeWatts what the compute phase asks for, per GPU (floors and fillers included)
   * @param communicationWatts what the communication phase asks for, per GPU
   * @param computeNanos the compute phase's length
   * @param communicationNanos the communication phase's length
   * @param store the racks' storage; null for none
   */
  public static SteadyCycle of(
      PowerSmoothingSpec smoothing,
      double computeWatts,
      double communicationWatts,
      double computeNanos,
      double communicationNanos,
      Store store) {
    double up =
        smoothing == null ? Double.POSITIVE_INFINITY : smoothing.rampUpWattsPerSecond() / 1e9;
    double down =
        smoothing == null ? Double.POSITIVE_INFINITY : smoothing.rampDownWattsPerSecond() / 1e9;
    double hold = smoothing == null ? 0 : Ramps.nanos(smoothing.hysteresis());
    return new SteadyCycle(
        up, down, hold, computeWatts, communicationWatts, computeNanos, communicationNanos, store);
  }

  private SteadyCycle(
      double up, double down, double hold, double c, double m, double tc, double tm, Store store) {
    this.periodNanos = tc + tm;
    double p0;
    if (c >= m) {
      p0 = highStart(c, tc, m, tm, up, down, hold);
    } else {
      double s = highStart(m, tm, c, tc, up, down, hold);
      p0 = Math.min(m, s + rise(up, tm));
    }
    this.startWatts = p0;
    Trajectory t = new Trajectory(up, down, hold, p0);
    List<Piece> pieces = new ArrayList<>();
    t.phase(c, tc, pieces);
    this.rampUpNanos = t.rampUpNanos;
    t.phase(m, tm, pieces);
    this.endWatts = t.p;
    this.endMode = t.mode;
    this.endHoldLeftNanos = t.holdLeft;
    double e = 0;
    double e2 = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (Piece p : pieces) {
      e += Ramps.integral(p.from, p.to, p.nanos);
      e2 += Ramps.integralOfSquare(p.from, p.to, p.nanos);
      if (p.nanos > 0) {
        max = Math.max(max, Math.max(p.from, p.to));
      }
    }
    this.gpuWattNanos = e;
    this.gpuWatt2Nanos = e2;
    this.maxGpuWatts = max;
    this.store = store == null ? null : new StoreCycle(store, pieces, periodNanos);
  }

  /** The rise of a ramp up over {@code nanos}: infinite without a limit, 0 over no time. */
  private static double rise(double up, double nanos) {
    return nanos <= 0 ? 0 : up == Double.POSITIVE_INFINITY ? up : up * nanos;
  }

  /** The power at the start of the high phase in the steady state (see the class comment). */
  private static double highStart(
      double high,
      double highNanos,
      double low,
      double lowNanos,
      double up,
      double down,
      double hold) {
    double fall =
        lowNanos > hold ? (down == Double.POSITIVE_INFINITY ? down : down * (lowNanos - hold)) : 0;
    double q = Math.max(low, high - fall);
    return q + rise(up, highNanos) > high ? q : low;
  }

  /** Mean GPU power over an iteration (W, per GPU). */
  public double meanGpuWatts() {
    return periodNanos > 0 ? gpuWattNanos / periodNanos : startWatts;
  }

  /** Variance of one GPU's power over an iteration (W²). */
  public double gpuVarianceWatts2() {
    if (!(periodNanos > 0)) {
      return 0;
    }
    double mean = meanGpuWatts();
    return Math.max(0, gpuWatt2Nanos / periodNanos - mean * mean);
  }

  /** Time of each iteration's compute phase that a ramp up kept below what its work asks for. */
  public double rampUpNanos() {
    return rampUpNanos;
  }

  /** GPU power at the start of every iteration (W). */
  public double startWatts() {
    return startWatts;
  }

  /** GPU power at the end of every iteration (W); equal to {@link #startWatts()}. */
  public double endWatts() {
    return endWatts;
  }

  /** What the trajectory does at the end of every iteration. */
  public GpuSmoother.Mode endMode() {
    return endMode;
  }

  /** What is left of a hold at the end of every iteration (ns; 0 unless holding). */
  public double endHoldLeftNanos() {
    return endHoldLeftNanos;
  }

  /** The highest GPU power held for a positive time (W). */
  public double maxGpuWatts() {
    return maxGpuWatts;
  }

  /** Whether the cycle has a rack store. */
  public boolean hasStore() {
    return store != null;
  }

  /** Mean draw of one rack above its base (W). */
  public double meanDrawWatts() {
    return store.drawWattNanos / periodNanos;
  }

  /** Variance of one rack's draw over an iteration (W²). */
  public double drawVarianceWatts2() {
    double mean = meanDrawWatts();
    return Math.max(0, store.drawWatt2Nanos / periodNanos - mean * mean);
  }

  /** Mean load of one rack above its base (W). */
  public double meanLoadWatts() {
    return store.loadWattNanos / periodNanos;
  }

  /** Mean storage loss of one rack (W). */
  public double meanLossWatts() {
    return store.lossJoules * 1e9 / periodNanos;
  }

  /**
   * What one iteration does to a rack's store if nothing clamps it (J): its net drain (< 0) or
   * refill (> 0). A store away from its steady state gets there at this much per iteration.
   */
  public double storeShiftJoules() {
    return store.shiftJoules;
  }

  /** Energy in one rack's store at the start (and end) of every iteration (J). */
  public double storedJoules() {
    return store.startJoules;
  }

  /** The highest load of one rack above its base (W). */
  public double maxLoadWatts() {
    return store.maxLoad;
  }

  /** The highest draw of one rack above its base (W). */
  public double maxDrawWatts() {
    return store.maxDraw;
  }

  /** One GPU's smoothed power through phases, in real time (the rules of {@link GpuSmoother}). */
  private static final class Trajectory {
    final double up;
    final double down;
    final double hold;
    double p;
    double target;
    GpuSmoother.Mode mode = GpuSmoother.Mode.FLAT;
    double holdLeft;
    double rampUpNanos;

    Trajectory(double up, double down, double hold, double p) {
      this.up = up;
      this.down = down;
      this.hold = hold;
      this.p = p;
      this.target = p;
    }

    void phase(double newTarget, double nanos, List<Piece> out) {
      retarget(newTarget);
      double left = nanos;
      rampUpNanos = 0;
      while (left > 0) {
        switch (mode) {
          case FLAT -> {
            out.add(new Piece(left, p, p));
            left = 0;
          }
          case HOLD -> {
            double d = Math.min(left, holdLeft);
            out.add(new Piece(d, p, p));
            holdLeft -= d;
            left -= d;
            if (holdLeft <= 0) {
              holdLeft = 0;
              towardsTarget();
            }
          }
          case RAMP_UP, RAMP_DOWN -> {
            double rate = mode == GpuSmoother.Mode.RAMP_UP ? up : down;
            double toTarget = Math.abs(target - p) / rate;
            boolean reached = toTarget <= left;
            double d = reached ? toTarget : left;
            double next = reached ? target : p + Math.copySign(rate * d, target - p);
            out.add(new Piece(d, p, next));
            if (mode == GpuSmoother.Mode.RAMP_UP) {
              rampUpNanos += d;
            }
            p = next;
            left -= d;
            if (reached) {
              mode = GpuSmoother.Mode.FLAT;
            }
          }
        }
      }
    }

    private void retarget(double newTarget) {
      target = newTarget;
      if (newTarget >= p || mode == GpuSmoother.Mode.FLAT || mode == GpuSmoother.Mode.RAMP_UP) {
        if (newTarget < p && hold > 0) {
          mode = GpuSmoother.Mode.HOLD;
          holdLeft = hold;
        } else {
          towardsTarget();
        }
      } else if (mode == GpuSmoother.Mode.RAMP_DOWN) {
        towardsTarget();
      } // a HOLD with a lower target goes on
    }

    private void towardsTarget() {
      if (target > p) {
        mode = up == Double.POSITIVE_INFINITY ? GpuSmoother.Mode.FLAT : GpuSmoother.Mode.RAMP_UP;
      } else if (target < p) {
        mode =
            down == Double.POSITIVE_INFINITY ? GpuSmoother.Mode.FLAT : GpuSmoother.Mode.RAMP_DOWN;
      } else {
        mode = GpuSmoother.Mode.FLAT;
      }
      if (mode == GpuSmoother.Mode.FLAT) {
        p = target; // a step
      }
    }
  }

  /** A rack store over one steady iteration. */
  private static final class StoreCycle {
    double startJoules;
    double shiftJoules;
    double drawWattNanos;
    double drawWatt2Nanos;
    double loadWattNanos;
    double lossJoules;
    double maxLoad = Double.NEGATIVE_INFINITY;
    double maxDraw = Double.NEGATIVE_INFINITY;

    StoreCycle(Store s, List<Piece> gpuPieces, double periodNanos) {
      List<Piece> load = new ArrayList<>();
      for (Piece p : gpuPieces) {
        split(new Piece(p.nanos, s.load(p.from), s.load(p.to)), s.targetWatts(), load);
      }
      // The iteration's map s ↦ median(lo, s + c, hi), composed piece by piece.
      double e = s.capacityJoules();
      double lo = 0;
      double c = 0;
      double hi = e;
      for (Piece p : load) {
        double shift = shift(s, p);
        lo = clamp(lo + shift, 0, e);
        hi = clamp(hi + shift, 0, e);
        c += shift;
      }
      shiftJoules = c;
      startJoules = c < 0 ? lo : hi;
      double stored = startJoules;
      for (Piece p : load) {
        stored = follow(s, p, stored);
      }
    }

    /** Splits a load piece where it crosses the target. */
    private static void split(Piece p, double target, List<Piece> out) {
      double a = p.from - target;
      double b = p.to - target;
      if (p.nanos > 0 && ((a < 0 && b > 0) || (a > 0 && b < 0))) {
        double d = p.nanos * a / (a - b);
        out.add(new Piece(d, p.from, target));
        out.add(new Piece(p.nanos - d, target, p.to));
      } else {
        out.add(p);
      }
    }

    /** What a whole piece does to the store if nothing clamps it (J): −A or +η·B. */
    private static double shift(Store s, Piece p) {
      double meanExcess = (p.from + p.to) * 0.5 - s.targetWatts();
      double joules = meanExcess * p.nanos * 1e-9;
      return meanExcess > 0 ? -joules : -joules * s.efficiency();
    }

    /** Follows the store through a piece from {@code stored} J; returns the stored energy after. */
    private double follow(Store s, Piece p, double stored) {
      double d = s.targetWatts();
      double c0 = p.from - d;
      double c1 = p.to - d;
      maxLoad = p.nanos > 0 ? Math.max(maxLoad, Math.max(p.from, p.to)) : maxLoad;
      loadWattNanos += Ramps.integral(p.from, p.to, p.nanos);
      double acting; // nanoseconds the store acts before it is empty or full
      double after;
      if (c0 + c1 > 0) { // above the target: discharging
        double need = (c0 + c1) * 0.5 * p.nanos * 1e-9;
        if (stored >= need) {
          acting = p.nanos;
          after = stored - need;
        } else {
          acting = root(c0, (c1 - c0) / p.nanos, stored * 1e9);
          after = 0;
        }
      } else if (c0 + c1 < 0) { // below: charging
        double room = (s.capacityJoules() - stored) / s.efficiency();
        double offer = -(c0 + c1) * 0.5 * p.nanos * 1e-9;
        if (room >= offer) {
          acting = p.nanos;
          after = stored + s.efficiency() * offer;
          lossJoules += (1 - s.efficiency()) * offer;
        } else {
          acting = root(-c0, -(c1 - c0) / p.nanos, room * 1e9);
          after = s.capacityJoules();
          lossJoules += (1 - s.efficiency()) * room;
        }
      } else {
        acting = 0;
        after = stored;
      }
      acting = Math.min(acting, p.nanos);
      if (acting > 0) {
        draw(acting, d, d);
      }
      if (acting < p.nanos) {
        double at = p.from + (p.to - p.from) * (acting / p.nanos);
        draw(p.nanos - acting, at, p.to);
      }
      return after;
    }

    private void draw(double nanos, double from, double to) {
      drawWattNanos += Ramps.integral(from, to, nanos);
      drawWatt2Nanos += Ramps.integralOfSquare(from, to, nanos);
      if (nanos > 0) {
        maxDraw = Math.max(maxDraw, Math.max(from, to));
      }
    }

    /** The root t > 0 of c·t + ½·b·t² = s (W·ns), with c + b·t >= 0 on the way. */
    private static double root(double c, double b, double s) {
      double disc = c * c + 2 * b * s;
      double den = c + Math.sqrt(Math.max(0, disc));
      return den > 0 ? 2 * s / den : 0;
    }

    private static double clamp(double v, double lo, double hi) {
      return Math.max(lo, Math.min(hi, v));
    }
  }
}
