package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs: the summaries of a few bundled scenarios are kept in the repository
 * (src/test/resources/golden) and a run must reproduce them byte for byte, so that a refactoring
 * that changes a number is seen. When a change is meant to change results, regenerate them with
 * {@code ./mvnw verify -pl scenarios -am -Dtest=GoldenOutputsTest -Dgolden.update=true} and let the
 * diff of the golden files show, in review, what changed.
 */
class GoldenOutputsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path tmp;

  /** Scenario, then extra arguments. */
  static List<List<String>> runs() {
    return List.of(
        List.of("default"),
        List.of("grok4-energy"),
        List.of("llama3-405b-54d", "--set", "pulse_resolution=averaged"),
        List.of("checkpoint-demo", "--replications", "4"),
        List.of("redundancy-study", "--replications", "20"));
  }

  @ParameterizedTest
  @MethodSource("runs")
  void summariesAreByteIdentical(List<String> run) throws IOException {
    String name = run.get(0);
    Path out = tmp.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("run"));
    args.addAll(run);
    args.addAll(List.of("--out", out.toString(), "--no-progress", "-q"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    for (String file : List.of("summary.json", "summary.csv")) {
      Path golden = GOLDEN.resolve(name).resolve(file);
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(golden.getParent());
        Files.copy(out.resolve(file), golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(Files.readString(out.resolve(file)))
          .as("%s/%s (regenerate with -Dgolden.update=true if the change is meant)", name, file)
          .isEqualTo(Files.readString(golden));
    }
  }
}
