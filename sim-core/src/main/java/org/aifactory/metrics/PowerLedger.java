package org.aifactory.metrics;

import java.util.Arrays;
import org.aifactory.model.facility.FacilityModel;

/**
 * The factory's power draw: GPU power and IT power (GPUs plus other IT), integrated exactly at each
 * change, and the site power derived from them through the facility model and handed to the {@link
 * PowerRecorder} (and any other {@link SitePowerSink}). A facility with state of its own (a cooling
 * plant) changes site power between IT changes through {@link #refresh}.
 *
 * <p><b>Piecewise-linear load.</b> Loads change in steps ({@link #change(long, double, double,
 * double)}), and a load under GPU power smoothing also ramps: {@link #change(long, double, double,
 * double, double, double)} changes the slopes (W/s) of GPU and IT power as well. Between two
 * changes GPU and IT power move along straight lines and are integrated in closed form (the
 * trapezoid). Site power is computed from the IT power at every change, and carried between changes
 * along the facility's tangent ({@link FacilityModel#facilityWattsPerItWatt}): exact for a fixed
 * PUE; with an electrical chain or a cooling plant, a ramp's conversion losses follow their tangent
 * at its start until the next change, where they are computed again. A run without ramps has every
 * slope 0 and the arithmetic of a step function, unchanged.
 *
 * <p><b>Unshaped shadow.</b> With load shaping (GPU smoothing, filler work, rack storage), the
 * ledger can keep a shadow ({@link #withUnshapedShadow}): the same factory's load as it would have
 * been drawn without the shaping, in the same run (same failures, same phases). Every step change
 * reaches the shadow too; a shaped load reports its changes with {@link #changeShaped} and its
 * unshaped changes to {@link #unshaped()} itself.
 */
public final class PowerLedger {
  private static final double NANOS_PER_SECOND = 1e9;

  private final FacilityModel facility;
  private final boolean monthly;
  private final PowerRecorder recorder;
  private SitePowerSink[] sinks = new SitePowerSink[0];
  private PowerLedger unshaped;
  private SitePowerListener siteListener;
  private SwingCause cause = SwingCause.OTHER;

  private double gpuWatts;
  private double itWatts;
  private double itVarianceWatts2;

  /** Slopes of GPU, IT and site power (W per ns); 0 without ramps. */
  private double gpuSlope;

  private double itSlope;
  private double siteSlope;

  /** Below this fraction of mean², a variance is rounding left from cancelling changes. */
  private static final double VARIANCE_ROUNDING = 1e-12;

