package org.aifactory.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.ReplicationSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code cost.png}, drawn when the scenario has economics: on the left the annual cost by part
 * (depreciation of systems and facility, energy, operations and maintenance) with the lost
 * production beside it, each labelled in dollars and as a share of the cost; on the right the cost
 * per million tokens of training, inference and all. Means over the replications when there are
 * several.
 */
final class CostChart {
  static {
    Charts.init();
  }

  static final String FILE = "cost.png";
  static final int WIDTH = 1600;
  static final int HEIGHT = 700;

  private static final Color CAPITAL = new Color(0x4D, 0x6A, 0x8A);
  private static final Color FACILITY = new Color(0x7F, 0x9C, 0xBB);
  private static final Color ENERGY = new Color(0xE6, 0xA2, 0x3C);
  private static final Color OPERATIONS = new Color(0x9B, 0x6B, 0xBF);
  private static final Color LOST = new Color(0xD3, 0x2F, 0x2F);
  private static final Color TOKENS = new Color(0x2E, 0x8B, 0x57);

  private CostChart() {}

  /** True when the set's runs were priced (the scenario has economics). */
  static boolean drawn(ReplicationSet set) {
    return set.indexOf(MetricKeys.ECONOMICS_ANNUAL_TOTAL) >= 0;
  }

  /** One bar: its label, value and colour. */
  record Bar(String label, double value, Color colour) {}

  static void write(ReplicationSet set, String note, Path file) throws IOException {
    Charts.writePng(render(set, note), file);
  }

  static BufferedImage render(ReplicationSet set, String note) {
    Figures f = Figures.of(set);
    double total = f.value(MetricKeys.ECONOMICS_ANNUAL_TOTAL);
    List<Bar> parts =
        List.of(
            new Bar(
                "Systems (depreciation)", f.value(MetricKeys.ECONOMICS_ANNUAL_SYSTEMS), CAPITAL),
            new Bar(
                "Facility (depreciation)", f.value(MetricKeys.ECONOMICS_ANNUAL_FACILITY), FACILITY),
            new Bar("Energy", f.value(MetricKeys.ECONOMICS_ANNUAL_ENERGY), ENERGY),
            new Bar(
                "Operations and maintenance",
                f.value(MetricKeys.ECONOMICS_ANNUAL_OPERATIONS),
                OPERATIONS),
            new Bar(
                "Lost production (beside the cost)",
                f.value(MetricKeys.ECONOMICS_LOST_TOTAL),
                LOST));
    List<Bar> perToken = new ArrayList<>();
    addIfPresent(perToken, set, f, "Training", MetricKeys.ECONOMICS_PER_MTOK_TRAINING);
    addIfPresent(perToken, set, f, "Inference", MetricKeys.ECONOMICS_PER_MTOK_INFERENCE);
    addIfPresent(perToken, set, f, "All tokens", MetricKeys.ECONOMICS_PER_MTOK_ALL);
    JFreeChart left =
        chart(
            "Annual cost by part",
            "$ M a year",
            parts,
            1e-6,
            v ->
                Double.isFinite(v) && total > 0
                    ? String.format(
                        Locale.ROOT,
                        "$%s M  (%s)",
                        Human.threeDigits(v / 1e6),
                        Human.percent(v / total))
                    : "");
    String share = Human.percent(f.value(MetricKeys.ECONOMICS_POWER_SHARE_OPEX));
    left.addSubtitle(
        Charts.subtitle(
            "total $"
                + Human.threeDigits(total / 1e6)
                + " M a year; power is "
                + share
                + " of operating cost (energy + O&M)"
                + Charts.noteSuffix(note),
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    JFreeChart right =
        chart(
            "Cost per million tokens",
            "$ per million tokens",
            perToken,
            1,
            v -> Double.isFinite(v) ? "$" + Human.threeDigits(v) : "no tokens");
    right.addSubtitle(
        Charts.subtitle(
            "fixed costs shared by GPU-hours, energy by IT energy",
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setPaint(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      int split = WIDTH * 3 / 5;
      left.draw(g, new Rectangle2D.Double(0, 0, split, HEIGHT));
      right.draw(g, new Rectangle2D.Double(split, 0, WIDTH - split, HEIGHT));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void addIfPresent(
      List<Bar> bars, ReplicationSet set, Figures f, String label, String key) {
    if (set.indexOf(key) >= 0) {
      bars.add(new Bar(label, f.value(key), TOKENS));
    }
  }

  /** Labels a bar's value (in the data's own unit, before scaling). */
  private interface Label {
    String of(double value);
  }

  private static JFreeChart chart(
      String title, String axisLabel, List<Bar> bars, double scale, Label label) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      double v = b.value() * scale;
      data.addValue(Double.isFinite(v) ? v : 0, "", b.label());
    }
    CategoryAxis categories = Charts.style(new CategoryAxis());
    NumberAxis values = Charts.axis(axisLabel);
    values.setUpperMargin(0.35);
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public java.awt.Paint getItemPaint(int row, int column) {
            return bars.get(column).colour();
          }
        };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setDefaultItemLabelGenerator(
        new CategoryItemLabelGenerator() {
          @Override
          public String generateRowLabel(CategoryDataset dataset, int row) {
            return "";
          }

          @Override
          public String generateColumnLabel(CategoryDataset dataset, int column) {
            return bars.get(column).label();
          }

          @Override
          public String generateLabel(CategoryDataset dataset, int row, int column) {
            return label.of(bars.get(column).value());
          }
        });
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(Charts.LABEL_FONT);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    plot.setRangeGridlinePaint(Charts.GRID);
    JFreeChart chart = Charts.chart(title, plot);
    chart.removeLegend();
    return chart;
  }
}
