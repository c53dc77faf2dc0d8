package org.aifactory.model.cooling;

import java.util.List;
import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.cooling.CoolingSizing.SizedLoop;
import org.aifactory.model.cooling.CoolingSizing.SizedStage;
import org.aifactory.model.hardware.Cluster;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.RepairCrews;
import org.aifactory.model.power.RepairableGroup;

/**
 * One coolant loop at run time: a lumped heat capacity C at one temperature T, the heat of its
 * clusters flowing in, and its units rejecting it.
 *
 * <p>Regimes. While the units can reject all the heat at the supply setpoint, the loop holds it
 * (HOLD): economisers (dry coolers, towers) first, at part load, chillers trimming the rest. When
 * they cannot, every unit runs flat out (FREE) and the loop follows C·dT/dt = Q − Q_ch − Σ UA_i·(T
 * − T_i) over the economisers warmer outdoors than the loop is not (T_i: the dry or wet bulb):
 * linear in T, so between events T is a closed-form exponential towards T_eq (or a straight line
 * without economisers). Every change of regime, of the set of economisers that reject heat, and
 * every GPU threshold is found as the exact time the exponential reaches a temperature (rounded up
 * to the next nanosecond), never by stepping time. Cooling power is constant between events (fans
 * and chillers at a fixed load), so its energy is P·Δt.
 *
 * <p>GPUs. The GPUs of the clusters that sit on this loop run at T + R·P (R: their thermal
 * resistance, P: the power of their hottest phase). When that would pass the slowdown temperature,
 * the loop sets a thermal limit: the highest power at which the loop's steady state keeps every GPU
 * at or below slowdown (a fixed point: less power, less heat, a cooler loop), never more than the
 * present temperature allows; when the loop has cooled enough the limit rises again. A GPU at its
 * lowest accepted limit that still reaches the shutdown temperature trips its cluster (cause {@code
 * thermal}); the cluster comes back when the loop has cooled below a restart temperature.
 */
final class ThermalLoop {
  /** Cooling power of a loop changed: the plant sums them and tells the ledger. */
  interface Owner {
    void coolingChanged(long now);

    double dryBulbCelsius();

    double wetBulbCelsius();
  }

  /** A cluster whose heat (a share of it) flows into this loop. */
  static final class Member {
    final Cluster cluster;
    final double share;
    final boolean gpusHere;
    final double resistance;
    final double slowdownCelsius;
    final double shutdownCelsius;
    final double minimumLimitWatts;

    Member(Cluster cluster, double share, boolean gpusHere, double resistance) {
      this.cluster = cluster;
      this.share = share;
      this.gpusHere = gpusHere;
      this.resistance = resistance;
      this.slowdownCelsius = cluster.power().gpu().slowdownCelsius();
      this.shutdownCelsius = cluster.power().gpu().shutdownCelsius();
      this.minimumLimitWatts = cluster.power().gpu().minimumLimitWatts();
    }

    /**
     * The thermal limit that keeps this cluster's hottest GPU at slowdown with the loop at {@code
     * celsius}: infinite when even its unlimited peak stays below.
     */
    double limitAt(double celsius) {
      double allowed = (slowdownCelsius - celsius) / resistance;
      if (allowed >= cluster.peakGpuWattsAt(Double.POSITIVE_INFINITY)) {
        return Double.POSITIVE_INFINITY;
      }
      return Math.max(allowed, minimumLimitWatts);
    }

    /**
     * A tripped cluster restarts when its GPUs at their lowest limit would be 5 K below slowdown: a
     * hysteresis (an ASSUMPTION) so that a loop at its limit does not trip and restart at once.
     */
    double restartCelsius(double setpoint) {
      return Math.max(setpoint, slowdownCelsius - resistance * minimumLimitWatts - RESTART_MARGIN);
    }
  }

  private static final double RESTART_MARGIN = 5;

  /** Chillers: evaporator this much below the supply, condenser this much above the air. */
  static final double EVAPORATOR_APPROACH = 2;

  static final double CONDENSER_APPROACH = 10;

