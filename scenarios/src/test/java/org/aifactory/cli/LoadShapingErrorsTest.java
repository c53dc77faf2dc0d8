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
 * Bad load shaping (power smoothing, rack storage, filler work) is a user error: exit 2, the file,
 * line and column of the value, its path, and nothing written; good load shaping runs and reports
 * its books.
 */
class LoadShapingErrorsTest {
  @TempDir Path tmp;

  private static final String HALL =
      String.join(
          "\n",
          "name: hall",
          "horizon: 1 h",
          "clusters:",
          "  - name: hall",
          "    system: GB300-NVL72",
          "    count: 2",
          "    power_smoothing: { floor: 60 %, ramp_up: 1.4 kW/s, ramp_down: 700 W/s,"
              + " hysteresis: 500 ms }",
          "    rack_storage: { energy_per_gpu: 2 kJ, target: 80 %, round_trip_efficiency: 90 % }",
          "workloads:",
          "  - name: job",
          "    type: training",
          "    cluster: hall",
          "    gpus: 144",
          "    iteration: { period: 2 s, compute_fraction: 0.5, compute_power: 1,"
              + " communication_power: 0.3 }",
          "    tokens_per_iteration: 100",
          "    filler: { level: 45 % }",
          "");

  private int run(Path file, Path out, ByteArrayOutputStream err) {
    return Main.execute(
        new String[] {"run", file.toString(), "--out", out.toString(), "--no-progress"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The bad value replaces the good one; the error is at line:column, with the field's path. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "floor: 60 %|floor: 60|7:31|clusters[0].power_smoothing.floor|write '60 %'",
        "floor: 60 %|floor: 101 %|7:31|clusters[0].power_smoothing.floor|between 0 and 1",
        "ramp_up: 1.4 kW/s|ramp_up: 1.4 kW|7:46|clusters[0].power_smoothing.ramp_up|got a power",
        "ramp_down: 700 W/s|ramp_down: 0 W/s|7:67|clusters[0].power_smoothing.ramp_down|> 0",
        "hysteresis: 500 ms|hysteresis: 500|7:88|clusters[0].power_smoothing.hysteresis|needs a unit",
        "energy_per_gpu: 2 kJ|energy_per_gpu: 2 kW|8:37|clusters[0].rack_storage.energy_per_gpu"
            + "|expected an energy",
        "target: 80 %|target: 0 %|8:51|clusters[0].rack_storage.target|above 0",
        "round_trip_efficiency: 90 %|round_trip_efficiency: 120 %|8:80"
            + "|clusters[0].rack_storage.round_trip_efficiency|between 0 and 1",
        "level: 45 %|level: 0|16:22|workloads[0].filler.level|above 0",
      })
  void isAUserErrorAtItsValueWithNothingWritten(
      String good, String bad, String lineColumn, String path, String says) throws IOException {
    Cli.assertUserError(tmp, HALL, good, bad, lineColumn, path, says);
  }

  /** The good hall runs and its summary carries the shaping's books. */
  @Test
  void theGoodHallRunsAndReportsItsShaping() throws IOException {
    Path file = tmp.resolve("hall.yaml");
    Files.writeString(file, HALL);
    Path out = tmp.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(file, out, err);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary)
        .contains("\"load_shaping\"")
        .contains("\"filler_energy_mwh\"")
        .contains("\"floor_energy_mwh\"")
        .contains("\"storage_loss_mwh\"")
        .contains("\"peak_cut\"");
  }
}
