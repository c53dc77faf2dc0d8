package org.aifactory.metrics;

/**
 * What load shaping did in a run (GPU power smoothing, filler work, rack storage), and what the
 * same run's loads would have drawn without it: the unshaped shadow of the ledger, with the same
 * failures at the same times, so that the difference is the shaping's alone.
 *
 * @param smoothing whether some job's GPUs were smoothed
 * @param filler whether some job ran filler work
 * @param storage whether some job's racks had storage
 * @param fillerJoules GPU energy of filler work: lull power lifted to the filler level
 * @param floorJoules GPU energy holding the smoothing floor, beyond the filler
 * @param rampJoules GPU energy of smoothing's ramps and holds beyond the lifted levels: holds and
 *     slow ramps down add, ramps up take away
 * @param storageLossJoules energy lost by the racks' storage (round trip)
 * @param storageChangeJoules change of the energy the racks' storage held over the run (stores
 *     start full; negative when they end emptier): site draw = load + losses + this
 * @param rampLimitedGpuHours GPU-hours of compute phases in which a ramp up held a GPU below what
 *     its work asked for (work is taken as not slowed: the exposure of that assumption)
 * @param unshapedFacilityJoules site energy without the shaping
 * @param unshapedPeakWatts site peak without the shaping
 * @param unshapedMinWatts site minimum without the shaping
 * @param unshapedMaxRampWattsPerSecond site ramp without the shaping (same ramp window)
 * @param rackPeakLoadWatts the highest load of a rack with storage above its base (NaN without)
 * @param rackPeakDrawWatts the highest draw of such a rack above its base (NaN without)
 */
public record LoadShapingResult(
    boolean smoothing,
    boolean filler,
    boolean storage,
    double fillerJoules,
    double floorJoules,
    double rampJoules,
    double storageLossJoules,
    double storageChangeJoules,
    double rampLimitedGpuHours,
    double unshapedFacilityJoules,
    double unshapedPeakWatts,
    double unshapedMinWatts,
    double unshapedMaxRampWattsPerSecond,
    double rackPeakLoadWatts,
    double rackPeakDrawWatts) {

  /** GPU energy the shaping added: filler + floor + ramps. */
  public double gpuJoules() {
    return fillerJoules + floorJoules + rampJoules;
  }

  /** The rack peak that storage took away, as a fraction of the rack's peak load (NaN without). */
  public double rackPeakCut() {
    return rackPeakLoadWatts > 0 ? 1 - rackPeakDrawWatts / rackPeakLoadWatts : Double.NaN;
  }
}