  /** The smallest lift a chiller's COP is computed for (an ASSUMPTION bounding the COP). */
  static final double MINIMUM_LIFT = 10;

  /** AHRI 550/590 air-cooled rating point: 6.7 °C leaving chilled water, 35 °C outdoor air. */
  static final double RATING_SUPPLY = 6.7;

  static final double RATING_OUTDOOR = 35;

  private static final double KELVIN = 273.15;
  private static final double TOLERANCE = 1e-9;
  private static final int MAX_PASSES = 16;

  final CoolingSizing.Loop which;
  private final Simulation sim;
  private final Owner owner;
  private final double setpoint;
  private final double capacity;
  private final double designHeat;
  private final double pumpFraction;
  private final Stage[] stages;
  final List<Member> members;
  private final int thermalCause;
  private final Event crossingEvent = this::update;
  private final Event updateEvent = this::pendingUpdate;
  private boolean updatePending;

  // State.
  private boolean free;
  private double temperature;
  private long last;
  private double heatIn;
  private long crossingHandle = -1;
  private boolean updating;
  private boolean dirty;

  // Coefficients of the present interval.
  private double chillerMax;
  private double cop;
  private double slopeB;
  private double slopeA;
  private double equilibrium;
  private boolean[] active;
  private int[] upThen;

  /** Per member, as of the last update: its hottest GPU's power (0: tripped), and if limited. */
  private final double[] peakThen;

  private final boolean[] limitedThen;
  private double[] referenceThen;
  private double coolingWatts;
  private double towerHeatWatts;

  // Books.
  double heatInJoules;
  double heatRejectedJoules;
  double coolingJoules;
  double waterLitres;
  double maxCelsius;
  double maxGpuCelsius = Double.NEGATIVE_INFINITY;
  long freeNanos;
  long limitedNanos;
  long trips;

  /** One kind of unit with its group of installed units. */
  private static final class Stage {
    final HeatRejectionSpec spec;
    final RepairableGroup group;
    final int needed;
    final double conductancePerUnit;
    long shortNanos;

    Stage(SizedStage sized, RepairableGroup group) {
      this.spec = sized.spec();
      this.group = group;
      this.needed = sized.needed();
      this.conductancePerUnit =
          spec.kind() == HeatRejectionSpec.Kind.CHILLER
              ? 0
              : spec.unitCapacityWatts() / spec.ratingDifferenceKelvin();
    }

    boolean economiser() {
      return spec.kind() != HeatRejectionSpec.Kind.CHILLER;
    }
  }

  ThermalLoop(
      SizedLoop sized,
      List<Member> members,
      int thermalCause,
      Simulation sim,
      RandomStreams streams,
      Owner owner) {
    this.which = sized.loop();
    this.sim = sim;
    this.owner = owner;
    this.members = List.copyOf(members);
    this.thermalCause = thermalCause;
    this.setpoint = sized.spec().supplyCelsius();
    this.designHeat = sized.designHeatWatts();
    this.capacity = sized.spec().heatCapacitySecondsPerKelvin() * Math.max(designHeat, 1);
    this.pumpFraction = sized.spec().pumpPowerFraction();
    this.stages = new Stage[sized.stages().size()];
    RepairCrews crews = new RepairCrews(RepairCrewSpec.perUnit());
    for (int i = 0; i < stages.length; i++) {
      SizedStage s = sized.stages().get(i);
      String name = "cooling." + which.key() + "." + CoolingSizing.stageKey(s.spec().kind());
      int index = i;
      RepairableGroup group =
          new RepairableGroup(
              name,
              s.installed(),
              s.spec().timeToFailure(),
              s.spec().repair(),
              0, // no common cause among cooling units (a placeholder: none is cited)
              crews,
              sim,
              streams,
              now -> unitsChanged(index, now));
      stages[i] = new Stage(s, group);
    }
    this.peakThen = new double[members.size()];
    this.limitedThen = new boolean[members.size()];
    this.active = new boolean[stages.length];
    this.upThen = new int[stages.length];
    this.referenceThen = new double[stages.length];
    this.temperature = setpoint;
    this.maxCelsius = setpoint;
  }

