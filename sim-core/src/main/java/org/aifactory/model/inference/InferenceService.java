package org.aifactory.model.inference;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.LatencyHistogram;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.metrics.ServiceResult;
import org.aifactory.metrics.ServiceSeries;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.hardware.Cluster;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.workload.InferenceServiceSpec;

/**
 * An inference service at run time: a tenant of its cluster whose replicas live on systems it
 * holds, whose requests a {@link ServingModel} serves, and whose GPUs draw idle power plus (busy −
 * idle) × the share of their slots that are busy.
 *
 * <p>Replicas map to the systems' positions: when a replica is no larger than a system, each system
 * holds as many whole replicas as fit; a larger replica takes several whole systems. A replica
 * serves while every one of its systems is held. A system lost to a failure takes its replicas down
 * (their requests in service are lost to the failure's cause); a spare system, when the cluster has
 * one, brings them back after the spare swap time; otherwise they wait for a repaired system. The
 * power cap and the cooling's limit slow the slots through the GPU's power curve, like a training
 * job's phases.
 */
public final class InferenceService implements Cluster.Tenant {
  /** Cause of the replicas that have no system yet (no request is lost to it). */
  private static final String NO_SYSTEM = "no_system";

  private static final double NANOS_PER_HOUR = 3.6e12;

  private final InferenceServiceSpec spec;
  private final Cluster cluster;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final FailureCause[] causes;
  private final long swapNanos;
  private final ServingModel serving;
  private final SystemPower power;
  private final double itPerGpuWatt;
  private final double systemBaseItWatts;

  private final int share;
  private final int replicasPerPosition;
  private final int positionsPerReplica;
  private final int[] held;
  private final int[] positionOf;
  private final int[] replicaGeneration;
  private final boolean[] replicaServing;
  private int heldCount;
  private boolean started;

  private double limitWatts = Double.POSITIVE_INFINITY;
  private double slotAboveIdleGpuWatts;
  private double aboveIdleGpuWatts;
  private double reportedMeanItWatts;
  private long lastAccrual;
  private double heldSystemNanos;
  private double aboveIdleItJoules;
  private double slowSlotNanos;
  private double speed = 1;

  public InferenceService(
      InferenceServiceSpec spec,
      Cluster cluster,
      Simulation sim,
      PowerLedger ledger,
      RandomStreams streams,
      FailureCause[] causes,
      long swapNanos,
      ServiceTimeline timeline) {
    this.spec = spec;
    this.cluster = cluster;
    this.sim = sim;
    this.ledger = ledger;
    this.causes = causes;
    this.swapNanos = swapNanos;
    this.power = cluster.power();
    this.itPerGpuWatt = power.itPerGpuWatt();
    int perSystem = cluster.gpusPerSystem();
    this.systemBaseItWatts =
        perSystem * power.idleGpuWatts() * itPerGpuWatt + power.fixedOtherItWattsPerSystem();
    this.share = spec.shareOf(perSystem);
    if (spec.gpusPerReplica() <= perSystem) {
      replicasPerPosition = perSystem / spec.gpusPerReplica();
      positionsPerReplica = 1;
    } else {
      replicasPerPosition = 1;
      positionsPerReplica = spec.gpusPerReplica() / perSystem;
    }
    int positions = spec.systemsOn(perSystem);
    this.held = new int[positions];
    Arrays.fill(held, -1);
    this.positionOf = new int[cluster.systemCount()];
    Arrays.fill(positionOf, -1);
    this.replicaGeneration = new int[spec.replicas()];
    this.replicaServing = new boolean[spec.replicas()];
    ServingModel.Load load = this::busySlotsChanged;
    this.serving =
        spec.resolution() == ServiceResolution.REQUESTS
            ? new RequestService(spec, sim, streams, load)
            : new FluidService(spec, sim, load);
    serving.books().setTimeline(timeline);
    cluster.addTenant(this);
  }

