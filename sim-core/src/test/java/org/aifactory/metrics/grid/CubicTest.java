package org.aifactory.metrics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CubicTest {
  @Test
  void findsTheThreeRootsOfAKnownCubicInOrder() {
    // (x − 1)(x − 4)(x − 9) = x³ − 14x² + 49x − 36
    double[] out = new double[3];
    int n = Cubic.rootsInside(1, -14, 49, -36, 10, out);
    assertThat(n).isEqualTo(3);
    assertThat(out[0]).isCloseTo(1, within(1e-14));
    assertThat(out[1]).isCloseTo(4, within(1e-14));
    assertThat(out[2]).isCloseTo(9, within(1e-13));
  }

  @Test
  void keepsOnlyRootsInsideTheInterval() {
    double[] out = new double[3];
    assertThat(Cubic.rootsInside(1, -14, 49, -36, 5, out)).isEqualTo(2);
    assertThat(Cubic.rootsInside(1, -14, 49, -36, 0.5, out)).isZero();
    assertThat(Cubic.firstRoot(1, -14, 49, -36, 3)).isCloseTo(1, within(1e-14));
    assertThat(Cubic.firstRoot(-1, 14, -49, 36, 3)).isCloseTo(1, within(1e-14));
  }

  @Test
  void aVanishingLeadingTermIsAQuadratic() {
    double[] out = new double[3];
    assertThat(Cubic.rootsInside(0, 1, -5, 6, 10, out)).isEqualTo(2);
    assertThat(out[0]).isCloseTo(2, within(1e-15));
    assertThat(out[1]).isCloseTo(3, within(1e-15));
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  /**
   * Random cubics with three known roots, 1 ns to 1,000 s apart: each root to 1e-9 of the scale
   * (roots at least 1 % of the scale apart: the rounding of the coefficients moves them by about
   * 1e-16 × (scale / separation)² of the scale, far below).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void recoversRandomRoots(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double scale = Math.pow(10, random.nextInt(0, 13)); // 1 ns to 1,000 s
    double r1 = random.nextDouble(0.01, 1) * scale;
    double r2 = r1 + random.nextDouble(0.01, 1) * scale;
    double r3 = r2 + random.nextDouble(0.01, 1) * scale;
    double k = random.nextDouble(-5, 5) * Math.pow(10, random.nextInt(-12, 3));
    double a = k;
    double b = -k * (r1 + r2 + r3);
    double c = k * (r1 * r2 + r1 * r3 + r2 * r3);
    double d = -k * r1 * r2 * r3;
    double[] out = new double[3];
    int n = Cubic.rootsInside(a, b, c, d, 4 * scale, out);
    assertThat(n).isEqualTo(3);
    assertThat(out[0]).isCloseTo(r1, within(1e-9 * scale));
    assertThat(out[1]).isCloseTo(r2, within(1e-9 * scale));
    assertThat(out[2]).isCloseTo(r3, within(1e-9 * scale));
  }

  /** The allocation-free first root is the first of all the roots, on random cubics and limits. */
  @ParameterizedTest
  @MethodSource("seeds")
  void theFirstRootIsTheFirstOfTheRoots(int seed) {
    SplittableRandom random = new SplittableRandom(1000 + seed);
    double a = random.nextDouble(-1, 1);
    double b = random.nextDouble(-3, 3);
    double c = random.nextDouble(-3, 3);
    double d = random.nextDouble(-1, 1);
    double limit = random.nextDouble(0.1, 5);
    double[] out = new double[3];
    int n = Cubic.rootsInside(a, b, c, d, limit, out);
    double first = Cubic.firstRoot(a, b, c, d, limit);
    if (n == 0) {
      assertThat(first).isNaN();
    } else {
      assertThat(first).isEqualTo(out[0]);
    }
  }
}
