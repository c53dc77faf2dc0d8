package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir Path parent;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static OutputDirectory.DirectoryWriter files(String... names) {
    return dir -> {
      for (String n : names) {
        Files.writeString(dir.resolve(n), n + " v2");
      }
    };
  }

  /** A user's directory: a file and a folder the program did not write. */
  private Path usersDirectory() throws IOException {
    Path target = parent.resolve("out");
    Files.createDirectories(target.resolve("sub"));
    Files.writeString(target.resolve("keep-me.txt"), "mine");
    Files.writeString(target.resolve("sub/nested.txt"), "mine too");
    return target;
  }

  @Test
  void createsTheTargetWithAManifest() throws IOException {
    Path target = parent.resolve("out");
    OutputDirectory.write(target, files("a.txt", "b.csv"));
    assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("a.txt v2");
    assertThat(names(target)).containsExactly(OutputDirectory.MANIFEST, "a.txt", "b.csv");
    assertThat(OutputDirectory.manifest(target)).contains(Set.of("a.txt", "b.csv"));
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void aNewDirectoryHasTheUsualPermissionsNotPrivateOnes() throws IOException {
    Path target = parent.resolve("out");
    OutputDirectory.write(target, files("a.txt"));
    Path sibling = parent.resolve("plain");
    Files.createDirectory(sibling);
    assertThat(Files.getPosixFilePermissions(target))
        .isEqualTo(Files.getPosixFilePermissions(sibling))
        .contains(PosixFilePermission.OTHERS_READ);
  }

  @Test
  void createsMissingParents() throws IOException {
    Path target = parent.resolve("x/y/out");
    OutputDirectory.write(target, files("a.txt"));
    assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("a.txt v2");
  }

  @Test
  void aFailedWriteRemovesTheParentsItCreated() throws IOException {
    Path target = parent.resolve("x/y/out");
    assertThatThrownBy(
            () ->
                OutputDirectory.write(
                    target,
                    dir -> {
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(names(parent)).isEmpty();
  }

  @Test
  void refusesAUsersDirectoryAndTouchesNothing() throws IOException {
    Path target = usersDirectory();
    assertThatThrownBy(() -> OutputDirectory.write(target, files("a.txt")))
        .isInstanceOf(OutputDirectory.RefusedException.class)
        .hasMessageContaining("not an earlier output of aifactory")
        .hasMessageContaining("keep-me.txt, sub/");
    assertThat(names(target)).containsExactly("keep-me.txt", "sub");
    assertThat(Files.readString(target.resolve("sub/nested.txt"))).isEqualTo("mine too");
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void checkRefusesBeforeAnyWork() throws IOException {
    Path target = usersDirectory();
    assertThatThrownBy(() -> OutputDirectory.check(target))
        .isInstanceOf(OutputDirectory.RefusedException.class);
    OutputDirectory.check(parent.resolve("new")); // a new directory is fine
  }

  @Test
  void refusesTheCurrentDirectoryWhenItHoldsAnything() throws IOException {
    // '.' is the working directory of the tests (the module folder): never empty.
    assertThatThrownBy(() -> OutputDirectory.check(Path.of(".")))
        .hasMessageStartingWith("the current directory is not empty");
  }

  @Test
  void refusesAnEmptyPathAndTheRoot() {
    assertThatThrownBy(() -> OutputDirectory.check(Path.of("")))
        .isInstanceOf(OutputDirectory.RefusedException.class)
        .hasMessageContaining("empty path");
    assertThatThrownBy(() -> OutputDirectory.check(Path.of("/")))
        .isInstanceOf(OutputDirectory.RefusedException.class);
  }

  @Test
  void writesIntoAnEmptyDirectoryKeepingIt() throws IOException {
    Path target = parent.resolve("out");
    Files.createDirectory(target);
    Object key = Files.readAttributes(target, "unix:ino").get("ino");
    OutputDirectory.write(target, files("a.txt"));
    assertThat(names(target)).containsExactly(OutputDirectory.MANIFEST, "a.txt");
    assertThat(Files.readAttributes(target, "unix:ino").get("ino")).isEqualTo(key);
  }

  @Test
  void replacesOnlyTheFilesOfAnEarlierOutput() throws IOException {
    Path target = parent.resolve("out");
    OutputDirectory.write(target, files("a.txt", "old.csv"));
    OutputDirectory.write(target, files("a.txt", "new.csv"));
    assertThat(names(target)).containsExactly(OutputDirectory.MANIFEST, "a.txt", "new.csv");
    assertThat(OutputDirectory.manifest(target)).contains(Set.of("a.txt", "new.csv"));
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void anEarlierOutputWithAUsersFileAddedIsRefused() throws IOException {
    Path target = parent.resolve("out");
    OutputDirectory.write(target, files("a.txt"));
    Files.writeString(target.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> OutputDirectory.write(target, files("a.txt")))
        .hasMessageContaining("notes.txt");
    assertThat(Files.readString(target.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void aForgedManifestDoesNotMakeFilesOurs() throws IOException {
    Path target = usersDirectory();
    Files.writeString(target.resolve(OutputDirectory.MANIFEST), "keep-me.txt\n");
    assertThatThrownBy(() -> OutputDirectory.check(target)).hasMessageContaining("keep-me.txt");
  }

  @Test
  void failureLeavesTheEarlierOutputUntouched() throws IOException {
    Path target = parent.resolve("out");
    OutputDirectory.write(target, files("a.txt"));
    assertThatThrownBy(
            () ->
                OutputDirectory.write(
                    target,
                    dir -> {
                      Files.writeString(dir.resolve("a.txt"), "half");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(names(target)).containsExactly(OutputDirectory.MANIFEST, "a.txt");
    assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("a.txt v2");
  }

  @Test
  void uncheckedFailureLeavesNoTarget() throws IOException {
    Path target = parent.resolve("out");
    assertThatThrownBy(
            () ->
                OutputDirectory.write(
                    target,
                    dir -> {
                      Files.writeString(dir.resolve("c.txt"), "c");
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(names(parent)).isEmpty();
  }

  @Test
  void refusesToReplaceAFile() throws IOException {
    Path target = parent.resolve("out");
    Files.writeString(target, "not a directory");
    assertThatThrownBy(() -> OutputDirectory.write(target, dir -> {}))
        .isInstanceOf(OutputDirectory.RefusedException.class)
        .hasMessageContaining("not a directory");
    assertThat(Files.readString(target)).isEqualTo("not a directory");
    assertThat(names(parent)).containsExactly("out");
  }

  /** A JVM stopped (SIGTERM, like Ctrl-C) while writing leaves the earlier output, no staging. */
  @Test
  @Timeout(60)
  void shutdownWhileWritingDeletesTheStagingFolder() throws Exception {
    Path target = parent.resolve("out");
    OutputDirectory.write(target, files("a.txt"));
    Process child = startWriter(target);
    try {
      assertThat(names(target)).anyMatch(n -> n.startsWith(".aifactory-staging-"));
      child.destroy(); // SIGTERM: shutdown hooks run
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(names(target)).containsExactly(OutputDirectory.MANIFEST, "a.txt");
  }

  /** SIGKILL leaves a staging folder; the next write removes it (its writer is gone). */
  @Test
  @Timeout(60)
  void aKilledWritersLeftoverIsCleanedUpByTheNextWrite() throws Exception {
    Path target = parent.resolve("out");
    Process child = startWriter(target);
    try {
      child.destroyForcibly(); // SIGKILL: no hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(names(parent)).anyMatch(n -> n.startsWith(".out.aifactory-tmp-"));
    OutputDirectory.write(target, files("a.txt"));
    assertThat(names(parent)).containsExactly("out");
    assertThat(names(target)).containsExactly(OutputDirectory.MANIFEST, "a.txt");
  }

  /** A folder that merely looks like a staging folder (no lock file) is a user's: kept. */
  @Test
  void aLookAlikeStagingFolderIsNotDeleted() throws IOException {
    Path lookAlike = parent.resolve(".out.aifactory-tmp-mine");
    Files.createDirectory(lookAlike);
    Files.writeString(lookAlike.resolve("data.txt"), "mine");
    OutputDirectory.write(parent.resolve("out"), files("a.txt"));
    assertThat(Files.readString(lookAlike.resolve("data.txt"))).isEqualTo("mine");
  }

  private static Process startWriter(Path target) throws IOException {
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
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo(WriteThenWait.READY);
    return child;
  }

  /** Child process: starts writing, says so, then waits to be stopped. */
  static final class WriteThenWait {
    static final String READY = "writing";

    public static void main(String[] args) throws Exception {
      OutputDirectory.write(
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
