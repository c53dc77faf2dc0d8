package org.aifactory.model.workload;

import java.util.Arrays;
import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.metrics.SwingCause;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.hardware.Cluster;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.hardware.SystemPower;

/**
 * A synchronous training job running on the event engine: its state machine. Its books are kept by
 * {@link JobBooks}, its checkpoint interval comes from {@link CheckpointPlan}, the power and speed
 * of its phases under a power limit from {@link IterationPace}.
 *
 * <p>At full pulse resolution every compute and communication phase is an event; at averaged
 * resolution a stretch of iterations between two checkpoints is one event at the iterations' mean
 * power. Both use the same integer phase lengths, so they give the same iterations, tokens and
 * GPU-hours, and the same energy up to the last unfinished iteration.
 *
 * <p>Variable speed: the job's GPUs obey the lowest of the cluster's power cap, the job's own cap
 * and the cooling's thermal limit. When the limit changes during a phase (or an averaged stretch),
 * the work done so far is booked, the rest is paced at the new speed and its end is moved; the time
 * a limit kept from progressing is booked as throttling. Without a binding limit nothing of this
 * changes a number.
 *
 * <p>A failure of any system the job holds, or of the job itself, while it iterates, checkpoints or
 * restarts interrupts it: the iterations since the last completed checkpoint are lost (none for a
 * planned interruption, which checkpoints first), and it restarts once it holds enough healthy
 * systems again: at once, after swapping in a free healthy system (a hot spare), or after a repair.
 * Lost work, restart and waiting time are booked to the cause of the interruption.
 *
 * <p>A job may use fewer GPUs of each system than it has (its share; the others are in-system
 * spares). With failure domains, a failed field-replaceable unit carrying part of its share is
 * replaced by a spare unit of the same system: the job is interrupted as by any failure, but
 * restarts on the systems it holds, without waiting. Only a system left short of the share is given
 * up, and replaced as a failed one: in-system spares first, then a spare system, then waiting.
 */
public final class TrainingJob implements Cluster.Tenant {
  private static final int NONE = -1;

  private final TrainingJobSpec spec;
  private final Cluster cluster;
  private final SystemPower power;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final PulseResolution resolution;
  private final FailureCause[] causes;
  private final double itPerGpuWatt;
  private final double checkpointFraction;

  private final long periodNanos;
  private final long computeNanos;
  private final long communicationNanos;
  private final long checkpointNanos;
  private final long restartNanos;
  private final long swapNanos;

  private final CheckpointPlan plan;

  /** Iterations between checkpoints; 0 = no checkpoints. */
  private final long iterationsPerCheckpoint;

  private final long workIterations;

  private final int gpus;

  /** GPUs the job uses on each of its systems. */
  private final int share;

  private final int neededSystems;
  private final int[] held;
  private int heldCount;

  private final Event start = this::onStart;
  private final Event computeEnd = this::onComputeEnd;
  private final Event communicationEnd = this::onCommunicationEnd;
  private final Event stretchEnd = this::onStretchEnd;
  private final Event checkpointEnd = this::onCheckpointEnd;
  private final Event swapDone = this::onSwapDone;
  private final Event restartDone = this::onRestartDone;
  private final Event capStep = this::onCapStep;
  private final Event powerKink = this::onPowerKink;

  private JobState state = JobState.NOT_STARTED;
  private long stateSince;
  private long pending = NONE;

  // Power: per-GPU power above idle (the cluster draws the idle part), as last put on the ledger.
  private IterationPace pace;
  private double deltaPerGpu;
  private int heldGpusAtLastPower;
  private double varianceAtLastPower;
  private double meanItAtLastPower;

  // Load shaping (GPU smoothing, filler work, rack storage); null without any.
  private final ShapedPower shaped;
  private long kinkHandle = NONE;
  private long kinkAt = Long.MAX_VALUE; // when the scheduled kink event fires; MAX_VALUE: none
  private long kinkDue = Long.MAX_VALUE; // the shaped power's next kink
  private SwingCause lastCause = SwingCause.JOBS; // of the last change of the shaped power
  private boolean phaseEndComing; // a phase is being entered and its end is scheduled next
  private boolean stretchBoundary;
  private double shapedEnergyBooked;

