package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.MetricStats;
import org.aifactory.report.ComparisonFigures.Money;

/**
 * The terminal rendering of a design comparison: tables in ranking order (cheapest first), the
 * reliability of each variant (left out for cooled halls without any electrical chain, where it
 * would be all dashes), its cooling (with a cooling plant), the value of its lost production by
 * what lost it (when anything but power outages lost some) and its cost per year, then a line
 * naming the cheapest variant and whether its lead over the runner-up is significant. Plain ASCII,
 * Locale.ROOT, lines end in "\n".
 */
final class ComparisonText {
  private static final String INDENT = "  ";
  private static final String PM = "+/-";

  private ComparisonText() {}

  static String render(ComparisonResult r) {
    StringBuilder out = new StringBuilder();
    int n = r.variants().size();
    out.append("Design comparison: ").append(r.scenario()).append('\n');
    out.append(INDENT)
        .append(Human.count(n))
        .append(n == 1 ? " variant, " : " variants, ")
        .append(Human.count(r.replications()))
        .append(r.replications() == 1 ? " replication" : " replications")
        .append(" of ")
        .append(ComparisonFigures.horizon(r.horizonHours()))
        .append(" each, seed ")
        .append(r.seed())
        .append(";\n")
        .append(INDENT)
        .append("all variants see the same random streams, so their differences are paired.\n");
    if (r.replications() == 1) {
      out.append(INDENT)
          .append("one replication: no confidence intervals (exact for a scenario without random\n")
          .append(INDENT)
          .append("failures); ranked by cost per year, cheapest first.\n\n");
    } else {
      out.append(INDENT)
          .append(PM)
          .append(
              " is the 95 % confidence half-width of the mean (Student t); ranked by expected\n")
          .append(INDENT)
          .append("cost per year, cheapest first; extra over best is paired by replication.\n\n");
    }
    // Cooled halls without an electrical chain: a table of dashes would say nothing.
    boolean reliability =
        !r.hasCooling() || r.variants().stream().anyMatch(v -> v.electrical() != null);
    if (reliability) {
      out.append(INDENT).append("Reliability, per year\n");
      out.append(reliability(r));
      out.append(fewEvents(r)).append('\n');
    }
    if (r.hasMaintenance()) {
      out.append(ComparisonMaintenance.text(r, INDENT)).append('\n');
    }
    Money money = money(r);
    if (r.hasCooling()) {
      out.append(ComparisonCooling.text(r, INDENT)).append('\n');
    }
    if (r.hasGrid()) {
      out.append(ComparisonGrid.text(r, INDENT)).append('\n');
    }
    out.append(ComparisonProduction.text(r, INDENT)).append('\n');
    if (ComparisonFigures.showsLossParts(r)) {
      out.append(ComparisonLosses.text(r, money, INDENT)).append('\n');
    }
    String perToken = ComparisonTokenCosts.text(r, INDENT);
    if (!perToken.isEmpty()) {
      out.append(perToken).append('\n');
    }
    out.append(INDENT)
        .append("Cost per year (")
        .append(money.unit())
        .append("): annualised capital + energy + value of production lost to power");
    if (ComparisonFigures.showsLossParts(r)) {
      out.append(" outages,\n").append(INDENT).append("thermal trips and throttling");
    }
    out.append('\n');
    out.append(costs(r, money));
    out.append('\n').append(INDENT).append(verdict(r, money)).append('\n');
    out.append('\n').append(ComparisonBreakEvens.text(r, money, INDENT));
    if (r.precision().isPresent()) {
      out.append('\n').append(ComparisonPrecision.text(r, money, INDENT));
    }
    return out.toString();
  }

  /** Fewer loss-of-load events than this in all the replications make a thin estimate. */
  static final int FEW_EVENTS = 10;

  /**
   * A caution when some variant with an electrical chain saw fewer than {@link #FEW_EVENTS}
   * loss-of-load events in all its replications: its downtime and power losses rest on them, and
   * their confidence intervals cover less than they say. Empty otherwise.
   */
  static String fewEvents(ComparisonResult r) {
    List<String> few = new ArrayList<>();
    for (int i : r.ranking()) {
      Variant v = r.variants().get(i);
      OptionalLong total = v.lossOfLoadEventsTotal();
      if (total.isPresent() && total.getAsLong() < FEW_EVENTS) {
        few.add(v.name() + " " + total.getAsLong());
      }
    }
    if (few.isEmpty()) {
      return "";
    }
    return INDENT
        + "Few loss-of-load events in "
        + ComparisonFigures.simulated(r)
        + " per variant ("
        + String.join(", ", few)
        + "):\n"
        + INDENT
        + "downtime and the production lost to power rest on them; more replications\n"
        + INDENT
        + "(--target-ci) narrow the estimate.\n";
  }

