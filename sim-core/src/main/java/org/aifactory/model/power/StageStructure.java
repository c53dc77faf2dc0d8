package org.aifactory.model.power;

/**
 * The layout of one stage of the chain (UPS, generators): {@code systems} independent systems of
 * {@code unitsPerSystem} units each, of which {@code unitsNeededPerSystem} carry one system's rated
 * load, and {@code systemsNeeded} systems together carry the full load.
 *
 * <p>Examples with N = 4 units needed for the load: {@code N+1} is (1, 5, 4, 1); {@code 2N} is (2,
 * 4, 4, 1); {@code 4N/3} is (4, 2, 2, 3) (four systems each sized for a third of the load). It can
 * be written out directly, or come from {@link RedundancyDesign#structure(int)}.
 *
 * @param systems independent systems (each with its own modules and battery, for a UPS)
 * @param unitsPerSystem installed units (modules) per system
 * @param unitsNeededPerSystem units whose capacity makes a system's rated capacity
 * @param systemsNeeded systems whose rated capacity together carries the full load
 */
public record StageStructure(
    int systems, int unitsPerSystem, int unitsNeededPerSystem, int systemsNeeded) {

  /**
   * Most units in one stage. Every unit is simulated (its failures and repairs); the largest halls
   * have a few hundred UPS modules or generators, and 10,000 is a 2N stage of 2.5 GW in 500 kW
   * modules. Without a bound, a design sized for a 1e-300 W module needed 2^31 units.
   */
  public static final int MAX_UNITS = 10_000;

  public StageStructure {
    if (systems < 1) {
      throw new IllegalArgumentException("systems must be >= 1, got " + systems);
    }
    if (unitsPerSystem < 1) {
      throw new IllegalArgumentException("unitsPerSystem must be >= 1, got " + unitsPerSystem);
    }
    if (unitsNeededPerSystem < 1 || unitsNeededPerSystem > unitsPerSystem) {
      throw new IllegalArgumentException(
          "unitsNeededPerSystem must be between 1 and unitsPerSystem ("
              + unitsPerSystem
              + "), got "
              + unitsNeededPerSystem);
    }
    if (systemsNeeded < 1 || systemsNeeded > systems) {
      throw new IllegalArgumentException(
          "systemsNeeded must be between 1 and systems (" + systems + "), got " + systemsNeeded);
    }
    if ((long) systems * unitsPerSystem > MAX_UNITS) {
      throw new IllegalArgumentException(
          systems
              + " systems of "
              + unitsPerSystem
              + " units are more than the "
              + MAX_UNITS
              + " units a stage may have");
    }
  }

  /** One system of {@code units} units, {@code needed} of them needed: the plain k-of-n. */
  public static StageStructure kOfN(int units, int needed) {
    return new StageStructure(1, units, needed, 1);
  }

  public int totalUnits() {
    return systems * unitsPerSystem;
  }
}
