package org.aifactory.model.power;

/**
 * Who repairs failed units (UPS modules, generators, PDUs): either one crew per unit (repairs never
 * wait), or a shared pool of {@code crews} for the whole chain, serving failed units first come,
 * first served.
 *
 * @param onePerUnit every failed unit is repaired at once
 * @param crews size of the shared pool (ignored when {@code onePerUnit})
 */
public record RepairCrewSpec(boolean onePerUnit, int crews) {
  public RepairCrewSpec {
    if (!onePerUnit && crews < 1) {
      throw new IllegalArgumentException("repair crews must be >= 1, got " + crews);
    }
  }

  /** One crew per unit: repairs start as soon as a unit fails. */
  public static RepairCrewSpec perUnit() {
    return new RepairCrewSpec(true, 0);
  }

  /** A shared pool of {@code crews} crews. */
  public static RepairCrewSpec shared(int crews) {
    return new RepairCrewSpec(false, crews);
  }
}