  // Limits: the job's own cap (its schedule), and which limit binds.
  private double jobCapWatts = Double.POSITIVE_INFINITY;
  private int nextCapStep;
  private JobBooks.Throttle throttleReason = JobBooks.Throttle.CAP;

  // Progress.
  private long iterations;
  private long committedIterations;
  private long checkpoints;
  private long iterationStart;
  private long stretchStart;
  private long stretchIterations;
  private long iteratingNanosSinceCommit;
  private double iteratingGpuNanosSinceCommit;
  private long completionNanos = NONE;

  // The running phase (full resolution) or stretch (averaged): paced in segments of one speed.
  private long segmentStart;
  private double segmentSpeed = 1;
  private double workLeft;
  private long stretchProgressExact;
  private double stretchProgressSlow;
  private double throttledSinceCommit;
  private double throttledGpuSinceCommit;
  private double throttledInIteration;

  private final JobBooks books;
  private final OpenInterruptions openRows;
  private int currentCause = NONE;
  private boolean swapped;
  private java.util.function.LongConsumer completionListener = now -> {};

  /**
   * @param causes the factory's failure causes, in profile order (indices are cause indices)
   * @param modelledCauses how many of {@code causes}, from the first, have a rate of their own (a
   *     cause driven from outside, like loss of power, follows them and is left out of M)
   * @param swapNanos time to swap in a free healthy system
   */
  public TrainingJob(
      TrainingJobSpec spec,
      Cluster cluster,
      Simulation sim,
      PowerLedger ledger,
      FailureLog log,
      PulseResolution resolution,
      FailureCause[] causes,
      int modelledCauses,
      long swapNanos) {
    this.spec = spec;
    this.cluster = cluster;
    this.power = cluster.power();
    this.sim = sim;
    this.ledger = ledger;
    this.resolution = resolution;
    this.causes = causes;
    this.itPerGpuWatt = power.itPerGpuWatt();
    this.swapNanos = swapNanos;

    IterationProfile it = spec.iteration();
    this.periodNanos = it.period().toNanos();
    this.computeNanos =
        Math.max(1, Math.min(periodNanos, Math.round(periodNanos * it.computeFraction())));
    this.communicationNanos = periodNanos - computeNanos;
    this.restartNanos = spec.restart().toNanos();
    this.gpus = spec.gpus();
    this.share = spec.shareOf(cluster.gpusPerSystem());
    this.neededSystems = spec.systemsOn(cluster.gpusPerSystem());
    this.plan =
        CheckpointPlan.of(
            spec, cluster.gpusPerSystem(), Arrays.asList(causes).subList(0, modelledCauses));
    this.iterationsPerCheckpoint = plan.iterationsPerCheckpoint();
    this.checkpointNanos = spec.checkpoint().map(cp -> cp.duration().toNanos()).orElse(0L);
    this.workIterations = spec.workIterations().orElse(Long.MAX_VALUE);
    this.checkpointFraction = spec.checkpoint().map(CheckpointSpec::powerFraction).orElse(0.0);
    this.pace = pace(Double.POSITIVE_INFINITY);
    this.books = new JobBooks(causes.length);
    this.openRows = new OpenInterruptions(log);

    this.held = new int[neededSystems];
    while (heldCount < neededSystems) {
      int s = cluster.takeFree(this, share);
      if (s < 0) {
        throw new IllegalStateException("cluster " + cluster.name() + " cannot hold job " + name());
      }
      held[heldCount++] = s;
    }
    this.heldGpusAtLastPower = heldGpus();
    var smoothing = spec.powerSmoothing().or(() -> cluster.spec().powerSmoothing());
    var storage = cluster.spec().rackStorage();
    this.shaped =
        smoothing.isPresent() || spec.filler().isPresent() || storage.isPresent()
            ? new ShapedPower(power, ledger, smoothing, spec.filler(), storage)
            : null;
    cluster.addTenant(this);
  }

  /** Whether the job's load is shaped (GPU smoothing, filler work or rack storage). */
  public boolean shaped() {
    return shaped != null;
  }

