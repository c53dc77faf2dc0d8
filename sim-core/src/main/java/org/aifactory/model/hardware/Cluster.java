package org.aifactory.model.hardware;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>With failure domains (a system type with a field-replaceable unit, and causes contained in
 * it), a GPU failure takes down only its unit for the unit's swap time; the system keeps running
 * degraded. A job's system serves it while the system has the job's share of healthy GPUs: a spare
 * unit of the same system takes over from a failed one (the job is interrupted but keeps its
 * systems), and a system left short is given up like a failed one (a spare system, else waiting).
 * Systems in the free pool may then be degraded: a job takes only one with its share of healthy
 * GPUs.
 */
public final class Cluster {

  /** What a job needs to know when the cluster changes under it. */
  public interface Tenant {
    /**
     * A system the tenant owned failed, or was left without the tenant's share of healthy GPUs (it
     * is no longer the tenant's).
     */
    void systemLost(int system, int causeIndex, long now);

    /**
     * A field-replaceable unit carrying part of the tenant's share of {@code system} failed, and a
     * spare unit of the same system took over: the tenant keeps the system, but a synchronous job
     * on it is interrupted.
     */
    void unitTakenOver(int system, int unit, int causeIndex, long now);

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
  private final ClusterSpec spec;
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

  /** The systems' field-replaceable units; null without failure domains. */
  private final ReplaceableUnits units;

  private final Duration unitSwap;
  private final double failedWattsPerGpu;
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

  /** GPUs of failed units in systems that are otherwise up, and their GPU-nanoseconds. */
  private int unitDownGpus;

  private double unitDownGpuNanos;

