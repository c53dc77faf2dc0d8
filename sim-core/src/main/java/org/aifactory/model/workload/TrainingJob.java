package org.aifactory.model.workload;

import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.hardware.GpuType;

/**
 * A synchronous training job running on the event engine. At full pulse resolution every compute
 * and communication phase is an event; at averaged resolution a stretch of iterations between two
 * checkpoints is one event at the iterations' mean power. Both resolutions use the same integer
 * phase lengths, so they produce the same iterations, tokens and GPU-hours and the same energy up
 * to the last unfinished iteration.
 */
public final class TrainingJob {
  private final TrainingJobSpec spec;
  private final String clusterName;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final PulseResolution resolution;

  /** IT watts per GPU watt: 1 + other-IT factor (1 where other IT is fixed per system). */
  private final double itPerGpuWatt;

  private final long periodNanos;
  private final long computeNanos;
  private final long communicationNanos;
  private final long checkpointNanos;

  /** Iterations between checkpoints; 0 = no checkpoints. */
  private final long iterationsPerCheckpoint;

  private final double idleWatts;
  private final double computeWatts;
  private final double communicationWatts;
  private final double iteratingWatts;
  private final double checkpointWatts;

  private final Event start = this::onStart;
  private final Event computeEnd = this::onComputeEnd;
  private final Event communicationEnd = this::onCommunicationEnd;
  private final Event stretchEnd = this::onStretchEnd;
  private final Event checkpointEnd = this::onCheckpointEnd;

  private JobState state = JobState.NOT_STARTED;
  private double watts;
  private long stateSince;
  private final long[] nanosInState = new long[JobState.values().length];
  private double gpuWattNanos;

  private long iterations;
  private long checkpoints;
  private long iterationsSinceCheckpoint;
  private long stretchStart;

  public TrainingJob(
      TrainingJobSpec spec,
      GpuType gpu,
      double itPerGpuWatt,
      Simulation sim,
      PowerLedger ledger,
      PulseResolution resolution) {
    this.spec = spec;
    this.clusterName = spec.cluster();
    this.sim = sim;
    this.ledger = ledger;
    this.resolution = resolution;
    this.itPerGpuWatt = itPerGpuWatt;

    IterationProfile it = spec.iteration();
    this.periodNanos = it.period().toNanos();
    this.computeNanos = Math.max(1, Math.round(periodNanos * it.computeFraction()));
    this.communicationNanos = periodNanos - computeNanos;
    this.checkpointNanos = spec.checkpoint().map(c -> c.duration().toNanos()).orElse(0L);
    this.iterationsPerCheckpoint =
        spec.checkpoint()
            .map(c -> Math.max(1, -Math.floorDiv(-c.interval().toNanos(), periodNanos)))
            .orElse(0L);

    int gpus = spec.gpus();
    double tdp = gpu.tdpWatts();
    this.idleWatts = gpus * gpu.idleWatts();
    this.computeWatts = gpus * tdp * it.computePowerFraction();
    this.communicationWatts = gpus * tdp * it.communicationPowerFraction();
    this.iteratingWatts =
        (computeWatts * computeNanos + communicationWatts * communicationNanos) / periodNanos;
    this.checkpointWatts = gpus * tdp * spec.checkpoint().map(c -> c.powerFraction()).orElse(0.0);
    this.watts = idleWatts;
  }

  /** GPU watts drawn before the job starts; the factory counts them in its initial load. */
  public double initialGpuWatts() {
    return idleWatts;
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

  public long checkpointNanos() {
    return checkpointNanos;
  }

  public long periodNanos() {
    return periodNanos;
  }

  public long startNanos() {
    return spec.start().toNanos();
  }

  private void onStart(long now) {
    beginIterating(now);
  }

  private void beginIterating(long now) {
    if (resolution == PulseResolution.FULL) {
      enter(now, JobState.COMPUTE, computeWatts);
      sim.schedule(computeNanos, computeEnd);
    } else {
      enter(now, JobState.ITERATING, iteratingWatts);
      stretchStart = now;
      if (iterationsPerCheckpoint > 0) {
        sim.schedule(iterationsPerCheckpoint * periodNanos, stretchEnd);
      }
    }
  }

  private void onComputeEnd(long now) {
    enter(now, JobState.COMMUNICATION, communicationWatts);
    sim.schedule(communicationNanos, communicationEnd);
  }

  private void onCommunicationEnd(long now) {
    iterations++;
    iterationsSinceCheckpoint++;
    if (iterationsPerCheckpoint > 0 && iterationsSinceCheckpoint >= iterationsPerCheckpoint) {
      startCheckpoint(now);
    } else {
      enter(now, JobState.COMPUTE, computeWatts);
      sim.schedule(computeNanos, computeEnd);
    }
  }

  private void onStretchEnd(long now) {
    iterations += iterationsPerCheckpoint;
    startCheckpoint(now);
  }

  private void startCheckpoint(long now) {
    iterationsSinceCheckpoint = 0;
    enter(now, JobState.CHECKPOINT, checkpointWatts);
    sim.schedule(checkpointNanos, checkpointEnd);
  }

  private void onCheckpointEnd(long now) {
    checkpoints++;
    beginIterating(now);
  }

  private void enter(long now, JobState next, double nextWatts) {
    long dt = now - stateSince;
    nanosInState[state.ordinal()] += dt;
    gpuWattNanos += watts * dt;
    stateSince = now;
    state = next;
    double delta = nextWatts - watts;
    if (delta != 0) {
      ledger.change(now, delta, delta * itPerGpuWatt);
    }
    watts = nextWatts;
  }

  /** Closes the job's books at the horizon. */
  public void finish(long horizonNanos) {
    if (state == JobState.ITERATING) {
      iterations += (horizonNanos - stretchStart) / periodNanos;
    }
    long dt = horizonNanos - stateSince;
    nanosInState[state.ordinal()] += dt;
    gpuWattNanos += watts * dt;
    stateSince = horizonNanos;
  }

  /** GPU-nanoseconds in compute phases (the iterating state split by phase length). */
  public double computeGpuNanos() {
    return spec.gpus()
        * (nanosInState[JobState.COMPUTE.ordinal()]
            + (double) nanosInState[JobState.ITERATING.ordinal()] * computeNanos / periodNanos);
  }

  public double communicationGpuNanos() {
    return spec.gpus()
        * (nanosInState[JobState.COMMUNICATION.ordinal()]
            + (double) nanosInState[JobState.ITERATING.ordinal()]
                * communicationNanos
                / periodNanos);
  }

  public double checkpointGpuNanos() {
    return (double) spec.gpus() * nanosInState[JobState.CHECKPOINT.ordinal()];
  }

  public double idleGpuNanos() {
    return (double) spec.gpus() * nanosInState[JobState.NOT_STARTED.ordinal()];
  }

  public JobResult result() {
    return new JobResult(
        spec.name(),
        clusterName,
        spec.gpus(),
        iterations,
        iterations * spec.tokensPerIteration(),
        checkpoints,
        gpuWattNanos * 1e-9);
  }

  public int gpus() {
    return spec.gpus();
  }

  public JobState state() {
    return state;
  }
}
