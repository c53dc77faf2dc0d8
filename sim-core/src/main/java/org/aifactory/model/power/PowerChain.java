package org.aifactory.model.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;

/**
 * The power chain of one run on the event engine: utility feeds, transformers, switchgear, transfer
 * switches, generators, UPS systems (modules, batteries, bypass), static transfer switches and PDUs
 * failing and being repaired, and the rack groups (paths) behind them losing and regaining power.
 * Tell it the IT load of each path, register {@link PowerPathListener}s, {@link #start()} it and
 * run the {@link Simulation}.
 *
 * <p>Rules, applied at every change of any component:
 *
 * <ul>
 *   <li>An input bus (one, or one per side: {@link PowerSources}) is live while its transfer switch
 *       works and its utility side is live or its generator plant carries: k units running after
 *       the start delay, whose capacity covers what the plant would carry (the chain's input for
 *       the UPS systems of the bus that draw from it, and the bus's share of the cooling plant's
 *       power, {@link #setGeneratorAuxiliaryLoad}).
 *   <li>Each path's load (UPS output: IT plus its PDU and conductor losses) goes to its live cords,
 *       split evenly; a cord is live when its PDU is up and its UPS system (or, single-corded with
 *       several systems, the alternate behind a static transfer switch, which may fail) carries. A
 *       dual-corded path is dark only when both cords are dead.
 *   <li>A UPS system carries on its modules if their capacity covers its load: from the input when
 *       live, else from its battery while charged. Otherwise it transfers to static bypass (if it
 *       has one and the input is live) or drops its load, which moves to the other cords of the
 *       paths it fed, possibly overloading other systems in turn (a cascade, resolved by iterating
 *       to a fixed point). A system whose battery string has failed has no ride-through. No load
 *       shedding by priority. A system that cannot carry its load because a module is out for
 *       planned maintenance is instead taken off its load by the operator when every rack group it
 *       feeds has another live cord (the load moves there, as in a distributed-redundant design),
 *       and goes to static bypass only when one has none (an N design).
 *   <li>An overloaded generator plant trips: its bus is dead (its UPS systems go to their
 *       batteries) until the utility returns.
 * </ul>
 *
 * <p>One chain per run: not thread-safe, nothing static. Scheduling allocates nothing after
 * construction, except when the list of loss-of-load durations grows.
 */
public final class PowerChain {
  /** A part of the chain tells it that something changed. */
  interface Recompute {
    void recompute(long nowNanos);
  }

  private static final double CAPACITY_TOLERANCE = 1e-9;

  private final Simulation sim;
  private final ConversionLosses losses;
  private final PowerSources sources;
  private final RepairableGroup upsModules;
  private final RepairableGroup batteries;
  private final RepairableGroup pdus;
  private final RepairableGroup staticSwitches;
  private final UpsSystem[] systems;
  private final int[] systemSide;
  private final double moduleWatts;
  private final boolean staticBypass;
  private final int paths;
  private final int cords;

  /** Per cord (index cord × paths + path): its UPS system, and the alternate (-1: none). */
  private final int[] cordSystem;

  private final int[] cordAlternate;
  private final double[] pathItWatts;
  private final double[] pathUpsWatts;

  /** Chain input per watt of UPS output at the present IT load (the generators' load). */
  private double inputPerUpsWatt;

  /** Other load on the generators' buses: the cooling plant's power (W). */
  private DoubleSupplier auxiliaryWatts = () -> 0;

  // Scratch state of the fixed point, kept between evaluations to allocate nothing.
  private final UpsSystem.Mode[] modes;
  private final int[] upModules;
  private final double[] capacityWatts;
  private final double[] loadWatts;
  private final boolean[] canBypass;
  private final boolean[] charging;
  private final boolean[] busLive;
  private final int[] cordFeeder;
  private final boolean[] powered;
  private final boolean[] changed;

  private PowerPathListener[] listeners = new PowerPathListener[0];
  private boolean started;
  private boolean evaluating;
  private boolean dirty;

  // Metrics.
  private long startNanos;
  private final long[] pathDownSince;
  private final long[] pathDownNanos;
  private final int[] pathLossEvents;
  private int unpoweredPaths;
  private long siteDownSince;
  private int lossEvents;
  private long lossNanos;
  private long[] lossDurations = new long[8];
  private long batterySince = -1;
  private long batteryNanos;

