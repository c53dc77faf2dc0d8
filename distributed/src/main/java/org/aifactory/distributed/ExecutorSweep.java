package org.aifactory.distributed;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.experiment.SweepSpec;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioSweep;

/**
 * The sweep as an executor sees it: its spec travels (a few kilobytes: the scenario's text and the
 * options), and each executor parses it once, when its first task needs it. Broadcast, so that one
 * copy serves every task of an executor; the parsed sweep is immutable and shared by its threads.
 */
final class ExecutorSweep implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SweepSpec spec;
  private final int replications;
  private transient ScenarioSweep sweep;
  private transient SweepPlan plan;

  ExecutorSweep(SweepSpec spec, int replications) {
    this.spec = spec;
    this.replications = replications;
  }

  synchronized ScenarioSweep sweep() {
    if (sweep == null) {
      try {
        sweep = spec.parse();
      } catch (ScenarioException e) {
        // The driver parsed the same text: only a file the scenario reads (hourly weather) that
        // the executor cannot read, or reads otherwise, gets here.
        throw new IllegalStateException(
            "an executor could not read the scenario the driver read (are its files, e.g. hourly"
                + " weather, at the same path on every executor?): "
                + e.getMessage(),
            e);
      }
    }
    return sweep;
  }

  /** The plan's task order and seed (what a task needs of it). */
  synchronized SweepPlan plan() {
    if (plan == null) {
      plan = SweepPlan.of(sweep(), replications, List.of(), Optional.empty());
    }
    return plan;
  }
}
