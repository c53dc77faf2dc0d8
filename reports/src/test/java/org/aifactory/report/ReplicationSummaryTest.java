package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.metrics.ReplicationSet;
import org.junit.jupiter.api.Test;

class ReplicationSummaryTest {

  @Test
  void showsMeansWithConfidenceHalfWidths() {
    ReplicationSet set = Results.replications(5);
    String text = ReplicationSummary.render(set, Results.timings());
    assertThat(text)
        .startsWith("Replications summary: gpt-pretrain-16k\n")
        .contains("seed 42, pulse resolution averaged, 5 replications")
        .contains("95 % confidence half-width")
        .contains("Facility energy")
        .contains("Tokens per kWh facility")
        .contains("Utilisation")
        .contains("Site power")
        .contains("Lost production")
        .contains("Lost to failures, by cause")
        .contains("Interruptions")
        .contains("ETTR and checkpoints by job")
        .contains("Engine (all replications)")
        .doesNotContain("GPU-hours by state");
    assertThat(lineWith(text, "Facility energy")).contains("+/-").contains("MWh");
    assertThat(lineWith(text, "  ETTR  ")).contains("+/-").contains("%");
    // interruptions: 39, 39, 40, 38, 39: a mean with one decimal
    assertThat(lineWith(text, "  Total  ")).contains("39.0  +/-").contains("0.9");
    // tokens are rounded to the precision of their half-width
    assertThat(lineWith(text, "  Tokens  ")).containsPattern("2,47\\d,\\d{3},000,000  \\+/-");
    assertThat(lineWith(text, "pretrain-a  ")).contains("+/-").contains("30 min");
    assertThat(lineWith(text, "Replications  ")).contains("5");
    // values, "+/-" and half-widths line up in columns
    assertThat(lineWith(text, "GPU energy").indexOf("+/-"))
        .isEqualTo(lineWith(text, "Tokens per kWh").indexOf("+/-"));
    assertThat(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)))
        .as("plain ASCII")
        .isTrue();
  }

  @Test
  void sameTextWhateverTheDefaultLocale() throws Exception {
    ReplicationSet set = Results.replications(3);
    String root = ReplicationSummary.render(set, Results.timings());
    assertThat(Locales.german(() -> ReplicationSummary.render(set, Results.timings())))
        .isEqualTo(root);
  }

  @Test
  void oneReplicationShowsNoHalfWidths() {
    String text = ReplicationSummary.render(Results.replications(1), Results.timings());
    assertThat(text)
        .contains("1 replication\n")
        .contains("one replication: no confidence intervals")
        .doesNotContain("+/-")
        .contains("Engine\n");
  }

  private static String lineWith(String text, String label) {
    return text.lines().filter(l -> l.contains(label)).findFirst().orElseThrow();
  }
}
