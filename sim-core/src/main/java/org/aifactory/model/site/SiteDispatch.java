package org.aifactory.model.site;

import java.util.Optional;
import org.aifactory.metrics.grid.Quadratic;

/**
 * Who supplies the site load, instant by instant: on-site generation, the battery and the grid. The
 * load L is piecewise constant (it changes at events), or piecewise linear when load shaping (GPU
 * power smoothing's ramps, rack storage, filler work) shapes it; everything derived from it is
 * piecewise linear or quadratic with breakpoints found in closed form, so the grid import is known
 * exactly:
 *
 * <ol>
 *   <li>the smoothed load F: L's moving average over the battery's window (linear for a load of
 *       steps, quadratic for a ramping one), then ramp limited (or L itself without a battery);
 *   <li>generation G follows F up to its capacity at its ramp rate;
 *   <li>the battery is asked for P = L − F − c, c the restoring power, and gives what its power and
 *       energy limits allow;
 *   <li>the grid imports I = L − G − P.
 * </ol>
 *
 * Between two changes of the load, {@link #advance} walks from breakpoint to breakpoint (a change
 * leaving the moving window, a follower meeting its target or its target's slope reaching the rate,
 * the battery reaching a limit or its request crossing one) and hands each piece to a {@link
 * PieceSink}: each signal as its value at the piece's start, its slope and its curve (the
 * coefficient of τ²).
 */
final class SiteDispatch {
  /**
   * Receives the dispatch piece by piece: each value at the piece's start, its slope per ns and,
   * for those that can curve, its coefficient of τ² per ns².
   */
  interface PieceSink {
    void piece(
        long from,
        long to,
        double load,
        double loadSlope,
        double smoothed,
        double smoothedSlope,
        double smoothedCurve,
        double generation,
        double generationSlope,
        double generationCurve,
        double battery,
        double batterySlope,
        double batteryCurve,
        double grid,
        double gridSlope,
        double gridCurve,
        double stateOfCharge);
  }

  private final MovingAverage average;
  private final RampFollower limited;
  private final RampFollower generator;
  private final double capacity;
  private final SiteBattery battery;
  private double load; // at the last change
  private double loadSlope; // W per ns

  /**
   * @param batterySpec the battery, if any
   * @param generation on-site generation, if any
   * @param L0 the load at the start
   */
  SiteDispatch(Optional<BatterySpec> batterySpec, Optional<GenerationSpec> generation, double L0) {
    this.load = L0;
    BatterySpec.SmoothingPolicy policy = batterySpec.map(BatterySpec::policy).orElse(null);
    this.average =
        policy != null && policy.windowNanos() > 0
            ? new MovingAverage(policy.windowNanos(), L0)
            : null;
    this.limited =
        policy != null && policy.rampLimited()
            ? new RampFollower(policy.rampWattsPerSecond() * 1e-9, L0)
            : null;
    this.capacity = generation.map(GenerationSpec::capacityWatts).orElse(0.0);
    this.generator =
        generation
            .map(g -> new RampFollower(g.rampWattsPerSecond() * 1e-9, clamp(L0)))
            .orElse(null);
    this.battery = batterySpec.map(SiteBattery::new).orElse(null);
  }

  private double clamp(double f) {
    return Math.min(capacity, Math.max(0, f));
  }

  /**
   * The load becomes {@code watts} at {@code now}, changing by {@code wattsPerNano} per ns from
   * then on (the dispatch has been advanced to now).
   */
  void loadChanged(long now, double watts, double wattsPerNano) {
    load = watts;
    loadSlope = wattsPerNano == 0 ? 0 : wattsPerNano; // no −0: steps stay as they were
    if (average != null) {
      average.set(now, watts, loadSlope);
    }
  }

