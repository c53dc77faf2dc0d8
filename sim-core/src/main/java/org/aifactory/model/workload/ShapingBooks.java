package org.aifactory.model.workload;

/**
 * What load shaping did for one job (see {@link ShapedPower}).
 *
 * @param smoothing whether its GPUs were smoothed
 * @param filler whether it ran filler work
 * @param storage whether its racks had storage
 * @param fillerJoules GPU energy of filler work
 * @param floorJoules GPU energy holding the floor beyond the filler
 * @param rampJoules GPU energy of holds and ramps beyond the lifted levels
 * @param storageLossJoules energy its racks' storage lost
 * @param storageChangeJoules change of the energy its racks' storage held (stores start full)
 * @param rampLimitedGpuNanos compute-phase GPU time a ramp up held below the work's demand
 * @param rackPeakLoadWatts a rack's highest load above its base (−∞ without storage or load)
 * @param rackPeakDrawWatts a rack's highest draw above its base (−∞ without)
 */
public record ShapingBooks(
    boolean smoothing,
    boolean filler,
    boolean storage,
    double fillerJoules,
    double floorJoules,
    double rampJoules,
    double storageLossJoules,
    double storageChangeJoules,
    double rampLimitedGpuNanos,
    double rackPeakLoadWatts,
    double rackPeakDrawWatts) {}
