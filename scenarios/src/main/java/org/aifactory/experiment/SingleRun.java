package org.aifactory.experiment;

import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.report.RunTimings;
import org.aifactory.scenario.Scenario;

/** Runs one scenario once, timing the event loop apart from set-up. */
public final class SingleRun {
  /** Progress is reported this many times over the horizon. */
  private static final int STEPS = 200;

  private SingleRun() {}

  /** The result and how long it took. */
  public record Outcome(RunResult result, RunTimings timings) {}

  public static Outcome run(Scenario scenario, ProgressListener progress) {
    long t0 = System.nanoTime();
    FactoryRun run = new FactoryRun(scenario.name(), scenario.factory(), scenario.run());
    long horizon = run.horizonNanos();
    long loopNanos = 0;
    for (int i = 1; i <= STEPS; i++) {
      long until = (long) ((double) horizon * i / STEPS);
      long s = System.nanoTime();
      run.advanceTo(until);
      loopNanos += System.nanoTime() - s;
      progress.progress(run.nowNanos(), horizon);
    }
    long s = System.nanoTime();
    RunResult result = run.complete();
    loopNanos += System.nanoTime() - s;
    double total = (System.nanoTime() - t0) / 1e9;
    return new Outcome(result, new RunTimings(loopNanos / 1e9, total, result.eventsProcessed()));
  }
}
