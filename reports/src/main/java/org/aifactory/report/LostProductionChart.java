package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * {@code lost_production.png}: a horizontal waterfall from installed GPU-hours down to productive
 * GPU-hours. Each bar between them is one loss that the run has (idle, down, checkpointing,
 * restarting, waiting, and lost work split by its top causes; a loss of zero has no bar), floating
 * where the running total was; every bar is labelled with its GPU-hours and share of installed. A
 * run without any loss shows installed and productive and says so.
 */
final class LostProductionChart {
  static {
    Charts.init();
  }

  static final String FILE = "lost_production.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 850;

  /** Causes of lost work drawn as bars of their own; the rest are summed up. */
  static final int TOP_CAUSES = 3;

  private static final Color INSTALLED = new Color(0x4D, 0x6A, 0x8A);
  private static final Color IDLE = new Color(0xBD, 0xBD, 0xBD);
  private static final Color DOWN = new Color(0x6E, 0x6E, 0x6E);
  private static final Color CHECKPOINT = new Color(0xE6, 0xA2, 0x3C);
  private static final Color RESTART = new Color(0xF0, 0x7F, 0x3C);
  private static final Color WAITING = new Color(0x9B, 0x6B, 0xBF);
  private static final Color[] LOST = {
    new Color(0xB7, 0x1C, 0x1C), new Color(0xD3, 0x2F, 0x2F), new Color(0xE5, 0x73, 0x73)
  };
  private static final Color LOST_OTHER = new Color(0xEF, 0xA8, 0xA8);
  private static final Color PRODUCTIVE = new Color(0x2E, 0x8B, 0x57);
  private static final Color THROTTLING = new Color(0xC7, 0x9A, 0x00);

  /** A loss below this share of installed GPU-hours is zero (rounding), and has no bar. */
  private static final double ZERO = 1e-9;

  /** One bar: from {@code start} to {@code end} GPU-hours. */
  record Step(String label, double start, double end, Color colour) {
    double hours() {
      return end - start;
    }
  }

  private LostProductionChart() {}

  static void write(RunResult result, Path file) throws IOException {
    write(result, "", file);
  }

  /** With {@code note} (e.g. "replication 0 of 100") at the end of the subtitle; "" for none. */
  static void write(RunResult result, String note, Path file) throws IOException {
    Charts.writePng(render(result, note), file);
  }

  /**
   * Drawn twice: once to measure the plot's width, then with the value axis fitted to the bars and
   * each label where it fits ({@link WaterfallLabels}).
   */
  static BufferedImage render(RunResult result, String note) {
    List<Step> steps = steps(result);
    double installed = result.gpuHours().installed();
    List<WaterfallLabels.Bar> bars = new ArrayList<>();
    for (Step st : steps) {
      bars.add(
          new WaterfallLabels.Bar(
              st.start(),
              st.end(),
              Charts.textWidth(valueLabel(st.hours(), installed), Charts.LABEL_FONT)));
    }
    WaterfallLabels.Layout first = WaterfallLabels.layout(bars, WIDTH / 2.0);
    double areaPx = Charts.dataArea(chart(result, note, steps, first), WIDTH, HEIGHT).getWidth();
    WaterfallLabels.Layout layout = WaterfallLabels.layout(bars, areaPx);
    return Charts.image(chart(result, note, steps, layout), WIDTH, HEIGHT);
  }

  /** True when some loss is not zero. */
  static boolean hasLosses(RunResult r) {
    return steps(r).size() > 2;
  }

