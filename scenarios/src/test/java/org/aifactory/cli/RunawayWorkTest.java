package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aifactory.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 §4: floods of events and memory were accepted silently. The work is estimated before a
 * run starts; a run that would take more than 6 h of computing, or more memory than the JVM has, is
 * refused (exit 2) with the estimate and the key that drives it, and large work is announced.
 */
class RunawayWorkTest {
  @TempDir Path tmp;

  private void refused(String key, String... args) {
    Outcome o = run(args);
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains(key).doesNotContain("Exception");
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }

  /**
   * A band check analysing every 64-s window of ten years at up to 1 kHz (262,144 bins a window):
   * its FFTs, not its events, are the work, and the refusal names the rule.
   */
  @Test
  void aBandCheckOfTooManyWindowsIsRefusedNamingTheRule() {
    String out = tmp.resolve("x").toString();
    refused(
        "site.rules[1].every",
        "run",
        "grid-compliance",
        "--set",
        "horizon=10 y",
        "--set",
        "site.rules[1]={ oscillation: 5 MW, band: 0.1-1000 Hz, window: 64 s, every: 64 s }",
        "--out",
        out);
  }

  @Test
  void aFloodOfFailuresIsRefusedNamingTheCause() {
    String out = tmp.resolve("x").toString();
    refused(
        "failures.causes.faulty_gpu",
        "run",
        "llama3-405b-54d",
        "--set",
        "failures.scale=1e12",
        "--out",
        out);
    refused(
        "failures.causes.software_bug",
        "run",
        "llama3-405b-54d",
        "--set",
        "failures.causes.software_bug.mtbf=1 ns",
        "--out",
        out);
    refused(
        "power.utility.momentary_per_year",
        "run",
        "default",
        "--set",
        "power={utility: {momentary_per_year: 1e15}}",
        "--out",
        out);
    refused(
        "power.transformers",
        "run",
        "redundancy-study",
        "--set",
        "power.transformers={mtbf: 1 ns}",
        "--out",
        out);
    refused(
        "power.ups.battery_mtbf",
        "run",
        "redundancy-study",
        "--set",
        "power.ups.battery_mtbf=10 ns",
        "--out",
        out);
    refused(
        "workloads[0].iteration.period",
        "run",
        "default",
        "--set",
        "horizon=292 y",
        "--set",
        "workloads[0].tokens_per_iteration=1",
        "--set",
        "workloads[0].iteration.period=1 ms",
        "--out",
        out);
    refused(
        "failures.causes.software_bug",
        "checkpoint-study",
        "checkpoint-demo",
        "--set",
        "failures.scale=1e9",
        "--out",
        out);
    refused(
        "failures.causes.faulty_gpu",
        "compare",
        "redundancy-study",
        "--set",
        "failures={profile: llama3, scale: 1e9}",
        "--out",
        out);
  }

  @Test
  void moreMemoryThanTheJvmHasIsRefused() {
    Outcome o = run("run", "default", "-r", "2000000000", "--out", tmp.resolve("x").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("of memory").contains("the results of every run");
  }

  @Test
  void validateStatesTheEstimate() {
    Outcome o = run("validate", "llama3-405b-54d");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("one run: about").contains("workloads[0].iteration.period");
  }
}
