package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.BreakEven;
import org.aifactory.metrics.ComparisonResult.CheapestSpan;
import org.aifactory.metrics.ComparisonResult.CostLine;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.ValueRange;
import org.aifactory.report.ComparisonFigures.Money;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * {@code sensitivity.png}: the annual cost of each variant against the value of a lost GPU-hour,
 * from 0 to 2.5 times the largest of the scenario's value, the values where the cheapest variant
 * changes and the break-even of the cheapest and the runner-up. Each variant is a line (fixed cost
 * + value × GPU-hours lost per year, means), the cheapest two with their 95 % confidence bands
 * (those of the others would hide the lines, and none is paired); the scenario's value is a solid
 * vertical line, each value where the cheapest changes a dashed one in the colour of the variant
 * that takes over, the break-even of the cheapest and the runner-up a dotted one when it is not one
 * of those, and the values at which those two are not distinguishable (paired by replication) are
 * shaded.
 */
final class SensitivityChart {
  static {
    Charts.init();
  }

  static final String FILE = "sensitivity.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 850;

  /** Points per line: the bands curve (their width is a square root), the lines do not. */
  private static final int POINTS = 121;

  /** How far the value axis goes past the largest value of interest. */
  static final double REACH = 2.5;

  /** The value axis without any value of interest: 0 to 10 $ per GPU-hour. */
  static final double DEFAULT_UPPER = 10;