  // Planned maintenance: a calendar per kind (null: not maintained), and the time it took.
  private final MaintenanceCalendar[] calendars;
  private final int[] maintenanceUnits;
  private final java.util.Map<MaintainedComponent, java.time.Duration> firstMaintenance;
  private long maintenanceSince = -1;
  private long maintenanceNanos;
  private long exposedSince = -1;
  private long exposedNanos;

  /**
   * Builds the chain; nothing happens until {@link #start()}.
   *
   * @param spec the chain
   * @param pathItWatts IT load of each path (rack group); its length is the number of paths
   * @param sim the simulation it runs on
   * @param streams the run's random streams (names {@code power.*})
   */
  public PowerChain(
      PowerChainSpec spec, double[] pathItWatts, Simulation sim, RandomStreams streams) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(sim, "sim");
    Objects.requireNonNull(streams, "streams");
    this.sim = sim;
    this.losses = ConversionLosses.of(spec, pathItWatts); // validates the loads
    this.paths = pathItWatts.length;
    this.pathItWatts = pathItWatts.clone();
    this.pathUpsWatts = new double[paths];
    for (int p = 0; p < paths; p++) {
      pathUpsWatts[p] = losses.pathUpsOutputWatts(pathItWatts[p]);
    }
    updateInputPerUpsWatt();
    RepairCrews crews = new RepairCrews(spec.repairCrews());
    CommonCauseSpec beta = spec.commonCause();
    this.sources = new PowerSources(spec, crews, sim, streams, this::recompute);

    UpsSpec ups = spec.ups();
    StageStructure s = ups.structure();
    this.moduleWatts = ups.moduleCapacityWatts();
    this.staticBypass = ups.staticBypass();
    this.upsModules =
        new RepairableGroup(
            "power.ups.module",
            s.totalUnits(),
            ups.moduleTimeToFailure(),
            ups.moduleRepair(),
            beta.upsModulesBeta(),
            crews,
            sim,
            streams,
            this::recompute);
    this.systems = new UpsSystem[s.systems()];
    for (int i = 0; i < systems.length; i++) {
      systems[i] =
          new UpsSystem(
              i * s.unitsPerSystem(),
              s.unitsPerSystem(),
              ups.systemRatedWatts(),
              ups.batteryAutonomyAtFullLoad().toNanos(),
              ups.rechargeTime().toNanos(),
              sim,
              this::recompute);
    }
    this.systemSide = new int[systems.length];
    for (int i = 0; i < systems.length; i++) {
      systemSide[i] = spec.sources().sideOf(i, systems.length);
    }
    PlannedMaintenance maintenance = spec.maintenance();
    this.batteries =
        PowerSources.group(
            "power.ups.battery",
            systems.length,
            ups.batteryStrings(),
            beta.batteriesBeta(),
            maintenance.plan(MaintainedComponent.BATTERIES).isPresent(),
            crews,
            sim,
            streams,
            this::recompute);

