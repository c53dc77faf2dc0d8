package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SiteResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code grid.png}, written with a site section, in up to three parts stacked. Over the run: the
 * site load (bucket mean), the grid import (bucket lowest, mean, highest) and the smoothed load the
 * battery steers the import to (its ramp-limited moving average; the load itself without a
 * battery), with the start of every violation of a broken rule marked (the first 200 of each), and
 * the battery's state of charge below. Then the recorder's full-resolution window: load, smoothed
 * load and grid import piece by piece. Last, for each oscillation rule, the amplitude spectrum of
 * its worst window with the band's edges and the limit.
 */
final class GridChart {
  static {
    Charts.init();
  }

  static final String FILE = "grid.png";
  static final int WIDTH = 1400;
  static final int MAX_DRAWN = 2000;

  private static final Color LOAD = new Color(0x99, 0x99, 0x99);
  private static final Color GRID_MEAN = new Color(0x08, 0x45, 0x94);
  private static final Color GRID_RANGE = new Color(0x6B, 0xAE, 0xD6);
  private static final Color SMOOTHED = new Color(0xD5, 0x5E, 0x00);
  private static final Color SOC = new Color(0x2E, 0x8B, 0x57);
  private static final Color VIOLATION = new Color(0xC0, 0x00, 0x00, 0x60);
  private static final Color LIMIT = new Color(0xC0, 0x00, 0x00);

  private GridChart() {}

  static boolean drawn(RunResult r) {
    return r.site().isPresent();
  }

  static void write(RunResult r, String note, Path file) throws IOException {
    SiteResult s = r.site().orElseThrow();
    List<BufferedImage> parts = new ArrayList<>();
    parts.add(Charts.image(overview(r, s, note), WIDTH, s.battery().isPresent() ? 760 : 600));
    if (s.window().timesNanos().length > 1) {
      parts.add(Charts.image(window(r, s), WIDTH, 420));
    }
    for (SiteResult.Spectrum spectrum : s.spectra()) {
      parts.add(Charts.image(spectrum(spectrum), WIDTH, 420));
    }
    int height = parts.stream().mapToInt(BufferedImage::getHeight).sum();
    BufferedImage all = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    try {
      int y = 0;
      for (BufferedImage p : parts) {
        g.drawImage(p, 0, y, null);
        y += p.getHeight();
      }
    } finally {
      g.dispose();
    }
    Charts.writePng(all, file);
  }

  static JFreeChart overview(RunResult r, SiteResult s, String note) {
    SiteResult.Series g = s.series();
    PowerSeries p = r.series();
    boolean days = r.horizonHours() > 72;
    double unit = days ? 24 : 1;
    int n = g.gridMean().length;
    int step = Math.max(1, -Math.floorDiv(-n, MAX_DRAWN));
    XYSeries load = new XYSeries("Site load (mean)");
    XYSeries low = new XYSeries("Grid import, lowest");
    XYSeries mean = new XYSeries("Grid import, mean");
    XYSeries high = new XYSeries("Grid import, highest");
    XYSeries smoothed = new XYSeries("Smoothed load (the battery's ramp-limited target)");
    XYSeries socLow = new XYSeries("State of charge, lowest");
    XYSeries socHigh = new XYSeries("State of charge, highest");
    double hoursPerBucket = g.bucketNanos() / 3.6e12;
    for (int i = 0; i < n; i += step) {
      int end = Math.min(n, i + step);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double sum = 0;
      double sm = 0;
      double sl = Double.NaN;
      double sh = Double.NaN;
      for (int j = i; j < end; j++) {
        lo = Math.min(lo, g.gridMin()[j]);
        hi = Math.max(hi, g.gridMax()[j]);
        sum += g.gridMean()[j];
        sm += g.smoothedMean()[j];
        if (!Double.isNaN(g.socMin()[j])) {
          sl = Double.isNaN(sl) ? g.socMin()[j] : Math.min(sl, g.socMin()[j]);
          sh = Double.isNaN(sh) ? g.socMax()[j] : Math.max(sh, g.socMax()[j]);
        }
      }
      double x = i * hoursPerBucket / unit;
      if (Double.isFinite(lo)) {
        low.add(x, lo / 1e6);
        high.add(x, hi / 1e6);
      }
      mean.add(x, sum / (end - i) / 1e6);
      smoothed.add(x, sm / (end - i) / 1e6);
      if (!Double.isNaN(sl)) {
        socLow.add(x, 100 * sl);
        socHigh.add(x, 100 * sh);
      }
    }
    int m = p.bucketCount();
    int pstep = Math.max(1, -Math.floorDiv(-m, MAX_DRAWN));
    for (int i = 0; i < m; i += pstep) {
      double sum = 0;
      int end = Math.min(m, i + pstep);
      for (int j = i; j < end; j++) {
        sum += p.meanWatts(j);
      }
      load.add(p.bucketStartNanos(i) / 3.6e12 / unit, sum / (end - i) / 1e6);
    }
    NumberAxis time = Charts.axis(days ? "Time (days)" : "Time (h)");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(14);
    XYPlot power =
        panel(
            new XYSeries[] {load, low, high, mean, smoothed},
            new Color[] {LOAD, GRID_RANGE, GRID_RANGE, GRID_MEAN, SMOOTHED},
            "Power (MW)");
    int marked = 0;
    for (RuleVerdict v : s.rules()) {
      if (!v.pass()) {
        for (double at : v.violationStartsNanos()) {
          ValueMarker mark = new ValueMarker(at / 3.6e12 / unit, VIOLATION, new BasicStroke(1f));
          power.addDomainMarker(mark);
          marked++;
        }
      }
    }
    plot.add(power, 5);
    if (socLow.getItemCount() > 0) {
      XYPlot soc = panel(new XYSeries[] {socLow, socHigh}, new Color[] {SOC, SOC}, "SOC (%)");
      soc.getRangeAxis().setRange(0, 100);
      plot.add(soc, 2);
    }
    JFreeChart chart = Charts.chart(r.scenario() + " - the site as the grid sees it", plot);
    long broken = s.rules().stream().filter(v -> !v.pass()).count();
    String verdict =
        s.rules().isEmpty()
            ? "no grid rules"
            : broken == 0
                ? "all " + s.rules().size() + " grid rules pass"
                : broken
                    + " of "
                    + s.rules().size()
                    + " grid rules broken"
                    + (marked > 0 ? " (violations marked in red)" : "");
    chart.addSubtitle(
        0,
        Charts.subtitle(
            verdict
                + "   |   peak import "
                + Human.fixed(s.grid().peakImportWatts() / 1e6, 2)
                + " MW"
                + Charts.noteSuffix(note),
            Charts.SUBTITLE_FONT,
            broken > 0 ? Charts.NOTE : Color.DARK_GRAY));
    return chart;
  }

