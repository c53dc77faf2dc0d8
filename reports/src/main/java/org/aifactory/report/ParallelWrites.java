package org.aifactory.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes independent files at once: the first writer runs on the calling thread, each other on a
 * thread of its own (a run draws two or three charts; each takes as long as all its text files
 * together). Every writer has finished when {@link #run} returns or throws, so nothing writes into
 * a folder after its caller has moved on. What each writer writes does not depend on the others.
 */
final class ParallelWrites {
  private ParallelWrites() {}

  /** Writes one or more files. */
  @FunctionalInterface
  interface Writer {
    void write() throws IOException;
  }

  /**
   * Runs every writer and waits for all of them.
   *
   * @throws IOException the first writer's (in list order) that failed, the others' suppressed
   */
  static void run(List<Writer> writers) throws IOException {
    if (writers.isEmpty()) {
      return;
    }
    List<Thread> threads = new ArrayList<>();
    Throwable[] failures = new Throwable[writers.size()];
    for (int i = 1; i < writers.size(); i++) {
      int index = i;
      Writer w = writers.get(i);
      Thread t =
          new Thread(
              () -> {
                try {
                  w.write();
                } catch (Throwable e) {
                  failures[index] = e;
                }
              },
              "report-writer-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      writers.get(0).write();
    } catch (Throwable e) {
      failures[0] = e;
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // still wait: the writer may be adding a file
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = null;
    for (Throwable f : failures) {
      if (f == null) {
        continue;
      }
      if (first == null) {
        first = f;
      } else if (first != f) {
        first.addSuppressed(f);
      }
    }
    if (first == null) {
      return;
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
    throw new UncheckedIOException(new IOException(first)); // a writer throws nothing else
  }
}
