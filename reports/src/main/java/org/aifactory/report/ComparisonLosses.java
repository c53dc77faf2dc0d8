package org.aifactory.report;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.LostValue;
import org.aifactory.report.ComparisonFigures.Money;

/**
 * The value of each variant's lost production per year by what lost it, shown when anything but
 * power outages lost some ({@link ComparisonFigures#showsLossParts}): the GPU-hours lost to power
 * outages, to thermal trips, and to throttling (power caps and thermal limits), each × the value of
 * a GPU-hour. The three add up to the cost table's lost production.
 */
final class ComparisonLosses {
  private ComparisonLosses() {}

  static List<ComparisonColumns.Column<LostValue>> columns(Money money) {
    double scale = 1 / money.divisor();
    return List.of(
        new ComparisonColumns.Column<>(
            "power",
            "outages",
            "power outages (" + money.unit() + " / year)",
            LostValue::annualPowerDollars,
            scale),
        new ComparisonColumns.Column<>(
            "thermal",
            "trips",
            "thermal trips (" + money.unit() + " / year)",
            LostValue::annualThermalDollars,
            scale),
        new ComparisonColumns.Column<>(
            "",
            "throttling",
            "throttling (" + money.unit() + " / year)",
            LostValue::annualThrottlingDollars,
            scale));
  }

  /** The heading and the table, for the terminal. */
  static String text(ComparisonResult r, Money money, String indent) {
    return indent
        + "Value of lost production per year ("
        + money.unit()
        + "): GPU-hours lost to power outages, to thermal\n"
        + indent
        + "trips and to throttling (power caps, thermal limits) x the value of a GPU-hour\n"
        + ComparisonColumns.text(r, indent, columns(money), ComparisonResult.Variant::lostValue);
  }

  /** The table, for index.html. */
  static String html(ComparisonResult r, Money money) {
    return ComparisonColumns.html(r, columns(money), ComparisonResult.Variant::lostValue);
  }
}
