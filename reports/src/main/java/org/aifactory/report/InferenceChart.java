package org.aifactory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;
import org.aifactory.metrics.ServiceResult;
import org.aifactory.metrics.ServiceSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code inference.png}, written when the factory serves inference: three stacked panels over the
 * run. Top: output tokens per second demanded and served (all services); middle: site power;
 * bottom: the p99 time from arrival to the last token of each service, per bucket.
 */
final class InferenceChart {
  static {
    Charts.init();
  }

  static final String FILE = "inference.png";
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;
  static final int MAX_DRAWN = 2000;

  private static final Color DEMANDED = new Color(0xC8, 0xC8, 0xC8);
  private static final Color SERVED = new Color(0x08, 0x45, 0x94);
  private static final Color POWER = new Color(0xD5, 0x5E, 0x00);

  private InferenceChart() {}

  /** Whether the run has an inference service to draw. */
  static boolean drawn(RunResult r) {
    return !r.services().isEmpty() && r.services().get(0).series().demandedTokens().length > 0;
  }

  static void write(RunResult r, String note, Path file) throws IOException {
    Charts.writePng(Charts.image(chart(r, note), WIDTH, HEIGHT), file);
  }

  static JFreeChart chart(RunResult r, String note) {
    ServiceSeries first = r.services().get(0).series();
    int n = first.demandedTokens().length;
    int step = Math.max(1, -Math.floorDiv(-n, MAX_DRAWN));
    boolean days = r.horizonHours() > 72;
    double unit = days ? 24 : 1;
    double bucket = first.bucketSeconds();
    double[] demanded = new double[n];
    double[] served = new double[n];
    for (ServiceResult s : r.services()) {
      double[] d = s.series().demandedTokens();
      double[] v = s.series().servedTokens();
      for (int i = 0; i < n && i < d.length; i++) {
        demanded[i] += d[i];
        served[i] += v[i];
      }
    }
    XYSeries demand = new XYSeries("Demanded (output tokens/s)");
    XYSeries done = new XYSeries("Served");
    for (int i = 0; i < n; i += step) {
      int end = Math.min(n, i + step);
      double d = 0;
      double v = 0;
      for (int j = i; j < end; j++) {
        d += demanded[j];
        v += served[j];
      }
      double x = i * bucket / 3600 / unit;
      demand.add(x, d / ((end - i) * bucket));
      done.add(x, v / ((end - i) * bucket));
    }
    PowerSeries p = r.series();
    XYSeries site = new XYSeries("Site power (MW)");
    int m = p.bucketCount();
    int pStep = Math.max(1, -Math.floorDiv(-m, MAX_DRAWN));
    double pBucket = r.horizon().toNanos() / 1e9 / Math.max(1, m);
    for (int i = 0; i < m; i += pStep) {
      int end = Math.min(m, i + pStep);
      double w = 0;
      for (int j = i; j < end; j++) {
        w += p.meanWatts(j);
      }
      site.add(i * pBucket / 3600 / unit, w / (end - i) / 1e6);
    }
    XYSeriesCollection latency = new XYSeriesCollection();
    XYLineAndShapeRenderer latencyRenderer = new XYLineAndShapeRenderer(true, false);
    int k = 0;
    for (ServiceResult s : r.services()) {
      XYSeries p99 = new XYSeries("p99 latency, " + s.name() + " (s)");
      double[] q = s.series().p99Seconds();
      for (int i = 0; i < q.length; i += step) {
        double worst = Double.NaN;
        for (int j = i; j < Math.min(q.length, i + step); j++) {
          if (!Double.isNaN(q[j])) {
            worst = Double.isNaN(worst) ? q[j] : Math.max(worst, q[j]);
          }
        }
        if (!Double.isNaN(worst)) {
          p99.add(i * s.series().bucketSeconds() / 3600 / unit, worst);
        }
      }
      latency.addSeries(p99);
      latencyRenderer.setSeriesPaint(k, Charts.PALETTE.get(k % Charts.PALETTE.size()));
      latencyRenderer.setSeriesStroke(k, new BasicStroke(2f));
      k++;
    }
    NumberAxis time = Charts.axis(days ? "Time (days)" : "Time (h)");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(14);
    XYPlot tokens =
        Charts.linePanel(
            new XYSeries[] {demand, done}, new Color[] {DEMANDED, SERVED}, "Tokens/s", true);
    // Demand drawn wide and pale under the served line, so that both show where they agree.
    ((XYLineAndShapeRenderer) tokens.getRenderer()).setSeriesStroke(0, new BasicStroke(6f));
    tokens.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    plot.add(tokens, 4);
    plot.add(Charts.linePanel(new XYSeries[] {site}, new Color[] {POWER}, "MW", true), 3);
    NumberAxis seconds = Charts.axis("p99 latency (s)");
    seconds.setAutoRangeIncludesZero(true);
    plot.add(Charts.xyPlot(latency, null, seconds, latencyRenderer), 3);
    double servedAll = 0;
    double demandedAll = 0;
    for (ServiceResult s : r.services()) {
      servedAll += s.servedTokens();
      demandedAll += s.demandedTokens();
    }
    JFreeChart chart =
        Charts.chart(
            r.scenario() + " - inference: demand, served tokens, power, p99 latency", plot);
    chart.addSubtitle(
        0,
        Charts.subtitle(
            "Served "
                + Human.count(servedAll)
                + " of "
                + Human.count(demandedAll)
                + " output tokens demanded ("
                + Human.percent(demandedAll > 0 ? servedAll / demandedAll : 0)
                + ")"
                + Charts.noteSuffix(note),
            Charts.SUBTITLE_FONT,
            Color.DARK_GRAY));
    return chart;
  }
}
