package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.cooling.HeatRejectionSpec;
import org.aifactory.model.cooling.HeatRejectionSpec.Kind;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.StageLayout;

/**
 * Reads one stage of heat-rejection units of a loop: {@code dry_coolers}, {@code cooling_towers} or
 * {@code chillers}. Each is laid out like a stage of the power chain (a {@code design} sized from
 * the loop's design heat, or a {@code structure} written out) and fails like a failure cause
 * ({@code mtbf}, {@code rate} or {@code time_to_failure}, and {@code repair}).
 */
final class HeatRejectionReader {
  static final List<String> DRY_COOLER_KEYS = Language.DRY_COOLERS.keys();
  static final List<String> COOLING_TOWER_KEYS = Language.COOLING_TOWERS.keys();
  static final List<String> CHILLER_KEYS = Language.CHILLERS.keys();

  /**
   * Default design of every stage: N+1, as the power chain's (Uptime Tier II/III, docs/sources.md
   * §6); the choice of tier is an assumption.
   */
  static final RedundancyDesign DEFAULT_DESIGN = RedundancyDesign.N_PLUS_1;

  /** Default share of the loop's design heat a stage is sized for: all of it. */
  static final double DEFAULT_SIZED_FOR = 1;

  /*
   * Default unit: 1 MW of heat. PLACEHOLDER: docs/sources.md §8 gives no size of dry cooler, tower
   * or chiller (its water-cooled chiller COPs are bracketed at 300 tons, 1.05 MW). Size it for the
   * plant.
   */
  static final double DEFAULT_UNIT_WATTS_PLACEHOLDER = 1e6;

  /*
   * A dry cooler's rated capacity is at a supply 10 K above the outdoor dry bulb. PLACEHOLDER:
   * docs/sources.md §8 found no dry-cooler approach.
   */
  static final double DRY_COOLER_RATING_DIFFERENCE_PLACEHOLDER = 10;

  /*
   * A cooling tower's rated capacity is at a supply 4 K above the outdoor wet bulb. PLACEHOLDER:
   * docs/sources.md §8 found no tower approach.
   */
  static final double COOLING_TOWER_APPROACH_PLACEHOLDER = 4;

  /*
   * Dry-cooler fans at full capacity: 2 % of the heat, the middle of 1-4 % assumed by a
   * third-party model (docs/sources.md §8, [S]).
   */
  static final double DRY_COOLER_FAN_FRACTION = 0.02;

  /*
   * Tower fans and condenser pumps: 1.5 % of the heat, the middle of the same model's 1-3 %
   * (docs/sources.md §8, [S]). BAC's 0.2 kW/ton (5.7 %, [P]) is the high end.
   */
  static final double COOLING_TOWER_FAN_FRACTION = 0.015;

  /*
   * Chiller COP 5.0 at the rating point: 0.7 kW/ton, the middle of BAC's 0.6-0.8 kW/ton for chiller
   * compressors (docs/sources.md §8, [P]; COP = 3.517 / kW/ton).
   */
  static final double CHILLER_COP = 5.0;

  /*
   * Tower water, evaporation and blow-down: 2.08 L per kWh of heat, a tower's 18,220 m³ per
   * MW-year (docs/sources.md §8, [S] Intelligent Data Centres, [D]); the eng-tips make-up figure,
   * 3.2 L/kWh, is the high end.
   */
  static final double COOLING_TOWER_WATER_LITRES_PER_KWH = 2.08;

  /*
   * Repair of a unit: 24 h, exponential. PLACEHOLDER: no repair time of cooling units in
   * docs/sources.md (§8 has chiller restarts of 4-30 min, which are not repairs).
   */
  static final Duration REPAIR_PLACEHOLDER = Duration.ofHours(24);

  /** Largest temperature difference a unit may be rated at. */
  static final double MAX_RATING_KELVINS = 100;

  /** Largest COP: a chiller's is about 3-8; 100 is beyond any machine. */
  static final double MAX_COP = 100;

  /** Largest water use per kWh of heat: towers use about 2-3 L/kWh. */
  static final double MAX_WATER_LITRES_PER_KWH = 100;

  private final Diagnostics diagnostics;
  private final StageLayoutReader stages;
  private final FailureTimes failureTimes;

  HeatRejectionReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.stages = new StageLayoutReader(diagnostics);
    this.failureTimes = new FailureTimes(diagnostics);
  }

  /** The kinds of stage, with their keys and the words of messages. */
  enum Stage {
    DRY_COOLERS("dry_coolers", Kind.DRY_COOLER, "dry coolers", Language.DRY_COOLERS),
    COOLING_TOWERS("cooling_towers", Kind.COOLING_TOWER, "cooling towers", Language.COOLING_TOWERS),
    CHILLERS("chillers", Kind.CHILLER, "chillers", Language.CHILLERS);

    final String key;
    final Kind kind;
    final String units;
    final Section keys;

    Stage(String key, Kind kind, String units, Section keys) {
      this.key = key;
      this.kind = kind;
      this.units = units;
      this.keys = keys;
    }
  }

  Optional<HeatRejectionSpec> read(Field field, Stage stage) {
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", stage.keys.keys())
                + " (an empty map, {}, gives "
                + stage.units
                + " with every default)");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader map = reader.get().allowOnly(stage.keys);
    Optional<StageLayout> layout =
        stages.read(map, f -> stages.kOfN(f, stage.units), DEFAULT_DESIGN);
    Field sizedField = map.field("sized_for");
    Optional<Double> sizedFor =
        sizedField.isPresent() ? positiveFraction(sizedField) : Optional.of(DEFAULT_SIZED_FOR);
    Field unitField = map.field("unit");
    Optional<Double> unit =
        unitField.isPresent() ? unitSize(unitField) : Optional.of(DEFAULT_UNIT_WATTS_PLACEHOLDER);
    Optional<Double> rating = rating(map, stage);
    Optional<Double> fans = fans(map, stage);
    Optional<Double> cop = cop(map, stage);
    Optional<Double> water = water(map, stage);
    Optional<TimeDistribution> timeToFailure =
        failureTimes.timeToFailure(
            map, FailureTimes.given(map), Optional.of(HeatRejectionSpec.NEVER_FAILS), "");
    Field repairField = map.field("repair");
    Optional<TimeDistribution> repair =
        repairField.isPresent()
            ? failureTimes.repair(repairField)
            : Optional.of(TimeDistribution.Exponential.of(REPAIR_PLACEHOLDER));
    if (layout.isEmpty()
        || sizedFor.isEmpty()
        || unit.isEmpty()
        || rating.isEmpty()
        || fans.isEmpty()
        || cop.isEmpty()
        || water.isEmpty()
        || timeToFailure.isEmpty()
        || repair.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        map.location(),
        map.path(),
        () ->
            new HeatRejectionSpec(
                stage.kind,
                layout.get(),
                sizedFor.get(),
                unit.get(),
                rating.get(),
                fans.get(),
                cop.get(),
                water.get(),
                timeToFailure.get(),
                repair.get()));
  }

  /** A fraction above 0: a stage sized for nothing would not be installed. */
  private Optional<Double> positiveFraction(Field field) {
    Optional<Double> value = field.fraction();
    if (value.isPresent() && value.get() == 0) {
      diagnostics.error(
          field.location(),
          field.path(),
          "expected a fraction above 0 (a stage sized for none of the heat installs nothing;"
              + " leave the stage out instead), got "
              + field.node().orElseThrow().describe());
      return Optional.empty();
    }
    return value;
  }

  /** A unit's capacity: > 0, at most {@link PowerSystemSpec#MAX_UNIT_WATTS}. */
  private Optional<Double> unitSize(Field field) {
    Optional<Double> watts = field.power(Bound.POSITIVE);
    if (watts.isPresent() && watts.get() > PowerSystemSpec.MAX_UNIT_WATTS) {
      diagnostics.error(
          field.location(),
          field.path(),
          "expected a power > 0 and at most "
              + Values.formatPower(PowerSystemSpec.MAX_UNIT_WATTS)
              + " (a unit's heat capacity), got "
              + field.node().orElseThrow().describe());
      return Optional.empty();
    }
    return watts;
  }

  /** Dry coolers' rating_difference, towers' approach; 0 for chillers (not used). */
  private static Optional<Double> rating(MapReader map, Stage stage) {
    return switch (stage) {
      case DRY_COOLERS ->
          kelvins(
              map.field("rating_difference"),
              DRY_COOLER_RATING_DIFFERENCE_PLACEHOLDER,
              "a rating difference");
      case COOLING_TOWERS ->
          kelvins(map.field("approach"), COOLING_TOWER_APPROACH_PLACEHOLDER, "an approach");
      case CHILLERS -> Optional.of(0.0);
    };
  }

  private static Optional<Double> kelvins(Field field, double defaultKelvins, String what) {
    return field.isPresent()
        ? field.kelvins(Bound.POSITIVE, MAX_RATING_KELVINS, what)
        : Optional.of(defaultKelvins);
  }

  /** Fans of dry coolers and towers; 0 for chillers, whose power is the compressor's. */
  private static Optional<Double> fans(MapReader map, Stage stage) {
    double fallback =
        switch (stage) {
          case DRY_COOLERS -> DRY_COOLER_FAN_FRACTION;
          case COOLING_TOWERS -> COOLING_TOWER_FAN_FRACTION;
          case CHILLERS -> 0;
        };
    Field field = stage == Stage.CHILLERS ? null : map.field("fans");
    return field != null && field.isPresent() ? field.fraction() : Optional.of(fallback);
  }

  /** Chillers' COP; 0 for the others (not used). */
  private static Optional<Double> cop(MapReader map, Stage stage) {
    if (stage != Stage.CHILLERS) {
      return Optional.of(0.0);
    }
    Field field = map.field("cop");
    if (!field.isPresent()) {
      return Optional.of(CHILLER_COP);
    }
    String expected =
        "a number > 0 and at most "
            + Values.plain(MAX_COP)
            + " (coefficient of performance: heat removed per watt, e.g. 5)";
    return field.value(
        expected,
        text -> {
          double value = Values.positiveNumber(text, expected);
          if (value > MAX_COP) {
            throw new ValueException("expected " + expected + ", got '" + text.strip() + "'");
          }
          return value;
        });
  }

  /** Towers' water; 0 for the others. */
  private static Optional<Double> water(MapReader map, Stage stage) {
    if (stage != Stage.COOLING_TOWERS) {
      return Optional.of(0.0);
    }
    Field field = map.field("water");
    return field.isPresent()
        ? field.litresPerKwh(MAX_WATER_LITRES_PER_KWH)
        : Optional.of(COOLING_TOWER_WATER_LITRES_PER_KWH);
  }
}