  /** Starts the units' failures and takes the first state. */
  void start(long now) {
    last = now;
    for (Stage s : stages) {
      s.group.start(now);
    }
    update(now);
  }

  double coolingWatts() {
    return coolingWatts;
  }

  double temperature() {
    return temperature;
  }

  double setpoint() {
    return setpoint;
  }

  double designHeatWatts() {
    return designHeat;
  }

  /**
   * The loop's temperature at {@code t}, from its state at its last event on its present trajectory
   * (closed form); {@code t} at or after that event.
   */
  double temperatureAt(long t) {
    if (!free || t <= last) {
      return temperature;
    }
    double dt = (t - last) / 1e9;
    if (slopeB > 0) {
      return equilibrium + (temperature - equilibrium) * Math.exp(-slopeB * dt / capacity);
    }
    return temperature + slopeA / capacity * dt;
  }

  /** Brings the books to the horizon. */
  void finish(long horizonNanos) {
    advance(horizonNanos);
  }

  /** What the loop did. */
  org.aifactory.metrics.CoolingResult.LoopResult result() {
    String[] names = stageNames();
    java.util.List<org.aifactory.metrics.CoolingResult.StageResult> out =
        new java.util.ArrayList<>();
    for (int i = 0; i < stages.length; i++) {
      out.add(
          new org.aifactory.metrics.CoolingResult.StageResult(
              names[i],
              stages[i].group.units(),
              stages[i].needed,
              stages[i].group.failures(),
              stages[i].shortNanos));
    }
    return new org.aifactory.metrics.CoolingResult.LoopResult(
        which.key(),
        setpoint,
        designHeat,
        capacity,
        heatInJoules,
        heatRejectedJoules,
        capacity * (temperature - setpoint),
        coolingJoules,
        waterLitres,
        maxCelsius,
        maxGpuCelsius,
        freeNanos,
        limitedNanos,
        trips,
        out);
  }

  /** Time with fewer units up than needed, per stage, in stage order. */
  long[] shortNanos() {
    long[] out = new long[stages.length];
    for (int i = 0; i < stages.length; i++) {
      out[i] = stages[i].shortNanos;
    }
    return out;
  }

  String[] stageNames() {
    String[] out = new String[stages.length];
    for (int i = 0; i < stages.length; i++) {
      out[i] = CoolingSizing.stageKey(stages[i].spec.kind());
    }
    return out;
  }

  long[] unitFailures() {
    long[] out = new long[stages.length];
    for (int i = 0; i < stages.length; i++) {
      out[i] = stages[i].group.failures();
    }
    return out;
  }

  private void unitsChanged(int stage, long now) {
    update(now);
  }

  /**
   * A member's heat changed. The loop re-evaluates in an event of its own at the same instant,
   * after the one that changed the heat (a job in the middle of a transition is never told of a new
   * limit from inside it); during an update, the update simply runs another pass.
   */
  void heatChanged(long now) {
    if (updating) {
      dirty = true;
    } else if (!updatePending) {
      updatePending = true;
      sim.schedule(0, updateEvent);
    }
  }

  private void pendingUpdate(long now) {
    updatePending = false;
    update(now);
  }

  /** Brings the books to {@code now}, then re-evaluates everything: call on any change. */
  void update(long now) {
    if (updating) {
      dirty = true;
      return;
    }
    updating = true;
    try {
      advance(now);
      crossingHandle = cancel(crossingHandle);
      int pass = 0;
      do {
        dirty = false;
        heatIn = heat();
        evaluate();
        control(now);
        if (++pass > MAX_PASSES) {
          break; // limits and heat agree to rounding; the next event re-evaluates
        }
      } while (dirty);
      for (int k = 0; k < this.members.size(); k++) {
        Cluster c = this.members.get(k).cluster;
        peakThen[k] = c.tripped() ? 0 : c.peakGpuWattsAt(c.thermalLimitWatts());
        limitedThen[k] = c.tripped() || c.thermalLimitWatts() < Double.POSITIVE_INFINITY;
      }
      scheduleCrossing(now);
    } finally {
      updating = false;
    }
    owner.coolingChanged(now);
  }

