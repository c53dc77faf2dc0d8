package org.aifactory.model.workload;

import java.util.Optional;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.GpuSmoother;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;
import org.aifactory.model.shaping.RackStore;
import org.aifactory.model.shaping.Ramps;
import org.aifactory.model.shaping.SteadyCycle;

/**
 * A training job's power when its load is shaped: what its GPUs' work asks for (the demand of its
 * state, as {@link IterationPace} gives it), lifted by filler work in the lulls and by the
 * smoothing floor while the job runs, shaped by the GPUs' power smoothing ({@link GpuSmoother}),
 * and drawn through its racks' storage ({@link RackStore}). It puts the result on the ledger as a
 * piecewise-linear load, and the demand alone on the ledger's unshaped shadow.
 *
 * <p>At averaged resolution an iteration is folded into the mean and variance of its steady cycle
 * ({@link SteadyCycle}); at the end of a stretch of iterations the trajectory and the store go on
 * from the state the cycle ends in (at an interruption, from the mean). A store that enters a
 * stretch away from its steady state (full after a checkpoint, say) gets there by the cycle's net
 * shift per iteration, linearly: for that long the racks draw less by the energy it gives up (or
 * more by what refilling it costs, losses included), so that energy is conserved as at full
 * resolution.
 *
 * <p>Its books split the GPU energy above the demand: filler work (lull power lifted to the filler
 * level), the floor (power lifted to the floor beyond that), and the ramps (what the trajectory
 * drew beyond the lifted levels: holds and slow ramps down add, ramps up take away); and the
 * storage's losses.
 */
final class ShapedPower {
  private static final double NANOS_PER_SECOND = 1e9;

  private final SystemPower power;
  private final PowerLedger ledger;
  private final PowerSmoothingSpec smoothing;
  private final double fillerWatts;
  private final double floorWatts;
  private final double idle;
  private final double itPerGpuWatt;
  private final GpuSmoother smoother;
  private final RackStore store;
  private final double storeCapacity;
  private final double storeTarget;
  private final double storeEfficiency;

  // What the job is doing, as last updated.
  private JobState state = JobState.NOT_STARTED;
  private int gpus;
  private int racks;
  private IterationPace pace;
  private SteadyCycle cycle;
  private double demand; // per GPU, W: the state's unshaped power
  private double lifted; // per GPU, W: with filler and floor
  private double liftedByFiller; // per GPU, W: with filler only
  private double flatWatts; // per GPU, W: the power without a smoother
  private long last;

  // The last steady cycle computed, and what it was computed for.
  private IterationPace memoPace;
  private int memoGpus;
  private int memoRacks;
  private SteadyCycle memoCycle;
  private double memoMeanItAboveIdle; // of an iteration under the memoized cycle

  // The levels of the phases under the last pace seen (a pace is immutable).
  private IterationPace levelsPace;
  private PaceLevels paceLevels;

  // A store's way to its steady state at the start of a stretch (averaged resolution).
  private long transientStart;
  private long transientEnd = GpuSmoother.NEVER;
  private double transientFromJoules;
  private double transientDrawWatts; // per rack, added to the cycle's mean draw

  // What the ledger holds from this job.
  private double postedGpu;
  private double postedGpuSlope; // W per ns
  private double postedIt;
  private double postedItSlope;
  private double postedVariance;
  private double postedUnshapedGpu;
  private double postedUnshapedIt;
  private double postedUnshapedVariance;
  private long postedAt;

  // Books, W·ns of GPU power (all the job's GPUs).
  private double gpuAboveIdle;
  private double demandAboveIdle;
  private double fillerLift;
  private double floorLift;
  private double liftedAboveIdle;
  private double rampLimitedGpuNanos;
  private double peakGpuWatts = Double.NEGATIVE_INFINITY;

