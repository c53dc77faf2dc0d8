package org.aifactory.report;

import java.util.Locale;
import java.util.concurrent.Callable;

/** Runs code under another default locale, to show that output does not depend on it. */
final class Locales {
  private Locales() {}

  /** {@code body}'s result with Locale.GERMANY (decimal comma) as the default locale. */
  static <T> T german(Callable<T> body) throws Exception {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      return body.call();
    } finally {
      Locale.setDefault(saved);
    }
  }
}
