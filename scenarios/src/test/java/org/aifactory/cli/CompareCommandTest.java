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

/**
 * {@code compare} of cooling designs: the cooling table, lost production by part, one replication.
 */
class CompareCommandTest {
  @TempDir Path tmp;

  /**
   * Four GB300 NVL72 racks on a 45 °C liquid loop at a constant 40 °C: one 600 kW dry cooler is too
   * small (the GPUs throttle), four of 1 MW are ample. No random failures: one replication.
   */
  private static final String HOT_HALL =
      """
      name: hot-hall
      horizon: 6 h
      pulse_resolution: averaged
      replications: 1
      facility:
        cooling:
          weather: { dry_bulb: 40 °C }
          liquid:
            supply_temperature: 45 °C
            dry_coolers: { structure: { units: 1, needed: 1 }, unit: 600 kW, rating_difference: 10 K }
      clusters:
        - { name: hall, system: GB300-NVL72, count: 4, cooling: { type: liquid, thermal_resistance: 0.031 K/W } }
      workloads:
        - name: pretrain
          type: training
          cluster: hall
          gpus: 288
          iteration: { period: 2 s, compute_fraction: 0.75, compute_power: 0.95, communication_power: 0.35 }
          tokens_per_iteration: 1048576
      variants:
        - name: too-small
        - name: ample
          set: { facility.cooling.liquid.dry_coolers: { structure: { units: 4, needed: 4 }, unit: 1 MW } }
      """;

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Every file of a comparison's folder and the terminal text, none with a NaN. */
  private static void assertNoNaN(Path dir, String text) throws IOException {
    assertThat(text).doesNotContain("NaN");
    for (String file : List.of("comparison.csv", "comparison.json", "index.html")) {
      assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain("NaN");
    }
  }

