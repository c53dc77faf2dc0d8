package org.aifactory.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.SpecProblem;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.power.CostSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.site.SiteSpec;
import org.aifactory.model.workload.WorkloadSpec;

/**
 * Binds a scenario's tree to the model: first each value on its own, then, once they are all valid,
 * the cross-references ({@link FactorySpec#problems()}), reported where the offending value is.
 */
final class ScenarioBinder {
  static final List<String> KEYS = Language.SCENARIO.keys();
  static final List<String> FACILITY_KEYS = Language.FACILITY.keys();
  private static final Map<String, PulseResolution> RESOLUTIONS =
      Field.ordered(
          Language.PULSE_RESOLUTIONS, r -> PulseResolution.valueOf(r.toUpperCase(Locale.ROOT)));
  private static final long DEFAULT_SEED = 1;

  private final Diagnostics diagnostics;
  private final Path folder;

  /**
   * @param folder the folder that files named by the scenario (hourly weather) are relative to: the
   *     scenario file's
   */
  ScenarioBinder(Diagnostics diagnostics, Path folder) {
    this.diagnostics = diagnostics;
    this.folder = folder;
  }

  /** The scenario, or empty if anything is wrong (then the errors have been reported). */
  Optional<Scenario> bind(YamlNode root, String source) {
    Optional<MapReader> reader =
        MapReader.of(
            root, "", "a map of scenario keys (" + String.join(", ", KEYS) + ")", diagnostics);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader top = reader.get().allowOnly(Language.SCENARIO);
    Optional<String> name =
        top.field("name").required(Names.EXPECTED + ", e.g. llama3-405b-54d").name();
    String description = top.field("description").string("a text").orElse("").strip();
    Optional<Duration> horizon =
        top.field("horizon").required("the simulated time, e.g. 54 d").duration(Bound.POSITIVE);
    Field seedField = top.field("seed");
    Optional<Long> seed =
        seedField.isPresent()
            ? seedField.integer(Long.MIN_VALUE, Long.MAX_VALUE)
            : Optional.of(DEFAULT_SEED);
    Field replicationsField = top.field("replications");
    Optional<Integer> replications =
        replicationsField.isPresent()
            ? replicationsField.intValue(1, Integer.MAX_VALUE)
            : Optional.of(1);
    Field resolutionField = top.field("pulse_resolution");
    Optional<PulseResolution> resolution =
        resolutionField.isPresent()
            ? resolutionField.choice(RESOLUTIONS)
            : Optional.of(PulseResolution.FULL);
    Optional<FacilitySpec> facility = facility(top.field("facility"));
    HardwareCatalog catalog = new CatalogBinder(diagnostics).bind(top.field("catalog"));
    int before = diagnostics.count();
    List<ClusterSpec> clusters =
        new ClusterBinder(diagnostics, facility.map(FacilitySpec::cooling))
            .bind(top.field("clusters"));
    OptionalInt systems =
        diagnostics.count() == before
            ? OptionalInt.of(clusters.stream().mapToInt(ClusterSpec::systemCount).sum())
            : OptionalInt.empty();
    List<WorkloadSpec> workloads =
        new WorkloadBinder(diagnostics, cluster -> gpuTypeOf(catalog, clusters, cluster))
            .bind(top.field("workloads"));
    Optional<FailureSpec> failures = new FailureBinder(diagnostics).bind(top.field("failures"));
    Optional<ObservationSpec> observation =
        new RecordingBinder(diagnostics).bind(top.field("recording"), horizon);
    Optional<Optional<PowerSystemSpec>> power =
        new PowerBinder(diagnostics).bind(top.field("power"), systems);
    Optional<CostSpec> costs = new CostBinder(diagnostics).bind(top.field("costs"));
    EconomicsBinder economicsBinder = new EconomicsBinder(diagnostics, folder);
    Optional<Optional<EconomicsBinder.Draft>> economicsDraft =
        economicsBinder.read(top.field("economics"));
    Optional<Optional<SiteSpec>> site = new SiteBinder(diagnostics, folder).bind(top.field("site"));
    VariantBinder variantBinder = new VariantBinder(diagnostics, folder);
    List<VariantBinder.Draft> drafts = variantBinder.read(top.field("variants"), top.map());
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    Optional<FactorySpec> factory =
        diagnostics.construct(
            root.location(),
            "",
            () ->
                new FactorySpec(
                    catalog,
                    facility.get(),
                    clusters,
                    workloads,
                    failures.get(),
                    power.get(),
                    site.get()));
    Optional<RunSpec> run =
        diagnostics.construct(
            root.location(),
            "",
            () -> new RunSpec(horizon.get(), seed.get(), resolution.get(), observation.get()));
    if (factory.isEmpty() || run.isEmpty()) {
      return Optional.empty();
    }
    List<SpecProblem> problems = new ArrayList<>(factory.get().problems());
    problems.addAll(factory.get().problems(run.get().horizon()));
    for (SpecProblem problem : problems) {
      diagnostics.error(
          TreeLocator.locate(root, problem.path()), problem.path(), problem.message());
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    Optional<EconomicsSpec> economics =
        economicsDraft
            .flatMap(d -> d)
            .flatMap(d -> economicsBinder.bind(d, costs.get(), factory.get()));
    List<ScenarioVariant> variants = variantBinder.bind(drafts, source);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        root.location(),
        "",
        () ->
            new Scenario(
                name.get(),
                description,
                source,
                factory.get(),
                run.get(),
                replications.get(),
                costs.get(),
                variants,
                economics));
  }

  private Optional<FacilitySpec> facility(Field field) {
    if (!field.isPresent()) {
      return Optional.of(new FacilitySpec(FacilitySpec.DEFAULT_PUE));
    }
    Optional<MapReader> reader =
        field.map("a map with the key pue (a fixed PUE) or cooling (a cooling plant)");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader facility = reader.get().allowOnly(Language.FACILITY);
    Field pueField = facility.field("pue");
    Field coolingField = facility.field("cooling");
    if (pueField.isPresent() && coolingField.isPresent()) {
      Field second = Collections.max(List.of(pueField, coolingField), Field.WRITTEN_ORDER);
      diagnostics.error(
          second.keyLocation(),
          second.path(),
          "give either pue (a fixed PUE) or cooling (a cooling plant, whose power is computed),"
              + " not both");
      return Optional.empty();
    }
    if (coolingField.isPresent()) {
      return new CoolingBinder(diagnostics, folder)
          .bind(coolingField)
          .flatMap(
              cooling ->
                  diagnostics.construct(
                      coolingField.location(),
                      coolingField.path(),
                      () -> new FacilitySpec(FacilitySpec.DEFAULT_PUE, Optional.of(cooling))));
    }
    Optional<Double> pue =
        pueField.isPresent()
            ? pueField.number(1, "a number >= 1 (power usage effectiveness, e.g. 1.2)")
            : Optional.of(FacilitySpec.DEFAULT_PUE);
    return pue.flatMap(
        p ->
            diagnostics.construct(pueField.location(), pueField.path(), () -> new FacilitySpec(p)));
  }

  /** The GPU type of cluster {@code name}; empty if the cluster or its system is unknown. */
  private static Optional<String> gpuTypeOf(
      HardwareCatalog catalog, List<ClusterSpec> clusters, String name) {
    return clusters.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .flatMap(c -> catalog.system(c.systemType()))
        .map(s -> s.gpuType());
  }
}
