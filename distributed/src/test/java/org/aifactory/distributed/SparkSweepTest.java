package org.aifactory.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep, run --replications and compare on Spark in local mode write the local command's files
 * byte for byte, whatever the cores and the partitions; a master that cannot be reached is a user's
 * error that writes nothing.
 */
class SparkSweepTest {
  @TempDir static Path tmp;

  private static final List<String> FILES =
      List.of("sweep.csv", "sweep.json", "index.html", "sweep.png");

  private record Outcome(int code, String out, String err) {}

  /**
   * checkpoint-demo over one day, 2 x 2 points x 3 replications (12 runs with failures, so that the
   * replications differ), the best point marked: a few seconds of simulation.
   */
  private static List<String> sweep(String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "checkpoint-demo",
                "--set",
                "horizon=1 d",
                "--vary",
                "failures.scale=1,3",
                "--vary",
                "workloads[0].checkpoint.interval=30 min,1 h",
                "-r",
                "3",
                "--best",
                "max:ettr",
                "--no-progress",
                "-q",
                "--out",
                tmp.resolve(out).toString()));
    args.addAll(List.of(more));
    return args;
  }

  private static Outcome spark(List<String> sparkOptions, List<String> command) {
    List<String> args = new ArrayList<>(sparkOptions);
    args.addAll(command);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SparkSweep.execute(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** checkpoint-demo over two days, priced (economics at its defaults), 5 replications. */
  private static List<String> replications(String out) {
    return List.of(
        "run",
        "checkpoint-demo",
        "--set",
        "horizon=2 d",
        "--set",
        "economics={}",
        "-r",
        "5",
        "--no-progress",
        "-q",
        "--out",
        tmp.resolve(out).toString());
  }

  /**
   * redundancy-study's four UPS designs with GPU failures (so that replications differ), priced
   * (economics at its defaults, so also ranked by cost per token), its replications added until the
   * lead is known to 0.1 %: two batches, 3 then 9 replications.
   */
  private static List<String> comparison(String out) {
    return List.of(
        "compare",
        "redundancy-study",
        "--set",
        "failures.profile=llama3",
        "--set",
        "economics={}",
        "-r",
        "3",
        "--target-ci",
        "0.1%",
        "--max-replications",
        "9",
        "--no-progress",
        "-q",
        "--out",
        tmp.resolve(out).toString());
  }

  private static void local(List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  @BeforeAll
  static void runTheLocalCommands() {
    local(sweep("local"));
    local(replications("localReplications"));
    local(comparison("localComparison"));
  }

  @Test
  void writesTheLocalCommandsBytesWhateverTheCoresAndPartitions() throws IOException {
    record Setup(String master, int partitions) {}
    for (Setup s :
        List.of(new Setup("local[1]", 1), new Setup("local[2]", 3), new Setup("local[2]", 7))) {
      String name = "spark-" + s.master().replaceAll("\\W", "") + "-" + s.partitions();
      Outcome o =
          spark(
              List.of("--master", s.master(), "--partitions", Integer.toString(s.partitions())),
              sweep(name));
      assertThat(o.code()).as(o.err()).isZero();
      assertThat(o.out()).isEqualTo("Reports written to " + tmp.resolve(name) + "/\n");
      for (String file : FILES) {
        assertThat(Files.readAllBytes(tmp.resolve(name).resolve(file)))
            .as("%s of %s", file, s)
            .isEqualTo(Files.readAllBytes(tmp.resolve("local").resolve(file)));
      }
    }
  }

  @Test
  void replicationsWriteTheLocalCommandsBytes() throws IOException {
    Outcome o = spark(List.of("--master", "local[2]", "--partitions", "3"), replications("spark"));
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(Files.readString(tmp.resolve("localReplications").resolve("summary.json")))
        .as("priced")
        .contains("economics.");
    assertSameFiles(
        tmp.resolve("localReplications"),
        tmp.resolve("spark"),
        List.of("summary.json", "replications.csv", "power.png", "index.html"));
  }

  @Test
  void comparisonsInBatchesWriteTheLocalCommandsBytes() throws IOException {
    Outcome o =
        spark(List.of("--master", "local[2]", "--partitions", "5"), comparison("sparkComparison"));
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(Files.readString(tmp.resolve("localComparison").resolve("comparison.json")))
        .as("two batches, so that the second extends the first")
        .contains("\"replications\": 9")
        .as("ranked by cost per token too")
        .contains("ranking_by_dollars_per_mtok");
    assertSameFiles(
        tmp.resolve("localComparison"),
        tmp.resolve("sparkComparison"),
        List.of("comparison.json", "comparison.csv", "break_even.csv", "index.html"));
  }

  /** Every file of {@code local} but run.json (wall-clock times) has the same bytes in spark. */
  private static void assertSameFiles(Path local, Path spark, List<String> expected)
      throws IOException {
    List<String> files;
    try (var list = Files.list(local)) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files).containsAll(expected);
    for (String file : files) {
      if (file.equals("run.json") || file.startsWith(".")) {
        continue; // wall-clock times; the output folder's manifest
      }
      assertThat(Files.readAllBytes(spark.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(local.resolve(file)));
    }
  }

  @Test
  void aMasterThatCannotBeReachedIsAUserErrorThatWritesNothing() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    Outcome o = spark(List.of("--master", "spark://127.0.0.1:" + port), sweep("unreachable"));
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err())
        .startsWith("error: cannot reach the Spark master spark://127.0.0.1:" + port + " (")
        .contains("connection refused")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("unreachable")).doesNotExist();

    Outcome bad = spark(List.of("--master", "lokal[2]"), sweep("badUrl"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "error: --master: 'lokal[2]' is not a Spark master URL; give local[N] (N cores of"
                + " this machine), local[*], spark://HOST:PORT (a standalone cluster), yarn or"
                + " k8s://HOST:PORT\n");
    assertThat(tmp.resolve("badUrl")).doesNotExist();
  }

  @Test
  void optionsOfTheLauncherAreChecked() {
    assertThat(spark(List.of(), List.of("validate", "redundancy-study")).err())
        .startsWith(
            "error: aifactory-spark runs sweep, run --replications and compare, not 'validate'");
    assertThat(spark(List.of("--partitions", "0"), sweep("p0")).code()).isEqualTo(2);
    assertThat(spark(List.of("--help"), List.of()).out()).startsWith("Usage: aifactory-spark");
    Outcome shard = spark(List.of("--master", "local[1]"), sweep("shard", "--shard", "0/2"));
    assertThat(shard.code()).isEqualTo(2);
    assertThat(shard.err()).startsWith("error: --shard runs a part of the sweep on this machine");
    assertThat(tmp.resolve("shard")).doesNotExist();
  }

  @Test
  void rangesCoverTheTasksInOrder() {
    assertThat(TaskRange.split(12, 7))
        .containsExactly(
            new TaskRange(0, 1),
            new TaskRange(1, 3),
            new TaskRange(3, 5),
            new TaskRange(5, 6),
            new TaskRange(6, 8),
            new TaskRange(8, 10),
            new TaskRange(10, 12));
    assertThat(TaskRange.split(2, 8)).containsExactly(new TaskRange(0, 1), new TaskRange(1, 2));
  }
}