  @Test
  void aCooledHallHasTheCoolingTableAndItsLostProductionByPart() throws IOException {
    Path dir = tmp.resolve("out");
    Outcome o =
        run(
            "compare",
            write("hot-hall.yaml", HOT_HALL).toString(),
            "--no-progress",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("Cooling, per replication of 6 h")
        .contains("Value of lost production per year")
        .contains("value of production lost to power outages,\n  thermal trips and throttling")
        .doesNotContain("Reliability"); // no electrical chain: nothing to say
    String cooling = o.out().substring(o.out().indexOf("Cooling, per"));
    assertThat(cooling.lines().skip(3).findFirst().orElseThrow())
        .matches("\\s+1\\s+ample\\s+1\\.0\\d+\\s+.*\\s0\\s+0\\s+0"); // no slowdown, trips, tokens
    String header = Files.readAllLines(dir.resolve("comparison.csv")).get(0);
    assertThat(header)
        .contains(",gpu_hours_throttling_mean,", ",annual_lost_value_throttling_dollars_mean,")
        .contains(",tokens_lost_to_heat_mean,tokens_lost_to_heat_ci95,")
        .endsWith(",loss_of_load_events_total,thermal_trips_total"); // the answers come last
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    JsonNode tooSmall = json.at("/variants/0");
    assertThat(tooSmall.get("name").asText()).isEqualTo("too-small");
    assertThat(tooSmall.at("/gpu_hours_throttling/mean").asDouble()).isPositive();
    assertThat(tooSmall.at("/cooling/hours_at_slowdown/mean").asDouble()).isPositive();
    assertThat(json.at("/variants/1/annual_lost_value_throttling_dollars/mean").asDouble())
        .isZero();
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("<h2>Cooling, per replication of 6 h</h2>")
        .contains("lost production: power outages + thermal trips + throttling");
  }

  @Test
  void oneReplicationGivesMeansWithoutIntervalsAndNoNaN() throws IOException {
    Path dir = tmp.resolve("one");
    Outcome o =
        run(
            "compare",
            write("hot-hall.yaml", HOT_HALL).toString(),
            "--replications",
            "1",
            "--no-progress",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("1 replication of 6 h each")
        .contains("one replication: no confidence intervals")
        .doesNotContain("+/-");
    assertThat(o.out().lines().filter(l -> l.startsWith("  Cheapest: ")).findFirst().orElseThrow())
        .startsWith("  Cheapest: ample at ")
        .endsWith(
            "; one replication: no confidence interval (exact for a scenario without random"
                + " failures)");
    assertNoNaN(dir, o.out());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.at("/variants/0/annual_total_dollars/ci95").isNull()).isTrue();
    assertThat(json.at("/variants/0/annual_total_dollars/n").asInt()).isEqualTo(1);
    assertThat(json.at("/variants/0/cooling/pue/sd").isNull()).isTrue();
    assertThat(json.get("notes").toString()).contains("One replication");
    List<String> csv = Files.readAllLines(dir.resolve("comparison.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    String[] row = csv.get(1).split(",", -1);
    assertThat(row[header.indexOf("annual_total_dollars_mean")]).isNotEmpty();
    assertThat(row[header.indexOf("annual_total_dollars_ci95")]).isEmpty();
    assertThat(row[header.indexOf("pue_ci95")]).isEmpty();
  }

  @Test
  void aChainWithoutCoolingRunsWithOneReplicationAndShowsNoCoolingTable() throws IOException {
    Path dir = tmp.resolve("chain");
    Outcome o =
        run(
            "compare",
            "redundancy-study",
            "-r",
            "1",
            "--set",
            "horizon=12 h",
            "--no-progress",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("Reliability, per year")
        .doesNotContain("Cooling")
        .doesNotContain("Value of lost production")
        .contains("value of production lost to power\n");
    assertNoNaN(dir, o.out());
    String header = Files.readAllLines(dir.resolve("comparison.csv")).get(0);
    assertThat(header)
        .contains(",extra_cost_over_best_mean,extra_cost_over_best_ci95,tokens_mean,")
        .contains(",loss_of_load_events_total,thermal_trips_total,maintenance_hours_mean,");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.at("/variants/0").has("cooling")).isFalse();
    assertThat(json.at("/variants/0").has("gpu_hours_throttling")).isFalse();
    assertThat(Files.readString(dir.resolve("index.html"))).doesNotContain("Cooling, per");
  }

  @Test
  void aScenarioWithoutAPlantBesideACooledOneHasDashes() throws IOException {
    String plain =
        HOT_HALL
            .replace("name: hot-hall", "name: fixed-pue")
            .replaceAll("(?s)facility:.*?clusters:", "facility: { pue: 1.2 }\nclusters:")
            .replace(", cooling: { type: liquid, thermal_resistance: 0.031 K/W }", "")
            .replaceAll("(?s)variants:.*", "");
    Path dir = tmp.resolve("mixed");
    Outcome o =
        run(
            "compare",
            write("hot-hall.yaml", HOT_HALL).toString(),
            write("fixed-pue.yaml", plain).toString(),
            "--no-progress",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    String cooling = o.out().substring(o.out().indexOf("Cooling, per"));
    String fixed = cooling.lines().filter(l -> l.contains("fixed-pue")).findFirst().orElseThrow();
    assertThat(List.of(fixed.trim().split("\\s+")).subList(1, 9))
        .containsExactly("fixed-pue", "-", "-", "-", "-", "-", "-", "-");
    assertNoNaN(dir, o.out());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.at("/variants/1/name").asText()).isEqualTo("fixed-pue");
    assertThat(json.at("/variants/1/cooling").isNull()).isTrue();
    assertThat(json.at("/variants/0/cooling/pue/mean").asDouble()).isGreaterThan(1);
  }

  /**
   * 128 H100 for 6 h, at full power or capped at 60 %, with GPU and system failures at 200 × Llama
   * 3's rates: energy and throttling differ between replications, so the lead has a spread.
   */
  private static final String CAPPED_HALL =
      """
      name: capped-hall
      horizon: 6 h
      pulse_resolution: averaged
      replications: 4
      facility: { pue: 1.2 }
      clusters:
        - { name: hall, system: DGX-H100, count: 16 }
      workloads:
        - name: pretrain
          type: training
          cluster: hall
          gpus: 128
          iteration: { period: 5.5 s, compute_fraction: 0.7, compute_power: 1.0, communication_power: 0.3 }
          tokens_per_iteration: 1048576
          checkpoint: { interval: 1 h, duration: 30 s, power: 0.15 }
      failures: { profile: llama3, scale: 200 }
      variants:
        - name: full
        - name: capped
          set: { 'workloads[0].power_cap': 60 % }
      """;

  @Test
  void aTargetStopsOnceTheLeadIsKnownAndGivesWhatThatManyReplicationsGive() throws IOException {
    String scenario = write("capped-hall.yaml", CAPPED_HALL).toString();
    Path loose = tmp.resolve("loose");
    assertThat(run("compare", scenario, "--no-progress", "-q", "--out", loose.toString()).code())
        .isZero();
    JsonNode first = new ObjectMapper().readTree(loose.resolve("comparison.json").toFile());
    String runnerUp = first.at("/ranking/1").asText();
    double ci = 0;
    for (JsonNode v : first.get("variants")) {
      if (v.get("name").asText().equals(runnerUp)) {
        ci = v.at("/extra_cost_over_best/ci95").asDouble();
      }
    }
    assertThat(ci).isPositive();
    String targetDollars = String.format(java.util.Locale.ROOT, "%.2f", ci / 3);
    Path precise = tmp.resolve("precise");
    Outcome o =
        run(
            "compare",
            scenario,
            "--target-ci",
            "$" + targetDollars,
            "--no-progress",
            "--out",
            precise.toString());
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(precise.resolve("comparison.json").toFile());
    JsonNode batches = json.at("/precision/batches");
    assertThat(batches.size()).isGreaterThan(1);
    JsonNode last = batches.get(batches.size() - 1);
    int n = last.get("replications").asInt();
    assertThat(json.get("replications").asInt()).isEqualTo(n);
    assertThat(n % 4).as("batches of the scenario's 4").isZero();
    assertThat(last.at("/lead_dollars/ci95").asDouble())
        .isLessThanOrEqualTo(Double.parseDouble(targetDollars));
    assertThat(json.at("/precision/target_met").asBoolean()).isTrue();
    assertThat(json.at("/precision/verdict").asText()).isIn("decided", "tie_within_target");
    assertThat(o.out()).contains("Replications added until the lead's 95 % half-width");
    // the same as a fixed number of replications, byte for byte, whatever the threads
    Path fixed = tmp.resolve("fixed");
    Outcome f =
        run(
            "compare",
            scenario,
            "-r",
            Integer.toString(n),
            "--threads",
            "2",
            "--no-progress",
            "-q",
            "--out",
            fixed.toString());
    assertThat(f.code()).as(f.err()).isZero();
    for (String file : List.of("comparison.csv", "break_even.csv")) {
      assertThat(Files.readString(fixed.resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(precise.resolve(file)));
    }
    JsonNode same = new ObjectMapper().readTree(fixed.resolve("comparison.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("precision");
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("notes");
    ((com.fasterxml.jackson.databind.node.ObjectNode) same).remove("precision");
    ((com.fasterxml.jackson.databind.node.ObjectNode) same).remove("notes");
    assertThat(same).isEqualTo(json);
    Path twoThreads = tmp.resolve("two");
    assertThat(
            run(
                    "compare",
                    scenario,
                    "--target-ci",
                    "$" + targetDollars,
                    "--threads",
                    "2",
                    "--no-progress",
                    "-q",
                    "--out",
                    twoThreads.toString())
                .code())
        .isZero();
    assertThat(Files.readString(twoThreads.resolve("comparison.json")))
        .isEqualTo(Files.readString(precise.resolve("comparison.json")));
    assertNoNaN(precise, o.out());
  }

  @Test
  void theLimitEndsItWithTheEvidence() throws IOException {
    Path dir = tmp.resolve("limit");
    Outcome o =
        run(
            "compare",
            write("capped-hall.yaml", CAPPED_HALL).toString(),
            "--target-ci",
            "0.001%",
            "--max-replications",
            "9",
            "--no-progress",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.get("replications").asInt()).isEqualTo(9);
    assertThat(json.at("/precision/max_replications").asInt()).isEqualTo(9);
    assertThat(json.at("/precision/limit").asText()).isEqualTo("requested");
    assertThat(json.at("/precision/target_met").asBoolean()).isFalse();
    assertThat(json.at("/precision/target/kind").asText()).isEqualTo("relative");
    assertThat(o.out().replaceAll(" *\n *", " "))
        .containsPattern("(Decided|Undecided) after 9 replications \\(the limit");
  }

  @Test
  void aBadTargetIsAUserErrorAndWritesNothing() throws IOException {
    String scenario = write("capped-hall.yaml", CAPPED_HALL).toString();
    List<List<String>> cases =
        List.of(
            List.of("--target-ci", "abc"),
            List.of("--target-ci", "0"),
            List.of("--target-ci", "$0M"),
            List.of("--target-ci", "-5%"),
            List.of("--target-ci", "0%"),
            List.of("--target-ci", "150%"),
            List.of("--target-ci", "1e400"),
            List.of("--target-ci", "1e308bn"),
            List.of("--target-ci", "$"),
            List.of("--target-ci", "1".repeat(2000) + "%"),
            List.of("--target-ci", "10 EUR"),
            List.of("--max-replications", "100"),
            List.of("--target-ci", "10%", "--max-replications", "1"),
            List.of("--target-ci", "10%", "--max-replications", "-3"));
    for (List<String> extra : cases) {
      Path dir = tmp.resolve("bad");
      List<String> args =
          new java.util.ArrayList<>(
              List.of("compare", scenario, "--no-progress", "--out", dir.toString()));
      args.addAll(extra);
      Outcome o = run(args.toArray(String[]::new));
      assertThat(o.code()).as("%s: %s", extra, o.err()).isEqualTo(2);
      assertThat(o.err()).as("%s", extra).startsWith("error: ").doesNotContain("Exception");
      assertThat(Files.exists(dir)).as("%s", extra).isFalse();
    }
    Outcome one =
        run(
            "compare",
            write("only.yaml", CAPPED_HALL.replaceAll("(?s)\\s+- name: capped.*", "\n")).toString(),
            "--target-ci",
            "10%",
            "--no-progress",
            "--out",
            tmp.resolve("one").toString());
    assertThat(one.code()).as(one.out()).isEqualTo(2);
    assertThat(one.err()).contains("--target-ci is for the lead of the cheapest variant");
  }

  /**
   * redundancy-study maintains its UPS twice a year, 8 h a module: in 30 days the first round only,
   * N's 6 modules on bypass (48 h exposed), N+1's 7 covered, 4N/3's 8 handed over to the other
   * systems, 2N's 12 carried by the other side (no utility interruptions: the bypass is never
   * tried); the figures in the table, the CSV and the JSON.
   */
  @Test
  void plannedMaintenanceHasItsTable() throws IOException {
    Path dir = tmp.resolve("maintenance");
    Outcome o =
        run(
            "compare",
            "redundancy-study",
            "-r",
            "2",
            "--set",
            "horizon=30 d",
            "--set",
            "power.utility.outages_per_year=0",
            "--set",
            "power.utility.momentary_per_year=0",
            "--no-progress",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Planned maintenance of the electrical chain, per replication");
    List<org.apache.commons.csv.CSVRecord> records =
        org.apache.commons.csv.CSVFormat.DEFAULT
            .parse(Files.newBufferedReader(dir.resolve("comparison.csv")))
            .getRecords();
    List<String> header = records.get(0).toList();
    assertThat(header.subList(header.size() - 4, header.size()))
        .containsExactly(
            "maintenance_hours_mean",
            "maintenance_hours_ci95",
            "maintenance_exposure_hours_mean",
            "maintenance_exposure_hours_ci95");
    java.util.Map<String, String[]> byVariant = new java.util.HashMap<>();
    for (org.apache.commons.csv.CSVRecord record : records.subList(1, records.size())) {
      String[] row = record.values();
      byVariant.put(row[header.indexOf("variant")], row);
    }
    int out = header.indexOf("maintenance_hours_mean");
    int exposed = header.indexOf("maintenance_exposure_hours_mean");
    // Generators first (6 units x 4 h, or 12 with a plant per side), batteries after the UPS.
    assertThat(byVariant.get("N")[out]).isEqualTo(String.valueOf(24 + 48 + 2));
    assertThat(byVariant.get("N")[exposed]).isEqualTo("48");
    assertThat(byVariant.get("N+1")[exposed]).isEqualTo("0");
    assertThat(byVariant.get("4N/3")[exposed]).isEqualTo("0");
    assertThat(byVariant.get("2N")[exposed]).isEqualTo("0");
    assertThat(Files.readString(dir.resolve("comparison.json"))).contains("\"exposure_hours\"");
  }
}
