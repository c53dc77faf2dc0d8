package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.CheckpointStudyResult.Point;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStudyReportsTest {
  @TempDir Path dir;

  @Test
  void writesCsvJsonAndPng() throws Exception {
    CheckpointStudyResult r = Results.checkpointStudy();
    CheckpointStudyReports.writeAll(r, dir);
    assertThat(RunReportsTest.names(dir))
        .containsExactly(
            "checkpoint_study.csv", "checkpoint_study.json", "checkpoint_study.png", "index.html");
    Pngs.read(
        dir.resolve("checkpoint_study.png"),
        CheckpointStudyChart.WIDTH,
        CheckpointStudyChart.HEIGHT);
  }

  @Test
  void csvHasOneRowPerInterval() throws Exception {
    CheckpointStudyResult r = Results.checkpointStudy();
    Path file = dir.resolve("checkpoint_study.csv");
    CheckpointStudyCsv.write(r, file);
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(file)) {
      rows = CSVFormat.DEFAULT.parse(in).getRecords();
    }
    assertThat(rows.get(0).toList())
        .containsExactly(
            "interval_s",
            "interval_min",
            "ettr_mean",
            "ettr_ci95",
            "ettr_sd",
            "n",
            "tokens_mean",
            "tokens_ci95",
            "ettr_gap_to_best_mean",
            "ettr_gap_to_best_ci95",
            "tokens_vs_current_mean",
            "tokens_vs_current_ci95",
            "dollars_vs_current_mean",
            "dollars_vs_current_ci95",
            "marks");
    assertThat(rows).hasSize(r.points().size() + 1);
    for (int i = 0; i < r.points().size(); i++) {
      Point p = r.points().get(i);
      CSVRecord row = rows.get(i + 1);
      assertThat(row.get(0)).isEqualTo(Formats.number(p.intervalSeconds()));
      assertThat(row.get(1)).isEqualTo(Formats.number(p.intervalSeconds() / 60));
      assertThat(row.get(2)).isEqualTo(Formats.number(p.ettr().mean()));
      assertThat(row.get(3)).isEqualTo(Formats.spread(p.ettr().ci95(), p.ettr().mean()));
      assertThat(row.get(4)).isEqualTo(Formats.spread(p.ettr().sd(), p.ettr().mean()));
      assertThat(row.get(5)).isEqualTo("20");
      assertThat(row.get(6)).isEqualTo(Formats.number(p.tokens().mean()));
      assertThat(row.get(8)).isEqualTo(Formats.number(p.ettrDifferenceFromBest().mean()));
    }
    assertThat(rows.get(r.best() + 1).get(8)).isEqualTo("0"); // the best's gap
    assertThat(rows.get(r.best() + 1).get(14)).isEqualTo("best daly");
    assertThat(rows.get(r.current() + 1).get(14)).isEqualTo("current");
    assertThat(rows.get(r.current() + 1).get(10)).isEqualTo("0"); // current vs itself
    assertThat(rows.get(r.best() + 1).get(1)).isEqualTo("37.5");
  }

  @Test
  void jsonHasEveryField() throws Exception {
    CheckpointStudyResult r = Results.checkpointStudy();
    JsonNode json = new ObjectMapper().readTree(CheckpointStudyJson.render(r));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "scenario",
            "job",
            "seed",
            "replications",
            "checkpoint_s",
            "restart_s",
            "mtbf_kill_hours",
            "young_s",
            "daly_s",
            "best",
            "best_interval_s",
            "optimum_low_s",
            "optimum_high_s",
            "current",
            "current_interval_s",
            "lost_gpu_hour_dollars",
            "points",
            "notes");
    assertThat(json.get("current").asInt()).isEqualTo(r.current());
    assertThat(json.at("/points/" + r.current() + "/marks/0").asText()).isEqualTo("current");
    assertThat(json.at("/points/" + r.current() + "/tokens_vs_current/mean").asDouble()).isZero();
    assertThat(json.get("job").asText()).isEqualTo("llama3-405b");
    assertThat(json.get("replications").asInt()).isEqualTo(20);
    assertThat(json.get("daly_s").asDouble()).isEqualTo(2250.0);
    assertThat(json.get("young_s").asDouble())
        .isEqualTo(Double.parseDouble(Formats.number(r.youngSeconds())));
    assertThat(json.get("best").asInt()).isEqualTo(r.best());
    assertThat(json.get("optimum_low_s").asDouble())
        .isEqualTo(Double.parseDouble(Formats.number(r.optimumLowSeconds())));
    JsonNode points = json.get("points");
    assertThat(points.size()).isEqualTo(r.points().size());
    JsonNode p0 = points.get(0);
    assertThat(p0.get("interval_s").asDouble())
        .isEqualTo(Double.parseDouble(Formats.number(r.points().get(0).intervalSeconds())));
    assertThat(p0.at("/ettr/mean").asDouble())
        .isEqualTo(Double.parseDouble(Formats.number(r.points().get(0).ettr().mean())));
    assertThat(p0.at("/ettr/n").asInt()).isEqualTo(20);
    assertThat(p0.at("/tokens/ci95").asDouble()).isEqualTo(1.4e11);
    assertThat(p0.at("/ettr_gap_to_best/ci95").asDouble()).isEqualTo(0.004);
  }

  @Test
  void byteIdenticalWhenWrittenTwiceAndWhateverTheLocale() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    CheckpointStudyReports.writeAll(Results.checkpointStudy(), a);
    String german =
        Locales.german(
            () -> {
              CheckpointStudyReports.writeAll(Results.checkpointStudy(), b);
              return CheckpointStudyReports.render(Results.checkpointStudy());
            });
    for (String file : List.of("checkpoint_study.csv", "checkpoint_study.json")) {
      assertThat(Files.readAllBytes(b.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
    assertThat(german).isEqualTo(CheckpointStudyReports.render(Results.checkpointStudy()));
  }

  @Test
  void renderMarksTheBestAndComparesWithYoungAndDaly() {
    CheckpointStudyResult r = Results.checkpointStudy();
    String text = CheckpointStudyReports.render(r);
    assertThat(text)
        .startsWith("Checkpoint interval study: llama3-405b-54d, job llama3-405b\n")
        .contains("20 replications per interval");
    List<String> rows = text.lines().filter(l -> l.matches("\\s+\\d+\\.\\d .*")).toList();
    assertThat(rows).hasSize(r.points().size());
    assertThat(rows.get(r.best())).contains("37.5").endsWith("<- best");
    assertThat(rows.stream().filter(l -> l.endsWith("<- best"))).hasSize(1);
    assertThat(rows.get(r.best() - 1)).endsWith("~ best");
    assertThat(rows.get(0)).doesNotContain("best").contains("+/-");
    assertThat(text.lines().filter(l -> l.contains("Simulated optimum")).findFirst().orElseThrow())
        .isEqualTo(
            "  Simulated optimum 37.5 min (range 31.5-44.6 min) vs current 75 min vs Young 43.1"
                + " min vs Daly 37.5 min, M = 3.1 h, delta = 300 s, R = 600 s");
    assertThat(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)))
        .as("plain ASCII")
        .isTrue();
  }

  @Test
  void logAxisTicksAreOneTwoFive() {
    List<String> labels =
        LogTicksAxis.ticks(7.8, 180).stream()
            .filter(t -> !t.getText().isEmpty())
            .map(t -> t.getText())
            .toList();
    assertThat(labels).containsExactly("10", "20", "50", "100");
    assertThat(LogTicksAxis.ticks(0.5, 3).stream().map(t -> t.getText()).filter(s -> !s.isEmpty()))
        .containsExactly("0.5", "1", "2");
    assertThat(LogTicksAxis.ticks(0, 3)).isEmpty();
  }
}
