package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;

/**
 * A job whose name has a dot ({@code llama3.1-405b}) is filed under {@code job.llama3_1-405b.}: the
 * terminal summaries must find its figures there, as summary.json does, instead of showing "n/a"
 * and "none".
 */
class DottedJobNameTest {
  private static final String DOTTED = "llama3.1-405b";

  private static RunResult run() {
    return Results.withJobNames(Results.realistic(PulseResolution.FULL), DOTTED, "pretrain-b");
  }

  @Test
  void keysReplaceTheNamesDots() {
    assertThat(MetricKeys.job(DOTTED, MetricKeys.ETTR)).isEqualTo("job.llama3_1-405b.ettr");
    assertThat(run().metrics().stream().map(m -> m.key()))
        .contains(
            "job.llama3_1-405b.ettr",
            "job.llama3_1-405b.checkpoint_interval_s",
            "job.llama3_1-405b.mtbf_kill_hours");
  }

  @Test
  void terminalSummaryShowsTheJobsFigures() {
    String text = TerminalSummary.render(run(), Results.timings());
    String line = jobLine(text);
    // ETTR 91.2 %, 23 interruptions, 30 min interval, MTBF 12 h / 23 = 31.3 min
    assertThat(line)
        .isEqualTo(
            "  llama3.1-405b      91.2             23               30 min            31.3 min");
  }

  @Test
  void replicationSummaryShowsTheJobsFigures() {
    String text = ReplicationSummary.render(Results.replications(run(), 3), Results.timings());
    String line = jobLine(text);
    assertThat(line).doesNotContain("n/a").doesNotContain("none");
    assertThat(line).contains("+/-").contains("30 min").contains("31.3 min");
  }

  /** The line of the dotted job in "ETTR and checkpoints by job". */
  private static String jobLine(String text) {
    String table = text.substring(text.indexOf("ETTR and checkpoints by job"));
    return table.lines().filter(l -> l.startsWith("  " + DOTTED)).findFirst().orElseThrow();
  }
}