  /**
   * The bars, top to bottom: installed, each loss that is not zero below the running total,
   * productive.
   */
  static List<Step> steps(RunResult r) {
    GpuHours h = r.gpuHours();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("Installed", 0, h.installed(), INSTALLED));
    double[] left = {h.installed()};
    double zero = ZERO * Math.abs(h.installed());
    loss(steps, left, "Idle", h.idle(), IDLE, zero);
    loss(steps, left, "Down (failed, in repair)", h.down(), DOWN, zero);
    loss(steps, left, "Checkpointing", h.checkpoint(), CHECKPOINT, zero);
    loss(steps, left, "Restarting", h.restart(), RESTART, zero);
    loss(steps, left, "Waiting for spares or repair", h.waiting(), WAITING, zero);
    loss(steps, left, "Throttled (power caps, thermal)", h.throttling(), THROTTLING, zero);
    Map<String, Double> byCause = lostWorkByCause(r, h.lostWork());
    if (byCause.isEmpty()) {
      loss(steps, left, "Lost work (recomputed)", h.lostWork(), LOST[0], zero);
    } else {
      int i = 0;
      for (Map.Entry<String, Double> e : byCause.entrySet()) {
        boolean other = e.getKey().isEmpty();
        loss(
            steps,
            left,
            other ? "Lost work: other causes" : "Lost work: " + e.getKey(),
            e.getValue(),
            other ? LOST_OTHER : LOST[i++],
            zero);
      }
    }
    steps.add(new Step("Productive", 0, h.productive(), PRODUCTIVE));
    return steps;
  }

  private static void loss(
      List<Step> steps, double[] left, String label, double hours, Color colour, double zero) {
    if (Math.abs(hours) > zero) {
      steps.add(new Step(label, left[0] - hours, left[0], colour));
      left[0] -= hours;
    }
  }

  /**
   * Lost work GPU-hours of the top causes, from the interruption rows of the event log, scaled to
   * add up to at most {@code lostWork}; the rest under the cause "" (other). Empty without rows.
   */
  static Map<String, Double> lostWorkByCause(RunResult r, double lostWork) {
    Map<String, Double> all = new LinkedHashMap<>();
    for (String cause : r.causes()) {
      all.put(cause, 0.0);
    }
    double sum = 0;
    for (FailureLog.Row e : r.events()) {
      if (e.kind() == FailureLog.Kind.INTERRUPTION && e.workLostGpuHours() > 0) {
        all.merge(e.cause(), e.workLostGpuHours(), Double::sum);
        sum += e.workLostGpuHours();
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    if (!(sum > 0) || !(lostWork > 0)) {
      return out;
    }
    double scale = Math.min(1, lostWork / sum);
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(all.entrySet());
    sorted.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    double shown = 0;
    for (Map.Entry<String, Double> e : sorted.subList(0, Math.min(TOP_CAUSES, sorted.size()))) {
      if (e.getValue() > 0) {
        out.put(e.getKey(), e.getValue() * scale);
        shown += e.getValue() * scale;
      }
    }
    double rest = lostWork - shown;
    if (rest > 1e-9 * lostWork) {
      out.put("", rest);
    }
    return out;
  }

  private static JFreeChart chart(
      RunResult r, String note, List<Step> steps, WaterfallLabels.Layout layout) {
    int n = steps.size();
    String[] categories = new String[n];
    Number[][] starts = new Number[1][n];
    Number[][] ends = new Number[1][n];
    for (int i = 0; i < n; i++) {
      categories[i] = steps.get(i).label();
      starts[0][i] = steps.get(i).start();
      ends[0][i] = steps.get(i).end();
    }
    DefaultIntervalCategoryDataset data =
        new DefaultIntervalCategoryDataset(new String[] {"GPU-hours"}, categories, starts, ends);

    IntervalBarRenderer renderer =
        new IntervalBarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return steps.get(column).colour();
          }
        };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.09);

    CategoryAxis y =
        Charts.style(new CategoryAxis("Installed, minus each loss, leaves productive"));
    y.setMaximumCategoryLabelWidthRatio(0.35f);
    y.setCategoryMargin(0.3);
    y.setLowerMargin(0.02);
    y.setUpperMargin(0.02);
    double installed = r.gpuHours().installed();
    NumberAxis x = Charts.axis("GPU-hours");
    x.setRange(0, layout.upper());

    CategoryPlot plot = new CategoryPlot(data, y, x, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    plot.setRangeGridlinePaint(Charts.GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    double gap = layout.gap();
    for (int i = 0; i < n; i++) {
      Step s = steps.get(i);
      WaterfallLabels.Side side = layout.sides().get(i);
      double at =
          switch (side) {
            case LEFT -> s.start() - gap;
            case INSIDE -> s.end() - gap;
            case RIGHT -> s.end() + gap;
          };
      CategoryTextAnnotation label =
          new CategoryTextAnnotation(valueLabel(s.hours(), installed), s.label(), at);
      label.setFont(Charts.LABEL_FONT);
      label.setPaint(side == WaterfallLabels.Side.INSIDE ? Color.WHITE : Color.BLACK);
      label.setTextAnchor(
          side == WaterfallLabels.Side.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
      label.setCategoryAnchor(CategoryAnchor.MIDDLE);
      plot.addAnnotation(label);
    }

    JFreeChart chart = Charts.chart(r.scenario() + " - where the installed GPU-hours went", plot);
    chart.removeLegend();
    chart.addSubtitle(
        Charts.subtitle(
            subtitle(r) + Charts.noteSuffix(note), Charts.SUBTITLE_FONT, Color.DARK_GRAY));
    if (n <= 2) {
      chart.addSubtitle(Charts.subtitle(noLossNote(r), Charts.SUBTITLE_FONT, Charts.NOTE));
    }
    return chart;
  }

  /** The note of a run without any loss. */
  static String noLossNote(RunResult r) {
    return "No lost production: all "
        + Human.count(r.gpuHours().installed())
        + " installed GPU-hours were productive (no idle, checkpointing, restarting, waiting,"
        + " downtime or lost work).";
  }

  /** {@code 12,345 GPU-h (6.3 %)}. */
  static String valueLabel(double hours, double installed) {
    String value = Math.abs(hours) >= 100 ? Human.count(hours) : Human.plain(hours);
    return value + " GPU-h" + (installed > 0 ? "  (" + Human.percent(hours / installed) + ")" : "");
  }

  private static String subtitle(RunResult r) {
    String line =
        String.format(
            Locale.ROOT,
            "%s GPUs × %s   |   productive %s of installed   |   ETTR %s",
            Human.count(r.gpus()),
            Human.duration(r.horizonHours() * 3600),
            Human.percent(r.gpuHours().productive() / r.gpuHours().installed()),
            Double.isFinite(r.ettr()) ? Human.percent(r.ettr()) : "n/a");
    if (!r.causes().isEmpty()) {
      line += "   |   " + Human.count(r.interruptions()) + " interruptions";
    }
    return line;
  }
}
