package org.aifactory.model.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.SitePowerListener;
import org.aifactory.metrics.SwingCause;
import org.aifactory.metrics.grid.CauseSwings;
import org.aifactory.metrics.grid.LevelCheck;
import org.aifactory.metrics.grid.Quadratic;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SiteResult;
import org.aifactory.metrics.grid.SiteSeries;

/**
 * The site at run time as the grid sees it. It hears every change of site load with its cause
 * ({@link SitePowerListener}), and between changes it dispatches the load to on-site generation,
 * the battery and the grid ({@link SiteDispatch}), checks the grid import against the grid's rules
 * ({@link RuleChecks}), keeps the books of energy, fuel and carbon, and splits the load's swings by
 * cause. It streams: nothing it keeps grows with the horizon. It changes nothing in the factory
 * (the power budget's caps are set when the run is built).
 *
 * <p>Before time 0 the site draws the level given to {@link #begin} (the factory idle, its cooling
 * at its start): windows that reach back before the run see it, and a job starting at time 0 is a
 * step from it.
 */
public final class SiteMonitor implements SitePowerListener, SiteDispatch.PieceSink {
  private final SiteSpec spec;
  private final Optional<PowerBudget> budget;
  private final long horizon;
  private final int buckets;
  private final long spanStart;
  private final long spanEnd;
  private final long[] swingWindows;

  private SiteDispatch dispatch;
  private RuleChecks rules;
  private CauseSwings swings;
  private CarbonBooks carbon;
  private SiteSeries series;
  private LevelCheck overBudget;

  private long last;
  private double load; // at last
  private double loadSlope; // W per ns: 0 but under GPU power smoothing's ramps
  private int runningJobs;

  private double loadJoules;
  private double importJoules;
  private double exportJoules;
  private double peakImport = Double.NEGATIVE_INFINITY;
  private double minImport = Double.POSITIVE_INFINITY;
  private double generationJoules;
  private double peakGeneration;

  // The grid import piece being extended: pieces that continue it (to within rounding) join it.
  private long gridFrom = -1;
  private long gridTo;
  private double gridValue;
  private double gridSlope;
  private double gridCurve;

  /** Relative difference below which a piece continues the last one: rounding, not a change. */
  private static final double CONTINUES = 1e-12;

  /**
   * @param spec the site
   * @param budget the budget's caps (set on the clusters by the run), if the site has a budget
   * @param horizonNanos end of the run
   * @param buckets buckets of the chart's series
   * @param spanStartNanos start of the span whose pieces are kept for the chart's zoom
   * @param spanEndNanos its end
   * @param recordingRampWindowNanos the ramp window of the swings by cause without a ramp rule
   */
  public SiteMonitor(
      SiteSpec spec,
      Optional<PowerBudget> budget,
      long horizonNanos,
      int buckets,
      long spanStartNanos,
      long spanEndNanos,
      long recordingRampWindowNanos) {
    this.spec = spec;
    this.budget = budget;
    this.horizon = horizonNanos;
    this.buckets = buckets;
    this.spanStart = spanStartNanos;
    this.spanEnd = spanEndNanos;
    // The causes' ramps over the first ramp rule's window (the recording's without one): one
    // window keeps the split cheap; the verdicts have every rule's own.
    long window =
        spec.rules().stream()
            .filter(r -> r instanceof GridRule.Ramp)
            .mapToLong(r -> ((GridRule.Ramp) r).windowNanos())
            .findFirst()
            .orElse(recordingRampWindowNanos);
    this.swingWindows = new long[] {window};
  }

  /** Starts at time 0 with the site drawing {@code siteWatts} (and since before the run). */
  public void begin(double siteWatts) {
    load = siteWatts;
    boolean dispatched = spec.battery().isPresent() || spec.generation().isPresent();
    dispatch = dispatched ? new SiteDispatch(spec.battery(), spec.generation(), siteWatts) : null;
    double generation =
        spec.generation().map(g -> Math.min(g.capacityWatts(), Math.max(0, siteWatts))).orElse(0.0);
    rules = new RuleChecks(spec.rules(), siteWatts - generation);
    swings = new CauseSwings(swingWindows);
    carbon = spec.carbon().map(CarbonBooks::new).orElse(null);
    series = new SiteSeries(horizon, buckets, spanStart, spanEnd);
    overBudget = spec.budgetWatts().map(b -> new LevelCheck(true, b)).orElse(null);
  }

