package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;
import org.aifactory.metrics.SweepResult.Optimum;
import org.aifactory.metrics.SweepResult.Parameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * {@code sweep.png}: one panel per charted metric, stacked over one shared x axis, the first varied
 * parameter (a number axis when its values are quantities of one kind, else its values evenly
 * spaced in the order given). In every panel, one line per combination of the other parameters'
 * values: the mean at each point with its 95 % confidence band. The best point (when asked for) is
 * a filled diamond in every panel, and the points not distinguishable from it are rings.
 */
final class SweepChart {
  static {
    Charts.init();
  }

  static final String FILE = "sweep.png";
  static final int WIDTH = 1400;

  /** Height of the title, subtitles, legend and x axis, and of each panel. */
  static final int FRAME_HEIGHT = 230;

  static final int PANEL_HEIGHT = 280;

  private static final float[][] DASHES = {null, {9f, 5f}, {3f, 4f}, {12f, 4f, 3f, 4f}};
  private static final Color BEST = new Color(0x1B, 0x7A, 0x3A);

  /** The smallest span of a value axis, as a fraction of the largest value it shows. */
  private static final double MIN_SPAN = 0.002;

  private SweepChart() {}

  static int height(SweepResult r) {
    return FRAME_HEIGHT + PANEL_HEIGHT * r.charted().size();
  }

  static void write(SweepResult r, Path file) throws IOException {
    Charts.writePng(render(r), file);
  }

  static BufferedImage render(SweepResult r) {
    return Charts.image(chart(r), WIDTH, height(r));
  }

  /** The lines: one per combination of the other parameters' values, in sweep order. */
  record Line(String label, List<Integer> points) {}

