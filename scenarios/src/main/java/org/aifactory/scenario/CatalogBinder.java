package org.aifactory.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.hardware.FieldReplaceableUnit;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.PowerCurve;
import org.aifactory.model.hardware.SystemType;

/**
 * Binds {@code catalog:}: overrides and additions on top of {@link HardwareCatalog#builtIn()}. An
 * override of a built-in entry may give only some fields; a new entry must give all of them.
 */
final class CatalogBinder {
  static final List<String> KEYS = Language.CATALOG.keys();
  static final List<String> GPU_KEYS = Language.GPU.keys();
  static final List<String> SYSTEM_KEYS = Language.SYSTEM.keys();
  static final List<String> FRU_KEYS = Language.FRU.keys();

  private final Diagnostics diagnostics;

  CatalogBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  HardwareCatalog bind(Field field) {
    HardwareCatalog builtIn = HardwareCatalog.builtIn();
    HardwareCatalog catalog = builtIn;
    Optional<MapReader> reader = field.map("a map with the keys gpus and systems");
    if (reader.isEmpty()) {
      return catalog;
    }
    reader.get().allowOnly(Language.CATALOG);
    for (Entry gpu : entries(reader.get().field("gpus"), "GPU types", Language.GPU)) {
      Optional<GpuType> bound = bindGpu(gpu.reader(), gpu.name(), builtIn.gpu(gpu.name()));
      if (bound.isPresent()) {
        catalog = catalog.withGpu(bound.get());
      }
    }
    for (Entry system : entries(reader.get().field("systems"), "system types", Language.SYSTEM)) {
      Optional<SystemType> bound =
          bindSystem(system.reader(), system.name(), builtIn.system(system.name()));
      if (bound.isPresent()) {
        catalog = catalog.withSystem(bound.get());
      }
    }
    return catalog;
  }

  /** A catalog entry: its name (the key) and a reader of its fields. */
  private record Entry(String name, MapReader reader) {}

  /** The entries of a name-to-map section that have valid names; a null value reads as {}. */
  private List<Entry> entries(Field section, String what, Section keys) {
    List<Entry> readers = new ArrayList<>();
    Optional<MapReader> map = section.map("a map of " + what + " by name");
    if (map.isEmpty()) {
      return readers;
    }
    for (YamlEntry entry : map.get().map().entries()) {
      String path = FieldPath.key(section.path(), entry.key());
      String problem = Names.problem(entry.key());
      if (problem != null) {
        diagnostics.error(entry.keyLocation(), path, problem);
        continue;
      }
      YamlNode value = entry.value();
      if (value instanceof YamlScalar scalar && scalar.isNull()) {
        value = new YamlMap(entry.keyLocation());
      }
      MapReader.of(
              value, path, "a map with the keys " + String.join(", ", keys.keys()), diagnostics)
          .ifPresent(r -> readers.add(new Entry(entry.key(), r.allowOnly(keys))));
    }
    return readers;
  }

