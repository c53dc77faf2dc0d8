package org.aifactory.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;

/**
 * Reads how a stage of units is laid out: a redundancy {@code design} sized from the load, or a
 * {@code structure} written out instead (not both). Shared by the power chain's UPS and generator
 * stages and the cooling plant's dry coolers, towers and chillers.
 */
final class StageLayoutReader {
  static final String DESIGN_EXPECTED =
      "a redundancy design: N, N+1, N+2, 2N, 2(N+1) or xN/y such as 4N/3";

  /** The keys of a structure of units on one bus (k-of-n): generators, cooling units. */
  static final List<String> K_OF_N_KEYS = Language.K_OF_N.keys();

  static final String K_OF_N_EXPECTED =
      "a map with keys " + String.join(", ", K_OF_N_KEYS) + ", e.g. { units: 7, needed: 6 }";

  /** Reads a {@code structure:} map written out instead of a design. */
  @FunctionalInterface
  interface StructureReader {
    Optional<StageStructure> read(Field field);
  }

  private final Diagnostics diagnostics;

  StageLayoutReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** A stage's {@code design} ({@code defaultDesign} if neither is written), or its structure. */
  Optional<StageLayout> read(
      MapReader stage, StructureReader structureReader, RedundancyDesign defaultDesign) {
    Field designField = stage.field("design");
    Field structureField = stage.field("structure");
    if (designField.isPresent() && structureField.isPresent()) {
      Field second = Collections.max(List.of(designField, structureField), Field.WRITTEN_ORDER);
      diagnostics.error(
          second.keyLocation(),
          second.path(),
          "give either design (a redundancy design, e.g. N+1) or structure (the stage written"
              + " out), not both");
      return Optional.empty();
    }
    if (structureField.isPresent()) {
      return structureReader.read(structureField).map(StageLayout.Written::new);
    }
    Optional<RedundancyDesign> design =
        designField.isPresent()
            ? designField.value(DESIGN_EXPECTED, StageLayoutReader::design)
            : Optional.of(defaultDesign);
    return design.map(StageLayout.Sized::new);
  }

  /**
   * {@code structure: { units: 7, needed: 6 }}: units on one bus (or loop), of which needed carry
   * the load.
   *
   * @param units what the units are, e.g. "generators"
   */
  Optional<StageStructure> kOfN(Field field, String units) {
    Optional<MapReader> reader = structureMap(field, K_OF_N_EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader structure = reader.get().allowOnly(Language.K_OF_N);
    Field unitsField = structure.field("units");
    Field neededField = structure.field("needed");
    Optional<Integer> installed =
        whole(unitsField.required("installed " + units + ", a whole number >= 1"));
    Optional<Integer> needed =
        whole(
            neededField.required(
                "the "
                    + units
                    + " that together carry the load, a whole number >= 1, at most"
                    + " units"));
    boolean fits = atMost(neededField, needed, unitsField, installed, "units", "");
    if (installed.isEmpty() || needed.isEmpty() || !fits) {
      return Optional.empty();
    }
    return diagnostics.construct(
        structure.location(),
        structure.path(),
        () -> StageStructure.kOfN(installed.get(), needed.get()));
  }

  /** The structure's map; a design written in its place is pointed to the design key. */
  Optional<MapReader> structureMap(Field field, String expected) {
    if (field.node().orElseThrow() instanceof YamlScalar scalar && isDesign(scalar.text())) {
      diagnostics.error(
          scalar.location(),
          field.path(),
          "expected "
              + expected
              + ", got "
              + scalar.describe()
              + " (for a redundancy design, write design: "
              + scalar.text().strip()
              + " instead of structure)");
      return Optional.empty();
    }
    return field.map(expected);
  }

  /** A whole number of units or systems, 1 to 10,000; 1 if not written. */
  static Optional<Integer> count(Field field) {
    return field.isPresent() ? whole(field) : Optional.of(1);
  }

  /**
   * A whole number of units or systems, 1 to {@link StageStructure#MAX_UNITS} (a stage's most
   * units); empty if not written (a required key).
   */
  static Optional<Integer> whole(Field field) {
    return field.intValue(1, StageStructure.MAX_UNITS);
  }

  /**
   * Whether the number needed is at most the number installed (or either is wrong, then already
   * reported); else reports it at the number needed.
   *
   * @param what "modules", "systems" or "units"
   * @param per what follows the counts in the message, e.g. " per system"
   */
  boolean atMost(
      Field neededField,
      Optional<Integer> needed,
      Field installedField,
      Optional<Integer> installed,
      String what,
      String per) {
    if (needed.isEmpty() || installed.isEmpty() || needed.get() <= installed.get()) {
      return true;
    }
    diagnostics.error(
        neededField.location(),
        neededField.path(),
        "more "
            + what
            + " needed"
            + per
            + " ("
            + needed.get()
            + ") than "
            + what
            + per
            + " ("
            + installed.get()
            + (installedField.isPresent() ? "" : ", the default")
            + "): only installed "
            + what
            + " can carry the load");
    return false;
  }

  /** A redundancy design by name, as {@link RedundancyDesign#parse(String)} reads it. */
  static RedundancyDesign design(String text) throws ValueException {
    String written = text.strip();
    try {
      return RedundancyDesign.parse(written);
    } catch (IllegalArgumentException e) {
      String upper = written.toUpperCase(Locale.ROOT);
      String hint =
          !upper.equals(written) && isDesign(upper)
              ? " (designs are written with a capital N: did you mean '" + upper + "'?)"
              : "";
      throw new ValueException(e.getMessage() + hint);
    }
  }

  static boolean isDesign(String text) {
    try {
      RedundancyDesign.parse(text.strip());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
