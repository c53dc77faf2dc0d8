package org.aifactory.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes a run's report files into an output directory without ever deleting or overwriting a file
 * the program did not write, and so that a reader sees the old reports or the new ones, never a
 * half-written mix.
 *
 * <p>Ownership: every output directory holds a manifest, {@value #MANIFEST}, listing the files the
 * program wrote there. A directory may be written into when it does not exist, is empty, or holds
 * only files of its manifest (a previous output). Anything else (a user's file, a folder) makes
 * {@link #check} refuse the directory before any work is done.
 *
 * <p>Writing: the files are written into a staging folder first; only when all of them exist are
 * they moved into place. A new directory is staged as a sibling, {@code
 * .<name>.aifactory-tmp-<id>}, and renamed into place in one step. An existing one is staged
 * inside, {@code .aifactory-staging-<id>}; its files are then renamed over the old ones one by one
 * (each rename is atomic; together they take microseconds), the previous output's files that the
 * new one does not have are removed, and the manifest is replaced last. On an exception or a JVM
 * shutdown (Ctrl-C) while writing, the staging folder is deleted. A staging folder left by a killed
 * process (SIGKILL) is recognised by its lock file, which names the writer's process, and deleted
 * by the next write once that process is gone.
 */
public final class OutputDirectory {
  /** The manifest: the files the program wrote in the directory, one name per line. */
  public static final String MANIFEST = ".aifactory-output";

  private static final String MANIFEST_HEADER = "# files written by aifactory; do not edit";
  private static final String LOCK = ".aifactory-lock";
  private static final String STAGING_PREFIX = ".aifactory-staging-";
  private static final String SIBLING_INFIX = ".aifactory-tmp-";

  /** How long a shutdown waits for a commit under way to finish. */
  private static final long COMMIT_WAIT_NANOS = 5_000_000_000L;

  /** Attempts at deleting a staging folder the writer may still be adding files to. */
  private static final int DELETE_ATTEMPTS = 5;

  private OutputDirectory() {}

  /** Fills a directory with regular files (no sub-folders). */
  @FunctionalInterface
  public interface DirectoryWriter {
    /**
     * @param dir an empty directory to write into
     */
    void write(Path dir) throws IOException;
  }

  /** The directory cannot be used: a user's mistake, with a message saying what to do. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Checks that reports may be written to {@code target}, before any work: it must not exist, or be
   * a directory that is empty or holds only a previous output of this program.
   *
   * @throws RefusedException naming what is in the way
   */
  public static void check(Path target) throws IOException {
    Path abs = absolute(target);
    if (!Files.exists(abs)) {
      if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        throw new RefusedException(target + " is a broken symbolic link");
      }
      return;
    }
    if (!Files.isDirectory(abs)) {
      throw new RefusedException(target + " exists and is not a directory");
    }
    List<String> foreign = foreignEntries(abs);
    if (!foreign.isEmpty()) {
      throw new RefusedException(
          describe(target)
              + " is not empty and is not an earlier output of aifactory: it holds "
              + list(foreign)
              + "; choose a new or empty directory (nothing there is ever deleted or overwritten)");
    }
  }

  /**
   * Writes the files of {@code writer} into {@code target} (see the class comment). Missing parent
   * directories are created, and removed again if the write fails while they are still empty.
   *
   * @throws RefusedException if {@link #check} refuses {@code target}
   * @throws IOException if the writer fails or the files cannot be moved into place; the previous
   *     contents are then left as they were
   */
  public static void write(Path target, DirectoryWriter writer) throws IOException {
    Objects.requireNonNull(writer, "writer");
    Path abs = absolute(target);
    check(target);
    if (Files.isDirectory(abs)) {
      removeAbandonedStaging(abs, STAGING_PREFIX);
      new Transaction(abs, abs.resolve(STAGING_PREFIX + UUID.randomUUID()), false).run(writer);
    } else {
      Path parent = abs.getParent();
      List<Path> created = createParents(parent);
      String name = abs.getFileName().toString();
      removeAbandonedStaging(parent, "." + name + SIBLING_INFIX);
      Path staging = parent.resolve("." + name + SIBLING_INFIX + UUID.randomUUID());
      try {
        new Transaction(abs, staging, true).run(writer);
      } catch (IOException | RuntimeException | Error e) {
        removeIfEmpty(created);
        throw e;
      }
    }
  }

  private static Path absolute(Path target) throws RefusedException {
    if (target.toString().isEmpty()) {
      throw new RefusedException("the output directory is an empty path");
    }
    Path abs = target.toAbsolutePath().normalize();
    if (abs.getParent() == null || abs.getFileName() == null) {
      throw new RefusedException("cannot use " + target + " (the file system root) for reports");
    }
    return abs;
  }

  private static String describe(Path target) {
    String shown = target.toString();
    return shown.equals(".") ? "the current directory" : shown;
  }

  private static String list(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
  }

  /** Entries of {@code dir} that this program did not write there, sorted; "name/" for folders. */
  private static List<String> foreignEntries(Path dir) throws IOException {
    Set<String> owned = readManifest(dir);
    List<String> foreign = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        boolean file = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        boolean ours =
            file && (name.equals(MANIFEST) || name.equals(LOCK) || owned.contains(name))
                || name.startsWith(STAGING_PREFIX) && isStaging(p);
        if (!ours) {
          foreign.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
        }
      }
    }
    foreign.sort(null);
    return foreign;
  }

  private static Set<String> readManifest(Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    Set<String> names = new TreeSet<>();
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return names;
    }
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(MANIFEST_HEADER)) {
      return names; // not ours after all: nothing in the directory counts as written by us
    }
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isEmpty() && !line.contains("/") && !line.startsWith(".")) {
        names.add(line);
      }
    }
    return names;
  }

  /** A staging folder of ours: it holds our lock file and regular files only. */
  private static boolean isStaging(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(dir.resolve(LOCK), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Deletes staging folders named {@code prefix}… in {@code dir} whose writer is gone. */
  private static void removeAbandonedStaging(Path dir, String prefix) throws IOException {
    List<Path> abandoned = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*")) {
      for (Path p : entries) {
        if (isStaging(p) && !writerAlive(p)) {
          abandoned.add(p);
        }
      }
    }
    for (Path p : abandoned) {
      deleteStaging(p);
    }
  }

  private static boolean writerAlive(Path staging) {
    try {
      String text = Files.readString(staging.resolve(LOCK), StandardCharsets.UTF_8).strip();
      long pid = Long.parseLong(text);
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** Deletes a staging folder: its regular files, then itself. A folder already gone is fine. */
  static void deleteStaging(Path staging) throws IOException {
    if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
      for (Path p : entries) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("unexpected folder " + p + " in a staging folder; left in place");
        }
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException gone) {
      return;
    }
    Files.deleteIfExists(staging);
  }

  /**
   * Creates the missing ancestors of {@code dir} (and {@code dir}); returns them, deepest first.
   */
  private static List<Path> createParents(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(p);
    }
    Files.createDirectories(dir);
    return missing;
  }

  private static void removeIfEmpty(List<Path> createdDeepestFirst) {
    for (Path p : createdDeepestFirst) {
      try {
        Files.deleteIfExists(p); // fails, harmlessly, if something else has appeared in it
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** One write: stage, then move into place, guarded against a concurrent shutdown hook. */
  private static final class Transaction {
    private final Path target;
    private final Path staging;
    private final boolean fresh;
    private boolean aborted;
    private boolean committing;
    private boolean finished;

    /**
     * @param fresh the target does not exist: the staging folder is renamed into place
     */
    Transaction(Path target, Path staging, boolean fresh) {
      this.target = target;
      this.staging = staging;
      this.fresh = fresh;
    }

    void run(DirectoryWriter writer) throws IOException {
      Files.createDirectory(staging); // default permissions, unlike a temporary directory
      Files.writeString(
          staging.resolve(LOCK), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
      Thread hook = new Thread(this::abortOnShutdown, "output-directory-cleanup");
      try {
        Runtime.getRuntime().addShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        deleteStaging(staging);
        throw new IOException("the JVM is shutting down; not writing " + target, shuttingDown);
      }
      try {
        writer.write(staging);
        commit();
      } catch (Throwable t) {
        finish();
        try {
          deleteStaging(staging);
        } catch (IOException | RuntimeException cleanup) {
          t.addSuppressed(cleanup);
        }
        throw t;
      } finally {
        finish();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run; it cleans up
        }
      }
    }

    private void commit() throws IOException {
      synchronized (this) {
        if (aborted) {
          throw new IOException("the JVM is shutting down; not writing " + target);
        }
        committing = true;
      }
      List<String> written = stagedFiles();
      Files.writeString(
          staging.resolve(MANIFEST),
          MANIFEST_HEADER + "\n" + String.join("\n", written) + "\n",
          StandardCharsets.UTF_8);
      if (fresh) {
        try {
          rename(staging, target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          throw new RefusedException(target + " appeared while the reports were being written");
        }
        Files.deleteIfExists(target.resolve(LOCK)); // a lock left here is ours (check allows it)
        return;
      }
      Set<String> previous = readManifest(target);
      for (String name : written) {
        rename(staging.resolve(name), target.resolve(name));
      }
      for (String name : previous) {
        if (!written.contains(name)) {
          Files.deleteIfExists(target.resolve(name));
        }
      }
      rename(staging.resolve(MANIFEST), target.resolve(MANIFEST));
      Files.deleteIfExists(target.resolve(LOCK));
      deleteStaging(staging);
    }

    /** The commit (or the failure) is over: a waiting shutdown hook may go on. */
    private synchronized void finish() {
      finished = true;
      notifyAll();
    }

    /** The writer's files, sorted; only regular files with plain names are allowed. */
    private List<String> stagedFiles() throws IOException {
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
        for (Path p : entries) {
          String name = p.getFileName().toString();
          if (name.equals(LOCK)) {
            continue;
          }
          if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              || name.startsWith(".")
              || name.equals(MANIFEST)) {
            throw new IllegalStateException("a report writer made " + p + ": only plain files");
          }
          names.add(name);
        }
      }
      names.sort(null);
      return names;
    }

    /** Shutdown hook: stop a commit that has not started, and delete the staging folder. */
    void abortOnShutdown() {
      synchronized (this) {
        aborted = true;
        if (committing) {
          // Let the commit finish (its renames take microseconds) before the JVM halts.
          long deadline = System.nanoTime() + COMMIT_WAIT_NANOS;
          while (!finished && System.nanoTime() < deadline) {
            try {
              wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
          return;
        }
      }
      // The writer thread may still be adding files: retry until the folder is gone.
      for (int attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
        try {
          deleteStaging(staging);
          return;
        } catch (IOException e) {
          try {
            Thread.sleep(20L * attempt);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** The names the manifest of {@code dir} lists (for tests and tools); empty without one. */
  public static Optional<Set<String>> manifest(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(readManifest(dir));
  }
}
