package org.aifactory.scenario;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.model.power.MaintainedComponent;
import org.aifactory.model.power.MaintenancePlan;
import org.aifactory.model.power.PlannedMaintenance;

/**
 * Reads {@code power.maintenance}: for each kind of unit maintained ({@code ups}, {@code
 * generators}, {@code pdus} ...), {@code interval} and {@code duration}, both required (no default:
 * the cadences docs/sources.md cites vary, and no duration was found). Kinds not written are never
 * taken out.
 */
final class MaintenanceReader {
  static final List<String> KEYS = Language.MAINTENANCE.keys();
  static final List<String> PLAN_KEYS = Language.MAINTENANCE_PLAN.keys();

  private static final String PLAN_EXPECTED =
      "a map with keys interval and duration (e.g. { interval: 1 y, duration: 8 h })";

  private final Diagnostics diagnostics;

  MaintenanceReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The plan of every kind written; none if the field is absent; empty after errors. */
  Optional<PlannedMaintenance> read(Field field) {
    if (!field.isPresent()) {
      return Optional.of(PlannedMaintenance.none());
    }
    Optional<MapReader> reader =
        field.map(
            "a map from the kinds of units maintained ("
                + String.join(", ", KEYS)
                + ") to their interval and duration");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader kinds = reader.get().allowOnly(Language.MAINTENANCE);
    Map<MaintainedComponent, MaintenancePlan> plans = new EnumMap<>(MaintainedComponent.class);
    boolean ok = true;
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      Field f = kinds.field(kind.key());
      if (!f.isPresent()) {
        if (f.isEmptyValue()) {
          f.required(PLAN_EXPECTED);
          ok = false;
        }
        continue;
      }
      Optional<MaintenancePlan> plan = plan(f);
      if (plan.isEmpty()) {
        ok = false;
      } else {
        plans.put(kind, plan.get());
      }
    }
    return ok ? Optional.of(new PlannedMaintenance(plans)) : Optional.empty();
  }

  private Optional<MaintenancePlan> plan(Field field) {
    Optional<MapReader> reader = field.map(PLAN_EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader plan = reader.get().allowOnly(Language.MAINTENANCE_PLAN);
    Optional<Duration> interval =
        plan.field("interval")
            .required("how often each unit is maintained, e.g. 1 y")
            .duration(Bound.POSITIVE);
    Optional<Duration> duration =
        plan.field("duration")
            .required("how long each unit is out, e.g. 8 h")
            .duration(Bound.POSITIVE);
    if (interval.isEmpty() || duration.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        field.location(), field.path(), () -> new MaintenancePlan(interval.get(), duration.get()));
  }
}
