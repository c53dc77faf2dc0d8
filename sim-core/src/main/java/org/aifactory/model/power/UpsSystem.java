package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;

/**
 * One UPS system's operating mode and battery at run time; its modules live in the chain's module
 * group. The battery's energy is integrated exactly at each change (energy += rate × Δt, clamped to
 * [0, full]) and its depletion is an event rescheduled whenever the load changes.
 */
final class UpsSystem {
  enum Mode {
    /** On its modules, fed by the input; the battery recharges. */
    INVERTER,
    /** On its modules, fed by the battery (input dead). */
    BATTERY,
    /** On the static bypass: the load sees the raw input. */
    BYPASS,
    /** Not carrying anything. */
    DOWN
  }

  final int firstModule;
  final int modules;
  private final double fullJoules;
  private final double rechargeWatts;
  private final Simulation sim;
  private final Event depletedEvent;
  private final PowerChain.Recompute owner;

  private Mode mode = Mode.INVERTER;
  private double energyJoules;

  /** Signed: + while charging, − the load while discharging. */
  private double rateWatts;

  private long lastNanos;
  private long depletionHandle = -1;

  UpsSystem(
      int firstModule,
      int modules,
      double ratedWatts,
      long autonomyNanos,
      long rechargeNanos,
      Simulation sim,
      PowerChain.Recompute owner) {
    this.firstModule = firstModule;
    this.modules = modules;
    this.fullJoules = ratedWatts * autonomyNanos / 1e9;
    this.rechargeWatts = fullJoules / (rechargeNanos / 1e9);
    this.energyJoules = fullJoules;
    this.sim = sim;
    this.owner = owner;
    this.depletedEvent = this::depleted;
  }

  Mode mode() {
    return mode;
  }

  double energyJoules() {
    return energyJoules;
  }

  boolean hasEnergy() {
    return energyJoules > 0;
  }

  /**
   * The battery string has failed: no energy, and none is stored until it is repaired (the chain
   * then charges it from empty). Call after {@link #advance}.
   */
  void loseCharge() {
    energyJoules = 0;
    rateWatts = 0;
  }

  /** Brings the battery's energy up to {@code now} at the rate set by the last {@link #apply}. */
  void advance(long nowNanos) {
    if (rateWatts != 0 && nowNanos > lastNanos) {
      double e = energyJoules + rateWatts * ((nowNanos - lastNanos) / 1e9);
      energyJoules = e < 0 ? 0 : Math.min(e, fullJoules);
    }
    lastNanos = nowNanos;
  }

  /**
   * Sets the mode found by the chain and the load on the system; (re)schedules the depletion.
   *
   * @param charging the input is live, a module is up to charge the battery and its string works
   */
  void apply(Mode newMode, double loadWatts, boolean charging, long nowNanos) {
    mode = newMode;
    depletionHandle = PowerTime.cancel(sim, depletionHandle);
    if (newMode == Mode.BATTERY && loadWatts > 0) {
      rateWatts = -loadWatts;
      double nanos = Math.ceil(energyJoules / loadWatts * 1e9);
      long delay = nanos >= PowerTime.NEVER ? PowerTime.NEVER : (long) nanos;
      depletionHandle = PowerTime.schedule(sim, nowNanos, delay, depletedEvent);
    } else if (charging && energyJoules < fullJoules) {
      rateWatts = rechargeWatts;
    } else {
      rateWatts = 0;
    }
  }

  private void depleted(long nowNanos) {
    depletionHandle = -1;
    energyJoules = 0;
    rateWatts = 0;
    lastNanos = nowNanos;
    owner.recompute(nowNanos);
  }
}
