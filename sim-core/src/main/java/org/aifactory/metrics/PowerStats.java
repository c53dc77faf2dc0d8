package org.aifactory.metrics;

/**
 * Site (facility) power figures. Peak and minimum are over power levels held for a positive time.
 *
 * @param peakWatts highest site power
 * @param meanWatts facility energy / horizon
 * @param minWatts lowest site power
 * @param maxRampWattsPerSecond largest change between consecutive ramp-window averages, per second
 * @param swingWatts peak - min
 * @param rampWindowSeconds the averaging interval of the ramp figure
 */
public record PowerStats(
    double peakWatts,
    double meanWatts,
    double minWatts,
    double maxRampWattsPerSecond,
    double swingWatts,
    double rampWindowSeconds) {}