  private long cancel(long handle) {
    if (handle != -1) {
      sim.cancel(handle);
    }
    return -1;
  }

  /** The heat flowing in now: each member's mean IT power, in its share. */
  private double heat() {
    double q = 0;
    for (Member m : members) {
      q += m.share * m.cluster.meanItWatts();
    }
    return q;
  }

  // ------------------------------------------------------------------ closed-form integration

  /** Integrates the present interval up to {@code now} (temperature, energies, water, books). */
  private void advance(long now) {
    long nanos = now - last;
    if (nanos <= 0) {
      return;
    }
    double dt = nanos / 1e9;
    double t0 = temperature;
    double t1;
    double meanT;
    if (!free) {
      t1 = setpoint;
      meanT = setpoint;
      heatRejectedJoules += heatIn * dt;
    } else {
      if (slopeB > 0) {
        double decay = Math.exp(-slopeB * dt / capacity);
        t1 = equilibrium + (t0 - equilibrium) * decay;
        meanT = equilibrium + (t0 - equilibrium) * capacity / (slopeB * dt) * (1 - decay);
      } else {
        t1 = t0 + slopeA / capacity * dt;
        meanT = t0 + slopeA / capacity * dt / 2;
      }
      heatRejectedJoules += (chillerMax + rejectedAt(meanT)) * dt;
      freeNanos += nanos;
    }
    heatInJoules += heatIn * dt;
    coolingJoules += coolingWatts * dt;
    double towerHeat = free ? towerHeatAt(meanT) : towerHeatWatts;
    waterLitres += towerHeat * dt / 3.6e6 * towerWaterPerKwh();
    maxCelsius = Math.max(maxCelsius, Math.max(t0, t1));
    boolean limited = false;
    for (int k = 0; k < members.size(); k++) {
      Member m = members.get(k);
      if (m.gpusHere && peakThen[k] > 0) {
        maxGpuCelsius = Math.max(maxGpuCelsius, Math.max(t0, t1) + m.resistance * peakThen[k]);
        limited |= limitedThen[k];
      }
    }
    if (limited) {
      limitedNanos += nanos;
    }
    for (int i = 0; i < stages.length; i++) {
      if (upThen[i] < stages[i].needed) {
        stages[i].shortNanos += nanos;
      }
    }
    temperature = t1;
    last = now;
  }

  /**
   * Heat the active economisers rejected with the loop at {@code celsius} (linear in it), with the
   * units up and the weather of the interval being integrated (taken at its start).
   */
  private double rejectedAt(double celsius) {
    double q = 0;
    for (int i = 0; i < stages.length; i++) {
      if (active[i]) {
        q += stages[i].conductancePerUnit * upThen[i] * (celsius - referenceThen[i]);
      }
    }
    return q;
  }

  private double towerHeatAt(double celsius) {
    double q = 0;
    for (int i = 0; i < stages.length; i++) {
      if (active[i] && stages[i].spec.kind() == HeatRejectionSpec.Kind.COOLING_TOWER) {
        q += stages[i].conductancePerUnit * upThen[i] * (celsius - referenceThen[i]);
      }
    }
    return q;
  }

  private double towerWaterPerKwh() {
    for (Stage s : stages) {
      if (s.spec.kind() == HeatRejectionSpec.Kind.COOLING_TOWER) {
        return s.spec.waterLitresPerKwh();
      }
    }
    return 0;
  }

  private double conductance(int i) {
    return stages[i].conductancePerUnit * stages[i].group.upUnits();
  }

  private double reference(int i) {
    return stages[i].spec.kind() == HeatRejectionSpec.Kind.COOLING_TOWER
        ? owner.wetBulbCelsius()
        : owner.dryBulbCelsius();
  }

  // ------------------------------------------------------------------ regime and cooling power

