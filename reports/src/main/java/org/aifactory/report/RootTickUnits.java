package org.aifactory.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * Tick sizes 1, 2, 5 × 10ⁿ labelled with just enough decimals and Locale.ROOT symbols.
 * (JFreeChart's own sources format with the default locale, or with a fixed number of decimals.)
 */
final class RootTickUnits implements TickUnitSource {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
  private static final int[] MANTISSAS = {1, 2, 5, 10};

  @Override
  public TickUnit getLargerTickUnit(TickUnit unit) {
    return getCeilingTickUnit(unit.getSize() * 1.5); // consecutive sizes differ by 2 or 2.5
  }

  @Override
  public TickUnit getCeilingTickUnit(TickUnit unit) {
    return getCeilingTickUnit(unit.getSize());
  }

  @Override
  public TickUnit getCeilingTickUnit(double size) {
    if (!(size > 0) || Double.isInfinite(size)) {
      size = 1;
    }
    int power = (int) Math.floor(Math.log10(size));
    for (int m : MANTISSAS) {
      double candidate = m * Math.pow(10, power);
      if (candidate >= size * (1 - 1e-9)) {
        return unit(m == 10 ? 1 : m, m == 10 ? power + 1 : power);
      }
    }
    throw new AssertionError("unreachable");
  }

  private static TickUnit unit(int mantissa, int power) {
    int decimals = Math.max(0, -power);
    String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    return new NumberTickUnit(mantissa * Math.pow(10, power), new DecimalFormat(pattern, SYMBOLS));
  }
}
