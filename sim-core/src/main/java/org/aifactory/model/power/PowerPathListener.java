package org.aifactory.model.power;

/**
 * Told when a power path (a rack group: the racks behind one PDU, or one A/B pair of PDUs for
 * dual-corded racks) loses power and when it gets it back. Called from inside the chain's events,
 * in path order, after the chain's state is consistent; a listener may schedule events and read the
 * chain. Every {@code powerLost} is followed by a {@code powerRestored} for the same path before
 * the next {@code powerLost}.
 */
public interface PowerPathListener {
  /** Path {@code path} lost power at {@code nowNanos}: its racks are dark. */
  void powerLost(int path, long nowNanos);

  /** Path {@code path} is powered again at {@code nowNanos}. */
  void powerRestored(int path, long nowNanos);
}
