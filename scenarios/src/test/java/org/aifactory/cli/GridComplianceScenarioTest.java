package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled grid-compliance comparison answers its question: without mitigation the hall breaks
 * both rules; rack storage alone (sized for pulses) does not fix the checkpoints' ramps; GPU
 * smoothing, the combination and the site battery sized by the step formula comply; and the
 * cheapest compliant design is named.
 */
class GridComplianceScenarioTest {
  @TempDir Path tmp;

  @Test
  void theComparisonNamesTheCheapestCompliantDesign() throws IOException {
    Path out = tmp.resolve("out");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            new String[] {"compare", "grid-compliance", "--out", out.toString(), "--no-progress"},
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode json = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
    Map<String, Double> broken = new HashMap<>();
    for (JsonNode v : json.get("variants")) {
      broken.put(v.get("name").asText(), v.get("grid").get("rules_broken").get("mean").asDouble());
    }
    assertThat(broken)
        .containsEntry("none", 2.0)
        .containsEntry("rack-storage", 2.0)
        .containsEntry("gpu-smoothing", 0.0)
        .containsEntry("site-battery", 0.0)
        .containsEntry("combination", 0.0);
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .contains("Cheapest that complied with every rule in every replication: site-battery");
  }

  /**
   * Rack storage (which flattens the pulses but leaves them) under the site-battery variant's
   * battery: the battery follows the shaped load's exact 1-minute moving average, so it does not
   * drift; it never empties and both rules pass (with a ramp-limited target of the load itself, it
   * emptied for 1.7 of the 6 hours and both rules broke).
   */
  @Test
  void aBatteryUnderRackStorageFollowsTheAverageWithoutDrifting() throws IOException {
    Path out = tmp.resolve("stored");
    Cli.Outcome o =
        Cli.run(
            "run",
            "grid-compliance",
            "--out",
            out.toString(),
            "--no-progress",
            "--set",
            "clusters[0].rack_storage={ energy_per_gpu: 2 kJ, target: 80 % }",
            "--set",
            "site.battery={ energy: 6.5 MWh, power: 75 MW, soc_initial: 90 %,"
                + " smoothing: { window: 1 min, ramp: 8.5 MW/min, restore: 1 MW } }");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(json.at("/compliance/broken_rules/mean").asDouble()).isZero();
    assertThat(json.at("/battery/times_empty/mean").asDouble()).isZero();
    assertThat(json.at("/battery/lowest_soc/mean").asDouble()).isGreaterThan(0.1);
  }
}
