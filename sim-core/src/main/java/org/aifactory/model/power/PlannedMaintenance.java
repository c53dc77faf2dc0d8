package org.aifactory.model.power;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which kinds of units of the chain are maintained, and how often and for how long. Absent kinds
 * are never taken out.
 *
 * <p>The calendar, an ASSUMPTION stated in the README: the units of a kind are maintained one after
 * another (never two of the same kind at once), each cycle of a kind starting every {@code
 * interval}; the kinds follow one another in the order of {@link MaintainedComponent} from the
 * run's start (kind k's first cycle starts when the cycles of the maintained kinds before it would
 * have ended, modulo its interval), so with equal intervals two kinds are never out at once. A unit
 * that is failed (or, for a generator, running on a demand) when its turn comes is skipped until
 * the next cycle; a maintained unit cannot fail, comes back as good as new, and is worked on by its
 * own team, not by the repair crews.
 *
 * @param plans the plan of each maintained kind
 */
public record PlannedMaintenance(Map<MaintainedComponent, MaintenancePlan> plans) {
  public PlannedMaintenance {
    Objects.requireNonNull(plans, "plans");
    EnumMap<MaintainedComponent, MaintenancePlan> copy = new EnumMap<>(MaintainedComponent.class);
    copy.putAll(plans);
    plans = Collections.unmodifiableMap(copy);
  }

  /** No planned maintenance. */
  public static PlannedMaintenance none() {
    return new PlannedMaintenance(Map.of());
  }

  public boolean isEmpty() {
    return plans.isEmpty();
  }

  public Optional<MaintenancePlan> plan(MaintainedComponent kind) {
    return Optional.ofNullable(plans.get(kind));
  }

  /**
   * When each kind's first cycle starts after the run's start, given its number of units: the sum
   * of the rounds of the maintained kinds before it, modulo its interval.
   *
   * @param units units of each kind, indexed by ordinal
   */
  Map<MaintainedComponent, Duration> firstCycles(int[] units) {
    EnumMap<MaintainedComponent, Duration> first = new EnumMap<>(MaintainedComponent.class);
    Duration elapsed = Duration.ZERO;
    for (MaintainedComponent kind : MaintainedComponent.values()) {
      MaintenancePlan p = plans.get(kind);
      if (p == null || units[kind.ordinal()] == 0) {
        continue;
      }
      long offset = elapsed.toNanos() % p.interval().toNanos();
      first.put(kind, Duration.ofNanos(offset));
      elapsed = elapsed.plus(p.round(units[kind.ordinal()]));
    }
    return first;
  }
}