  ShapedPower(
      SystemPower power,
      PowerLedger ledger,
      Optional<PowerSmoothingSpec> smoothing,
      Optional<FillerSpec> filler,
      Optional<RackStorageSpec> storage) {
    this.power = power;
    this.ledger = ledger;
    this.smoothing = smoothing.orElse(null);
    this.idle = power.idleGpuWatts();
    this.itPerGpuWatt = power.itPerGpuWatt();
    double tdp = power.gpu().tdpWatts();
    this.fillerWatts = filler.map(f -> f.levelFraction() * tdp).orElse(0.0);
    this.floorWatts = smoothing.map(s -> s.floorFraction() * tdp).orElse(0.0);
    this.smoother = smoothing.map(s -> new GpuSmoother(s, idle)).orElse(null);
    this.flatWatts = idle;
    if (storage.isPresent()) {
      RackStorageSpec s = storage.get();
      double base =
          power.gpusPerSystem() * idle * itPerGpuWatt + power.fixedOtherItWattsPerSystem();
      this.storeCapacity = s.energy().joulesPerSystem(power.gpusPerSystem());
      this.storeTarget = s.target().wattsPerSystem(power.designItWattsPerSystem()) - base;
      this.storeEfficiency = s.roundTripEfficiency();
      this.store = new RackStore(storeCapacity, storeTarget, storeEfficiency);
    } else {
      this.storeCapacity = 0;
      this.storeTarget = 0;
      this.storeEfficiency = 1;
      this.store = null;
    }
  }

  /**
   * The job is in {@code next} from {@code now}, under {@code nextPace}, with {@code heldGpus} GPUs
   * in {@code heldRacks} racks: the new demand is put on the ledger, shaped.
   *
   * @param boundary a stretch of averaged iterations ended at an iteration's end (not interrupted)
   */
  void update(
      long now,
      JobState next,
      IterationPace nextPace,
      int heldGpus,
      int heldRacks,
      boolean boundary) {
    integrate(now);
    JobState before = state;
    SteadyCycle beforeCycle = cycle;
    int racksBefore = racks;
    state = next;
    pace = nextPace;
    gpus = heldGpus;
    racks = heldRacks;
    cycle = state.iterating() ? cycleOf(pace, gpus, racks) : null;
    setLevels();
    if (before == JobState.ITERATING && next != JobState.ITERATING && beforeCycle != null) {
      resume(now, beforeCycle, boundary);
    }
    if (smoother != null && next != JobState.ITERATING) {
      double limit = levelsOf(pace).limitWatts();
      if (limit < Double.POSITIVE_INFINITY) {
        smoother.limit(now, limit);
      }
      smoother.retarget(now, lifted);
    }
    if (store != null) {
      if (racks != racksBefore) {
        store.setRacks(now, racks);
      }
      if (next == JobState.ITERATING) {
        store.advance(now);
        startTransient(now);
      } else {
        store.setLoad(now, rackLoad(now), rackLoadSlope());
      }
    }
    post(now);
  }

  /** A kink of the trajectory or of the store, at {@code now}. */
  void kink(long now) {
    integrate(now);
    if (state == JobState.ITERATING) {
      if (now >= transientEnd) {
        transientEnd = GpuSmoother.NEVER;
        transientDrawWatts = 0;
      }
      post(now);
      return;
    }
    if (smoother != null) {
      smoother.advance(now);
    }
    if (store != null) {
      store.setLoad(now, rackLoad(now), rackLoadSlope());
    }
    post(now);
  }

  /** When the next kink comes; {@link GpuSmoother#NEVER} if none. */
  long nextKinkNanos() {
    if (state == JobState.ITERATING) {
      return transientEnd;
    }
    long k = smoother == null ? GpuSmoother.NEVER : smoother.nextKinkNanos();
    return store == null ? k : Math.min(k, store.nextKinkNanos());
  }

  /** The GPU energy above idle of all the job's GPUs up to {@code now} (W·ns). */
  double gpuAboveIdleWattNanos(long now) {
    integrate(now);
    return gpuAboveIdle;
  }

  /** Closes the books at the horizon. */
  void finish(long horizonNanos) {
    integrate(horizonNanos);
    if (store != null && state != JobState.ITERATING) {
      store.advance(horizonNanos);
    }
  }

  /**
   * The job's mean IT power above idle in {@code s} under {@code p} (an iteration's, the
   * checkpoint's): the heat its cooling sees.
   */
  double meanItAboveIdle(JobState s, IterationPace p, int heldGpus, int heldRacks) {
    if (s.iterating()) {
      cycleOf(p, heldGpus, heldRacks);
      return memoMeanItAboveIdle;
    }
    if (s == JobState.CHECKPOINT) {
      return heldGpus * (lift(idle + p.checkpointDelta, true, p) - idle) * itPerGpuWatt;
    }
    return 0;
  }

  /** The highest power of one of the job's GPUs in {@code s} under {@code p} (W). */
  double peakGpuWatts(JobState s, IterationPace p) {
    if (s.iterating()) {
      return Math.max(
          lift(idle + p.computeDelta, false, p), lift(idle + p.communicationDelta, true, p));
    }
    return s == JobState.CHECKPOINT ? lift(idle + p.checkpointDelta, true, p) : idle;
  }