  static List<Line> lines(SweepResult r) {
    List<String> labels = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int p = 0; p < r.points().size(); p++) {
      List<String> others = new ArrayList<>();
      for (int i = 1; i < r.parameters().size(); i++) {
        others.add(r.parameters().get(i).path() + " = " + r.value(p, i));
      }
      String label = others.isEmpty() ? "Mean" : String.join(",  ", others);
      int at = labels.indexOf(label);
      if (at < 0) {
        labels.add(label);
        members.add(new ArrayList<>());
        at = labels.size() - 1;
      }
      members.get(at).add(p);
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      lines.add(new Line(labels.get(i), members.get(i)));
    }
    return lines;
  }

  /** The x position of a point: its first parameter's number, or the value's index. */
  static double x(SweepResult r, int point) {
    Parameter first = r.parameters().get(0);
    int index = r.points().get(point).values().get(0);
    return first.numeric() ? first.numbers().get(index) : index;
  }

  static JFreeChart chart(SweepResult r) {
    Parameter first = r.parameters().get(0);
    ValueAxis x;
    if (first.numeric()) {
      NumberAxis axis =
          Charts.axis(first.path() + (first.unit().isEmpty() ? "" : " (" + first.unit() + ")"));
      axis.setAutoRangeIncludesZero(false);
      axis.setLowerMargin(0.03);
      axis.setUpperMargin(0.03);
      x = axis;
    } else {
      SymbolAxis axis =
          Charts.style(new SymbolAxis(first.path(), first.values().toArray(String[]::new)));
      axis.setGridBandsVisible(false);
      x = axis;
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
    plot.setGap(14);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    List<Line> lines = lines(r);
    for (String key : r.charted()) {
      plot.add(panel(r, key, lines), 1);
    }

    LegendItemCollection legend = new LegendItemCollection();
    for (int i = 0; i < lines.size(); i++) {
      legend.add(Charts.lineItem(lines.get(i).label(), colour(i), stroke(i)));
    }
    if (r.replications() > 1) {
      legend.add(Charts.bandItem("95 % confidence band", new Color(0x80, 0x80, 0x80, 0x50)));
    }
    r.optimum()
        .ifPresent(
            o -> {
              legend.add(
                  new LegendItem(
                      "Best (" + o.goal() + " " + o.metric() + ")",
                      null,
                      null,
                      null,
                      diamond(7),
                      BEST));
              if (o.notDistinguishable().stream().filter(b -> b).count() > 1) {
                legend.add(
                    new LegendItem(
                        r.replications() == 1
                            ? "Equal to the best"
                            : "Not distinguishable from the best (95 %)",
                        null,
                        null,
                        null,
                        true,
                        ring(6),
                        false,
                        BEST,
                        true,
                        BEST,
                        new BasicStroke(2f),
                        false,
                        ring(6),
                        new BasicStroke(2f),
                        BEST));
              }
            });
    plot.setFixedLegendItems(legend);

    JFreeChart chart = Charts.chart(r.scenario() + " - sweep of " + first.path(), plot);
    chart.addSubtitle(
        0,
        Charts.subtitle(
            Human.count(r.points().size())
                + (r.points().size() == 1 ? " point x " : " points x ")
                + Human.count(r.replications())
                + (r.replications() == 1 ? " replication" : " replications")
                + ", the same random streams at every point"
                + optimumText(r).map(t -> "   |   " + t).orElse(""),
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    return chart;
  }

  private static Optional<String> optimumText(SweepResult r) {
    return r.optimum()
        .map(o -> "best " + o.goal() + " " + o.metric() + ": " + r.describe(o.best()));
  }

  private static XYPlot panel(SweepResult r, String key, List<Line> lines) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    String unit = "";
    double largest = 0;
    for (Line line : lines) {
      YIntervalSeries s = new YIntervalSeries(line.label(), true, false);
      for (int p : line.points()) {
        Optional<MetricStats> m = r.points().get(p).metric(key);
        if (m.isEmpty() || !Double.isFinite(m.get().mean())) {
          continue;
        }
        unit = m.get().unit();
        double mean = m.get().mean();
        largest = Math.max(largest, Math.abs(mean));
        double ci = Double.isFinite(m.get().ci95()) ? m.get().ci95() : 0;
        s.add(x(r, p), mean, mean - ci, mean + ci);
      }
      data.addSeries(s);
    }
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.16f);
    for (int i = 0; i < lines.size(); i++) {
      renderer.setSeriesPaint(i, colour(i));
      renderer.setSeriesFillPaint(i, colour(i));
      renderer.setSeriesStroke(i, stroke(i));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    NumberAxis y = Charts.axis(unit.isEmpty() || unit.equals("1") ? null : unit);
    y.setAutoRangeIncludesZero(false);
    // A metric the sweep does not change spans at least 0.2 % of its value, not 1e-8.
    y.setAutoRangeMinimumSize(largest > 0 ? largest * MIN_SPAN : 1);
    y.setUpperMargin(0.22);
    y.setLowerMargin(0.08);
    XYPlot panel = Charts.xyPlot(data, null, y, renderer);
    panel.setNoDataMessage("No point has a value of " + key + ".");
    TextTitle title = new TextTitle(key, Charts.PLOT_TITLE_FONT);
    title.setBackgroundPaint(new Color(255, 255, 255, 210));
    title.setPadding(new RectangleInsets(2, 6, 2, 6));
    panel.addAnnotation(
        new XYTitleAnnotation(0.005, 0.985, title, RectangleAnchor.TOP_LEFT), false);
    r.optimum().ifPresent(o -> markOptimum(panel, r, o, key));
    return panel;
  }

  /** The best point (a diamond) and those not distinguishable from it (rings) in one panel. */
  private static void markOptimum(XYPlot panel, SweepResult r, Optimum o, String key) {
    XYSeries best = new XYSeries("best", false, true);
    XYSeries tied = new XYSeries("not distinguishable", false, true);
    for (int p = 0; p < r.points().size(); p++) {
      Optional<MetricStats> m = r.points().get(p).metric(key);
      if (m.isEmpty() || !Double.isFinite(m.get().mean())) {
        continue;
      }
      if (p == o.best()) {
        best.add(x(r, p), m.get().mean());
      } else if (o.notDistinguishable().get(p)) {
        tied.add(x(r, p), m.get().mean());
      }
    }
    XYSeriesCollection marks = new XYSeriesCollection();
    marks.addSeries(best);
    marks.addSeries(tied);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesShape(0, diamond(9));
    renderer.setSeriesPaint(0, BEST);
    renderer.setSeriesShape(1, ring(7));
    renderer.setSeriesPaint(1, BEST);
    renderer.setSeriesShapesFilled(1, false);
    renderer.setUseOutlinePaint(false);
    renderer.setDrawOutlines(true);
    renderer.setSeriesOutlineStroke(1, new BasicStroke(2.2f));
    renderer.setSeriesStroke(1, new BasicStroke(2.2f));
    panel.setDataset(1, marks);
    panel.setRenderer(1, renderer);
    panel.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the marks on top
  }

  private static Color colour(int line) {
    return Charts.PALETTE.get(line % Charts.PALETTE.size());
  }

  private static BasicStroke stroke(int line) {
    float[] dash = DASHES[(line / Charts.PALETTE.size()) % DASHES.length];
    return dash == null
        ? new BasicStroke(2.2f)
        : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
  }

  private static Shape diamond(double r) {
    Path2D.Double d = new Path2D.Double();
    d.moveTo(0, -r);
    d.lineTo(r, 0);
    d.lineTo(0, r);
    d.lineTo(-r, 0);
    d.closePath();
    return d;
  }

  private static Shape ring(double r) {
    return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
  }
}
