package org.aifactory.model.workload;

import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.hardware.Cluster;
import org.aifactory.model.hardware.GpuType;

/**
 * A synchronous training job running on the event engine.
 *
 * <p>At full pulse resolution every compute and communication phase is an event; at averaged
 * resolution a stretch of iterations between two checkpoints is one event at the iterations' mean
 * power. Both use the same integer phase lengths, so they give the same iterations, tokens and
 * GPU-hours, and the same energy up to the last unfinished iteration.
 *
 * <p>A failure of any system the job holds, or of the job itself, while it iterates, checkpoints or
 * restarts interrupts it: the iterations since the last completed checkpoint are lost (none for a
 * planned interruption, which checkpoints first), and it restarts once it holds enough healthy
 * systems again: at once, after swapping in a free healthy system (a hot spare), or after a repair.
 * Lost work, restart and waiting time are booked to the cause of the interruption.
 */
public final class TrainingJob implements Cluster.Tenant {
  private static final int NONE = -1;

  private final TrainingJobSpec spec;
  private final Cluster cluster;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final FailureLog log;
  private final PulseResolution resolution;
  private final FailureCause[] causes;
  private final double itPerGpuWatt;

  private final long periodNanos;
  private final long computeNanos;
  private final long communicationNanos;
  private final long checkpointNanos;
  private final long restartNanos;
  private final long swapNanos;

  /** Iterations between checkpoints; 0 = no checkpoints. */
  private final long iterationsPerCheckpoint;

  private final double checkpointIntervalSeconds;
  private final double meanTimeBetweenKillsSeconds;
  private final long workIterations;

  private final int gpus;
  private final int neededSystems;
  private final int[] held;
  private int heldCount;

  // Per-GPU power above idle in each state (the cluster draws the idle part).
  private final double idleWattsPerGpu;
  private final double computeDelta;
  private final double communicationDelta;
  private final double iteratingDelta;

  /**
   * Variance of one GPU's IT power over an iteration (W²) at averaged resolution: two levels held
   * for fractions f and 1 − f differ by Δ, so the variance is Δ²·f(1−f). The ledger takes quadratic
   * losses (I²R) at the mean square, as if the pulses were simulated.
   */
  private final double iteratingItVariancePerGpu2;

  /** The variance this job has put on the ledger. */
  private double varianceAtLastPower;

  private final double checkpointDelta;

  private final Event start = this::onStart;
  private final Event computeEnd = this::onComputeEnd;
  private final Event communicationEnd = this::onCommunicationEnd;
  private final Event stretchEnd = this::onStretchEnd;
  private final Event checkpointEnd = this::onCheckpointEnd;
  private final Event swapDone = this::onSwapDone;
  private final Event restartDone = this::onRestartDone;

  private JobState state = JobState.NOT_STARTED;
  private double deltaPerGpu;
  private long stateSince;
  private long pending = NONE;

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

  // Accounting: job time and GPU time by state; lost work, restart and waiting by cause.
  private final long[] nanosInState = new long[JobState.values().length];
  private final double[] gpuNanosInState = new double[JobState.values().length];
  private double computeGpuNanos;
  private double communicationGpuNanos;
  private final long[] lostNanos;
  private final double[] lostGpuNanos;
  private final long[] restartNanosByCause;
  private final double[] restartGpuNanos;
  private final long[] waitingNanosByCause;
  private final double[] waitingGpuNanos;
  private final long[] interruptionsByCause;
  private double gpuWattNanos;

  private int currentCause = NONE;
  private boolean swapped;
  // events.csv rows of interruptions not yet recovered from (only when the log is enabled).
  private int[] openRows = new int[0];
  private long[] openRowTimes = new long[0];
  private int openRowCount;

