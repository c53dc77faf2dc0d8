package org.aifactory.model.site;

import java.math.BigDecimal;

/** A duration in words for verdicts: {@code 1 s}, {@code 250 ms}, {@code 1 min}, {@code 6 h}. */
final class Durations {
  private Durations() {}

  static String text(long nanos) {
    long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L};
    String[] names = {"d", "h", "min", "s"};
    for (int i = 0; i < units.length; i++) {
      if (nanos >= units[i] && nanos % units[i] == 0) {
        return nanos / units[i] + " " + names[i];
      }
    }
    if (nanos >= 1_000_000_000L) {
      return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
    }
    return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + " ms";
  }
}