  /** What the economisers reject at the setpoint, flat out (0 for those warmer outdoors). */
  private double economiserCapacityAt(double celsius) {
    double q = 0;
    for (int i = 0; i < stages.length; i++) {
      if (stages[i].economiser()) {
        q += conductance(i) * Math.max(0, celsius - reference(i));
      }
    }
    return q;
  }

  /** Chillers' COP now: Carnot scaled to the rated COP at the rating point. */
  private double copNow(Stage chiller) {
    return cop(chiller.spec.ratedCop(), setpoint, owner.dryBulbCelsius());
  }

  /**
   * A chiller's COP making water at {@code supplyCelsius} on a day at {@code dryBulbCelsius}: the
   * Carnot COP of its lift, scaled to {@code ratedCop} at the rating point.
   */
  static double cop(double ratedCop, double supplyCelsius, double dryBulbCelsius) {
    double evaporator = supplyCelsius - EVAPORATOR_APPROACH + KELVIN;
    double lift = Math.max(MINIMUM_LIFT, dryBulbCelsius + CONDENSER_APPROACH + KELVIN - evaporator);
    double ratedEvaporator = RATING_SUPPLY - EVAPORATOR_APPROACH + KELVIN;
    double ratedLift = RATING_OUTDOOR + CONDENSER_APPROACH + KELVIN - ratedEvaporator;
    double carnotShare = ratedCop * ratedLift / ratedEvaporator;
    return carnotShare * evaporator / lift;
  }

