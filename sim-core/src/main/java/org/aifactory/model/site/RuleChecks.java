package org.aifactory.model.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.metrics.grid.BandCheck;
import org.aifactory.metrics.grid.DynamicRangeCheck;
import org.aifactory.metrics.grid.LevelCheck;
import org.aifactory.metrics.grid.RampCheck;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SignalHistory;
import org.aifactory.metrics.grid.SiteResult;

/**
 * The grid's rules checked on the grid import as it is dispatched: one exact check per rule, all
 * sharing one history of the signal, trimmed to the longest window they look back over.
 */
final class RuleChecks {
  /** A rule's check, turned into its verdict at the horizon. */
  private interface Verdict {
    RuleVerdict at(long horizonNanos, List<SiteResult.Spectrum> spectra);
  }

  private final List<Verdict> verdicts = new ArrayList<>();
  private final SignalHistory history;
  private final List<RampCheck> ramps = new ArrayList<>();
  private final List<DynamicRangeCheck> ranges = new ArrayList<>();
  private final List<LevelCheck> levels = new ArrayList<>();
  private final List<BandCheck> bands = new ArrayList<>();
  private LevelCheck minimum;
  private final double initial;

  /**
   * @param initialWatts the grid import before time 0
   */
  RuleChecks(List<GridRule> rules, double initialWatts) {
    boolean windowed = rules.stream().anyMatch(r -> r instanceof GridRule.DynamicRange);
    this.history = windowed ? new SignalHistory(initialWatts) : null;
    this.initial = initialWatts;
    for (GridRule rule : rules) {
      verdicts.add(check(rule));
    }
  }

  private Verdict check(GridRule rule) {
    if (rule instanceof GridRule.ImportCapacity c) {
      LevelCheck check = new LevelCheck(true, c.watts());
      levels.add(check);
      return (h, s) -> level(c, "import_capacity", check, "every instant");
    }
    if (rule instanceof GridRule.MinimumLoad m) {
      LevelCheck check = new LevelCheck(false, m.watts());
      check.setActive(false);
      levels.add(check);
      minimum = check;
      return (h, s) -> level(m, "minimum_load", check, "while a job or service runs");
    }
    if (rule instanceof GridRule.Ramp r) {
      RampCheck check = new RampCheck(r.windowNanos(), r.wattsPerSecond(), initial);
      ramps.add(check);
      return (h, s) ->
          new RuleVerdict(
              r.name(),
              "ramp",
              true,
              r.wattsPerSecond(),
              Math.abs(check.worstWattsPerSecond()),
              check.worstAtNanos(),
              check.violations(),
              check.violationNanos(),
              "adjacent sliding windows of " + Durations.text(r.windowNanos()),
              check.violationStarts());
    }
    if (rule instanceof GridRule.DynamicRange d) {
      DynamicRangeCheck check = new DynamicRangeCheck(history, d.windowNanos(), d.watts());
      ranges.add(check);
      return (h, s) -> {
        check.finish(h);
        return new RuleVerdict(
            d.name(),
            "dynamic_range",
            true,
            d.watts(),
            check.worstWatts(),
            check.worstAtNanos(),
            check.violations(),
            check.violationNanos(),
            "sliding windows of " + Durations.text(d.windowNanos()),
            check.violationStarts());
      };
    }
    GridRule.Oscillation o = (GridRule.Oscillation) rule;
    BandCheck check =
        new BandCheck(o.lowHz(), o.highHz(), o.windowNanos(), o.everyNanos(), o.watts());
    bands.add(check);
    return (h, spectra) -> {
      check.finish(h);
      spectra.add(
          new SiteResult.Spectrum(
              o.name(),
              o.lowHz(),
              o.highHz(),
              o.watts(),
              check.worstAtNanos(),
              1e9 / o.windowNanos(),
              check.worstSpectrum()));
      String every =
          o.everyNanos() == o.windowNanos()
              ? ""
              : ", one in every " + Durations.text(o.everyNanos());
      return new RuleVerdict(
          o.name(),
          "oscillation",
          true,
          o.watts(),
          check.windows() > 0 ? check.worstWatts() : Double.NaN,
          check.worstAtNanos(),
          check.violations(),
          check.violationNanos(),
          String.format(
              Locale.ROOT,
              "%,d windows of %s%s, %,d bin averages each, Hann window",
              check.windows(),
              Durations.text(o.windowNanos()),
              every,
              check.samples()),
          check.violationStarts());
    };
  }

  /** Whether a job runs (the minimum load applies) from now on. */
  void setRunning(boolean running) {
    if (minimum != null) {
      minimum.setActive(running);
    }
  }

  /** The grid import over [from, to): {@code watts} at {@code from}, then {@code slope} W/ns. */
  void piece(long from, long to, double watts, double slope) {
    piece(from, to, watts, slope, 0);
  }

  /**
   * The grid import over [from, to): at {@code from + τ} (τ in ns) it is {@code watts + slope·τ +
   * curve·τ²} (a battery following a moving average of a load of ramps imports such pieces).
   */
  void piece(long from, long to, double watts, double slope, double curve) {
    for (int i = 0; i < ramps.size(); i++) {
      ramps.get(i).piece(from, to, watts, slope, curve);
    }
    for (int i = 0; i < levels.size(); i++) {
      levels.get(i).piece(from, to, watts, slope, curve);
    }
    for (int i = 0; i < bands.size(); i++) {
      bands.get(i).piece(from, to, watts, slope, curve);
    }
    if (history != null) {
      history.add(from, to, watts, slope, curve);
      long needed = Long.MAX_VALUE;
      for (int i = 0; i < ranges.size(); i++) {
        DynamicRangeCheck d = ranges.get(i);
        d.advance();
        needed = Math.min(needed, d.neededFrom());
      }
      history.trimBefore(needed);
    }
  }

  /** The verdicts, in rule order, at the horizon; the worst spectrum of each oscillation rule. */
  List<RuleVerdict> finish(long horizonNanos, List<SiteResult.Spectrum> spectra) {
    List<RuleVerdict> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      out.add(v.at(horizonNanos, spectra));
    }
    return out;
  }

  private static RuleVerdict level(GridRule rule, String kind, LevelCheck c, String basis) {
    return new RuleVerdict(
        rule.name(),
        kind,
        c.upper(),
        rule.limit(),
        c.worstWatts(),
        c.worstAtNanos(),
        c.violations(),
        c.violationNanos(),
        basis,
        c.violationStarts());
  }
}
