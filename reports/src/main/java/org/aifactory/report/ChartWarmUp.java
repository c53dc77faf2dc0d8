package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Gets the chart machinery ready on a thread of its own while a command reads its scenario and
 * simulates: the first chart of a JVM spends most of its time loading and initialising AWT, the
 * fonts, Java2D's rasteriser, JFreeChart and the PNG writer, not drawing. The warm-up draws two
 * small throwaway charts of the kinds the reports draw (XY with a band, steps and a marker;
 * horizontal interval bars) with the reports' fonts and encodes a PNG in memory. It writes nothing
 * and changes no setting, so the reports are the same with or without it.
 */
public final class ChartWarmUp {
  private final Thread thread;

  private ChartWarmUp(Thread thread) {
    this.thread = thread;
  }

  /** Starts warming up on a daemon thread. */
  public static ChartWarmUp start() {
    Thread t = new Thread(ChartWarmUp::warmUp, "chart-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
    return new ChartWarmUp(t);
  }

  /**
   * Waits until the warm-up is over, so that it never initialises a class at the same time as a
   * chart being drawn (two threads initialising classes that need each other would wait forever).
   */
  public void await() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void warmUp() {
    try {
      Charts.textWidth("0123456789 MW", Charts.LABEL_FONT);
      BufferedImage xy = Charts.image(xyChart(), 320, 200);
      BufferedImage bars = Charts.image(barChart(), 320, 200);
      Charts.dataArea(barChart(), 320, 200);
      try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          ImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
        ImageIO.write(xy, "png", ios);
        ImageIO.write(bars, "png", ios);
      }
    } catch (IOException | RuntimeException e) {
      // Only time is lost: the reports draw their charts anyway and report their own errors.
    }
  }

  private static JFreeChart xyChart() {
    YIntervalSeries band = new YIntervalSeries("band", false, true);
    XYSeries steps = new XYSeries("steps", false, true);
    for (int i = 0; i < 50; i++) {
      band.add(i, Math.sin(i), Math.sin(i) - 0.5, Math.sin(i) + 0.5);
      steps.add(i, i % 3);
    }
    YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
    bandData.addSeries(band);
    DeviationRenderer deviation = new DeviationRenderer(true, false);
    deviation.setSeriesStroke(0, new BasicStroke(1.4f));
    XYPlot plot =
        Charts.xyPlot(bandData, Charts.axis("Time (h)"), Charts.axis("Power (MW)"), deviation);
    XYSeriesCollection stepData = new XYSeriesCollection();
    stepData.addSeries(steps);
    plot.setDataset(1, stepData);
    plot.setRenderer(1, new XYStepRenderer());
    IntervalMarker marker =
        new IntervalMarker(10, 20, Color.ORANGE, new BasicStroke(1.2f), Color.RED, null, 1f);
    marker.setLabel("window");
    marker.setLabelFont(Charts.MARKER_FONT);
    plot.addDomainMarker(marker);
    JFreeChart chart = Charts.chart("Warm-up", plot);
    chart.addSubtitle(0, Charts.subtitle("figures", Charts.SUBTITLE_FONT, Color.DARK_GRAY));
    return chart;
  }

  private static JFreeChart barChart() {
    DefaultIntervalCategoryDataset data =
        new DefaultIntervalCategoryDataset(
            new double[][] {{0, 10, 20}}, new double[][] {{10, 20, 25}});
    NumberAxis value = Charts.axis("GPU-hours");
    CategoryAxis category = Charts.style(new CategoryAxis());
    CategoryPlot plot = new CategoryPlot(data, category, value, new IntervalBarRenderer());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    return Charts.chart("Warm-up", plot);
  }
}
