package org.aifactory.model.power;

/**
 * How the sources (utility feeds, generator plant) reach the UPS systems.
 *
 * <ul>
 *   <li>{@link #SHARED}: one input bus behind one transfer switch feeds every UPS system; it is
 *       live while any utility feed is (a main-tie-main), or else while the one generator plant
 *       carries.
 *   <li>{@link #PER_SIDE}: two sides, A and B, each with its own transfer switch and generator
 *       plant, each plant sized for the whole load: the first half of the UPS systems are on side
 *       A, the rest on side B. With two feeds, side A takes feed A and side B feed B; with one,
 *       both take it. The sources of a 2N design, independent down to the utility.
 * </ul>
 */
public enum SourceLayout {
  SHARED(1),
  PER_SIDE(2);

  private final int sides;

  SourceLayout(int sides) {
    this.sides = sides;
  }

  /** Input buses: 1 shared, 2 per side. */
  public int sides() {
    return sides;
  }

  /** The side of UPS system {@code system} of {@code systems}: the first half on side 0. */
  public int sideOf(int system, int systems) {
    return this == SHARED ? 0 : (system < (systems + 1) / 2 ? 0 : 1);
  }
}
