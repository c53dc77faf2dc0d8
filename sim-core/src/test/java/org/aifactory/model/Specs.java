package org.aifactory.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.aifactory.model.workload.WorkloadSpec;

/** Small specifications for tests. */
final class Specs {
  private Specs() {}

  static final HardwareCatalog TOY_CATALOG =
      HardwareCatalog.empty()
          .withGpu(new GpuType("X", 1000, 100))
          .withSystem(new SystemType("S", "X", 4, new OtherItPower.Fixed(500)));

  static TrainingJobSpec job(
      String name,
      String cluster,
      int gpus,
      Duration start,
      Duration period,
      double computeFraction,
      double computePower,
      double communicationPower,
      long tokensPerIteration,
      CheckpointSpec checkpoint) {
    return new TrainingJobSpec(
        name,
        cluster,
        gpus,
        start,
        new IterationProfile(period, computeFraction, computePower, communicationPower),
        tokensPerIteration,
        Optional.ofNullable(checkpoint));
  }

  static RunSpec run(Duration horizon, PulseResolution resolution) {
    return new RunSpec(horizon, 1, resolution, ObservationSpec.defaults());
  }

  static FactorySpec factory(
      HardwareCatalog catalog,
      double pue,
      List<ClusterSpec> clusters,
      List<? extends WorkloadSpec> jobs) {
    return new FactorySpec(catalog, new FacilitySpec(pue), clusters, List.copyOf(jobs));
  }
}
