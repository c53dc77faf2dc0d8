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
 * 95 % confidence interval as a whisker, drawn whole (an axis goes below 0 when an interval does),
 * and is labelled with mean ± half-width above it, so each axis spans its data with a small margin.
 * The three money panels share one unit, chosen from the largest amount among them.
 *
 * <p>When anything but power outages lost production, or some variant has a cooling plant ({@link
 * ComparisonFigures#showsLossParts}), the lost value is stacked by what lost it, in the lost
 * production panel and in the annual cost: power outages, thermal trips, throttling, each named in
 * the legend. With one replication the bars have no whiskers and the subtitle says why.
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
  private static final Color LOST_THERMAL = new Color(0x7F, 0x00, 0x00);
  private static final Color LOST_THROTTLING = new Color(0xEF, 0x9A, 0x9A);
  private static final Color EXTRA = new Color(0x6E, 0x6E, 0x6E);
  private static final Color WHISKER = Color.BLACK;
  private static final Stroke WHISKER_STROKE = new BasicStroke(1.6f);

  /** Room on either side of the data of a value axis, as a fraction of its span. */
  static final double MARGIN = 0.04;

  private ComparisonChart() {}

  static void write(ComparisonResult r, Path file) throws IOException {
    Charts.writePng(render(r), file);
  }

  static BufferedImage render(ComparisonResult r) {
    return Charts.image(chart(r), WIDTH, HEIGHT);
  }

  /** One bar: a label on the variant axis, the mean and the 95 % half-width (NaN if none). */
  record Bar(String category, double mean, double ci) {
    double high() {
      return Double.isFinite(ci) ? mean + Math.abs(ci) : mean;
    }

    double low() {
      return Double.isFinite(ci) ? mean - Math.abs(ci) : mean;
    }
  }

  static JFreeChart chart(ComparisonResult r) {
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
    plot.add(panel(down, "Downtime of the IT load (min / year)", DOWNTIME, 0));

    Money money = ComparisonFigures.money(ranked);
    String perYear = " (" + money.unit() + " / year)";
    boolean parts = ComparisonFigures.showsLossParts(r);
    List<Bar> lost = bars(categories, ranked, Variant::annualLostValueDollars, 1 / money.divisor());
    plot.add(
        parts
            ? lostPartsPanel(categories, ranked, money, lost, "Lost production by cause" + perYear)
            : panel(lost, "Lost production" + perYear, LOST, 0));

    plot.add(costPanel(categories, ranked, money, "Annual cost" + perYear, parts));

    // The cheapest variant's extra cost is 0 by definition: labelled as the reference instead.
    List<Bar> extra = bars(categories, ranked, Variant::extraCostOverBest, 1 / money.divisor());
    CategoryPlot extraPanel = panel(extra, "Extra over the cheapest" + perYear, EXTRA, 1);
    if (!extra.isEmpty()) {
      extraPanel.addAnnotation(label(extraPanel, extra.get(0).category(), "cheapest"));
    }
    plot.add(extraPanel);

    LegendItemCollection legend = new LegendItemCollection();
    legend.add(Charts.bandItem("Capital (annualised)", CAPITAL));
    legend.add(Charts.bandItem("Energy", ENERGY));
    if (parts) {
      legend.add(Charts.bandItem("Lost to power outages", LOST));
      legend.add(Charts.bandItem("Lost to thermal trips", LOST_THERMAL));
      legend.add(
          Charts.bandItem("Lost to throttling (power caps, thermal limits)", LOST_THROTTLING));
    } else {
      legend.add(Charts.bandItem("Value of production lost to power", LOST));
    }
    if (r.replications() > 1) {
      legend.add(Charts.lineItem("95 % confidence interval", WHISKER, new BasicStroke(1.6f)));
    }
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
            r.replications() == 1
                ? "Bars: one replication, without confidence intervals (exact for a scenario"
                    + " without random failures)"
                : "Bars: mean over replications; whiskers: 95 % confidence interval (Student t);"
                    + " extra cost paired by replication",
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
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

  /** A panel of simple bars, with whiskers and labels from the bar {@code from} on. */
  private static CategoryPlot panel(List<Bar> bars, String label, Color colour, int from) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      data.addValue(Double.isFinite(b.mean()) ? b.mean() : null, "value", b.category());
    }
    BarRenderer renderer = renderer(new BarRenderer());
    renderer.setSeriesPaint(0, colour);
    CategoryPlot plot = subplot(data, valueAxis(label, bars), renderer);
    for (Bar b : bars.subList(Math.min(from, bars.size()), bars.size())) {
      annotate(plot, b);
    }
    return plot;
  }

  /** Lost value stacked by what lost it, the whisker and the label on the total. */
  private static CategoryPlot lostPartsPanel(
      List<String> categories, List<Variant> ranked, Money unit, List<Bar> totals, String label) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < ranked.size(); i++) {
      addLostParts(data, ranked.get(i), categories.get(i), unit);
    }
    StackedBarRenderer renderer = renderer(new StackedBarRenderer());
    renderer.setSeriesPaint(0, LOST);
    renderer.setSeriesPaint(1, LOST_THERMAL);
    renderer.setSeriesPaint(2, LOST_THROTTLING);
    CategoryPlot plot = subplot(data, valueAxis(label, totals), renderer);
    for (Bar b : totals) {
      annotate(plot, b);
    }
    return plot;
  }

  private static void addLostParts(
      DefaultCategoryDataset data, Variant v, String category, Money unit) {
    data.addValue(finite(unit.scale(v.lostValue().annualPowerDollars().mean())), "Power", category);
    data.addValue(
        finite(unit.scale(v.lostValue().annualThermalDollars().mean())), "Thermal", category);
    data.addValue(
        finite(unit.scale(v.lostValue().annualThrottlingDollars().mean())), "Throttling", category);
  }

  /**
   * Annual cost: capital, energy and lost value stacked (the lost value by what lost it when {@code
   * parts}), the whisker on the total.
   */
  private static CategoryPlot costPanel(
      List<String> categories, List<Variant> ranked, Money unit, String label, boolean parts) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Bar> totals = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Variant v = ranked.get(i);
      String c = categories.get(i);
      data.addValue(finite(unit.scale(v.annualCapitalDollars())), "Capital", c);
      data.addValue(finite(unit.scale(v.annualEnergyDollars().mean())), "Energy", c);
      if (parts) {
        addLostParts(data, v, c, unit);
      } else {
        data.addValue(finite(unit.scale(v.annualLostValueDollars().mean())), "Lost", c);
      }
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
    renderer.setSeriesPaint(3, LOST_THERMAL);
    renderer.setSeriesPaint(4, LOST_THROTTLING);
    CategoryPlot plot = subplot(data, valueAxis(label, totals), renderer);
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
    if (axis.getLowerBound() < 0) {
      plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1.2f)));
    }
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    plot.setRangeGridlinePaint(Charts.GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    return plot;
  }

  /** A value axis over the bars and their whole whiskers: see {@link #range}. */
  private static NumberAxis valueAxis(String label, List<Bar> bars) {
    NumberAxis axis = Charts.axis(label);
    double[] range = range(bars);
    axis.setRange(range[0], range[1]);
    return axis;
  }

  /**
   * {lower, upper}: from 0, or below the lowest whisker or mean when one is negative, to above the
   * highest, with {@link #MARGIN} of the span on a side that has data; 0 to 1 without data.
   */
  static double[] range(List<Bar> bars) {
    double hi = 0;
    double lo = 0;
    for (Bar b : bars) {
      for (double v : new double[] {b.low(), b.mean(), b.high()}) {
        if (Double.isFinite(v)) {
          hi = Math.max(hi, v);
          lo = Math.min(lo, v);
        }
      }
    }
    if (!(hi > lo)) {
      return new double[] {0, 1};
    }
    double span = hi - lo;
    return new double[] {lo < 0 ? lo - MARGIN * span : 0, hi > 0 ? hi + MARGIN * span : 0};
  }

  /** The whisker of {@code b}, and its label above the bar. */
  private static void annotate(CategoryPlot plot, Bar b) {
    if (!Double.isFinite(b.mean())) {
      plot.addAnnotation(label(plot, b.category(), "n/a"));
      return;
    }
    if (Double.isFinite(b.ci()) && b.ci() > 0) {
      plot.addAnnotation(new Whisker(b.category(), b.low(), b.high()));
    }
    plot.addAnnotation(label(plot, b.category(), text(b)));
  }

  /** {@code text} above the bar of {@code category}, from the left end of the value axis. */
  private static CategoryTextAnnotation label(CategoryPlot plot, String category, String text) {
    ValueAxis axis = plot.getRangeAxis();
    double left = axis.getLowerBound() + 0.015 * (axis.getUpperBound() - axis.getLowerBound());
    CategoryTextAnnotation a = new CategoryTextAnnotation(text, category, left);
    a.setFont(Charts.LABEL_FONT);
    a.setPaint(Color.BLACK);
    a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
    a.setCategoryAnchor(CategoryAnchor.START);
    return a;
  }

  /** {@code 52 ± 4.1}: the mean rounded to the half-width's precision. */
  static String text(Bar b) {
    String[] c = ComparisonText.cells(b.mean(), ComparisonText.halfWidth(b.ci(), b.mean()));
    return c[1].isEmpty() ? c[0] : c[0] + " ± " + c[2];
  }

  /**
   * A horizontal error bar with end caps, for a horizontal category plot; clipped to the value axis
   * (which spans it), without the cap at a clipped end.
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
