package org.aifactory.model.hardware;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.aifactory.engine.Event;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.metrics.SwingCause;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.SystemOutageListener;
import org.aifactory.model.failure.TimeDistribution;

/**
 * A cluster at run time: which systems are healthy, down or owned by a job, the pool of healthy
 * unallocated systems (the hot spares), and the repairs under way. It draws the base power of its
 * systems (GPUs idle, fixed other IT); jobs add their GPUs' power above idle.
 */
public final class Cluster {

  /** What a job needs to know when the cluster changes under it. */
  public interface Tenant {
    /** A system the tenant owned failed (it is no longer the tenant's). */
    void systemLost(int system, int causeIndex, long now);

    /** Healthy systems became free; the tenant may take some with {@link #takeFree}. */
    void systemsFreed(long now);

    /** The cluster's power cap or thermal limit changed. */
    void limitChanged(long now);

    /**
     * The tenant's mean IT power above idle (W) if its GPUs were limited to {@code limitWatts}
     * (infinite: the caps only), in its present state: what the cooling would have to remove.
     */
    double meanItAboveIdleAt(double limitWatts);

    /** The power of the tenant's hottest phase per GPU (W) under {@code limitWatts}; 0 if none. */
    double peakGpuWattsAt(double limitWatts);

    String name();
  }

  /** Told when the cluster's mean IT power (the heat its cooling must take) changes. */
  public interface HeatListener {
    void heatChanged(Cluster cluster, long now);
  }

  private final String name;
  private final SystemPower power;
  private final int systems;
  private final int gpusPerSystem;
  private final double idleWattsPerSystem;
  private final double failedWattsPerSystem;
  private final double otherFixedWattsPerSystem;
  private final double itPerGpuWatt;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final FailureLog log;
  private final FailureCause[] causes;
  private final TimeDistribution.Sampler[] repairSamplers;

  private static final byte FAILED = 1;
  private static final byte UNPOWERED = 2;
  private static final byte TRIPPED = 4;

  private final Tenant[] owner;

  /** Why a system is out: FAILED, UNPOWERED and/or TRIPPED (too hot); 0 = up. */
  private final byte[] outage;

  private final long[] downSince;
  private final int[] downCause;
  private final Event[] repairEvents;
  // Healthy unallocated systems: an indexed set (O(1) add and remove).
  private final int[] free;
  private final int[] freePosition;
  private int freeCount;
  private final Deque<Tenant> waiting = new ArrayDeque<>();
  private SystemOutageListener[] outageListeners = new SystemOutageListener[0];
  private final List<Tenant> tenants = new ArrayList<>();
  private HeatListener heatListener;

  /** IT power with every running iteration taken at its mean: the heat to remove. */
  private double meanItWatts;

  private boolean tripped;
  private double capWatts = Double.POSITIVE_INFINITY;
  private double scheduleCapWatts = Double.POSITIVE_INFINITY;
  private double budgetCapWatts = Double.POSITIVE_INFINITY;
  private double thermalLimitWatts = Double.POSITIVE_INFINITY;

  private int downCount;
  private long lastAccrual;
  private double downSystemNanos;
  private long failures;

  /**
   * @param repairSamplers one per cause (same order as {@code causes}), or null without failures
   */
  public Cluster(
      ClusterSpec spec,
      SystemPower power,
      double failedPowerFraction,
      Simulation sim,
      PowerLedger ledger,
      FailureLog log,
      FailureCause[] causes,
      TimeDistribution.Sampler[] repairSamplers) {
    this.name = spec.name();
    this.power = power;
    this.systems = spec.systemCount();
    this.gpusPerSystem = power.gpusPerSystem();
    this.idleWattsPerSystem = gpusPerSystem * power.idleGpuWatts();
    this.failedWattsPerSystem = gpusPerSystem * power.gpu().tdpWatts() * failedPowerFraction;
    this.otherFixedWattsPerSystem = power.fixedOtherItWattsPerSystem();
    this.itPerGpuWatt = power.itPerGpuWatt();
    this.sim = sim;
    this.ledger = ledger;
    this.log = log;
    this.causes = causes;
    this.repairSamplers = repairSamplers;
    this.owner = new Tenant[systems];
    this.outage = new byte[systems];
    this.downSince = new long[systems];
    this.downCause = new int[systems];
    this.repairEvents = new Event[systems];
    this.free = new int[systems];
    this.freePosition = new int[systems];
    // Systems are handed out from the end of the free set: fill it so that system 0 goes first.
    for (int i = 0; i < systems; i++) {
      int s = systems - 1 - i;
      free[i] = s;
      freePosition[s] = i;
    }
    this.freeCount = systems;
    this.meanItWatts = baseItWatts();
  }

  public String name() {
    return name;
  }

