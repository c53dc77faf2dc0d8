package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.CheckpointStudyResult.Point;
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
 * {@code checkpoint_study.png}: the job's ETTR (mean line, shaded 95 % confidence band) against the
 * checkpoint interval on a log axis, with the simulated optimum, Young's and Daly's intervals as
 * vertical lines and the intervals not distinguishable from the optimum shaded.
 */
final class CheckpointStudyChart {
  static {
    Charts.init();
  }

  static final String FILE = "checkpoint_study.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 850;

  private static final Color MEAN = new Color(0x08, 0x45, 0x94);
  private static final Color BAND = new Color(0x9E, 0xCA, 0xE1);
  private static final Color RANGE = new Color(0x2E, 0x8B, 0x57, 0x30);
  private static final Color OPTIMUM = new Color(0x2E, 0x8B, 0x57);
  private static final Color YOUNG = new Color(0xD5, 0x5E, 0x00);
  private static final Color DALY = new Color(0x88, 0x3E, 0xA8);
  private static final Color CURRENT = new Color(0x55, 0x55, 0x55);
  private static final BasicStroke SOLID = new BasicStroke(2.5f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f);
  private static final BasicStroke DOTTED =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f);

  private CheckpointStudyChart() {}

  static void write(CheckpointStudyResult r, Path file) throws IOException {
    Charts.writePng(render(r), file);
  }

  static BufferedImage render(CheckpointStudyResult r) {
    return Charts.image(chart(r), WIDTH, HEIGHT);
  }

  private static JFreeChart chart(CheckpointStudyResult r) {
    YIntervalSeries ettr = new YIntervalSeries("ETTR", true, false);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Point p : r.points()) {
      double mean = p.ettr().mean() * 100;
      if (!Double.isFinite(mean) || !(p.intervalSeconds() > 0)) {
        continue;
      }
      double ci = Double.isFinite(p.ettr().ci95()) ? p.ettr().ci95() * 100 : 0;
      ettr.add(p.intervalSeconds() / 60, mean, mean - ci, mean + ci);
      lo = Math.min(lo, p.intervalSeconds() / 60);
      hi = Math.max(hi, p.intervalSeconds() / 60);
    }
    for (double s : new double[] {r.youngSeconds(), r.dalySeconds()}) {
      if (Double.isFinite(s) && s > 0) {
        lo = Math.min(lo, s / 60);
        hi = Math.max(hi, s / 60);
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(ettr);

    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setSeriesPaint(0, MEAN);
    renderer.setSeriesFillPaint(0, BAND);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setAlpha(0.6f);

    LogTicksAxis x = Charts.style(new LogTicksAxis("Checkpoint interval (min, log scale)"));
    if (hi > 0) {
      x.setRange(lo / 1.2, hi * 1.2);
    }
    NumberAxis y = Charts.axis("Job ETTR (%)  -  productive time / wall time");
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(0.5);
    y.setUpperMargin(0.15);
    y.setLowerMargin(0.08);

    XYPlot plot = Charts.xyPlot(data, x, y, renderer);
    plot.setNoDataMessage("No interval has a finite ETTR.");
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(Charts.lineItem("Mean ETTR", MEAN));
    legend.add(Charts.bandItem("95 % confidence band", BAND));
    if (r.optimumHighSeconds() > r.optimumLowSeconds()) {
      plot.addDomainMarker(
          new IntervalMarker(r.optimumLowSeconds() / 60, r.optimumHighSeconds() / 60, RANGE),
          Layer.BACKGROUND);
      legend.add(Charts.bandItem("Not distinguishable from the optimum (95 %)", RANGE));
    }
    marker(plot, legend, "Simulated optimum", r.bestPoint().intervalSeconds(), OPTIMUM, SOLID, 0);
    marker(plot, legend, "Young", r.youngSeconds(), YOUNG, DASHED, 1);
    marker(plot, legend, "Daly", r.dalySeconds(), DALY, DOTTED, 2);
    marker(plot, legend, "Current", r.currentPoint().intervalSeconds(), CURRENT, DOTTED, 3);
    plot.setFixedLegendItems(legend);

    JFreeChart chart =
        Charts.chart(r.scenario() + " - checkpoint interval study, job " + r.job(), plot);
    chart.addSubtitle(
        0,
        Charts.subtitle(
            Human.count(r.replications())
                + " replications per interval (the same random streams at every interval)   |   M = "
                + (r.killable()
                    ? Human.plain(Math.round(r.mtbfKillHours() * 100) / 100.0) + " h"
                    : "∞ (nothing can interrupt the job)")
                + ",  δ = "
                + Human.plain(r.checkpointSeconds())
                + " s,  R = "
                + Human.plain(r.restartSeconds())
                + " s",
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    return chart;
  }

  /** A vertical line at {@code seconds} (if finite), labelled at row {@code row} from the top. */
  private static void marker(
      XYPlot plot,
      LegendItemCollection legend,
      String name,
      double seconds,
      Color colour,
      BasicStroke stroke,
      int row) {
    if (!Double.isFinite(seconds) || !(seconds > 0)) {
      return;
    }
    String label = name + " " + Human.plain(Math.round(seconds / 6) / 10.0) + " min";
    ValueMarker m = new ValueMarker(seconds / 60, colour, stroke);
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
}
