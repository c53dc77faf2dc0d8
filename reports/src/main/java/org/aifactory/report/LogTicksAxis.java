package org.aifactory.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal logarithmic axis with ticks at 1, 2 and 5 × 10ⁿ, labelled as plain numbers in
 * Locale.ROOT ({@code 5}, {@code 10}, {@code 20}), and unlabelled minor ticks between them.
 * (JFreeChart's own log axis labels powers of ten, or fractional exponents.)
 */
final class LogTicksAxis extends LogAxis {
  private static final long serialVersionUID = 1L;
  private static final int[] MAJOR = {1, 2, 5};
  private static final int[] MINOR = {3, 4, 6, 7, 8, 9};

  LogTicksAxis(String label) {
    super(label);
    setMinorTickMarksVisible(true);
  }

  @Override
  protected List<ValueTick> refreshTicksHorizontal(
      Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    return ticks(getLowerBound(), getUpperBound());
  }

  /** Major and minor ticks between {@code lo} and {@code hi} (both positive). */
  static List<ValueTick> ticks(double lo, double hi) {
    List<ValueTick> ticks = new ArrayList<>();
    if (!(lo > 0) || !(hi > lo) || Double.isInfinite(hi)) {
      return ticks;
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    for (int p = (int) Math.floor(Math.log10(lo)); p <= (int) Math.ceil(Math.log10(hi)); p++) {
      double decade = Math.pow(10, p);
      for (int m : MAJOR) {
        add(ticks, TickType.MAJOR, m * decade, lo, hi, format);
      }
      for (int m : MINOR) {
        add(ticks, TickType.MINOR, m * decade, lo, hi, null);
      }
    }
    return ticks;
  }

  private static void add(
      List<ValueTick> ticks, TickType type, double v, double lo, double hi, DecimalFormat format) {
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
      String label = format == null ? "" : format.format(v);
      ticks.add(new NumberTick(type, v, label, TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
    }
  }
}
