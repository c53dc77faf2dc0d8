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
}
