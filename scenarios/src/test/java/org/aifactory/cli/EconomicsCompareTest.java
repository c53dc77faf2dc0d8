package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** {@code compare} with economics ranks the variants by cost per million tokens as well. */
class EconomicsCompareTest {
  @TempDir Path tmp;

  /**
   * One training job on two DGX H100, no failures: the variants differ only in PUE, so they train
   * the same tokens and the cheaper per token is the one with the lower PUE, by exactly its energy.
   */
  private static final String HALL =
      """
      name: hall
      horizon: 6 h
      pulse_resolution: averaged
      facility: { pue: 1.5 }
      clusters:
        - { name: hall, system: DGX-H100, count: 2 }
      workloads:
        - name: pretrain
          type: training
          cluster: hall
          gpus: 16
          iteration: { period: 2 s, compute_fraction: 0.75, compute_power: 0.95, communication_power: 0.35 }
          tokens_per_iteration: 1048576
      costs: { energy_per_mwh: 80 }
      economics: { facility_mw: 1 MW }
      variants:
        - name: pue-1.5
        - name: pue-1.1
          set: { facility.pue: 1.1 }
      """;

  @Test
  void theLowerPueIsCheaperPerTokenByItsEnergy() throws IOException {
    Path file = Files.writeString(tmp.resolve("hall.yaml"), HALL);
    Path dir = tmp.resolve("out");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            new String[] {"compare", file.toString(), "--out", dir.toString(), "--no-progress"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text).contains("Cost per million tokens").contains("Lowest cost per token: pue-1.1");
    JsonNode j = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(j.get("ranking_by_dollars_per_mtok").get(0).asText()).isEqualTo("pue-1.1");
    JsonNode high = j.get("variants").get(0);
    JsonNode low = j.get("variants").get(1);
    assertThat(high.get("rank_by_dollars_per_mtok").asInt()).isEqualTo(2);
    double tokens = high.at("/production/tokens/mean").asDouble();
    assertThat(tokens).isPositive().isEqualTo(low.at("/production/tokens/mean").asDouble());
    // the same IT energy at PUE 1.5 and 1.1: the facility energy differs by 0.4/1.5 of the first's
    double mwhHigh = high.at("/energy_facility_mwh/mean").asDouble();
    double expected = mwhHigh * (0.4 / 1.5) * 80 / tokens * 1e6;
    // comparison.json keeps 6 significant digits of each figure: 1e-5 covers two roundings
    assertThat(high.at("/extra_dollars_per_mtok_over_best/mean").asDouble())
        .isCloseTo(expected, within(1e-5 * expected));
    List<String> csv = Files.readAllLines(dir.resolve("comparison.csv"));
    assertThat(csv.get(0)).endsWith("extra_dollars_per_mtok_over_best_ci95");
  }
}
