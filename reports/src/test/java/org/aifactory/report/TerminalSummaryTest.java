package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
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
        .contains("90.0") // (compute + communication) / installed
        .contains("196,608.0") // installed GPU-hours
        .contains("60.0 %  of installed")
        .contains("checkpoint")
        .contains("idle")
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
  void averagedResolutionIsNoted() {
    String text =
        TerminalSummary.render(Results.small(PulseResolution.AVERAGED), Results.timings());
    assertThat(text).contains("averaged").contains("pulse_resolution: full");
  }

  @Test
  void sameTextWhateverTheDefaultLocale() {
    RunResult r = Results.realistic(PulseResolution.FULL);
    String root = TerminalSummary.render(r, Results.timings());
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(TerminalSummary.render(r, Results.timings())).isEqualTo(root);
    } finally {
      Locale.setDefault(saved);
    }
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
