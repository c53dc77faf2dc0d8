package org.aifactory.model.workload;

/**
 * A training job's books: job time and GPU time by state, GPU energy, and what was lost and why:
 * lost work, restart and waiting by failure cause, and the iteration time that power caps and
 * thermal limits slowed (throttling), by reason. Time is integrated exactly at every change of
 * state or power ({@link #accrue}); nothing is sampled.
 *
 * <p>Throttling is kept as "nominal nanoseconds not progressed": iterating for dt at speed σ makes
 * σ·dt of progress and books (1 − σ)·dt as throttled. So iterating time = progress + throttled, and
 * a job's tokens are (progress of completed iterations) × tokens per nominal nanosecond.
 */
final class JobBooks {
  /** Why a job ran below full speed. */
  enum Throttle {
    /** A power cap of the cluster or the job (an operator's policy, a grid request). */
    CAP,
    /** The cooling could not hold the GPUs below their slowdown temperature at full power. */
    THERMAL
  }

  final long[] nanosInState = new long[JobState.values().length];
  final double[] gpuNanosInState = new double[JobState.values().length];
  double computeGpuNanos;
  double communicationGpuNanos;
  final long[] lostNanos;
  final double[] lostGpuNanos;

  /** Of the lost iterating time, the part that was throttled (made no progress anyway). */
  final double[] lostThrottledNanos;

  final double[] lostThrottledGpuNanos;

  final long[] restartNanos;
  final double[] restartGpuNanos;
  final long[] waitingNanos;
  final double[] waitingGpuNanos;
  final long[] interruptions;
  double gpuWattNanos;

  /** Iterating time that made no progress because of a limit, by reason (job nanoseconds). */
  final double[] throttledNanos = new double[Throttle.values().length];

  /** The same in GPU time (each throttled nanosecond times the job's GPUs then). */
  double throttledGpuNanos;

  /** GPU time spent iterating below full speed (GPU nanoseconds, whole time, not weighted). */
  double slowGpuNanos;

  /**
   * Real durations of one iteration's phases at the present speeds (nanoseconds).
   *
   * @param compute the compute phase
   * @param communication the communication phase
   * @param iteration their sum
   */
  record PhaseTimes(double compute, double communication, double iteration) {}

  JobBooks(int causes) {
    this.lostNanos = new long[causes];
    this.lostGpuNanos = new double[causes];
    this.lostThrottledNanos = new double[causes];
    this.lostThrottledGpuNanos = new double[causes];
    this.restartNanos = new long[causes];
    this.restartGpuNanos = new double[causes];
    this.waitingNanos = new long[causes];
    this.waitingGpuNanos = new double[causes];
    this.interruptions = new long[causes];
  }

  /**
   * Books {@code dt} nanoseconds in {@code state} with {@code gpus} GPUs drawing {@code
   * gpuWattsEach}.
   *
   * @param phaseTimes at averaged resolution, the real durations of an iteration's compute and
   *     communication phases (their ratio splits iterating time)
   * @param cause the cause of the interruption being recovered from, or -1
   */
  void accrue(
      JobState state, long dt, int gpus, double gpuWattsEach, PhaseTimes phaseTimes, int cause) {
    int i = state.ordinal();
    double gpuNanos = (double) gpus * dt;
    nanosInState[i] += dt;
    gpuNanosInState[i] += gpuNanos;
    gpuWattNanos += (gpus * gpuWattsEach) * dt;
    switch (state) {
      case COMPUTE -> computeGpuNanos += gpuNanos;
      case COMMUNICATION -> communicationGpuNanos += gpuNanos;
      case ITERATING -> {
        computeGpuNanos += gpuNanos * phaseTimes.compute() / phaseTimes.iteration();
        communicationGpuNanos += gpuNanos * phaseTimes.communication() / phaseTimes.iteration();
      }
      case RESTARTING -> {
        restartNanos[cause] += dt;
        restartGpuNanos[cause] += gpuNanos;
      }
      case WAITING -> {
        if (cause >= 0) {
          waitingNanos[cause] += dt;
          waitingGpuNanos[cause] += gpuNanos;
        }
      }
      default -> {}
    }
  }

  /**
   * Iterating time that a limit kept from progressing ({@code nanos} of the job, {@code gpuNanos}
   * of its GPUs), and the GPU time spent slowed ({@code slowGpuNanosToo}, whole).
   */
  void throttled(Throttle reason, double nanos, double gpuNanos, double slowGpuNanosToo) {
    throttledNanos[reason.ordinal()] += nanos;
    throttledGpuNanos += gpuNanos;
    slowGpuNanos += slowGpuNanosToo;
  }

  /**
   * An interruption of {@code cause} threw away iterating time, of which {@code throttledPart}
   * ({@code throttledGpuPart} GPU time) had been slowed by a limit.
   */
  void lost(int cause, long nanos, double gpuNanos, double throttledPart, double throttledGpuPart) {
    lostNanos[cause] += nanos;
    lostGpuNanos[cause] += gpuNanos;
    lostThrottledNanos[cause] += throttledPart;
    lostThrottledGpuNanos[cause] += throttledGpuPart;
    interruptions[cause]++;
  }

  double throttledTotal() {
    double s = 0;
    for (double v : throttledNanos) {
      s += v;
    }
    return s;
  }
}
