package org.aifactory.model.shaping;

/**
 * The energy storage of a job's racks, at run time. The job's racks carry identical loads (a
 * synchronous job), so one rack is simulated and the books are kept for all of them. Loads are
 * measured above a rack's base (idle GPUs and fixed other IT), as the job draws them.
 *
 * <p>Between the job's changes the rack's load is a straight line, ℓ(t) = ℓ₀ + b·t, and the store
 * is in one regime until the next kink:
 *
 * <ul>
 *   <li><b>discharge</b> (load above the target, store not empty): the rack draws the target; the
 *       store loses ∫(ℓ − target) until empty (the root of a quadratic) or until the load falls to
 *       the target;
 *   <li><b>charge</b> (load below the target, store not full): the rack draws the target; the store
 *       gains η·∫(target − ℓ) until full or until the load rises to the target; (1 − η) of what was
 *       drawn to charge is lost;
 *   <li><b>pass</b> (otherwise): the rack draws its load.
 * </ul>
 *
 * A kink lands on the next whole nanosecond; for the fraction of a nanosecond before it the regime
 * goes on, so the stored energy may pass its bound by that much (at most the rate × 1 ns), which
 * the books keep: energy is conserved exactly, draw = load + losses + the change of stored energy.
 */
public final class RackStore {
  /** What the store does now. */
  public enum Regime {
    PASS,
    DISCHARGE,
    CHARGE
  }

  private static final double SECONDS_PER_NANO = 1e-9;

  private final double capacityJoules;
  private final double targetWatts;
  private final double efficiency;

  private int racks;
  private double storedJoules; // per rack
  private long start;
  private double loadWatts; // per rack, above base, at start
  private double loadSlope; // W per ns
  private Regime regime = Regime.PASS;
  private long kink = Ramps.NEVER;

  private double drawJoules;
  private double loadJoules;
  private double lossJoules;
  private double broughtJoules; // in the full stores of racks that joined
  private double takenJoules; // in the stores of racks that left
  private double maxLoadWatts = Double.NEGATIVE_INFINITY;
  private double maxDrawWatts = Double.NEGATIVE_INFINITY;

  /**
   * @param capacityJoules energy one rack stores; it starts full
   * @param targetWatts the draw the store holds a rack at, above the rack's base load
   * @param efficiency round-trip efficiency
   */
  public RackStore(double capacityJoules, double targetWatts, double efficiency) {
    this.capacityJoules = capacityJoules;
    this.targetWatts = targetWatts;
    this.efficiency = efficiency;
    this.storedJoules = capacityJoules;
  }

  /** Energy stored in one rack now (J). */
  public double storedJoulesPerRack() {
    return storedJoules;
  }

  /** Energy stored in all the job's racks now (J). */
  public double storedJoules() {
    return storedJoules * racks;
  }

  public int racks() {
    return racks;
  }

  public Regime regime() {
    return regime;
  }

  /** When the regime next changes if the load goes on as it is; {@link Ramps#NEVER} if not. */
  public long nextKinkNanos() {
    return kink;
  }

  /** One rack's draw above its base at {@code t} (within the present piece). */
  public double drawWatts(long t) {
    return regime == Regime.PASS ? load(t) : targetWatts;
  }

  /** Slope of one rack's draw (W per ns). */
  public double drawSlopePerNano() {
    return regime == Regime.PASS ? loadSlope : 0;
  }

  /**
   * The job's racks from {@code now}: racks that join bring a full store, those that leave theirs.
   */
  public void setRacks(long now, int count) {
    advance(now);
    if (count > racks) {
      broughtJoules += capacityJoules * (count - racks);
      storedJoules = (storedJoules * racks + capacityJoules * (count - racks)) / count;
    } else {
      takenJoules += storedJoules * (racks - count);
    }
    racks = count;
  }

  /**
   * From {@code now} one rack's load above base is {@code watts}, moving at {@code slopePerNano}.
   */
  public void setLoad(long now, double watts, double slopePerNano) {
    advance(now);
    loadWatts = watts;
    loadSlope = slopePerNano;
    decide();
  }

  /**
   * Resumes the store at {@code now} holding {@code joulesPerRack} under a load of {@code watts}
   * moving at {@code slopePerNano}: a stretch of averaged iterations, booked with {@link
   * #bookAveraged}, ended in the state of its steady cycle. The time since the last call is not
   * booked, nor the jump to that state.
   */
  public void resume(long now, double joulesPerRack, double watts, double slopePerNano) {
    start = now;
    storedJoules = joulesPerRack;
    loadWatts = watts;
    loadSlope = slopePerNano;
    decide();
  }

  /** Goes through the kinks up to {@code now} and books the time up to it. */
  public void advance(long now) {
    while (kink <= now) {
      long at = kink;
      integrate(at);
      decide();
    }
    integrate(now);
  }

  /** Books averaged time: {@code seconds} of a mean draw, load and loss per rack (no state). */
  public void bookAveraged(
      double seconds, double drawWatts, double loadWatts, double lossWatts, double peakLoad) {
    drawJoules += racks * drawWatts * seconds;
    loadJoules += racks * loadWatts * seconds;
    lossJoules += racks * lossWatts * seconds;
    if (seconds > 0) {
      maxLoadWatts = Math.max(maxLoadWatts, peakLoad);
      maxDrawWatts = Math.max(maxDrawWatts, drawWatts);
    }
  }