  // ---------------------------------------------------------------- books

  /** GPU energy of filler work (W·ns). */
  double fillerWattNanos() {
    return fillerLift;
  }

  /** GPU energy holding the floor beyond the filler (W·ns). */
  double floorWattNanos() {
    return floorLift;
  }

  /** GPU energy of ramps and holds beyond the lifted levels (W·ns; negative if ramps up saved). */
  double rampWattNanos() {
    return gpuAboveIdle - liftedAboveIdle;
  }

  /** Compute-phase GPU time drawing less than the work asked for, in a ramp up (GPU·ns). */
  double rampLimitedGpuNanos() {
    return rampLimitedGpuNanos;
  }

  /** The GPU energy the job's work asked for, unshaped, above idle (W·ns). */
  double demandWattNanos() {
    return demandAboveIdle;
  }

  /** Storage losses (J). */
  double storageLossJoules() {
    return store == null ? 0 : store.lossJoules();
  }

  /** The store of the job's racks; null without one. */
  RackStore store() {
    return store;
  }

  /** The highest power of one of the job's GPUs drawn (W). */
  double peakGpuWattsDrawn() {
    return peakGpuWatts;
  }

  // ---------------------------------------------------------------- levels and cycles

  /** The demand of the present state and its lifts, per GPU. */
  private void setLevels() {
    switch (state) {
      case COMPUTE -> levels(levelsOf(pace).compute());
      case COMMUNICATION -> levels(levelsOf(pace).communication());
      case CHECKPOINT -> levels(levelsOf(pace).checkpoint());
      case ITERATING -> {
        double c = idle + pace.computeDelta;
        double m = idle + pace.communicationDelta;
        double fc = pace.times.compute() / pace.times.iteration();
        double fm = 1 - fc;
        demand = fc * c + fm * m;
        liftedByFiller = fc * c + fm * Math.max(m, fillerLevel(pace));
        lifted = fc * lift(c, false, pace) + fm * lift(m, true, pace);
        flatWatts = cycle.meanGpuWatts();
      }
      default -> {
        demand = idle;
        liftedByFiller = idle;
        lifted = idle;
        flatWatts = idle;
      }
    }
  }

  private void levels(Levels l) {
    demand = l.demand;
    liftedByFiller = l.liftedByFiller;
    lifted = l.lifted;
    flatWatts = lifted;
  }

  /** A phase's levels per GPU: its demand, lifted by the filler (in a lull), and by the floor. */
  private record Levels(double demand, double liftedByFiller, double lifted) {}

  /** The levels of the phases under a pace, and its limit as the GPU applies it (W). */
  private record PaceLevels(
      Levels compute, Levels communication, Levels checkpoint, double limitWatts) {}

  /** A phase asking for {@code d} watts under {@code p}: its levels. */
  private Levels levels(double d, boolean lull, IterationPace p) {
    return new Levels(d, lull ? Math.max(d, fillerLevel(p)) : d, lift(d, lull, p));
  }

  /**
   * The levels of the phases under {@code p}: they change with the pace only and are asked for at
   * every phase, so those of the last pace are kept.
   */
  private PaceLevels levelsOf(IterationPace p) {
    if (p != levelsPace) {
      paceLevels =
          new PaceLevels(
              levels(idle + p.computeDelta, false, p),
              levels(idle + p.communicationDelta, true, p),
              levels(idle + p.checkpointDelta, true, p),
              power.effectiveLimitWatts(p.limitWatts));
      levelsPace = p;
    }
    return paceLevels;
  }

  /** A phase asking for {@code d} watts, lifted by the filler (in a lull) and by the floor. */
  private double lift(double d, boolean lull, IterationPace p) {
    double limit = power.effectiveLimitWatts(p.limitWatts);
    double w = lull ? Math.max(d, Math.min(fillerWatts, limit)) : d;
    return Math.max(w, Math.min(floorWatts, limit));
  }

  private double fillerLevel(IterationPace p) {
    return Math.min(fillerWatts, power.effectiveLimitWatts(p.limitWatts));
  }