  /**
   * @param causes the factory's failure causes, in profile order (indices are cause indices)
   * @param modelledCauses how many of {@code causes}, from the first, have a rate of their own (a
   *     cause driven from outside, like loss of power, follows them and is left out of M)
   * @param swapNanos time to swap in a free healthy system
   */
  public TrainingJob(
      TrainingJobSpec spec,
      Cluster cluster,
      GpuType gpu,
      Simulation sim,
      PowerLedger ledger,
      FailureLog log,
      PulseResolution resolution,
      FailureCause[] causes,
      int modelledCauses,
      long swapNanos) {
    this.spec = spec;
    this.cluster = cluster;
    this.sim = sim;
    this.ledger = ledger;
    this.log = log;
    this.resolution = resolution;
    this.causes = causes;
    this.itPerGpuWatt = cluster.itPerGpuWatt();
    this.swapNanos = swapNanos;

    IterationProfile it = spec.iteration();
    this.periodNanos = it.period().toNanos();
    this.computeNanos =
        Math.max(1, Math.min(periodNanos, Math.round(periodNanos * it.computeFraction())));
    this.communicationNanos = periodNanos - computeNanos;
    this.restartNanos = spec.restart().toNanos();
    this.gpus = spec.gpus();
    this.neededSystems = (gpus + cluster.gpusPerSystem() - 1) / cluster.gpusPerSystem();
    CheckpointPlan plan =
        CheckpointPlan.of(
            spec,
            cluster.gpusPerSystem(),
            java.util.Arrays.asList(causes).subList(0, modelledCauses));
    this.meanTimeBetweenKillsSeconds = plan.mtbfKillSeconds();
    this.checkpointIntervalSeconds = plan.intervalSeconds();
    this.iterationsPerCheckpoint = plan.iterationsPerCheckpoint();
    this.checkpointNanos = spec.checkpoint().map(cp -> cp.duration().toNanos()).orElse(0L);
    this.workIterations = spec.workIterations().orElse(Long.MAX_VALUE);

    double tdp = gpu.tdpWatts();
    this.idleWattsPerGpu = gpu.idleWatts();
    this.computeDelta = tdp * it.computePowerFraction() - idleWattsPerGpu;
    this.communicationDelta = tdp * it.communicationPowerFraction() - idleWattsPerGpu;
    this.iteratingDelta =
        (computeDelta * computeNanos + communicationDelta * communicationNanos) / periodNanos;
    double f = (double) computeNanos / periodNanos;
    double swing = (computeDelta - communicationDelta) * itPerGpuWatt;
    this.iteratingItVariancePerGpu2 = swing * swing * f * (1 - f);
    this.checkpointDelta =
        tdp * spec.checkpoint().map(CheckpointSpec::powerFraction).orElse(0.0) - idleWattsPerGpu;

    int n = causes.length;
    this.lostNanos = new long[n];
    this.lostGpuNanos = new double[n];
    this.restartNanosByCause = new long[n];
    this.restartGpuNanos = new double[n];
    this.waitingNanosByCause = new long[n];
    this.waitingGpuNanos = new double[n];
    this.interruptionsByCause = new long[n];

    this.held = new int[neededSystems];
    while (heldCount < neededSystems) {
      int s = cluster.takeFree(this);
      if (s < 0) {
        throw new IllegalStateException("cluster " + cluster.name() + " cannot hold job " + name());
      }
      held[heldCount++] = s;
    }
    this.heldGpusAtLastPower = heldGpus();
  }

  @Override
  public String name() {
    return spec.name();
  }

  public TrainingJobSpec spec() {
    return spec;
  }

