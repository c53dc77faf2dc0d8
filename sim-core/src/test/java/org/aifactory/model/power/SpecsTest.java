package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;
import org.junit.jupiter.api.Test;

/** The specs' defaults carry the cited figures, and bad values are refused with their field. */
class SpecsTest {

  @Test
  void defaultsCarryTheCitedFigures() {
    UtilitySpec u = UtilitySpec.eiaDefaults();
    assertThat(u.sustainedOutages().orElseThrow().perYear()).isCloseTo(1.2, within(1e-9));
    assertThat(u.sustainedOutages().orElseThrow().duration().meanSeconds())
        .isCloseTo(1.5 * 3600, within(1e-6));

    GeneratorPlantSpec g = GeneratorPlantSpec.defaults(3, 2);
    assertThat(g.startDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(g.failToStartProbability()).isEqualTo(0.0094);
    assertThat(g.runningTimeToFailure().meanSeconds()).isCloseTo(1100 * 3600, within(1e-3));
    assertThat(g.availabilityOnDemand()).isEqualTo(0.995);

    UpsSpec ups = UpsSpec.defaults(StageStructure.kOfN(5, 4), 250e3);
    assertThat(ups.moduleTimeToFailure().meanSeconds()).isCloseTo(40_000 * 3600, within(1e-3));
    assertThat(ups.systemRatedWatts()).isEqualTo(1e6);
    assertThat(ups.installedWatts()).isEqualTo(1.25e6);
    assertThat(ups.batteryAutonomyAtFullLoad())
        .isBetween(Duration.ofMinutes(5), Duration.ofMinutes(15));

    DistributionSpec d = DistributionSpec.defaults(true);
    assertThat(365 * 86400 / d.pduTimeToFailure().meanSeconds()).isCloseTo(0.0058, within(1e-12));
    assertThat(d.pduEfficiency()).isBetween(0.94, 0.98);
    assertThat(d.cordsPerPath()).isEqualTo(2);

    assertThat(CommonCauseSpec.typical().upsModulesBeta()).isBetween(0.0, 0.05);
  }

  @Test
  void badValuesAreRefusedByName() {
    TimeDistribution oneHour = new TimeDistribution.Exponential(3600);
    assertThatThrownBy(() -> GeneratorPlantSpec.defaults(2, 3))
        .hasMessageContaining("units needed");
    assertThatThrownBy(
            () ->
                new GeneratorPlantSpec(
                    2, 1, Duration.ofSeconds(10), 1.5, oneHour, oneHour, 1, Optional.empty()))
        .hasMessageContaining("fail-to-start");
    assertThatThrownBy(() -> UpsSpec.defaults(StageStructure.kOfN(1, 1), 0))
        .hasMessageContaining("module capacity");
    assertThatThrownBy(() -> new DistributionSpec(true, oneHour, oneHour, 1.2, 800, 0))
        .hasMessageContaining("PDU efficiency");
    assertThatThrownBy(() -> new DistributionSpec(true, oneHour, oneHour, 0.96, 0, 0))
        .hasMessageContaining("distribution voltage");
    assertThatThrownBy(() -> new CommonCauseSpec(0.02, -0.1, 0))
        .hasMessageContaining("generators β");
    assertThatThrownBy(() -> RepairCrewSpec.shared(0)).hasMessageContaining("repair crews");
    assertThatThrownBy(() -> UtilitySpec.InterruptionProcess.poisson(0, oneHour))
        .hasMessageContaining("per year");
    assertThatThrownBy(() -> EfficiencyCurve.of(new double[] {0.5, 0.25}, new double[] {0.9, 0.9}))
        .hasMessageContaining("strictly increasing");
  }
}
