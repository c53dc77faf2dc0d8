package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.MetricStats;
import org.aifactory.report.ComparisonFigures.Money;

/**
 * The {@code index.html} of a design comparison: the verdict, one row per variant in ranking order
 * (its description, designs, downtime and cost per year with 95 % confidence half-widths, in one
 * money unit), the value of the lost production by what lost it and the cooling table when the
 * terminal shows them, the chart, the notes of comparison.json and the files.
 */
final class ComparisonIndex {
  private static final String PM = "±";

  private ComparisonIndex() {}

  static void write(ComparisonResult r, Path dir) throws IOException {
    Money money = ComparisonText.money(r);
    String per = " (" + money.unit() + " / year)";
    HtmlTable t =
        new HtmlTable(
            List.of(
                "rank",
                "variant",
                "description",
                "UPS",
                "generators",
                "downtime (min / year)",
                "loss-of-load events in all " + ComparisonFigures.simulated(r),
                (ComparisonFigures.showsLossParts(r)
                        ? "lost production: power outages + thermal trips + throttling"
                        : "lost production")
                    + per,
                "annual cost" + per,
                "extra over the cheapest" + per),
            true,
            false,
            false,
            false,
            false,
            true,
            true,
            true,
            true,
            true);
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      ElectricalResult e = v.electrical();
      t.row(
          Integer.toString(rank + 1),
          v.name(),
          v.description(),
          e == null ? "-" : e.upsDesign(),
          e == null ? "-" : e.generatorDesign(),
          text(
              ComparisonFigures.downMinutesPerYear(v.availability()),
              ComparisonFigures.downMinutesPerYearCi(v.availability())),
          v.lossOfLoadEventsTotal().isPresent()
              ? Human.count(v.lossOfLoadEventsTotal().getAsLong())
              : "-",
          money(v.annualLostValueDollars(), money),
          money(v.annualTotalDollars(), money),
          rank == 0 ? "cheapest" : money(v.extraCostOverBest(), money));
    }
    String facts =
        Human.count(r.variants().size())
            + (r.variants().size() == 1 ? " variant, " : " variants, ")
            + Human.count(r.replications())
            + (r.replications() == 1 ? " replication of " : " replications of ")
            + ComparisonFigures.horizon(r.horizonHours())
            + " each, seed "
            + r.seed()
            + "; the same random streams for all; "
            + (r.replications() == 1
                ? "one replication: no confidence intervals (exact for a scenario without random"
                    + " failures)"
                : PM + " is the 95 % confidence half-width of the mean");
    List<IndexPage.Section> sections = new ArrayList<>();
    if (r.tokenRanking().isPresent()) {
      sections.add(
          new IndexPage.Section(
              "Ranking by cost per million tokens",
              "<pre>" + Html.escape(ComparisonTokenCosts.text(r, "")) + "</pre>\n"));
    }
    sections.add(
        new IndexPage.Section(
            "Ranking, cheapest first",
            "<p>" + Html.escape(ComparisonText.verdict(r, money)) + "</p>\n" + t.render()));
    sections.add(
        new IndexPage.Section(
            "Production, per replication of " + ComparisonFigures.horizon(r.horizonHours()),
            "<p>Tokens over the cheapest are paired by replication. Lost production counts every"
                + " cause; of it, the cost values what was lost to power outages, thermal trips and"
                + " throttling.</p>\n"
                + ComparisonProduction.html(r)));
    sections.add(
        new IndexPage.Section(
            "Break-even value of a lost GPU-hour",
            "<p>"
                + Html.escape(
                    "Each variant costs its fixed cost (annualised capital + energy) plus the"
                        + " value of a lost GPU-hour times the GPU-hours it loses per year to power"
                        + " outages, thermal trips and throttling ("
                        + ComparisonBreakEvens.scenarioValues(r)
                        + " $). For each pair, above the break-even the design with the higher"
                        + " fixed cost is the cheaper; \"never\" names the one that is the cheaper"
                        + " at every value. The 95 % confidence interval is the values at which the"
                        + " two are not distinguishable (paired by replication).")
                + "</p>\n"
                + ComparisonBreakEvens.html(r, money)
                + "<p>"
                + Html.escape(ComparisonBreakEvens.cheapestByValue(r))
                + "</p>\n"
                + fewEvents(r)));
    if (r.precision().isPresent()) {
      sections.add(
          new IndexPage.Section(
              "Replications until the lead was known", ComparisonPrecision.html(r, money)));
    }
    if (ComparisonFigures.showsLossParts(r)) {
      sections.add(
          new IndexPage.Section(
              "Value of lost production per year, by what lost it",
              "<p>GPU-hours lost to power outages, to thermal trips and to throttling (power caps"
                  + " and thermal limits), each times the value of a GPU-hour; they add up to the"
                  + " lost production of the ranking.</p>\n"
                  + ComparisonLosses.html(r, money)));
    }
    if (r.hasMaintenance()) {
      sections.add(
          new IndexPage.Section(
              "Planned maintenance of the electrical chain, per replication of "
                  + ComparisonFigures.horizon(r.horizonHours()),
              "<p>Hours with a unit of the chain out for planned maintenance, and the part of them"
                  + " when the load was exposed.</p>\n"
                  + ComparisonMaintenance.html(r)));
    }
    if (r.hasCooling()) {
      sections.add(
          new IndexPage.Section(
              "Cooling, per replication of " + ComparisonFigures.horizon(r.horizonHours()),
              "<p>Tokens lost to heat: those thermal limits kept from training plus those lost to"
                  + " thermal trips. Hours at slowdown: on the loop with the most.</p>\n"
                  + ComparisonCooling.html(r)));
    }
    if (r.hasGrid()) {
      sections.add(
          new IndexPage.Section(
              "The grid's verdict, per replication of "
                  + ComparisonFigures.horizon(r.horizonHours()),
              "<p>Rules broken of the scenario's site section; the battery's capital is in the"
                  + " variant's capital, the energy priced is the grid import net of export.</p>\n"
                  + ComparisonGrid.html(r)
                  + "<p>"
                  + Html.escape(ComparisonGrid.verdict(r))
                  + "</p>\n"));
    }
    IndexPage.write(
        dir,
        r.scenario() + " - design comparison",
        facts,
        sections,
        List.of(
            new IndexPage.Chart(ComparisonChart.FILE, "The variants side by side"),
            new IndexPage.Chart(
                SensitivityChart.FILE,
                "Annual cost against the value of a lost GPU-hour, with the break-evens")),
        ComparisonJson.notes(r));
  }

  /** The caution of the terminal on few loss-of-load events, as a paragraph; empty without. */
  private static String fewEvents(ComparisonResult r) {
    String text = ComparisonText.fewEvents(r);
    return text.isEmpty()
        ? ""
        : "<p>" + Html.escape(text.strip().replaceAll("\\s+", " ")) + "</p>\n";
  }

  private static String money(MetricStats s, Money money) {
    double mean = money.scale(s.mean());
    return text(mean, money.scale(ComparisonText.halfWidth(s.ci95(), s.mean())));
  }

  /** {@code 52 ± 4.1}, as in the terminal tables. */
  private static String text(double mean, double ci) {
    String[] c = ComparisonText.cells(mean, ci);
    return c[1].isEmpty() ? c[0] : c[0] + " " + PM + " " + c[2];
  }
}