  /** What load shaping did for the job; call after {@link #finish}; null if it is not shaped. */
  public ShapingBooks shapingBooks() {
    if (shaped == null) {
      return null;
    }
    var store = shaped.store();
    return new ShapingBooks(
        spec.powerSmoothing().or(() -> cluster.spec().powerSmoothing()).isPresent(),
        spec.filler().isPresent(),
        store != null,
        shaped.fillerWattNanos() * 1e-9,
        shaped.floorWattNanos() * 1e-9,
        shaped.rampWattNanos() * 1e-9,
        shaped.storageLossJoules(),
        store == null ? 0 : store.storedChangeJoules(),
        shaped.rampLimitedGpuNanos(),
        store == null ? Double.NEGATIVE_INFINITY : store.maxLoadWatts(),
        store == null ? Double.NEGATIVE_INFINITY : store.maxDrawWatts());
  }

  private IterationPace pace(double limitWatts) {
    return new IterationPace(
        power,
        spec.iteration(),
        checkpointFraction,
        computeNanos,
        communicationNanos,
        periodNanos,
        limitWatts);
  }

  @Override
  public String name() {
    return spec.name();
  }

  public TrainingJobSpec spec() {
    return spec;
  }

  /** Who hears when the job completes its work (one listener). */
  public void setCompletionListener(java.util.function.LongConsumer listener) {
    this.completionListener = listener;
  }

  public void schedule() {
    sim.scheduleAt(spec.start().toNanos(), 0, start);
    scheduleCapStep();
  }

  /** Time of the first checkpoint's start if the job runs undisturbed; -1 without checkpoints. */
  public long firstCheckpointNanos() {
    return iterationsPerCheckpoint == 0
        ? -1
        : spec.start().toNanos() + iterationsPerCheckpoint * periodNanos;
  }

  // ---------------------------------------------------------------- iterating and checkpointing

  private void onStart(long now) {
    pending = NONE;
    if (heldCount < neededSystems) {
      recover(now);
    } else {
      beginIterating(now);
    }
  }

  private void beginIterating(long now) {
    if (committedIterations >= workIterations) {
      finishWork(now);
      return;
    }
    if (resolution == PulseResolution.FULL) {
      beginCompute(now);
    } else {
      enter(now, JobState.ITERATING, pace.iteratingDelta);
      stretchStart = now;
      stretchProgressExact = 0;
      stretchProgressSlow = 0;
      boolean limited = spec.workIterations().isPresent();
      long remaining = workIterations - iterations;
      long n;
      if (iterationsPerCheckpoint > 0) {
        n = limited ? Math.min(iterationsPerCheckpoint, remaining) : iterationsPerCheckpoint;
      } else {
        n = limited ? remaining : 0; // 0: iterate to the horizon, no event
      }
      stretchIterations = n;
      boolean bounded = n > 0 && n <= (Long.MAX_VALUE - now) / periodNanos;
      beginSegment(now, pace.pace, bounded ? (double) n * periodNanos : Double.POSITIVE_INFINITY);
      if (bounded) {
        pending = schedulePaced(stretchEnd, n * periodNanos);
      }
    }
  }

  private void beginCompute(long now) {
    phaseEndComing = true;
    enter(now, JobState.COMPUTE, pace.computeDelta);
    iterationStart = now;
    throttledInIteration = 0;
    beginSegment(now, pace.computeSpeed, computeNanos);
    schedulePhaseEnd(now, computeEnd, computeNanos);
  }

  private void onComputeEnd(long now) {
    endPhase(now);
    phaseEndComing = true;
    enter(now, JobState.COMMUNICATION, pace.communicationDelta);
    beginSegment(now, pace.communicationSpeed, communicationNanos);
    schedulePhaseEnd(now, communicationEnd, communicationNanos);
  }

  /**
   * Schedules the end of the phase just entered ({@code work} nominal nanoseconds at the present
   * segment's speed), then the shaped power's next kink if it comes no later (see {@link
   * #armKink}).
   */
  private void schedulePhaseEnd(long now, Event end, long work) {
    long delay = segmentSpeed == 1 ? work : IterationPace.duration(work, segmentSpeed);
    pending = sim.schedule(delay, end);
    if (phaseEndComing) {
      phaseEndComing = false;
      long at = delay > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delay;
      if (armKink(at) && kinkAt == at) {
        // The kink fires first at the same instant, as it would had it been scheduled first.
        sim.cancel(pending);
        pending = sim.scheduleAt(at, Simulation.DEFAULT_PRIORITY, end);
      }
    }
  }

