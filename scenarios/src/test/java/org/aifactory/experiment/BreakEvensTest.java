package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.metrics.ComparisonResult.BreakEven;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PrecisionTarget;
import org.aifactory.metrics.ValueRange;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The break-even value of a lost GPU-hour between two designs, against hand computations. */
class BreakEvensTest {
  /**
   * A costs 100 $/y to build and run and loses 10, 12 and 8 GPU-hours a year in three replications;
   * B costs 130 and loses 4 in each. B's extra 30 $ buys 6, 8 and 4 GPU-hours: 6 on average, so B
   * is the cheaper above 30 / 6 = 5 $ per GPU-hour.
   */
  private static final List<double[]> FIXED =
      List.of(new double[] {100, 100, 100}, new double[] {130, 130, 130});

  private static final List<double[]> LOST =
      List.of(new double[] {10, 12, 8}, new double[] {4, 4, 4});

  @Test
  void theBreakEvenIsTheExtraFixedCostOverTheGpuHoursItSaves() {
    BreakEven b = BreakEvens.between(0, 1, FIXED, LOST);
    assertThat(b.higherFixed()).isEqualTo(1);
    assertThat(b.lowerFixed()).isEqualTo(0);
    assertThat(b.extraFixedDollars().mean()).isEqualTo(30);
    assertThat(b.gpuHoursSavedPerYear().mean()).isEqualTo(6);
    assertThat(b.flips()).isTrue();
    assertThat(b.dollarsPerGpuHour()).isEqualTo(5);
    // By hand: x = 30 (no spread), y = 6, 8, 4: mean 6, sample variance 4, of the mean 4/3.
    // (30 − 6v)² ≤ t² · 4/3 · v²  ⇔  (36 − 4t²/3) v² − 360 v + 900 ≤ 0
    double t = new TDistribution(null, 2).inverseCumulativeProbability(0.975);
    double a = 36 - 4 * t * t / 3;
    double disc = 180 * 180 - a * 900;
    double low = (180 - Math.sqrt(disc)) / a;
    double high = (180 + Math.sqrt(disc)) / a;
    assertThat(low).isCloseTo(2.735, within(0.001));
    assertThat(high).isCloseTo(29.08, within(0.01));
    List<ValueRange> ci = b.notDistinguishable();
    assertThat(ci).hasSize(1);
    assertThat(ci.get(0).from()).isCloseTo(low, within(1e-9));
    assertThat(ci.get(0).to()).isCloseTo(high, within(1e-9));
    // at v* the two cost the same in the mean: 100 + 5 × 10 = 130 + 5 × 4
    assertThat(100 + 5 * 10.0).isEqualTo(130 + 5 * 4.0);
  }

  @Test
  void aDesignThatCostsMoreAndLosesMoreNeverPays() {
    List<double[]> fixed = List.of(FIXED.get(0), new double[] {130, 130, 130});
    List<double[]> lost = List.of(LOST.get(0), new double[] {11, 13, 9});
    BreakEven b = BreakEvens.between(0, 1, fixed, lost);
    assertThat(b.flips()).isFalse();
    assertThat(b.dollarsPerGpuHour()).isNaN();
    assertThat(b.alwaysCheaper()).isEqualTo(0);
    // deterministic differences: 30 $ more, 1 GPU-hour more lost: distinguishable at every value
    assertThat(b.notDistinguishable()).isEmpty();
    assertThat(b.hasInterval()).isTrue();
  }

  @Test
  void identicalDesignsAreIndistinguishableEverywhereAndNeverFlip() {
    BreakEven b =
        BreakEvens.between(
            0, 1, List.of(FIXED.get(0), FIXED.get(0)), List.of(LOST.get(0), LOST.get(0)));
    assertThat(b.flips()).isFalse();
    assertThat(b.notDistinguishable()).containsExactly(new ValueRange(0, Double.POSITIVE_INFINITY));
  }

  @Test
  void everyPairInRankingOrder() {
    List<double[]> fixed =
        List.of(new double[] {100, 100}, new double[] {130, 130}, new double[] {160, 160});
    List<double[]> lost = List.of(new double[] {10, 10}, new double[] {4, 4}, new double[] {1, 1});
    List<BreakEven> pairs = BreakEvens.of(fixed, lost, List.of(1, 0, 2));
    assertThat(pairs).hasSize(3);
    assertThat(pairs.stream().map(p -> List.of(p.higherFixed(), p.lowerFixed())))
        .containsExactly(List.of(1, 0), List.of(2, 1), List.of(2, 0));
    assertThat(pairs.get(1).dollarsPerGpuHour()).isEqualTo(10); // 30 / 3
    assertThat(pairs.get(2).dollarsPerGpuHour()).isCloseTo(60 / 9.0, within(1e-12));
  }

  @Test
  void theNextBatchAimsAtTheTargetByOneOverRootN() {
    PrecisionTarget target = new PrecisionTarget(PrecisionTarget.Kind.ABSOLUTE_DOLLARS, 100);
    // half-width 150 with 200 replications: (150 / 100)² × 1.1 × 200 = 495 → 600 (steps of 200)
    assertThat(Comparison.nextBatchEnd(200, 200, lead(1000, 150), target, 10_000)).isEqualTo(600);
    // far from the target: at most 4 × n
    assertThat(Comparison.nextBatchEnd(200, 200, lead(1000, 1500), target, 10_000)).isEqualTo(800);
    // nearly there: one more step
    assertThat(Comparison.nextBatchEnd(200, 200, lead(1000, 101), target, 10_000)).isEqualTo(400);
    // never past the limit
    assertThat(Comparison.nextBatchEnd(200, 200, lead(1000, 1500), target, 500)).isEqualTo(500);
    // a relative target of a lead of 0: as far as allowed
    PrecisionTarget relative = new PrecisionTarget(PrecisionTarget.Kind.RELATIVE, 0.1);
    assertThat(Comparison.nextBatchEnd(50, 50, lead(0, 10), relative, 10_000)).isEqualTo(200);
  }

  private static MetricStats lead(double mean, double ci) {
    return new MetricStats("lead", "$/y", "", mean, ci, ci, 200);
  }
}
