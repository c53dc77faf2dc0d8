package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs: the summaries of a few bundled scenarios, and the comparison of
 * redundancy-study's designs, are kept in the repository (src/test/resources/golden) and a run must
 * reproduce them byte for byte, so that a refactoring that changes a number is seen. When a change
 * is meant to change results, regenerate them with {@code ./mvnw verify -pl scenarios -am
 * -Dtest=GoldenOutputsTest -Dgolden.update=true} and let the diff of the golden files show, in
 * review, what changed.
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
    compareWithGolden("run", run, run.get(0), List.of("summary.json", "summary.csv"));
  }

  /**
   * The comparison of redundancy-study's UPS designs: the ranking, the production, the break-even
   * value of a lost GPU-hour of every pair and the cheapest by value. 100 replications: the fewest
   * with losses of load (2 in all for N), so that the break-evens are numbers, not "never".
   */
  @Test
  void theComparisonOfRedundancyDesignsIsByteIdentical() throws IOException {
    compareWithGolden(
        "compare",
        List.of("redundancy-study", "--replications", "100"),
        "redundancy-study-compare",
        List.of("comparison.json", "comparison.csv", "break_even.csv"));
  }

  private void compareWithGolden(String command, List<String> run, String name, List<String> files)
      throws IOException {
    Path out = tmp.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.addAll(run);
    args.addAll(List.of("--out", out.toString(), "--no-progress", "-q"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    for (String file : files) {
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
