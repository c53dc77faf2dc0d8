package org.aifactory.model.failure;

import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The failures of one cause among {@code units} identical units (GPUs, systems, a job's GPU paths,
 * a job). With exponential times to failure the units' superposition is a single Poisson stream at
 * units × rate that strikes a unit chosen uniformly: one pending event, however many units. Any
 * other distribution runs one renewal process per unit (a pending event each).
 */
public final class FailureProcess {
  private final Simulation sim;
  private final FailureTarget target;
  private final int units;

  private FailureProcess(Simulation sim, FailureTarget target, int units) {
    this.sim = sim;
    this.target = target;
    this.units = units;
  }

  /** Starts the process at the current time of {@code sim}. */
  public static FailureProcess start(
      Simulation sim,
      UniformRandomProvider rng,
      TimeDistribution timeToFailure,
      int units,
      FailureTarget target) {
    FailureProcess p = new FailureProcess(sim, target, units);
    if (units <= 0) {
      return p;
    }
    if (timeToFailure instanceof TimeDistribution.Exponential exp) {
      p.startPooled(rng, exp, units);
    } else {
      p.startPerUnit(rng, timeToFailure);
    }
    return p;
  }

  private void startPooled(
      UniformRandomProvider rng, TimeDistribution.Exponential perUnit, int count) {
    TimeDistribution.Sampler gap =
        new TimeDistribution.Exponential(perUnit.meanSeconds() / count).sampler(rng);
    Event[] next = new Event[1];
    next[0] =
        now -> {
          target.strike(count == 1 ? 0 : rng.nextInt(count), now);
          sim.schedule(gap.sampleNanos(), next[0]);
        };
    sim.schedule(gap.sampleNanos(), next[0]);
  }

  private void startPerUnit(UniformRandomProvider rng, TimeDistribution timeToFailure) {
    TimeDistribution.Sampler sampler = timeToFailure.sampler(rng);
    for (int u = 0; u < units; u++) {
      int unit = u;
      Event[] next = new Event[1];
      next[0] =
          now -> {
            target.strike(unit, now);
            sim.schedule(sampler.sampleNanos(), next[0]);
          };
      sim.schedule(sampler.sampleNanos(), next[0]);
    }
  }

  public int units() {
    return units;
  }
}
