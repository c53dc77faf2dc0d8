package org.aifactory.model.cooling;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.power.StageLayout;
import org.aifactory.model.power.StageStructure;
import org.aifactory.model.workload.TrainingJobSpec;

/** Small cooling plants for tests: explicit everything. */
final class Plants {
  private Plants() {}

  static final TimeDistribution NEVER = new TimeDistribution.Fixed(1e12);

  /** {@code units} units, {@code needed} of them needed, written out. */
  static StageLayout units(int units, int needed) {
    return new StageLayout.Written(StageStructure.kOfN(units, needed));
  }

  static HeatRejectionSpec dryCoolers(
      StageLayout layout, double unitWatts, double ratingKelvin, double fans) {
    return new HeatRejectionSpec(
        HeatRejectionSpec.Kind.DRY_COOLER,
        layout,
        1,
        unitWatts,
        ratingKelvin,
        fans,
        0,
        0,
        NEVER,
        new TimeDistribution.Fixed(3600));
  }

  static LoopSpec loop(
      double supplyCelsius, double secondsPerKelvin, double pumps, List<HeatRejectionSpec> units) {
    return new LoopSpec(supplyCelsius, secondsPerKelvin, pumps, units, 25, 20);
  }

  static FactorySpec factory(
      LoopSpec liquid,
      WeatherSpec weather,
      double otherOverhead,
      ClusterCoolingSpec cooling,
      List<TrainingJobSpec> jobs,
      int racks) {
    CoolingSpec plant =
        new CoolingSpec(weather, Optional.of(liquid), Optional.empty(), otherOverhead);
    return new FactorySpec(
        HardwareCatalog.builtIn(),
        new FacilitySpec(1.0, Optional.of(plant)),
        List.of(
            new ClusterSpec("hall", "GB300-NVL72", racks, Optional.empty(), Optional.of(cooling))),
        List.copyOf(jobs),
        FailureSpec.none());
  }

  static RunResult run(FactorySpec f, Duration horizon, PulseResolution resolution, int rep) {
    return new FactoryRun(
            "cooling",
            f,
            new RunSpec(horizon, 3, resolution, ObservationSpec.defaults()),
            rep,
            false)
        .complete();
  }
}
