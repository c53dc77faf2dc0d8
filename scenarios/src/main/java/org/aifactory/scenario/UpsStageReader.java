package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aifactory.model.power.EfficiencyCurve;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.power.UnitReliability;
import org.aifactory.model.power.UpsSpec;
import org.aifactory.model.power.UpsStageSpec;

/**
 * Binds {@code power.ups} to an {@link UpsStageSpec}: the stage's layout and modules, its
 * batteries, efficiency and bypass, and how modules ({@code module_*}) and battery strings ({@code
 * battery_*}) fail, in the failure language of {@code failures.causes}. Keys not written keep the
 * cited defaults of {@link UpsStageSpec#defaults}.
 */
final class UpsStageReader {
  /** Prefix of the keys of how a module fails: {@code module_mtbf} ... */
  static final String MODULE = Language.MODULE;

  /** Prefix of the keys of how a battery string fails: {@code battery_mtbf} ... */
  static final String BATTERY = Language.BATTERY;

  static final List<String> KEYS = Language.UPS.keys();

  static final List<String> STRUCTURE_KEYS = Language.UPS_STRUCTURE.keys();

  private static final String STRUCTURE_EXPECTED =
      "a map with keys "
          + String.join(", ", STRUCTURE_KEYS)
          + ", e.g. { systems: 2, modules_per_system: 7, modules_needed_per_system: 6 }";

  /*
   * Battery strings with a failure rate but no repair written: PLACEHOLDER repair of UpsSpec
   * (docs/sources.md §10 has no string failure data).
   */
  private static final UnitReliability BATTERY_REPAIR_ONLY =
      new UnitReliability(
          new org.aifactory.model.failure.TimeDistribution.Fixed(1e12),
          org.aifactory.model.failure.TimeDistribution.Exponential.of(
              UpsSpec.BATTERY_STRING_REPAIR_PLACEHOLDER));

  private final Diagnostics diagnostics;
  private final StageLayoutReader stages;
  private final FailureTimes failureTimes;
  private final EfficiencyReader efficiency;

  UpsStageReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.stages = new StageLayoutReader(diagnostics);
    this.failureTimes = new FailureTimes(diagnostics);
    this.efficiency = new EfficiencyReader(diagnostics);
  }

  /** The UPS stage; every default if the key is absent; empty after errors. */
  Optional<UpsStageSpec> read(Field field) {
    UpsStageSpec defaults =
        UpsStageSpec.defaults(
            new StageLayout.Sized(PowerBinder.DEFAULT_DESIGN),
            PowerBinder.DEFAULT_UPS_MODULE_WATTS);
    if (!field.isPresent()) {
      return Optional.of(defaults);
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader ups = reader.get().allowOnly(Language.UPS);
    Optional<StageLayout> layout = stages.read(ups, this::structure, PowerBinder.DEFAULT_DESIGN);
    Field moduleField = ups.field("module");
    Optional<Double> module =
        moduleField.isPresent()
            ? unitSize(moduleField, diagnostics)
            : Optional.of(defaults.moduleWatts());
    Optional<Duration> battery =
        duration(ups.field("battery"), Bound.NON_NEGATIVE, defaults.batteryAutonomy());
    Optional<Duration> recharge =
        duration(ups.field("battery_recharge"), Bound.POSITIVE, defaults.rechargeTime());
    Optional<UnitReliability> modules = failureTimes.unit(ups, MODULE, defaults.modules());
    Optional<Optional<UnitReliability>> strings = batteryStrings(ups);
    Optional<Boolean> bypass = bool(ups.field("static_bypass"), defaults.staticBypass());
    Field ecoField = ups.field("eco_mode");
    Optional<Boolean> eco = bool(ecoField, false);
    Field efficiencyField = ups.field("efficiency");
    Optional<EfficiencyCurve> curve =
        efficiencyField.isPresent()
            ? efficiency.curve(efficiencyField)
            : eco.map(e -> e ? EfficiencyCurve.ECO_MODE : defaults.efficiency());
    if (eco.orElse(false) && !bypass.orElse(true)) {
      diagnostics.error(
          ecoField.location(),
          ecoField.path(),
          "eco mode runs the load on the static bypass while the input is good, so it needs"
              + " static_bypass: true");
      return Optional.empty();
    }
    if (layout.isEmpty()
        || module.isEmpty()
        || battery.isEmpty()
        || recharge.isEmpty()
        || modules.isEmpty()
        || strings.isEmpty()
        || bypass.isEmpty()
        || curve.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        ups.location(),
        ups.path(),
        () ->
            new UpsStageSpec(
                layout.get(),
                module.get(),
                battery.get(),
                recharge.get(),
                curve.get(),
                bypass.get(),
                modules.get(),
                strings.get()));
  }

  /** Battery strings fail only when a time to failure is written; a repair alone is kept for it. */
  private Optional<Optional<UnitReliability>> batteryStrings(MapReader ups) {
    boolean failing = !FailureTimes.given(ups, BATTERY).isEmpty();
    Optional<UnitReliability> unit = failureTimes.unit(ups, BATTERY, BATTERY_REPAIR_ONLY);
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(failing ? unit : Optional.empty());
  }

  private static Optional<Duration> duration(Field field, Bound bound, Duration otherwise) {
    return field.isPresent() ? field.duration(bound) : Optional.of(otherwise);
  }

  private static Optional<Boolean> bool(Field field, boolean otherwise) {
    return field.isPresent() ? field.bool() : Optional.of(otherwise);
  }

  /**
   * A UPS module's or a generator's capacity: > 0, at most {@link PowerSystemSpec#MAX_UNIT_WATTS}.
   */
  static Optional<Double> unitSize(Field field, Diagnostics diagnostics) {
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
  private Optional<StageStructure> structure(Field field) {
    Optional<MapReader> reader = stages.structureMap(field, STRUCTURE_EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader structure = reader.get().allowOnly(Language.UPS_STRUCTURE);
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
}
