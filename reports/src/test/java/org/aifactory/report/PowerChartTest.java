package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerChartTest {
  @TempDir Path dir;

  private BufferedImage writeAndRead(RunResult r) throws Exception {
    Path file = dir.resolve("power.png");
    PowerChart.write(r, file);
    return Pngs.read(file, 1400, PowerChart.height(r));
  }

  /** The zoom panel's line colour. */
  private static final int WINDOW = 0xD55E00;

  @Test
  void writesAPngOfTheExpectedSize() throws Exception {
    BufferedImage image = writeAndRead(Results.realistic(PulseResolution.FULL));
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
    assertThat(Pngs.distinctColours(image)).isGreaterThan(10); // something was drawn
  }

  @Test
  void averagedAndSmallResultsToo() throws Exception {
    writeAndRead(Results.realistic(PulseResolution.AVERAGED));
    writeAndRead(Results.small(PulseResolution.AVERAGED));
  }

  @Test
  void aWindowWithStepsHasItsZoomPanel() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL);
    assertThat(PowerChart.showsZoom(r)).isTrue();
    assertThat(PowerChart.height(r)).isEqualTo(1000);
    assertThat(Pngs.hasColour(writeAndRead(r), WINDOW)).isTrue();
  }

  @Test
  void aWindowWithoutAChangeOfPowerHasNoZoomPanel() throws Exception {
    RunResult small = Results.small(PulseResolution.AVERAGED);
    long start = small.series().windowStartNanos();
    PowerSeries flatWindow =
        new PowerSeries(
            Results.HOUR / 2,
            new double[] {1.5e6, 1.5e6, 1.5e6, 1.5e6},
            new double[] {1.5e6, 1.5e6, 1.5e6, 1.5e6},
            new double[] {1.5e6, 1.5e6, 1.5e6, 1.5e6},
            start,
            start + 60 * Results.SECOND,
            new long[] {start},
            new double[] {1.5e6});
    RunResult flat = Results.with(small, "flat", small.horizon(), flatWindow);
    assertThat(PowerChart.showsZoom(flat)).isFalse();
    assertThat(PowerChart.height(flat)).isEqualTo(PowerChart.ENVELOPE_ONLY_HEIGHT);
    assertThat(PowerChart.noZoomNote(flat))
        .isEqualTo(
            "No zoom panel: site power is constant in the full-resolution window (60 s from 1.00"
                + " h).");
    BufferedImage image = writeAndRead(flat);
    assertThat(image.getHeight()).isEqualTo(640);
    assertThat(Pngs.hasColour(image, WINDOW)).as("no window drawn or marked").isFalse();
  }

  @Test
  void noWindowAtAllHasNoZoomPanelEither() throws Exception {
    RunResult r = Results.emptyWindow();
    assertThat(PowerChart.showsZoom(r)).isFalse();
    assertThat(PowerChart.noZoomNote(r))
        .isEqualTo("No zoom panel: no full-resolution window was recorded.");
    assertThat(writeAndRead(r).getHeight()).isEqualTo(640);
  }

  @Test
  void flatPowerKeepsAVisibleBand() {
    RunResult flat = Results.emptyWindow(); // min == mean == max in every bucket
    List<double[]> drawn = PowerChart.drawnBuckets(flat.series(), flat.horizon().toNanos(), 10);
    assertThat(drawn).hasSize(2);
    assertThat(drawn.get(1)[1]).isEqualTo(2.0); // ends at the horizon, in hours
    PowerChart.render(flat);
  }

  @Test
  void manyBucketsAreMergedForDrawing() {
    int n = 100_000;
    double[] min = new double[n];
    double[] mean = new double[n];
    double[] max = new double[n];
    for (int i = 0; i < n; i++) {
      min[i] = 10e6 - i % 7;
      mean[i] = 11e6;
      max[i] = 12e6 + (i == 4321 ? 5e6 : 0);
    }
    long width = Results.SECOND;
    PowerSeries s = new PowerSeries(width, min, mean, max, 0, 0, new long[0], new double[0]);
    List<double[]> drawn = PowerChart.drawnBuckets(s, n * width, PowerChart.MAX_DRAWN_BUCKETS);
    assertThat(drawn).hasSizeLessThanOrEqualTo(PowerChart.MAX_DRAWN_BUCKETS);
    assertThat(drawn.stream().mapToDouble(b -> b[4]).max().orElseThrow()).isEqualTo(17.0);
    assertThat(drawn.stream().mapToDouble(b -> b[2]).min().orElseThrow()).isEqualTo(9.999994);
    assertThat(drawn.get(0)[0]).isZero();
    assertThat(drawn.get(drawn.size() - 1)[1]).isEqualTo(n / 3600.0);

    RunResult r = Results.small(PulseResolution.FULL);
    RunResult big = Results.with(r, "big", Duration.ofSeconds(n), s);
    PowerChart.render(big);
  }
}
