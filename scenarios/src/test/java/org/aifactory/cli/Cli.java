package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The command line as tests use it: a command's exit code and what it printed. */
final class Cli {
  private Cli() {}

  /** What a command did: its exit code, standard output and standard error. */
  record Outcome(int code, String out, String err) {}

  /** Runs {@code args} as the command line would, capturing both streams. */
  static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code scenario} to {@code tmp}/hall.yaml with {@code good} replaced by {@code bad},
   * runs it, and checks that it is a user error: exit 2, the file's {@code lineColumn} and the
   * field's {@code path}, a message containing {@code says}, no stack trace, and nothing written
   * (the folder holds only the scenario).
   */
  static void assertUserError(
      Path tmp,
      String scenario,
      String good,
      String bad,
      String lineColumn,
      String path,
      String says)
      throws IOException {
    assertThat(scenario).contains(good);
    Path file = tmp.resolve("hall.yaml");
    Files.writeString(file, scenario.replace(good, bad));
    Path out = tmp.resolve("never");
    Outcome o = run("run", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains("hall.yaml:" + lineColumn + ": " + path + ": ").contains(says);
    assertThat(o.err()).doesNotContain("Exception");
    assertThat(out).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("hall.yaml");
    }
  }
}
