package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the power chain's components, from the command line: each a located error naming the
 * field, exit 2, and nothing written, for {@code run} as for {@code validate}.
 */
class PowerChainErrorsTest {
  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, err.toString(StandardCharsets.UTF_8));
  }

  /** {@code run redundancy-study --set ...}: exit 2, exactly {@code lines}, no output folder. */
  private void refused(String set, String... lines) {
    Path out = tmp.resolve("never");
    Outcome o = run("run", "redundancy-study", "--out", out.toString(), "--set", set);
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err())
        .isEqualTo("error: " + String.join(System.lineSeparator(), lines) + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void aVoltageWithoutAUnit() {
    refused(
        "power.distribution.voltage=54",
        "--set:1:28: power.distribution.voltage: '54' needs a unit, e.g. '54 V'");
  }

  @Test
  void aComponentWithBothMtbfAndRate() {
    refused(
        "power.transformers={mtbf: 50 y, rate: 1 per 100 y}",
        "--set:1:33: power.transformers.rate: give only one of mtbf, rate and time_to_failure,"
            + " not mtbf and rate");
  }

  @Test
  void aProbabilityAboveOne() {
    refused(
        "power.generators.fail_to_start=1.5",
        "--set:1:32: power.generators.fail_to_start: expected a probability between 0 and 1 (e.g."
            + " 0.0094 or 0.94 %), got '1.5' (if you meant a percentage, write '1.5 %')");
  }

  @Test
  void hostileNumbers() {
    refused(
        "power.distribution.voltage=1e-308 V",
        "--set:1:28: power.distribution.voltage: expected a voltage from 1 V to 1,000 kV (e.g. 54"
            + " V, 415 V, 800 V), got '1e-308 V'");
    refused(
        "power.ups.module_mtbf=1e308 y",
        "--set:1:23: power.ups.module_mtbf: '1e308 y' is out of range for a duration");
    refused(
        "power.ups.module_mtbf=0 h",
        "--set:1:23: power.ups.module_mtbf: expected a duration > 0, got '0 h'");
    refused(
        "power.ups.battery_mtbf=1e-308 s",
        "--set:1:24: power.ups.battery_mtbf: '1e-308 s' is shorter than the clock's resolution of"
            + " 1 ns");
    refused(
        "power.utility.feeds=-1",
        "--set:1:21: power.utility.feeds: expected a whole number between 1 and 2, got '-1'");
    refused(
        "power.utility.feeds=" + "9".repeat(2_000),
        "--set:1:21: power.utility.feeds: a value of 2,000 characters is too long; the most is"
            + " 1,000 (only a description may be longer)");
    refused(
        "power.distribution.conductor_resistance=-1 mΩ",
        "--set:1:41: power.distribution.conductor_resistance: expected a resistance >= 0, got '-1"
            + " mΩ'");
  }

  @Test
  void sourcesPerSideNeedTwoUpsSystems() {
    Outcome o = run("validate", "default", "--set", "power={sources: per_side}");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err())
        .contains(
            "power.sources: sources per side need at least 2 UPS systems, one per side, but the"
                + " UPS stage (N+1) has 1");
  }

  /** {@code validate default --set ...}: exit 2 and the located error. */
  private static String invalid(String set) {
    Outcome o = run("validate", "default", "--set", set);
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    return o.err();
  }

  @Test
  void maintenanceLongerThanItsInterval() {
    assertThat(invalid("power.maintenance.ups={interval: 8 h, duration: 1 d}"))
        .contains(
            "power.maintenance.ups: a maintenance duration must not exceed its interval, got 24 h"
                + " every 8 h");
  }

  @Test
  void maintenanceOfAnUnknownKindOrWithoutADuration() {
    assertThat(invalid("power.maintenance.chillers={interval: 1 y, duration: 8 h}"))
        .contains("power.maintenance.chillers");
    assertThat(invalid("power.maintenance.ups={interval: 1 y}"))
        .contains("power.maintenance.ups.duration: missing required key 'duration'");
  }

  @Test
  void aMaintenanceRoundLongerThanItsInterval() {
    String err = invalid("power.maintenance.pdus={interval: 30 d, duration: 20 d}");
    assertThat(err)
        .contains("power.maintenance.pdus: ")
        .contains("units maintained one after another for 480 h each take")
        .contains("longer than the interval of 720 h");
  }
}
