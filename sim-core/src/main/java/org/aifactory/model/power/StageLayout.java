package org.aifactory.model.power;

import java.util.Objects;

/**
 * How one stage of the chain (the UPS stage, the generator plant) is laid out: sized from the load
 * by a {@link RedundancyDesign}, or written out unit by unit as a {@link StageStructure}. A sealed
 * pair rather than a design with an optional structure beside it: a written-out stage has no design
 * to report, and used to report the placeholder {@code N+1} passed along with it.
 */
public sealed interface StageLayout permits StageLayout.Sized, StageLayout.Written {

  /**
   * The stage's structure for a load of {@code loadWatts} in units of {@code unitWatts}: a design
   * installs its units for N = ⌈load / unit⌉ ({@link RedundancyDesign#unitsFor}); a written-out
   * stage is the same whatever the load.
   */
  StageStructure structureFor(double loadWatts, double unitWatts);

  /**
   * Units that must run to carry the load: N for a design, the needed units of the needed systems
   * for a written-out stage (the k of a generator plant's k-of-n).
   */
  int unitsNeeded(double loadWatts, double unitWatts);

  /** What the stage is, for reports: {@code 2N}, or {@code 2(N+1) (written out, N = 6)}. */
  String name();

  /** Sized from the load by a redundancy design. */
  record Sized(RedundancyDesign design) implements StageLayout {
    public Sized {
      Objects.requireNonNull(design, "design");
    }

    @Override
    public StageStructure structureFor(double loadWatts, double unitWatts) {
      return design.structure(RedundancyDesign.unitsFor(loadWatts, unitWatts));
    }

    @Override
    public int unitsNeeded(double loadWatts, double unitWatts) {
      return RedundancyDesign.unitsFor(loadWatts, unitWatts);
    }

    @Override
    public String name() {
      return design.name();
    }
  }

  /** Written out unit by unit: the numbers are used as written, whatever the load. */
  record Written(StageStructure structure) implements StageLayout {
    public Written {
      Objects.requireNonNull(structure, "structure");
    }

    @Override
    public StageStructure structureFor(double loadWatts, double unitWatts) {
      return structure;
    }

    @Override
    public int unitsNeeded(double loadWatts, double unitWatts) {
      return unitsNeeded();
    }

    /** The units whose capacity carries the load: needed per system × systems needed. */
    public int unitsNeeded() {
      return structure.systemsNeeded() * structure.unitsNeededPerSystem();
    }

    /**
     * The design this structure is for N = the units it needs ({@code 2 x 7 needing 6, 1 of 2
     * systems needed} is {@code 2(N+1)} for N = 6), or the structure itself when no design has it
     * (more than 1,000 systems or spares per system).
     */
    @Override
    public String name() {
      int spares = structure.unitsPerSystem() - structure.unitsNeededPerSystem();
      if (structure.systems() <= RedundancyDesign.MAX_SYSTEMS
          && spares <= RedundancyDesign.MAX_SPARES) {
        RedundancyDesign design =
            new RedundancyDesign(structure.systems(), structure.systemsNeeded(), spares);
        return design.name() + " (written out, N = " + unitsNeeded() + ")";
      }
      return systems(structure.systems())
          + " of "
          + structure.unitsPerSystem()
          + " units, "
          + structure.unitsNeededPerSystem()
          + " needed in each, "
          + systems(structure.systemsNeeded())
          + " needed (written out)";
    }

    private static String systems(int count) {
      return count + (count == 1 ? " system" : " systems");
    }
  }
}
