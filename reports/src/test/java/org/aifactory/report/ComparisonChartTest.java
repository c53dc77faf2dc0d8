package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.junit.jupiter.api.Test;

/** comparison.png: axes fitted to the data, whole confidence intervals, one money unit. */
class ComparisonChartTest {

  private static List<CategoryPlot> panels(ComparisonResult r) {
    JFreeChart chart = ComparisonChart.chart(r);
    return ((CombinedDomainCategoryPlot) chart.getPlot()).getSubplots();
  }

  @Test
  void anAxisSpansTheWholeIntervalsWithASmallMargin() {
    // 0.3 +/- 0.5: the interval goes from -0.2 to 0.8
    double[] range =
        ComparisonChart.range(
            List.of(new ComparisonChart.Bar("a", 0.3, 0.5), new ComparisonChart.Bar("b", 0, 0)));
    assertThat(range[0]).isCloseTo(-0.2 - 0.04, within(1e-12));
    assertThat(range[1]).isCloseTo(0.8 + 0.04, within(1e-12));
    // all positive: from 0 to the highest whisker and 4 %
    double[] positive =
        ComparisonChart.range(
            List.of(
                new ComparisonChart.Bar("a", 52.6, 5.3), new ComparisonChart.Bar("b", 1.3, 0.6)));
    assertThat(positive[0]).isZero();
    assertThat(positive[1]).isCloseTo(57.9 * 1.04, within(1e-9));
    // nothing to show
    assertThat(ComparisonChart.range(List.of(new ComparisonChart.Bar("a", Double.NaN, 1))))
        .containsExactly(0, 1);
  }

  @Test
  void panelsShowTheirDataAndTheirWholeWhiskers() {
    // N+1's lost value: 0.3 +/- 0.5 $M, extra cost 3.4 +/- 0.5 $M; N's downtime 10.5 +/- 10.5 min
    List<CategoryPlot> panels = panels(ComparisonResults.withoutChain());
    ValueAxis lost = panels.get(1).getRangeAxis();
    assertThat(lost.getLowerBound()).isCloseTo(-0.2 - 0.04, within(1e-9));
    assertThat(lost.getUpperBound()).isCloseTo(0.8 + 0.04, within(1e-9));
    ValueAxis extra = panels.get(3).getRangeAxis();
    assertThat(extra.getLowerBound()).isZero();
    assertThat(extra.getUpperBound()).isCloseTo(3.9 * 1.04, within(1e-9));
    assertThat(panels.get(1).getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
        .as("a line at 0 when the axis goes below it")
        .hasSize(1);
  }

  @Test
  void lostProductionIsStackedByWhatLostItAndSaysSo() {
    ComparisonResult r = ComparisonResults.cooledHall();
    assertThat(Pngs.hasColour(ComparisonChart.render(r), 0xEF9A9A)).as("throttling").isTrue();
    CombinedDomainCategoryPlot plot =
        (CombinedDomainCategoryPlot) ComparisonChart.chart(r).getPlot();
    LegendItemCollection legend = plot.getFixedLegendItems();
    List<String> labels = new java.util.ArrayList<>();
    for (int i = 0; i < legend.getItemCount(); i++) {
      labels.add(legend.get(i).getLabel());
    }
    // one replication: no confidence interval in the legend
    assertThat(labels)
        .containsExactly(
            "Capital (annualised)",
            "Energy",
            "Lost to power outages",
            "Lost to thermal trips",
            "Lost to throttling (power caps, thermal limits)");
    assertThat(panels(r).get(1).getRangeAxis().getLabel())
        .isEqualTo("Lost production by cause ($M / year)");
    // the stack of the annual cost: capital, energy, then the three parts of the lost value
    assertThat(panels(r).get(2).getDataset().getRowCount()).isEqualTo(5);
    assertThat(panels(ComparisonResults.redundancyStudy()).get(2).getDataset().getRowCount())
        .isEqualTo(3);
  }

  @Test
  void everyAmountOfTheChartHasOneUnit() {
    // lost value up to 1.75 $M, totals 74 $M, extra cost up to 1.51 $M: all in $M
    List<CategoryPlot> panels = panels(ComparisonResults.redundancyStudy());
    assertThat(panels.get(1).getRangeAxis().getLabel()).isEqualTo("Lost production ($M / year)");
    assertThat(panels.get(2).getRangeAxis().getLabel()).isEqualTo("Annual cost ($M / year)");
    assertThat(panels.get(3).getRangeAxis().getLabel())
        .isEqualTo("Extra over the cheapest ($M / year)");
    // 4N/3's extra cost, 0.02 +/- 0.05 $M, reaches below 0: the axis spans -0.03 to 1.51
    ValueAxis extra = panels.get(3).getRangeAxis();
    assertThat(extra.getLowerBound()).isCloseTo(-0.03 - 0.04 * 1.54, within(1e-9));
    assertThat(extra.getUpperBound()).isCloseTo(1.51 + 0.04 * 1.54, within(1e-9));
    assertThat(ComparisonText.money(ComparisonResults.redundancyStudy()).unit()).isEqualTo("$M");
  }
}
