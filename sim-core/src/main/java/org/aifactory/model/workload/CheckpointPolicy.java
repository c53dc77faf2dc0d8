package org.aifactory.model.workload;

/** How a job's checkpoint interval is chosen. */
public enum CheckpointPolicy {
  /** The interval written in the scenario. */
  FIXED,
  /** Young (1974): τ = √(2δM), δ the checkpoint duration, M the job's mean time between kills. */
  YOUNG,
  /**
   * Daly (2006): τ = √(2δM)·[1 + (1/3)√(δ/2M) + (1/9)(δ/2M)] − δ for δ &lt; 2M, else τ = M
   * (docs/sources.md §3).
   */
  DALY;

  /**
   * The interval in seconds for checkpoint duration {@code delta} and mean time between job-killing
   * failures {@code mtbf} (seconds; infinite when nothing kills the job), or {@code fixed} for
   * {@link #FIXED}.
   */
  public double intervalSeconds(double fixed, double delta, double mtbf) {
    if (this == FIXED || !Double.isFinite(mtbf) || !(delta > 0)) {
      return fixed; // nothing kills the job, or checkpoints are free: the optimum degenerates
    }
    double young = Math.sqrt(2 * delta * mtbf);
    if (this == YOUNG) {
      return young;
    }
    if (delta >= 2 * mtbf) {
      return mtbf;
    }
    double x = delta / (2 * mtbf);
    return young * (1 + Math.sqrt(x) / 3 + x / 9) - delta;
  }
}
