package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;

/** Binds {@code clusters:}, a non-empty list of {@code {name, system, count}}. */
final class ClusterBinder {
  static final List<String> KEYS = Language.CLUSTER.keys();

  private final Diagnostics diagnostics;
  private final Optional<Optional<CoolingSpec>> plant;

  /**
   * @param plant the facility's cooling plant, which gives the default of a cluster's cooling: an
   *     empty inner optional for none; empty if the facility is wrong (reported)
   */
  ClusterBinder(Diagnostics diagnostics, Optional<Optional<CoolingSpec>> plant) {
    this.diagnostics = diagnostics;
    this.plant = plant;
  }

  List<ClusterSpec> bind(Field field) {
    List<ClusterSpec> clusters = new ArrayList<>();
    field.required("a list of clusters, e.g. [{ name: hall-a, system: DGX-H100, count: 2048 }]");
    Optional<YamlList> list = field.list("a list of clusters");
    if (list.isEmpty()) {
      return clusters;
    }
    if (list.get().size() == 0) {
      diagnostics.error(list.get().location(), field.path(), "at least one cluster is required");
    }
    for (int i = 0; i < list.get().size(); i++) {
      String path = FieldPath.index(field.path(), i);
      MapReader.of(
              list.get().get(i),
              path,
              "a cluster: a map with keys name, system, count",
              diagnostics)
          .flatMap(this::bindCluster)
          .ifPresent(clusters::add);
    }
    return clusters;
  }

  private Optional<ClusterSpec> bindCluster(MapReader cluster) {
    cluster.allowOnly(Language.CLUSTER);
    Optional<String> name = cluster.field("name").required(Names.EXPECTED).name();
    Optional<String> system =
        cluster
            .field("system")
            .required("a system type from the catalog, e.g. DGX-H100")
            .reference("the name of a system type");
    Optional<Integer> count =
        cluster
            .field("count")
            .required("the number of systems, a whole number >= 1")
            .intValue(1, Integer.MAX_VALUE);
    Optional<Optional<PowerCapSchedule>> powerCap =
        new PowerCapReader(diagnostics).read(cluster.field("power_cap"));
    Optional<Optional<ClusterCoolingSpec>> cooling =
        new ClusterCoolingReader(diagnostics).read(cluster.field("cooling"), plant);
    LoadShapingReader shaping = new LoadShapingReader(diagnostics);
    Optional<Optional<PowerSmoothingSpec>> smoothing =
        shaping.smoothing(cluster.field("power_smoothing"));
    Optional<Optional<RackStorageSpec>> storage = shaping.storage(cluster.field("rack_storage"));
    if (name.isEmpty()
        || system.isEmpty()
        || count.isEmpty()
        || powerCap.isEmpty()
        || cooling.isEmpty()
        || smoothing.isEmpty()
        || storage.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        cluster.location(),
        cluster.path(),
        () ->
            new ClusterSpec(
                name.get(),
                system.get(),
                count.get(),
                powerCap.get(),
                cooling.get(),
                smoothing.get(),
                storage.get()));
  }
}
