package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad inference services are user errors: exit 2, the file, line and column of the value, the
 * field's path, and nothing written.
 */
class InferenceErrorsTest {
  @TempDir Path tmp;

  private static final String HALL =
      String.join(
          "\n",
          "name: hall",
          "horizon: 1 d",
          "clusters:",
          "  - { name: hall, system: DGX-H100, count: 4 }",
          "workloads:",
          "  - name: chat",
          "    type: inference",
          "    cluster: hall",
          "    gpus: 32",
          "    gpus_per_replica: 8",
          "    max_queueing: 5 s",
          "    precision: fp8",
          "    demand:",
          "      rate: 10 per 1 s",
          "      daily_profile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
          "");

  /** The bad value replaces the good one; the error is at line:column, with the field's path. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1, 1, 1]|1, 1]|15:22|workloads[0].demand.daily_profile|expected 24 hourly multipliers",
        "rate: 10 per 1 s|rate: -10 per 1 s|14:13|workloads[0].demand.rate|requests >= 0",
        "rate: 10 per 1 s|rate: 10|14:13|workloads[0].demand.rate|requests per duration",
        "rate: 10 per 1 s|rate: 1e308 per 1 s|14:13|workloads[0].demand.rate|the most a service",
        "1, 1, 1]|1, 1, 1e308]|14:7|workloads[0].demand|more than 1e308 requests per second",
        "max_queueing: 5 s|max_queueing: 5|11:19|workloads[0].max_queueing|needs a unit",
        "gpus: 32|gpus: 30|9:11|workloads[0].gpus|whole number of replicas",
        "precision: fp8|precision: fp4|12:16|workloads[0].precision|nvfp4",
        "precision: fp8|precision: fp8\\n    throughput_factor: 2|13:5|"
            + "workloads[0].throughput_factor|not both",
        "gpus: 32\\n    gpus_per_replica: 8|gpus: 36\\n    gpus_per_replica: 12|10:23|"
            + "workloads[0].gpus_per_replica|fits neither",
        "type: inference|type: inferense|7:11|workloads[0].type|inference"
      })
  void isAUserErrorAtItsValueWithNothingWritten(
      String good, String bad, String lineColumn, String path, String says) throws IOException {
    Cli.assertUserError(
        tmp, HALL, good.replace("\\n", "\n"), bad.replace("\\n", "\n"), lineColumn, path, says);
  }

  @Test
  void theGoodHallRunsWithTheMlperfDefaultOfItsGpus() throws IOException {
    Path file = tmp.resolve("hall.yaml");
    Files.writeString(file, HALL);
    Path out = tmp.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            new String[] {"run", file.toString(), "--out", out.toString(), "--no-progress"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.resolve("inference.png")).exists();
    // 4 replicas × 8 GPUs × 3,066 tok/s (H100 MLPerf) = 98,112 tok/s against 10 × 717 demanded.
    assertThat(Files.readString(out.resolve("summary.csv")))
        .contains("services.chat.utilisation,1,0.0730");
  }
}
