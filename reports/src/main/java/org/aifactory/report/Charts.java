package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

/** The look shared by every chart: fonts, colours, axes, legend, and writing PNG files. */
final class Charts {
  // First, before any AWT class (Color, Font) loads: AWT reads the property once.
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  /**
   * Colours of lines that stand for different things (sweep points, compared variants): Okabe-Ito
   * (distinguishable with colour-blindness), without yellow (pale on white).
   */
  static final java.util.List<Color> PALETTE =
      java.util.List.of(
          new Color(0x00, 0x72, 0xB2),
          new Color(0xD5, 0x5E, 0x00),
          new Color(0x00, 0x9E, 0x73),
          new Color(0xCC, 0x79, 0xA7),
          new Color(0xE6, 0x9F, 0x00),
          new Color(0x56, 0xB4, 0xE9),
          new Color(0x33, 0x33, 0x33));

  static final Color NOTE = new Color(0xB0, 0x30, 0x00);

  static final String FONT = Font.SANS_SERIF;
  static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 22);
  static final Font PLOT_TITLE_FONT = new Font(FONT, Font.BOLD, 17);
  static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 15);
  static final Font AXIS_LABEL_FONT = new Font(FONT, Font.PLAIN, 16);
  static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 14);
  static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 14);
  static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 14);
  static final Font MARKER_FONT = new Font(FONT, Font.BOLD, 13);

  private Charts() {}

  /** Call first in the static initialiser of a chart class: sets headless mode before AWT. */
  static void init() {
    // loading this class is the point
  }

  /** A number axis with the shared fonts and 1-2-5 ticks labelled in Locale.ROOT. */
  static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    style(axis);
    axis.setStandardTickUnits(new RootTickUnits());
    return axis;
  }

  /** The shared fonts and colours of an axis. */
  static <A extends Axis> A style(A axis) {
    axis.setLabelFont(AXIS_LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(Color.BLACK);
    axis.setTickLabelPaint(Color.BLACK);
    return axis;
  }

  /**
   * A panel of lines over a shared time axis: each series in its colour, 2 px wide, on a y axis
   * labelled {@code axisLabel} (its range from the data, zero included only if asked).
   */
  static XYPlot linePanel(
      org.jfree.data.xy.XYSeries[] series, Color[] colours, String axisLabel, boolean fromZero) {
    org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
    org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
        new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < series.length; i++) {
      data.addSeries(series[i]);
      renderer.setSeriesPaint(i, colours[i]);
      renderer.setSeriesStroke(i, new java.awt.BasicStroke(2f));
    }
    NumberAxis y = axis(axisLabel);
    y.setAutoRangeIncludesZero(fromZero);
    return xyPlot(data, null, y, renderer);
  }

  /** An XY plot on white with light grid lines. */
  static XYPlot xyPlot(XYDataset data, ValueAxis x, ValueAxis y, XYItemRenderer renderer) {
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    return plot;
  }

  /** A chart with a bold title and the legend on top, right-aligned. */
  static JFreeChart chart(String title, Plot plot) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(10, 10, 6, 24));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(LEGEND_FONT);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
    return chart;
  }

  /** {@code " | note"}, or "" for an empty note: the end of a chart's figures line. */
  static String noteSuffix(String note) {
    return note.isEmpty() ? "" : "   |   " + note;
  }

  static TextTitle subtitle(String text, Font font, Paint paint) {
    TextTitle t = new TextTitle(text, font);
    t.setPaint(paint);
    t.setPadding(new RectangleInsets(2, 0, 2, 0));
    return t;
  }

  static LegendItem bandItem(String label, Paint fill) {
    Shape box = new Rectangle2D.Double(-9, -6, 18, 12);
    return new LegendItem(label, null, null, null, box, fill);
  }

  static LegendItem lineItem(String label, Paint paint) {
    return lineItem(label, paint, new BasicStroke(2.5f));
  }

  static LegendItem lineItem(String label, Paint paint, BasicStroke stroke) {
    Shape line = new Line2D.Double(-10, 0, 10, 0);
    return new LegendItem(label, null, null, null, line, stroke, paint);
  }

  /**
   * The data area of {@code chart}'s plot drawn at {@code width} × {@code height} (of its first
   * subplot for a combined plot), measured by drawing it on a scratch image.
   *
   * <p>The layout depends on the area drawn into and the fonts, not on the image: the scratch image
   * is one pixel, so nearly nothing is rasterised, and no entities (tooltip areas) are collected.
   */
  static Rectangle2D dataArea(JFreeChart chart, int width, int height) {
    ChartRenderingInfo info = new ChartRenderingInfo(null);
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
    } finally {
      g.dispose();
    }
    PlotRenderingInfo plot = info.getPlotInfo();
    return plot.getSubplotCount() > 0 ? plot.getSubplotInfo(0).getDataArea() : plot.getDataArea();
  }

  /** The width of {@code text} in {@code font}, in pixels, as drawn with anti-aliasing. */
  static double textWidth(String text, Font font) {
    return font.getStringBounds(text, new FontRenderContext(null, true, true)).getWidth();
  }

  /** {@code chart} drawn on a white image of the given size. */
  static BufferedImage image(JFreeChart chart, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setPaint(Color.WHITE);
      g.fillRect(0, 0, width, height);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return image;
  }

  static void writePng(BufferedImage image, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      if (!ImageIO.write(image, "png", ios)) {
        throw new IOException("no PNG writer available");
      }
    }
  }
}
