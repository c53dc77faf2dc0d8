package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A group of identical, continuously operating repairable units (UPS modules, PDUs, cooling units)
 * that fail, wait for a repair crew, are repaired as good as new and fail again, with β-factor
 * common-cause failures across the group (see {@link CommonCauseSpec}).
 *
 * <p>Each unit draws its times from its own random stream ({@code name.i}), so adding a unit or a
 * group shifts no other unit's numbers; common-cause events draw from {@code name.ccf}. The
 * common-cause process is Poisson at β / (mean time to failure), whatever the distribution of the
 * independent part, which is the unit distribution made 1/(1−β) times slower.
 *
 * <p>The owner is told of every change (after a common-cause event, once) and reads the state. A
 * unit out for planned maintenance ({@link MaintenanceCalendar}) is down, cannot fail, and is not
 * hit by common-cause events.
 */
public final class RepairableGroup implements MaintainableUnits {
  /** Told after any unit of the group went down or came back. */
  public interface Listener {
    void groupChanged(long nowNanos);
  }

  private final Simulation sim;
  private final RepairCrews crews;
  private final Listener listener;
  private final Unit[] units;
  private final ZigguratSampler.Exponential commonCauseSampler;
  private final double commonCauseMeanNanos;
  private final Event commonCauseEvent = this::commonCause;
  private int upUnits;
  private long failures;
  private long commonCauseEvents;
  private final boolean canFail;

  public RepairableGroup(
      String name,
      int count,
      TimeDistribution timeToFailure,
      TimeDistribution repair,
      double beta,
      RepairCrews crews,
      Simulation sim,
      RandomStreams streams,
      Listener listener) {
    if (count < 0) {
      throw new IllegalArgumentException("unit count must be >= 0, got " + count);
    }
    this.sim = sim;
    this.crews = crews;
    this.listener = listener;
    TimeDistribution independent = beta < 1 ? timeToFailure.faster(1 - beta) : null;
    this.units = new Unit[count];
    for (int i = 0; i < count; i++) {
      UniformRandomProvider rng = streams.stream(name + "." + i);
      units[i] =
          new Unit(independent == null ? null : independent.sampler(rng), repair.sampler(rng));
    }
    this.upUnits = count;
    this.canFail = true;
    if (beta > 0 && count > 0) {
      commonCauseSampler = ZigguratSampler.Exponential.of(streams.stream(name + ".ccf"));
      commonCauseMeanNanos = timeToFailure.meanSeconds() * 1e9 / beta;
    } else {
      commonCauseSampler = null;
      commonCauseMeanNanos = 0;
    }
  }

  /**
   * Units that never fail, only taken out for planned maintenance: a component the scenario leaves
   * ideal but maintains. Draws no random numbers.
   */
  static RepairableGroup neverFailing(
      String name, int count, RepairCrews crews, Simulation sim, Listener listener) {
    return new RepairableGroup(name, count, crews, sim, listener);
  }

  private RepairableGroup(
      String name, int count, RepairCrews crews, Simulation sim, Listener listener) {
    this.sim = sim;
    this.crews = crews;
    this.listener = listener;
    this.units = new Unit[count];
    for (int i = 0; i < count; i++) {
      units[i] = new Unit(null, null);
    }
    this.upUnits = count;
    this.commonCauseSampler = null;
    this.commonCauseMeanNanos = 0;
    this.canFail = false;
  }

  /** Whether its units fail at all (else they are only ever out for maintenance). */
  boolean canFail() {
    return canFail;
  }

  /** Schedules every unit's first failure and the first common-cause event. */
  public void start(long nowNanos) {
    for (Unit u : units) {
      u.scheduleFailure(nowNanos);
    }
    scheduleCommonCause(nowNanos);
  }

  @Override
  public int units() {
    return units.length;
  }

  /** A working unit stops for maintenance: no failure meanwhile, no crew. */
  @Override
  public boolean beginMaintenance(int unit, long nowNanos) {
    Unit u = units[unit];
    if (!u.up) {
      return false; // failed: its repair renews it
    }
    u.failureHandle = PowerTime.cancel(sim, u.failureHandle);
    u.up = false;
    u.maintained = true;
    upUnits--;
    return true;
  }

  @Override
  public void endMaintenance(int unit, long nowNanos) {
    Unit u = units[unit];
    u.up = true;
    u.maintained = false;
    upUnits++;
    u.scheduleFailure(nowNanos);
  }

  public int upUnits() {
    return upUnits;
  }

  boolean isUp(int unit) {
    return units[unit].up;
  }

  /** Up units among {@code count} units from {@code first}. */
  int upUnits(int first, int count) {
    int up = 0;
    for (int i = first; i < first + count; i++) {
      if (units[i].up) {
        up++;
      }
    }
    return up;
  }

  /** Whether a unit among {@code count} units from {@code first} is out for maintenance. */
  boolean anyMaintained(int first, int count) {
    for (int i = first; i < first + count; i++) {
      if (units[i].maintained) {
        return true;
      }
    }
    return false;
  }

  /** Unit failures so far, independent and common-cause. */
  public long failures() {
    return failures;
  }

  long commonCauseEvents() {
    return commonCauseEvents;
  }

  private void scheduleCommonCause(long nowNanos) {
    if (commonCauseSampler != null) {
      long delay = sampleNanos(commonCauseMeanNanos * commonCauseSampler.sample());
      PowerTime.schedule(sim, nowNanos, delay, commonCauseEvent);
    }
  }

  static long sampleNanos(double nanos) {
    return nanos >= PowerTime.NEVER ? PowerTime.NEVER : Math.max(1, Math.round(nanos));
  }

  private void commonCause(long nowNanos) {
    commonCauseEvents++;
    boolean any = false;
    for (Unit u : units) {
      if (u.up) {
        u.failureHandle = PowerTime.cancel(sim, u.failureHandle);
        u.goDown(nowNanos);
        any = true;
      }
    }
    scheduleCommonCause(nowNanos);
    if (any) {
      listener.groupChanged(nowNanos);
    }
  }

  /** One unit, with its events kept in final fields so failing and repairing allocate nothing. */
  private final class Unit implements RepairCrews.Job {
    private final TimeDistribution.Sampler timeToFailure;
    private final TimeDistribution.Sampler repair;
    private final Event failureEvent = this::fail;
    private final Event repairedEvent = this::repaired;
    private boolean up = true;
    private boolean maintained;
    private long failureHandle = -1;

    Unit(TimeDistribution.Sampler timeToFailure, TimeDistribution.Sampler repair) {
      this.timeToFailure = timeToFailure;
      this.repair = repair;
    }

    void scheduleFailure(long nowNanos) {
      if (timeToFailure != null) {
        failureHandle =
            PowerTime.schedule(sim, nowNanos, timeToFailure.sampleNanos(), failureEvent);
      }
    }

    void goDown(long nowNanos) {
      up = false;
      upUnits--;
      failures++;
      crews.request(this, nowNanos);
    }

    private void fail(long nowNanos) {
      failureHandle = -1;
      goDown(nowNanos);
      listener.groupChanged(nowNanos);
    }

    @Override
    public void startRepair(long nowNanos) {
      PowerTime.schedule(sim, nowNanos, repair.sampleNanos(), repairedEvent);
    }

    private void repaired(long nowNanos) {
      crews.release(nowNanos);
      up = true;
      upUnits++;
      scheduleFailure(nowNanos);
      listener.groupChanged(nowNanos);
    }
  }
}
