package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.aifactory.model.power.ChainComponents;
import org.aifactory.model.power.CommonCauseSpec;
import org.aifactory.model.power.DistributionSpec;
import org.aifactory.model.power.GeneratorStageSpec;
import org.aifactory.model.power.PlannedMaintenance;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.RedundancyDesign;
import org.aifactory.model.power.RepairCrewSpec;
import org.aifactory.model.power.SourceLayout;
import org.aifactory.model.power.UnitReliability;
import org.aifactory.model.power.UpsStageSpec;
import org.aifactory.model.power.UtilitySpec;

/**
 * Binds {@code power:} to a {@link PowerSystemSpec}: the electrical chain from the utility to the
 * racks, by redundancy designs (or structures written out) and unit sizes, with how each component
 * fails and is repaired. Every part not written takes the cited default of sim-core ({@link
 * UtilitySpec#eiaDefaults()}, {@link CommonCauseSpec#typical()}...); the components a Tier III/IV
 * design adds (transformers, switchgear, ATS, STS) are ideal unless written.
 */
final class PowerBinder {
  static final List<String> KEYS = Language.POWER.keys();
  static final List<String> UPS_KEYS = UpsStageReader.KEYS;
  static final List<String> GENERATOR_KEYS = GeneratorStageReader.KEYS;
  static final List<String> UPS_STRUCTURE_KEYS = UpsStageReader.STRUCTURE_KEYS;
  static final List<String> GENERATOR_STRUCTURE_KEYS = StageLayoutReader.K_OF_N_KEYS;
  static final List<String> UTILITY_KEYS = UtilityReader.KEYS;
  static final List<String> PDU_KEYS = Language.PDUS.keys();
  static final List<String> DISTRIBUTION_KEYS = Language.DISTRIBUTION.keys();
  static final List<String> COMPONENT_KEYS = Language.COMPONENT.keys();
  static final List<String> MAINTENANCE_KEYS = MaintenanceReader.KEYS;
  static final List<String> MAINTENANCE_PLAN_KEYS = MaintenanceReader.PLAN_KEYS;
  static final List<String> COMMON_CAUSE_KEYS = Language.COMMON_CAUSE.keys();

  /** {@code generators: none}: no generator plant. */
  static final String NO_GENERATORS = GeneratorStageReader.NO_GENERATORS;

  /** {@code utility: perfect}: a utility that never fails. */
  static final String PERFECT_UTILITY = UtilityReader.PERFECT_UTILITY;

  /** {@code repair_crews: per_unit}: every failed unit is repaired at once. */
  static final String PER_UNIT = Language.PER_UNIT;

  static final Map<String, SourceLayout> SOURCES =
      Field.ordered(
          Language.SOURCES, s -> s.equals("shared") ? SourceLayout.SHARED : SourceLayout.PER_SIDE);

  /** The written choices, for the documentation test. */
  static final List<String> CHOICES =
      Stream.concat(Stream.of(NO_GENERATORS, PERFECT_UTILITY, PER_UNIT), SOURCES.keySet().stream())
          .toList();

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

  /** Distribution voltages accepted: 1 V to 1 MV (54 V DC busbars to medium voltage). */
  static final double MIN_VOLTS = 1;

  static final double MAX_VOLTS = 1e6;

  /** Most resistance of one cord's conductor: 1 Ω, a thousand times a typical placeholder. */
  static final double MAX_CONDUCTOR_OHMS = 1;

  private static final String REPAIR_CREWS_EXPECTED =
      "per_unit (every failed unit is repaired at once) or a whole number >= 1 (crews shared by the"
          + " whole chain)";
  private static final String COMMON_CAUSE_EXPECTED =
      "a fraction (β of every group, e.g. 2 %) or a map with keys "
          + String.join(", ", COMMON_CAUSE_KEYS);

  private final Diagnostics diagnostics;
  private final UpsStageReader ups;
  private final GeneratorStageReader generators;
  private final UtilityReader utility;
  private final FailureTimes failureTimes;
  private final MaintenanceReader maintenance;

  PowerBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.ups = new UpsStageReader(diagnostics);
    this.generators = new GeneratorStageReader(diagnostics);
    this.utility = new UtilityReader(diagnostics);
    this.failureTimes = new FailureTimes(diagnostics);
    this.maintenance = new MaintenanceReader(diagnostics);
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
    MapReader power = reader.get().allowOnly(Language.POWER);
    Optional<Integer> rackGroups = rackGroups(power.field("rack_groups"), systems);
    Field dualField = power.field("dual_corded");
    Optional<Boolean> dualCorded = dualField.isPresent() ? dualField.bool() : Optional.of(true);
    Optional<UpsStageSpec> upsStage = ups.read(power.field("ups"));
    Optional<Optional<GeneratorStageSpec>> plant = generators.read(power.field("generators"));
    Optional<UtilitySpec> feeds = utility.read(power.field("utility"));
    Field sourcesField = power.field("sources");
    Optional<SourceLayout> sources =
        sourcesField.isPresent() ? sourcesField.choice(SOURCES) : Optional.of(SourceLayout.SHARED);
    Optional<DistributionSpec> distribution =
        dualCorded.flatMap(
            dual -> distribution(power.field("pdus"), power.field("distribution"), dual));
    Optional<ChainComponents> components = components(power);
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
    Optional<PlannedMaintenance> plans = maintenance.read(power.field("maintenance"));
    if (rackGroups.isEmpty()
        || plans.isEmpty()
        || dualCorded.isEmpty()
        || upsStage.isEmpty()
        || plant.isEmpty()
        || feeds.isEmpty()
        || sources.isEmpty()
        || distribution.isEmpty()
        || components.isEmpty()
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
                    upsStage.get(),
                    plant.get(),
                    distribution.get(),
                    feeds.get(),
                    sources.get(),
                    components.get(),
                    commonCause.get(),
                    crews.get(),
                    recovery.get(),
                    plans.get()))
        .map(Optional::of);
  }

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

  /**
   * {@code pdus} (how a PDU fails and is repaired, its efficiency) and {@code distribution} (the
   * conductors' voltage and resistance per cord), each defaulting to {@link
   * DistributionSpec#defaults}.
   */
  private Optional<DistributionSpec> distribution(
      Field pdusField, Field distributionField, boolean dualCorded) {
    DistributionSpec defaults = DistributionSpec.defaults(dualCorded);
    Optional<UnitReliability> pdu =
        Optional.of(new UnitReliability(defaults.pduTimeToFailure(), defaults.pduRepair()));
    Optional<Double> efficiency = Optional.of(defaults.pduEfficiency());
    if (pdusField.isPresent()) {
      Optional<MapReader> reader = pdusField.map("a map with keys " + String.join(", ", PDU_KEYS));
      if (reader.isEmpty()) {
        return Optional.empty();
      }
      MapReader pdus = reader.get().allowOnly(Language.PDUS);
      pdu = failureTimes.unit(pdus, "", pdu.get());
      Field efficiencyField = pdus.field("efficiency");
      if (efficiencyField.isPresent()) {
        efficiency =
            efficiencyField.value(
                "an efficiency, a fraction > 0 (e.g. 96 %)", EfficiencyReader::efficiency);
      }
    }
    Optional<Double> volts = Optional.of(defaults.distributionVolts());
    Optional<Double> ohms = Optional.of(defaults.conductorOhms());
    if (distributionField.isPresent()) {
      Optional<MapReader> reader =
          distributionField.map("a map with keys " + String.join(", ", DISTRIBUTION_KEYS));
      if (reader.isEmpty()) {
        return Optional.empty();
      }
      MapReader conductors = reader.get().allowOnly(Language.DISTRIBUTION);
      Field voltsField = conductors.field("voltage");
      if (voltsField.isPresent()) {
        volts = voltsField.volts(MIN_VOLTS, MAX_VOLTS);
      }
      Field ohmsField = conductors.field("conductor_resistance");
      if (ohmsField.isPresent()) {
        ohms = ohmsField.ohms(MAX_CONDUCTOR_OHMS);
      }
    }
    if (pdu.isEmpty() || efficiency.isEmpty() || volts.isEmpty() || ohms.isEmpty()) {
      return Optional.empty();
    }
    Optional<UnitReliability> p = pdu;
    Optional<Double> e = efficiency;
    Optional<Double> v = volts;
    Optional<Double> r = ohms;
    return diagnostics.construct(
        pdusField.isPresent() ? pdusField.location() : distributionField.location(),
        pdusField.isPresent() ? pdusField.path() : distributionField.path(),
        () ->
            new DistributionSpec(
                dualCorded, p.get().timeToFailure(), p.get().repair(), e.get(), v.get(), r.get()));
  }

  /** Transformers, switchgear, ATS and STS: each ideal unless written (a map, {} for defaults). */
  private Optional<ChainComponents> components(MapReader power) {
    Optional<Optional<UnitReliability>> transformers =
        component(power.field("transformers"), ChainComponents::transformerDefaults);
    Optional<Optional<UnitReliability>> switchgear =
        component(power.field("switchgear"), ChainComponents::switchgearDefaults);
    Optional<Optional<UnitReliability>> ats =
        component(power.field("ats"), ChainComponents::transferSwitchDefaults);
    Optional<Optional<UnitReliability>> sts =
        component(power.field("sts"), ChainComponents::staticTransferSwitchDefaults);
    if (transformers.isEmpty() || switchgear.isEmpty() || ats.isEmpty() || sts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ChainComponents(transformers.get(), switchgear.get(), ats.get(), sts.get()));
  }

  private Optional<Optional<UnitReliability>> component(
      Field field, Supplier<UnitReliability> defaults) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", COMPONENT_KEYS)
                + " ({} for the cited defaults; leave the key out for a component that never"
                + " fails)");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    return failureTimes
        .unit(reader.get().allowOnly(Language.COMPONENT), "", defaults.get())
        .map(Optional::of);
  }

  /** A fraction for every group, or a map of fractions by group. */
  private Optional<CommonCauseSpec> commonCause(Field field) {
    if (!field.isPresent()) {
      return Optional.of(CommonCauseSpec.typical());
    }
    if (!(field.node().orElseThrow() instanceof YamlMap)) {
      return field.value(COMMON_CAUSE_EXPECTED, Values::fraction).map(CommonCauseSpec::all);
    }
    MapReader groups =
        field.map(COMMON_CAUSE_EXPECTED).orElseThrow().allowOnly(Language.COMMON_CAUSE);
    double[] betas = new double[COMMON_CAUSE_KEYS.size()];
    boolean ok = true;
    for (int i = 0; i < betas.length; i++) {
      Optional<Double> beta = beta(groups.field(COMMON_CAUSE_KEYS.get(i)));
      ok &= beta.isPresent();
      betas[i] = beta.orElse(0.0);
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new CommonCauseSpec(
            betas[0], betas[1], betas[2], betas[3], betas[4], betas[5], betas[6], betas[7]));
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
