package org.aifactory.model.hardware;

import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;

/**
 * A system (server or rack) that a cluster is built of.
 *
 * @param name catalog name, e.g. {@code DGX-H100}
 * @param gpuType name of the GPU type in the catalog
 * @param gpusPerSystem GPUs in one system
 * @param otherItPower non-GPU IT power of one system
 * @param fru the part replaced on its own when a GPU fails (a compute tray); empty: none, the whole
 *     system is the unit of repair. Used only by failure causes contained in it ({@code
 *     FailureCause.domain()})
 */
public record SystemType(
    String name,
    String gpuType,
    int gpusPerSystem,
    OtherItPower otherItPower,
    Optional<FieldReplaceableUnit> fru) {

  /** A system without a field-replaceable unit of its own. */
  public SystemType(String name, String gpuType, int gpusPerSystem, OtherItPower otherItPower) {
    this(name, gpuType, gpusPerSystem, otherItPower, Optional.empty());
  }

  public SystemType {
    Checks.name(name, "system name");
    Checks.name(gpuType, "gpu");
    if (gpusPerSystem <= 0) {
      throw new IllegalArgumentException("gpus must be positive");
    }
    Objects.requireNonNull(otherItPower, "otherItPower");
    Objects.requireNonNull(fru, "fru");
    if (fru.isPresent()) {
      String problem = FieldReplaceableUnit.splitProblem(fru.get().gpus(), gpusPerSystem);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  /** FRUs in one system (1 without an FRU: the whole system). */
  public int frusPerSystem() {
    return fru.map(f -> gpusPerSystem / f.gpus()).orElse(1);
  }
}
