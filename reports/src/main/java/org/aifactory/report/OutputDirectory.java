package org.aifactory.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes an output directory appear all at once: readers see the old contents or the new, never a
 * half-written mix, and a failed or interrupted run leaves nothing behind.
 */
public final class OutputDirectory {
  /** Attempts at deleting a temporary directory the writer may still be adding files to. */
  private static final int DELETE_ATTEMPTS = 5;

  private OutputDirectory() {}

  /** Fills a directory. */
  @FunctionalInterface
  public interface DirectoryWriter {
    /**
     * @param dir an empty directory to write into
     */
    void write(Path dir) throws IOException;
  }

  /**
   * Writes into a fresh temporary sibling directory of {@code target}, then moves it into place
   * (replacing an existing target). On any exception, or on JVM shutdown (Ctrl-C) while writing,
   * the temp directory is deleted and the target is left as it was.
   *
   * <p>The temporary directory is {@code .<name>.tmp-<random>} next to the target, so the final
   * move is a rename within one file system. An existing target is first renamed to {@code
   * .<name>.old-<random>}, replaced, then deleted; if the new directory cannot be moved in, the old
   * one is renamed back.
   *
   * @param target the directory to create or replace; its parent is created if missing
   * @param writer fills the temporary directory
   * @throws IOException if the writer fails, or the target cannot be replaced; also if {@code
   *     target} exists and is not a directory (it is never replaced then)
   */
  public static void writeAtomically(Path target, DirectoryWriter writer) throws IOException {
    Objects.requireNonNull(writer, "writer");
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null) {
      throw new IOException("cannot use " + target + " as an output directory");
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(target + " exists and is not a directory; not replacing it");
    }
    Files.createDirectories(parent);
    String name = abs.getFileName().toString();
    Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
    Transaction tx =
        new Transaction(abs, tmp, parent.resolve("." + name + ".old-" + UUID.randomUUID()));
    Thread hook = new Thread(tx::abortOnShutdown, "output-directory-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      deleteTree(tmp);
      throw new IOException("JVM is shutting down; not writing " + target, shuttingDown);
    }
    try {
      writer.write(tmp);
      tx.commit();
    } catch (Throwable t) {
      try {
        deleteTree(tmp);
      } catch (IOException | RuntimeException cleanup) {
        t.addSuppressed(cleanup);
      }
      throw t;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; it cleans up
      }
    }
    tx.deleteBackup();
  }

  /** The swap of a temporary directory into place, guarded against a concurrent shutdown hook. */
  private static final class Transaction {
    private final Path target;
    private final Path tmp;
    private final Path backup;
    private boolean aborted;
    private boolean committed;
    private boolean backedUp;

    Transaction(Path target, Path tmp, Path backup) {
      this.target = target;
      this.tmp = tmp;
      this.backup = backup;
    }

    synchronized void commit() throws IOException {
      if (aborted) {
        throw new IOException("JVM is shutting down; not replacing " + target);
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        rename(target, backup);
        backedUp = true;
      }
      try {
        rename(tmp, target);
      } catch (IOException e) {
        if (backedUp) {
          try {
            rename(backup, target);
            backedUp = false;
          } catch (IOException restore) {
            e.addSuppressed(restore);
          }
        }
        throw e;
      }
      committed = true;
    }

    /** Deletes the previous contents after a successful swap. */
    void deleteBackup() throws IOException {
      synchronized (this) {
        if (!backedUp) {
          return;
        }
      }
      try {
        deleteTree(backup);
      } catch (IOException e) {
        throw new IOException(
            "wrote "
                + target
                + ", but could not delete its previous contents, moved to "
                + backup
                + ": "
                + e.getMessage(),
            e);
      }
    }

    /** Shutdown hook: stop a commit that has not started, and delete what is left over. */
    void abortOnShutdown() {
      boolean done;
      boolean hadBackup;
      synchronized (this) {
        aborted = true;
        done = committed;
        hadBackup = backedUp;
      }
      try {
        if (done) {
          if (hadBackup) {
            deleteTree(backup);
          }
          return;
        }
        // The writer thread may still be adding files: retry until the tree is gone.
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
          try {
            deleteTree(tmp);
            return;
          } catch (IOException e) {
            Thread.sleep(20L * attempt);
          }
        }
      } catch (IOException | InterruptedException e) {
        // best effort: the JVM is going down
      }
    }
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a directory tree without following links; a tree already gone is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
