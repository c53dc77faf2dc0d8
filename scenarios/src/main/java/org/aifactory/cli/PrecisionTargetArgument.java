package org.aifactory.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aifactory.metrics.PrecisionTarget;

/**
 * The value of {@code --target-ci}: the 95 % half-width wanted of the lead of the cheapest variant
 * over the runner-up, as a percentage of the lead ({@code 10%}) or as an amount of dollars per year
 * ({@code $0.1M}, {@code $100k}, {@code 50000}, {@code $2bn}; the {@code $} is optional).
 */
final class PrecisionTargetArgument {
  private static final String NUMBER = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
  private static final Pattern PERCENT = Pattern.compile("\\s*" + NUMBER + "\\s*%\\s*");
  private static final Pattern MONEY =
      Pattern.compile("\\s*\\$?\\s*" + NUMBER + "\\s*(k|M|bn)?\\s*(?:/\\s*y)?\\s*");

  private PrecisionTargetArgument() {}

  static PrecisionTarget parse(String option, String text) {
    Matcher percent = PERCENT.matcher(text);
    if (percent.matches()) {
      double p = Double.parseDouble(percent.group(1));
      if (!(p > 0 && p < 100)) {
        throw new UserException(
            option + ": a share of the lead must be above 0 % and below 100 %, got '" + text + "'");
      }
      return new PrecisionTarget(PrecisionTarget.Kind.RELATIVE, p / 100);
    }
    Matcher money = MONEY.matcher(text);
    if (!money.matches()) {
      throw new UserException(
          option
              + ": expected the 95 % half-width wanted of the lead, as a share of it (10%) or in"
              + " dollars per year ($0.1M, $100k, 50000), got '"
              + text
              + "'");
    }
    double unit =
        money.group(2) == null
            ? 1
            : switch (money.group(2)) {
              case "k" -> 1e3;
              case "M" -> 1e6;
              default -> 1e9;
            };
    double dollars = Double.parseDouble(money.group(1)) * unit;
    if (!(dollars > 0) || !Double.isFinite(dollars)) {
      throw new UserException(
          option + ": an amount must be positive and finite, got '" + text + "'");
    }
    return new PrecisionTarget(PrecisionTarget.Kind.ABSOLUTE_DOLLARS, dollars);
  }
}
