package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A stage sized by a design, or written out: its structure for a load, and its name. */
class StageLayoutTest {

  @Test
  void aSizedStageFollowsTheLoadAndIsNamedByItsDesign() {
    StageLayout twoNPlusOne = new StageLayout.Sized(RedundancyDesign.parse("2(N+1)"));
    assertThat(twoNPlusOne.structureFor(6e6, 1e6)).isEqualTo(new StageStructure(2, 7, 6, 1));
    assertThat(twoNPlusOne.structureFor(9.5e6, 1e6)).isEqualTo(new StageStructure(2, 11, 10, 1));
    assertThat(twoNPlusOne.unitsNeeded(6e6, 1e6)).isEqualTo(6);
    assertThat(twoNPlusOne.name()).isEqualTo("2(N+1)");
  }

  @Test
  void aWrittenOutStageIsTheSameWhateverTheLoad() {
    StageLayout written = new StageLayout.Written(new StageStructure(4, 3, 2, 3));
    assertThat(written.structureFor(1e6, 1e6)).isEqualTo(new StageStructure(4, 3, 2, 3));
    assertThat(written.structureFor(1e9, 1e-300)).isEqualTo(new StageStructure(4, 3, 2, 3));
    assertThat(written.unitsNeeded(1e9, 1e-300)).isEqualTo(6);
  }

  /** It was reported as the placeholder design N+1 passed along with it. */
  @Test
  void aWrittenOutStageIsNamedByTheDesignItIsForAndSaysItIsWrittenOut() {
    assertThat(new StageLayout.Written(new StageStructure(2, 7, 6, 1)).name())
        .isEqualTo("2(N+1) (written out, N = 6)");
    assertThat(new StageLayout.Written(StageStructure.kOfN(7, 6)).name())
        .isEqualTo("N+1 (written out, N = 6)");
    assertThat(new StageLayout.Written(new StageStructure(4, 3, 2, 3)).name())
        .isEqualTo("4(N+1)/3 (written out, N = 6)");
    assertThat(new StageLayout.Written(new StageStructure(2, 4, 4, 1)).name())
        .isEqualTo("2N (written out, N = 4)");
    // No design has 2,000 spares per system.
    assertThat(new StageLayout.Written(StageStructure.kOfN(2_001, 1)).name())
        .isEqualTo("1 system of 2001 units, 1 needed in each, 1 system needed (written out)");
  }
}
