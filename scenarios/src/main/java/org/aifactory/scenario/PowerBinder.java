package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.power.UtilitySpec.InterruptionProcess;

/**
 * Binds {@code power:} to a {@link PowerSystemSpec}: the electrical chain from the utility to the
 * racks, by redundancy designs and unit sizes. Every part not written takes the cited default of
 * sim-core ({@link UtilitySpec#eiaDefaults()}, {@link CommonCauseSpec#typical()}...).
 */
final class PowerBinder {
  static final List<String> KEYS =
      List.of(
          "rack_groups",
          "dual_corded",
          "ups",
          "generators",
          "utility",
          "common_cause",
          "repair_crews",
          "facility_recovery");
  static final List<String> UPS_KEYS = List.of("design", "module", "battery");
  static final List<String> GENERATOR_KEYS = List.of("design", "unit");
  static final List<String> UTILITY_KEYS =
      List.of("outages_per_year", "mean_outage", "momentary_per_year", "momentary_duration");
  static final List<String> COMMON_CAUSE_KEYS = List.of("ups", "generators", "pdus");

  /** {@code generators: none}: no generator plant. */
  static final String NO_GENERATORS = "none";

  /** {@code utility: perfect}: a utility that never fails. */
  static final String PERFECT_UTILITY = "perfect";

  /** {@code repair_crews: per_unit}: every failed unit is repaired at once. */
  static final String PER_UNIT = "per_unit";

  /** The written choices, for the documentation test. */
  static final List<String> CHOICES = List.of(NO_GENERATORS, PERFECT_UTILITY, PER_UNIT);

  /*
   * Default rack groups: one per 8 systems (racks), rounded up. ASSUMPTION (no figure in
   * ANCHORS.md): a row of 8 racks behind one PDU or A/B pair.
   */
  static final int SYSTEMS_PER_RACK_GROUP = 8;

  /*
   * Default UPS module: 500 kW. PLACEHOLDER (ANCHORS.md gives no module size): a large modular UPS
   * frame's power module. Size it for the hall: N = UPS load / module.
   */
  static final double DEFAULT_UPS_MODULE_WATTS = 500e3;

  /*
   * Default generator unit: 2.5 MW. PLACEHOLDER (ANCHORS.md gives no unit size): a large standby
   * diesel set, net of the cooling load it also carries.
   */
  static final double DEFAULT_GENERATOR_UNIT_WATTS = 2.5e6;

  /** Default design of the UPS and generator stages: N+1 (Uptime Tier II/III, ANCHORS §6). */
  static final RedundancyDesign DEFAULT_DESIGN = RedundancyDesign.N_PLUS_1;

  static final String DESIGN_EXPECTED =
      "a redundancy design: N, N+1, N+2, 2N, 2(N+1) or xN/y such as 4N/3";
  private static final String PER_YEAR_EXPECTED =
      "a number >= 0 of events per year (0: none), e.g. 1.2";
  private static final String REPAIR_CREWS_EXPECTED =
      "per_unit (every failed unit is repaired at once) or a whole number >= 1 (crews shared by the"
          + " whole chain)";
  private static final String COMMON_CAUSE_EXPECTED =
      "a fraction (β of every group, e.g. 2 %) or a map with keys "
          + String.join(", ", COMMON_CAUSE_KEYS);

  private final Diagnostics diagnostics;

  PowerBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The electrical chain; an empty inner optional if {@code power} is absent (no chain); empty
   * after errors.
   *
   * @param systems the number of the factory's systems (racks) if the clusters are valid: it gives
   *     the default number of rack groups, and the most there can be
   */
  Optional<Optional<PowerSystemSpec>> bind(Field field, OptionalInt systems) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", KEYS)
                + " (an empty map, {}, gives a chain with every default)");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader power = reader.get().allowOnly(KEYS);
    Optional<Integer> rackGroups = rackGroups(power.field("rack_groups"), systems);
    Field dualField = power.field("dual_corded");
    Optional<Boolean> dualCorded = dualField.isPresent() ? dualField.bool() : Optional.of(true);
    Optional<Ups> ups = ups(power.field("ups"));
    Optional<Generators> generators = generators(power.field("generators"));
    Optional<UtilitySpec> utility = utility(power.field("utility"));
    Optional<CommonCauseSpec> commonCause = commonCause(power.field("common_cause"));
    Field crewsField = power.field("repair_crews");
    Optional<RepairCrewSpec> crews =
        crewsField.isPresent()
            ? crewsField.value(REPAIR_CREWS_EXPECTED, PowerBinder::repairCrews)
            : Optional.of(RepairCrewSpec.perUnit());
    Field recoveryField = power.field("facility_recovery");
    Optional<Duration> recovery =
        recoveryField.isPresent()
            ? recoveryField.duration(Bound.NON_NEGATIVE)
            : Optional.of(PowerSystemSpec.DEFAULT_FACILITY_RECOVERY);
    if (rackGroups.isEmpty()
        || dualCorded.isEmpty()
        || ups.isEmpty()
        || generators.isEmpty()
        || utility.isEmpty()
        || commonCause.isEmpty()
        || crews.isEmpty()
        || recovery.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics
        .construct(
            power.location(),
            power.path(),
            () ->
                new PowerSystemSpec(
                    rackGroups.get(),
                    ups.get().design(),
                    ups.get().moduleWatts(),
                    generators.get().design(),
                    generators.get().unitWatts(),
                    dualCorded.get(),
                    recovery.get(),
                    utility.get(),
                    commonCause.get(),
                    crews.get(),
                    ups.get().battery()))
        .map(Optional::of);
  }

  /** The UPS stage as written. */
  private record Ups(RedundancyDesign design, double moduleWatts, Optional<Duration> battery) {}

  /** The generator plant as written; an empty design: none. */
  private record Generators(Optional<RedundancyDesign> design, double unitWatts) {}

  private Optional<Integer> rackGroups(Field field, OptionalInt systems) {
    if (!field.isPresent()) {
      int count = systems.orElse(1);
      return Optional.of(
          Math.max(1, (count + SYSTEMS_PER_RACK_GROUP - 1) / SYSTEMS_PER_RACK_GROUP));
    }
    Optional<Integer> groups = field.intValue(1, Integer.MAX_VALUE);
    if (groups.isPresent() && systems.isPresent() && groups.get() > systems.getAsInt()) {
      diagnostics.error(
          field.location(),
          field.path(),
          "more rack groups ("
              + groups.get()
              + ") than systems ("
              + systems.getAsInt()
              + "): every rack group needs at least one system");
      return Optional.empty();
    }
    return groups;
  }

  private Optional<Ups> ups(Field field) {
    if (!field.isPresent()) {
      return Optional.of(new Ups(DEFAULT_DESIGN, DEFAULT_UPS_MODULE_WATTS, Optional.empty()));
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", UPS_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader ups = reader.get().allowOnly(UPS_KEYS);
    Optional<RedundancyDesign> design = design(ups.field("design"));
    Field moduleField = ups.field("module");
    Optional<Double> module =
        moduleField.isPresent()
            ? moduleField.power(Bound.POSITIVE)
            : Optional.of(DEFAULT_UPS_MODULE_WATTS);
    Field batteryField = ups.field("battery");
    Optional<Optional<Duration>> battery =
        batteryField.isPresent()
            ? batteryField.duration(Bound.NON_NEGATIVE).map(Optional::of)
            : Optional.of(Optional.empty());
    if (design.isEmpty() || module.isEmpty() || battery.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Ups(design.get(), module.get(), battery.get()));
  }

  /** A map, {@code none} or an empty value (no generators). */
  private Optional<Generators> generators(Field field) {
    if (field.isEmptyValue()) {
      return Optional.of(new Generators(Optional.empty(), DEFAULT_GENERATOR_UNIT_WATTS));
    }
    if (!field.isPresent()) {
      return Optional.of(new Generators(Optional.of(DEFAULT_DESIGN), DEFAULT_GENERATOR_UNIT_WATTS));
    }
    String expected =
        "a map with keys "
            + String.join(", ", GENERATOR_KEYS)
            + ", or "
            + NO_GENERATORS
            + " (no generators)";
    YamlNode node = field.node().orElseThrow();
    if (node instanceof YamlScalar scalar) {
      if (scalar.text().equals(NO_GENERATORS)) {
        return Optional.of(new Generators(Optional.empty(), DEFAULT_GENERATOR_UNIT_WATTS));
      }
      String hint =
          isDesign(scalar.text())
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
    MapReader generators = reader.get().allowOnly(GENERATOR_KEYS);
    Optional<RedundancyDesign> design = design(generators.field("design"));
    Field unitField = generators.field("unit");
    Optional<Double> unit =
        unitField.isPresent()
            ? unitField.power(Bound.POSITIVE)
            : Optional.of(DEFAULT_GENERATOR_UNIT_WATTS);
    if (design.isEmpty() || unit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Generators(design, unit.get()));
  }

  private static Optional<RedundancyDesign> design(Field field) {
    return field.isPresent()
        ? field.value(DESIGN_EXPECTED, PowerBinder::design)
        : Optional.of(DEFAULT_DESIGN);
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

  private static boolean isDesign(String text) {
    try {
      RedundancyDesign.parse(text.strip());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A map, or {@code perfect}. */
  private Optional<UtilitySpec> utility(Field field) {
    UtilitySpec eia = UtilitySpec.eiaDefaults();
    if (!field.isPresent()) {
      return Optional.of(eia);
    }
    String expected =
        "a map with keys "
            + String.join(", ", UTILITY_KEYS)
            + ", or "
            + PERFECT_UTILITY
            + " (a utility that never fails)";
    YamlNode node = field.node().orElseThrow();
    if (node instanceof YamlScalar scalar) {
      if (scalar.text().equals(PERFECT_UTILITY)) {
        return Optional.of(UtilitySpec.perfect());
      }
      diagnostics.error(
          scalar.location(),
          field.path(),
          "expected "
              + expected
              + ", got "
              + scalar.describe()
              + Suggestions.didYouMean(scalar.text(), List.of(PERFECT_UTILITY)));
      return Optional.empty();
    }
    Optional<MapReader> reader = field.map(expected);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader utility = reader.get().allowOnly(UTILITY_KEYS);
    Optional<Optional<InterruptionProcess>> sustained =
        interruptions(
            utility.field("outages_per_year"),
            utility.field("mean_outage"),
            eia.sustainedOutages().orElseThrow(),
            TimeDistribution.Exponential::of);
    Optional<Optional<InterruptionProcess>> momentary =
        interruptions(
            utility.field("momentary_per_year"),
            utility.field("momentary_duration"),
            eia.momentaryEvents().orElseThrow(),
            TimeDistribution.Fixed::of);
    if (sustained.isEmpty() || momentary.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        utility.location(),
        utility.path(),
        () -> new UtilitySpec(sustained.get(), momentary.get()));
  }

  /** How a duration written for a process becomes its distribution of durations. */
  @FunctionalInterface
  private interface DurationDistribution {
    TimeDistribution of(Duration duration);
  }

  /**
   * A Poisson process of interruptions from a rate per year and a duration, each defaulting to
   * {@code eia}'s; an empty inner optional for a rate of 0 (none).
   */
  private Optional<Optional<InterruptionProcess>> interruptions(
      Field perYearField,
      Field durationField,
      InterruptionProcess eia,
      DurationDistribution distribution) {
    Optional<Double> perYear =
        perYearField.isPresent()
            ? perYearField.number(0, PER_YEAR_EXPECTED)
            : Optional.of(eia.perYear());
    Optional<TimeDistribution> duration =
        durationField.isPresent()
            ? durationField.duration(Bound.POSITIVE).map(distribution::of)
            : Optional.of(eia.duration());
    if (perYear.isEmpty() || duration.isEmpty()) {
      return Optional.empty();
    }
    if (perYear.get() == 0) {
      return Optional.of(Optional.empty());
    }
    if (!perYearField.isPresent()) {
      return Optional.of(Optional.of(new InterruptionProcess(eia.interval(), duration.get())));
    }
    return diagnostics
        .construct(
            perYearField.location(),
            perYearField.path(),
            () -> InterruptionProcess.poisson(perYear.get(), duration.get()))
        .map(Optional::of);
  }

  /** A fraction for every group, or a map of fractions by group. */
  private Optional<CommonCauseSpec> commonCause(Field field) {
    if (!field.isPresent()) {
      return Optional.of(CommonCauseSpec.typical());
    }
    if (!(field.node().orElseThrow() instanceof YamlMap)) {
      return field
          .value(COMMON_CAUSE_EXPECTED, Values::fraction)
          .map(beta -> new CommonCauseSpec(beta, beta, beta));
    }
    MapReader groups = field.map(COMMON_CAUSE_EXPECTED).orElseThrow().allowOnly(COMMON_CAUSE_KEYS);
    Optional<Double> ups = beta(groups.field("ups"));
    Optional<Double> generators = beta(groups.field("generators"));
    Optional<Double> pdus = beta(groups.field("pdus"));
    if (ups.isEmpty() || generators.isEmpty() || pdus.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CommonCauseSpec(ups.get(), generators.get(), pdus.get()));
  }

  private static Optional<Double> beta(Field field) {
    return field.isPresent() ? field.fraction() : Optional.of(CommonCauseSpec.TYPICAL_BETA);
  }

  private static RepairCrewSpec repairCrews(String text) throws ValueException {
    String written = text.strip();
    if (written.equals(PER_UNIT)) {
      return RepairCrewSpec.perUnit();
    }
    try {
      return RepairCrewSpec.shared((int) Values.integer(written, 1, Integer.MAX_VALUE));
    } catch (ValueException e) {
      throw new ValueException(
          "expected "
              + REPAIR_CREWS_EXPECTED
              + ", got '"
              + written
              + "'"
              + Suggestions.didYouMean(written, List.of(PER_UNIT)));
    }
  }
}
