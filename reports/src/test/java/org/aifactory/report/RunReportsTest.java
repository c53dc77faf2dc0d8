package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportsTest {
  /** The files whose bytes depend only on the result. */
  static final List<String> DETERMINISTIC =
      List.of("summary.json", "summary.csv", "timeseries.csv", "window.csv", "events.csv");

  @TempDir Path dir;

  @Test
  void writesAllFilesAtomically() throws Exception {
    Path out = dir.resolve("run");
    OutputDirectory.write(
        out,
        d -> RunReports.writeAll(Results.realistic(PulseResolution.FULL), Results.timings(), d));
    assertThat(names(out))
        .containsExactlyInAnyOrder(
            "index.html",
            "summary.json",
            "summary.csv",
            "timeseries.csv",
            "window.csv",
            "events.csv",
            "power.png",
            "lost_production.png",
            "run.json");
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertThat(run.get("simulation_wall_seconds").asDouble()).isEqualTo(2.5);
    assertThat(run.get("total_wall_seconds").asDouble()).isEqualTo(3.25);
    assertThat(run.get("events_processed").asLong()).isEqualTo(123_456_789L);
    assertThat(run.get("events_per_second").asDouble()).isEqualTo(49_382_700); // 6 digits
    assertThat(run.get("java_version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(run.get("available_processors").asInt()).isPositive();

    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary).doesNotContain("wall").doesNotContain("java");
    assertThat(Files.readAllLines(out.resolve("events.csv")))
        .hasSize(1 + Results.realistic(PulseResolution.FULL).events().size());
  }

  @Test
  void sameResultSameBytesAndEventsEvenWithoutFailures() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    RunReports.writeAll(Results.failureFree(PulseResolution.FULL), Results.timings(), a);
    RunReports.writeAll(Results.failureFree(PulseResolution.FULL), Results.timings(), b);
    for (String file : DETERMINISTIC) {
      assertThat(Files.readAllBytes(b.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
    assertThat(Files.readAllLines(a.resolve("events.csv"))).hasSize(1);
    assertThat(Files.exists(a.resolve("lost_production.png"))).isTrue();
  }

  @Test
  void timingsRate() {
    assertThat(new RunTimings(2, 3, 10).eventsPerSecond()).isEqualTo(5);
    assertThat(new RunTimings(0, 0, 10).eventsPerSecond()).isZero();
  }

  /** The report files of {@code dir} (without the output manifest). */
  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(OutputDirectory.MANIFEST))
          .sorted()
          .toList();
    }
  }
}