  /** Schedules the end of {@code work} nominal nanoseconds at the present segment's speed. */
  private long schedulePaced(Event end, long work) {
    return sim.schedule(segmentSpeed == 1 ? work : IterationPace.duration(work, segmentSpeed), end);
  }

  private void onCommunicationEnd(long now) {
    endPhase(now);
    iterations++;
    boolean workDone = iterations >= workIterations;
    if (iterationsPerCheckpoint > 0
        && (workDone || iterations - committedIterations >= iterationsPerCheckpoint)) {
      startCheckpoint(now);
    } else if (workDone) {
      commit();
      finishWork(now);
    } else {
      beginCompute(now);
    }
  }

  private void onStretchEnd(long now) {
    endPhase(now);
    iterations += stretchIterations;
    stretchIterations = 0;
    stretchBoundary = true; // shaped power goes on from the end of an iteration
    if (iterationsPerCheckpoint > 0) {
      startCheckpoint(now);
    } else {
      commit();
      finishWork(now);
    }
    stretchBoundary = false;
  }

  private void startCheckpoint(long now) {
    enter(now, JobState.CHECKPOINT, pace.checkpointDelta);
    pending = sim.schedule(checkpointNanos, checkpointEnd);
  }

  private void onCheckpointEnd(long now) {
    checkpoints++;
    commit();
    beginIterating(now);
  }

  private void commit() {
    committedIterations = iterations;
    iteratingNanosSinceCommit = 0;
    iteratingGpuNanosSinceCommit = 0;
    throttledSinceCommit = 0;
    throttledGpuSinceCommit = 0;
  }

  private void finishWork(long now) {
    pending = NONE;
    int n = heldCount;
    heldCount = 0; // before entering DONE: the released GPUs' power leaves the job with them
    enter(now, JobState.DONE, 0);
    completionNanos = now;
    for (int i = 0; i < n; i++) {
      cluster.release(held[i], now);
    }
    completionListener.accept(now);
  }

  // ---------------------------------------------------------------- pacing under power limits

  private void beginSegment(long now, double speed, double work) {
    segmentStart = now;
    segmentSpeed = speed;
    workLeft = work;
  }

  /** Books the running segment up to {@code now} and returns the progress it made. */
  private double closeSegment(long now) {
    long dt = now - segmentStart;
    double progress;
    if (segmentSpeed == 1) {
      progress = dt;
      stretchProgressExact += dt;
    } else {
      progress = Math.min(dt * segmentSpeed, workLeft);
      stretchProgressSlow += progress;
      throttle(dt - progress, dt);
    }
    workLeft -= progress;
    segmentStart = now;
    return progress;
  }

  /**
   * A phase or stretch ends at its event: its last segment did exactly the work left, and any time
   * beyond it (a limit's slowing, the rounding of a paced end up to a whole nanosecond) is booked
   * as throttled. At full speed from start to end that is exactly nothing.
   */
  private void endPhase(long now) {
    long dt = now - segmentStart;
    double extra = dt - workLeft;
    if (extra != 0) {
      throttle(extra, dt);
    }
    workLeft = 0;
  }

  private void throttle(double nanos, long dt) {
    if (nanos > 0) {
      double gpuNanos = nanos * heldGpusAtLastPower;
      books.throttled(throttleReason, nanos, gpuNanos, (double) heldGpusAtLastPower * dt);
      throttledSinceCommit += nanos;
      throttledGpuSinceCommit += gpuNanos;
      throttledInIteration += nanos;
    }
  }

  /** The job's own cap schedule: the next step, if any. */
  private void scheduleCapStep() {
    PowerCapSchedule schedule = spec.powerCap().orElse(null);
    if (schedule != null && nextCapStep < schedule.steps().size()) {
      long at = schedule.steps().get(nextCapStep).at().toNanos();
      sim.scheduleAt(Math.max(at, sim.nowNanos()), Simulation.DEFAULT_PRIORITY, capStep);
    }
  }

