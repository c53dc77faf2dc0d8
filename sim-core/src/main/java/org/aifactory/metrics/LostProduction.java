package org.aifactory.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens a job would have trained running failure-free and checkpoint-free from its start to the
 * end (horizon, or completion for a job with a fixed amount of work), minus what it trained, split
 * by what took the time (checkpoints, failures, throttling). The parts add up to the whole exactly:
 * {@code incompleteIteration} takes the rounding of the last unfinished iteration (less than one
 * iteration's tokens).
 *
 * @param idealTokens failure-free, checkpoint-free tokens
 * @param producedTokens tokens trained
 * @param checkpoint tokens not trained while checkpointing
 * @param lostWorkByCause tokens trained and then thrown away, by failure cause
 * @param restartByCause tokens not trained while restarting, by cause
 * @param waitingByCause tokens not trained while waiting for systems, by cause
 * @param incompleteIteration the remainder (the last unfinished iteration and rounding)
 * @param gpuHoursPerToken GPU-hours of the job's progress per token (GPUs × period / tokens per
 *     iteration / 3600): turns lost tokens into lost GPU-hours; NaN if unknown
 * @param throttlingCap tokens not trained because power caps slowed the iterations
 * @param throttlingThermal tokens not trained because thermal limits slowed them
 */
public record LostProduction(
    double idealTokens,
    double producedTokens,
    double checkpoint,
    Map<String, Double> lostWorkByCause,
    Map<String, Double> restartByCause,
    Map<String, Double> waitingByCause,
    double incompleteIteration,
    double gpuHoursPerToken,
    double throttlingCap,
    double throttlingThermal) {

  /** Lost production without throttling. */
  public LostProduction(
      double idealTokens,
      double producedTokens,
      double checkpoint,
      Map<String, Double> lostWorkByCause,
      Map<String, Double> restartByCause,
      Map<String, Double> waitingByCause,
      double incompleteIteration,
      double gpuHoursPerToken) {
    this(
        idealTokens,
        producedTokens,
        checkpoint,
        lostWorkByCause,
        restartByCause,
        waitingByCause,
        incompleteIteration,
        gpuHoursPerToken,
        0,
        0);
  }

  /** Tokens not trained because power caps and thermal limits slowed the iterations. */
  public double throttling() {
    return throttlingCap + throttlingThermal;
  }

  public LostProduction {
    lostWorkByCause = Collections.unmodifiableMap(new LinkedHashMap<>(lostWorkByCause));
    restartByCause = Collections.unmodifiableMap(new LinkedHashMap<>(restartByCause));
    waitingByCause = Collections.unmodifiableMap(new LinkedHashMap<>(waitingByCause));
  }

  public double total() {
    return idealTokens - producedTokens;
  }

  public double lostWork() {
    return sum(lostWorkByCause);
  }

  public double restart() {
    return sum(restartByCause);
  }

  public double waiting() {
    return sum(waitingByCause);
  }

  /** Lost work, restart and waiting of one cause. */
  public double byCause(String cause) {
    return lostWorkByCause.getOrDefault(cause, 0.0)
        + restartByCause.getOrDefault(cause, 0.0)
        + waitingByCause.getOrDefault(cause, 0.0);
  }

  private static double sum(Map<String, Double> m) {
    double s = 0;
    for (double v : m.values()) {
      s += v;
    }
    return s;
  }
}
