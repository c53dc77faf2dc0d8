package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: checkpoint-study crashed on duplicate intervals, ran ~1,700 runs and printed M =
 * 92,233,720,368,547,760 h on a scenario without failures, dropped the Daly and current points with
 * --intervals, and did not accept daly or young as values.
 */
class CheckpointStudyCommandTest {
  @TempDir Path tmp;

  private Outcome study(String scenario, String intervals) {
    return run(
        "checkpoint-study",
        scenario,
        "--no-progress",
        "-q",
        "--out",
        tmp.resolve("s").toString(),
        "--replications",
        "2",
        "--intervals",
        intervals,
        "--set",
        "horizon=2 d");
  }

  @Test
  void duplicateIntervalsAreRunOnce() throws IOException {
    Outcome o = study("checkpoint-demo", "10min,10min,600s");
    assertThat(o.code()).as(o.err()).isZero();
    List<String> rows = Files.readAllLines(tmp.resolve("s/checkpoint_study.csv"));
    // 10 min once, the current 1 h, and Daly's interval.
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().filter(r -> r.startsWith("600,"))).hasSize(1);
  }

  @Test
  void namedIntervalsAreAccepted() throws IOException {
    Outcome o = study("checkpoint-demo", "young,daly,current,20min");
    assertThat(o.code()).as(o.err()).isZero();
    List<String> rows = Files.readAllLines(tmp.resolve("s/checkpoint_study.csv"));
    assertThat(rows).hasSize(5);
    assertThat(rows).anyMatch(r -> r.contains("young")).anyMatch(r -> r.contains("daly"));
    assertThat(rows).anyMatch(r -> r.endsWith("current"));
  }

  @Test
  void aJobNothingCanKillIsRefusedWithoutIntervals() {
    Outcome o =
        run(
            "checkpoint-study",
            "default",
            "--no-progress",
            "--out",
            tmp.resolve("s").toString(),
            "--replications",
            "2");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("no unplanned failure cause").contains("--intervals");
    assertThat(tmp.resolve("s")).doesNotExist();
  }

  @Test
  void aJobNothingCanKillIsMeasuredWithIntervalsAndSaysSo() throws IOException {
    Outcome o = study("default", "20min,1h");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(Files.readString(tmp.resolve("s/checkpoint_study.json")))
        .contains("\"mtbf_kill_hours\": null")
        .contains("Nothing can interrupt this job");
    assertThat(study("default", "daly").err()).contains("'daly' needs a job that failures");
  }
}
