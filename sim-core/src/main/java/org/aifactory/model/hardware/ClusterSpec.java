package org.aifactory.model.hardware;

import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;

/**
 * A named group of identical systems.
 *
 * @param name cluster name, unique in a factory
 * @param systemType name of the system type in the catalog
 * @param systemCount number of systems
 * @param powerCap a cap on every GPU of the cluster over time; empty: none
 * @param cooling how its heat leaves it; empty: the facility's default (no cooling plant, or its
 *     liquid loop if it has one, else its air loop)
 * @param powerSmoothing power smoothing of its GPUs while a job runs on them (a job may give its
 *     own); empty: none
 * @param rackStorage energy storage in its racks' power supplies; empty: none
 */
public record ClusterSpec(
    String name,
    String systemType,
    int systemCount,
    Optional<PowerCapSchedule> powerCap,
    Optional<ClusterCoolingSpec> cooling,
    Optional<PowerSmoothingSpec> powerSmoothing,
    Optional<RackStorageSpec> rackStorage) {

  /** A cluster without a power cap and with the facility's default cooling. */
  public ClusterSpec(String name, String systemType, int systemCount) {
    this(name, systemType, systemCount, Optional.empty(), Optional.empty());
  }

  /** A cluster without load shaping. */
  public ClusterSpec(
      String name,
      String systemType,
      int systemCount,
      Optional<PowerCapSchedule> powerCap,
      Optional<ClusterCoolingSpec> cooling) {
    this(name, systemType, systemCount, powerCap, cooling, Optional.empty(), Optional.empty());
  }

  public ClusterSpec {
    Checks.name(name, "cluster name");
    Checks.name(systemType, "system");
    if (systemCount <= 0) {
      throw new IllegalArgumentException("count must be positive");
    }
    Objects.requireNonNull(powerCap, "powerCap");
    Objects.requireNonNull(cooling, "cooling");
    Objects.requireNonNull(powerSmoothing, "powerSmoothing");
    Objects.requireNonNull(rackStorage, "rackStorage");
  }
}