  /**
   * The steady cycle of an iteration under {@code p} with these GPUs and racks. It is asked for at
   * every phase change, and changes only with them: the last one is kept (a pace is immutable).
   */
  private SteadyCycle cycleOf(IterationPace p, int heldGpus, int heldRacks) {
    if (p != memoPace || heldGpus != memoGpus || heldRacks != memoRacks) {
      SteadyCycle c = newCycle(p, heldGpus, heldRacks);
      memoCycle = c;
      memoMeanItAboveIdle =
          c.hasStore()
              ? heldRacks * c.meanDrawWatts()
              : heldGpus * (c.meanGpuWatts() - idle) * itPerGpuWatt;
      memoPace = p;
      memoGpus = heldGpus;
      memoRacks = heldRacks;
    }
    return memoCycle;
  }

  private SteadyCycle newCycle(IterationPace p, int heldGpus, int heldRacks) {
    SteadyCycle.Store s =
        store == null || heldRacks == 0
            ? null
            : new SteadyCycle.Store(
                storeCapacity,
                storeTarget,
                storeEfficiency,
                idle,
                (double) heldGpus / heldRacks * itPerGpuWatt);
    return SteadyCycle.of(
        smoothing,
        lift(idle + p.computeDelta, false, p),
        lift(idle + p.communicationDelta, true, p),
        p.times.compute(),
        p.times.communication(),
        s);
  }

  /**
   * At the start of a stretch, the store goes from what it holds to its steady state by the cycle's
   * shift per iteration: the racks draw less (or more) until then.
   */
  private void startTransient(long now) {
    transientEnd = GpuSmoother.NEVER;
    transientDrawWatts = 0;
    if (racks == 0 || !cycle.hasStore()) {
      return;
    }
    double from = store.storedJoulesPerRack();
    double to = cycle.storedJoules();
    double shift = cycle.storeShiftJoules();
    if (!(from > to && shift < 0) && !(from < to && shift > 0)) {
      return;
    }
    double iterations = (to - from) / shift;
    double nanos = iterations * pace.times.iteration();
    long d = Math.max(1, Ramps.wholeNanos(nanos));
    if (d == GpuSmoother.NEVER || now > GpuSmoother.NEVER - d) {
      return; // beyond the clock: the steady state is never reached
    }
    double seconds = d / NANOS_PER_SECOND;
    transientStart = now;
    transientEnd = now + d;
    transientFromJoules = from;
    transientDrawWatts =
        from > to ? -(from - to) / seconds : (to - from) / storeEfficiency / seconds;
  }

  /** One rack's stored energy at {@code now} within a stretch of averaged iterations (J). */
  private double storedInStretch(long now, SteadyCycle c) {
    if (transientEnd == GpuSmoother.NEVER || now >= transientEnd) {
      return c.storedJoules();
    }
    double f = (double) (now - transientStart) / (transientEnd - transientStart);
    return transientFromJoules + (c.storedJoules() - transientFromJoules) * f;
  }

  /** The trajectory and the store go on after a stretch of averaged iterations. */
  private void resume(long now, SteadyCycle c, boolean boundary) {
    if (smoother != null) {
      if (boundary) {
        long holdEnd =
            c.endMode() == GpuSmoother.Mode.HOLD
                ? now + (long) Math.ceil(c.endHoldLeftNanos())
                : now;
        double commTarget = lift(idle + pace.communicationDelta, true, pace);
        smoother.restore(now, c.endWatts(), commTarget, c.endMode(), holdEnd);
      } else {
        smoother.restore(now, c.meanGpuWatts(), c.meanGpuWatts(), GpuSmoother.Mode.FLAT, now);
      }
    }
    if (store != null && c.hasStore()) {
      double p = boundary ? c.endWatts() : c.meanGpuWatts();
      store.resume(now, storedInStretch(now, c), rackLoadAt(p), 0);
    }
    transientEnd = GpuSmoother.NEVER;
    transientDrawWatts = 0;
  }

  // ---------------------------------------------------------------- power now

  /** One GPU's power at {@code t} (W). */
  private double gpuWatts(long t) {
    if (state == JobState.ITERATING || smoother == null) {
      return flatWatts;
    }
    return smoother.watts(t);
  }

  /** Slope of one GPU's power (W per ns). */
  private double gpuSlope() {
    return state == JobState.ITERATING || smoother == null ? 0 : smoother.slopeWattsPerNano();
  }

  private double rackLoadAt(double gpuWatts) {
    return racks == 0 ? 0 : gpus * (gpuWatts - idle) * itPerGpuWatt / racks;
  }

  private double rackLoad(long t) {
    return rackLoadAt(gpuWatts(t));
  }

  private double rackLoadSlope() {
    return racks == 0 ? 0 : gpus * gpuSlope() * itPerGpuWatt / racks;
  }