  static JFreeChart window(RunResult r, SiteResult s) {
    SiteResult.Window w = s.window();
    double origin = w.timesNanos()[0];
    XYSeries load = new XYSeries("Site load", false);
    XYSeries smoothed = new XYSeries("Smoothed load (target)", false);
    XYSeries grid = new XYSeries("Grid import", false);
    for (int i = 0; i < w.timesNanos().length; i++) {
      double x = (w.timesNanos()[i] - origin) / 1e9;
      load.add(x, w.load()[i] / 1e6);
      smoothed.add(x, w.smoothed()[i] / 1e6);
      grid.add(x, w.grid()[i] / 1e6);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(load);
    data.addSeries(smoothed);
    data.addSeries(grid);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    Color[] colours = {LOAD, SMOOTHED, GRID_MEAN};
    for (int i = 0; i < colours.length; i++) {
      renderer.setSeriesPaint(i, colours[i]);
      renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.5f : 2f));
    }
    // The target dashed over the import: where the battery follows it, both show.
    renderer.setSeriesStroke(
        1,
        new BasicStroke(
            2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8, 6}, 0));
    NumberAxis y = Charts.axis("Power (MW)");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot =
        Charts.xyPlot(
            data,
            Charts.axis("Seconds from " + Human.fixed(origin / 3.6e12, 4) + " h (full resolution)"),
            y,
            renderer);
    return Charts.chart("Full-resolution window: load, smoothed load, grid import", plot);
  }

  static JFreeChart spectrum(SiteResult.Spectrum s) {
    XYSeries amplitude = new XYSeries("Amplitude of the worst window");
    double[] a = s.amplitudeWatts();
    double top = Math.min(a.length - 1, Math.ceil(2 * s.highHz() / s.binHz()));
    for (int k = 1; k <= top; k++) {
      amplitude.add(k * s.binHz(), a[k] / 1e6);
    }
    XYSeriesCollection data = new XYSeriesCollection(amplitude);
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setSeriesPaint(0, GRID_MEAN);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    NumberAxis y = Charts.axis("Amplitude (MW)");
    // The limit is always in view, so a spectrum far below it reads as such.
    y.setRange(0, 1.1 * Math.max(s.limitWatts() / 1e6, amplitude.getMaxY()));
    XYPlot plot = Charts.xyPlot(data, Charts.axis("Frequency (Hz)"), y, renderer);
    plot.addDomainMarker(new ValueMarker(s.lowHz(), LIMIT, new BasicStroke(1.5f)));
    plot.addDomainMarker(new ValueMarker(s.highHz(), LIMIT, new BasicStroke(1.5f)));
    plot.addRangeMarker(
        new ValueMarker(
            s.limitWatts() / 1e6,
            LIMIT,
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6, 4}, 0)));
    return Charts.chart(
        "Spectrum of rule "
            + s.rule()
            + ": band "
            + Human.plain(s.lowHz())
            + "-"
            + Human.plain(s.highHz())
            + " Hz (red), limit "
            + Human.plain(s.limitWatts() / 1e6)
            + " MW (dashed), window from "
            + Human.fixed(s.windowStartNanos() / 3.6e12, 4)
            + " h",
        plot);
  }

  private static XYPlot panel(XYSeries[] series, Color[] colours, String axisLabel) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < series.length; i++) {
      data.addSeries(series[i]);
      renderer.setSeriesPaint(i, colours[i]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    NumberAxis y = Charts.axis(axisLabel);
    y.setAutoRangeIncludesZero(false);
    return Charts.xyPlot(data, null, y, renderer);
  }
}
