package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of cooling designs: the cooling table, lost production by part, one replication.
 */
class CompareCommandTest {
  @TempDir Path tmp;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

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
        .endsWith(",loss_of_load_events_total,thermal_trips_total");
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
}
