package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The utility feeds at run time. Each interruption process (sustained, momentary) is a renewal
 * process of starts; an interruption arriving while one of the same process is on extends it. A
 * feed is down while any process that strikes it has one on. With two feeds and a common fraction
 * β, each feed has its own processes at (1−β) of the rates and a common process at β of them
 * strikes both (see {@link UtilitySpec}).
 *
 * <p>Streams: feed A {@code power.utility.sustained}, {@code power.utility.momentary} (the names of
 * the single feed, so one feed draws what it always drew); feed B {@code power.utility.b.*}; the
 * common processes {@code power.utility.common.*}.
 */
final class UtilityFeed {
  /** Told when a feed goes down or comes back. */
  interface Listener {
    void feedChanged(int feed, boolean up, long nowNanos);
  }

  private static final String[] FEED_NAMES = {"power.utility", "power.utility.b"};
  private static final String COMMON_NAME = "power.utility.common";

  private final Simulation sim;
  private final Listener listener;
  private final Process[] processes;
  private final int[] active;
  private int interruptions;

  UtilityFeed(UtilitySpec spec, Simulation sim, RandomStreams streams, Listener listener) {
    this.sim = sim;
    this.listener = listener;
    int feeds = spec.feeds();
    this.active = new int[feeds];
    double beta = feeds > 1 ? spec.commonOutageFraction() : 0;
    int kinds =
        (spec.sustainedOutages().isPresent() ? 1 : 0)
            + (spec.momentaryEvents().isPresent() ? 1 : 0);
    int perFeed = beta < 1 ? kinds : 0;
    int common = beta > 0 ? kinds : 0;
    this.processes = new Process[feeds * perFeed + common];
    int i = 0;
    if (perFeed > 0) {
      for (int f = 0; f < feeds; f++) {
        int[] strikes = {f};
        String name = FEED_NAMES[f];
        if (spec.sustainedOutages().isPresent()) {
          processes[i++] =
              new Process(
                  spec.sustainedOutages().get(),
                  1 - beta,
                  streams.stream(name + ".sustained"),
                  strikes);
        }
        if (spec.momentaryEvents().isPresent()) {
          processes[i++] =
              new Process(
                  spec.momentaryEvents().get(),
                  1 - beta,
                  streams.stream(name + ".momentary"),
                  strikes);
        }
      }
    }
    if (common > 0) {
      int[] both = {0, 1};
      if (spec.sustainedOutages().isPresent()) {
        processes[i++] =
            new Process(
                spec.sustainedOutages().get(),
                beta,
                streams.stream(COMMON_NAME + ".sustained"),
                both);
      }
      if (spec.momentaryEvents().isPresent()) {
        processes[i] =
            new Process(
                spec.momentaryEvents().get(),
                beta,
                streams.stream(COMMON_NAME + ".momentary"),
                both);
      }
    }
  }

  void start(long nowNanos) {
    for (Process p : processes) {
      p.scheduleNext(nowNanos);
    }
  }

  int feeds() {
    return active.length;
  }

  boolean up(int feed) {
    return active[feed] == 0;
  }

  /** Transitions of a feed from up to down so far, all feeds added. */
  int interruptions() {
    return interruptions;
  }

  private final class Process {
    private final TimeDistribution.Sampler interval;
    private final TimeDistribution.Sampler duration;
    private final int[] strikes;
    private final boolean[] changed;
    private final Event arrivalEvent = this::arrive;
    private final Event endEvent = this::end;
    private boolean on;
    private long endsAt;
    private long endHandle = -1;

    /**
     * @param share the part of the process's rate that strikes these feeds: its intervals are
     *     {@code 1 / share} times as long (exactly the spec's when 1)
     */
    Process(
        UtilitySpec.InterruptionProcess spec,
        double share,
        UniformRandomProvider rng,
        int[] strikes) {
      TimeDistribution intervals = share == 1 ? spec.interval() : spec.interval().faster(share);
      this.interval = intervals.sampler(rng);
      this.duration = spec.duration().sampler(rng);
      this.strikes = strikes;
      this.changed = new boolean[strikes.length];
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
        // Every feed struck goes down before anyone is told: a common outage is one instant.
        for (int i = 0; i < strikes.length; i++) {
          changed[i] = active[strikes[i]]++ == 0;
        }
        for (int i = 0; i < strikes.length; i++) {
          if (changed[i]) {
            interruptions++;
            listener.feedChanged(strikes[i], false, nowNanos);
          }
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
      for (int i = 0; i < strikes.length; i++) {
        changed[i] = --active[strikes[i]] == 0;
      }
      for (int i = 0; i < strikes.length; i++) {
        if (changed[i]) {
          listener.feedChanged(strikes[i], true, nowNanos);
        }
      }
    }
  }
}