  private Optional<GpuType> bindGpu(MapReader entry, String name, Optional<GpuType> base) {
    Field tdpField = entry.field("tdp");
    Field idleField = entry.field("idle");
    if (base.isEmpty()) {
      String newEntry = "; a new GPU type needs tdp and idle";
      tdpField.required("the GPU's power limit, e.g. 700 W" + newEntry);
      idleField.required("the power of an unused GPU, e.g. 80 W" + newEntry);
    }
    Optional<Double> tdp =
        tdpField.isPresent() ? gpuPower(tdpField, Bound.POSITIVE) : base.map(GpuType::tdpWatts);
    Optional<Double> idle =
        idleField.isPresent()
            ? gpuPower(idleField, Bound.NON_NEGATIVE)
            : base.map(GpuType::idleWatts);
    Field curveField = entry.field("power_curve");
    Optional<PowerCurve> curve =
        curveField.isPresent()
            ? new PowerCurveReader(diagnostics).read(curveField)
            : Optional.of(base.map(GpuType::powerCurve).orElse(GpuType.DEFAULT_POWER_CURVE));
    Field slowdownField = entry.field("slowdown_temperature");
    Field shutdownField = entry.field("shutdown_temperature");
    Optional<Double> slowdown =
        slowdownField.isPresent()
            ? slowdownField.celsius(TemperatureRange.GPU)
            : Optional.of(
                base.map(GpuType::slowdownCelsius).orElse(GpuType.DEFAULT_SLOWDOWN_CELSIUS));
    Optional<Double> shutdown =
        shutdownField.isPresent()
            ? shutdownField.celsius(TemperatureRange.GPU)
            : Optional.of(
                base.map(GpuType::shutdownCelsius).orElse(GpuType.DEFAULT_SHUTDOWN_CELSIUS));
    boolean thresholdsOrdered = true;
    if (slowdown.isPresent() && shutdown.isPresent() && !(slowdown.get() < shutdown.get())) {
      Field blamed = slowdownField.isPresent() ? slowdownField : shutdownField;
      diagnostics.error(
          blamed.location(),
          blamed.path(),
          "the slowdown temperature ("
              + Values.formatCelsius(slowdown.get())
              + (slowdownField.isPresent() ? "" : ", the default")
              + ") must be below the shutdown temperature ("
              + Values.formatCelsius(shutdown.get())
              + (shutdownField.isPresent() ? "" : ", the default")
              + ")");
      thresholdsOrdered = false;
    }
    if (tdp.isEmpty()
        || idle.isEmpty()
        || curve.isEmpty()
        || slowdown.isEmpty()
        || shutdown.isEmpty()
        || !thresholdsOrdered) {
      return Optional.empty();
    }
    if (idle.get() > tdp.get()) {
      Field blamed = idleField.isPresent() ? idleField : tdpField;
      diagnostics.error(
          blamed.location(),
          blamed.path(),
          "idle power ("
              + Values.formatPower(idle.get())
              + ") must not exceed tdp ("
              + Values.formatPower(tdp.get())
              + ")");
      return Optional.empty();
    }
    return diagnostics.construct(
        entry.location(),
        entry.path(),
        () ->
            new GpuType(name, tdp.get(), idle.get(), curve.get(), slowdown.get(), shutdown.get()));
  }

  /** A GPU's tdp or idle power: at most {@link GpuType#MAX_WATTS}. */
  private Optional<Double> gpuPower(Field field, Bound bound) {
    Optional<Double> watts = field.power(bound);
    if (watts.isPresent() && watts.get() > GpuType.MAX_WATTS) {
      diagnostics.error(
          field.location(),
          field.path(),
          "expected a power "
              + bound.text()
              + " and at most "
              + Values.formatPower(GpuType.MAX_WATTS)
              + " per GPU (the largest GPUs draw about 1.4 kW), got "
              + field.node().orElseThrow().describe());
      return Optional.empty();
    }
    return watts;
  }

  private Optional<SystemType> bindSystem(MapReader entry, String name, Optional<SystemType> base) {
    Field gpuField = entry.field("gpu");
    Field gpusField = entry.field("gpus");
    if (base.isEmpty()) {
      String newEntry = "; a new system type needs gpu, gpus and other IT power";
      gpuField.required("the name of a GPU type, e.g. H100-SXM" + newEntry);
      gpusField.required("GPUs per system, a whole number >= 1" + newEntry);
    }
    Optional<String> gpu =
        gpuField.isPresent()
            ? gpuField.reference("the name of a GPU type")
            : base.map(SystemType::gpuType);
    Optional<Integer> gpus =
        gpusField.isPresent()
            ? gpusField.intValue(1, Integer.MAX_VALUE)
            : base.map(SystemType::gpusPerSystem);
    Optional<OtherItPower> other = otherItPower(entry, base);
    Optional<Optional<FieldReplaceableUnit>> fru =
        fru(entry.field("fru"), base.flatMap(SystemType::fru), gpus, gpusField);
    if (gpu.isEmpty() || gpus.isEmpty() || other.isEmpty() || fru.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        entry.location(),
        entry.path(),
        () -> new SystemType(name, gpu.get(), gpus.get(), other.get(), fru.get()));
  }

