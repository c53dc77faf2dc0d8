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
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.power.UtilitySpec.InterruptionProcess;

/**
 * Binds {@code power:} to a {@link PowerSystemSpec}: the electrical chain from the utility to the
 * racks, by redundancy designs (or structures written out) and unit sizes. Every part not written
 * takes the cited default of sim-core ({@link UtilitySpec#eiaDefaults()}, {@link
 * CommonCauseSpec#typical()}...).
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
  static final List<String> UPS_KEYS = List.of("design", "structure", "module", "battery");
  static final List<String> GENERATOR_KEYS = List.of("design", "structure", "unit");
  static final List<String> UPS_STRUCTURE_KEYS =
      List.of("systems", "modules_per_system", "modules_needed_per_system", "systems_needed");
  static final List<String> GENERATOR_STRUCTURE_KEYS = StageLayoutReader.K_OF_N_KEYS;
  static final List<String> UTILITY_KEYS =
      List.of("outages_per_year", "mean_outage", "momentary_per_year", "momentary_duration");
  static final List<String> COMMON_CAUSE_KEYS = List.of("ups", "generators", "pdus");

  /** The 365-day year that the utility's rates are per ({@link InterruptionProcess#poisson}). */
  private static final double SECONDS_PER_YEAR = 365 * 86_400.0;

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
   * docs/sources.md): a row of 8 racks behind one PDU or A/B pair.
   */
  static final int SYSTEMS_PER_RACK_GROUP = 8;

  /*
   * Default UPS module: 500 kW. PLACEHOLDER (docs/sources.md gives no module size): a large modular UPS
   * frame's power module. Size it for the hall: N = UPS load / module.
   */
  static final double DEFAULT_UPS_MODULE_WATTS = 500e3;

  /*
   * Default generator unit: 2.5 MW. PLACEHOLDER (docs/sources.md gives no unit size): a large standby
   * diesel set, net of the cooling load it also carries.
   */
  static final double DEFAULT_GENERATOR_UNIT_WATTS = 2.5e6;

  /**
   * Default design of the UPS and generator stages: N+1 (Uptime Tier II/III, docs/sources.md §6).
   */
  static final RedundancyDesign DEFAULT_DESIGN = RedundancyDesign.N_PLUS_1;

  private static final String UPS_STRUCTURE_EXPECTED =
      "a map with keys "
          + String.join(", ", UPS_STRUCTURE_KEYS)
          + ", e.g. { systems: 2, modules_per_system: 7, modules_needed_per_system: 6 }";
  private static final String PER_YEAR_EXPECTED =
      "a number >= 0 of events per year (0: none), e.g. 1.2";
  private static final String REPAIR_CREWS_EXPECTED =
      "per_unit (every failed unit is repaired at once) or a whole number >= 1 (crews shared by the"
          + " whole chain)";
  private static final String COMMON_CAUSE_EXPECTED =
      "a fraction (β of every group, e.g. 2 %) or a map with keys "
          + String.join(", ", COMMON_CAUSE_KEYS);

  private final Diagnostics diagnostics;
  private final StageLayoutReader stages;

  PowerBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.stages = new StageLayoutReader(diagnostics);
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
                    ups.get().layout(),
                    ups.get().moduleWatts(),
                    generators.get().layout(),
                    generators.get().unitWatts(),
                    dualCorded.get(),
                    recovery.get(),
                    utility.get(),
                    commonCause.get(),
                    crews.get(),
                    ups.get().battery()))
        .map(Optional::of);
  }

  /** A stage not written: sized by the default design. */
  private static final StageLayout DEFAULT_LAYOUT = new StageLayout.Sized(DEFAULT_DESIGN);

  /** The UPS stage as written. */
  private record Ups(StageLayout layout, double moduleWatts, Optional<Duration> battery) {}

  /** The generator plant as written; an empty layout: none. */
  private record Generators(Optional<StageLayout> layout, double unitWatts) {}

  private Optional<Integer> rackGroups(Field field, OptionalInt systems) {
    if (!field.isPresent()) {
      long count = systems.orElse(1);
      long groups = (count + SYSTEMS_PER_RACK_GROUP - 1) / SYSTEMS_PER_RACK_GROUP;
      return Optional.of((int) Math.max(1, Math.min(groups, PowerSystemSpec.MAX_PATHS)));
    }
    Optional<Integer> groups = field.intValue(1, PowerSystemSpec.MAX_PATHS);
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
      return Optional.of(new Ups(DEFAULT_LAYOUT, DEFAULT_UPS_MODULE_WATTS, Optional.empty()));
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", UPS_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader ups = reader.get().allowOnly(UPS_KEYS);
    Optional<StageLayout> stage = stages.read(ups, this::upsStructure, DEFAULT_DESIGN);
    Field moduleField = ups.field("module");
    Optional<Double> module =
        moduleField.isPresent() ? unitSize(moduleField) : Optional.of(DEFAULT_UPS_MODULE_WATTS);
    Field batteryField = ups.field("battery");
    Optional<Optional<Duration>> battery =
        batteryField.isPresent()
            ? batteryField.duration(Bound.NON_NEGATIVE).map(Optional::of)
            : Optional.of(Optional.empty());
    if (stage.isEmpty() || module.isEmpty() || battery.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Ups(stage.get(), module.get(), battery.get()));
  }

  /** A map, {@code none} or an empty value (no generators). */
  private Optional<Generators> generators(Field field) {
    if (field.isEmptyValue()) {
      return Optional.of(new Generators(Optional.empty(), DEFAULT_GENERATOR_UNIT_WATTS));
    }
    if (!field.isPresent()) {
      return Optional.of(new Generators(Optional.of(DEFAULT_LAYOUT), DEFAULT_GENERATOR_UNIT_WATTS));
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
    MapReader generators = reader.get().allowOnly(GENERATOR_KEYS);
    Optional<StageLayout> stage =
        stages.read(generators, f -> stages.kOfN(f, "generators"), DEFAULT_DESIGN);
    Field unitField = generators.field("unit");
    Optional<Double> unit =
        unitField.isPresent() ? unitSize(unitField) : Optional.of(DEFAULT_GENERATOR_UNIT_WATTS);
    if (stage.isEmpty() || unit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Generators(stage, unit.get()));
  }

  /**
   * A UPS module's or a generator's capacity: > 0, at most {@link PowerSystemSpec#MAX_UNIT_WATTS}.
   */
  private Optional<Double> unitSize(Field field) {
    Optional<Double> watts = field.power(Bound.POSITIVE);
    if (watts.isPresent() && watts.get() > PowerSystemSpec.MAX_UNIT_WATTS) {
      diagnostics.error(
          field.location(),
          field.path(),
          "expected a power > 0 and at most "
              + Values.formatPower(PowerSystemSpec.MAX_UNIT_WATTS)
              + " (the largest UPS modules and generators are a few MW), got "
              + field.node().orElseThrow().describe());
      return Optional.empty();
    }
    return watts;
  }

  /**
   * {@code ups: { structure: {...} }}: systems (default 1) of modules_per_system modules, of which
   * modules_needed_per_system carry a system's rated load; systems_needed (default 1) systems carry
   * the full load.
   */
  private Optional<StageStructure> upsStructure(Field field) {
    Optional<MapReader> reader = stages.structureMap(field, UPS_STRUCTURE_EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader structure = reader.get().allowOnly(UPS_STRUCTURE_KEYS);
    Field systemsField = structure.field("systems");
    Field modulesField = structure.field("modules_per_system");
    Field modulesNeededField = structure.field("modules_needed_per_system");
    Field systemsNeededField = structure.field("systems_needed");
    Optional<Integer> systems = StageLayoutReader.count(systemsField);
    Optional<Integer> modules =
        StageLayoutReader.whole(
            modulesField.required("installed UPS modules per system, a whole number >= 1"));
    Optional<Integer> modulesNeeded =
        StageLayoutReader.whole(
            modulesNeededField.required(
                "the modules whose capacity makes one system's rated capacity, a whole number"
                    + " >= 1, at most modules_per_system"));
    Optional<Integer> systemsNeeded = StageLayoutReader.count(systemsNeededField);
    boolean modulesFit =
        stages.atMost(
            modulesNeededField, modulesNeeded, modulesField, modules, "modules", " per system");
    boolean systemsFit =
        stages.atMost(systemsNeededField, systemsNeeded, systemsField, systems, "systems", "");
    if (systems.isEmpty()
        || modules.isEmpty()
        || modulesNeeded.isEmpty()
        || systemsNeeded.isEmpty()
        || !modulesFit
        || !systemsFit) {
      return Optional.empty();
    }
    long total = (long) systems.get() * modules.get();
    if (total > StageStructure.MAX_UNITS) {
      diagnostics.error(
          modulesField.location(),
          modulesField.path(),
          String.format(
              Locale.ROOT,
              "%,d systems of %,d modules are %,d UPS modules; at most %,d are supported",
              systems.get(),
              modules.get(),
              total,
              StageStructure.MAX_UNITS));
      return Optional.empty();
    }
    return diagnostics.construct(
        structure.location(),
        structure.path(),
        () ->
            new StageStructure(
                systems.get(), modules.get(), modulesNeeded.get(), systemsNeeded.get()));
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
    // The mean time between events must be a usable duration: 1e-308 per year made it
    // infinite (an exception from the model), 1e308 a few 1e-301 s (a run that never ends).
    double meanSeconds = SECONDS_PER_YEAR / perYear.get();
    if (!Double.isFinite(meanSeconds) || meanSeconds < 1e-9) {
      diagnostics.error(
          perYearField.location(),
          perYearField.path(),
          perYearField.node().orElseThrow().describe()
              + " per year is out of range: the mean time between events would be "
              + (Double.isFinite(meanSeconds)
                  ? String.format(
                      Locale.ROOT,
                      "%.3g s, shorter than the clock's resolution of 1 ns",
                      meanSeconds)
                  : "infinite (beyond the largest 64-bit number, 1.8e308 s)")
              + "; 0 means none");
      return Optional.empty();
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