  private void onCapStep(long now) {
    jobCapWatts = spec.powerCap().orElseThrow().steps().get(nextCapStep++).cap().watts(power.gpu());
    scheduleCapStep();
    limitChanged(now);
  }

  /** The lowest of the caps and the thermal limit now, and which binds. */
  private double currentLimit() {
    double cap = Math.min(jobCapWatts, cluster.capWatts());
    double thermal = cluster.thermalLimitWatts();
    throttleReason = thermal < cap ? JobBooks.Throttle.THERMAL : JobBooks.Throttle.CAP;
    return Math.min(cap, thermal);
  }

  @Override
  public void limitChanged(long now) {
    JobBooks.Throttle reasonBefore = throttleReason;
    double limit = currentLimit();
    JobBooks.Throttle reasonNow = throttleReason;
    if (limit == pace.limitWatts) {
      return;
    }
    IterationPace next = pace(limit);
    switch (state) {
      case COMPUTE, COMMUNICATION, ITERATING -> {
        throttleReason = reasonBefore; // the time so far was slowed by the limit before
        closeSegment(now);
        throttleReason = reasonNow;
        pace = next;
        double speed =
            state == JobState.COMPUTE
                ? next.computeSpeed
                : state == JobState.COMMUNICATION ? next.communicationSpeed : next.pace;
        double left = workLeft;
        if (pending != NONE) {
          sim.cancel(pending);
          pending = NONE;
        }
        beginSegment(now, speed, left);
        Event end =
            state == JobState.COMPUTE
                ? computeEnd
                : state == JobState.COMMUNICATION ? communicationEnd : stretchEnd;
        if (Double.isFinite(left)) {
          pending = sim.schedule(IterationPace.duration(left, speed), end);
        }
        double delta =
            state == JobState.COMPUTE
                ? next.computeDelta
                : state == JobState.COMMUNICATION ? next.communicationDelta : next.iteratingDelta;
        accrue(now);
        setPower(now, delta, SwingCause.OTHER);
      }
      case CHECKPOINT -> {
        pace = next;
        accrue(now);
        setPower(now, next.checkpointDelta, SwingCause.OTHER);
      }
      default -> {
        pace = next;
        if (shaped != null) { // GPUs still ramping down obey the new limit at once
          accrue(now);
          setPower(now, deltaPerGpu, SwingCause.OTHER);
        }
      }
    }
  }

  @Override
  public double meanItAboveIdleAt(double limitWatts) {
    IterationPace p = paceAt(limitWatts);
    if (shaped != null) {
      return shaped.meanItAboveIdle(state, p, heldGpusAtLastPower, heldCount);
    }
    double perGpu =
        state.iterating()
            ? p.iteratingDelta
            : state == JobState.CHECKPOINT ? p.checkpointDelta : deltaPerGpu;
    return heldGpusAtLastPower * perGpu * itPerGpuWatt;
  }

  @Override
  public double peakGpuWattsAt(double limitWatts) {
    if (heldGpusAtLastPower == 0) {
      return 0;
    }
    IterationPace p = paceAt(limitWatts);
    if (shaped != null) {
      return shaped.peakGpuWatts(state, p);
    }
    double delta =
        state.iterating()
            ? Math.max(p.computeDelta, p.communicationDelta)
            : state == JobState.CHECKPOINT ? p.checkpointDelta : deltaPerGpu;
    return power.idleGpuWatts() + delta;
  }

  /** The pace under a cluster-side limit, with the job's own cap. */
  private IterationPace paceAt(double limitWatts) {
    double limit = Math.min(limitWatts, jobCapWatts);
    return limit == pace.limitWatts ? pace : pace(limit);
  }

  // ---------------------------------------------------------------- failures

  /** A failure of cause {@code causeIndex} strikes the job itself or its network path. */
  public void strike(int causeIndex, long now) {
    if (state.interruptible()) {
      interrupt(
          causeIndex,
          now,
          causes[causeIndex].scope() == FailureScope.JOB
              ? "job/" + name()
              : cluster.name() + "/network");
      recover(now);
    }
  }

