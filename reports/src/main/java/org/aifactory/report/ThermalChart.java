package org.aifactory.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.CoolingResult;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;

/**
 * {@code thermal.png}, written with a cooling plant: three stacked panels over the run. Top: the
 * outdoor temperature (bucket mean) and the highest temperature of the plant's first loop; middle:
 * the share of GPUs held by a thermal limit; bottom: the PUE of each bucket (site energy / IT
 * energy). Buckets are the power recorder's (merged for drawing beyond {@link #MAX_DRAWN}).
 */
final class ThermalChart {
  static {
    Charts.init();
  }

  static final String FILE = "thermal.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;
  static final int MAX_DRAWN = 2000;

  private static final Color OUTDOOR = new Color(0xD5, 0x5E, 0x00);
  private static final Color LOOP = new Color(0x08, 0x45, 0x94);
  private static final Color LIMITED = new Color(0xB0, 0x30, 0x00);
  private static final Color PUE = new Color(0x2E, 0x8B, 0x57);

  private ThermalChart() {}

  /** Whether the run has a cooling plant to draw. */
  static boolean drawn(RunResult r) {
    return r.cooling().isPresent();
  }

  static void write(RunResult r, String note, Path file) throws IOException {
    Charts.writePng(Charts.image(chart(r, note), WIDTH, HEIGHT), file);
  }

  static JFreeChart chart(RunResult r, String note) {
    CoolingResult c = r.cooling().orElseThrow();
    CoolingResult.Series t = c.series();
    PowerSeries p = r.series();
    int n = t.outdoorCelsius().length;
    int step = Math.max(1, -Math.floorDiv(-n, MAX_DRAWN));
    boolean days = r.horizonHours() > 72;
    double unit = days ? 24 : 1;
    XYSeries outdoor = new XYSeries("Outdoor (dry bulb)");
    XYSeries loop = new XYSeries("Coolant, " + c.loops().get(0).name() + " loop (highest)");
    XYSeries limited = new XYSeries("GPUs held by a thermal limit");
    XYSeries pue = new XYSeries("PUE");
    for (int i = 0; i < n; i += step) {
      int end = Math.min(n, i + step);
      double out = 0;
      double lim = 0;
      double site = 0;
      double it = 0;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = i; j < end; j++) {
        out += t.outdoorCelsius()[j];
        lim += t.limitedShare()[j];
        max = Math.max(max, t.loopMaxCelsius()[j]);
        if (j < p.bucketCount()) {
          site += p.meanWatts(j);
          it += p.meanItWatts(j);
        }
      }
      double x = (double) i * t.bucketNanos() / 3.6e12 / unit;
      outdoor.add(x, out / (end - i));
      loop.add(x, max);
      limited.add(x, 100 * lim / (end - i));
      if (it > 0) {
        pue.add(x, site / it);
      }
    }
    NumberAxis time = Charts.axis(days ? "Time (days)" : "Time (h)");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(14);
    plot.add(panel(new XYSeries[] {outdoor, loop}, new Color[] {OUTDOOR, LOOP}, "°C"), 5);
    plot.add(panel(new XYSeries[] {limited}, new Color[] {LIMITED}, "Throttled (%)"), 2);
    plot.add(panel(new XYSeries[] {pue}, new Color[] {PUE}, "PUE"), 3);
    JFreeChart chart =
        Charts.chart(r.scenario() + " - cooling: temperatures, thermal throttling, PUE", plot);
    chart.addSubtitle(
        0,
        Charts.subtitle(
            "Weather: "
                + c.weather()
                + "   |   PUE "
                + Human.fixed(r.pue(), 3)
                + ", hottest GPU "
                + Human.fixed(c.maxGpuCelsius(), 1)
                + " °C, hottest hour "
                + Human.fixed(c.maxDryBulbCelsius(), 1)
                + " °C"
                + Charts.noteSuffix(note),
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    return chart;
  }

  private static XYPlot panel(XYSeries[] series, Color[] colours, String axisLabel) {
    XYPlot plot = Charts.linePanel(series, colours, axisLabel, false);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(axisLabel.equals("PUE") ? 0.02 : 1);
    return plot;
  }
}
