package org.aifactory.model.power;

import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The standby generator plant at run time (see {@link GeneratorPlantSpec}). {@link #demand} starts
 * it when the utility fails; after the start delay each idle unit is available (probability A),
 * starts (probability 1 − p) and runs until it fails (running time to failure, the running hours
 * counted across demands) or the demand ends ({@link #release}). The plant carries the load while
 * at least k units run. A unit repaired during a demand starts again after the start delay.
 *
 * <p>Common cause (β): the whole plant fails to start with probability β·p on a demand, the rest of
 * p per unit is independent; running units all fail together at rate β / MTTF.
 *
 * <p>Random streams: {@code <name>.i} per unit, {@code <name>.ccf}, with {@code name} {@code
 * power.generators} for the only (or side A's) plant and {@code power.generators.b} for side B's.
 */
final class GeneratorPlant implements MaintainableUnits {
  /** Told when the plant starts or stops carrying, or a unit fails or is repaired. */
  interface Listener {
    void plantChanged(long nowNanos);
  }

  private enum UnitState {
    STANDBY,
    STARTING,
    RUNNING,
    /** In maintenance for the present demand (the availability draw). */
    UNAVAILABLE,
    IN_REPAIR,
    /** Out for planned maintenance: it cannot start. */
    IN_MAINTENANCE
  }

  private final Simulation sim;
  private final RepairCrews crews;
  private final Listener listener;
  private final GeneratorUnit[] units;
  private final int needed;
  private final long startDelayNanos;
  private final double availability;
  private final double independentFailToStart;
  private final double commonFailToStart;
  private final long fuelAutonomyNanos;
  private final double unitWatts;
  private final UniformRandomProvider commonCauseRng;
  private final ZigguratSampler.Exponential commonCauseSampler;
  private final double commonCauseMeanNanos;
  private final Event startedEvent = this::started;
  private final Event fuelOutEvent = this::fuelOut;
  private final Event commonCauseEvent = this::commonCauseRunning;

  private boolean onDemand;
  private boolean starting;
  private boolean outOfFuel;
  private boolean tripped;
  private long startHandle = -1;
  private long fuelHandle = -1;
  private long commonCauseHandle = -1;
  private int running;

  private int demands;
  private int starts;
  private int failToStarts;
  private int runningFailures;
  private int overloadTrips;

  GeneratorPlant(
      String name,
      GeneratorPlantSpec spec,
      double beta,
      RepairCrews crews,
      Simulation sim,
      RandomStreams streams,
      Listener listener) {
    this.sim = sim;
    this.crews = crews;
    this.listener = listener;
    this.needed = spec.unitsNeeded();
    this.startDelayNanos = spec.startDelay().toNanos();
    this.availability = spec.availabilityOnDemand();
    this.independentFailToStart = (1 - beta) * spec.failToStartProbability();
    this.commonFailToStart = beta * spec.failToStartProbability();
    this.fuelAutonomyNanos = spec.fuelAutonomy().map(d -> d.toNanos()).orElse(-1L);
    this.unitWatts = spec.unitWatts();
    TimeDistribution independent = beta < 1 ? spec.runningTimeToFailure().faster(1 - beta) : null;
    this.units = new GeneratorUnit[spec.units()];
    for (int i = 0; i < units.length; i++) {
      UniformRandomProvider rng = streams.stream(name + "." + i);
      units[i] =
          new GeneratorUnit(
              rng,
              independent == null ? null : independent.sampler(rng),
              spec.repair().sampler(rng));
    }
    if (beta > 0) {
      commonCauseRng = streams.stream(name + ".ccf");
      commonCauseSampler = ZigguratSampler.Exponential.of(commonCauseRng);
      commonCauseMeanNanos = spec.runningTimeToFailure().meanSeconds() * 1e9 / beta;
    } else {
      commonCauseRng = null;
      commonCauseSampler = null;
      commonCauseMeanNanos = 0;
    }
  }

  @Override
  public int units() {
    return units.length;
  }

  /** A unit on standby, the plant not demanded, stops for maintenance. */
  @Override
  public boolean beginMaintenance(int unit, long nowNanos) {
    GeneratorUnit u = units[unit];
    if (onDemand || u.state != UnitState.STANDBY) {
      return false;
    }
    u.state = UnitState.IN_MAINTENANCE;
    return true;
  }

  /** Back as good as new; on a demand it starts after the start delay, as a repaired unit. */
  @Override
  public void endMaintenance(int unit, long nowNanos) {
    GeneratorUnit u = units[unit];
    u.remainingLifeNanos = -1;
    u.backInService(nowNanos);
  }

  /**
   * True while the plant carries the load: on demand, started, fuelled, not tripped, at least k
   * running.
   */
  boolean carrying() {
    return onDemand && !starting && !outOfFuel && !tripped && running >= needed;
  }

  /**
   * The plant could not carry its load: its breakers open and its units stop, and it stays off
   * until the demand ends (an ASSUMPTION: a plant tripped on overload is reset by hand once the
   * utility is back, rather than picking the load up again as soon as it would fit, which would
   * repeat the trip as the racks come back). Does not notify the listener (the chain is
   * evaluating).
   */
  void trip(long nowNanos) {
    if (tripped) {
      return;
    }
    tripped = true;
    overloadTrips++;
    stopUnits(nowNanos);
  }

  /** Times the plant tripped on overload. */
  int overloadTrips() {
    return overloadTrips;
  }

  boolean onDemand() {
    return onDemand;
  }

  int runningUnits() {
    return running;
  }

  /** What the running units can carry: running units × unit capacity (infinite: not checked). */
  double capacityWatts() {
    return running == 0 ? 0 : running * unitWatts;
  }

  /** Whether the plant's capacity is checked against its load (a finite unit capacity). */
  boolean capacityChecked() {
    return Double.isFinite(unitWatts);
  }

  /** Demands (utility interruptions) so far. */
  int demands() {
    return demands;
  }

  /** Demands whose start delay elapsed (the units were cranked), aborted starts not counted. */
  int starts() {
    return starts;
  }

  /** Unit start attempts that failed, common-cause ones included. */
  int failToStarts() {
    return failToStarts;
  }

  int runningFailures() {
    return runningFailures;
  }

  /** The utility has failed: start. Does not notify the listener (the caller acts on it). */
  void demand(long nowNanos) {
    if (onDemand) {
      return;
    }
    onDemand = true;
    starting = true;
    outOfFuel = false;
    tripped = false;
    demands++;
    startHandle = PowerTime.schedule(sim, nowNanos, startDelayNanos, startedEvent);
  }

  /** The utility is back: stop (an unfinished start is aborted). Does not notify the listener. */
  void release(long nowNanos) {
    if (!onDemand) {
      return;
    }
    onDemand = false;
    starting = false;
    startHandle = PowerTime.cancel(sim, startHandle);
    fuelHandle = PowerTime.cancel(sim, fuelHandle);
    commonCauseHandle = PowerTime.cancel(sim, commonCauseHandle);
    for (GeneratorUnit u : units) {
      switch (u.state) {
        case RUNNING -> u.stop(nowNanos);
        case STARTING -> {
          u.startHandle = PowerTime.cancel(sim, u.startHandle);
          u.state = UnitState.STANDBY;
        }
        case UNAVAILABLE -> u.state = UnitState.STANDBY;
        default -> {}
      }
    }
  }

  private void started(long nowNanos) {
    startHandle = -1;
    starting = false;
    starts++;
    boolean commonFailure =
        commonCauseRng != null && commonCauseRng.nextDouble() < commonFailToStart;
    for (GeneratorUnit u : units) {
      if (u.state != UnitState.STANDBY) {
        continue;
      }
      if (u.rng.nextDouble() >= availability) {
        u.state = UnitState.UNAVAILABLE;
      } else if (commonFailure) {
        u.failToStart(nowNanos);
      } else {
        u.tryStart(nowNanos);
      }
    }
    if (fuelAutonomyNanos >= 0) {
      fuelHandle = PowerTime.schedule(sim, nowNanos, fuelAutonomyNanos, fuelOutEvent);
    }
    scheduleCommonCause(nowNanos);
    listener.plantChanged(nowNanos);
  }

  private void scheduleCommonCause(long nowNanos) {
    if (commonCauseSampler != null) {
      long delay = RepairableGroup.sampleNanos(commonCauseMeanNanos * commonCauseSampler.sample());
      commonCauseHandle = PowerTime.schedule(sim, nowNanos, delay, commonCauseEvent);
    }
  }

  private void commonCauseRunning(long nowNanos) {
    commonCauseHandle = -1;
    boolean any = false;
    for (GeneratorUnit u : units) {
      if (u.state == UnitState.RUNNING) {
        u.failRunning(nowNanos);
        any = true;
      }
    }
    scheduleCommonCause(nowNanos);
    if (any) {
      listener.plantChanged(nowNanos);
    }
  }

  private void fuelOut(long nowNanos) {
    fuelHandle = -1;
    outOfFuel = true;
    stopUnits(nowNanos);
    listener.plantChanged(nowNanos);
  }

  private void stopUnits(long nowNanos) {
    for (GeneratorUnit u : units) {
      if (u.state == UnitState.RUNNING) {
        u.stop(nowNanos);
      } else if (u.state == UnitState.STARTING) {
        u.startHandle = PowerTime.cancel(sim, u.startHandle);
        u.state = UnitState.STANDBY;
      }
    }
  }

  /** One generator set. */
  private final class GeneratorUnit implements RepairCrews.Job {
    private final UniformRandomProvider rng;
    private final TimeDistribution.Sampler runningTimeToFailure;
    private final TimeDistribution.Sampler repair;
    private final Event failureEvent = this::runningFailure;
    private final Event repairedEvent = this::repaired;
    private final Event startedEvent = this::startedAlone;
    private UnitState state = UnitState.STANDBY;

    /** Running time left until the next failure; -1: draw a new one at the next start. */
    private long remainingLifeNanos = -1;

    private long runningSince;
    private long failureHandle = -1;
    private long startHandle = -1;

    GeneratorUnit(
        UniformRandomProvider rng,
        TimeDistribution.Sampler runningTimeToFailure,
        TimeDistribution.Sampler repair) {
      this.rng = rng;
      this.runningTimeToFailure = runningTimeToFailure;
      this.repair = repair;
    }

    /** Fail-to-start draw, then run. */
    void tryStart(long nowNanos) {
      if (rng.nextDouble() < independentFailToStart) {
        failToStart(nowNanos);
      } else {
        run(nowNanos);
      }
    }

    void failToStart(long nowNanos) {
      failToStarts++;
      state = UnitState.IN_REPAIR;
      remainingLifeNanos = -1;
      crews.request(this, nowNanos);
    }

    private void run(long nowNanos) {
      state = UnitState.RUNNING;
      running++;
      runningSince = nowNanos;
      if (runningTimeToFailure != null) {
        if (remainingLifeNanos < 0) {
          remainingLifeNanos = runningTimeToFailure.sampleNanos();
        }
        failureHandle = PowerTime.schedule(sim, nowNanos, remainingLifeNanos, failureEvent);
      }
    }

    /** Stopped without failing (demand over, fuel out): the running time counts toward age. */
    void stop(long nowNanos) {
      state = UnitState.STANDBY;
      running--;
      failureHandle = PowerTime.cancel(sim, failureHandle);
      if (remainingLifeNanos >= 0) {
        remainingLifeNanos = Math.max(0, remainingLifeNanos - (nowNanos - runningSince));
      }
    }

    void failRunning(long nowNanos) {
      failureHandle = PowerTime.cancel(sim, failureHandle);
      state = UnitState.IN_REPAIR;
      running--;
      runningFailures++;
      remainingLifeNanos = -1;
      crews.request(this, nowNanos);
    }

    private void runningFailure(long nowNanos) {
      failureHandle = -1;
      failRunning(nowNanos);
      listener.plantChanged(nowNanos);
    }

    @Override
    public void startRepair(long nowNanos) {
      PowerTime.schedule(sim, nowNanos, repair.sampleNanos(), repairedEvent);
    }

    private void repaired(long nowNanos) {
      crews.release(nowNanos);
      backInService(nowNanos);
      listener.plantChanged(nowNanos);
    }

    /** On standby, or starting when the plant is demanded and may run. */
    void backInService(long nowNanos) {
      state = UnitState.STANDBY;
      if (onDemand && !starting && !outOfFuel && !tripped) {
        state = UnitState.STARTING;
        startHandle = PowerTime.schedule(sim, nowNanos, startDelayNanos, startedEvent);
      }
    }

    private void startedAlone(long nowNanos) {
      startHandle = -1;
      state = UnitState.STANDBY;
      tryStart(nowNanos);
      listener.plantChanged(nowNanos);
    }
  }
}
