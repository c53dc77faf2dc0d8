package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir Path parent;

  private List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path oldTarget() throws IOException {
    Path target = parent.resolve("out");
    Files.createDirectories(target.resolve("sub"));
    Files.writeString(target.resolve("old.txt"), "old");
    Files.writeString(target.resolve("sub/deep.txt"), "deep");
    return target;
  }

  @Test
  void createsTheTarget() throws IOException {
    Path target = parent.resolve("out");
    OutputDirectory.writeAtomically(target, dir -> Files.writeString(dir.resolve("a.txt"), "A"));
    assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("A");
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void createsMissingParents() throws IOException {
    Path target = parent.resolve("x/y/out");
    OutputDirectory.writeAtomically(target, dir -> Files.writeString(dir.resolve("a.txt"), "A"));
    assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("A");
  }

  @Test
  void replacesAnExistingTarget() throws IOException {
    Path target = oldTarget();
    OutputDirectory.writeAtomically(
        target, dir -> Files.writeString(dir.resolve("new.txt"), "new"));
    assertThat(names(target)).containsExactly("new.txt");
    assertThat(Files.readString(target.resolve("new.txt"))).isEqualTo("new");
    assertThat(names(parent)).containsExactly("out"); // no temp or backup left
  }

  @Test
  void writerSeesAnEmptyTemporarySibling() throws IOException {
    Path target = oldTarget();
    OutputDirectory.writeAtomically(
        target,
        dir -> {
          assertThat(dir.getParent()).isEqualTo(parent.toAbsolutePath());
          assertThat(dir).isNotEqualTo(target.toAbsolutePath());
          assertThat(names(dir)).isEmpty();
        });
  }

  @Test
  void failureLeavesTheOldTargetUntouched() throws IOException {
    Path target = oldTarget();
    assertThatThrownBy(
            () ->
                OutputDirectory.writeAtomically(
                    target,
                    dir -> {
                      Files.writeString(dir.resolve("half.txt"), "half");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThat(names(parent)).containsExactly("out");
    assertThat(names(target)).containsExactly("old.txt", "sub");
    assertThat(Files.readString(target.resolve("sub/deep.txt"))).isEqualTo("deep");
  }

  @Test
  void uncheckedFailureLeavesNoTarget() throws IOException {
    Path target = parent.resolve("out");
    assertThatThrownBy(
            () ->
                OutputDirectory.writeAtomically(
                    target,
                    dir -> {
                      Files.createDirectories(dir.resolve("a/b"));
                      Files.writeString(dir.resolve("a/b/c.txt"), "c");
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(names(parent)).isEmpty();
  }

  @Test
  void refusesToReplaceAFile() throws IOException {
    Path target = parent.resolve("out");
    Files.writeString(target, "not a directory");
    assertThatThrownBy(() -> OutputDirectory.writeAtomically(target, dir -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a directory");
    assertThat(Files.readString(target)).isEqualTo("not a directory");
    assertThat(names(parent)).containsExactly("out");
  }

  /** A JVM stopped (SIGTERM, like Ctrl-C) while writing leaves the old target and no temp dir. */
  @Test
  @Timeout(60)
  void shutdownWhileWritingDeletesTheTemporaryDirectory() throws Exception {
    Path target = oldTarget();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WriteThenWait.class.getName(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).isEqualTo(WriteThenWait.READY);
      assertThat(names(parent)).hasSize(2).anyMatch(n -> n.startsWith(".out.tmp-"));
      child.destroy(); // SIGTERM: shutdown hooks run
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(names(parent)).containsExactly("out");
    assertThat(names(target)).containsExactly("old.txt", "sub");
  }

  /** Child process of {@link #shutdownWhileWritingDeletesTheTemporaryDirectory}. */
  static final class WriteThenWait {
    static final String READY = "writing";

    public static void main(String[] args) throws Exception {
      OutputDirectory.writeAtomically(
          Path.of(args[0]),
          dir -> {
            Files.writeString(dir.resolve("partial.txt"), "partial");
            System.out.println(READY);
            System.out.flush();
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }

    private WriteThenWait() {}
  }
}