  private void evaluate() {
    for (int i = 0; i < stages.length; i++) {
      upThen[i] = stages[i].group.upUnits();
      referenceThen[i] = reference(i);
    }
    chillerMax = 0;
    cop = Double.POSITIVE_INFINITY;
    for (Stage s : stages) {
      if (!s.economiser()) {
        chillerMax += s.spec.unitCapacityWatts() * s.group.upUnits();
        cop = copNow(s);
      }
    }
    double atSetpoint = economiserCapacityAt(setpoint);
    if (free && temperature <= setpoint + TOLERANCE && heatIn <= atSetpoint + chillerMax) {
      free = false;
      temperature = setpoint;
    } else if (!free && heatIn > (atSetpoint + chillerMax) * (1 + 1e-12)) {
      free = true;
      temperature = setpoint;
    }
    double pumps = pumpFraction * designHeat * cube(designHeat > 0 ? heatIn / designHeat : 0);
    if (!free) {
      double economised = Math.min(heatIn, atSetpoint);
      double load = atSetpoint > 0 ? economised / atSetpoint : 0;
      double fans = 0;
      double tower = 0;
      for (int i = 0; i < stages.length; i++) {
        Stage s = stages[i];
        double capacityHere = conductance(i) * Math.max(0, setpoint - reference(i));
        if (s.economiser() && capacityHere > 0) {
          fans +=
              s.spec.fanPowerFraction()
                  * s.spec.unitCapacityWatts()
                  * s.group.upUnits()
                  * cube(load);
          if (s.spec.kind() == HeatRejectionSpec.Kind.COOLING_TOWER) {
            tower += capacityHere * load;
          }
        }
        active[i] = false;
      }
      double chilled = heatIn - economised;
      towerHeatWatts = tower;
      coolingWatts = fans + (chilled > 0 ? chilled / cop : 0) + pumps;
      return;
    }
    // Flat out: which economisers reject heat on the way to equilibrium.
    double b = 0;
    double a = heatIn - chillerMax;
    for (int i = 0; i < stages.length; i++) {
      active[i] = stages[i].economiser() && reference(i) < temperature - TOLERANCE;
      if (active[i]) {
        b += conductance(i);
        a += conductance(i) * reference(i);
      }
    }
    boolean rising = b > 0 ? a / b > temperature : a > 0;
    if (rising) {
      for (int i = 0; i < stages.length; i++) {
        if (stages[i].economiser()
            && !active[i]
            && Math.abs(reference(i) - temperature) <= TOLERANCE
            && conductance(i) > 0) {
          active[i] = true; // at its outdoor temperature now, it rejects heat as the loop warms
          b += conductance(i);
          a += conductance(i) * reference(i);
        }
      }
    }
    slopeB = b;
    slopeA = a;
    equilibrium = b > 0 ? a / b : (a > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    double fans = 0;
    for (int i = 0; i < stages.length; i++) {
      if (active[i]) {
        fans +=
            stages[i].spec.fanPowerFraction()
                * stages[i].spec.unitCapacityWatts()
                * stages[i].group.upUnits();
      }
    }
    towerHeatWatts = 0;
    coolingWatts = fans + (chillerMax > 0 ? chillerMax / cop : 0) + pumps;
  }

  private static double cube(double x) {
    return x * x * x;
  }

  // ------------------------------------------------------------------ thermal limits

  /** Steady-state loop temperature for a heat {@code q}: the setpoint if held, else T_eq. */
  private double steadyCelsius(double q) {
    if (q <= economiserCapacityAt(setpoint) + chillerMax) {
      return setpoint;
    }
    // Q − Q_ch − Σ UA_i·max(0, T − T_i) = 0: decreasing in T; walk the breakpoints upwards.
    double lo = setpoint;
    double need = q - chillerMax;
    for (int pass = 0; pass <= stages.length; pass++) {
      double b = 0;
      double a = need;
      double next = Double.POSITIVE_INFINITY;
      for (int i = 0; i < stages.length; i++) {
        if (!stages[i].economiser() || conductance(i) <= 0) {
          continue;
        }
        double ref = reference(i);
        if (ref < lo + TOLERANCE) {
          b += conductance(i);
          a += conductance(i) * ref;
        } else {
          next = Math.min(next, ref);
        }
      }
      double t = b > 0 ? a / b : Double.POSITIVE_INFINITY;
      if (t <= next) {
        return Math.max(t, lo);
      }
      lo = next;
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The heat if every member with GPUs here had the limit its GPUs allow at {@code celsius}. */
  private double heatAt(double celsius) {
    double q = 0;
    for (Member m : members) {
      double it =
          m.gpusHere && !m.cluster.tripped()
              ? m.cluster.meanItWattsAt(m.limitAt(celsius))
              : m.cluster.meanItWatts();
      q += m.share * it;
    }
    return q;
  }

  /**
   * The loop temperature at which the members' thermal limits and the loop's steady state agree (a
   * fixed point, by bisection: a hotter loop means lower limits, less heat, a cooler loop).
   */
  private double limitTemperature() {
    double unlimited = steadyCelsius(heatAt(Double.NEGATIVE_INFINITY));
    boolean fine = true;
    double hottest = setpoint;
    for (Member m : members) {
      if (m.gpusHere && !m.cluster.tripped()) {
        hottest = Math.max(hottest, m.slowdownCelsius);
        if (unlimited + m.resistance * m.cluster.peakGpuWattsAt(Double.POSITIVE_INFINITY)
            > m.slowdownCelsius) {
          fine = false;
        }
      }
    }
    if (fine) {
      return Double.NEGATIVE_INFINITY; // no limit anywhere
    }
    double lo = setpoint;
    double hi = Math.min(unlimited, hottest);
    if (steadyCelsius(heatAt(hi)) > hi) {
      return hi; // even the lowest limits cannot hold it: the GPUs will reach shutdown
    }
    for (int i = 0; i < 80 && hi - lo > 1e-9; i++) {
      double mid = (lo + hi) / 2;
      if (steadyCelsius(heatAt(mid)) > mid) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** Sets the members' thermal limits and trips or restarts them. */
  private void control(long now) {
    double fixedPoint = -1;
    boolean computed = false;
    for (Member m : members) {
      if (!m.gpusHere) {
        continue;
      }
      Cluster c = m.cluster;
      if (c.tripped()) {
        if (temperature <= m.restartCelsius(setpoint) + TOLERANCE) {
          c.untrip(now);
        }
        continue;
      }
      double unlimitedPeak = c.peakGpuWattsAt(Double.POSITIVE_INFINITY);
      boolean hot = temperature + m.resistance * unlimitedPeak >= m.slowdownCelsius - TOLERANCE;
      if (c.thermalLimitWatts() == Double.POSITIVE_INFINITY && !hot) {
        continue; // below slowdown: GPUs throttle only once they reach it
      }
      if (!computed) {
        fixedPoint = limitTemperature();
        computed = true;
      }
      double target = m.limitAt(fixedPoint);
      double nowAllowed = m.limitAt(temperature);
      double limit = Math.min(target, nowAllowed);
      if (limit <= m.minimumLimitWatts
          && temperature + m.resistance * c.peakGpuWattsAt(m.minimumLimitWatts)
              >= m.shutdownCelsius - TOLERANCE) {
        trips++;
        c.setThermalLimit(now, Double.POSITIVE_INFINITY);
        c.trip(thermalCause, now);
        continue;
      }
      c.setThermalLimit(now, limit);
    }
  }

  // ------------------------------------------------------------------ crossings

  private void scheduleCrossing(long now) {
    if (!free) {
      return; // the loop holds its setpoint: nothing moves until an input changes
    }
    double soonest = Double.POSITIVE_INFINITY;
    soonest = Math.min(soonest, secondsTo(setpoint));
    for (int i = 0; i < stages.length; i++) {
      if (stages[i].economiser() && conductance(i) > 0) {
        soonest = Math.min(soonest, secondsTo(reference(i)));
      }
    }
    for (Member m : members) {
      if (!m.gpusHere) {
        continue;
      }
      Cluster c = m.cluster;
      if (c.tripped()) {
        soonest = Math.min(soonest, secondsTo(m.restartCelsius(setpoint)));
        continue;
      }
      double limit = c.thermalLimitWatts();
      double peak = c.peakGpuWattsAt(limit);
      // The hottest GPU reaching slowdown (a limit to set or lower), or shutdown at the minimum.
      soonest = Math.min(soonest, secondsTo(m.slowdownCelsius - m.resistance * peak));
      if (limit <= m.minimumLimitWatts) {
        soonest = Math.min(soonest, secondsTo(m.shutdownCelsius - m.resistance * peak));
      }
      // Cool enough for the limit the steady state allows: raise it then.
      if (limit < Double.POSITIVE_INFINITY) {
        double unlimitedPeak = c.peakGpuWattsAt(Double.POSITIVE_INFINITY);
        soonest = Math.min(soonest, secondsTo(m.slowdownCelsius - m.resistance * unlimitedPeak));
        double steady = m.limitAt(equilibrium);
        if (steady > limit) {
          soonest =
              Math.min(
                  soonest,
                  secondsTo(
                      m.slowdownCelsius
                          - m.resistance * Math.min(steady, c.peakGpuWattsAt(steady))));
        }
      }
    }
    if (soonest < Double.POSITIVE_INFINITY) {
      double nanos = Math.ceil(soonest * 1e9);
      long delay = nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE - now : Math.max(1, (long) nanos);
      if (delay < Long.MAX_VALUE - now) {
        crossingHandle = sim.schedule(delay, crossingEvent);
      }
    }
  }

  /**
   * Seconds until the loop, on its present trajectory, reaches {@code celsius}; infinite if it does
   * not (or is there already).
   */
  double secondsTo(double celsius) {
    double from = temperature;
    if (!Double.isFinite(celsius) || Math.abs(celsius - from) <= TOLERANCE) {
      return Double.POSITIVE_INFINITY;
    }
    if (slopeB > 0) {
      double gap0 = from - equilibrium;
      double gap1 = celsius - equilibrium;
      if (gap0 == 0 || Math.signum(gap0) != Math.signum(gap1) || Math.abs(gap1) >= Math.abs(gap0)) {
        return Double.POSITIVE_INFINITY;
      }
      return capacity / slopeB * Math.log(gap0 / gap1);
    }
    double rate = slopeA / capacity; // K per second
    double t = (celsius - from) / rate;
    return t > 0 ? t : Double.POSITIVE_INFINITY;
  }
}
