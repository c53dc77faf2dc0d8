package org.aifactory.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations the way a person writes them. */
final class Durations {
  private Durations() {}

  static String human(Duration d) {
    double s = d.toNanos() / 1e9;
    if (s >= 86_400 && s % 86_400 == 0) {
      return String.format(Locale.ROOT, "%.0f d", s / 86_400);
    }
    if (s >= 3_600) {
      return String.format(Locale.ROOT, "%.4g h", s / 3_600);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%.4g min", s / 60);
    }
    return String.format(Locale.ROOT, "%.4g s", s);
  }
}
