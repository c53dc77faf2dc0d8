package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedundancyDesignTest {

  /** Name, N, then the structure: systems, units per system, needed per system, systems needed. */
  @ParameterizedTest(name = "{0} with N = {1}")
  @CsvSource({
    "N, 4, 1, 4, 4, 1",
    "N+1, 4, 1, 5, 4, 1",
    "N+2, 4, 1, 6, 4, 1",
    "2N, 4, 2, 4, 4, 1",
    "2(N+1), 4, 2, 5, 4, 1",
    "4N/3, 3, 4, 1, 1, 3",
    "4N/3, 9, 4, 3, 3, 3",
    "4N/3, 10, 4, 4, 4, 3",
    "3N/2, 4, 3, 2, 2, 2",
    "2(N+1)/2, 4, 2, 3, 2, 2",
  })
  void namesExpandIntoStructures(
      String name, int n, int systems, int units, int needed, int systemsNeeded) {
    RedundancyDesign d = RedundancyDesign.parse(name);
    assertThat(d.name()).isEqualTo(name);
    assertThat(d.structure(n)).isEqualTo(new StageStructure(systems, units, needed, systemsNeeded));
  }

  @Test
  void spacesAreIgnoredAndConstantsMatchTheirNames() {
    assertThat(RedundancyDesign.parse(" 2 ( N + 1 ) ")).isEqualTo(new RedundancyDesign(2, 1, 1));
    assertThat(RedundancyDesign.parse("N+1")).isEqualTo(RedundancyDesign.N_PLUS_1);
    assertThat(RedundancyDesign.parse("2N")).isEqualTo(RedundancyDesign.TWO_N);
    assertThat(RedundancyDesign.parse("N")).isEqualTo(RedundancyDesign.N);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "M", "N+", "2N+1", "N-1", "3N/4", "0N", "2N/0", "N/2", "99999999999N"})
  void rejectsOtherNames(String name) {
    assertThatThrownBy(() -> RedundancyDesign.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name.isEmpty() ? "redundancy design" : name);
  }

  @Test
  void unitsForALoadRoundUp() {
    assertThat(RedundancyDesign.unitsFor(3e6, 1e6)).isEqualTo(3);
    assertThat(RedundancyDesign.unitsFor(3.001e6, 1e6)).isEqualTo(4);
    assertThat(RedundancyDesign.unitsFor(0, 1e6)).isEqualTo(1);
  }

  @Test
  void generatorDesignsCollapseOntoOneBus() {
    GeneratorPlantSpec twoN = GeneratorPlantSpec.defaults(RedundancyDesign.TWO_N, 4);
    assertThat(twoN.units()).isEqualTo(8);
    assertThat(twoN.unitsNeeded()).isEqualTo(4);
    GeneratorPlantSpec nPlus1 = GeneratorPlantSpec.defaults(RedundancyDesign.N_PLUS_1, 4);
    assertThat(nPlus1.units()).isEqualTo(5);
    assertThat(nPlus1.unitsNeeded()).isEqualTo(4);
  }

  @Test
  void explicitStructuresAreChecked() {
    assertThat(StageStructure.kOfN(5, 4).totalUnits()).isEqualTo(5);
    assertThatThrownBy(() -> StageStructure.kOfN(3, 4))
        .hasMessageContaining("unitsNeededPerSystem");
    assertThatThrownBy(() -> new StageStructure(2, 3, 3, 3)).hasMessageContaining("systemsNeeded");
    assertThatThrownBy(() -> new StageStructure(0, 3, 3, 1)).hasMessageContaining("systems");
  }
}