  @Override
  public void systemLost(int system, int causeIndex, long now) {
    accrue(now);
    for (int i = 0; i < heldCount; i++) {
      if (held[i] == system) {
        held[i] = held[--heldCount];
        break;
      }
    }
    if (state.interruptible()) {
      interrupt(causeIndex, now, cluster.name() + "/system-" + system);
      recover(now);
      return;
    }
    setPower(now, deltaPerGpu, SwingCause.JOBS); // the lost system's GPUs leave the job
    if (state == JobState.WAITING) {
      if (pending != NONE) { // a swap was under way: now one more system is needed
        sim.cancel(pending);
        pending = NONE;
      }
      recover(now);
    } else if (state == JobState.NOT_STARTED && currentCause == NONE) {
      currentCause = causeIndex; // waiting for systems at the start is booked to this cause
    }
  }

  @Override
  public void unitTakenOver(int system, int unit, int causeIndex, long now) {
    if (state.interruptible()) {
      interrupt(causeIndex, now, cluster.name() + "/system-" + system + "/fru-" + unit);
      recover(now); // it holds all its systems: it restarts at once
    }
  }

  private void interrupt(int causeIndex, long now, String component) {
    accrue(now);
    if (pending != NONE) {
      sim.cancel(pending);
      pending = NONE;
    }
    FailureCause cause = causes[causeIndex];
    long completed;
    long partial;
    double partialThrottled;
    switch (state) {
      case COMPUTE, COMMUNICATION -> {
        closeSegment(now);
        completed = iterations - committedIterations;
        partial = now - iterationStart;
        partialThrottled = throttledInIteration;
      }
      case ITERATING -> {
        closeSegment(now);
        if (stretchProgressSlow == 0) {
          long elapsed = stretchProgressExact;
          completed = iterations - committedIterations + elapsed / periodNanos;
          long progress = elapsed % periodNanos;
          partial = progress;
          partialThrottled = 0;
        } else {
          double progress = stretchProgressExact + stretchProgressSlow;
          long whole = (long) Math.floor(progress / periodNanos);
          completed = iterations - committedIterations + whole;
          double unfinished = progress - (double) whole * periodNanos;
          // The unfinished iteration's real time at the stretch's present pace.
          partial = Math.round(unfinished / pace.pace);
          partialThrottled = partial - unfinished;
        }
      }
      default -> {
        completed = iterations - committedIterations;
        partial = 0;
        partialThrottled = 0;
      }
    }
    long lost;
    double lostGpu;
    double lostThrottled;
    double lostThrottledGpu;
    if (cause.planned()) {
      // A planned stop checkpoints first: only the unfinished iteration is lost.
      iterations = committedIterations + completed;
      lost = partial;
      lostGpu = (double) partial * gpus;
      lostThrottled = partialThrottled;
      lostThrottledGpu = partialThrottled * gpus;
    } else {
      iterations = committedIterations;
      lost = iteratingNanosSinceCommit;
      lostGpu = iteratingGpuNanosSinceCommit;
      lostThrottled = throttledSinceCommit;
      lostThrottledGpu = throttledGpuSinceCommit;
    }
    commit();
    stretchIterations = 0;
    books.lost(causeIndex, lost, lostGpu, lostThrottled, lostThrottledGpu);
    currentCause = causeIndex;
    openRows.interrupted(now, component, cause.name(), name(), lostGpu / 3.6e12);
  }

  /** Gets the systems the job lacks, then restarts; or waits for them. */
  private void recover(long now) {
    while (heldCount < neededSystems) {
      int s = cluster.takeFree(this, share);
      if (s < 0) {
        break;
      }
      held[heldCount++] = s;
      swapped = true;
    }
    if (heldCount < neededSystems) {
      enter(now, JobState.WAITING, 0);
      cluster.awaitSystems(this);
    } else if (swapped) {
      enter(now, JobState.WAITING, 0);
      pending = sim.schedule(swapNanos, swapDone);
    } else {
      beginRestart(now);
    }
  }

