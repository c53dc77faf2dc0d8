package org.aifactory.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration on the command line: a number and a unit (ms, s, min, h, d), e.g. 30min or 1.5h. */
final class DurationArgument {
  private static final Pattern FORM =
      Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-z]+)\\s*");

  private DurationArgument() {}

  static double seconds(String option, String text) {
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserException(
          option + ": expected a duration like 30min or 1.5h, got '" + text + "'");
    }
    double v = Double.parseDouble(m.group(1));
    double unit =
        switch (m.group(2)) {
          case "ms" -> 1e-3;
          case "s" -> 1;
          case "min" -> 60;
          case "h" -> 3600;
          case "d" -> 86_400;
          default ->
              throw new UserException(
                  option
                      + ": unknown unit '"
                      + m.group(2)
                      + "' in '"
                      + text
                      + "' (ms, s, min, h, d)");
        };
    double s = v * unit;
    if (!(s > 0) || !Double.isFinite(s)) {
      throw new UserException(option + ": a duration must be positive, got '" + text + "'");
    }
    return s;
  }
}
