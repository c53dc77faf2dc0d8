package org.aifactory.bench;

import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The classic hold model for event-set benchmarks: {@code pending} events wait; each one that fires
 * schedules one more at now + Exp(mean 1 s). The pending count stays constant.
 */
public final class HoldModel {
  private static final double NANOS_PER_UNIT = 1e9;

  private final Simulation simulation;
  private final ContinuousSampler exp;
  private final Event hold;

  public HoldModel(int pending, long seed) {
    this.simulation = new Simulation(pending + 16);
    UniformRandomProvider rng = new RandomStreams(seed, 0).stream("hold");
    this.exp = ZigguratSampler.Exponential.of(rng);
    this.hold = this::reschedule;
    for (int i = 0; i < pending; i++) {
      simulation.schedule(delay(), hold);
    }
  }

  private long delay() {
    return (long) (exp.sample() * NANOS_PER_UNIT);
  }

  private void reschedule(long now) {
    simulation.schedule(delay(), hold);
  }

  /** Fires events until {@code events} more have fired; returns the total fired so far. */
  public long run(long events) {
    simulation.runEvents(events);
    return simulation.eventsFired();
  }

  public Simulation simulation() {
    return simulation;
  }
}
