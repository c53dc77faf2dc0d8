package org.aifactory.metrics;

/**
 * GPU-hours by state. {@code installed} = GPUs × horizon = productive + lostWork + throttling +
 * checkpoint + restart + waiting + serving + idle + down. {@code compute} + {@code communication} =
 * productive + lostWork + throttling (the same iterating time split by phase instead of by fate).
 *
 * @param installed all GPUs over the whole horizon
 * @param productive iterating, and the work survived
 * @param lostWork iterating, and the work was thrown away by a failure (recomputed later)
 * @param checkpoint blocked in a synchronous checkpoint
 * @param restart reloading a checkpoint after an interruption
 * @param waiting a job's GPUs waiting for a spare to be swapped in or a repair
 * @param idle healthy and not used by a running job (unallocated, before start, after the end)
 * @param down failed, waiting for repair
 * @param compute in compute phases of iterations
 * @param communication in communication phases of iterations
 * @param throttling iterating time that power caps or thermal limits kept from progressing (the
 *     GPU-hours the slowed iterations took beyond their full-speed length)
 * @param throttled GPU-hours spent iterating below full speed, whole (an overlay of productive,
 *     lost work and throttling, not a part of installed)
 * @param serving held by inference services (healthy systems, busy or not)
 */
public record GpuHours(
    double installed,
    double productive,
    double lostWork,
    double checkpoint,
    double restart,
    double waiting,
    double idle,
    double down,
    double compute,
    double communication,
    double throttling,
    double throttled,
    double serving) {

  /** GPU-hours without inference services. */
  public GpuHours(
      double installed,
      double productive,
      double lostWork,
      double checkpoint,
      double restart,
      double waiting,
      double idle,
      double down,
      double compute,
      double communication,
      double throttling,
      double throttled) {
    this(
        installed,
        productive,
        lostWork,
        checkpoint,
        restart,
        waiting,
        idle,
        down,
        compute,
        communication,
        throttling,
        throttled,
        0);
  }

  /** GPU-hours without throttling. */
  public GpuHours(
      double installed,
      double productive,
      double lostWork,
      double checkpoint,
      double restart,
      double waiting,
      double idle,
      double down,
      double compute,
      double communication) {
    this(
        installed,
        productive,
        lostWork,
        checkpoint,
        restart,
        waiting,
        idle,
        down,
        compute,
        communication,
        0,
        0);
  }
}
