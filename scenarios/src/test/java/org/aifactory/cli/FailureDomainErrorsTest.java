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
 * Bad failure domains are user errors: exit 2, the file, line and column of the value, and nothing
 * written.
 */
class FailureDomainErrorsTest {
  @TempDir Path tmp;

  private static final String HALL =
      String.join(
          "\n",
          "name: hall",
          "horizon: 1 d",
          "clusters:",
          "  - { name: hall, system: GB300-NVL72, count: 4 }",
          "workloads:",
          "  - name: job",
          "    type: training",
          "    cluster: hall",
          "    gpus: 256",
          "    gpus_per_system: 64",
          "    iteration: { period: 2 s, compute_fraction: 0.5, compute_power: 1, "
              + "communication_power: 0.3 }",
          "    tokens_per_iteration: 100",
          "failures: { profile: llama3, failure_domain: fru }",
          "catalog:",
          "  systems:",
          "    GB300-NVL72: { fru: { gpus: 4 } }",
          "");

  /** The bad value replaces the good one; the error is at line:column, with the field's path. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gpus_per_system: 64|gpus_per_system: 96|10:22|workloads[0].gpus_per_system|have 72",
        "{ gpus: 4 }|{ gpus: 7 }|16:33|catalog.systems.GB300-NVL72.fru.gpus|does not split",
        "{ gpus: 4 }|{ gpus: 144 }|16:33|catalog.systems.GB300-NVL72.fru.gpus|larger than"
      })
  void isAUserErrorAtItsValueWithNothingWritten(
      String good, String bad, String lineColumn, String path, String says) throws IOException {
    Cli.assertUserError(tmp, HALL, good, bad, lineColumn, path, says);
  }

  @Test
  void theGoodHallIsValid() throws IOException {
    Path file = tmp.resolve("hall.yaml");
    Files.writeString(file, HALL);
    int code =
        Main.execute(
            new String[] {"validate", file.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
  }
}
