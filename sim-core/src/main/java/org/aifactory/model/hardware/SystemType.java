package org.aifactory.model.hardware;

import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * A system (server or rack) that a cluster is built of.
 *
 * @param name catalog name, e.g. {@code DGX-H100}
 * @param gpuType name of the GPU type in the catalog
 * @param gpusPerSystem GPUs in one system
 * @param otherItPower non-GPU IT power of one system
 */
public record SystemType(
    String name, String gpuType, int gpusPerSystem, OtherItPower otherItPower) {
  public SystemType {
    Checks.name(name, "system name");
    Checks.name(gpuType, "gpu");
    if (gpusPerSystem <= 0) {
      throw new IllegalArgumentException("gpus must be positive");
    }
    Objects.requireNonNull(otherItPower, "otherItPower");
  }
}
