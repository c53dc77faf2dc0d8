package org.aifactory.model.hardware;

import org.aifactory.model.Checks;

/**
 * A named group of identical systems.
 *
 * @param name cluster name, unique in a factory
 * @param systemType name of the system type in the catalog
 * @param systemCount number of systems
 */
public record ClusterSpec(String name, String systemType, int systemCount) {
  public ClusterSpec {
    Checks.name(name, "cluster name");
    Checks.name(systemType, "system");
    if (systemCount <= 0) {
      throw new IllegalArgumentException("count must be positive");
    }
  }
}
