package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.experiment.shard.PartialSweepFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --shard K/N} and {@code merge}: the merged shards are the unsharded sweep, byte for
 * byte; every way of getting a merge wrong is an error that writes nothing.
 */
class ShardedSweepTest {
  /** Shared by the tests: the whole sweep and its five shards are run once. */
  @TempDir static Path tmp;

  private static final int SHARDS = 5;

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

  /**
   * checkpoint-demo over one day, 2 x 2 points x 3 replications (12 runs, failures so that the
   * replications differ), the best point marked; into {@code out} with {@code more} arguments.
   */
  private static Outcome sweep(String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "checkpoint-demo",
                "--set",
                "horizon=1 d",
                "--vary",
                "facility.pue=1.1,1.2",
                "--vary",
                "failures.scale=1,3",
                "-r",
                "3",
                "--best",
                "max:ettr",
                "--no-progress",
                "-q",
                "--out",
                tmp.resolve(out).toString()));
    args.addAll(List.of(more));
    return run(args);
  }

  private static Outcome merge(String out, String... shards) {
    List<String> args =
        new ArrayList<>(List.of("merge", "-q", "--out", tmp.resolve(out).toString()));
    for (String s : shards) {
      args.add(tmp.resolve(s).toString());
    }
    return run(args);
  }

  @BeforeAll
  static void runTheWholeSweepAndItsShards() {
    assertThat(sweep("whole").code()).isZero();
    for (int k = 0; k < SHARDS; k++) {
      Outcome o = sweep("part" + k, "--shard", k + "/" + SHARDS, "--threads", "2");
      assertThat(o.code()).as(o.err()).isZero();
      assertThat(o.out())
          .startsWith("Shard " + k + "/" + SHARDS + " of the sweep of checkpoint-demo: ");
    }
  }

  @Test
  void theMergedShardsAreTheWholeSweepByteForByte() throws IOException {
    // In another order than the shards' numbers: the order of the folders does not matter.
    Outcome o = merge("merged", "part3", "part0", "part4", "part1", "part2");
    assertThat(o.code()).as(o.err()).isZero();
    for (String file : List.of("sweep.csv", "sweep.json", "index.html", "sweep.png")) {
      assertThat(Files.readAllBytes(tmp.resolve("merged").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(tmp.resolve("whole").resolve(file)));
    }
  }

  @Test
  void aShardHoldsEveryNthRunAndNamesItsSweep() throws IOException {
    Path part = tmp.resolve("part2");
    // 12 runs: shard 2 of 5 has tasks 2 and 7 (point 0 replication 2, point 2 replication 1).
    assertThat(Files.readAllLines(part.resolve(PartialSweepFiles.RUNS)))
        .hasSize(3)
        .satisfies(lines -> assertThat(lines.get(1)).startsWith("0,2,"))
        .satisfies(lines -> assertThat(lines.get(2)).startsWith("2,1,"));
    assertThat(Files.readString(part.resolve(PartialSweepFiles.MANIFEST)))
        .contains("\"scenario\" : \"checkpoint-demo\"")
        .contains("\"scenario_sha256\" : \"")
        .contains("\"seed\" : 11")
        .contains("\"vary\" : [ \"facility.pue=1.1,1.2\", \"failures.scale=1,3\" ]")
        .contains("\"index\" : 2")
        .contains("\"count\" : 5");
  }

  @Test
  void aShardOutOfRangeIsAnErrorBeforeAnythingRuns() {
    for (String bad : List.of("3/2", "0/0", "-1/4", "1", "a/b")) {
      Outcome o = sweep("bad", "--shard", bad);
      assertThat(o.code()).as(bad).isEqualTo(2);
      assertThat(o.err()).as(bad).startsWith("error: --shard: ").doesNotContain("Exception");
      assertThat(tmp.resolve("bad")).doesNotExist();
    }
    assertThat(sweep("bad", "--shard", "3/2").err()).contains("K must be from 0 to N - 1 = 1");
    assertThat(sweep("bad", "--shard", "0/0").err()).contains("N must be at least 1");
  }

  @Test
  void shardsOfAnotherSweepAreRefused() {
    assertThat(sweep("seed5", "--seed", "5", "--shard", "1/" + SHARDS).code()).isZero();
    assertRefused(
        merge("m", "part0", "seed5", "part2", "part3", "part4"),
        "is a shard of another sweep than",
        "seed 11 vs 5");

    Outcome o =
        run(
            List.of(
                "sweep",
                "default",
                "--set",
                "horizon=1 h",
                "--vary",
                "facility.pue=1.1,1.2",
                "--no-progress",
                "-q",
                "--shard",
                "1/" + SHARDS,
                "--out",
                tmp.resolve("otherScenario").toString()));
    assertThat(o.code()).as(o.err()).isZero();
    assertRefused(
        merge("m", "part0", "otherScenario", "part2", "part3", "part4"),
        "scenario 'checkpoint-demo' vs 'default'");

    assertThat(sweep("metric", "--metric", "tokens", "--shard", "1/" + SHARDS).code()).isZero();
    assertRefused(
        merge("m", "part0", "metric", "part2", "part3", "part4"),
        "--metric [tokens, energy_facility_mwh, tokens_per_kwh_facility, ettr] vs [tokens, ettr]");

    assertThat(sweep("of4", "--shard", "1/4").code()).isZero();
    assertRefused(merge("m", "part0", "of4", "part2", "part3", "part4"), "shards of 5 vs of 4");
  }

  @Test
  void aMissingOrRepeatedShardIsRefused() {
    assertRefused(merge("m", "part0", "part1", "part3"), "shards 2/5, 4/5 are missing");
    assertRefused(
        merge("m", "part0", "part1", "part2", "part3", "part4", "part2"),
        "shard 2/5 is given twice");
    assertRefused(merge("m", "part0", "part1", "part2", "part3", "whole"), "no shard.json");
    assertRefused(merge("m", "part0", "nowhere"), "no such folder");
  }

  @Test
  void aDamagedShardIsRefused() throws IOException {
    Path copy = tmp.resolve("damaged");
    Files.createDirectories(copy);
    Files.copy(
        tmp.resolve("part1").resolve(PartialSweepFiles.MANIFEST),
        copy.resolve(PartialSweepFiles.MANIFEST));
    List<String> lines = Files.readAllLines(tmp.resolve("part1").resolve(PartialSweepFiles.RUNS));
    Files.write(copy.resolve(PartialSweepFiles.RUNS), lines.subList(0, lines.size() - 1));
    assertRefused(
        merge("m", "part0", "damaged", "part2", "part3", "part4"),
        "shard 1/5 should hold 3 runs and holds 2");
  }

  private static void assertRefused(Outcome o, String... messages) {
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).startsWith("error: ").contains(messages).doesNotContain("\tat ");
    assertThat(tmp.resolve("m")).doesNotExist();
  }
}