  @Override
  public void systemsFreed(long now) {
    if (state == JobState.WAITING && pending == NONE) {
      recover(now);
    } else if (state == JobState.NOT_STARTED || state == JobState.DONE) {
      cluster.stopAwaiting(this);
    }
  }

  private void onSwapDone(long now) {
    pending = NONE;
    swapped = false;
    beginRestart(now);
  }

  private void beginRestart(long now) {
    enter(now, JobState.RESTARTING, 0);
    pending = sim.schedule(restartNanos, restartDone);
  }

  private void onRestartDone(long now) {
    pending = NONE;
    openRows.recovered(now);
    beginIterating(now);
  }

  // ---------------------------------------------------------------- power and accounting

  private int heldGpus() {
    return Math.min(gpus, heldCount * share);
  }

  private void enter(long now, JobState next, double nextDeltaPerGpu) {
    accrue(now);
    SwingCause cause = swingCause(state, next);
    state = next;
    setPower(now, nextDeltaPerGpu, cause);
  }

  /**
   * What a change of state does to the site's swings: a checkpoint starting or ending, a phase of
   * an iteration, or else the job starting, stopping, failing or restarting (a failure during a
   * checkpoint leaves it for waiting or a restart: a job event).
   */
  static SwingCause swingCause(JobState from, JobState to) {
    if (to == JobState.CHECKPOINT || from == JobState.CHECKPOINT && to.iterating()) {
      return SwingCause.CHECKPOINTS;
    }
    if (from.iterating() && to.iterating()) {
      return SwingCause.PULSES;
    }
    return SwingCause.JOBS;
  }

  /**
   * Puts the job's power on the ledger (instantaneous, with the variance of an averaged iteration)
   * and its mean on the cluster (the heat its cooling sees: an iteration's pulses are averaged).
   */
  private void setPower(long now, double nextDeltaPerGpu, SwingCause cause) {
    if (shaped != null) {
      lastCause = cause;
      ledger.causedBy(cause);
      setShapedPower(now, nextDeltaPerGpu);
      return;
    }
    double before = heldGpusAtLastPower * deltaPerGpu;
    int heldGpus = heldGpus();
    double after = heldGpus * nextDeltaPerGpu;
    double delta = after - before;
    double variance =
        state == JobState.ITERATING
            ? (double) heldGpus * heldGpus * pace.iteratingItVariancePerGpu2
            : 0;
    double deltaVariance = variance - varianceAtLastPower;
    if (delta != 0 || deltaVariance != 0) {
      ledger.change(now, delta, delta * itPerGpuWatt, deltaVariance, cause);
    }
    double mean = heldGpus * meanDeltaPerGpu(nextDeltaPerGpu) * itPerGpuWatt;
    cluster.addMeanIt(now, mean - meanItAtLastPower);
    deltaPerGpu = nextDeltaPerGpu;
    heldGpusAtLastPower = heldGpus;
    varianceAtLastPower = variance;
    meanItAtLastPower = mean;
  }

  /**
   * As {@link #setPower} with load shaping: the shaped power goes on the ledger (its demand on the
   * unshaped shadow), its mean on the cluster, and the next kink of its trajectory is scheduled. A
   * job that is done keeps its last GPUs in the books while their power smoothing ramps down.
   */
  private void setShapedPower(long now, double nextDeltaPerGpu) {
    int heldGpus = heldGpus();
    int shapedGpus = state == JobState.DONE ? heldGpusAtLastPower : heldGpus;
    shaped.update(now, state, pace, shapedGpus, heldCount, stretchBoundary);
    double mean = shaped.meanItAboveIdle(state, pace, heldGpus, heldCount);
    cluster.addMeanIt(now, mean - meanItAtLastPower);
    deltaPerGpu = nextDeltaPerGpu;
    heldGpusAtLastPower = heldGpus;
    meanItAtLastPower = mean;
    scheduleKink();
  }

  /** A ramp reached its target, a hold ended, or the racks' store emptied or filled. */
  private void onPowerKink(long now) {
    kinkHandle = NONE;
    kinkAt = Long.MAX_VALUE;
    // A ramp or a hold ending follows from the change of state that set it going: its swing is
    // booked to that change's cause (a pulse, a checkpoint, a start or failure), not to "other".
    ledger.causedBy(lastCause);
    shaped.kink(now);
    ledger.causedBy(SwingCause.OTHER); // if the kink changed nothing, the cause goes no further
    scheduleKink();
  }

