package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult.BreakEven;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PairedRatio;

/**
 * The break-even value of a lost GPU-hour between every pair of compared variants, from each
 * variant's fixed cost per year (annualised capital + energy) and GPU-hours lost per year in every
 * replication: variant i costs fixed_i + v × lost_i at a value v, so the pair's ranking flips at v*
 * = (fixed_j − fixed_i) / (lost_i − lost_j). Both differences are paired by replication (the
 * variants ran the same random streams), and v*'s 95 % confidence set is Fieller's ({@link
 * PairedRatio}): the values at which the pair's paired cost difference is not significant.
 */
final class BreakEvens {
  private static final Metric EXTRA_FIXED =
      new Metric(
          "extra_fixed_dollars", "$/y", "fixed cost per year of the dearer − the other's", 0);
  private static final Metric SAVED =
      new Metric(
          "gpu_hours_saved_per_year",
          "GPU·h/y",
          "GPU-hours lost per year by the other − by the dearer",
          0);

  private BreakEvens() {}

  /**
   * One break-even per pair, in ranking order: the first variant of the ranking with each later
   * one, then the second with each later one, and so on.
   *
   * @param fixed per variant (input order), its fixed cost per year in each replication
   * @param lost per variant, its GPU-hours lost per year in each replication
   * @param ranking variant indices, cheapest first
   */
  static List<BreakEven> of(List<double[]> fixed, List<double[]> lost, List<Integer> ranking) {
    List<BreakEven> out = new ArrayList<>();
    for (int a = 0; a < ranking.size(); a++) {
      for (int b = a + 1; b < ranking.size(); b++) {
        out.add(between(ranking.get(a), ranking.get(b), fixed, lost));
      }
    }
    return out;
  }

  /** The pair (i, j), ordered by mean fixed cost: the higher first (i on a tie). */
  static BreakEven between(int i, int j, List<double[]> fixed, List<double[]> lost) {
    boolean iHigher = mean(fixed.get(i)) >= mean(fixed.get(j));
    int high = iHigher ? i : j;
    int low = iHigher ? j : i;
    int n = fixed.get(high).length;
    double[] extra = new double[n];
    double[] saved = new double[n];
    for (int r = 0; r < n; r++) {
      extra[r] = fixed.get(high)[r] - fixed.get(low)[r];
      saved[r] = lost.get(low)[r] - lost.get(high)[r];
    }
    return new BreakEven(
        high,
        low,
        MetricStats.of(EXTRA_FIXED, extra),
        MetricStats.of(SAVED, saved),
        PairedRatio.of(extra, saved));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