  /** The power model of the cluster's systems. */
  public SystemPower power() {
    return power;
  }

  /** Registers a job that runs here: it hears of limit changes. */
  public void addTenant(Tenant tenant) {
    tenants.add(tenant);
  }

  /** The cooling that listens to this cluster's heat (one). */
  public void setHeatListener(HeatListener listener) {
    this.heatListener = listener;
  }

  /** IT power with running iterations at their mean (W): what the cooling must remove. */
  public double meanItWatts() {
    return meanItWatts;
  }

  /**
   * The mean IT power if the cooling's limit were {@code thermalWatts} (the caps still apply): for
   * a cooling plant finding the limit its loop can hold.
   */
  public double meanItWattsAt(double thermalWatts) {
    double w = meanItWatts;
    for (Tenant t : tenants) {
      w +=
          t.meanItAboveIdleAt(Math.min(capWatts, thermalWatts))
              - t.meanItAboveIdleAt(Math.min(capWatts, thermalLimitWatts));
    }
    return w;
  }

  /** The hottest GPU's power (W) under {@code thermalWatts}: a tenant's peak phase, else idle. */
  public double peakGpuWattsAt(double thermalWatts) {
    double peak = (tripped || downCount == systems) ? 0 : power.idleGpuWatts();
    for (Tenant t : tenants) {
      peak = Math.max(peak, t.peakGpuWattsAt(Math.min(capWatts, thermalWatts)));
    }
    return peak;
  }

  /**
   * A tenant's mean IT power changed by {@code deltaWatts} (it started or stopped iterating, say);
   * pulses within an iteration do not count: the coolant's heat capacity averages them.
   */
  public void addMeanIt(long now, double deltaWatts) {
    if (deltaWatts != 0) {
      meanItWatts += deltaWatts;
      if (heatListener != null) {
        heatListener.heatChanged(this, now);
      }
    }
  }

  /** The power cap on every GPU of the cluster now (W; infinite: none). */
  public double capWatts() {
    return capWatts;
  }

  /** The limit the cooling sets on every GPU of the cluster now (W; infinite: none). */
  public double thermalLimitWatts() {
    return thermalLimitWatts;
  }

  /** The cluster's cap changes (a schedule's step). */
  public void setCap(long now, double watts) {
    scheduleCapWatts = watts;
    applyCaps(now);
  }

  /**
   * The cap the site's power budget puts on every GPU of the cluster (W; infinite: none); the lower
   * of it and the cluster's own cap applies.
   */
  public void setBudgetCap(long now, double watts) {
    budgetCapWatts = watts;
    applyCaps(now);
  }

  private void applyCaps(long now) {
    double cap = Math.min(scheduleCapWatts, budgetCapWatts);
    if (cap != capWatts) {
      capWatts = cap;
      notifyLimit(now);
    }
  }

  /** The cooling's limit changes (a GPU at its slowdown temperature). */
  public void setThermalLimit(long now, double watts) {
    if (watts != thermalLimitWatts) {
      thermalLimitWatts = watts;
      notifyLimit(now);
    }
  }

  private void notifyLimit(long now) {
    for (Tenant t : tenants) {
      t.limitChanged(now);
    }
  }

  public int systemCount() {
    return systems;
  }

  public int gpusPerSystem() {
    return gpusPerSystem;
  }

  public int gpus() {
    return systems * gpusPerSystem;
  }

  public double itPerGpuWatt() {
    return itPerGpuWatt;
  }

  /** GPU and IT watts of all systems healthy and idle: the base load. */
  public double baseGpuWatts() {
    return systems * idleWattsPerSystem;
  }

  public double baseItWatts() {
    return systems * (idleWattsPerSystem * itPerGpuWatt + otherFixedWattsPerSystem);
  }

  /** Registers {@code listener} to hear when systems stop and resume operating. */
  public void addOutageListener(SystemOutageListener listener) {
    outageListeners = Arrays.copyOf(outageListeners, outageListeners.length + 1);
    outageListeners[outageListeners.length - 1] = listener;
  }

  /** Takes a healthy free system for {@code tenant}; -1 if none is free. */
  public int takeFree(Tenant tenant) {
    if (freeCount == 0) {
      return -1;
    }
    int s = free[--freeCount];
    owner[s] = tenant;
    return s;
  }

  /** Gives a healthy system back to the free pool (a job ended). */
  public void release(int system, long now) {
    owner[system] = null;
    addFree(system);
    offerFreeSystems(now);
  }

  /** {@code tenant} waits for free systems; it is told by {@link Tenant#systemsFreed}. */
  public void awaitSystems(Tenant tenant) {
    if (!waiting.contains(tenant)) {
      waiting.addLast(tenant);
    }
  }

  public void stopAwaiting(Tenant tenant) {
    waiting.remove(tenant);
  }

