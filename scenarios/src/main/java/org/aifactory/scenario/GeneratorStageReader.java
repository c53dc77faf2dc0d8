package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.power.GeneratorStageSpec;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.UnitReliability;

/**
 * Binds {@code power.generators} to a {@link GeneratorStageSpec}: the plant's layout and unit size,
 * its start, the probabilities of a unit being available and starting on a demand, how a running
 * unit fails and is repaired (the failure language of {@code failures.causes}, in running time),
 * and its fuel. {@code none}, or an empty value, is no plant. Keys not written keep the cited
 * defaults of {@link GeneratorStageSpec#defaults}.
 */
final class GeneratorStageReader {
  static final List<String> KEYS = Language.GENERATORS.keys();

  /** {@code generators: none}: no generator plant. */
  static final String NO_GENERATORS = Language.NO_GENERATORS;

  private final Diagnostics diagnostics;
  private final StageLayoutReader stages;
  private final FailureTimes failureTimes;

  GeneratorStageReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.stages = new StageLayoutReader(diagnostics);
    this.failureTimes = new FailureTimes(diagnostics);
  }

  /** The plant; an empty inner optional for none; empty after errors. */
  Optional<Optional<GeneratorStageSpec>> read(Field field) {
    GeneratorStageSpec defaults =
        GeneratorStageSpec.defaults(
            new StageLayout.Sized(PowerBinder.DEFAULT_DESIGN),
            PowerBinder.DEFAULT_GENERATOR_UNIT_WATTS);
    if (field.isEmptyValue()) {
      return Optional.of(Optional.empty());
    }
    if (!field.isPresent()) {
      return Optional.of(Optional.of(defaults));
    }
    String expected =
        "a map with keys " + String.join(", ", KEYS) + ", or " + NO_GENERATORS + " (no generators)";
    YamlNode node = field.node().orElseThrow();
    if (node instanceof YamlScalar scalar) {
      if (scalar.text().equals(NO_GENERATORS)) {
        return Optional.of(Optional.empty());
      }
      String hint =
          StageLayoutReader.isDesign(scalar.text())
              ? " (for the design, write generators: { design: " + scalar.text().strip() + " })"
              : Suggestions.didYouMean(scalar.text(), List.of(NO_GENERATORS));
      diagnostics.error(
          scalar.location(),
          field.path(),
          "expected " + expected + ", got " + scalar.describe() + hint);
      return Optional.empty();
    }
    Optional<MapReader> reader = field.map(expected);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader plant = reader.get().allowOnly(Language.GENERATORS);
    Optional<StageLayout> layout =
        stages.read(plant, f -> stages.kOfN(f, "generators"), PowerBinder.DEFAULT_DESIGN);
    Field unitField = plant.field("unit");
    Optional<Double> unit =
        unitField.isPresent()
            ? UpsStageReader.unitSize(unitField, diagnostics)
            : Optional.of(defaults.unitWatts());
    Field startField = plant.field("start_delay");
    Optional<Duration> start =
        startField.isPresent()
            ? startField.duration(Bound.NON_NEGATIVE)
            : Optional.of(defaults.startDelay());
    Optional<Double> failToStart =
        probability(plant.field("fail_to_start"), defaults.failToStartProbability());
    Optional<Double> availability =
        probability(plant.field("availability"), defaults.availabilityOnDemand());
    Optional<UnitReliability> running = failureTimes.unit(plant, "", defaults.running());
    Optional<Optional<Duration>> fuel = fuel(plant);
    if (layout.isEmpty()
        || unit.isEmpty()
        || start.isEmpty()
        || failToStart.isEmpty()
        || availability.isEmpty()
        || running.isEmpty()
        || fuel.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics
        .construct(
            plant.location(),
            plant.path(),
            () ->
                new GeneratorStageSpec(
                    layout.get(),
                    unit.get(),
                    start.get(),
                    failToStart.get(),
                    availability.get(),
                    running.get(),
                    fuel.get()))
        .map(Optional::of);
  }

  private static Optional<Double> probability(Field field, double otherwise) {
    return field.isPresent() ? field.probability() : Optional.of(otherwise);
  }

  /**
   * The stored fuel's autonomy when it limits the plant: {@code refuelling: false} (the default
   * when {@code fuel_autonomy} is written) stops the plant that long after it starts; {@code
   * refuelling: true} (the default without it) keeps it running. Empty inner: unlimited.
   */
  private Optional<Optional<Duration>> fuel(MapReader plant) {
    Field autonomyField = plant.field("fuel_autonomy");
    Field refuellingField = plant.field("refuelling");
    Optional<Duration> autonomy =
        autonomyField.isPresent() ? autonomyField.duration(Bound.POSITIVE) : Optional.empty();
    Optional<Boolean> refuelling =
        refuellingField.isPresent()
            ? refuellingField.bool()
            : Optional.of(!autonomyField.isPresent());
    if (refuelling.isEmpty() || (autonomyField.isPresent() && autonomy.isEmpty())) {
      return Optional.empty();
    }
    if (refuelling.get()) {
      return Optional.of(Optional.empty());
    }
    if (!autonomyField.isPresent()) {
      diagnostics.error(
          refuellingField.location(),
          refuellingField.path(),
          "refuelling: false needs fuel_autonomy, how long the stored fuel runs the plant (e.g."
              + " fuel_autonomy: 48 h)");
      return Optional.empty();
    }
    return Optional.of(autonomy);
  }
}
