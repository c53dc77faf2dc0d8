package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.SpecProblem;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.junit.jupiter.api.Test;

/** Sizing a chain from the load: bounded, checked before it is built, the same in both. */
class ChainSizingTest {
  private static final double[] ONE_MW = {1e6};

  private static PowerSystemSpec spec(StageLayout ups, double moduleWatts, double unitWatts) {
    return new PowerSystemSpec(
        1,
        ups,
        moduleWatts,
        Optional.of(new StageLayout.Sized(RedundancyDesign.N_PLUS_1)),
        unitWatts,
        true,
        Duration.ofMinutes(30),
        UtilitySpec.eiaDefaults(),
        CommonCauseSpec.typical(),
        RepairCrewSpec.perUnit(),
        Optional.empty());
  }

  private static PowerSystemSpec sized(String design, double moduleWatts, double unitWatts) {
    return spec(new StageLayout.Sized(RedundancyDesign.parse(design)), moduleWatts, unitWatts);
  }

  @Test
  void aSizeThatNeedsTooManyUnitsIsAProblemOfThatSize() {
    List<SpecProblem> ups = sized("N+1", 1e-300, 2.5e6).sizingProblems(ONE_MW);
    assertThat(ups).extracting(SpecProblem::path).containsExactly("power.ups.module");
    assertThat(ups.get(0).message())
        .startsWith("1e-300 W would need 1.04e306 UPS modules for the 1.04 MW");
    List<SpecProblem> generators = sized("N+1", 500e3, 1).sizingProblems(ONE_MW);
    assertThat(generators).extracting(SpecProblem::path).containsExactly("power.generators.unit");
  }

  @Test
  void aDesignThatInstallsTooManyUnitsIsAProblemOfTheDesign() {
    // 1.04 MW in 1 kW modules: N = 1,042; 10N installs 10,420.
    assertThat(sized("10N", 1e3, 2.5e6).sizingProblems(ONE_MW))
        .extracting(SpecProblem::path)
        .containsExactly("power.ups.design");
    assertThat(sized("9N", 1e3, 2.5e6).sizingProblems(ONE_MW)).isEmpty();
  }

  @Test
  void theChainIsNotBuiltWhereTheCheckFindsAProblem() {
    PowerSystemSpec tooSmall = sized("N+1", 1e-300, 2.5e6);
    assertThatThrownBy(() -> tooSmall.chain(ONE_MW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("power.ups.module: 1e-300 W would need");
    // At the bound, it is built: N = 9,999 modules, N+1 installs 10,000.
    PowerChainSpec largest = sized("N+1", 1.0425e6 / 9_999, 2.5e6).chain(ONE_MW);
    assertThat(largest.ups().structure().totalUnits()).isEqualTo(10_000);
  }

  @Test
  void aWrittenOutStageDoesNotDependOnTheLoad() {
    PowerSystemSpec written =
        spec(new StageLayout.Written(StageStructure.kOfN(3, 2)), 1e-300, 2.5e6);
    assertThat(written.sizingProblems(ONE_MW)).isEmpty();
    assertThat(written.chain(ONE_MW).ups().structure()).isEqualTo(StageStructure.kOfN(3, 2));
  }

  @Test
  void stagesRackGroupsAndUnitSizesAreBounded() {
    assertThatThrownBy(() -> new StageStructure(2, 5_001, 1, 1))
        .hasMessage("2 systems of 5001 units are more than the 10000 units a stage may have");
    assertThatThrownBy(() -> RedundancyDesign.unitsFor(1e6, 1e-300))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RedundancyDesign(1000, 1, 1000).installedUnits(Integer.MAX_VALUE))
        .isEqualTo(1000L * (Integer.MAX_VALUE + 1000L));
    assertThatThrownBy(() -> sized("N", 1.5e9, 2.5e6))
        .hasMessage("ups module capacity must be > 0 and at most 1 GW");
    assertThatThrownBy(() -> sized("N", 500e3, Double.POSITIVE_INFINITY))
        .hasMessage("generator unit capacity must be > 0 and at most 1 GW");
  }

  /** FactorySpec.problems() sizes the chain, so that validation finds what a run would. */
  @Test
  void theFactorysProblemsIncludeTheChainsSizing() {
    FactorySpec factory =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("hall", "DGX-H100", 4)),
            List.of(),
            org.aifactory.model.failure.FailureSpec.none(),
            Optional.of(sized("N+1", 1e-300, 2.5e6)));
    assertThat(factory.problems())
        .extracting(SpecProblem::path)
        .containsExactly("power.ups.module");
    FactorySpec unknownSystem =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("hall", "DGX-H999", 4)),
            List.of(),
            org.aifactory.model.failure.FailureSpec.none(),
            Optional.of(sized("N+1", 1e-300, 2.5e6)));
    assertThat(unknownSystem.problems())
        .extracting(SpecProblem::path)
        .containsExactly("clusters[0].system");
  }
}