  /**
   * A failure of cause {@code causeIndex} strikes {@code system}; ignored if the system is already
   * out (failed or unpowered: it does not operate, so it does not fail).
   */
  public void fail(int system, int causeIndex, long now) {
    if (outage[system] != 0) {
      return;
    }
    failures++;
    downSince[system] = now;
    downCause[system] = causeIndex;
    setOutage(system, (byte) (outage[system] | FAILED), causeIndex, now);
    Event repair = repairEvents[system];
    if (repair == null) {
      repair = repairEvents[system] = at -> repaired(system, at);
    }
    sim.schedule(repairSamplers[causeIndex].sampleNanos(), repair);
  }

  private void repaired(int system, long now) {
    log.add(
        now,
        FailureLog.Kind.REPAIR,
        name + "/system-" + system,
        causes[downCause[system]].name(),
        "",
        0,
        now - downSince[system]);
    setOutage(system, (byte) (outage[system] & ~FAILED), -1, now);
  }

  /** {@code system} loses power (cause {@code causeIndex}); ignored if already unpowered. */
  public void powerDown(int system, int causeIndex, long now) {
    if ((outage[system] & UNPOWERED) == 0) {
      setOutage(system, (byte) (outage[system] | UNPOWERED), causeIndex, now);
    }
  }

  /**
   * Every system trips (shuts down to protect its GPUs from heat, cause {@code causeIndex}): jobs
   * on it are interrupted; a tripped system draws nothing.
   */
  public void trip(int causeIndex, long now) {
    tripped = true;
    for (int s = 0; s < systems; s++) {
      if ((outage[s] & TRIPPED) == 0) {
        setOutage(s, (byte) (outage[s] | TRIPPED), causeIndex, now);
      }
    }
  }

  /** The cooling has recovered: every tripped system is usable again as far as heat goes. */
  public void untrip(long now) {
    tripped = false;
    for (int s = 0; s < systems; s++) {
      if ((outage[s] & TRIPPED) != 0) {
        setOutage(s, (byte) (outage[s] & ~TRIPPED), -1, now);
      }
    }
  }

  /** Whether the cluster is tripped by heat. */
  public boolean tripped() {
    return tripped;
  }

  /** {@code system} is usable again as far as power goes. */
  public void powerUp(int system, long now) {
    if ((outage[system] & UNPOWERED) != 0) {
      setOutage(system, (byte) (outage[system] & ~UNPOWERED), -1, now);
    }
  }

  /** GPU watts of a system in an outage state: idle when up, residual when failed, 0 unpowered. */
  private double gpuWatts(byte state) {
    if (state == 0) {
      return idleWattsPerSystem;
    }
    return (state & (UNPOWERED | TRIPPED)) != 0 ? 0 : failedWattsPerSystem;
  }

  private void setOutage(int system, byte next, int causeIndex, long now) {
    byte before = outage[system];
    if (before == next) {
      return;
    }
    accrue(now);
    outage[system] = next;
    double dGpu = gpuWatts(next) - gpuWatts(before);
    double dOther =
        (next == 0 ? otherFixedWattsPerSystem : 0) - (before == 0 ? otherFixedWattsPerSystem : 0);
    if (dGpu != 0 || dOther != 0) {
      double dIt = dGpu * itPerGpuWatt + dOther;
      ledger.change(now, dGpu, dIt, SwingCause.JOBS);
      addMeanIt(now, dIt);
    }
    if (before == 0) { // the system goes out
      downCount++;
      for (SystemOutageListener l : outageListeners) {
        l.systemDown(system, now);
      }
      Tenant t = owner[system];
      if (t == null) {
        removeFree(system);
      } else {
        owner[system] = null;
        t.systemLost(system, causeIndex, now);
      }
    } else if (next == 0) { // back in service
      downCount--;
      for (SystemOutageListener l : outageListeners) {
        l.systemUp(system, now);
      }
      addFree(system);
      offerFreeSystems(now);
    }
  }

  private void offerFreeSystems(long now) {
    while (freeCount > 0 && !waiting.isEmpty()) {
      Tenant t = waiting.pollFirst();
      t.systemsFreed(now);
    }
  }

  private void addFree(int system) {
    freePosition[system] = freeCount;
    free[freeCount++] = system;
  }

  private void removeFree(int system) {
    int pos = freePosition[system];
    int last = free[--freeCount];
    free[pos] = last;
    freePosition[last] = pos;
  }

  private void accrue(long now) {
    downSystemNanos += (double) downCount * (now - lastAccrual);
    lastAccrual = now;
  }

  /** GPU-nanoseconds of failed GPUs up to {@code now}. */
  public double downGpuNanos(long now) {
    accrue(now);
    return downSystemNanos * gpusPerSystem;
  }

  public long failures() {
    return failures;
  }
}
