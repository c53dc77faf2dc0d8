package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aifactory.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 §1: {@code --out} must never delete or overwrite a file the program did not write. The
 * reproducers of the outside test: a user's files in the target, {@code --out .}, {@code --out ''}.
 */
class OutputSafetyTest {
  @TempDir Path tmp;

  private static long count(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.count();
    }
  }

  @Test
  void aDirectoryHoldingAUsersFilesIsRefusedAndKept() throws IOException {
    Path dir = tmp.resolve("mine");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("keep-me.txt"), "keep");
    Files.writeString(dir.resolve("sub/nested.txt"), "nested");
    for (String command : new String[] {"run", "compare", "checkpoint-study"}) {
      String scenario =
          switch (command) {
            case "compare" -> "redundancy-study";
            case "checkpoint-study" -> "checkpoint-demo";
            default -> "default";
          };
      Outcome o = run(command, scenario, "--out", dir.toString(), "--no-progress", "-q");
      assertThat(o.code()).as(command + ": " + o.err()).isEqualTo(2);
      assertThat(o.err())
          .contains("--out:")
          .contains("keep-me.txt, sub/")
          .doesNotContain("Exception");
      assertThat(o.out()).doesNotContain("Reports written");
    }
    assertThat(Files.readString(dir.resolve("keep-me.txt"))).isEqualTo("keep");
    assertThat(Files.readString(dir.resolve("sub/nested.txt"))).isEqualTo("nested");
    assertThat(count(dir)).isEqualTo(4); // dir, keep-me.txt, sub, sub/nested.txt
    assertThat(count(tmp)).isEqualTo(5);
  }

  @Test
  void anEmptyOutPathIsAUserError() {
    Outcome o = run("run", "--out", "", "--no-progress");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("empty path");
    assertThat(o.out()).doesNotContain("Reports written");
  }

  @Test
  void aSecondRunReplacesItsOwnOutputOnly() throws IOException {
    Path dir = tmp.resolve("out");
    assertThat(run("run", "--out", dir.toString(), "--no-progress", "-q").code()).isZero();
    assertThat(run("run", "--out", dir.toString(), "--no-progress", "-q", "--seed", "3").code())
        .isZero();
    assertThat(tmp.toFile().list()).containsExactly("out");
    Files.writeString(dir.resolve("my-notes.txt"), "notes");
    Outcome third = run("run", "--out", dir.toString(), "--no-progress", "-q");
    assertThat(third.code()).isEqualTo(2);
    assertThat(third.err()).contains("my-notes.txt");
    assertThat(Files.readString(dir.resolve("my-notes.txt"))).isEqualTo("notes");
  }

  @Test
  void anEmptyExistingDirectoryIsWrittenInto() throws IOException {
    Path dir = tmp.resolve("empty");
    Files.createDirectory(dir);
    assertThat(run("run", "--out", dir.toString(), "--no-progress", "-q").code()).isZero();
    assertThat(dir.resolve("summary.json")).isNotEmptyFile();
  }
}