  private void scheduleKink() {
    kinkDue = shaped.nextKinkNanos();
    if (!phaseEndComing) {
      armKink(Long.MAX_VALUE);
    }
  }

  /**
   * Schedules the kink event for the shaped power's next kink, unless the event at {@code phaseEnd}
   * comes first: the end of the phase just entered, whose handler enters the next state and so
   * looks at the shaped power again (as does every path that cancels that event). A hold that a
   * phase ends before it is over, the usual case of a pulsing job under GPU smoothing, then costs
   * no event scheduled and cancelled in every iteration.
   *
   * @return whether a kink event was scheduled anew
   */
  private boolean armKink(long phaseEnd) {
    if (kinkDue == kinkAt) {
      return false;
    }
    if (kinkHandle != NONE) {
      sim.cancel(kinkHandle);
      kinkHandle = NONE;
    }
    long next = kinkDue <= phaseEnd ? kinkDue : Long.MAX_VALUE;
    kinkAt = next;
    if (next == Long.MAX_VALUE) {
      return false;
    }
    kinkHandle = sim.scheduleAt(next, Simulation.DEFAULT_PRIORITY, powerKink);
    return true;
  }

  /** The power above idle the cooling sees: an iteration's mean while iterating. */
  private double meanDeltaPerGpu(double deltaPerGpuNow) {
    return state.iterating() ? pace.iteratingDelta : deltaPerGpuNow;
  }

  private void accrue(long now) {
    long dt = now - stateSince;
    if (dt == 0) {
      return;
    }
    books.accrue(
        state,
        dt,
        heldGpusAtLastPower,
        power.idleGpuWatts() + (shaped == null ? deltaPerGpu : 0),
        pace.times,
        currentCause);
    if (shaped != null) {
      double e = shaped.gpuAboveIdleWattNanos(now);
      books.gpuWattNanos += e - shapedEnergyBooked;
      shapedEnergyBooked = e;
    }
    if (state.iterating()) {
      iteratingNanosSinceCommit += dt;
      iteratingGpuNanosSinceCommit += (double) heldGpusAtLastPower * dt;
    }
    stateSince = now;
  }

  /** Closes the job's books at the horizon. */
  public void finish(long horizonNanos) {
    accrue(horizonNanos);
    if (shaped != null) {
      shaped.finish(horizonNanos);
    }
    if (state.iterating()) {
      closeSegment(horizonNanos);
    }
    if (state == JobState.ITERATING) {
      iterations +=
          stretchProgressSlow == 0
              ? stretchProgressExact / periodNanos
              : (long) Math.floor((stretchProgressExact + stretchProgressSlow) / periodNanos);
    }
  }

  /** What the job did; call after {@link #finish}. */
  public JobAccount account(long horizonNanos) {
    long start = spec.start().toNanos();
    long end = completionNanos >= 0 ? completionNanos : horizonNanos;
    return new JobAccount(
        this,
        Math.max(0, end - start),
        completionNanos,
        iterations,
        checkpoints,
        books.nanosInState.clone(),
        books.gpuNanosInState.clone(),
        books.computeGpuNanos,
        books.communicationGpuNanos,
        books.lostNanos.clone(),
        books.lostGpuNanos.clone(),
        books.restartNanos.clone(),
        books.restartGpuNanos.clone(),
        books.waitingNanos.clone(),
        books.waitingGpuNanos.clone(),
        books.interruptions.clone(),
        books.gpuWattNanos,
        plan.intervalSeconds(),
        plan.mtbfKillSeconds(),
        books.lostThrottledNanos.clone(),
        books.lostThrottledGpuNanos.clone(),
        books.throttledNanos.clone(),
        books.throttledGpuNanos,
        books.slowGpuNanos);
  }

  public long checkpointNanos() {
    return checkpointNanos;
  }

  public long periodNanos() {
    return periodNanos;
  }

  public int gpus() {
    return gpus;
  }
}