  @Override
  public void sitePowerChanged(
      long now, double siteWatts, double siteWattsPerSecond, SwingCause cause) {
    settle(now);
    double slope = siteWattsPerSecond * 1e-9;
    swings.change(now, cause, siteWatts - load, slope - loadSlope);
    load = siteWatts;
    loadSlope = slope;
  }

  /** A job or a service starts running (the minimum load applies while some runs). */
  public void jobStarted(long now) {
    settle(now);
    if (runningJobs++ == 0) {
      rules.setRunning(true);
    }
  }

  /** A job has completed its work. */
  public void jobEnded(long now) {
    settle(now);
    if (--runningJobs == 0) {
      rules.setRunning(false);
    }
  }

  /** Dispatches [last, now) at the load held since the last change. */
  private void settle(long now) {
    if (now <= last) {
      return;
    }
    long to = Math.min(now, horizon);
    if (to > last) {
      if (overBudget != null) {
        overBudget.piece(last, to, load, loadSlope);
      }
      if (dispatch != null) {
        dispatch.loadChanged(last, load, loadSlope);
        dispatch.advance(last, to, this);
      } else {
        piece(
            last,
            to,
            load,
            loadSlope,
            load,
            loadSlope,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            load,
            loadSlope,
            0,
            Double.NaN);
      }
    }
    load += loadSlope * (double) (now - last);
    last = now;
  }

  @Override
  public void piece(
      long from,
      long to,
      double siteLoad,
      double siteLoadSlope,
      double smoothed,
      double smoothedSlope,
      double smoothedCurve,
      double generation,
      double generationSlope,
      double generationCurve,
      double battery,
      double batterySlope,
      double batteryCurve,
      double grid,
      double gridSlope,
      double gridCurve,
      double stateOfCharge) {
    double dt = to - from;
    loadJoules += (siteLoad + 0.5 * siteLoadSlope * dt) * dt * 1e-9;
    if (spec.generation().isPresent()) {
      if (generationCurve == 0) {
        double genEnd = generation + generationSlope * dt;
        generationJoules += 0.5 * (generation + genEnd) * dt * 1e-9;
        peakGeneration = Math.max(peakGeneration, Math.max(generation, genEnd));
      } else {
        generationJoules +=
            Quadratic.integral(generation, generationSlope, generationCurve, 0, dt) * 1e-9;
        peakGeneration =
            Math.max(
                peakGeneration,
                Quadratic.highest(generation, generationSlope, generationCurve, dt));
      }
    }
    series.piece(
        from,
        to,
        siteLoad,
        siteLoadSlope,
        smoothed,
        smoothedSlope,
        smoothedCurve,
        grid,
        gridSlope,
        gridCurve,
        stateOfCharge);
    if (gridFrom >= 0
        && from == gridTo
        && gridCurve == 0
        && this.gridCurve == 0
        && continues(from, grid, gridSlope)) {
      gridTo = to;
      return;
    }
    flushGrid();
    gridFrom = from;
    gridTo = to;
    gridValue = grid;
    this.gridSlope = gridSlope;
    this.gridCurve = gridCurve;
  }

  /** Whether a piece from {@code from} continues the grid piece being extended. */
  private boolean continues(long from, double value, double slope) {
    double scale = Math.max(1, Math.abs(gridValue));
    double expected = gridValue + gridSlope * (double) (from - gridFrom);
    return Math.abs(value - expected) <= CONTINUES * scale
        && Math.abs(slope - gridSlope) * 1e12 <= CONTINUES * scale; // over ~17 min
  }

