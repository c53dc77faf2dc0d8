package org.aifactory.model.cooling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.SimTime;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.CoolingResult;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.cooling.CoolingSizing.Loop;
import org.aifactory.model.cooling.CoolingSizing.SizedLoop;
import org.aifactory.model.hardware.Cluster;
import org.aifactory.model.hardware.ClusterSpec;

/**
 * The cooling plant at run time: the weather, hour by hour, and the coolant loops ({@link
 * ThermalLoop}) with their units, taking the heat of the clusters and setting their GPUs' thermal
 * limits. Its electric power (fans, pumps, chillers) is part of the site power: the plant tells the
 * ledger whenever it changes.
 *
 * <p>Random streams: {@code cooling.<loop>.<units>.<i>} per unit.
 */
public final class CoolingPlant implements Cluster.HeatListener, ThermalLoop.Owner {
  private final Simulation sim;
  private final WeatherSpec weather;
  private final double otherOverhead;
  private final List<ThermalLoop> loops = new ArrayList<>();
  private final List<List<ThermalLoop>> loopsOfCluster = new ArrayList<>();
  private final List<Cluster> clusters;
  private final Event nextHour = this::onHour;
  private final ThermalSeries series;
  private PowerLedger ledger;
  private LongConsumer powerListener = now -> {};
  private long hour;
  private double dryBulb;
  private double wetBulb;
  private double coolingWatts;
  private double maxDryBulb = Double.NEGATIVE_INFINITY;

  /**
   * @param thermalCause the cause index of trips (interruptions by heat)
   * @param horizonNanos end of the run (for the thermal series)
   * @param buckets buckets of the thermal series over the horizon
   */
  public CoolingPlant(
      FactorySpec factory,
      List<Cluster> clusters,
      int thermalCause,
      Simulation sim,
      RandomStreams streams,
      long horizonNanos,
      int buckets) {
    CoolingSpec spec = factory.facility().cooling().orElseThrow();
    this.sim = sim;
    this.weather = spec.weather();
    this.otherOverhead = spec.otherOverheadFraction();
    this.clusters = List.copyOf(clusters);
    for (int i = 0; i < clusters.size(); i++) {
      loopsOfCluster.add(new ArrayList<>());
    }
    for (Loop which : Loop.values()) {
      Optional<SizedLoop> sized = CoolingSizing.size(factory, which);
      if (sized.isEmpty()) {
        continue;
      }
      List<ThermalLoop.Member> members = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < clusters.size(); i++) {
        ClusterSpec cs = factory.clusters().get(i);
        ClusterCoolingSpec cooling = spec.coolingOf(cs.cooling());
        double share = which == Loop.LIQUID ? cooling.toLiquid() : cooling.toAir();
        boolean gpusHere =
            (which == Loop.LIQUID) == (cooling.type() == ClusterCoolingSpec.Type.LIQUID);
        if (share > 0 || gpusHere) {
          members.add(
              new ThermalLoop.Member(
                  clusters.get(i), share, gpusHere, cooling.thermalResistanceKelvinPerWatt()));
          indices.add(i);
        }
      }
      ThermalLoop loop = new ThermalLoop(sized.get(), members, thermalCause, sim, streams, this);
      loops.add(loop);
      for (int i : indices) {
        loopsOfCluster.get(i).add(loop);
      }
    }
    for (Cluster c : clusters) {
      c.setHeatListener(this);
    }
    this.series = new ThermalSeries(horizonNanos, buckets);
  }

  /** Told (with the time) whenever the cooling power changes, after the ledger. */
  public void setPowerListener(LongConsumer listener) {
    this.powerListener = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** The ledger to tell when the cooling power changes. */
  public void attach(PowerLedger ledger) {
    this.ledger = ledger;
  }

  /** Starts at the simulation's present time: the first hour's weather, the loops, their units. */
  public void start() {
    long now = sim.nowNanos();
    setWeather(0);
    for (ThermalLoop loop : loops) {
      loop.start(now);
    }
    if (!weather.constant()) {
      sim.schedule(SimTime.NANOS_PER_HOUR, nextHour);
    }
  }

  private void setWeather(long h) {
    hour = h;
    dryBulb = weather.dryBulbCelsius(h);
    wetBulb = weather.wetBulbCelsius(h);
    maxDryBulb = Math.max(maxDryBulb, dryBulb);
  }

  private void onHour(long now) {
    series.advance(now, this);
    setWeather(hour + 1);
    for (ThermalLoop loop : loops) {
      loop.update(now);
    }
    sim.schedule(SimTime.NANOS_PER_HOUR, nextHour);
  }

  @Override
  public void heatChanged(Cluster cluster, long now) {
    int i = clusters.indexOf(cluster);
    for (ThermalLoop loop : loopsOfCluster.get(i)) {
      loop.heatChanged(now);
    }
  }

  @Override
  public void coolingChanged(long now) {
    series.advance(now, this);
    double total = 0;
    for (ThermalLoop loop : loops) {
      total += loop.coolingWatts();
    }
    if (total != coolingWatts) {
      coolingWatts = total;
      if (ledger != null) {
        ledger.refresh(now);
      }
      powerListener.accept(now);
    }
  }

  @Override
  public double dryBulbCelsius() {
    return dryBulb;
  }

  @Override
  public double wetBulbCelsius() {
    return wetBulb;
  }

  /** Electric power of the cooling now: fans, pumps, chillers of every loop (W). */
  public double coolingWatts() {
    return coolingWatts;
  }

  /** Lighting, offices, controls: the facility's other overhead per watt of IT. */
  public double otherOverheadFraction() {
    return otherOverhead;
  }

  /** The first loop (liquid if there is one): the one the thermal series follows. */
  ThermalLoop primary() {
    return loops.get(0);
  }

  /** Share of the installed GPUs under a thermal limit now (tripped ones count as limited). */
  double limitedShare() {
    long gpus = 0;
    long limited = 0;
    for (Cluster c : clusters) {
      gpus += c.gpus();
      if (c.tripped() || c.thermalLimitWatts() < Double.POSITIVE_INFINITY) {
        limited += c.gpus();
      }
    }
    return gpus > 0 ? (double) limited / gpus : 0;
  }

  /** What the plant did over the run; call once, at the horizon. */
  public CoolingResult result(long horizonNanos) {
    List<CoolingResult.LoopResult> out = new ArrayList<>();
    for (ThermalLoop loop : loops) {
      loop.finish(horizonNanos);
      out.add(loop.result());
    }
    series.advance(horizonNanos, this);
    return new CoolingResult(weather.describe(), maxDryBulb, out, series.result());
  }
}
