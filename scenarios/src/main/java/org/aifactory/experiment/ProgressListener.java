package org.aifactory.experiment;

/** Told how far a run has got; called from the running thread. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /** {@code done} of {@code total} units (e.g. simulated nanoseconds, replications). */
  void progress(long done, long total);
}
