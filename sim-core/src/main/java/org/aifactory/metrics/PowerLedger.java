package org.aifactory.metrics;

import org.aifactory.model.facility.FacilityModel;

/**
 * The factory's power draw: GPU power and IT power (GPUs plus other IT), integrated exactly at each
 * change, and the site power derived from them through the facility model and handed to the {@link
 * PowerRecorder}. A facility with state of its own (a cooling plant) changes site power between IT
 * changes through {@link #refresh}.
 */
public final class PowerLedger {
  private final FacilityModel facility;
  private final PowerRecorder recorder;
  private double gpuWatts;
  private double itWatts;
  private double itVarianceWatts2;

  /** Below this fraction of mean², a variance is rounding left from cancelling changes. */
  private static final double VARIANCE_ROUNDING = 1e-12;

  private long last;
  private double gpuWattNanos;
  private double itWattNanos;
  private final StageLosses losses;
  private final double[] stageWatts;
  private final double[] stageWattNanos;

  public PowerLedger(FacilityModel facility, PowerRecorder recorder) {
    this(facility, recorder, null);
  }

  /**
   * @param losses conversion losses to integrate by stage, or null
   */
  public PowerLedger(FacilityModel facility, PowerRecorder recorder, StageLosses losses) {
    this.facility = facility;
    this.recorder = recorder;
    this.losses = losses;
    int n = losses == null ? 0 : losses.stages().size();
    this.stageWatts = new double[n];
    this.stageWattNanos = new double[n];
  }

  /** GPU power changes by {@code deltaGpuWatts} and IT power by {@code deltaItWatts} at now. */
  public void change(long now, double deltaGpuWatts, double deltaItWatts) {
    change(now, deltaGpuWatts, deltaItWatts, 0);
  }

  /**
   * As {@link #change(long, double, double)}, and the variance of the IT power within the present
   * states (W², from loads folded into their mean, such as averaged iterations) changes by {@code
   * deltaItVarianceWatts2}: losses quadratic in the load are taken at the mean square.
   */
  public void change(
      long now, double deltaGpuWatts, double deltaItWatts, double deltaItVarianceWatts2) {
    integrate(now);
    gpuWatts += deltaGpuWatts;
    itWatts += deltaItWatts;
    itVarianceWatts2 += deltaItVarianceWatts2;
    if (itVarianceWatts2 < VARIANCE_ROUNDING * itWatts * itWatts) {
      itVarianceWatts2 = 0; // what is left of additions and removals that cancel
    }
    if (losses != null) {
      losses.lossWatts(itWatts, itVarianceWatts2, stageWatts);
    }
    recorder.set(now, facility.facilityWatts(itWatts, itVarianceWatts2));
  }

  /**
   * The facility's own power changed at {@code now} (cooling units, weather) while the IT power did
   * not: site power is taken again from the facility model.
   */
  public void refresh(long now) {
    integrate(now);
    recorder.set(now, facility.facilityWatts(itWatts, itVarianceWatts2));
  }

  /** IT power now (W). */
  public double itWatts() {
    return itWatts;
  }

  private void integrate(long now) {
    long dt = now - last;
    if (dt > 0) {
      gpuWattNanos += gpuWatts * dt;
      itWattNanos += itWatts * dt;
      for (int i = 0; i < stageWatts.length; i++) {
        stageWattNanos[i] += stageWatts[i] * dt;
      }
      last = now;
    }
  }

  /** Closes the books at the recorder's horizon. */
  public void finish(long horizonNanos) {
    integrate(horizonNanos);
    recorder.finish();
  }

  public double gpuEnergyJoules() {
    return gpuWattNanos * 1e-9;
  }

  public double itEnergyJoules() {
    return itWattNanos * 1e-9;
  }

  public double facilityEnergyJoules() {
    return recorder.energyJoules();
  }

  /** Energy lost in each stage of {@link StageLosses#stages()}; empty without losses. */
  public double[] stageLossJoules() {
    double[] out = new double[stageWattNanos.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = stageWattNanos[i] * 1e-9;
    }
    return out;
  }

  public PowerRecorder recorder() {
    return recorder;
  }
}