  private long last;
  private double gpuWattNanos;
  private double itWattNanos;
  private final StageLosses losses;
  private final double[] stageWatts;
  private final double[] stageSlopes;
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
    this(facility, recorder, losses, true);
  }

  /**
   * @param monthly whether to keep the monthly figures ({@link #monthlyPue}); a shadow does not
   */
  private PowerLedger(
      FacilityModel facility, PowerRecorder recorder, StageLosses losses, boolean monthly) {
    this.facility = facility;
    this.monthly = monthly;
    this.recorder = recorder;
    this.losses = losses;
    int n = losses == null ? 0 : losses.stages().size();
    this.stageWatts = new double[n];
    this.stageSlopes = new double[n];
    this.stageWattNanos = new double[n];
  }

  /**
   * Keeps a shadow of this ledger: the load without shaping, through the same facility, recorded by
   * {@code recorder} (its peak, ramps and energy; it keeps no monthly figures). Only before the
   * first change.
   */
  public void withUnshapedShadow(PowerRecorder shadowRecorder) {
    if (last != 0 || gpuWatts != 0 || itWatts != 0) {
      throw new IllegalStateException("the shadow must be added before the first change");
    }
    this.unshaped = new PowerLedger(facility, shadowRecorder, null, false);
  }

  /** The unshaped shadow; null without one (no load shaping in the run). */
  public PowerLedger unshaped() {
    return unshaped;
  }

  /** Who hears every change of site power with its cause (one listener; null: none). */
  public void setSiteListener(SitePowerListener listener) {
    this.siteListener = listener;
  }

  /** The cause of the changes published next ({@link SwingCause#OTHER} after each publication). */
  public void causedBy(SwingCause next) {
    this.cause = next;
  }

  /** As {@link #change(long, double, double)}, caused by {@code why}. */
  public void change(long now, double deltaGpuWatts, double deltaItWatts, SwingCause why) {
    cause = why;
    change(now, deltaGpuWatts, deltaItWatts, 0);
  }

  /** As {@link #change(long, double, double, double)}, caused by {@code why}. */
  public void change(
      long now,
      double deltaGpuWatts,
      double deltaItWatts,
      double deltaItVarianceWatts2,
      SwingCause why) {
    cause = why;
    change(now, deltaGpuWatts, deltaItWatts, deltaItVarianceWatts2);
  }

  /** Site power now (W). */
  public double siteWatts() {
    return siteWatts;
  }

  /** Another receiver of site power, told after the recorder. */
  public void addSink(SitePowerSink sink) {
    sinks = Arrays.copyOf(sinks, sinks.length + 1);
    sinks[sinks.length - 1] = sink;
  }

  /** GPU power changes by {@code deltaGpuWatts} and IT power by {@code deltaItWatts} at now. */
  public void change(long now, double deltaGpuWatts, double deltaItWatts) {
    change(now, deltaGpuWatts, deltaItWatts, 0);
  }

  /**
   * As {@link #change(long, double, double)}, and the variance of the IT power within the present
   * states (W², from loads folded into their mean, such as averaged iterations) changes by {@code
   * deltaItVarianceWatts2}: losses quadratic in the load are taken at the mean square. An unshaped
   * load: the change reaches the shadow too.
   */
  public void change(
      long now, double deltaGpuWatts, double deltaItWatts, double deltaItVarianceWatts2) {
    if (unshaped != null) {
      unshaped.change(now, deltaGpuWatts, deltaItWatts, deltaItVarianceWatts2);
    }
    apply(now, deltaGpuWatts, deltaItWatts, deltaItVarianceWatts2, 0, 0);
  }

  /**
   * A step and a change of slope: at {@code now} GPU power jumps by {@code deltaGpuWatts} and its
   * slope changes by {@code deltaGpuWattsPerSecond}; the same for IT power; the variance as in
   * {@link #change(long, double, double, double)}. An unshaped load: the change reaches the shadow
   * too, and its ramps with it.
   */
  public void change(
      long now,
      double deltaGpuWatts,
      double deltaItWatts,
      double deltaItVarianceWatts2,
      double deltaGpuWattsPerSecond,
      double deltaItWattsPerSecond) {
    if (unshaped != null) {
      unshaped.change(
          now,
          deltaGpuWatts,
          deltaItWatts,
          deltaItVarianceWatts2,
          deltaGpuWattsPerSecond,
          deltaItWattsPerSecond);
    }
    apply(
        now,
        deltaGpuWatts,
        deltaItWatts,
        deltaItVarianceWatts2,
        deltaGpuWattsPerSecond,
        deltaItWattsPerSecond);
  }

  /**
   * As {@link #change(long, double, double, double, double, double)} for a shaped load: the shadow
   * is not told (the load reports its unshaped changes to {@link #unshaped()} itself).
   */
  public void changeShaped(
      long now,
      double deltaGpuWatts,
      double deltaItWatts,
      double deltaItVarianceWatts2,
      double deltaGpuWattsPerSecond,
      double deltaItWattsPerSecond) {
    apply(
        now,
        deltaGpuWatts,
        deltaItWatts,
        deltaItVarianceWatts2,
        deltaGpuWattsPerSecond,
        deltaItWattsPerSecond);
  }

  private void apply(
      long now,
      double deltaGpuWatts,
      double deltaItWatts,
      double deltaItVarianceWatts2,
      double deltaGpuWattsPerSecond,
      double deltaItWattsPerSecond) {
    integrate(now);
    gpuWatts += deltaGpuWatts;
    itWatts += deltaItWatts;
    itVarianceWatts2 += deltaItVarianceWatts2;
    if (itVarianceWatts2 < VARIANCE_ROUNDING * itWatts * itWatts) {
      itVarianceWatts2 = 0; // what is left of additions and removals that cancel
    }
    if (deltaGpuWattsPerSecond != 0 || deltaItWattsPerSecond != 0) {
      gpuSlope = addSlope(gpuSlope, deltaGpuWattsPerSecond / NANOS_PER_SECOND);
      itSlope = addSlope(itSlope, deltaItWattsPerSecond / NANOS_PER_SECOND);
    }
    computeSite();
    publish(now);
  }

  /** {@code slope + delta}, or 0 where that is only rounding left by ramps that cancel. */
  private static double addSlope(double slope, double delta) {
    double sum = slope + delta;
    return Math.abs(sum) < SLOPE_ROUNDING * Math.max(Math.abs(slope), Math.abs(delta)) ? 0 : sum;
  }

  /** Below this fraction of the slopes added, a slope is rounding left from cancelling ramps. */
  private static final double SLOPE_ROUNDING = 1e-12;

  /**
   * The facility's own power changed at {@code now} (cooling units, weather) while the IT power did
   * not: site power is taken again from the facility model.
   */
  public void refresh(long now) {
    if (unshaped != null) {
      unshaped.refresh(now);
    }
    integrate(now);
    computeSite();
    publish(now);
  }

  private void computeSite() {
    if (losses != null) {
      losses.lossWatts(itWatts, itVarianceWatts2, stageWatts);
    }
    siteWatts = facility.facilityWatts(itWatts, itVarianceWatts2);
    if (itSlope == 0) {
      siteSlope = 0;
      if (losses != null) {
        Arrays.fill(stageSlopes, 0);
      }
    } else {
      siteSlope = facility.facilityWattsPerItWatt(itWatts, itVarianceWatts2) * itSlope;
      if (losses != null) {
        losses.lossWattsPerItWatt(itWatts, itVarianceWatts2, stageSlopes);
        for (int i = 0; i < stageSlopes.length; i++) {
          stageSlopes[i] *= itSlope;
        }
      }
    }
  }

  private void publish(long now) {
    if (siteSlope == 0 && itSlope == 0) {
      recorder.set(now, siteWatts, itWatts);
      for (SitePowerSink s : sinks) {
        s.set(now, siteWatts, itWatts);
      }
    } else {
      double siteRate = siteSlope * NANOS_PER_SECOND;
      double itRate = itSlope * NANOS_PER_SECOND;
      recorder.set(now, siteWatts, itWatts, siteRate, itRate);
      for (SitePowerSink s : sinks) {
        s.set(now, siteWatts, itWatts, siteRate, itRate);
      }
    }
    if (siteListener != null) {
      siteListener.sitePowerChanged(now, siteWatts, siteSlope * NANOS_PER_SECOND, cause);
    }
    cause = SwingCause.OTHER;
  }

  /** IT power now (W). */
  public double itWatts() {
    return itWatts;
  }

  private void integrate(long now) {
    long dt = now - last;
    if (dt > 0) {
      if (monthly) {
        integrateMonths(last, now);
      }
      if (gpuSlope == 0 && itSlope == 0) {
        gpuWattNanos += gpuWatts * dt;
        itWattNanos += itWatts * dt;
        for (int i = 0; i < stageWatts.length; i++) {
          stageWattNanos[i] += stageWatts[i] * dt;
        }
      } else {
        double half = 0.5 * dt;
        gpuWattNanos += (2 * gpuWatts + gpuSlope * dt) * half;
        itWattNanos += (2 * itWatts + itSlope * dt) * half;
        gpuWatts += gpuSlope * dt;
        itWatts += itSlope * dt;
        for (int i = 0; i < stageWatts.length; i++) {
          stageWattNanos[i] += (2 * stageWatts[i] + stageSlopes[i] * dt) * half;
          stageWatts[i] += stageSlopes[i] * dt;
        }
        siteWatts += siteSlope * dt;
      }
      last = now;
    }
  }

  private void integrateMonths(long from, long to) {
    if (to <= monthEnd) { // the usual case: within the present month, no division
      monthItWattNanos[month] += itEnergyBetween(from, from, to);
      monthSiteWattNanos[month] += siteEnergyBetween(from, from, to);
      return;
    }
    long a = from;
    while (a < to) {
      int m = (int) (a / MONTH_NANOS);
      if (m >= monthItWattNanos.length) {
        int size = Math.max(m + 1, monthItWattNanos.length * 2);
        monthItWattNanos = Arrays.copyOf(monthItWattNanos, size);
        monthSiteWattNanos = Arrays.copyOf(monthSiteWattNanos, size);
      }
      long end = Math.min((m + 1) * MONTH_NANOS, to);
      monthItWattNanos[m] += itEnergyBetween(from, a, end);
      monthSiteWattNanos[m] += siteEnergyBetween(from, a, end);
      month = m;
      monthEnd = (m + 1) * MONTH_NANOS;
      a = end;
    }
  }

  /** ∫ IT power over [a, b] of the piece that started at {@code from} (W·ns). */
  private double itEnergyBetween(long from, long a, long b) {
    if (itSlope == 0) {
      return itWatts * (b - a);
    }
    return (2 * itWatts + itSlope * ((a - from) + (b - from))) * 0.5 * (b - a);
  }

  private double siteEnergyBetween(long from, long a, long b) {
    if (siteSlope == 0) {
      return siteWatts * (b - a);
    }
    return (2 * siteWatts + siteSlope * ((a - from) + (b - from))) * 0.5 * (b - a);
  }

  /**
   * PUE of each month ({@link #MONTH_NANOS}) up to {@code horizonNanos}: site energy / IT energy
   * (NaN for a month without IT energy).
   */
  public double[] monthlyPue(long horizonNanos) {
    if (!monthly) {
      throw new IllegalStateException("the unshaped shadow keeps no monthly figures");
    }
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
    if (unshaped != null) {
      unshaped.finish(horizonNanos);
    }
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
