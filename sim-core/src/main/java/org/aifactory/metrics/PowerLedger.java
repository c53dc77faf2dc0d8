package org.aifactory.metrics;

import org.aifactory.model.facility.FacilityModel;

/**
 * The factory's power draw: GPU power and IT power (GPUs plus other IT), integrated exactly at each
 * change, and the site power derived from them through the facility model and handed to the {@link
 * PowerRecorder}.
 */
public final class PowerLedger {
  private final FacilityModel facility;
  private final PowerRecorder recorder;
  private double gpuWatts;
  private double itWatts;
  private long last;
  private double gpuWattNanos;
  private double itWattNanos;

  public PowerLedger(FacilityModel facility, PowerRecorder recorder) {
    this.facility = facility;
    this.recorder = recorder;
  }

  /** GPU power changes by {@code deltaGpuWatts} and IT power by {@code deltaItWatts} at now. */
  public void change(long now, double deltaGpuWatts, double deltaItWatts) {
    integrate(now);
    gpuWatts += deltaGpuWatts;
    itWatts += deltaItWatts;
    recorder.set(now, facility.facilityWatts(itWatts));
  }

  private void integrate(long now) {
    long dt = now - last;
    if (dt > 0) {
      gpuWattNanos += gpuWatts * dt;
      itWattNanos += itWatts * dt;
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

  public PowerRecorder recorder() {
    return recorder;
  }
}
