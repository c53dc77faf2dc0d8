package org.aifactory.model.failure;

import java.util.function.Consumer;
import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The failures of one cause among {@code units} identical units (GPUs, systems, a job's GPU paths,
 * a job).
 *
 * <p>With exponential times to failure the units' superposition is a single Poisson stream at units
 * × rate that strikes a unit chosen uniformly: one pending event, however many units. A strike on a
 * unit whose system is already down is ignored, which for a memoryless unit is the same as the unit
 * not ageing while down.
 *
 * <p>Any other distribution runs one renewal process per unit (a pending event each). When the
 * units live in systems that go down and come back ({@link #startInSystems}), a unit ages only
 * while its system operates: when the system goes down (this unit's failure, another unit's, or a
 * loss of power) the unit's remaining life is kept, and it resumes when the system is back; the
 * unit that failed starts a new life when its repair ends. So one unit per system alternates life
 * and repair, and its fraction of time down is E[repair] / (E[time to failure] + E[repair]).
 *
 * <p>GPUs in systems with field-replaceable units ({@link #startInSystems} with units per FRU) also
 * stop ageing while their unit is out, and all the GPUs of a replaced unit start new lives.
 */
public final class FailureProcess {
  private FailureProcess() {}

  /**
   * Starts failures among units that are never down between failures (a job, its network paths), at
   * the current time of {@code sim}: each unit's next life starts at its failure.
   */
  public static void start(
      Simulation sim,
      UniformRandomProvider rng,
      TimeDistribution timeToFailure,
      int units,
      FailureTarget target) {
    if (units <= 0) {
      return;
    }
    if (timeToFailure instanceof TimeDistribution.Exponential exp) {
      startPooled(sim, rng, exp, units, target);
    } else {
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
  }

  /**
   * Starts failures among units that live in systems, {@code unitsPerSystem} consecutive units to a
   * system: unit u is in system u / unitsPerSystem.
   *
   * @param unitsPerFru consecutive units to a field-replaceable unit of a system, whose removal and
   *     replacement concern them; 0 if they do not (units that are systems, or systems without
   *     field-replaceable units)
   * @param register registers the process to hear when systems go down and come back
   */
  public static void startInSystems(
      Simulation sim,
      UniformRandomProvider rng,
      TimeDistribution timeToFailure,
      int units,
      int unitsPerSystem,
      int unitsPerFru,
      FailureTarget target,
      Consumer<SystemOutageListener> register) {
    if (units <= 0) {
      return;
    }
    if (timeToFailure instanceof TimeDistribution.Exponential exp) {
      startPooled(sim, rng, exp, units, target);
    } else {
      Renewals r =
          new Renewals(sim, timeToFailure.sampler(rng), units, unitsPerSystem, unitsPerFru, target);
      register.accept(r);
      r.start(sim.nowNanos());
    }
  }

  private static void startPooled(
      Simulation sim,
      UniformRandomProvider rng,
      TimeDistribution.Exponential perUnit,
      int count,
      FailureTarget target) {
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

  /**
   * One renewal process per unit, ageing only while the unit's system (and its field-replaceable
   * unit, if it has one) operates.
   */
  private static final class Renewals implements SystemOutageListener {
    private static final long NONE = -1;

    private final Simulation sim;
    private final TimeDistribution.Sampler sampler;
    private final int perSystem;
    private final int perFru;
    private final FailureTarget target;
    private final Event[] events;
    private final long[] handle;
    private final long[] dueAt;

    /** Life left of a paused unit; NONE: it failed (or was replaced) and needs a new life. */
    private final long[] remaining;

    /** Whether each system is out, and each field-replaceable unit (null without them). */
    private final boolean[] systemOut;

    private final boolean[] fruOut;

    Renewals(
        Simulation sim,
        TimeDistribution.Sampler sampler,
        int units,
        int perSystem,
        int perFru,
        FailureTarget target) {
      this.sim = sim;
      this.sampler = sampler;
      this.perSystem = perSystem;
      this.perFru = perFru;
      this.target = target;
      this.systemOut = new boolean[units / perSystem];
      this.fruOut = perFru > 0 ? new boolean[units / perFru] : null;
      this.events = new Event[units];
      this.handle = new long[units];
      this.dueAt = new long[units];
      this.remaining = new long[units];
      for (int u = 0; u < units; u++) {
        int unit = u;
        events[u] = now -> fail(unit, now);
      }
    }

    void start(long now) {
      for (int u = 0; u < events.length; u++) {
        live(u, sampler.sampleNanos(), now);
      }
    }

    private void live(int unit, long life, long now) {
      dueAt[unit] = life >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + life;
      handle[unit] = sim.scheduleAt(dueAt[unit], Simulation.DEFAULT_PRIORITY, events[unit]);
    }

    private void fail(int unit, long now) {
      handle[unit] = NONE;
      remaining[unit] = NONE;
      target.strike(unit, now); // the system goes down: systemDown pauses the other units
    }

    @Override
    public void systemDown(int system, long now) {
      systemOut[system] = true;
      pause(system * perSystem, perSystem, now);
    }

    @Override
    public void systemUp(int system, long now) {
      systemOut[system] = false;
      for (int u = system * perSystem; u < (system + 1) * perSystem; u++) {
        if (handle[u] == NONE && (fruOut == null || !fruOut[u / perFru])) {
          resume(u, now);
        }
      }
    }

    @Override
    public void unitDown(int system, int unit, long now) {
      if (fruOut != null) {
        int fru = system * (perSystem / perFru) + unit;
        fruOut[fru] = true;
        pause(fru * perFru, perFru, now);
      }
    }

    @Override
    public void unitReplaced(int system, int unit, long now) {
      if (fruOut != null) {
        int fru = system * (perSystem / perFru) + unit;
        fruOut[fru] = false;
        for (int u = fru * perFru; u < (fru + 1) * perFru; u++) {
          remaining[u] = NONE; // a new unit: new GPUs
          if (handle[u] == NONE && !systemOut[system]) {
            resume(u, now);
          }
        }
      }
    }

    private void pause(int first, int count, long now) {
      for (int u = first; u < first + count; u++) {
        if (handle[u] != NONE) {
          sim.cancel(handle[u]);
          handle[u] = NONE;
          remaining[u] = dueAt[u] - now;
        }
      }
    }

    private void resume(int unit, long now) {
      live(unit, remaining[unit] == NONE ? sampler.sampleNanos() : remaining[unit], now);
    }
  }
}