  /** Walks [from, to) with the load linear (from its last change), piece by piece. */
  void advance(long from, long to, PieceSink sink) {
    long t = from;
    while (t < to) {
      double next = to - t; // ns to the next breakpoint
      double l = loadSlope == 0 ? load : load + loadSlope * (double) (t - from);
      // 1. The smoothed load F and its form.
      double f = l;
      double fSlope = loadSlope;
      double fCurve = 0;
      if (average != null) {
        f = average.value();
        fSlope = average.slope();
        fCurve = average.curve();
        long br = average.nextBreak();
        if (br != Long.MAX_VALUE) {
          next = Math.min(next, br - t);
        }
      }
      if (limited != null) {
        next = Math.min(next, limited.decide(f, fSlope, fCurve));
        f = limited.value();
        fSlope = limited.slope();
        fCurve = limited.curve();
      }
      // 2. Generation follows F within [0, capacity].
      double g = 0;
      double gSlope = 0;
      double gCurve = 0;
      if (generator != null) {
        double target = clamp(f);
        boolean inside = f > 0 && f < capacity;
        double targetSlope = inside ? fSlope : 0;
        double targetCurve = inside ? fCurve : 0;
        if (fCurve == 0) {
          if (fSlope > 0 && f < capacity) {
            next = Math.min(next, (capacity - f) / fSlope);
          } else if (fSlope < 0 && f > capacity) {
            next = Math.min(next, (f - capacity) / -fSlope);
          }
        } else {
          next = Math.min(next, Quadratic.firstCrossing(fCurve, fSlope, f - capacity));
          next = Math.min(next, Quadratic.firstCrossing(fCurve, fSlope, f));
        }
        next = Math.min(next, generator.decide(target, targetSlope, targetCurve));
        g = generator.value();
        gSlope = generator.slope();
        gCurve = generator.curve();
      }
      // 3. The battery takes L − F − c within its limits.
      double p = 0;
      double pSlope = 0;
      double pCurve = 0;
      double grid = l - g;
      double gridSlope = loadSlope == 0 ? -gSlope : loadSlope - gSlope;
      double gridCurve = -gCurve;
      if (battery != null) {
        next = Math.min(next, battery.decideRestore());
        double c = battery.restoreWatts();
        double cSlope = battery.restoreSlope();
        double askedSlope = loadSlope == 0 ? -fSlope - cSlope : loadSlope - fSlope - cSlope;
        next = Math.min(next, battery.decide(l - f - c, askedSlope, -fCurve, next));
        p = battery.power();
        pSlope = battery.powerSlope();
        pCurve = battery.powerCurve();
        if (battery.givesWhatIsAsked()) {
          grid = f + c - g; // the same as L − G − P, without L's rounding
          gridSlope = fSlope + cSlope - gSlope;
          gridCurve = fCurve - gCurve;
        } else {
          grid = l - g - p;
          gridSlope = loadSlope == 0 ? -gSlope - pSlope : loadSlope - gSlope - pSlope;
          gridCurve = -gCurve - pCurve;
        }
      }
      gridCurve = gridCurve == 0 ? 0 : gridCurve; // no −0
      long step = (long) Math.min(to - t, Math.max(1, Math.ceil(next)));
      long end = t + step;
      double soc = battery != null ? battery.stateOfCharge() : Double.NaN;
      sink.piece(
          t, end, l, loadSlope, f, fSlope, fCurve, g, gSlope, gCurve, p, pSlope, pCurve, grid,
          gridSlope, gridCurve, soc);
      // Move everything to the end of the piece.
      double span = step;
      double fEnd = fCurve == 0 ? f + fSlope * span : f + (fSlope + fCurve * span) * span;
      if (average != null) {
        average.advance(end);
      }
      double lEnd = loadSlope == 0 ? load : load + loadSlope * (double) (end - from);
      if (limited != null) {
        limited.advance(step, average != null ? average.value() : lEnd);
        fEnd = limited.value();
      } else if (average != null) {
        fEnd = average.value();
      } else if (loadSlope != 0) {
        fEnd = lEnd;
      }
      if (generator != null) {
        generator.advance(step, clamp(fEnd));
      }
      if (battery != null) {
        battery.advance(step);
      }
      t = end;
    }
  }

  Optional<SiteBattery> battery() {
    return Optional.ofNullable(battery);
  }
}