  /** Hands the grid piece being extended to the rules and the books. */
  private void flushGrid() {
    if (gridFrom < 0) {
      return;
    }
    long from = gridFrom;
    long to = gridTo;
    double grid = gridValue;
    double slope = gridSlope;
    double curve = gridCurve;
    double dt = to - from;
    if (curve == 0) {
      double gridEnd = grid + slope * dt;
      double imported = CarbonBooks.positivePart(grid, slope, to - from);
      importJoules += imported;
      exportJoules += imported - 0.5 * (grid + gridEnd) * dt * 1e-9;
      peakImport = Math.max(peakImport, Math.max(grid, gridEnd));
      minImport = Math.min(minImport, Math.min(grid, gridEnd));
    } else {
      double imported = CarbonBooks.positivePart(grid, slope, curve, to - from);
      importJoules += imported;
      exportJoules += imported - Quadratic.integral(grid, slope, curve, 0, dt) * 1e-9;
      peakImport = Math.max(peakImport, Quadratic.highest(grid, slope, curve, dt));
      minImport = Math.min(minImport, Quadratic.lowest(grid, slope, curve, dt));
    }
    rules.piece(from, to, grid, slope, curve);
    if (carbon != null) {
      carbon.piece(from, to, grid, slope, curve);
    }
    gridFrom = -1;
  }

  /**
   * Closes the books at the horizon.
   *
   * @param windowStartNanos the recorder's full-resolution window, as found
   * @param windowEndNanos its end
   */
  public SiteResult finish(long windowStartNanos, long windowEndNanos) {
    settle(horizon);
    flushGrid();
    List<SiteResult.Spectrum> spectra = new ArrayList<>();
    List<RuleVerdict> verdicts = rules.finish(horizon, spectra);
    Optional<SiteBattery> battery = dispatch != null ? dispatch.battery() : Optional.empty();
    battery.ifPresent(b -> series.finalStateOfCharge(b.stateOfCharge()));
    Optional<SiteResult.BatteryResult> batteryResult =
        battery.map(b -> batteryResult(b.books(), spec.battery().get()));
    Optional<SiteResult.GenerationResult> generation =
        spec.generation()
            .map(
                g -> {
                  double fuel = generationJoules * g.mmbtuPerJoule();
                  return new SiteResult.GenerationResult(
                      g.capacityWatts(),
                      generationJoules,
                      peakGeneration,
                      fuel,
                      fuel * g.fuelDollarsPerMmbtu(),
                      fuel * g.co2KgPerMmbtu());
                });
    double generationKg = generation.map(SiteResult.GenerationResult::co2Kilograms).orElse(0.0);
    Optional<SiteResult.CarbonResult> carbonResult =
        Optional.ofNullable(carbon).map(c -> c.result(horizon, generationKg));
    Optional<SiteResult.BudgetResult> budgetResult =
        budget.map(
            b ->
                new SiteResult.BudgetResult(
                    b.budgetWatts(),
                    b.capFraction(),
                    b.installedWatts(),
                    b.cappedWatts(),
                    overBudget.worstWatts(),
                    overBudget.violationNanos()));
    return new SiteResult(
        verdicts,
        new SiteResult.GridEnergy(loadJoules, importJoules, exportJoules, peakImport, minImport),
        batteryResult,
        generation,
        carbonResult,
        budgetResult,
        swings.finish(horizon),
        series.series(),
        series.window(windowStartNanos, windowEndNanos),
        spectra);
  }

  private static SiteResult.BatteryResult batteryResult(
      SiteBattery.BatteryBooks b, BatterySpec spec) {
    return new SiteResult.BatteryResult(
        b.capacityJoules(),
        b.powerWatts(),
        spec.roundTripEfficiency(),
        b.initialJoules() / b.capacityJoules(),
        b.finalJoules() / b.capacityJoules(),
        b.lowestSoc(),
        b.highestSoc(),
        b.dischargedJoules(),
        b.chargedJoules(),
        b.lossJoules(),
        b.timesEmpty(),
        b.timesFull(),
        b.emptyNanos(),
        b.fullNanos(),
        spec.capitalDollars());
  }
}
