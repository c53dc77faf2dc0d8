package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;

class TerminalSummaryTest {

  @Test
  void containsTheKeyFigures() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    String text = TerminalSummary.render(r, Results.timings());
    assertThat(text)
        .contains("gpt-pretrain-16k")
        .contains("seed 42")
        .contains("42")
        .contains("full")
        .contains("12.00") // horizon h
        .contains("16,384") // GPUs
        .contains("MWh")
        .contains("PUE")
        .contains("1.250")
        .contains("2,469,135,780,245") // tokens
        .contains("Tokens per kWh facility")
        .contains("Utilisation")
        .contains("84.0") // (compute + communication) / installed
        .contains("ETTR")
        .contains("88.9") // productive / (productive + lost work + checkpoint + restart + waiting)
        .contains("196,608.0") // installed GPU-hours
        .contains("80.0 %  of installed") // productive
        .contains("54.0 %  of installed") // compute
        .contains("lost work")
        .contains("checkpoint")
        .contains("restart")
        .contains("waiting")
        .contains("idle")
        .contains("down")
        .contains("Peak")
        .contains("27.00")
        .contains("Swing")
        .contains("MW/s")
        .contains("123,456,789") // events
        .contains("49,382,716") // events per second
        .contains("2.50") // simulation wall seconds
        .contains("pretrain-a")
        .contains("pretrain-b")
        .contains("10,000") // iterations
        .contains("1,234,567,890,123") // job tokens
        .doesNotContain("averaged");
    assertThat(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)))
        .as("plain ASCII")
        .isTrue();
    // every line of the main table has its values right-aligned in one column
    assertThat(lineWith(text, "GPU energy").indexOf("MWh"))
        .isEqualTo(lineWith(text, "Facility energy").indexOf("MWh"));
  }

  @Test
  void failuresShowInterruptionsLostProductionAndJobs() {
    String text =
        TerminalSummary.render(Results.realistic(PulseResolution.FULL), Results.timings());
    assertThat(lineWith(text, "Lost production")).startsWith("Lost production");
    assertThat(lineWith(text, "Ideal tokens")).contains("2,663,512,853,652").contains("tokens");
    assertThat(lineWith(text, "  Lost  ")).contains("194,377,073,407").contains("7.3 %  of ideal");
    assertThat(lineWith(text, "incomplete iteration")).contains("3,000,000");
    assertThat(text).contains("Lost to failures, by cause");
    assertThat(lineWith(text, "    faulty_gpu")).contains("67,200,000,000").contains("2.5 %");

    String interruptions = text.substring(text.indexOf("\nInterruptions\n"));
    assertThat(lineWith(interruptions, "Total"))
        .contains("39")
        .contains("interruptions")
        .contains("(one every 18.5 min)");
    assertThat(lineWith(interruptions, "faulty_gpu")).contains("21").contains("53.8 %  of all");
    assertThat(lineWith(interruptions, "planned_maintenance")).contains("2.6 %");
    // the largest cause comes first
    assertThat(interruptions.indexOf("faulty_gpu"))
        .isLessThan(interruptions.indexOf("software_bug"));
    assertThat(interruptions.indexOf("software_bug")).isLessThan(interruptions.indexOf("nic"));

    assertThat(text).contains("ETTR and checkpoints by job");
    assertThat(lineWith(text, "job  "))
        .contains("ETTR (%)")
        .contains("interruptions")
        .contains("checkpoint interval")
        .contains("MTBF (job-killing)")
        .contains("completed (h)");
    assertThat(lineWith(text, "pretrain-a  ")).contains("91.2").contains("23").contains("30 min");
    assertThat(lineWith(text, "pretrain-b  "))
        .contains("93.0")
        .contains("25.4 min")
        .contains("45 min")
        .contains("10.50");
    assertThat(text).doesNotContain("+/-");
  }

  @Test
  void topCausesAreFiveAndTheRestIsSummedUp() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    Figures f = Figures.of(r);
    assertThat(f.topCauses(MetricKeys.ByCause.INTERRUPTIONS, 3))
        .containsExactly("faulty_gpu", "software_bug", "network_switch_cable");
    TextTable t = SummarySections.table();
    SummarySections.interruptions(t, f);
    String block = t.render();
    assertThat(block).contains("faulty_gpu").contains("planned_maintenance");
    assertThat(block).doesNotContain("other cause"); // five causes: all listed
  }

  @Test
  void failureFreeRunsHaveNoInterruptionsAndNoFailureStates() {
    String text =
        TerminalSummary.render(Results.failureFree(PulseResolution.FULL), Results.timings());
    assertThat(text)
        .doesNotContain("Interruptions")
        .doesNotContain("interruptions")
        .doesNotContain("lost work")
        .doesNotContain("restart")
        .doesNotContain("waiting")
        .doesNotContain("MTBF")
        .contains("Lost production")
        .contains("checkpoint interval")
        .contains("ETTR");
    assertThat(lineWith(text, "pretrain-a  ")).contains("96.3").contains("30 min");
  }

  /**
   * With load shaping, its energy by part (each only when its mitigation is on), the share of the
   * facility energy, and the peak, swing and ramp the run would have had unshaped.
   */
  @Test
  void loadShapingShowsItsBooksAndTheUnshapedSite() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    double facility = r.energyFacilityJoules();
    org.aifactory.metrics.LoadShapingResult books =
        new org.aifactory.metrics.LoadShapingResult(
            true,
            false,
            true,
            0,
            3.6e9,
            1.8e9,
            0.36e9,
            -0.72e9,
            12.5,
            facility - 5.04e9,
            r.power().peakWatts() / 0.75,
            r.power().minWatts() / 2,
            3e6,
            1e5,
            8e4);
    RunResult shaped =
        new RunResult(
            r.scenario(),
            r.seed(),
            r.horizon(),
            r.pulseResolution(),
            r.gpus(),
            r.energyGpuJoules(),
            r.energyItJoules(),
            r.energyFacilityJoules(),
            r.tokens(),
            r.gpuHours(),
            r.power(),
            r.eventsProcessed(),
            r.jobs(),
            r.series(),
            r.replication(),
            r.causes(),
            r.events(),
            r.electrical(),
            r.cooling(),
            r.monthlyPue(),
            java.util.Optional.empty(),
            java.util.List.of(),
            java.util.Optional.of(books));
    String text = TerminalSummary.render(shaped, Results.timings());
    assertThat(lineWith(text, "Site energy added")).contains("1.400").contains("MWh");
    assertThat(lineWith(text, "holding the floor")).contains("1.000");
    assertThat(lineWith(text, "ramps and holds")).contains("0.500");
    assertThat(lineWith(text, "storage losses")).contains("0.100");
    assertThat(lineWith(text, "change of stored energy")).contains("-0.200");
    assertThat(text).doesNotContain("filler work (GPU)");
    assertThat(lineWith(text, "peak cut")).contains("25.0").contains("%");
    assertThat(lineWith(text, "a rack's peak cut")).contains("20.0");
    assertThat(lineWith(text, "Held back by ramp limits")).contains("12.5");
    assertThat(TerminalSummary.render(r, Results.timings())).doesNotContain("Load shaping");
  }

  /** With failure domains, how the FRU failures ended and the down GPU-hours by domain. */
  @Test
  void failureDomainsShowHowFruFailuresEnded() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    double down = r.gpuHours().down();
    RunResult withDomains =
        new RunResult(
            r.scenario(),
            r.seed(),
            r.horizon(),
            r.pulseResolution(),
            r.gpus(),
            r.energyGpuJoules(),
            r.energyItJoules(),
            r.energyFacilityJoules(),
            r.tokens(),
            r.gpuHours(),
            r.power(),
            r.eventsProcessed(),
            r.jobs(),
            r.series(),
            r.replication(),
            r.causes(),
            r.events(),
            r.electrical(),
            r.cooling(),
            r.monthlyPue(),
            java.util.Optional.of(
                new org.aifactory.metrics.FailureDomainResult(
                    40, 10, 25, 5, down / 4, down * 3 / 4)));
    String text = TerminalSummary.render(withDomains, Results.timings());
    assertThat(lineWith(text, "FRU failures")).contains("40");
    assertThat(lineWith(text, "taken over by a spare FRU")).contains("25").contains("62.5 %");
    assertThat(lineWith(text, "left the system short")).contains("5").contains("12.5 %");
    assertThat(lineWith(text, "carried no job's GPUs")).contains("10").contains("25.0 %");
    assertThat(lineWith(text, "Down in FRUs")).contains("25.0 %  of down");
    assertThat(lineWith(text, "Down with whole systems")).contains("75.0 %  of down");
    assertThat(TerminalSummary.render(r, Results.timings())).doesNotContain("FRU");
  }

  @Test
  void averagedResolutionIsNoted() {
    String text =
        TerminalSummary.render(Results.small(PulseResolution.AVERAGED), Results.timings());
    assertThat(text).contains("averaged").contains("pulse_resolution: full");
  }

  @Test
  void sameTextWhateverTheDefaultLocale() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    String root = TerminalSummary.render(r, Results.timings());
    assertThat(Locales.german(() -> TerminalSummary.render(r, Results.timings()))).isEqualTo(root);
  }

  @Test
  void noJobsAndNoTime() {
    String text = TerminalSummary.render(Results.emptyWindow(), new RunTimings(0, 0, 0));
    assertThat(text).contains("Events per second");
  }

  private static String lineWith(String text, String label) {
    return text.lines().filter(l -> l.contains(label)).findFirst().orElseThrow();
  }
}
