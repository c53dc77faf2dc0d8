package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The utility at run time: each interruption process (sustained, momentary) is a renewal process of
 * starts; an interruption arriving while one of the same process is on extends it. The utility is
 * down while any process has one on. Streams: {@code power.utility.sustained}, {@code
 * power.utility.momentary}.
 */
final class UtilityFeed {
  /** Told when the utility goes down or comes back. */
  interface Listener {
    void utilityChanged(boolean up, long nowNanos);
  }

  private final Simulation sim;
  private final Listener listener;
  private final Process[] processes;
  private int active;
  private int interruptions;

  UtilityFeed(UtilitySpec spec, Simulation sim, RandomStreams streams, Listener listener) {
    this.sim = sim;
    this.listener = listener;
    int n =
        (spec.sustainedOutages().isPresent() ? 1 : 0)
            + (spec.momentaryEvents().isPresent() ? 1 : 0);
    this.processes = new Process[n];
    int i = 0;
    if (spec.sustainedOutages().isPresent()) {
      processes[i++] =
          new Process(spec.sustainedOutages().get(), streams.stream("power.utility.sustained"));
    }
    if (spec.momentaryEvents().isPresent()) {
      processes[i] =
          new Process(spec.momentaryEvents().get(), streams.stream("power.utility.momentary"));
    }
  }

  void start(long nowNanos) {
    for (Process p : processes) {
      p.scheduleNext(nowNanos);
    }
  }

  boolean up() {
    return active == 0;
  }

  /** Transitions from up to down so far. */
  int interruptions() {
    return interruptions;
  }

  private final class Process {
    private final TimeDistribution.Sampler interval;
    private final TimeDistribution.Sampler duration;
    private final Event arrivalEvent = this::arrive;
    private final Event endEvent = this::end;
    private boolean on;
    private long endsAt;
    private long endHandle = -1;

    Process(UtilitySpec.InterruptionProcess spec, UniformRandomProvider rng) {
      this.interval = spec.interval().sampler(rng);
      this.duration = spec.duration().sampler(rng);
    }

    void scheduleNext(long nowNanos) {
      PowerTime.schedule(sim, nowNanos, interval.sampleNanos(), arrivalEvent);
    }

    private void arrive(long nowNanos) {
      long end = PowerTime.after(nowNanos, duration.sampleNanos());
      if (!on) {
        on = true;
        endsAt = end;
        endHandle = PowerTime.schedule(sim, nowNanos, end - nowNanos, endEvent);
        if (active++ == 0) {
          interruptions++;
          listener.utilityChanged(false, nowNanos);
        }
      } else if (end > endsAt) {
        PowerTime.cancel(sim, endHandle);
        endsAt = end;
        endHandle = PowerTime.schedule(sim, nowNanos, end - nowNanos, endEvent);
      }
      scheduleNext(nowNanos);
    }

    private void end(long nowNanos) {
      endHandle = -1;
      on = false;
      if (--active == 0) {
        listener.utilityChanged(true, nowNanos);
      }
    }
  }
}