  /** Puts the job's power now on the ledger, and its unshaped demand on the shadow. */
  private void post(long now) {
    double gpu = gpus * (gpuWatts(now) - idle);
    double gpuSlope = gpus * gpuSlope();
    double it;
    double itSlope;
    double variance = 0;
    if (state == JobState.ITERATING) {
      if (cycle.hasStore() && racks > 0) {
        it = racks * (cycle.meanDrawWatts() + transientDrawWatts);
        variance = (double) racks * racks * cycle.drawVarianceWatts2();
      } else {
        it = gpu * itPerGpuWatt;
        double scale = gpus * itPerGpuWatt;
        variance = scale * scale * cycle.gpuVarianceWatts2();
      }
      itSlope = 0;
    } else if (store != null && racks > 0) {
      it = racks * store.drawWatts(now);
      itSlope = racks * store.drawSlopePerNano();
    } else {
      it = gpu * itPerGpuWatt;
      itSlope = gpuSlope * itPerGpuWatt;
    }
    long dt = now - postedAt;
    double dGpu = gpu - (postedGpu + postedGpuSlope * dt);
    double dIt = it - (postedIt + postedItSlope * dt);
    double dVariance = variance - postedVariance;
    double dGpuSlope = gpuSlope - postedGpuSlope;
    double dItSlope = itSlope - postedItSlope;
    if (dGpu != 0 || dIt != 0 || dVariance != 0 || dGpuSlope != 0 || dItSlope != 0) {
      ledger.changeShaped(
          now, dGpu, dIt, dVariance, dGpuSlope * NANOS_PER_SECOND, dItSlope * NANOS_PER_SECOND);
    }
    postedGpu = gpu;
    postedGpuSlope = gpuSlope;
    postedIt = it;
    postedItSlope = itSlope;
    postedVariance = variance;
    postedAt = now;
    postUnshaped(now);
  }

  private void postUnshaped(long now) {
    PowerLedger shadow = ledger.unshaped();
    if (shadow == null) {
      return;
    }
    double gpu = gpus * (demand - idle);
    double it = gpu * itPerGpuWatt;
    double variance =
        state == JobState.ITERATING ? (double) gpus * gpus * pace.iteratingItVariancePerGpu2 : 0;
    double dGpu = gpu - postedUnshapedGpu;
    double dIt = it - postedUnshapedIt;
    double dVariance = variance - postedUnshapedVariance;
    if (dGpu != 0 || dIt != 0 || dVariance != 0) {
      shadow.change(now, dGpu, dIt, dVariance);
    }
    postedUnshapedGpu = gpu;
    postedUnshapedIt = it;
    postedUnshapedVariance = variance;
  }

  /** Books [last, now): the trajectory's energy and the levels it was shaped from. */
  private void integrate(long now) {
    long dt = now - last;
    if (dt <= 0) {
      return;
    }
    double n = gpus;
    demandAboveIdle += n * (demand - idle) * dt;
    fillerLift += n * (liftedByFiller - demand) * dt;
    floorLift += n * (lifted - liftedByFiller) * dt;
    liftedAboveIdle += n * (lifted - idle) * dt;
    if (state == JobState.ITERATING) {
      gpuAboveIdle += n * (cycle.meanGpuWatts() - idle) * dt;
      rampLimitedGpuNanos += n * dt * cycle.rampUpNanos() / pace.times.iteration();
      if (n > 0) {
        peakGpuWatts = Math.max(peakGpuWatts, cycle.maxGpuWatts());
      }
      if (store != null && cycle.hasStore()) {
        double refillLoss = transientDrawWatts > 0 ? transientDrawWatts * (1 - storeEfficiency) : 0;
        store.bookAveraged(
            dt / NANOS_PER_SECOND,
            cycle.meanDrawWatts() + transientDrawWatts,
            cycle.meanLoadWatts(),
            cycle.meanLossWatts() + refillLoss,
            cycle.maxLoadWatts());
      }
    } else {
      double a = gpuWatts(last);
      double b = smoother == null ? a : a + smoother.slopeWattsPerNano() * dt;
      gpuAboveIdle += n * ((a + b) * 0.5 - idle) * dt;
      if (state == JobState.COMPUTE
          && smoother != null
          && smoother.mode() == GpuSmoother.Mode.RAMP_UP) {
        rampLimitedGpuNanos += n * dt;
      }
      if (n > 0) {
        peakGpuWatts = Math.max(peakGpuWatts, Math.max(a, b));
      }
    }
    last = now;
  }
}
