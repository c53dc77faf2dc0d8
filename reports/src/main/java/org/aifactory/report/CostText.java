package org.aifactory.report;

import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.ReplicationSet;

/** The terminal's lines on the cost of a priced run: annual cost by part and per million tokens. */
public final class CostText {
  private CostText() {}

  /** The lines, or "" when the set's runs were not priced (the scenario has no economics). */
  public static String render(ReplicationSet set) {
    if (!CostChart.drawn(set)) {
      return "";
    }
    Figures f = Figures.of(set);
    StringBuilder out = new StringBuilder();
    out.append("Cost")
        .append(set.replications() > 1 ? " (means)" : "")
        .append(": $")
        .append(millions(f.value(MetricKeys.ECONOMICS_ANNUAL_TOTAL)))
        .append(" M a year = systems $")
        .append(millions(f.value(MetricKeys.ECONOMICS_ANNUAL_SYSTEMS)))
        .append(" M + facility $")
        .append(millions(f.value(MetricKeys.ECONOMICS_ANNUAL_FACILITY)))
        .append(" M + energy $")
        .append(millions(f.value(MetricKeys.ECONOMICS_ANNUAL_ENERGY)))
        .append(" M + O&M $")
        .append(millions(f.value(MetricKeys.ECONOMICS_ANNUAL_OPERATIONS)))
        .append(" M; power ")
        .append(Human.percent(f.value(MetricKeys.ECONOMICS_POWER_SHARE_OPEX)))
        .append(" of operating cost\n");
    out.append("Per million tokens:");
    perToken(out, set, f, " training", MetricKeys.ECONOMICS_PER_MTOK_TRAINING);
    perToken(out, set, f, " inference", MetricKeys.ECONOMICS_PER_MTOK_INFERENCE);
    perToken(out, set, f, " all", MetricKeys.ECONOMICS_PER_MTOK_ALL);
    out.append("; lost production $")
        .append(millions(f.value(MetricKeys.ECONOMICS_LOST_TOTAL)))
        .append(" M a year\n");
    return out.toString();
  }

  private static void perToken(
      StringBuilder out, ReplicationSet set, Figures f, String label, String key) {
    if (set.indexOf(key) >= 0) {
      double v = f.value(key);
      out.append(label).append(Double.isFinite(v) ? " $" + Human.threeDigits(v) : " (no tokens)");
    }
  }

  private static String millions(double dollars) {
    return Human.threeDigits(dollars / 1e6);
  }
}