    DistributionSpec d = spec.distribution();
    this.cords = d.cordsPerPath();
    this.pdus =
        new RepairableGroup(
            "power.pdu",
            cords * paths,
            d.pduTimeToFailure(),
            d.pduRepair(),
            beta.pdusBeta(),
            crews,
            sim,
            streams,
            this::recompute);
    this.cordSystem = new int[cords * paths];
    this.cordAlternate = new int[cords * paths];
    assignFeeds(systems.length);
    int switches = spec.staticTransferSwitches(paths);
    this.staticSwitches =
        switches == 0
            ? null
            : PowerSources.group(
                "power.sts",
                switches,
                spec.components().staticTransferSwitches(),
                beta.staticTransferSwitchesBeta(),
                maintenance.plan(MaintainedComponent.STS).isPresent(),
                crews,
                sim,
                streams,
                this::recompute);
    this.maintenanceUnits = spec.maintainedUnits(paths);
    this.calendars = new MaintenanceCalendar[MaintainedComponent.values().length];
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      MaintainableUnits units = maintainable(kind);
      maintenance
          .plan(kind)
          .filter(m -> units != null && units.units() > 0)
          .ifPresent(
              m ->
                  calendars[kind.ordinal()] =
                      new MaintenanceCalendar(units, m, sim, this::recompute));
    }
    this.firstMaintenance = maintenance.firstCycles(maintenanceUnits);

    this.modes = new UpsSystem.Mode[systems.length];
    this.upModules = new int[systems.length];
    this.capacityWatts = new double[systems.length];
    this.loadWatts = new double[systems.length];
    this.canBypass = new boolean[systems.length];
    this.charging = new boolean[systems.length];
    this.busLive = new boolean[sources.sides()];
    this.cordFeeder = new int[cords * paths];
    this.powered = new boolean[paths];
    Arrays.fill(powered, true);
    this.changed = new boolean[paths];
    this.pathDownSince = new long[paths];
    this.pathDownNanos = new long[paths];
    this.pathLossEvents = new int[paths];
  }

  /** The units of {@code kind} in this chain; null if it has none. */
  private MaintainableUnits maintainable(MaintainedComponent kind) {
    return switch (kind) {
      case UPS -> upsModules;
      case BATTERIES -> batteries;
      case STS -> staticSwitches;
      case PDUS -> pdus;
      default -> sources.maintainable(kind);
    };
  }

  /** Cord → UPS system: all to system 0, or path p to the pair number p mod x(x−1)/2. */
  private void assignFeeds(int x) {
    int pairs = x * (x - 1) / 2;
    for (int p = 0; p < paths; p++) {
      int a = 0;
      int b = -1;
      if (x > 1) {
        int q = p % pairs;
        a = 0;
        while (q >= x - 1 - a) {
          q -= x - 1 - a;
          a++;
        }
        b = a + 1 + q;
      }
      if (cords == 2) {
        cordSystem[p] = a;
        cordAlternate[p] = -1;
        cordSystem[paths + p] = b < 0 ? a : b;
        cordAlternate[paths + p] = -1;
      } else {
        cordSystem[p] = a;
        cordAlternate[p] = b;
      }
    }
  }

  /** Registers a listener; call before {@link #start()} to hear everything. */
  public void addListener(PowerPathListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners = Arrays.copyOf(listeners, listeners.length + 1);
    listeners[listeners.length - 1] = listener;
  }

  /**
   * Starts the chain at the simulation's present time: everything up, batteries full, the first
   * failures and utility interruptions scheduled. Listeners hear at once of paths the design cannot
   * carry even with everything up.
   */
  public void start() {
    if (started) {
      throw new IllegalStateException("the power chain has already started");
    }
    started = true;
    long now = sim.nowNanos();
    startNanos = now;
    sources.startUtility(now);
    upsModules.start(now);
    pdus.start(now);
    sources.startComponents(now);
    if (batteries != null) {
      batteries.start(now);
    }
    if (staticSwitches != null) {
      staticSwitches.start(now);
    }
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      MaintenanceCalendar c = calendars[kind.ordinal()];
      if (c != null) {
        c.start(now, firstMaintenance.get(kind).toNanos());
      }
    }
    for (UpsSystem u : systems) {
      u.advance(now);
    }
    recompute(now);
  }

  /** Number of paths (rack groups). */
  public int paths() {
    return paths;
  }

  /** Whether path {@code path} is powered now. */
  public boolean isPowered(int path) {
    return powered[path];
  }

  /** The chain's conversion losses (for the energy accounting). */
  public ConversionLosses losses() {
    return losses;
  }

  /**
   * Changes the IT load of one path from now on (battery drain and capacity checks follow it). For
   * slow changes (jobs starting, ending), not for iteration pulses.
   */
  public void setPathItWatts(int path, double itWatts) {
    if (!(itWatts >= 0) || Double.isInfinite(itWatts)) {
      throw new IllegalArgumentException(
          "path IT load must be a finite number >= 0, got " + itWatts);
    }
    pathItWatts[path] = itWatts;
    pathUpsWatts[path] = losses.pathUpsOutputWatts(itWatts);
    updateInputPerUpsWatt();
    if (started) {
      recompute(sim.nowNanos());
    }
  }

  /**
   * Other load the generator plants carry besides the chain, read at every evaluation: the cooling
   * plant's power. Tell the chain when it changes ({@link #generatorAuxiliaryLoadChanged}).
   */
  public void setGeneratorAuxiliaryLoad(DoubleSupplier watts) {
    this.auxiliaryWatts = Objects.requireNonNull(watts, "watts");
  }

  /** The auxiliary load has changed: a plant carrying it may now be overloaded, or fit again. */
  public void generatorAuxiliaryLoadChanged(long nowNanos) {
    if (started && sources.anyPlantOnDemand()) {
      recompute(nowNanos);
    }
  }

  private void updateInputPerUpsWatt() {
    double it = 0;
    for (double w : pathItWatts) {
      it += w;
    }
    double out = losses.upsOutputWatts(it);
    inputPerUpsWatt = out > 0 ? losses.inputWatts(it) / out : 1;
  }

  /** Re-evaluates the whole chain; re-entrant calls from listeners are folded into a re-run. */
  void recompute(long nowNanos) {
    if (evaluating) {
      dirty = true;
      return;
    }
    evaluating = true;
    try {
      do {
        dirty = false;
        evaluate(nowNanos);
        notifyListeners(nowNanos);
      } while (dirty);
    } finally {
      evaluating = false;
    }
  }

  private void evaluate(long now) {
    sources.update(now);
    for (int b = 0; b < busLive.length; b++) {
      busLive[b] =
          sources.transferSwitchUp(b) && (sources.utilityLive(b) || sources.generatorsCarry(b));
    }
    for (int s = 0; s < systems.length; s++) {
      UpsSystem u = systems[s];
      u.advance(now);
      if (batteries != null && !batteries.isUp(s)) {
        u.loseCharge();
      }
      int up = upsModules.upUnits(u.firstModule, u.modules);
      upModules[s] = up;
      capacityWatts[s] = up * moduleWatts;
      setMode(s);
    }
    // Fixed point: systems only ever move from modules to bypass or down, and buses only from live
    // to dead (a plant overloaded), so this ends.
    boolean changedAny;
    do {
      assignLoads();
      changedAny = false;
      for (int s = 0; s < systems.length; s++) {
        UpsSystem.Mode m = modes[s];
        if ((m == UpsSystem.Mode.INVERTER || m == UpsSystem.Mode.BATTERY)
            && loadWatts[s] > capacityWatts[s] * (1 + CAPACITY_TOLERANCE)) {
          boolean handedOver =
              upsModules.anyMaintained(systems[s].firstModule, systems[s].modules)
                  && othersFeedAllOf(s);
          modes[s] = canBypass[s] && !handedOver ? UpsSystem.Mode.BYPASS : UpsSystem.Mode.DOWN;
          changedAny = true;
        }
      }
      if (!changedAny) {
        changedAny = dropOverloadedPlants(now);
      }
    } while (changedAny);

    boolean anyBattery = false;
    boolean anyBypass = false;
    for (int s = 0; s < systems.length; s++) {
      systems[s].apply(modes[s], loadWatts[s], charging[s], now);
      anyBattery |= modes[s] == UpsSystem.Mode.BATTERY && loadWatts[s] > 0;
      anyBypass |= modes[s] == UpsSystem.Mode.BYPASS && loadWatts[s] > 0;
    }
    if (anyBattery && batterySince < 0) {
      batterySince = now;
    } else if (!anyBattery && batterySince >= 0) {
      batteryNanos += now - batterySince;
      batterySince = -1;
    }

    for (int p = 0; p < paths; p++) {
      boolean on = false;
      for (int c = 0; c < cords; c++) {
        on |= cordFeeder[c * paths + p] >= 0;
      }
      if (on != powered[p]) {
        powered[p] = on;
        changed[p] = true;
        recordChange(p, on, now);
      }
    }
    recordMaintenance(anyBattery || anyBypass, now);
  }

  /**
   * Times of planned maintenance, and of exposure: a unit out for maintenance while some load is on
   * static bypass or a battery, some bus runs on its generators, or some rack group is dark.
   */
  private void recordMaintenance(boolean unconditioned, long now) {
    boolean maintaining = false;
    for (MaintenanceCalendar c : calendars) {
      maintaining |= c != null && c.anyOut();
    }
    boolean onGenerators = false;
    for (int b = 0; b < busLive.length; b++) {
      onGenerators |= busLive[b] && !sources.utilityLive(b);
    }
    boolean exposed = maintaining && (unconditioned || onGenerators || unpoweredPaths > 0);
    if (maintaining && maintenanceSince < 0) {
      maintenanceSince = now;
    } else if (!maintaining && maintenanceSince >= 0) {
      maintenanceNanos += now - maintenanceSince;
      maintenanceSince = -1;
    }
    if (exposed && exposedSince < 0) {
      exposedSince = now;
    } else if (!exposed && exposedSince >= 0) {
      exposedNanos += now - exposedSince;
      exposedSince = -1;
    }
  }

  /** System {@code s}'s mode with its bus as it is now, before any overload. */
  private void setMode(int s) {
    boolean live = busLive[systemSide[s]];
    int up = upModules[s];
    canBypass[s] = staticBypass && live;
    charging[s] = live && up > 0 && (batteries == null || batteries.isUp(s));
    if (up > 0 && (live || systems[s].hasEnergy())) {
      modes[s] = live ? UpsSystem.Mode.INVERTER : UpsSystem.Mode.BATTERY;
    } else if (live && upsModules.anyMaintained(systems[s].firstModule, systems[s].modules)) {
      // Every module out, one for maintenance: no capacity, so the overload step hands its load
      // over to the other cords, or puts it on bypass.
      modes[s] = UpsSystem.Mode.INVERTER;
    } else {
      modes[s] = canBypass[s] ? UpsSystem.Mode.BYPASS : UpsSystem.Mode.DOWN;
    }
  }

  /** Whether every rack group system {@code s} feeds now has another live cord or feeder. */
  private boolean othersFeedAllOf(int s) {
    for (int cord = 0; cord < cordFeeder.length; cord++) {
      if (cordFeeder[cord] != s) {
        continue;
      }
      int p = cord % paths;
      boolean other = false;
      for (int c = 0; c < cords; c++) {
        int f = cordFeeder[c * paths + p];
        other |= f >= 0 && f != s;
      }
      int alt = cordAlternate[cord];
      other |=
          cords == 1
              && alt >= 0
              && alt != s
              && modes[alt] != UpsSystem.Mode.DOWN
              && (staticSwitches == null || staticSwitches.isUp(p));
      if (!other) {
        return false;
      }
    }
    return true;
  }

  /**
   * Drops each bus on generators whose plant cannot carry its load: the chain's input for the UPS
   * output its systems draw from the bus, and the bus's share of the auxiliary load (in proportion
   * to that output, over all buses). The plant trips until the utility returns; the bus's systems
   * go to their batteries. Whether any was dropped.
   */
  private boolean dropOverloadedPlants(long now) {
    if (!sources.generatorCapacityChecked()) {
      return false;
    }
    double drawnAll = 0;
    for (int s = 0; s < systems.length; s++) {
      if (drawsFromBus(s)) {
        drawnAll += loadWatts[s];
      }
    }
    double auxiliary = auxiliaryWatts.getAsDouble();
    boolean dropped = false;
    for (int b = 0; b < busLive.length; b++) {
      if (!busLive[b] || sources.utilityLive(b)) {
        continue; // dead, or on the utility
      }
      double drawn = 0;
      for (int s = 0; s < systems.length; s++) {
        if (systemSide[s] == b && drawsFromBus(s)) {
          drawn += loadWatts[s];
        }
      }
      double share = drawnAll > 0 ? drawn / drawnAll : 1.0 / busLive.length;
      double load = drawn * inputPerUpsWatt + auxiliary * share;
      if (load > sources.generatorCapacityWatts(b) * (1 + CAPACITY_TOLERANCE)) {
        sources.tripGenerators(b, now);
        busLive[b] = false;
        for (int s = 0; s < systems.length; s++) {
          if (systemSide[s] == b) {
            setMode(s);
          }
        }
        dropped = true;
      }
    }
    return dropped;
  }

  private boolean drawsFromBus(int s) {
    return modes[s] == UpsSystem.Mode.INVERTER || modes[s] == UpsSystem.Mode.BYPASS;
  }

  /** Spreads each path's load over its live cords; sets {@code cordFeeder} (-1: dead cord). */
  private void assignLoads() {
    Arrays.fill(loadWatts, 0);
    for (int p = 0; p < paths; p++) {
      int live = 0;
      for (int c = 0; c < cords; c++) {
        int cord = c * paths + p;
        int feeder = -1;
        if (pdus.isUp(cord)) {
          int s = cordSystem[cord];
          if (modes[s] != UpsSystem.Mode.DOWN) {
            feeder = s;
          } else {
            int alt = cordAlternate[cord];
            if (alt >= 0 && modes[alt] != UpsSystem.Mode.DOWN) {
              feeder = alt;
            }
          }
          if (staticSwitches != null && !staticSwitches.isUp(p)) {
            feeder = -1; // a failed static transfer switch delivers nothing
          }
        }
        cordFeeder[cord] = feeder;
        if (feeder >= 0) {
          live++;
        }
      }
      if (live > 0) {
        double share = pathUpsWatts[p] / live;
        for (int c = 0; c < cords; c++) {
          int feeder = cordFeeder[c * paths + p];
          if (feeder >= 0) {
            loadWatts[feeder] += share;
          }
        }
      }
    }
  }

  private void recordChange(int p, boolean on, long now) {
    if (!on) {
      pathDownSince[p] = now;
      pathLossEvents[p]++;
      if (unpoweredPaths++ == 0) {
        siteDownSince = now;
        lossEvents++;
      }
    } else {
      pathDownNanos[p] += now - pathDownSince[p];
      if (--unpoweredPaths == 0) {
        long d = now - siteDownSince;
        lossNanos += d;
        if (lossEvents > lossDurations.length) {
          lossDurations = Arrays.copyOf(lossDurations, lossDurations.length * 2);
        }
        lossDurations[lossEvents - 1] = d;
      }
    }
  }

  private void notifyListeners(long now) {
    for (int p = 0; p < paths; p++) {
      if (changed[p]) {
        changed[p] = false;
        boolean on = powered[p];
        for (PowerPathListener l : listeners) {
          if (on) {
            l.powerRestored(p, now);
          } else {
            l.powerLost(p, now);
          }
        }
      }
    }
  }

  /** What the chain measured from its start to the simulation's present time. */
  public PowerChainResult result() {
    long now = sim.nowNanos();
    long observed = started ? now - startNanos : 0;
    List<PowerChainResult.PathResult> pathResults = new ArrayList<>(paths);
    double weighted = 0;
    double totalWatts = 0;
    for (double w : pathItWatts) {
      totalWatts += w;
    }
    for (int p = 0; p < paths; p++) {
      long down = pathDownNanos[p] + (powered[p] ? 0 : now - pathDownSince[p]);
      double availability = observed == 0 ? 1 : 1 - (double) down / observed;
      pathResults.add(new PowerChainResult.PathResult(p, availability, pathLossEvents[p], down));
      weighted += availability * (totalWatts > 0 ? pathItWatts[p] / totalWatts : 1.0 / paths);
    }
    long openLoss = unpoweredPaths > 0 ? now - siteDownSince : 0;
    long loss = lossNanos + openLoss;
    List<Long> durations = new ArrayList<>(lossEvents);
    for (int i = 0; i < lossEvents; i++) {
      durations.add(i == lossEvents - 1 && unpoweredPaths > 0 ? openLoss : lossDurations[i]);
    }
    long battery = batteryNanos + (batterySince >= 0 ? now - batterySince : 0);
    List<PowerChainResult.ComponentFailures> components = new ArrayList<>();
    sources.componentFailures(components);
    if (staticSwitches != null && staticSwitches.canFail()) {
      components.add(new PowerChainResult.ComponentFailures("sts", staticSwitches.failures()));
    }
    if (batteries != null && batteries.canFail()) {
      components.add(
          new PowerChainResult.ComponentFailures("battery_string", batteries.failures()));
    }
    return new PowerChainResult(
        observed,
        pathResults,
        observed == 0 ? 1 : 1 - (double) loss / observed,
        weighted,
        lossEvents,
        loss,
        durations,
        sources.utilityInterruptions(),
        sources.generatorStarts(),
        sources.generatorFailToStarts(),
        battery,
        upsModules.failures(),
        pdus.failures(),
        components,
        maintenanceResult(now));
  }

  private java.util.Optional<PowerChainResult.Maintenance> maintenanceResult(long now) {
    List<PowerChainResult.MaintainedKind> kinds = new ArrayList<>();
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      MaintenanceCalendar c = calendars[kind.ordinal()];
      if (c != null) {
        kinds.add(new PowerChainResult.MaintainedKind(kind.key(), c.periods(now)));
      }
    }
    if (kinds.isEmpty()) {
      return java.util.Optional.empty();
    }
    long m = maintenanceNanos + (maintenanceSince >= 0 ? now - maintenanceSince : 0);
    long e = exposedNanos + (exposedSince >= 0 ? now - exposedSince : 0);
    return java.util.Optional.of(new PowerChainResult.Maintenance(m, e, kinds));
  }
}