  public void schedule() {
    sim.scheduleAt(spec.start().toNanos(), 0, start);
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
      enter(now, JobState.ITERATING, iteratingDelta);
      stretchStart = now;
      boolean limited = spec.workIterations().isPresent();
      long remaining = workIterations - iterations;
      long n;
      if (iterationsPerCheckpoint > 0) {
        n = limited ? Math.min(iterationsPerCheckpoint, remaining) : iterationsPerCheckpoint;
      } else {
        n = limited ? remaining : 0; // 0: iterate to the horizon, no event
      }
      stretchIterations = n;
      if (n > 0 && n <= (Long.MAX_VALUE - now) / periodNanos) {
        pending = sim.schedule(n * periodNanos, stretchEnd);
      }
    }
  }

  private void beginCompute(long now) {
    enter(now, JobState.COMPUTE, computeDelta);
    iterationStart = now;
    pending = sim.schedule(computeNanos, computeEnd);
  }

  private void onComputeEnd(long now) {
    enter(now, JobState.COMMUNICATION, communicationDelta);
    pending = sim.schedule(communicationNanos, communicationEnd);
  }

  private void onCommunicationEnd(long now) {
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
    iterations += stretchIterations;
    stretchIterations = 0;
    if (iterationsPerCheckpoint > 0) {
      startCheckpoint(now);
    } else {
      commit();
      finishWork(now);
    }
  }

  private void startCheckpoint(long now) {
    enter(now, JobState.CHECKPOINT, checkpointDelta);
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
    setPower(now, deltaPerGpu); // the lost system's GPUs leave the job
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

  private void interrupt(int causeIndex, long now, String component) {
    accrue(now);
    if (pending != NONE) {
      sim.cancel(pending);
      pending = NONE;
    }
    FailureCause cause = causes[causeIndex];
    long completed;
    long partial;
    switch (state) {
      case COMPUTE, COMMUNICATION -> {
        completed = iterations - committedIterations;
        partial = now - iterationStart;
      }
      case ITERATING -> {
        long elapsed = now - stretchStart;
        completed = iterations - committedIterations + elapsed / periodNanos;
        partial = elapsed % periodNanos;
      }
      default -> {
        completed = iterations - committedIterations;
        partial = 0;
      }
    }
    long lost;
    double lostGpu;
    if (cause.planned()) {
      // A planned stop checkpoints first: only the unfinished iteration is lost.
      iterations = committedIterations + completed;
      lost = partial;
      lostGpu = (double) partial * gpus;
    } else {
      iterations = committedIterations;
      lost = iteratingNanosSinceCommit;
      lostGpu = iteratingGpuNanosSinceCommit;
    }
    commit();
    stretchIterations = 0;
    lostNanos[causeIndex] += lost;
    lostGpuNanos[causeIndex] += lostGpu;
    interruptionsByCause[causeIndex]++;
    currentCause = causeIndex;
    int row =
        log.add(
            now,
            FailureLog.Kind.INTERRUPTION,
            component,
            cause.name(),
            name(),
            lostGpu / 3.6e12,
            -1);
    if (row >= 0) {
      if (openRows.length == openRowCount) {
        openRows = java.util.Arrays.copyOf(openRows, openRowCount * 2 + 4);
        openRowTimes = java.util.Arrays.copyOf(openRowTimes, openRowCount * 2 + 4);
      }
      openRows[openRowCount] = row;
      openRowTimes[openRowCount++] = now;
    }
  }

  /** Gets the systems the job lacks, then restarts; or waits for them. */
  private void recover(long now) {
    while (heldCount < neededSystems) {
      int s = cluster.takeFree(this);
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
    for (int i = 0; i < openRowCount; i++) {
      log.setDowntime(openRows[i], now - openRowTimes[i]);
    }
    openRowCount = 0;
    beginIterating(now);
  }

  // ---------------------------------------------------------------- accounting

  private int heldGpus() {
    return Math.min(gpus, heldCount * cluster.gpusPerSystem());
  }

  private void enter(long now, JobState next, double nextDeltaPerGpu) {
    accrue(now);
    state = next;
    setPower(now, nextDeltaPerGpu);
  }

  private void setPower(long now, double nextDeltaPerGpu) {
    double before = heldGpusAtLastPower * deltaPerGpu;
    int heldGpus = heldGpus();
    double after = heldGpus * nextDeltaPerGpu;
    double delta = after - before;
    double variance =
        state == JobState.ITERATING ? (double) heldGpus * heldGpus * iteratingItVariancePerGpu2 : 0;
    double deltaVariance = variance - varianceAtLastPower;
    if (delta != 0 || deltaVariance != 0) {
      ledger.change(now, delta, delta * itPerGpuWatt, deltaVariance);
    }
    deltaPerGpu = nextDeltaPerGpu;
    heldGpusAtLastPower = heldGpus;
    varianceAtLastPower = variance;
  }

  /** Held GPUs when the power was last set: a lost system's GPUs leave with their power. */
  private int heldGpusAtLastPower;

  private void accrue(long now) {
    long dt = now - stateSince;
    if (dt == 0) {
      return;
    }
    int i = state.ordinal();
    double gpuNanos = (double) heldGpusAtLastPower * dt;
    nanosInState[i] += dt;
    gpuNanosInState[i] += gpuNanos;
    gpuWattNanos += (heldGpusAtLastPower * (idleWattsPerGpu + deltaPerGpu)) * dt;
    switch (state) {
      case COMPUTE -> {
        computeGpuNanos += gpuNanos;
        iteratingNanosSinceCommit += dt;
        iteratingGpuNanosSinceCommit += gpuNanos;
      }
      case COMMUNICATION -> {
        communicationGpuNanos += gpuNanos;
        iteratingNanosSinceCommit += dt;
        iteratingGpuNanosSinceCommit += gpuNanos;
      }
      case ITERATING -> {
        computeGpuNanos += gpuNanos * computeNanos / periodNanos;
        communicationGpuNanos += gpuNanos * communicationNanos / periodNanos;
        iteratingNanosSinceCommit += dt;
        iteratingGpuNanosSinceCommit += gpuNanos;
      }
      case RESTARTING -> {
        restartNanosByCause[currentCause] += dt;
        restartGpuNanos[currentCause] += gpuNanos;
      }
      case WAITING -> {
        if (currentCause != NONE) {
          waitingNanosByCause[currentCause] += dt;
          waitingGpuNanos[currentCause] += gpuNanos;
        }
      }
      default -> {}
    }
    stateSince = now;
  }

  /** Closes the job's books at the horizon. */
  public void finish(long horizonNanos) {
    accrue(horizonNanos);
    if (state == JobState.ITERATING) {
      iterations += (horizonNanos - stretchStart) / periodNanos;
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
        nanosInState.clone(),
        gpuNanosInState.clone(),
        computeGpuNanos,
        communicationGpuNanos,
        lostNanos.clone(),
        lostGpuNanos.clone(),
        restartNanosByCause.clone(),
        restartGpuNanos.clone(),
        waitingNanosByCause.clone(),
        waitingGpuNanos.clone(),
        interruptionsByCause.clone(),
        gpuWattNanos,
        checkpointIntervalSeconds,
        meanTimeBetweenKillsSeconds);
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
