package org.aifactory.report;

import static org.aifactory.report.SummarySections.INDENT;
import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import org.aifactory.metrics.grid.CauseSwing;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SiteResult;

/**
 * The grid's part of the terminal summary: the verdict on each rule (pass or FAIL, worst value,
 * limit, margin, when, violations and their time), the load's swings by cause, and the battery,
 * generation, budget and carbon figures. Lines end in "\n".
 */
final class GridText {
  private GridText() {}

  static String render(SiteResult s) {
    StringBuilder out = new StringBuilder();
    long broken = s.rules().stream().filter(r -> !r.pass()).count();
    out.append('\n')
        .append("Grid compliance: ")
        .append(
            s.rules().isEmpty()
                ? "no rules"
                : broken == 0
                    ? "all " + s.rules().size() + " rules pass"
                    : broken + " of " + s.rules().size() + " rules FAIL")
        .append('\n');
    if (!s.rules().isEmpty()) {
      TextTable t =
          new TextTable(INDENT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, RIGHT);
      t.row("rule", "verdict", "worst", "limit", "margin", "unit", "at (h)", "violations", "for");
      for (RuleVerdict v : s.rules()) {
        t.row(
            v.name(),
            v.pass() ? "pass" : "FAIL",
            mw(v.worst()),
            mw(v.limit()),
            mw(v.margin()),
            v.isRamp() ? "MW/s" : "MW",
            Double.isNaN(v.worstAtNanos()) ? "-" : Human.fixed(v.worstAtNanos() / 3.6e12, 4),
            Human.count(v.violations()),
            Human.duration(v.violationNanos() / 1e9));
      }
      out.append(t.render());
      for (RuleVerdict v : s.rules()) {
        out.append(INDENT).append(v.name()).append(": ").append(v.basis()).append('\n');
      }
    }
    out.append('\n').append("Site load swings by cause (before battery and generation)\n");
    TextTable c = new TextTable(INDENT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT);
    String window =
        s.swings().isEmpty() || s.swings().get(0).rampWindowsNanos().isEmpty()
            ? ""
            : " over " + Human.duration(s.swings().get(0).rampWindowsNanos().get(0) / 1e9);
    c.row(
        "cause",
        "changes",
        "largest up (MW)",
        "largest down (MW)",
        "max ramp" + window + " (MW/s)");
    for (CauseSwing w : s.swings()) {
      c.row(
          w.label(),
          Human.count(w.changes()),
          mw(w.largestUpWatts()),
          mw(w.largestDownWatts()),
          w.maxRampWattsPerSecond().isEmpty() ? "-" : mw(w.maxRampWattsPerSecond().get(0)));
    }
    out.append(c.render());
    TextTable f = new TextTable(INDENT, LEFT, RIGHT, LEFT);
    SiteResult.GridEnergy g = s.grid();
    f.row("grid import", mwh(g.importJoules()), "MWh");
    if (g.exportJoules() > 0) {
      f.row("grid export", mwh(g.exportJoules()), "MWh");
    }
    f.row("peak grid import", mw(g.peakImportWatts()), "MW");
    s.budget()
        .ifPresent(
            b -> {
              f.row("site budget", mw(b.budgetWatts()), "MW");
              f.row("  GPU cap to fit", Human.fixed(100 * b.capFraction(), 2), "% of TDP");
              f.row("  installed load", mw(b.installedWatts()), "MW");
              f.row("  peak site load", mw(b.peakSiteWatts()), "MW");
            });
    s.battery()
        .ifPresent(
            b -> {
              f.row("battery delivered", mwh(b.dischargedJoules()), "MWh");
              f.row("  energy lost", mwh(b.lossJoules()), "MWh");
              f.row("  equivalent full cycles", Human.fixed(b.equivalentFullCycles(), 2), "");
              f.row("  times empty / full", b.timesEmpty() + " / " + b.timesFull(), "");
              f.row(
                  "  state of charge",
                  Human.fixed(100 * b.lowestSoc(), 1)
                      + " to "
                      + Human.fixed(100 * b.highestSoc(), 1),
                  "%");
            });
    s.generation()
        .ifPresent(
            x -> {
              f.row("on-site generation", mwh(x.energyJoules()), "MWh");
              f.row("  fuel cost", Human.count(Math.round(x.fuelDollars())), "$");
            });
    s.carbon()
        .ifPresent(
            x -> {
              f.row("CO2 (grid + on-site)", Human.fixed(x.totalCo2Kilograms() / 1e3, 1), "t");
              if (!Double.isNaN(x.cfeShare())) {
                f.row("24/7 carbon-free share", Human.fixed(100 * x.cfeShare(), 1), "%");
              }
            });
    out.append('\n').append("Site energy\n").append(f.render());
    return out.toString();
  }

  private static String mw(double watts) {
    if (Double.isNaN(watts)) {
      return "-";
    }
    double v = watts / 1e6;
    return Human.fixed(v, Human.decimalsFor(v));
  }

  private static String mwh(double joules) {
    double v = joules / 3.6e9;
    return Human.fixed(v, Human.decimalsFor(v));
  }
}
