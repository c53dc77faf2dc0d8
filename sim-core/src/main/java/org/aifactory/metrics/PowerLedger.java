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
  private SitePowerListener siteListener;
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
  private double siteWatts;
  private double[] monthItWattNanos = new double[1];
  private double[] monthSiteWattNanos = new double[1];
  private int month;
  private long monthEnd = MONTH_NANOS;

  /** A month of the monthly figures: a twelfth of a 365-day year, 730 h. */
  public static final long MONTH_NANOS = 730L * 3_600_000_000_000L;

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

  /** Who hears every change of site power with its cause (one listener; null: none). */
  public void setSiteListener(SitePowerListener listener) {
    this.siteListener = listener;
  }

  /** GPU power changes by {@code deltaGpuWatts} and IT power by {@code deltaItWatts} at now. */
  public void change(long now, double deltaGpuWatts, double deltaItWatts) {
    change(now, deltaGpuWatts, deltaItWatts, 0, SwingCause.OTHER);
  }

  /** As {@link #change(long, double, double)}, caused by {@code cause}. */
  public void change(long now, double deltaGpuWatts, double deltaItWatts, SwingCause cause) {
    change(now, deltaGpuWatts, deltaItWatts, 0, cause);
  }

  /**
   * As {@link #change(long, double, double)}, and the variance of the IT power within the present
   * states (W², from loads folded into their mean, such as averaged iterations) changes by {@code
   * deltaItVarianceWatts2}: losses quadratic in the load are taken at the mean square.
   */
  public void change(
      long now,
      double deltaGpuWatts,
      double deltaItWatts,
      double deltaItVarianceWatts2,
      SwingCause cause) {
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
    siteWatts = facility.facilityWatts(itWatts, itVarianceWatts2);
    recorder.set(now, siteWatts, itWatts);
    if (siteListener != null) {
      siteListener.sitePowerChanged(now, siteWatts, cause);
    }
  }

  /**
   * The facility's own power changed at {@code now} (cooling units, weather) while the IT power did
   * not: site power is taken again from the facility model.
   */
  public void refresh(long now) {
    integrate(now);
    siteWatts = facility.facilityWatts(itWatts, itVarianceWatts2);
    recorder.set(now, siteWatts, itWatts);
    if (siteListener != null) {
      siteListener.sitePowerChanged(now, siteWatts, SwingCause.OTHER);
    }
  }

  /** Site power now (W). */
  public double siteWatts() {
    return siteWatts;
  }

  /** IT power now (W). */
  public double itWatts() {
    return itWatts;
  }

  private void integrate(long now) {
    long dt = now - last;
    if (dt > 0) {
      integrateMonths(last, now);
      gpuWattNanos += gpuWatts * dt;
      itWattNanos += itWatts * dt;
      for (int i = 0; i < stageWatts.length; i++) {
        stageWattNanos[i] += stageWatts[i] * dt;
      }
      last = now;
    }
  }

  private void integrateMonths(long from, long to) {
    if (to <= monthEnd) { // the usual case: within the present month, no division
      monthItWattNanos[month] += itWatts * (to - from);
      monthSiteWattNanos[month] += siteWatts * (to - from);
      return;
    }
    long a = from;
    while (a < to) {
      int m = (int) (a / MONTH_NANOS);
      if (m >= monthItWattNanos.length) {
        int size = Math.max(m + 1, monthItWattNanos.length * 2);
        monthItWattNanos = java.util.Arrays.copyOf(monthItWattNanos, size);
        monthSiteWattNanos = java.util.Arrays.copyOf(monthSiteWattNanos, size);
      }
      long end = Math.min((m + 1) * MONTH_NANOS, to);
      monthItWattNanos[m] += itWatts * (end - a);
      monthSiteWattNanos[m] += siteWatts * (end - a);
      month = m;
      monthEnd = (m + 1) * MONTH_NANOS;
      a = end;
    }
  }

  /**
   * PUE of each month ({@link #MONTH_NANOS}) up to {@code horizonNanos}: site energy / IT energy
   * (NaN for a month without IT energy).
   */
  public double[] monthlyPue(long horizonNanos) {
    int months = (int) -Math.floorDiv(-horizonNanos, MONTH_NANOS);
    double[] pue = new double[months];
    for (int m = 0; m < months; m++) {
      double it = m < monthItWattNanos.length ? monthItWattNanos[m] : 0;
      double site = m < monthSiteWattNanos.length ? monthSiteWattNanos[m] : 0;
      pue[m] = it > 0 ? site / it : Double.NaN;
    }
    return pue;
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
