package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.MetricStats;
import org.aifactory.report.ComparisonFigures.Money;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractAnnotation;
import org.jfree.chart.annotations.CategoryAnnotation;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code comparison.png}: the variants in ranking order, cheapest at the top, as horizontal bars in
 * four panels side by side sharing the variant axis: downtime of the IT load (minutes per year),
 * value of production lost to power outages per year, annual cost (capital + energy + lost value,
 * stacked) and the extra cost over the cheapest variant (paired by replication). Every bar has its
 * 95 % confidence interval as a whisker and is labelled with mean ± half-width.
 */
final class ComparisonChart {
  static {
    Charts.init();
  }

  static final String FILE = "comparison.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 900;

  private static final Color DOWNTIME = new Color(0x7B, 0x4F, 0xA8);
  private static final Color CAPITAL = new Color(0x4D, 0x6A, 0x8A);
  private static final Color ENERGY = new Color(0xE6, 0xA2, 0x3C);
  private static final Color LOST = new Color(0xC6, 0x28, 0x28);
  private static final Color EXTRA = new Color(0x6E, 0x6E, 0x6E);
  private static final Color WHISKER = Color.BLACK;
  private static final Stroke WHISKER_STROKE = new BasicStroke(1.6f);

  /** Room right of the longest whisker for its label, as a fraction of the longest whisker. */
  private static final double LABEL_ROOM = 1.1;

  private ComparisonChart() {}

  static void write(ComparisonResult r, Path file) throws IOException {
    Charts.writePng(render(r), file);
  }

  static BufferedImage render(ComparisonResult r) {
    return Charts.image(chart(r), WIDTH, HEIGHT);
  }

  /** One bar: a label on the variant axis, the mean and the 95 % half-width (NaN if none). */
  private record Bar(String category, double mean, double ci) {
    double high() {
      return Double.isFinite(ci) ? mean + Math.abs(ci) : mean;
    }

    double low() {
      return Double.isFinite(ci) ? mean - Math.abs(ci) : mean;
    }
  }

  private static JFreeChart chart(ComparisonResult r) {
    List<Variant> ranked = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      ranked.add(v);
      categories.add((rank + 1) + ".  " + v.name());
    }
    CategoryAxis variants = Charts.style(new CategoryAxis(null));
    variants.setTickLabelFont(new Font(Charts.FONT, Font.BOLD, 15));
    variants.setMaximumCategoryLabelWidthRatio(0.16f);
    variants.setMaximumCategoryLabelLines(2);
    variants.setCategoryMargin(0.35);
    variants.setLowerMargin(0.04);
    variants.setUpperMargin(0.04);

    CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(variants);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setGap(18);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);

    double years = ComparisonFigures.years(r);
    List<Bar> down = bars(categories, ranked, v -> downtime(v.availability()), 1);
    plot.add(panel(down, "Downtime of the IT load (min / year)", DOWNTIME, false, 0));

    Money lostUnit = Money.of(means(ranked, Variant::annualLostValueDollars));
    List<Bar> lost =
        bars(categories, ranked, Variant::annualLostValueDollars, 1 / lostUnit.divisor());
    plot.add(panel(lost, "Lost production (" + lostUnit.unit() + " / year)", LOST, false, 0));

    Money totalUnit = Money.of(means(ranked, Variant::annualTotalDollars));
    plot.add(costPanel(categories, ranked, totalUnit));

    // The cheapest variant's extra cost is 0 by definition: labelled as the reference instead.
    Money extraUnit = Money.of(means(ranked, Variant::extraCostOverBest));
    List<Bar> extra = bars(categories, ranked, Variant::extraCostOverBest, 1 / extraUnit.divisor());
    CategoryPlot extraPanel =
        panel(extra, "Extra over the cheapest (" + extraUnit.unit() + " / year)", EXTRA, true, 1);
    if (!extra.isEmpty()) {
      extraPanel.addAnnotation(label(extra.get(0).category(), "  cheapest", 0));
    }
    plot.add(extraPanel);

    LegendItemCollection legend = new LegendItemCollection();
    legend.add(Charts.bandItem("Capital (annualised)", CAPITAL));
    legend.add(Charts.bandItem("Energy", ENERGY));
    legend.add(Charts.bandItem("Value of production lost to power", LOST));
    legend.add(Charts.lineItem("95 % confidence interval", WHISKER, new BasicStroke(1.6f)));
    plot.setFixedLegendItems(legend);

    JFreeChart chart = Charts.chart(r.scenario() + " - design comparison", plot);
    chart.addSubtitle(
        0,
        Charts.subtitle(
            Human.count(ranked.size())
                + (ranked.size() == 1 ? " variant, " : " variants, ")
                + Human.count(r.replications())
                + (r.replications() == 1 ? " replication" : " replications")
                + " of "
                + ComparisonFigures.horizon(r.horizonHours())
                + " each, the same random streams for all   |   ranked by expected annual cost,"
                + " cheapest at the top",
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    chart.addSubtitle(
        1,
        Charts.subtitle(
            "Bars: mean over replications; whiskers: 95 % confidence interval (Student t);"
                + " extra cost paired by replication",
            Charts.SUBTITLE_FONT, Color.DARK_GRAY));
    if (!Double.isFinite(years)) {
      plot.setNoDataMessage("No horizon.");
    }
    return chart;
  }

  /** Downtime per year as a {@link MetricStats}-like pair (mean and half-width in minutes). */
  private static MetricStats downtime(MetricStats availability) {
    return new MetricStats(
        "unavailability_minutes_per_year",
        "min/y",
        "",
        ComparisonFigures.downMinutesPerYear(availability),
        availability.sd() * ComparisonFigures.MINUTES_PER_YEAR,
        ComparisonFigures.downMinutesPerYearCi(availability),
        availability.n());
  }

  private static List<Bar> bars(
      List<String> categories,
      List<Variant> ranked,
      Function<Variant, MetricStats> stat,
      double scale) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      MetricStats s = stat.apply(ranked.get(i));
      bars.add(new Bar(categories.get(i), s.mean() * scale, s.ci95() * scale));
    }
    return bars;
  }

  private static double[] means(List<Variant> ranked, Function<Variant, MetricStats> stat) {
    return ranked.stream().mapToDouble(v -> stat.apply(v).mean()).toArray();
  }

  /** A panel of simple bars, with whiskers and labels from the bar {@code from} on. */
  private static CategoryPlot panel(
      List<Bar> bars, String label, Color colour, boolean signed, int from) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      data.addValue(Double.isFinite(b.mean()) ? b.mean() : null, "value", b.category());
    }
    BarRenderer renderer = renderer(new BarRenderer());
    renderer.setSeriesPaint(0, colour);
    CategoryPlot plot = subplot(data, valueAxis(label, bars, signed), renderer);
    if (signed) {
      plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1.2f)));
    }
    for (Bar b : bars.subList(Math.min(from, bars.size()), bars.size())) {
      annotate(plot, b);
    }
    return plot;
  }

  /** Annual cost: capital, energy and lost value stacked, the whisker on the total. */
  private static CategoryPlot costPanel(List<String> categories, List<Variant> ranked, Money unit) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Bar> totals = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Variant v = ranked.get(i);
      String c = categories.get(i);
      data.addValue(finite(unit.scale(v.annualCapitalDollars())), "Capital", c);
      data.addValue(finite(unit.scale(v.annualEnergyDollars().mean())), "Energy", c);
      data.addValue(finite(unit.scale(v.annualLostValueDollars().mean())), "Lost", c);
      totals.add(
          new Bar(
              c,
              unit.scale(v.annualTotalDollars().mean()),
              unit.scale(v.annualTotalDollars().ci95())));
    }
    StackedBarRenderer renderer = renderer(new StackedBarRenderer());
    renderer.setSeriesPaint(0, CAPITAL);
    renderer.setSeriesPaint(1, ENERGY);
    renderer.setSeriesPaint(2, LOST);
    CategoryPlot plot =
        subplot(
            data, valueAxis("Annual cost (" + unit.unit() + " / year)", totals, false), renderer);
    for (Bar b : totals) {
      annotate(plot, b);
    }
    return plot;
  }

  private static Number finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static <R extends BarRenderer> R renderer(R renderer) {
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.11);
    return renderer;
  }

  private static CategoryPlot subplot(
      DefaultCategoryDataset data, NumberAxis axis, BarRenderer renderer) {
    CategoryPlot plot = new CategoryPlot(data, null, axis, renderer);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    plot.setRangeGridlinePaint(Charts.GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    return plot;
  }

  /**
   * A value axis from 0 (or the lowest whisker, for a signed quantity) to the highest whisker plus
   * room for the labels.
   */
  private static NumberAxis valueAxis(String label, List<Bar> bars, boolean signed) {
    NumberAxis axis = Charts.axis(label);
    double hi = 0;
    double lo = 0;
    for (Bar b : bars) {
      if (Double.isFinite(b.high())) {
        hi = Math.max(hi, b.high());
      }
      if (signed && Double.isFinite(b.low())) {
        lo = Math.min(lo, b.low());
      }
    }
    double span = hi - lo > 0 ? hi - lo : 1;
    axis.setRange(lo - (lo < 0 ? 0.05 * span : 0), hi + LABEL_ROOM * span);
    return axis;
  }

  /** The whisker of {@code b} and its label, right of the whisker. */
  private static void annotate(CategoryPlot plot, Bar b) {
    if (!Double.isFinite(b.mean())) {
      plot.addAnnotation(label(b.category(), "  n/a", 0));
      return;
    }
    if (Double.isFinite(b.ci()) && b.ci() > 0) {
      plot.addAnnotation(new Whisker(b.category(), b.low(), b.high()));
    }
    ValueAxis axis = plot.getRangeAxis();
    double pad = 0.025 * (axis.getUpperBound() - axis.getLowerBound());
    plot.addAnnotation(label(b.category(), text(b), Math.max(b.high(), b.mean()) + pad));
  }

  private static CategoryTextAnnotation label(String category, String text, double value) {
    CategoryTextAnnotation a = new CategoryTextAnnotation(text, category, value);
    a.setFont(Charts.LABEL_FONT);
    a.setPaint(Color.BLACK);
    a.setTextAnchor(TextAnchor.CENTER_LEFT);
    a.setCategoryAnchor(CategoryAnchor.MIDDLE);
    return a;
  }

  /** {@code 52 ± 4.1}: the mean rounded to the half-width's precision. */
  static String text(Bar b) {
    String[] c = ComparisonText.cells(b.mean(), b.ci());
    return c[1].isEmpty() ? c[0] : c[0] + " ± " + c[2];
  }

  /**
   * A horizontal error bar with end caps, for a horizontal category plot; clipped to the value
   * axis, without the cap at a clipped end.
   */
  private static final class Whisker extends AbstractAnnotation implements CategoryAnnotation {
    private static final long serialVersionUID = 1L;
    private static final double CAP = 7;

    private final String category;
    private final double low;
    private final double high;

    Whisker(String category, double low, double high) {
      this.category = category;
      this.low = low;
      this.high = high;
    }

    @Override
    public void draw(
        Graphics2D g2,
        CategoryPlot plot,
        Rectangle2D dataArea,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis) {
      int column = plot.getCategories().indexOf(category);
      if (column < 0) {
        return;
      }
      RectangleEdge domainEdge =
          Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
      RectangleEdge rangeEdge =
          Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
      double y =
          domainAxis.getCategoryMiddle(column, plot.getCategories().size(), dataArea, domainEdge);
      double a = Math.max(low, rangeAxis.getLowerBound());
      double b = Math.min(high, rangeAxis.getUpperBound());
      if (!(a <= b)) {
        return;
      }
      double x0 = rangeAxis.valueToJava2D(a, dataArea, rangeEdge);
      double x1 = rangeAxis.valueToJava2D(b, dataArea, rangeEdge);
      g2.setPaint(WHISKER);
      g2.setStroke(WHISKER_STROKE);
      g2.draw(new Line2D.Double(x0, y, x1, y));
      if (a == low) {
        g2.draw(new Line2D.Double(x0, y - CAP, x0, y + CAP));
      }
      if (b == high) {
        g2.draw(new Line2D.Double(x1, y - CAP, x1, y + CAP));
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Whisker w
          && w.category.equals(category)
          && w.low == low
          && w.high == high;
    }

    @Override
    public int hashCode() {
      return category.hashCode() * 31 + Double.hashCode(low) * 17 + Double.hashCode(high);
    }
  }
}
