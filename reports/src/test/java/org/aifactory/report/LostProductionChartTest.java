package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LostProductionChartTest {
  @TempDir Path dir;

  @Test
  void stepsFallFromInstalledToProductive() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    GpuHours h = r.gpuHours();
    List<LostProductionChart.Step> steps = LostProductionChart.steps(r);
    assertThat(steps.get(0).label()).isEqualTo("Installed");
    assertThat(steps.get(0).start()).isZero();
    assertThat(steps.get(0).end()).isEqualTo(h.installed());
    LostProductionChart.Step last = steps.get(steps.size() - 1);
    assertThat(last.label()).isEqualTo("Productive");
    assertThat(last.start()).isZero();
    assertThat(last.end()).isEqualTo(h.productive());

    // each loss hangs from where the previous one ended, and they end at productive
    double left = h.installed();
    for (LostProductionChart.Step s : steps.subList(1, steps.size() - 1)) {
      assertThat(s.end()).as(s.label()).isCloseTo(left, within(1e-6));
      assertThat(s.hours()).as(s.label()).isGreaterThanOrEqualTo(0);
      left = s.start();
    }
    assertThat(left).isCloseTo(h.productive(), within(1e-6));

    assertThat(steps.stream().map(LostProductionChart.Step::label))
        .containsExactly(
            "Installed",
            "Idle",
            "Down (failed, in repair)",
            "Checkpointing",
            "Restarting",
            "Waiting for spares or repair",
            "Lost work: faulty_gpu",
            "Lost work: software_bug",
            "Lost work: network_switch_cable",
            "Lost work: other causes",
            "Productive");
  }

  @Test
  void lostWorkIsSplitByCauseFromTheEventsAndScaledToTheTotal() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    double lost = r.gpuHours().lostWork();
    Map<String, Double> byCause = LostProductionChart.lostWorkByCause(r, lost);
    assertThat(byCause.keySet())
        .containsExactly("faulty_gpu", "software_bug", "network_switch_cable", "");
    assertThat(byCause.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(lost, within(1e-6));
    // events: 0.25 GPU-h per GPU of the job per interruption; faulty_gpu 12 (a) + 9 (b) of 39
    assertThat(byCause.get("faulty_gpu") / byCause.get("software_bug"))
        .isCloseTo(21 / 9.0, within(1e-9));
    // no events: one bar
    assertThat(LostProductionChart.lostWorkByCause(Results.failureFree(PulseResolution.FULL), 0))
        .isEmpty();
  }

  @Test
  void failureFreeRunsShowOnlyIdleAndCheckpointing() {
    List<LostProductionChart.Step> steps =
        LostProductionChart.steps(Results.failureFree(PulseResolution.FULL));
    assertThat(steps.stream().map(LostProductionChart.Step::label))
        .containsExactly("Installed", "Idle", "Checkpointing", "Productive");
  }

  @Test
  void aRunWithoutLossesShowsInstalledAndProductiveAndSaysSo() throws Exception {
    RunResult r = Results.failureFree(PulseResolution.AVERAGED);
    GpuHours all = r.gpuHours();
    double installed = all.installed();
    GpuHours none =
        new GpuHours(installed, installed, 0, 0, 0, 0, 0, 0, installed * 0.7, installed * 0.3);
    RunResult lossless =
        new RunResult(
            "lossless",
            r.seed(),
            r.horizon(),
            r.pulseResolution(),
            r.gpus(),
            r.energyGpuJoules(),
            r.energyItJoules(),
            r.energyFacilityJoules(),
            r.tokens(),
            none,
            r.power(),
            r.eventsProcessed(),
            r.jobs(),
            r.series(),
            0,
            List.of(),
            List.of(),
            r.electrical());
    assertThat(LostProductionChart.hasLosses(lossless)).isFalse();
    assertThat(LostProductionChart.steps(lossless).stream().map(LostProductionChart.Step::label))
        .containsExactly("Installed", "Productive");
    assertThat(LostProductionChart.noLossNote(lossless))
        .isEqualTo(
            "No lost production: all 196,608 installed GPU-hours were productive (no idle,"
                + " checkpointing, restarting, waiting, downtime or lost work).");
    Path file = dir.resolve("lossless.png");
    LostProductionChart.write(lossless, file);
    BufferedImage image = Pngs.read(file, LostProductionChart.WIDTH, LostProductionChart.HEIGHT);
    // a bar would be thousands of pixels; anti-aliased text may hit the colour now and then
    assertThat(Pngs.countColour(image, 0xBDBDBD)).as("no idle bar").isLessThan(100);
    assertThat(Pngs.countColour(image, 0x2E8B57)).as("productive bar").isGreaterThan(10_000);
    assertThat(LostProductionChart.hasLosses(r)).isTrue();
  }

  @Test
  void labelsGoBesideTheirBarsSoTheAxisFitsTheBars() {
    // installed 1,000 and productive 600 from 0; losses 300 and 100 hang below 1,000
    List<WaterfallLabels.Bar> bars =
        List.of(
            new WaterfallLabels.Bar(0, 1000, 150),
            new WaterfallLabels.Bar(700, 1000, 150),
            new WaterfallLabels.Bar(600, 700, 150),
            new WaterfallLabels.Bar(0, 600, 150));
    WaterfallLabels.Layout layout = WaterfallLabels.layout(bars, 1000);
    assertThat(layout.upper()).isEqualTo(1020.0); // the longest bar and 2 %
    assertThat(layout.sides())
        .containsExactly(
            WaterfallLabels.Side.INSIDE,
            WaterfallLabels.Side.LEFT,
            WaterfallLabels.Side.LEFT,
            WaterfallLabels.Side.INSIDE);
    assertThat(layout.gap()).isEqualTo(6 * 1020 / 1000.0);

    // a short bar from 0 and a loss starting near 0 put their labels right: the axis grows
    List<WaterfallLabels.Bar> crowded =
        List.of(
            new WaterfallLabels.Bar(0, 1000, 150),
            new WaterfallLabels.Bar(50, 1000, 150),
            new WaterfallLabels.Bar(0, 50, 150));
    WaterfallLabels.Layout grown = WaterfallLabels.layout(crowded, 1000);
    assertThat(grown.sides())
        .containsExactly(
            WaterfallLabels.Side.INSIDE, WaterfallLabels.Side.RIGHT, WaterfallLabels.Side.RIGHT);
    // the loss's label after 1,000: 1,000 / (1 - 162 / 1,000)
    assertThat(grown.upper()).isCloseTo(1000 / 0.838, within(1e-9));
  }

  @Test
  void labelsShowGpuHoursAndShare() {
    assertThat(LostProductionChart.valueLabel(13_762.56, 196_608))
        .isEqualTo("13,763 GPU-h  (7.0 %)");
    assertThat(LostProductionChart.valueLabel(0.25, 8)).isEqualTo("0.25 GPU-h  (3.1 %)");
    assertThat(LostProductionChart.valueLabel(0, 0)).isEqualTo("0 GPU-h");
  }

  @Test
  void writesPngsOfTheExpectedSize() throws Exception {
    for (RunResult r :
        List.of(
            Results.realistic(PulseResolution.FULL),
            Results.failureFree(PulseResolution.AVERAGED),
            Results.emptyWindow())) {
      Path file = dir.resolve(r.scenario() + r.causes().size() + ".png");
      LostProductionChart.write(r, "replication 0 of 5", file);
      BufferedImage image = Pngs.read(file, LostProductionChart.WIDTH, LostProductionChart.HEIGHT);
      assertThat(Pngs.hasColour(image, 0x2E8B57)).as("productive bar").isTrue();
    }
  }
}
