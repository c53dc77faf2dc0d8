package org.aifactory.model.failure;

/**
 * Told when a system stops operating (it failed, or lost power) and when it operates again. A
 * failure process whose units live in systems listens, so that a unit ages only while its system
 * operates and its next life starts when its repair ends.
 */
public interface SystemOutageListener {
  /** {@code system} stopped operating at {@code now}. */
  void systemDown(int system, long now);

  /** {@code system} operates again at {@code now}. */
  void systemUp(int system, long now);
}
