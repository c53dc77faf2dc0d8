package org.aifactory.model.power;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A redundancy design by name, as facility architects write it: {@code N}, {@code N+1}, {@code
 * N+2}, {@code 2N}, {@code 2(N+1)}, and distributed redundant {@code xN/y} (e.g. {@code 4N/3}).
 *
 * <p>Meaning (docs/sources.md §6, "Structure"): N is the number of units the load needs; {@code
 * N+r} is one system of N+r units needing N; {@code 2N} is two systems each of N units, either one
 * carrying the load; {@code 2(N+1)} is two systems of N+1; distributed {@code xN/y} is x systems
 * each sized N/y, any y of them carrying the load. All are the one pattern: {@code systems} systems
 * of ⌈N/y⌉ + r units, ⌈N/y⌉ needed per system, {@code systemsNeeded} = y systems needed.
 *
 * @param systems x: independent systems
 * @param systemsNeeded y: systems that together carry the load (1 for {@code N+r}, {@code 2N})
 * @param sparesPerSystem r: redundant units inside each system
 */
public record RedundancyDesign(int systems, int systemsNeeded, int sparesPerSystem) {
  private static final Pattern SINGLE = Pattern.compile("N(?:\\+(\\d+))?");
  private static final Pattern MULTIPLE = Pattern.compile("(\\d+)N(?:/(\\d+))?");
  private static final Pattern MULTIPLE_SPARE =
      Pattern.compile("(\\d+)\\(N\\+(\\d+)\\)(?:/(\\d+))?");

  /** Most systems of a design, and most spare units per system (no real design comes close). */
  public static final int MAX_SYSTEMS = 1000;

  public static final int MAX_SPARES = 1000;

  public static final RedundancyDesign N = new RedundancyDesign(1, 1, 0);
  public static final RedundancyDesign N_PLUS_1 = new RedundancyDesign(1, 1, 1);
  public static final RedundancyDesign TWO_N = new RedundancyDesign(2, 1, 0);

  public RedundancyDesign {
    if (systems < 1 || systems > MAX_SYSTEMS) {
      throw new IllegalArgumentException(
          "systems must be between 1 and " + MAX_SYSTEMS + ", got " + systems);
    }
    if (systemsNeeded < 1 || systemsNeeded > systems) {
      throw new IllegalArgumentException(
          "systemsNeeded must be between 1 and systems (" + systems + "), got " + systemsNeeded);
    }
    if (sparesPerSystem < 0 || sparesPerSystem > MAX_SPARES) {
      throw new IllegalArgumentException(
          "sparesPerSystem must be between 0 and " + MAX_SPARES + ", got " + sparesPerSystem);
    }
  }

  /**
   * Parses a design name (spaces ignored): {@code N}, {@code N+r}, {@code xN}, {@code xN/y}, {@code
   * x(N+r)}, {@code x(N+r)/y}.
   *
   * @throws IllegalArgumentException naming the accepted forms when {@code name} is none of them
   */
  public static RedundancyDesign parse(String name) {
    String s = name == null ? "" : name.replace(" ", "");
    try {
      Matcher m = SINGLE.matcher(s);
      if (m.matches()) {
        return new RedundancyDesign(1, 1, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
      }
      m = MULTIPLE.matcher(s);
      if (m.matches()) {
        return new RedundancyDesign(
            Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)), 0);
      }
      m = MULTIPLE_SPARE.matcher(s);
      if (m.matches()) {
        return new RedundancyDesign(
            Integer.parseInt(m.group(1)),
            m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(2)));
      }
    } catch (NumberFormatException e) {
      // too many digits for an int: reported below
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("redundancy design '" + name + "': " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "unknown redundancy design '"
            + name
            + "': expected N, N+1, N+2, 2N, 2(N+1) or xN/y such as 4N/3");
  }

  /** The canonical name: {@code N+1}, {@code 2N}, {@code 2(N+1)}, {@code 4N/3}. */
  public String name() {
    String core;
    if (systems == 1) {
      core = sparesPerSystem == 0 ? "N" : "N+" + sparesPerSystem;
    } else {
      core = systems + (sparesPerSystem == 0 ? "N" : "(N+" + sparesPerSystem + ")");
    }
    return systemsNeeded == 1 ? core : core + "/" + systemsNeeded;
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * The structure of this design when the load needs {@code unitsForLoad} units (N): systems of
   * ⌈N/y⌉ + r units, ⌈N/y⌉ needed in each, y systems needed.
   */
  public StageStructure structure(int unitsForLoad) {
    if (unitsForLoad < 1) {
      throw new IllegalArgumentException("units for the load must be >= 1, got " + unitsForLoad);
    }
    int perSystem = -Math.floorDiv(-unitsForLoad, systemsNeeded);
    return new StageStructure(systems, perSystem + sparesPerSystem, perSystem, systemsNeeded);
  }

  /** N: units of {@code unitWatts} needed to carry {@code loadWatts}, at least 1. */
  public static int unitsFor(double loadWatts, double unitWatts) {
    double units = unitsForLoad(loadWatts, unitWatts);
    if (units > StageStructure.MAX_UNITS) {
      throw new IllegalArgumentException(
          "a load of " + loadWatts + " W needs " + units + " units of " + unitWatts + " W");
    }
    return (int) units;
  }

  /**
   * N, unbounded (to check it against {@link StageStructure#MAX_UNITS} before sizing): units of
   * {@code unitWatts} needed to carry {@code loadWatts}, at least 1.
   */
  public static double unitsForLoad(double loadWatts, double unitWatts) {
    if (!(loadWatts >= 0) || !(unitWatts > 0) || Double.isInfinite(loadWatts)) {
      throw new IllegalArgumentException(
          "load must be >= 0 and unit capacity > 0, got " + loadWatts + " W, " + unitWatts + " W");
    }
    // A hair of tolerance so that 3 MW on 1 MW units is 3, not 4, after rounding.
    return Math.max(1, Math.ceil(loadWatts / unitWatts - 1e-9));
  }

  /** Units this design installs when the load needs {@code unitsForLoad} (no overflow). */
  public long installedUnits(int unitsForLoad) {
    long perSystem = -Math.floorDiv(-(long) unitsForLoad, systemsNeeded);
    return systems * (perSystem + sparesPerSystem);
  }
}
