package org.aifactory.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;

/**
 * The figures a terminal summary shows, by metric key: one run's values (no confidence interval),
 * or the means over replications with their 95 % confidence half-widths. Missing keys read as NaN.
 */
final class Figures {
  private record Figure(double value, double ci95) {}

  /** Means of counts at least this large are shown without decimals. */
  static final double LARGE_COUNT = 1e4;

  private final Map<String, Figure> byKey = new LinkedHashMap<>();
  private final List<String> causes;
  private final List<String> jobs;
  private final int replications;

  private Figures(RunResult first, int replications) {
    this.causes = first.causes();
    this.jobs = first.jobs().stream().map(JobResult::name).toList();
    this.replications = replications;
  }

  /** One run's figures. */
  static Figures of(RunResult result) {
    Figures f = new Figures(result, 1);
    for (Metric m : result.metrics()) {
      f.byKey.put(m.key(), new Figure(m.value(), Double.NaN));
    }
    return f;
  }

  /**
   * Means and 95 % confidence half-widths over the replications of {@code set}; the half-widths
   * rounded as in the files ({@link Formats#spread}), so that floating-point noise on a constant
   * (PUE, installed GPU-hours) is 0 and asks for no decimals.
   */
  static Figures of(ReplicationSet set) {
    Figures f = new Figures(set.first(), set.replications());
    for (MetricStats s : set.stats()) {
      f.byKey.put(s.key(), new Figure(s.mean(), Formats.spreadValue(s.ci95(), s.mean())));
    }
    return f;
  }

  double value(String key) {
    Figure f = byKey.get(key);
    return f == null ? Double.NaN : f.value();
  }

  /** The 95 % confidence half-width; NaN for a single run. */
  double ci95(String key) {
    Figure f = byKey.get(key);
    return f == null ? Double.NaN : f.ci95();
  }

  /** Failure cause names, in profile order. */
  List<String> causes() {
    return causes;
  }

  /** Job names, in scenario order. */
  List<String> jobs() {
    return jobs;
  }

  int replications() {
    return replications;
  }

  /**
   * Decimals for the figures {@code keys} scaled by {@code scale}: {@code base}, or more so that
   * their confidence half-widths show two significant digits.
   */
  int decimals(double scale, int base, String... keys) {
    double[] halfWidths = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      halfWidths[i] = ci95(keys[i]) * scale;
    }
    return Human.decimalsForHalfWidths(base, halfWidths);
  }

  /**
   * A count: whole for a single run (and for large means), one decimal for a mean over
   * replications, as in {@code 419.3}.
   */
  String countCell(String key) {
    return cell(key, 1, countDecimals(key));
  }

  /** {@link #ciCell} of a count, with the decimals of {@link #countCell}. */
  String countCiCell(String key) {
    return ciCell(key, 1, countDecimals(key));
  }

  private int countDecimals(String key) {
    return replications > 1 && Math.abs(value(key)) < LARGE_COUNT ? 1 : 0;
  }

  /**
   * The value of {@code key} times {@code scale}, with {@code decimals} decimals; with a confidence
   * half-width of 10 or more, rounded to its second significant digit.
   */
  String cell(String key, double scale, int decimals) {
    return Human.fixed(round(value(key) * scale, key, scale), decimals);
  }

  /** The confidence half-width of {@link #cell}; blank without one. */
  String ciCell(String key, double scale, int decimals) {
    double ci = ci95(key) * scale;
    return Double.isFinite(ci) ? Human.fixed(round(ci, key, scale), decimals) : "";
  }

  /** {@code +/-} when {@code key} has a confidence half-width, else blank. */
  String plusMinus(String key) {
    return Double.isFinite(ci95(key)) ? "+/-" : "";
  }

  private double round(double v, String key, double scale) {
    return Human.roundToHalfWidth(v, ci95(key) * scale);
  }

  /**
   * Causes with a positive figure of {@code family}, largest first (profile order among equals), at
   * most {@code max}.
   */
  List<String> topCauses(ByCause family, int max) {
    return causes.stream()
        .filter(c -> value(family.key(c)) > 0)
        .sorted((a, b) -> Double.compare(value(family.key(b)), value(family.key(a))))
        .limit(max)
        .toList();
  }
}