  private static final Color SCENARIO = new Color(0x22, 0x22, 0x22);
  private static final Color TOP_PAIR = new Color(0x6E, 0x6E, 0x6E);
  private static final Color NOT_DISTINGUISHABLE = new Color(0x6E, 0x6E, 0x6E, 0x26);
  private static final Color BAND = new Color(0x99, 0x99, 0x99);
  private static final BasicStroke SOLID = new BasicStroke(2.4f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f);
  private static final BasicStroke DOTTED =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f);

  private SensitivityChart() {}

  static void write(ComparisonResult r, Path file) throws IOException {
    Charts.writePng(render(r), file);
  }

  static BufferedImage render(ComparisonResult r) {
    return Charts.image(chart(r), WIDTH, HEIGHT);
  }

  /** The colour of the variant at {@code index} (input order). */
  static Color colour(int index) {
    return Charts.PALETTE.get(index % Charts.PALETTE.size());
  }

  /**
   * The end of the value axis: {@link #REACH} × the largest finite, positive value among the
   * variants' own values of a lost GPU-hour, the values where the cheapest changes and the
   * break-even of the cheapest and the runner-up; {@link #DEFAULT_UPPER} without any.
   */
  static double upper(ComparisonResult r) {
    double most = 0;
    for (double v : valuesOfInterest(r)) {
      most = Math.max(most, v);
    }
    return most > 0 ? REACH * most : DEFAULT_UPPER;
  }

  private static List<Double> valuesOfInterest(ComparisonResult r) {
    List<Double> values = new ArrayList<>();
    for (Variant v : r.variants()) {
      values.add(v.costLine().lostGpuHourDollars());
    }
    for (CheapestSpan s : r.cheapestByValue()) {
      values.add(s.toDollarsPerGpuHour());
    }
    r.topPair().filter(BreakEven::flips).ifPresent(b -> values.add(b.dollarsPerGpuHour()));
    return values.stream().filter(v -> Double.isFinite(v) && v > 0).toList();
  }

  static JFreeChart chart(ComparisonResult r) {
    double upper = upper(r);
    List<Double> amounts = new ArrayList<>();
    for (Variant v : r.variants()) {
      for (double x : new double[] {0, upper}) {
        amounts.add(v.costLine().meanAt(x) + finite(v.costLine().ci95At(x)));
      }
    }
    Money money = Money.of(amounts.stream().mapToDouble(Double::doubleValue).toArray());
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(0.18f);
    LegendItemCollection legend = new LegendItemCollection();
    int series = 0;
    for (int i : r.ranking()) {
      Variant v = r.variants().get(i);
      CostLine line = v.costLine();
      // Bands for the two that decide the top only: the others' would hide the lines, and none of
      // them is paired (the shaded values are, for the top pair).
      boolean band = series < 2;
      YIntervalSeries s = new YIntervalSeries(v.name(), false, false);
      for (int k = 0; k < POINTS; k++) {
        double x = upper * k / (POINTS - 1);
        double mean = money.scale(line.meanAt(x));
        double ci = band ? money.scale(finite(line.ci95At(x))) : 0;
        if (Double.isFinite(mean)) {
          s.add(x, mean, mean - ci, mean + ci);
        }
      }
      data.addSeries(s);
      renderer.setSeriesPaint(series, colour(i));
      renderer.setSeriesFillPaint(series, colour(i));
      renderer.setSeriesStroke(series, new BasicStroke(2.6f));
      legend.add(Charts.lineItem(v.name(), colour(i)));
      series++;
    }
    if (r.replications() > 1) {
      legend.add(Charts.bandItem("95 % confidence band (the cheapest two)", BAND));
    }

    NumberAxis x = Charts.axis("Value of a lost GPU-hour ($ per GPU-hour)");
    x.setRange(0, upper);
    NumberAxis y = Charts.axis("Annual cost (" + money.unit() + " / year)");
    y.setAutoRangeIncludesZero(false);
    y.setUpperMargin(0.12);
    y.setLowerMargin(0.06);
    XYPlot plot = Charts.xyPlot(data, x, y, renderer);
    plot.setNoDataMessage("No variant has a finite cost.");

    int row = 0;
    r.topPair().ifPresent(b -> shadeNotDistinguishable(r, b, plot, legend, upper));
    Set<String> scenario = new LinkedHashSet<>();
    for (Variant v : r.variants()) {
      scenario.add(ComparisonBreakEvens.dollarsPerGpuHour(v.costLine().lostGpuHourDollars()));
    }
    List<Double> drawn = new ArrayList<>();
    for (Variant v : r.variants()) {
      double value = v.costLine().lostGpuHourDollars();
      if (!near(drawn, value)) {
        drawn.add(value);
        String label =
            (scenario.size() == 1 ? "Scenario's value " : v.name() + "'s value ")
                + ComparisonBreakEvens.dollarsPerGpuHour(value)
                + " $";
        marker(plot, legend, label, value, SCENARIO, SOLID, row++);
      }
    }
    List<CheapestSpan> spans = r.cheapestByValue();
    for (int k = 1; k < spans.size(); k++) {
      CheapestSpan s = spans.get(k);
      String label =
          r.variants().get(s.variant()).name()
              + " the cheapest above "
              + ComparisonBreakEvens.dollarsPerGpuHour(s.fromDollarsPerGpuHour())
              + " $";
      drawn.add(s.fromDollarsPerGpuHour());
      marker(plot, legend, label, s.fromDollarsPerGpuHour(), colour(s.variant()), DASHED, row++);
    }
    var top = r.topPair().filter(BreakEven::flips);
    if (top.isPresent() && !near(drawn, top.get().dollarsPerGpuHour())) {
      BreakEven b = top.get();
      marker(
          plot,
          legend,
          "Break-even "
              + ComparisonBreakEvens.pair(r, b)
              + " "
              + ComparisonBreakEvens.dollarsPerGpuHour(b.dollarsPerGpuHour())
              + " $",
          b.dollarsPerGpuHour(),
          TOP_PAIR,
          DOTTED,
          row);
    }
    plot.setFixedLegendItems(legend);

    JFreeChart chart =
        Charts.chart(r.scenario() + " - annual cost against the value of a lost GPU-hour", plot);
    chart.addSubtitle(
        0,
        Charts.subtitle(
            "Annual cost = annualised capital + energy + value x GPU-hours lost per year to power"
                + " outages, thermal trips and throttling",
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    chart.addSubtitle(
        1,
        Charts.subtitle(
            r.replications() == 1
                ? "Lines: one replication, without confidence bands (exact for a scenario without"
                    + " random failures)"
                : "Lines: means of "
                    + Human.count(r.replications())
                    + " replications; bands: 95 % confidence interval (Student t)",
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    return chart;
  }

  /**
   * Shades the values at which the cheapest and the runner-up are not distinguishable (95 %),
   * within the axis.
   */
  private static void shadeNotDistinguishable(
      ComparisonResult r, BreakEven b, XYPlot plot, LegendItemCollection legend, double upper) {
    if (!b.hasInterval()) {
      return;
    }
    boolean any = false;
    for (ValueRange v : b.notDistinguishable()) {
      double from = Math.max(0, v.from());
      double to = Math.min(upper, v.to());
      if (from < to) {
        plot.addDomainMarker(new IntervalMarker(from, to, NOT_DISTINGUISHABLE), Layer.BACKGROUND);
        any = true;
      }
    }
    if (any) {
      legend.add(
          Charts.bandItem(
              ComparisonBreakEvens.pair(r, b) + " not distinguishable (95 %)",
              NOT_DISTINGUISHABLE));
    }
  }

  /** A vertical line at {@code value} if it is on the axis, labelled at row {@code row}. */
  private static void marker(
      XYPlot plot,
      LegendItemCollection legend,
      String label,
      double value,
      Color colour,
      BasicStroke stroke,
      int row) {
    if (!Double.isFinite(value) || value < 0) {
      return;
    }
    ValueMarker m = new ValueMarker(value, colour, stroke);
    m.setLabel(label);
    m.setLabelFont(Charts.MARKER_FONT);
    m.setLabelPaint(colour);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    m.setLabelOffset(new RectangleInsets(6 + 20 * row, 5, 0, 0));
    plot.addDomainMarker(m, Layer.FOREGROUND);
    legend.add(Charts.lineItem(label, colour, stroke));
  }

  /**
   * True when {@code value} is one of {@code drawn} to 1e-9 of itself: the break-even of a pair and
   * the value where the cheapest changes between them are the same, computed two ways.
   */
  private static boolean near(List<Double> drawn, double value) {
    return drawn.stream().anyMatch(d -> Math.abs(d - value) <= 1e-9 * Math.abs(value));
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }
}