  private static String reliability(ComparisonResult r) {
    TextTable t =
        new TextTable(
            INDENT, RIGHT, LEFT, LEFT, LEFT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT,
            RIGHT, RIGHT);
    t.row(
        "",
        "",
        "",
        "",
        "downtime",
        "",
        "",
        "loss of load",
        "",
        "",
        "GPU-h lost",
        "",
        "",
        "events in all");
    t.row(
        "rank",
        "variant",
        "UPS",
        "generators",
        "(min)",
        "",
        "",
        "(events)",
        "",
        "",
        "(power)",
        "",
        "",
        ComparisonFigures.simulated(r));
    double years = ComparisonFigures.years(r);
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      ElectricalResult e = v.electrical();
      String[] down =
          cells(
              ComparisonFigures.downMinutesPerYear(v.availability()),
              ComparisonFigures.downMinutesPerYearCi(v.availability()));
      String[] lol = perYear(v.lossOfLoadEvents(), years);
      String[] lost = perYear(v.lostGpuHoursPower(), years);
      t.row(
          Integer.toString(rank + 1),
          v.name(),
          e == null ? "-" : e.upsDesign(),
          e == null ? "-" : e.generatorDesign(),
          down[0],
          down[1],
          down[2],
          lol[0],
          lol[1],
          lol[2],
          lost[0],
          lost[1],
          lost[2],
          v.lossOfLoadEventsTotal().isPresent()
              ? Human.count(v.lossOfLoadEventsTotal().getAsLong())
              : "-");
    }
    return t.render();
  }

  private static String costs(ComparisonResult r, Money money) {
    TextTable t =
        new TextTable(
            INDENT, RIGHT, LEFT, RIGHT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT,
            RIGHT);
    t.row("", "", "", "", "lost", "", "", "", "", "", "extra over");
    t.row("rank", "variant", "capital", "energy", "production", "", "", "total", "", "", "best");
    // one number of decimals for capital and energy: those of the most precise total
    int d = 0;
    for (Variant v : r.variants()) {
      MetricStats total = v.annualTotalDollars();
      d = Math.max(d, decimals(money.scale(halfWidth(total.ci95(), total.mean()))));
    }
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      String[] lost = cells(v.annualLostValueDollars(), money);
      String[] total = cells(v.annualTotalDollars(), money);
      String[] extra = rank == 0 ? new String[] {"-", "", ""} : cells(v.extraCostOverBest(), money);
      t.row(
          Integer.toString(rank + 1),
          v.name(),
          Human.fixed(money.scale(v.annualCapitalDollars()), d),
          Human.fixed(money.scale(v.annualEnergyDollars().mean()), d),
          lost[0],
          lost[1],
          lost[2],
          total[0],
          total[1],
          total[2],
          extra[0],
          extra[1],
          extra[2]);
    }
    return t.render();
  }

  /**
   * {@code Cheapest: N+1 at 73.50 $M/y; lead over 4N/3 0.020 +/- 0.050 $M/y, not significant (CI
   * includes 0)}: significant when the paired 95 % confidence interval of the runner-up's extra
   * cost excludes 0. With one replication there is no interval, and the line says so.
   */
  static String verdict(ComparisonResult r, Money money) {
    if (r.ranking().isEmpty()) {
      return "No variants.";
    }
    Variant best = r.variants().get(r.ranking().get(0));
    String per = " " + money.unit() + "/y";
    String line =
        "Cheapest: "
            + best.name()
            + " at "
            + Human.fixed(money.scale(best.annualTotalDollars().mean()), 2)
            + per;
    if (r.ranking().size() < 2) {
      return line + "; the only variant";
    }
    Variant next = r.variants().get(r.ranking().get(1));
    MetricStats extra = next.extraCostOverBest();
    String[] c = cells(extra, money);
    line +=
        "; lead over "
            + next.name()
            + " "
            + (c[1].isEmpty() ? c[0] : c[0] + " " + PM + " " + c[2])
            + per;
    if (r.replications() == 1) {
      return line
          + "; one replication: no confidence interval (exact for a scenario without random"
          + " failures)";
    }
    if (!Double.isFinite(extra.ci95())) {
      return line + ", no confidence interval";
    }
    return line
        + ", "
        + (Math.abs(extra.mean()) > extra.ci95()
            ? "significant (CI excludes 0)"
            : "not significant (CI includes 0)");
  }

  /**
   * The unit of the dollar columns: the comparison's one unit ({@link ComparisonFigures#money}).
   */
  static Money money(ComparisonResult r) {
    return ComparisonFigures.money(r.variants());
  }

  private static String[] cells(MetricStats s, Money money) {
    return cells(money.scale(s.mean()), money.scale(halfWidth(s.ci95(), s.mean())));
  }

  /**
   * A half-width rounded like in the files ({@link Formats#spread}): floating-point noise such as
   * 1.3e-9 $ on a mean of 8.2e6 $ is 0, not a reason for six decimals.
   */
  static double halfWidth(double ci, double mean) {
    return Formats.spreadValue(ci, mean);
  }

  private static String[] perYear(MetricStats s, double years) {
    return cells(s.mean() / years, s.ci95() / years);
  }

  /**
   * Mean, {@code +/-} and half-width; the decimals show two significant digits of the half-width,
   * and the mean is rounded to the half-width's precision.
   */
  static String[] cells(double mean, double ci) {
    boolean hasCi = Double.isFinite(ci);
    int d = hasCi && ci > 0 ? decimals(ci) : mean == Math.rint(mean) ? 0 : Human.decimalsFor(mean);
    return new String[] {
      Human.fixed(Human.roundToHalfWidth(mean, ci), d),
      hasCi ? PM : "",
      hasCi ? Human.fixed(Human.roundToHalfWidth(ci, ci), d) : ""
    };
  }

  /**
   * Decimals showing two significant digits of {@code ci} (none for 10 or more, 2 for 0 or NaN).
   */
  private static int decimals(double ci) {
    return Double.isFinite(ci) && ci > 0 ? Human.decimalsForHalfWidths(0, ci) : 2;
  }
}