  /**
   * @param repairSamplers one per cause (same order as {@code causes}), or null without failures
   * @param domains the systems' field-replaceable unit, when some cause is contained in it (see
   *     {@link FailureCause#containedInFru()}); empty: every failure takes its whole system
   */
  public Cluster(
      ClusterSpec spec,
      SystemPower power,
      double failedPowerFraction,
      Simulation sim,
      PowerLedger ledger,
      FailureLog log,
      FailureCause[] causes,
      TimeDistribution.Sampler[] repairSamplers,
      Optional<FieldReplaceableUnit> domains) {
    this.name = spec.name();
    this.spec = spec;
    this.power = power;
    this.systems = spec.systemCount();
    this.gpusPerSystem = power.gpusPerSystem();
    this.idleWattsPerSystem = gpusPerSystem * power.idleGpuWatts();
    this.failedWattsPerSystem = gpusPerSystem * power.gpu().tdpWatts() * failedPowerFraction;
    this.failedWattsPerGpu = power.gpu().tdpWatts() * failedPowerFraction;
    this.units =
        domains
            .map(f -> new ReplaceableUnits(systems, gpusPerSystem / f.gpus(), f.gpus()))
            .orElse(null);
    this.unitSwap = domains.map(FieldReplaceableUnit::swapTime).orElse(Duration.ZERO);
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

  /** What the cluster is. */
  public ClusterSpec spec() {
    return spec;
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

  /**
   * Takes a free system with at least {@code gpus} healthy GPUs for {@code tenant} (the most
   * recently freed that has them); -1 if none is free.
   */
  public int takeFree(Tenant tenant, int gpus) {
    if (units == null) {
      if (freeCount == 0) {
        return -1;
      }
      int s = free[--freeCount];
      owner[s] = tenant;
      return s;
    }
    int need = units.unitsFor(gpus);
    for (int i = freeCount - 1; i >= 0; i--) {
      int s = free[i];
      if (units.healthy(s) >= need) {
        removeFree(s);
        owner[s] = tenant;
        units.assign(s, need);
        return s;
      }
    }
    return -1;
  }

  /** Gives a healthy system back to the free pool (a job ended). */
  public void release(int system, long now) {
    owner[system] = null;
    if (units != null) {
      units.unassign(system);
    }
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

  /**
   * A failure of cause {@code causeIndex} strikes GPU {@code gpu} (0-based within the system) of
   * {@code system}: it takes down the GPU's field-replaceable unit if the cause is contained in one
   * and the cluster has failure domains, else the whole system ({@link #fail}).
   */
  public void failGpu(int system, int gpu, int causeIndex, long now) {
    if (units != null && causes[causeIndex].containedInFru()) {
      failUnit(system, gpu / units.gpusEach(), causeIndex, now);
    } else {
      fail(system, causeIndex, now);
    }
  }

  /**
   * {@code unit} of {@code system} fails: its GPUs stop until a unit from stock is swapped in. If
   * it carried a job's share, a spare unit of the system takes over (the job is interrupted), or
   * the system, now short, is given up like a failed one. Ignored if the system is out or the unit
   * already down (it does not operate, so it does not fail).
   */
  private void failUnit(int system, int unit, int causeIndex, long now) {
    if (outage[system] != 0 || units.isDown(system, unit)) {
      return;
    }
    accrue(now);
    double before = systemGpuWatts(system, outage[system]);
    boolean inUse = units.takeDown(system, unit, causeIndex, now);
    unitDownGpus += units.gpusEach();
    changeGpuWatts(now, systemGpuWatts(system, outage[system]) - before);
    for (SystemOutageListener l : outageListeners) {
      l.unitDown(system, unit, now);
    }
    Event swap = units.swapEvent(system, unit);
    if (swap == null) {
      swap = at -> unitSwapped(system, unit, at);
      units.setSwapEvent(system, unit, swap);
    }
    sim.schedule(unitSwap.toNanos(), swap);
    Tenant t = owner[system];
    if (!inUse) {
      units.countUnused();
    } else if (units.takeOver(system)) {
      units.countTakeOver();
      t.unitTakenOver(system, unit, causeIndex, now);
    } else {
      units.countSystemShort();
      owner[system] = null;
      units.unassign(system);
      addFree(system);
      t.systemLost(system, causeIndex, now);
      offerFreeSystems(now);
    }
  }

  private void unitSwapped(int system, int unit, long now) {
    accrue(now);
    double before = systemGpuWatts(system, outage[system]);
    units.bringUp(system, unit);
    if (outage[system] == 0) {
      unitDownGpus -= units.gpusEach();
    }
    changeGpuWatts(now, systemGpuWatts(system, outage[system]) - before);
    log.add(
        now,
        FailureLog.Kind.REPAIR,
        name + "/system-" + system + "/fru-" + unit,
        causes[units.downCause(system, unit)].name(),
        "",
        0,
        now - units.downSince(system, unit));
    for (SystemOutageListener l : outageListeners) {
      l.unitReplaced(system, unit, now);
    }
    if (outage[system] == 0 && owner[system] == null) {
      offerFreeSystems(now); // a degraded free system may now serve a waiting job
    }
  }

  private void changeGpuWatts(long now, double dGpu) {
    if (dGpu != 0) {
      double dIt = dGpu * itPerGpuWatt;
      ledger.change(now, dGpu, dIt, SwingCause.JOBS); // a unit failing or replaced
      addMeanIt(now, dIt);
    }
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

  /** GPU watts of {@code system} in {@code state}, its failed units at their residual power. */
  private double systemGpuWatts(int system, byte state) {
    double watts = gpuWatts(state);
    if (state == 0 && units != null) {
      int down = units.downGpus(system);
      if (down > 0) {
        watts += down * (failedWattsPerGpu - power.idleGpuWatts());
      }
    }
    return watts;
  }

  private void setOutage(int system, byte next, int causeIndex, long now) {
    byte before = outage[system];
    if (before == next) {
      return;
    }
    accrue(now);
    outage[system] = next;
    double dGpu = systemGpuWatts(system, next) - systemGpuWatts(system, before);
    double dOther =
        (next == 0 ? otherFixedWattsPerSystem : 0) - (before == 0 ? otherFixedWattsPerSystem : 0);
    if (dGpu != 0 || dOther != 0) {
      double dIt = dGpu * itPerGpuWatt + dOther;
      ledger.change(now, dGpu, dIt, SwingCause.JOBS);
      addMeanIt(now, dIt);
    }
    if (before == 0) { // the system goes out
      downCount++;
      if (units != null) {
        unitDownGpus -= units.downGpus(system); // counted with the whole system now
      }
      for (SystemOutageListener l : outageListeners) {
        l.systemDown(system, now);
      }
      Tenant t = owner[system];
      if (t == null) {
        removeFree(system);
      } else {
        owner[system] = null;
        if (units != null) {
          units.unassign(system);
        }
        t.systemLost(system, causeIndex, now);
      }
    } else if (next == 0) { // back in service
      downCount--;
      if (units != null) {
        unitDownGpus += units.downGpus(system);
      }
      for (SystemOutageListener l : outageListeners) {
        l.systemUp(system, now);
      }
      addFree(system);
      offerFreeSystems(now);
    }
  }

  /**
   * Tells the tenants waiting now, in turn, that systems are free. A tenant that finds none it can
   * use (all short of its share) waits again, and is not asked twice.
   */
  private void offerFreeSystems(long now) {
    for (int asked = waiting.size(); asked > 0 && freeCount > 0 && !waiting.isEmpty(); asked--) {
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
    if (unitDownGpus != 0) {
      unitDownGpuNanos += (double) unitDownGpus * (now - lastAccrual);
    }
    lastAccrual = now;
  }

  /** GPU-nanoseconds of failed GPUs up to {@code now}: whole systems and failed units. */
  public double downGpuNanos(long now) {
    accrue(now);
    return units == null
        ? downSystemNanos * gpusPerSystem
        : downSystemNanos * gpusPerSystem + unitDownGpuNanos;
  }

  /** GPU-nanoseconds of GPUs down with their whole system up to {@code now}. */
  public double systemDownGpuNanos(long now) {
    accrue(now);
    return downSystemNanos * gpusPerSystem;
  }

  /**
   * GPU-nanoseconds of GPUs down in failed field-replaceable units of systems that were otherwise
   * up, up to {@code now}.
   */
  public double unitDownGpuNanos(long now) {
    accrue(now);
    return unitDownGpuNanos;
  }

  public long failures() {
    return failures;
  }

  /** GPUs in one field-replaceable unit of the cluster's failure domains; 0 without them. */
  public int gpusPerUnit() {
    return units == null ? 0 : units.gpusEach();
  }

  /** Whether a failure can take down a field-replaceable unit instead of a whole system. */
  public boolean hasFailureDomains() {
    return units != null;
  }

  /**
   * What the failed field-replaceable units did (all zero without failure domains).
   *
   * @param failures units that failed
   * @param unused of them, those that carried no job's share: no interruption
   * @param takeOvers of them, those whose share a spare unit of the same system took over
   * @param systemsShort of them, those that left their job's system short: given up
   */
  public record UnitFailures(long failures, long unused, long takeOvers, long systemsShort) {}

  public UnitFailures unitFailures() {
    return units == null
        ? new UnitFailures(0, 0, 0, 0)
        : new UnitFailures(
            units.failures(), units.unused(), units.takeOvers(), units.systemsShort());
  }
}
