package org.aifactory.report;

/**
 * Wall-clock figures of one run. They differ from run to run, so they go to {@code run.json} and
 * the terminal, never to {@code summary.json}.
 *
 * @param simulationWallSeconds wall time spent in the event loop
 * @param totalWallSeconds wall time of the whole command (loading, simulating, reporting)
 * @param eventsProcessed events the engine fired
 */
public record RunTimings(
    double simulationWallSeconds, double totalWallSeconds, long eventsProcessed) {

  /** Events per second of simulation wall time; 0 when no time was measured. */
  public double eventsPerSecond() {
    return simulationWallSeconds > 0 ? eventsProcessed / simulationWallSeconds : 0;
  }
}
