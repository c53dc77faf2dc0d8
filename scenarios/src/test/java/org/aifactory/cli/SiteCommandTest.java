package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with a site section end to end: the verdict everywhere, and bad input refused. */
class SiteCommandTest {
  @TempDir Path tmp;

  private static final String SITE =
      String.join(
          "\n",
          "site:",
          "  interconnect: 2.6 MW",
          "  rules:",
          "    - { ramp: 0.5 MW/min, window: 1 min }",
          "    - { ramp: 1 MW/s, window: 1 s, name: fast }",
          "    - { oscillation: 50 kW, band: 0.1-1 Hz, window: 64 s }",
          "  battery:",
          "    energy: 0.5 MWh",
          "    power: 2 MW",
          "    smoothing: { window: 30 s, ramp: 0.5 MW/min }",
          "  carbon: { grid_csv: grid.csv, clean_supply: 1.5 MW }",
          "");

  private Path scenario(String site) throws IOException {
    Files.writeString(tmp.resolve("grid.csv"), "hour,g_per_kwh\n0,300\n1,400\n");
    return Files.writeString(
        tmp.resolve("site.yaml"),
        String.join(
                "\n",
                "name: site-run",
                "horizon: 20 min",
                "clusters: [{ name: hall-a, system: GB200-NVL72, count: 16 }]",
                "workloads:",
                "  - name: pretrain",
                "    type: training",
                "    cluster: hall-a",
                "    gpus: 1024",
                "    iteration: { period: 2 s, compute_fraction: 0.75, compute_power: 0.95,"
                    + " communication_power: 0.35 }",
                "    tokens_per_iteration: 4194304",
                "")
            + site);
  }

  @Test
  void theVerdictIsInTheTerminalTheSummaryAndComplianceCsv() throws IOException {
    Path dir = tmp.resolve("out");
    Outcome o = run("run", scenario(SITE).toString(), "--out", dir.toString(), "--no-progress");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Grid compliance:").contains("ramp_1min").contains("fast");
    List<String> csv = Files.readAllLines(dir.resolve("compliance.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "rule,kind,verdict,worst,limit,margin,unit,worst_at_h,violations,violation_h,basis");
    assertThat(csv).hasSize(5); // interconnect, two ramps, the band
    assertThat(csv.get(1)).startsWith("interconnect,import_capacity,");
    assertThat(dir.resolve("grid.png")).isNotEmptyFile();
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.at("/compliance/ramp_1min/pass/mean").isNumber()).isTrue();
    assertThat(s.at("/compliance/fast/limit/mean").asDouble()).isEqualTo(1.0);
    assertThat(s.at("/battery/equivalent_full_cycles/mean").isNumber()).isTrue();
    assertThat(s.at("/carbon/cfe_share/mean").isNumber()).isTrue();
    assertThat(Files.readString(dir.resolve("index.html"))).contains("grid.png");
  }

  /** Each bad site input: exit 2, the error at file:line:column, no output folder. */
  @Test
  void badSiteInputIsRefusedWithItsPlaceAndNothingIsWritten() throws IOException {
    String[][] cases = {
      {"    - { ramp: 0.5 MW/min, window: 1 min }", "    - { ramp: 0.5 MW/min }", ":14:9: "},
      {"    power: 2 MW", "    power: 2 MW\n    round_trip_efficiency: 105 %", ":20:28: "},
      {"    power: 2 MW", "    power: 2 MW\n    soc_min: 80 %\n    soc_max: 20 %", ":21:14: "},
      // A 1-ns window reads no frequency of 0.1-1 Hz (and would analyse 1e9 windows a second).
      {"band: 0.1-1 Hz, window: 64 s", "band: 0.1-1 Hz, window: 1 ns", ":16:53: "},
    };
    for (String[] c : cases) {
      Path dir = tmp.resolve("bad");
      Outcome o =
          run(
              "run",
              scenario(SITE.replace(c[0], c[1])).toString(),
              "--out",
              dir.toString(),
              "--no-progress");
      assertThat(o.code()).as(o.err()).isEqualTo(2);
      assertThat(o.err()).startsWith("error: " + tmp.resolve("site.yaml") + c[2]);
      assertThat(dir).doesNotExist();
    }
    Path dir = tmp.resolve("bad");
    Path yaml = scenario(SITE);
    Files.writeString(tmp.resolve("grid.csv"), "hour,g_per_kwh\n0,300\n3,400\n");
    Outcome o = run("run", yaml.toString(), "--out", dir.toString(), "--no-progress");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err())
        .isEqualTo(
            "error: "
                + tmp.resolve("grid.csv")
                + ":3:1: site.carbon.grid_csv: hours 1 to 2 are missing: one row per hour, from"
                + " hour 0 without gaps"
                + System.lineSeparator());
    assertThat(dir).doesNotExist();
  }

  /** Replications with a site give the same bytes on one thread and on two. */
  @Test
  void replicationsWithASiteDoNotDependOnThreads() throws IOException {
    Path yaml = scenario(SITE);
    for (String threads : new String[] {"1", "2"}) {
      Outcome o =
          run(
              "run",
              yaml.toString(),
              "-r",
              "3",
              "-t",
              threads,
              "--out",
              tmp.resolve("t" + threads).toString(),
              "--no-progress");
      assertThat(o.code()).as(o.err()).isZero();
      assertThat(o.out()).contains("Grid compliance:");
    }
    for (String f : new String[] {"summary.json", "replications.csv", "compliance.csv"}) {
      assertThat(Files.readString(tmp.resolve("t1").resolve(f)))
          .as(f)
          .isEqualTo(Files.readString(tmp.resolve("t2").resolve(f)));
    }
  }

  /** compare ranks a site's variants with the grid's verdict of each. */
  @Test
  void compareShowsTheVerdictOfEachVariant() throws IOException {
    Path yaml = scenario(SITE);
    Files.writeString(
        yaml,
        Files.readString(yaml)
                .replace("  battery:", "  old_battery:")
                .replaceAll("(?s)  old_battery:.*?ramp: 0.5 MW/min \\}\n", "")
            + "variants:\n"
            + "  - name: bare\n"
            + "  - name: battery\n"
            + "    set: { site.battery: { energy: 0.5 MWh, power: 2 MW,"
            + " smoothing: { window: 30 s, ramp: 0.5 MW/min } } }\n");
    Path dir = tmp.resolve("cmp");
    Outcome o =
        run("compare", yaml.toString(), "-r", "2", "--out", dir.toString(), "--no-progress");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("The grid's verdict").contains("battery").contains("bare");
    List<String> csv = Files.readAllLines(dir.resolve("comparison.csv"));
    assertThat(csv.get(0)).contains("grid_rules_broken_mean").contains("battery_losses_mwh_mean");
    assertThat(Files.readString(dir.resolve("comparison.json"))).contains("\"rules_broken\"");
  }
}
