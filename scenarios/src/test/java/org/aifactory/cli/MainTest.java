package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aifactory.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, as a user runs it. */
class MainTest {
  @TempDir Path tmp;

  @Test
  void runsTheDefaultScenarioAndWritesEveryReport() throws IOException {
    Path dir = tmp.resolve("default-out");
    Outcome o = run("run", "--out", dir.toString(), "--no-progress");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Reports written to").contains("default");
    for (String f :
        new String[] {
          "summary.json",
          "summary.csv",
          "timeseries.csv",
          "window.csv",
          "power.png",
          "run.json",
          "index.html"
        }) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.get("scenario").asText()).isEqualTo("default");
    assertThat(s.get("pulse_resolution").asText()).isEqualTo("full");
    double installed = s.at("/gpu_hours/installed/mean").asDouble();
    double parts =
        s.at("/gpu_hours/compute/mean").asDouble()
            + s.at("/gpu_hours/communication/mean").asDouble()
            + s.at("/gpu_hours/checkpoint/mean").asDouble()
            + s.at("/gpu_hours/idle/mean").asDouble();
    // the files have six significant digits: the parts add up to about that
    assertThat(parts).isCloseTo(installed, within(installed * 1e-5));
    assertThat(installed)
        .isCloseTo(
            s.at("/gpus/mean").asDouble() * s.at("/horizon_hours/mean").asDouble(), within(1e-6));
    // Facility energy = PUE x IT energy; peak above mean above min; the job produced tokens.
    assertThat(s.at("/energy_facility_mwh/mean").asDouble())
        .isCloseTo(
            s.at("/pue/mean").asDouble() * s.at("/energy_it_mwh/mean").asDouble(), within(1e-3));
    JsonNode power = s.get("power_mw");
    assertThat(power.at("/peak/mean").asDouble()).isGreaterThan(power.at("/mean/mean").asDouble());
    assertThat(power.at("/mean/mean").asDouble()).isGreaterThan(power.at("/min/mean").asDouble());
    assertThat(s.at("/tokens/mean").asLong()).isPositive();
    assertThat(s.at("/jobs/0/checkpoints/mean").asLong()).isPositive();
  }

  /**
   * docs/sources.md §7: 246e6 H100-hours x 0.70 kW x 0.75 = 129.15 GWh GPU; x 2.03 = 262.17 GWh IT;
   * x PUE 1.2 = 314.61 GWh facility. The bundled scenario, simulated, must match within 0.1 %.
   */
  @Test
  void grok4EnergyReproducesTheSeedArithmeticWithinATenthOfAPercent() throws IOException {
    Path dir = tmp.resolve("grok4");
    Outcome o = run("run", "grok4-energy", "--out", dir.toString(), "--no-progress", "-q");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.at("/gpu_hours/installed/mean").asDouble()).isCloseTo(246e6, within(246e3));
    assertThat(s.at("/energy_gpu_mwh/mean").asDouble()).isCloseTo(129_150, within(129.15));
    assertThat(s.at("/energy_it_mwh/mean").asDouble()).isCloseTo(262_170, within(262.17));
    assertThat(s.at("/energy_facility_mwh/mean").asDouble()).isCloseTo(314_610, within(314.61));
  }

  @Test
  void sameScenarioAndSeedGiveByteIdenticalReports() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(run("run", "default", "--out", a.toString(), "--no-progress", "-q").code()).isZero();
    assertThat(run("run", "default", "--out", b.toString(), "--no-progress", "-q").code()).isZero();
    for (String f : new String[] {"summary.json", "summary.csv", "timeseries.csv", "window.csv"}) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    Path c = tmp.resolve("c");
    assertThat(
            run("run", "default", "--out", c.toString(), "--no-progress", "-q", "--seed", "99")
                .code())
        .isZero();
    assertThat(Files.readString(c.resolve("summary.json"))).contains("\"seed\": 99");
  }

  @Test
  void aBadScenarioIsAUserErrorWithFileLineAndNoOutput() throws IOException {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "name: bad",
            "horizon: 1 h",
            "clusters:",
            "  - { name: a, system: DGX-H100, count: 1 }",
            "workloads:",
            "  - name: j",
            "    type: training",
            "    cluster: a",
            "    gpus: 16",
            "    iteration: { period: 2 s, compute_fraction: 0.5, compute_power: 1, communication_power: 0.3 }",
            "    tokens_per_iteration: 100",
            ""));
    Path dir = tmp.resolve("never");
    Outcome o = run("run", file.toString(), "--out", dir.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("bad.yaml:9:").contains("workloads[0].gpus");
    assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("bad.yaml");
    }
  }

  @Test
  void missingFilesUnknownScenariosAndBadOptionsExitWithTwo() {
    assertThat(run("run", tmp.resolve("nope.yaml").toString()).code()).isEqualTo(2);
    Outcome unknown = run("validate", "no-such-bundled-scenario");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no-such-bundled-scenario");
    assertThat(run("run", "--seed", "abc").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("run", "--set", "facility.pue=0.5", "--out", tmp.resolve("x").toString()).code())
        .isEqualTo(2);
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  /** A cooled scenario finds its weather file next to it; the file's errors exit with 2. */
  @Test
  void validateACooledScenarioWithItsWeatherFile() throws IOException {
    Path hall = tmp.resolve("hall");
    Files.createDirectories(hall);
    Files.writeString(hall.resolve("temps.csv"), "hour,dry_bulb_c,wet_bulb_c\n0,30,20\n1,31,21\n");
    Path scenario =
        Files.writeString(
            hall.resolve("cooled.yaml"),
            String.join(
                "\n",
                "name: cooled",
                "horizon: 2 h",
                "clusters: [{ name: hall-a, system: DGX-H100, count: 4 }]",
                "facility:",
                "  cooling:",
                "    weather: { file: temps.csv }",
                "    liquid: { supply_temperature: 40 °C, dry_coolers: {} }",
                "    air: { cooling_towers: { approach: 5 K } }",
                ""));
    Outcome ok = run("validate", scenario.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("OK");

    Files.writeString(hall.resolve("temps.csv"), "hour,dry_bulb_c,wet_bulb_c\n0,30,20\n2,31,21\n");
    assertUserError(
        hall.resolve("temps.csv")
            + ":3:1: facility.cooling.weather.file: hour 1 is missing: one row per hour, from hour"
            + " 0 without gaps",
        "validate",
        scenario.toString());
  }

  @Test
  void validateListHelpAndVersion() {
    Outcome v = run("validate", "llama3-405b-54d");
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("OK").contains("16,512 GPUs");
    Outcome l = run("list");
    assertThat(l.code()).isZero();
    assertThat(l.out()).contains("default").contains("llama3-405b-54d").contains("grok4-energy");
    assertThat(run("--help").out()).contains("run").contains("validate").contains("bench");
    assertThat(run("--version").out()).contains("aifactory");
  }

  @Test
  void setOverridesChangeTheRun() throws IOException {
    Path dir = tmp.resolve("set");
    Outcome o =
        run(
            "run",
            "--out",
            dir.toString(),
            "--no-progress",
            "-q",
            "--set",
            "facility.pue=1.5",
            "--set",
            "pulse_resolution=averaged");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.at("/pue/mean").asDouble()).isCloseTo(1.5, within(1e-12));
    assertThat(s.get("pulse_resolution").asText()).isEqualTo("averaged");
  }

  @Test
  void replicationsGiveConfidenceIntervalsIndependentOfThreads() throws IOException {
    Path one = tmp.resolve("r1");
    Path two = tmp.resolve("r2");
    String[] common = {
      "run",
      "llama3-405b-54d",
      "--no-progress",
      "-q",
      "--replications",
      "6",
      "--set",
      "pulse_resolution=averaged",
      "--set",
      "horizon=5 d"
    };
    assertThat(run(concat(common, "--out", one.toString(), "--threads", "1")).code()).isZero();
    assertThat(run(concat(common, "--out", two.toString(), "--threads", "2")).code()).isZero();
    for (String f :
        new String[] {"summary.json", "summary.csv", "replications.csv", "events.csv"}) {
      assertThat(Files.readAllBytes(two.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(one.resolve(f)));
    }
    JsonNode s = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
    assertThat(s.get("replications").asInt()).isEqualTo(6);
    JsonNode ettr = s.get("ettr");
    assertThat(ettr.get("n").asInt()).isEqualTo(6);
    assertThat(ettr.get("ci95").asDouble()).isPositive();
    assertThat(Files.readAllLines(one.resolve("replications.csv"))).hasSize(7);
    assertThat(one.resolve("lost_production.png")).isNotEmptyFile();
  }

  @Test
  void checkpointStudyWritesItsReports() throws IOException {
    Path dir = tmp.resolve("study");
    Outcome o =
        run(
            "checkpoint-study",
            "llama3-405b-54d",
            "--no-progress",
            "--out",
            dir.toString(),
            "--replications",
            "4",
            "--intervals",
            "5min,15min,45min",
            "--set",
            "pulse_resolution=averaged",
            "--set",
            "horizon=4 d");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Daly").contains("Young");
    // The three intervals asked for, and Daly's (which is also the current one): four rows.
    assertThat(Files.readAllLines(dir.resolve("checkpoint_study.csv")))
        .hasSize(5)
        .anyMatch(l -> l.endsWith("current daly"));
    assertThat(dir.resolve("checkpoint_study.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("<img src=\"checkpoint_study.png\"")
        // The directory's own bookkeeping (manifest, lock) is not a report.
        .doesNotContain(".aifactory");
    assertThat(
            run(
                    "checkpoint-study",
                    "default",
                    "--job",
                    "nope",
                    "--out",
                    tmp.resolve("x").toString())
                .code())
        .isEqualTo(2);
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void compareRanksTheVariantsOfAScenario() throws IOException {
    Path dir = tmp.resolve("compare");
    Outcome o =
        run(
            "compare",
            "redundancy-study",
            "--no-progress",
            "--out",
            dir.toString(),
            "--replications",
            "3",
            "--set",
            "horizon=20 d");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Cheapest").contains("2N").contains("4N/3");
    JsonNode c = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(c.get("ranking")).hasSize(4);
    assertThat(Files.readAllLines(dir.resolve("comparison.csv"))).hasSize(5);
    assertThat(dir.resolve("comparison.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("index.html"))).contains("<img src=\"comparison.png\"");
    // A scenario without variants is a user error, and nothing is written.
    Outcome none = run("compare", "default", "--out", tmp.resolve("none").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no variants");
    assertThat(tmp.resolve("none")).doesNotExist();
  }

  /** Reproducers from outside testing: each once crashed (exit 1) or ran; now exit 2, located. */
  @Test
  void hostileOverridesAreLocatedUserErrors() {
    assertUserError(
        "--set:1:9: horizon: '1e999999999 s' is out of range for a duration",
        "validate",
        "default",
        "--set",
        "horizon=1e999999999 s");
    assertUserError(
        "--set:1:9: horizon: '1e-999999999 s' is out of range for a duration",
        "run",
        "default",
        "--out",
        tmp.resolve("never").toString(),
        "--set",
        "horizon=1e-999999999 s");
    assertThat(tmp.resolve("never")).doesNotExist();
    assertUserError(
        "--set:1:13: description: YAML tags ('!!python/object:os.system') are not supported;"
            + " write the value without a tag, as plain text",
        "validate",
        "default",
        "--set",
        "description=!!python/object:os.system x");
    assertUserError(
        "--set:1:9: horizon: YAML aliases ('*h') are not supported; write the value out in full",
        "validate",
        "default",
        "--set",
        "horizon=*h");
  }

  @Test
  void hugeOrDeeplyNestedOverridesAreLocatedUserErrors() {
    String deep = "[".repeat(1_000) + "]".repeat(1_000);
    assertUserError(
        "--set:1:103: "
            + ("x" + "[0]".repeat(99)).substring(0, 80)
            + "...: nesting deeper than 100 levels (maps and lists inside each other); a scenario"
            + " needs about 6",
        "validate",
        "default",
        "--set",
        "x=" + deep);
    assertUserError(
        "--set:1:6: seed: a value of 2,000 characters is too long; the most is 1,000 (only a"
            + " description may be longer)",
        "validate",
        "default",
        "--set",
        "seed=" + "9".repeat(2_000));
    assertUserError(
        "--set:1:6: name: a name of 300 characters is too long; the most is 100 (names become"
            + " folder and file names and chart titles)",
        "run",
        "default",
        "--set",
        "name=" + "n".repeat(300));
  }

  @Test
  void filesThatAreNotUtf8OrHoldControlCharactersAreLocatedUserErrors() throws IOException {
    Path latin1 = tmp.resolve("latin1.yaml");
    Files.write(
        latin1, "name: t\nhorizon: 1 h\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertUserError(
        latin1 + ":3:6: the file is not UTF-8 text (byte 0xE9)", "validate", latin1.toString());
    Path nul = tmp.resolve("nul.yaml");
    Files.writeString(nul, "name: t\nhorizon: 1 h\nde\u0000sc: x\n");
    assertUserError(
        nul
            + ":3:3: character U+0000 is not allowed in YAML (a control or non-character); remove it",
        "run",
        nul.toString(),
        "--out",
        tmp.resolve("never").toString());
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  @Test
  void aFailureScaleThatBreaksATimeToFailureIsALocatedUserError() {
    assertUserError(
        "--set:1:16: failures.scale: would make the mean time to failure of cause 'faulty_gpu'"
            + " infinite (beyond the largest 64-bit number, 1.8e308 s); and so for 18 more causes",
        "validate",
        "llama3-405b-54d",
        "--set",
        "failures.scale=1e-308");
  }

  /** validate said OK, then the run failed (an int overflow, an infinite capacity, no memory). */
  @Test
  void chainsThatCannotBeSizedAreLocatedUserErrorsOfValidateAndRun() {
    String tooSmall =
        "--set:1:18: power.ups.module: 1e-300 W would need 9.9e306 UPS modules for the 9.9 MW the"
            + " UPS stage delivers at full load; at most 10,000 are supported";
    assertUserError(tooSmall, "validate", "redundancy-study", "--set", "power.ups.module=1e-300 W");
    assertUserError(
        tooSmall,
        "run",
        "redundancy-study",
        "--out",
        tmp.resolve("never").toString(),
        "--set",
        "power.ups.module=1e-300 W");
    assertThat(tmp.resolve("never")).doesNotExist();
    assertUserError(
        "--set:1:18: power.ups.module: expected a power > 0 and at most 1 GW (the largest UPS"
            + " modules and generators are a few MW), got '1e308 W'",
        "validate",
        "redundancy-study",
        "--set",
        "power.ups.module=1e308 W");
    assertUserError(
        "--set:2:36: power.generators.structure.units: expected a whole number between 1 and"
            + " 10,000, got '2147483647'",
        "validate",
        "default",
        "--set",
        "power.generators.design=null",
        "--set",
        "power.generators.structure={units: 2147483647, needed: 1}");
  }

  /** Exit 2, no stack trace, and exactly {@code line} as the error. */
  private static void assertUserError(String line, String... args) {
    Outcome o = run(args);
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("error: " + line + System.lineSeparator());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void benchEnginePrintsJson() throws IOException {
    Outcome o =
        run("bench", "engine", "--json", "--pending", "100", "--events", "20000", "--rounds", "1");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(o.out());
    assertThat(rows.isArray()).isTrue();
    JsonNode row = rows.get(0);
    assertThat(row.get("benchmark").asText()).isEqualTo("hold");
    assertThat(row.get("pending").asInt()).isEqualTo(100);
    assertThat(row.get("events_per_second").asDouble()).isPositive();
    assertThat(row.has("bytes_per_event")).isTrue();
    JsonNode baseline = rows.get(1);
    assertThat(baseline.get("benchmark").asText()).isEqualTo("bare-heap");
    assertThat(baseline.get("pending").asInt()).isEqualTo(100);
    assertThat(baseline.get("events_per_second").asDouble()).isPositive();
  }
}
