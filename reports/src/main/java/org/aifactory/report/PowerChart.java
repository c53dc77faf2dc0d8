package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * {@code power.png}: two stacked charts of site power. Top: the whole run as a min-max band per
 * bucket with the mean as a line, and the full-resolution window marked. Bottom: the window itself,
 * every power step, as a step plot. A window in which power never changes (averaged pulses and no
 * checkpoint, failure or job start in it) would be a flat line: then the image is the whole-run
 * chart alone, {@link #ENVELOPE_ONLY_HEIGHT} high, and says why.
 */
final class PowerChart {
  // First, before any AWT class (Color, Font) loads: AWT reads the property once.
  static {
    Charts.init();
  }

  static final String FILE = "power.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;
  static final int ENVELOPE_ONLY_HEIGHT = 640;
  private static final int TOP_HEIGHT = 570;

  /** More buckets than this are merged for drawing (min of mins, max of maxes, weighted mean). */
  static final int MAX_DRAWN_BUCKETS = 2000;

  private static final Color MEAN = new Color(0x08, 0x45, 0x94);
  private static final Color BAND = new Color(0x9E, 0xCA, 0xE1);
  private static final Color WINDOW = new Color(0xD5, 0x5E, 0x00);
  private static final Color WINDOW_SHADE = new Color(0xD5, 0x5E, 0x00, 0x50);

  /** Left axis space of both plots, so that their data areas line up. */
  private static final double AXIS_SPACE_LEFT = 90;

  private PowerChart() {}

  static void write(RunResult result, Path file) throws IOException {
    write(result, "", file);
  }

  /** With {@code note} (e.g. "replication 0 of 100") after the figures line; "" for none. */
  static void write(RunResult result, String note, Path file) throws IOException {
    Charts.writePng(render(result, note), file);
  }

  static BufferedImage render(RunResult result) {
    return render(result, "");
  }

  /**
   * True when the full-resolution window shows a change of power (pulses, a checkpoint, a failure,
   * a job starting or ending): only then is it worth its panel.
   */
  static boolean showsZoom(RunResult result) {
    return result.series().stepCount() >= 2;
  }

  /** The height of the image: {@link #HEIGHT} with the zoom panel, else the envelope's. */
  static int height(RunResult result) {
    return showsZoom(result) ? HEIGHT : ENVELOPE_ONLY_HEIGHT;
  }

  static BufferedImage render(RunResult result, String note) {
    if (!showsZoom(result)) {
      return Charts.image(envelopeChart(result, note), WIDTH, ENVELOPE_ONLY_HEIGHT);
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setPaint(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      envelopeChart(result, note).draw(g, new Rectangle2D.Double(0, 0, WIDTH, TOP_HEIGHT));
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setPaint(Charts.GRID);
      g.drawLine(20, TOP_HEIGHT, WIDTH - 20, TOP_HEIGHT);
      windowChart(result)
          .draw(g, new Rectangle2D.Double(0, TOP_HEIGHT + 1, WIDTH, HEIGHT - TOP_HEIGHT - 1));
    } finally {
      g.dispose();
    }
    return image;
  }

  // ---------------------------------------------------------------- whole run

  private static JFreeChart envelopeChart(RunResult r, String note) {
    PowerSeries s = r.series();
    long horizonNanos = r.horizon().toNanos();
    List<double[]> buckets = drawnBuckets(s, horizonNanos, MAX_DRAWN_BUCKETS);

    YIntervalSeries band = new YIntervalSeries("site power", false, true);
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (double[] b : buckets) {
      lowest = Math.min(lowest, b[2]);
      highest = Math.max(highest, b[4]);
    }
    // The y axis spans at least 5 % of the highest power, so that flat power is not magnified
    // into noise; a band where min == max would have no height: give it a thin minimum.
    double minAxisRange = minimumAxisRange(highest);
    double minHalfHeight = 0.008 * Math.max(highest - lowest, minAxisRange);
    for (double[] b : buckets) {
      double lo = b[2];
      double hi = b[4];
      if (hi - lo < 2 * minHalfHeight) {
        double mid = (hi + lo) / 2;
        lo = Math.min(lo, mid - minHalfHeight);
        hi = Math.max(hi, mid + minHalfHeight);
      }
      band.add(b[0], b[3], lo, hi); // each bucket is a flat step from its start ...
      band.add(b[1], b[3], lo, hi); // ... to its end
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(band);

    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setSeriesPaint(0, MEAN);
    renderer.setSeriesFillPaint(0, BAND);
    renderer.setSeriesStroke(0, new BasicStroke(1.4f));
    renderer.setAlpha(1f); // opaque band: no seams, the mean line is drawn on top

    double horizonHours = horizonNanos / 3.6e12;
    NumberAxis x = axis("Time (h)");
    if (horizonHours > 0) {
      x.setRange(0, horizonHours);
    }
    NumberAxis y = axis("Site power (MW)");
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(minAxisRange);
    y.setUpperMargin(0.08);
    y.setLowerMargin(0.08);

    XYPlot plot = plot(data, x, y, renderer);
    plot.setNoDataMessage("No power buckets recorded.");

    LegendItemCollection legend = new LegendItemCollection();
    legend.add(
        Charts.bandItem(
            "Min-max site power per " + Human.duration(s.bucketNanos() / 1e9) + " bucket", BAND));
    legend.add(Charts.lineItem("Mean site power per bucket", MEAN));

    long ws = s.windowStartNanos();
    long we = s.windowEndNanos();
    if (we > ws && showsZoom(r)) {
      double startH = ws / 3.6e12;
      double endH = we / 3.6e12;
      IntervalMarker window =
          new IntervalMarker(
              startH, endH, WINDOW_SHADE, new BasicStroke(1.2f), WINDOW, new BasicStroke(1.2f), 1f);
      window.setLabel("window");
      window.setLabelFont(new Font(Charts.FONT, Font.BOLD, 13));
      window.setLabelPaint(WINDOW);
      window.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      boolean labelLeft = horizonHours > 0 && startH > 0.75 * horizonHours;
      window.setLabelAnchor(labelLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
      window.setLabelTextAnchor(labelLeft ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
      window.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
      plot.addDomainMarker(window);
      legend.add(Charts.bandItem("Full-resolution window (below)", WINDOW_SHADE));
    }
    plot.setFixedLegendItems(legend);

    JFreeChart chart =
        Charts.chart(
            r.scenario()
                + " - site power, pulse resolution "
                + Formats.resolution(r.pulseResolution()),
            plot);
    // Subtitles go above the legend (index 0 is the legend).
    chart.addSubtitle(
        0,
        Charts.subtitle(
            statsLine(r) + Charts.noteSuffix(note), Charts.SUBTITLE_FONT, Color.DARK_GRAY));
    int at = 1;
    if (!r.pulsesResolved()) {
      chart.addSubtitle(
          at++,
          Charts.subtitle(
              "Pulses are averaged: peaks, ramps and swing do not show individual iteration pulses"
                  + " (use pulse_resolution: full).",
              Charts.SUBTITLE_FONT,
              Charts.NOTE));
    }
    if (!showsZoom(r)) {
      chart.addSubtitle(at, Charts.subtitle(noZoomNote(r), Charts.SUBTITLE_FONT, Color.DARK_GRAY));
    }
    return chart;
  }

  /** Why there is no zoom panel. */
  static String noZoomNote(RunResult r) {
    PowerSeries s = r.series();
    if (s.windowEndNanos() <= s.windowStartNanos()) {
      return "No zoom panel: no full-resolution window was recorded.";
    }
    return String.format(
        Locale.ROOT,
        "No zoom panel: site power is constant in the full-resolution window (%s from %s h).",
        Human.duration((s.windowEndNanos() - s.windowStartNanos()) / 1e9),
        Human.fixed(s.windowStartNanos() / 3.6e12, 2));
  }

  private static String statsLine(RunResult r) {
    PowerStats p = r.power();
    double peak = p.peakWatts() / 1e6;
    double mean = p.meanWatts() / 1e6;
    double min = p.minWatts() / 1e6;
    double swing = p.swingWatts() / 1e6;
    int d = Human.decimalsFor(peak, mean, min, swing);
    double ramp = p.maxRampWattsPerSecond() / 1e6;
    return String.format(
        Locale.ROOT,
        "Peak %s MW   mean %s MW   min %s MW   swing %s MW   max ramp %s MW/s   |   %s, %s GPUs,"
            + " seed %d",
        Human.fixed(peak, d),
        Human.fixed(mean, d),
        Human.fixed(min, d),
        Human.fixed(swing, d),
        Human.fixed(ramp, Human.decimalsFor(ramp)),
        Human.duration(r.horizon().toNanos() / 1e9),
        Human.count(r.gpus()),
        r.seed());
  }

  /**
   * Buckets to draw, each {start h, end h, min MW, mean MW, max MW}; at most {@code max} of them
   * (consecutive buckets merged), buckets with a non-finite figure left out.
   */
  static List<double[]> drawnBuckets(PowerSeries s, long horizonNanos, int max) {
    int n = s.bucketCount();
    int group = Math.max(1, (n + max - 1) / max);
    List<double[]> out = new ArrayList<>();
    for (int first = 0; first < n; first += group) {
      int last = Math.min(n, first + group) - 1;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double weighted = 0;
      double duration = 0;
      double sum = 0;
      int used = 0;
      for (int i = first; i <= last; i++) {
        double min = s.minWatts(i);
        double mean = s.meanWatts(i);
        double maxW = s.maxWatts(i);
        if (!Double.isFinite(min) || !Double.isFinite(mean) || !Double.isFinite(maxW)) {
          continue;
        }
        double d = Buckets.endNanos(s, i, horizonNanos) - Buckets.startNanos(s, i);
        lo = Math.min(lo, min);
        hi = Math.max(hi, maxW);
        weighted += mean * Math.max(d, 0);
        duration += Math.max(d, 0);
        sum += mean;
        used++;
      }
      if (used == 0) {
        continue;
      }
      double mean = duration > 0 ? weighted / duration : sum / used;
      out.add(
          new double[] {
            Buckets.startNanos(s, first) / 3.6e12,
            Buckets.endNanos(s, last, horizonNanos) / 3.6e12,
            lo / 1e6,
            mean / 1e6,
            hi / 1e6
          });
    }
    return out;
  }

  // ---------------------------------------------------------------- window

  private static JFreeChart windowChart(RunResult r) {
    PowerSeries s = r.series();
    long ws = s.windowStartNanos();
    long we = s.windowEndNanos();
    int n = s.stepCount();
    double lengthSeconds = (we - ws) / 1e9;

    XYSeries steps = new XYSeries("Site power, every step", false, true);
    double highest = 0;
    for (int i = 0; i < n; i++) {
      steps.add((s.stepTimeNanos(i) - ws) / 1e9, s.stepWatts(i) / 1e6);
      highest = Math.max(highest, s.stepWatts(i) / 1e6);
    }
    if (n > 0) {
      steps.add(lengthSeconds, s.stepWatts(n - 1) / 1e6); // the last level holds to the end
    }
    XYSeriesCollection data = new XYSeriesCollection();
    if (n > 0) {
      data.addSeries(steps);
    }

    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setSeriesPaint(0, WINDOW);
    renderer.setSeriesStroke(0, new BasicStroke(1.6f));

    double startH = ws / 3.6e12;
    NumberAxis x =
        axis(
            String.format(
                Locale.ROOT,
                "Time (s) from the window start at %s h (t = %s s)",
                Human.fixed(startH, 3),
                Human.fixed(ws / 1e9, 1)));
    if (lengthSeconds > 0) {
      x.setRange(0, lengthSeconds);
    }
    NumberAxis y = axis("Site power (MW)");
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(minimumAxisRange(highest));
    y.setUpperMargin(0.1);
    y.setLowerMargin(0.1);

    XYPlot plot = plot(data, x, y, renderer);
    plot.setNoDataMessage("No full-resolution window: the run recorded no power steps in it.");
    plot.setNoDataMessageFont(new Font(Charts.FONT, Font.ITALIC, 18));
    plot.setNoDataMessagePaint(Color.DARK_GRAY);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(
        Charts.lineItem(
            r.pulsesResolved()
                ? "Site power, every step (full resolution)"
                : "Site power, every step (iteration pulses averaged)",
            WINDOW));
    plot.setFixedLegendItems(legend);

    String title =
        n > 0 || lengthSeconds > 0
            ? String.format(
                Locale.ROOT,
                "Zoom: %s window at %s h, %s power steps",
                Human.duration(lengthSeconds),
                Human.fixed(startH, 2),
                Human.count(n))
            : "Zoom: full-resolution window";
    JFreeChart chart = Charts.chart(title, plot);
    chart.getTitle().setFont(Charts.PLOT_TITLE_FONT);
    return chart;
  }

  // ---------------------------------------------------------------- common styling

  /** Smallest span of a power axis, in MW: 5 % of the highest power, at least 10 kW. */
  private static double minimumAxisRange(double highestMw) {
    return Double.isFinite(highestMw) ? Math.max(0.05 * Math.abs(highestMw), 0.01) : 1;
  }

  private static NumberAxis axis(String label) {
    return Charts.axis(label);
  }

  private static XYPlot plot(XYDataset data, NumberAxis x, NumberAxis y, XYItemRenderer renderer) {
    XYPlot plot = Charts.xyPlot(data, x, y, renderer);
    AxisSpace space = new AxisSpace();
    space.setLeft(AXIS_SPACE_LEFT);
    plot.setFixedRangeAxisSpace(space);
    return plot;
  }
}
