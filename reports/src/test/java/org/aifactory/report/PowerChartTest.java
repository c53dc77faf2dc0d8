package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
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
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1400);
    assertThat(image.getHeight()).isEqualTo(1000);
    return image;
  }

  @Test
  void writesAPngOfTheExpectedSize() throws Exception {
    BufferedImage image = writeAndRead(Results.realistic(PulseResolution.FULL));
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
    assertThat(distinctColours(image)).isGreaterThan(10); // something was drawn
  }

  @Test
  void averagedAndSmallResultsToo() throws Exception {
    writeAndRead(Results.realistic(PulseResolution.AVERAGED));
    writeAndRead(Results.small(PulseResolution.AVERAGED));
  }

  @Test
  void emptyWindowIsDrawnWithANote() throws Exception {
    BufferedImage image = writeAndRead(Results.emptyWindow());
    assertThat(distinctColours(image)).isGreaterThan(10);
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
    RunResult big =
        new RunResult(
            "big",
            1,
            Duration.ofSeconds(n),
            PulseResolution.FULL,
            r.gpus(),
            r.energyGpuJoules(),
            r.energyItJoules(),
            r.energyFacilityJoules(),
            r.tokens(),
            r.gpuHours(),
            r.power(),
            r.eventsProcessed(),
            r.jobs(),
            s);
    PowerChart.render(big);
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
