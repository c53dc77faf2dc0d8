package org.aifactory.metrics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The closed forms of a quadratic piece shared by the dispatch, the books and the chart. */
class QuadraticFormsTest {
  /** 3 + 2τ − τ² = 4 − (τ − 1)²: top 4 at τ = 1; over [0, 3] lowest 0 at 3; ∫₀³ = 9 + 9 − 9 = 9. */
  @Test
  void aDownwardParabolaByHand() {
    assertThat(Quadratic.vertex(2, -1)).isEqualTo(1);
    assertThat(Quadratic.at(3, 2, -1, 1)).isEqualTo(4);
    assertThat(Quadratic.highest(3, 2, -1, 3)).isEqualTo(4);
    assertThat(Quadratic.lowest(3, 2, -1, 3)).isEqualTo(0);
    assertThat(Quadratic.integral(3, 2, -1, 0, 3)).isCloseTo(9, within(1e-12));
    // It reaches 0 at τ = 3 (and −1 before 0).
    assertThat(Quadratic.firstCrossing(-1, 2, 3)).isCloseTo(3, within(1e-12));
  }

  @Test
  void aLineHasNoVertexAndAFlatLineNoCrossing() {
    assertThat(Quadratic.vertex(2, 0)).isNaN();
    assertThat(Quadratic.highest(1, 2, 0, 5)).isEqualTo(11);
    assertThat(Quadratic.lowest(1, 2, 0, 5)).isEqualTo(1);
    assertThat(Quadratic.firstCrossing(0, 0, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    // An upward parabola's vertex is its lowest point, not its highest.
    assertThat(Quadratic.highest(4, -4, 1, 3)).isEqualTo(4);
    assertThat(Quadratic.lowest(4, -4, 1, 3)).isEqualTo(0);
  }
}
