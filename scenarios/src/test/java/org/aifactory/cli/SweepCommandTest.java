package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aifactory sweep} end to end, on the bundled checkpoint-demo over a short horizon. */
class SweepCommandTest {
  @TempDir Path tmp;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A sweep of checkpoint-demo over one day into {@code out}, with {@code more} arguments. */
  private Outcome sweep(String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "checkpoint-demo",
                "--set",
                "horizon=1 d",
                "--no-progress",
                "--out",
                tmp.resolve(out).toString()));
    args.addAll(List.of(more));
    return run(args);
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.parse(in).getRecords();
    }
  }

  @Test
  void writesTheSweepAndPrintsItsTable() throws IOException {
    Outcome o =
        sweep(
            "s",
            "--vary",
            "facility.pue=1.1..1.3/0.1",
            "--vary",
            "workloads[0].checkpoint.interval=30 min,1 h",
            "--replications",
            "3",
            "--best",
            "max:tokens_per_kwh_facility");
    assertThat(o.code()).as(o.err()).isZero();
    Path dir = tmp.resolve("s");
    assertThat(dir.resolve("sweep.csv")).exists();
    assertThat(dir.resolve("sweep.json")).exists();
    assertThat(dir.resolve("sweep.png")).exists();
    assertThat(dir.resolve("index.html")).exists();
    assertThat(o.out())
        .startsWith("Sweep: checkpoint-demo, 6 points x 3 replications, seed 11\n")
        .contains("<- best")
        .contains("Best (max tokens_per_kwh_facility): facility.pue=1.1, ")
        .endsWith("Reports written to " + dir + "/\n");

    List<CSVRecord> rows = csv(dir.resolve("sweep.csv"));
    assertThat(rows.get(0).toList())
        .containsExactly(
            "facility.pue",
            "workloads[0].checkpoint.interval",
            "metric",
            "unit",
            "mean",
            "sd",
            "ci95",
            "n",
            "mark");
    // Points in sweep order: the first --vary outermost.
    List<String> points =
        rows.stream()
            .skip(1)
            .filter(r -> r.get(2).equals("tokens"))
            .map(r -> r.get(0) + " " + r.get(1))
            .toList();
    assertThat(points)
        .containsExactly("1.1 30 min", "1.1 1 h", "1.2 30 min", "1.2 1 h", "1.3 30 min", "1.3 1 h");
    // Common random numbers: the PUE changes nothing the job does, so at the same interval the
    // tokens (mean and spread) are the same at every PUE.
    List<String> tokensAt30 =
        rows.stream()
            .skip(1)
            .filter(r -> r.get(2).equals("tokens") && r.get(1).equals("30 min"))
            .map(r -> r.get(4) + " " + r.get(5))
            .distinct()
            .toList();
    assertThat(tokensAt30).hasSize(1);
    assertThat(rows.stream().skip(1).filter(r -> r.get(8).equals("best")).map(r -> r.get(0)))
        .containsOnly("1.1");

    JsonNode j = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile());
    assertThat(j.at("/parameters/0/numbers").size()).isEqualTo(3);
    assertThat(j.at("/parameters/1/unit").asText()).isEqualTo("min");
    assertThat(j.at("/best/metric").asText()).isEqualTo("tokens_per_kwh_facility");
    assertThat(j.at("/points").size()).isEqualTo(6);
    assertThat(j.at("/points/5/values/facility.pue").asText()).isEqualTo("1.3");
    assertThat(j.at("/points/0/metrics/tokens/n").asInt()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("checkpoint-demo - sweep")
        .contains("sweep.png");
  }

  @Test
  void theFilesDoNotDependOnTheThreads() throws IOException {
    String[] args = {
      "--vary", "failures.scale=1,3", "--vary", "facility.pue=1.1,1.2", "-r", "4", "-q"
    };
    List<String> one = new ArrayList<>(List.of(args));
    one.addAll(List.of("--threads", "1"));
    List<String> two = new ArrayList<>(List.of(args));
    two.addAll(List.of("--threads", "2"));
    assertThat(sweep("one", one.toArray(String[]::new)).code()).isZero();
    assertThat(sweep("two", two.toArray(String[]::new)).code()).isZero();
    for (String file : List.of("sweep.csv", "sweep.json", "index.html")) {
      assertThat(Files.readAllBytes(tmp.resolve("two").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(file)));
    }
  }

  @Test
  void userErrorsExitWith2AndWriteNothing() throws IOException {
    assertError(sweep("e"), "sweep needs at least one --vary");
    assertError(
        sweep("e", "--vary", "facility.pue=1.1,0.5"),
        "error: --vary:1:18: facility.pue: expected a number >= 1");
    assertError(
        sweep("e", "--vary", "facility.pue=1.2", "--vary", "workloads[0].gpu=8,16"),
        "error: --vary:2:14: workloads[0].gpu: unknown key 'gpu' (did you mean 'gpus'?)");
    assertError(
        sweep("e", "--vary", "facility.pue=1.2,1.20"),
        "--vary:1:18: facility.pue: duplicate point");
    assertError(sweep("e", "--vary", "facility.pue=1..2/0"), "is 0");
    assertError(sweep("e", "--vary", "facility.pue=2..1/0.5"), "goes away from its end");
    assertError(
        sweep("e", "--vary", "workloads[0].checkpoint.interval=10 min..2 h/10 min"),
        "mixes units (min, h)");
    assertError(
        sweep("e", "--vary", "facility.pue=1.2,1.3", "--metric", "tokens_per_kwh"),
        "--metric: 'tokens_per_kwh' is not a metric key; the nearest: tokens_per_kwh_facility");
    assertError(
        sweep("e", "--vary", "facility.pue=1.2,1.3", "--best", "max:ettrr"),
        "--best: 'ettrr' is not a metric key; the nearest: ettr");
    assertError(
        sweep("e", "--vary", "facility.pue=1.2,1.3", "--best", "ettr"),
        "--best: expected max:KEY or min:KEY");
    Files.createDirectories(tmp.resolve("e"));
    Files.writeString(tmp.resolve("e/notes.txt"), "mine");
    Outcome foreign = sweep("e", "--vary", "facility.pue=1.2,1.3", "-r", "2");
    assertThat(foreign.code()).isEqualTo(2);
    assertThat(foreign.err()).contains("--out:");
    assertThat(Files.readString(tmp.resolve("e/notes.txt"))).isEqualTo("mine");
    assertThat(Files.list(tmp.resolve("e"))).hasSize(1);
  }

  private void assertError(Outcome o, String message) {
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains(message);
    assertThat(tmp.resolve("e")).doesNotExist();
  }
}
