package org.aifactory.model.failure;

/**
 * Told when a system stops operating (it failed, or lost power) and when it operates again, and
 * when one of its field-replaceable units (a compute tray) is taken out and replaced. A failure
 * process whose units live in systems listens, so that a unit ages only while its system (and its
 * field-replaceable unit) operates and its next life starts when its repair ends.
 */
public interface SystemOutageListener {
  /** {@code system} stopped operating at {@code now}. */
  void systemDown(int system, long now);

  /** {@code system} operates again at {@code now}. */
  void systemUp(int system, long now);

  /** Field-replaceable unit {@code unit} of {@code system} failed and was taken out. */
  default void unitDown(int system, int unit, long now) {}

  /**
   * A new field-replaceable unit replaced {@code unit} of {@code system}: its GPUs are new, and
   * operate if the system does.
   */
  default void unitReplaced(int system, int unit, long now) {}
}