  public InferenceServiceSpec spec() {
    return spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  /** Schedules the start of the service. */
  public void schedule() {
    sim.scheduleAt(spec.start().toNanos(), Simulation.DEFAULT_PRIORITY, this::start);
  }

  private void start(long now) {
    started = true;
    lastAccrual = now;
    limitWatts = currentLimit();
    slotAboveIdleGpuWatts = slotAboveIdle(limitWatts);
    speed = power.speed(spec.busyPowerFraction(), limitWatts);
    for (int p = 0; p < held.length; p++) {
      takeSystem(p);
    }
    serving.start(now);
    if (speed != 1) {
      serving.setSpeed(now, speed);
    }
    for (int r = 0; r < replicaServing.length; r++) {
      replicaServing[r] = true;
      if (!replicaComplete(r)) {
        replicaServing[r] = false;
        serving.replicaDown(r, now, NO_SYSTEM);
      }
    }
    if (heldCount < held.length) {
      cluster.awaitSystems(this);
    }
  }

  private boolean takeSystem(int position) {
    int s = cluster.takeFree(this, share);
    if (s < 0) {
      return false;
    }
    held[position] = s;
    positionOf[s] = position;
    heldCount++;
    return true;
  }

  private boolean replicaComplete(int replica) {
    int first = replica / replicasPerPosition * positionsPerReplica;
    for (int p = first; p < first + positionsPerReplica; p++) {
      if (held[p] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Replicas hosted (in part) at {@code position}: [first, last). */
  private int firstReplica(int position) {
    return position / positionsPerReplica * replicasPerPosition;
  }

  private int endReplica(int position) {
    return Math.min(replicaServing.length, firstReplica(position) + replicasPerPosition);
  }

  private void takeDown(int position, String cause, long now) {
    for (int r = firstReplica(position); r < endReplica(position); r++) {
      replicaGeneration[r]++;
      if (replicaServing[r]) {
        replicaServing[r] = false;
        serving.replicaDown(r, now, cause);
      }
    }
  }

  /** The replicas of {@code position} serve again after the spare swap time, if still whole. */
  private void bringUpLater(int position) {
    for (int r = firstReplica(position); r < endReplica(position); r++) {
      if (!replicaComplete(r)) {
        continue;
      }
      int replica = r;
      int generation = ++replicaGeneration[r];
      Event up =
          at -> {
            if (replicaGeneration[replica] == generation && replicaComplete(replica)) {
              replicaServing[replica] = true;
              serving.replicaUp(replica, at);
            }
          };
      sim.schedule(swapNanos, up);
    }
  }

  @Override
  public void systemLost(int system, int causeIndex, long now) {
    accrue(now);
    int position = positionOf[system];
    positionOf[system] = -1;
    held[position] = -1;
    heldCount--;
    takeDown(position, causes[causeIndex].name(), now);
    if (takeSystem(position)) {
      bringUpLater(position);
    } else {
      cluster.awaitSystems(this);
    }
  }

  @Override
  public void unitTakenOver(int system, int unit, int causeIndex, long now) {
    int position = positionOf[system];
    takeDown(position, causes[causeIndex].name(), now);
    bringUpLater(position);
  }

  @Override
  public void systemsFreed(long now) {
    accrue(now);
    for (int p = 0; p < held.length; p++) {
      if (held[p] < 0 && takeSystem(p)) {
        bringUpLater(p);
      }
    }
    if (heldCount < held.length) {
      cluster.awaitSystems(this);
    }
  }

  @Override
  public void limitChanged(long now) {
    if (!started) {
      return;
    }
    double limit = currentLimit();
    if (limit == limitWatts) {
      return;
    }
    accrue(now);
    limitWatts = limit;
    double perSlot = slotAboveIdle(limit);
    changeAboveIdle(now, serving.busySlots() * (perSlot - slotAboveIdleGpuWatts));
    slotAboveIdleGpuWatts = perSlot;
    double newSpeed = power.speed(spec.busyPowerFraction(), limit);
    if (newSpeed != speed) {
      speed = newSpeed;
      serving.setSpeed(now, newSpeed);
    }
  }

  private double currentLimit() {
    return Math.min(cluster.capWatts(), cluster.thermalLimitWatts());
  }

  /** GPU watts above idle of one busy slot under {@code limit}. */
  private double slotAboveIdle(double limit) {
    double busy = power.limitedGpuWatts(spec.busyPowerFraction(), limit);
    return Math.max(0, busy - power.idleGpuWatts()) * spec.gpusPerReplica() / spec.batch();
  }

  private void busySlotsChanged(long now, double deltaBusySlots) {
    accrue(now);
    changeAboveIdle(now, deltaBusySlots * slotAboveIdleGpuWatts);
  }

  private void changeAboveIdle(long now, double deltaGpuWatts) {
    if (deltaGpuWatts == 0) {
      return;
    }
    aboveIdleGpuWatts += deltaGpuWatts;
    ledger.change(now, deltaGpuWatts, deltaGpuWatts * itPerGpuWatt);
    // The coolant averages single requests: the cooling hears of changes of 1 % of full load.
    double meanIt = aboveIdleGpuWatts * itPerGpuWatt;
    double full = spec.slots() * slotAboveIdleGpuWatts * itPerGpuWatt;
    if (Math.abs(meanIt - reportedMeanItWatts) > 0.01 * full || meanIt == 0) {
      cluster.addMeanIt(now, meanIt - reportedMeanItWatts);
      reportedMeanItWatts = meanIt;
    }
  }

  private void accrue(long now) {
    if (!started) {
      return;
    }
    long dt = now - lastAccrual;
    if (dt > 0) {
      heldSystemNanos += (double) heldCount * dt;
      aboveIdleItJoules += aboveIdleGpuWatts * itPerGpuWatt * dt / 1e9;
      if (speed < 1) {
        slowSlotNanos += serving.busySlots() * dt;
      }
      lastAccrual = now;
    }
  }

  @Override
  public double meanItAboveIdleAt(double limitWatts) {
    return serving.busySlots() * slotAboveIdle(limitWatts) * itPerGpuWatt;
  }

  @Override
  public double peakGpuWattsAt(double limitWatts) {
    return heldCount == 0 ? 0 : power.limitedGpuWatts(spec.busyPowerFraction(), limitWatts);
  }

  /** Closes the books at the horizon. */
  public void finish(long horizon) {
    if (!started) {
      return;
    }
    accrue(horizon);
    serving.finish(horizon);
  }

  /** What the service did over a run of {@code horizon} ns. */
  public ServiceResult result(long horizon) {
    long active = Math.max(0, horizon - spec.start().toNanos());
    ServiceBooks b = serving.books();
    Map<String, Double> dropped = new LinkedHashMap<>();
    double droppedRequests = 0;
    for (String cause : b.dropCauses()) {
      dropped.put(cause, b.droppedTokens(cause));
      droppedRequests += b.droppedRequests(cause);
    }
    double slotNanos = (double) spec.slots() * active;
    return new ServiceResult(
        spec.name(),
        spec.cluster(),
        spec.gpus(),
        spec.replicas(),
        spec.resolution().name().toLowerCase(Locale.ROOT),
        b.arrivedRequests(),
        b.servedRequests(),
        b.demandedTokens(),
        b.servedTokens(),
        b.servedPromptTokens(),
        dropped,
        droppedRequests,
        b.queuedAtEnd(),
        b.inServiceAtEnd(),
        slotNanos > 0 ? b.busySlotNanos() / slotNanos : 0,
        b.waits().mean(),
        quantiles(b.firstToken()),
        quantiles(b.endToEnd()),
        heldSystemNanos * cluster.gpusPerSystem() / NANOS_PER_HOUR,
        slowSlotNanos * spec.gpusPerReplica() / spec.batch() / NANOS_PER_HOUR,
        heldSystemNanos / 1e9 * systemBaseItWatts + aboveIdleItJoules,
        series(b.timeline()));
  }

  private static ServiceSeries series(ServiceTimeline t) {
    if (t == null) {
      return new ServiceSeries(0, new double[0], new double[0], new double[0]);
    }
    return new ServiceSeries(
        t.bucketNanos() / 1e9, t.demandedTokens(), t.servedTokens(), t.p99Seconds());
  }

  private static double[] quantiles(LatencyHistogram h) {
    double[] q = new double[ServiceResult.QUANTILES.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = h.count() > 0 ? h.quantile(ServiceResult.QUANTILES[i]) : Double.NaN;
    }
    return q;
  }
}