  /**
   * The system's field-replaceable unit: as written, each key not written taken from the built-in
   * entry's unit ({@code builtIn}), else {@code gpus} required and {@code swap} the default; the
   * built-in entry's unit (or none) if the key is absent or empty. Its GPUs must divide the
   * system's ({@code systemGpus}): else an error at the unit's gpus if written, or at the system's
   * (which no longer fit the built-in unit). Empty after errors.
   */
  private Optional<Optional<FieldReplaceableUnit>> fru(
      Field field,
      Optional<FieldReplaceableUnit> builtIn,
      Optional<Integer> systemGpus,
      Field systemGpusField) {
    if (!field.isPresent()) {
      if (builtIn.isPresent() && systemGpus.isPresent()) {
        String problem = FieldReplaceableUnit.splitProblem(builtIn.get().gpus(), systemGpus.get());
        if (problem != null) {
          diagnostics.error(
              systemGpusField.location(),
              systemGpusField.path(),
              problem + " (the built-in entry's FRU: give fru.gpus too)");
          return Optional.empty();
        }
      }
      return Optional.of(builtIn);
    }
    Optional<MapReader> reader =
        field.map(
            "a field-replaceable unit: a map with the keys "
                + String.join(", ", FRU_KEYS)
                + ", e.g. { gpus: 4, swap: 30 min }");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader fru = reader.get().allowOnly(Language.FRU);
    Field gpusField = fru.field("gpus");
    if (builtIn.isEmpty()) {
      gpusField.required("GPUs in one field-replaceable unit, e.g. 4 (a compute tray)");
    }
    Optional<Integer> gpus =
        gpusField.isPresent()
            ? gpusField.intValue(1, Integer.MAX_VALUE)
            : builtIn.map(FieldReplaceableUnit::gpus);
    Field swapField = fru.field("swap");
    Optional<Duration> swap =
        swapField.isPresent()
            ? swapField.duration(Bound.NON_NEGATIVE)
            : Optional.of(
                builtIn
                    .map(FieldReplaceableUnit::swapTime)
                    .orElse(FieldReplaceableUnit.DEFAULT_SWAP));
    if (gpus.isEmpty() || swap.isEmpty() || systemGpus.isEmpty()) {
      return Optional.empty();
    }
    String problem = FieldReplaceableUnit.splitProblem(gpus.get(), systemGpus.get());
    if (problem != null) {
      Field blamed = gpusField.isPresent() ? gpusField : systemGpusField;
      diagnostics.error(blamed.location(), blamed.path(), problem);
      return Optional.empty();
    }
    return diagnostics
        .construct(
            fru.location(), fru.path(), () -> new FieldReplaceableUnit(gpus.get(), swap.get()))
        .map(Optional::of);
  }

  /** Exactly one of other_it_power and other_it_power_factor, or the built-in entry's. */
  private Optional<OtherItPower> otherItPower(MapReader entry, Optional<SystemType> base) {
    Field fixed = entry.field("other_it_power");
    Field factor = entry.field("other_it_power_factor");
    if (fixed.isPresent() && factor.isPresent()) {
      diagnostics.error(
          factor.location(),
          factor.path(),
          "give either other_it_power or other_it_power_factor, not both");
      return Optional.empty();
    }
    if (fixed.isPresent()) {
      return fixed.power(Bound.NON_NEGATIVE).map(OtherItPower.Fixed::new);
    }
    if (factor.isPresent()) {
      return factor
          .number(0, "a number >= 0 (e.g. 1.03: other IT power is 1.03 × GPU power)")
          .map(OtherItPower.FactorOfGpu::new);
    }
    if (base.isEmpty()) {
      diagnostics.error(
          entry.location(),
          FieldPath.key(entry.path(), "other_it_power"),
          "missing other IT power: give other_it_power (per system, e.g. 4.6 kW) or"
              + " other_it_power_factor (a multiple of GPU power, e.g. 1.03)");
    }
    return base.map(SystemType::otherItPower);
  }
}