  public double drawJoules() {
    return drawJoules;
  }

  public double loadJoules() {
    return loadJoules;
  }

  public double lossJoules() {
    return lossJoules;
  }

  /**
   * How much the energy held by the job's stores changed: what they hold now and what left with
   * racks, less what joining racks brought (J). Over whole pieces, draw = load + losses + this.
   */
  public double storedChangeJoules() {
    return storedJoules() + takenJoules - broughtJoules;
  }

  /** The highest load of one rack above its base, held for a positive time (−∞ if none). */
  public double maxLoadWatts() {
    return maxLoadWatts;
  }

  /** The highest draw of one rack above its base (−∞ if none). */
  public double maxDrawWatts() {
    return maxDrawWatts;
  }

  private double load(long t) {
    return loadSlope == 0 ? loadWatts : loadWatts + loadSlope * (t - start);
  }

  private void integrate(long to) {
    long dt = to - start;
    if (dt <= 0) {
      return;
    }
    double a = loadWatts;
    double b = load(to);
    double seconds = dt * SECONDS_PER_NANO;
    double loadMean = (a + b) * 0.5;
    loadJoules += racks * loadMean * seconds;
    maxLoadWatts = Math.max(maxLoadWatts, Math.max(a, b));
    switch (regime) {
      case PASS -> {
        drawJoules += racks * loadMean * seconds;
        maxDrawWatts = Math.max(maxDrawWatts, Math.max(a, b));
      }
      case DISCHARGE -> {
        drawJoules += racks * targetWatts * seconds;
        storedJoules -= (loadMean - targetWatts) * seconds;
        maxDrawWatts = Math.max(maxDrawWatts, targetWatts);
      }
      case CHARGE -> {
        double in = (targetWatts - loadMean) * seconds;
        drawJoules += racks * targetWatts * seconds;
        storedJoules += efficiency * in;
        lossJoules += racks * (1 - efficiency) * in;
        maxDrawWatts = Math.max(maxDrawWatts, targetWatts);
      }
    }
    start = to;
    loadWatts = b;
  }

  /** The regime from {@code start} on, and when it ends. */
  private void decide() {
    double l = loadWatts;
    double b = loadSlope;
    double eps = 1e-9 * Math.max(1, Math.max(Math.abs(targetWatts), Math.abs(l)));
    boolean above = l > targetWatts + eps || (Math.abs(l - targetWatts) <= eps && b > 0);
    boolean below = l < targetWatts - eps || (Math.abs(l - targetWatts) <= eps && b < 0);
    double crossing = crossingNanos(l, b);
    if (racks > 0 && above && storedJoules > 0) {
      regime = Regime.DISCHARGE;
      kink = at(Math.min(crossing, untilEmptyNanos(l - targetWatts, b)));
    } else if (racks > 0 && below && storedJoules < capacityJoules) {
      regime = Regime.CHARGE;
      kink = at(Math.min(crossing, untilFullNanos(targetWatts - l, b)));
    } else {
      regime = Regime.PASS;
      boolean turns = (above && b < 0) || (below && b > 0);
      kink = racks > 0 && turns ? at(crossing) : Ramps.NEVER;
    }
  }

  /** Nanoseconds until the load crosses the target; infinite if it does not. */
  private double crossingNanos(double l, double b) {
    if (b == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double t = (targetWatts - l) / b;
    return t > 0 ? t : Double.POSITIVE_INFINITY;
  }

  /**
   * Nanoseconds until a store discharging at c + b·t watts (c = load − target now) is empty: the
   * root of ½·b·t² + c·t = stored, taken as 2S / (c + √(c² + 2bS)) (no cancellation); infinite if
   * the load falls to the target first.
   */
  private double untilEmptyNanos(double c, double b) {
    double s = storedJoules / SECONDS_PER_NANO; // W·ns
    double disc = c * c + 2 * b * s;
    if (disc < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double den = c + Math.sqrt(disc);
    return den > 0 ? 2 * s / den : Double.POSITIVE_INFINITY;
  }

  /**
   * Nanoseconds until a store charging at η·(c − b·t) watts (c = target − load now) is full: the
   * root of η·(c·t − ½·b·t²) = room; infinite if the load rises to the target first.
   */
  private double untilFullNanos(double c, double b) {
    double r = (capacityJoules - storedJoules) / efficiency / SECONDS_PER_NANO; // W·ns
    double disc = c * c - 2 * b * r;
    if (disc < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double den = c + Math.sqrt(disc);
    return den > 0 ? 2 * r / den : Double.POSITIVE_INFINITY;
  }

  private long at(double nanos) {
    if (!(nanos < 9.2e18)) {
      return Ramps.NEVER;
    }
    long d = Math.max(1, Ramps.wholeNanos(nanos));
    return start > Ramps.NEVER - d ? Ramps.NEVER : start + d;
  }
}
