package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.List;
import java.util.function.Function;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.metrics.CheckpointStudyResult.Point;
import org.aifactory.metrics.MetricStats;

/**
 * The terminal rendering of a checkpoint-interval study: a table of the points (the best marked,
 * and those not distinguishable from it), then the simulated optimum next to Young's and Daly's
 * intervals. Plain ASCII, Locale.ROOT, lines end in "\n".
 */
final class CheckpointStudyText {
  private static final String INDENT = "  ";

  private CheckpointStudyText() {}

  static String render(CheckpointStudyResult r) {
    StringBuilder out = new StringBuilder();
    out.append("Checkpoint interval study: ")
        .append(r.scenario())
        .append(", job ")
        .append(r.job())
        .append('\n');
    out.append(INDENT)
        .append("seed ")
        .append(r.seed())
        .append(", ")
        .append(Human.count(r.replications()))
        .append(" replications per interval, the same random streams at every interval\n");
    out.append(INDENT)
        .append("+/- is the 95 % confidence half-width of the mean (Student t); the gap is the\n")
        .append(INDENT)
        .append(
            "best ETTR minus this one, paired by replication; tokens and their value (GPU-hours\n")
        .append(INDENT)
        .append("at the scenario's costs.lost_gpu_hour) against the current interval, per run\n\n");
    out.append(table(r.points(), r));
    out.append('\n').append(INDENT).append(optimumLine(r)).append('\n');
    return out.toString();
  }

  private static String table(List<Point> points, CheckpointStudyResult r) {
    TextTable t =
        new TextTable(INDENT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, RIGHT, LEFT);
    ComparisonFigures.Money money =
        ComparisonFigures.Money.of(
            points.stream().mapToDouble(p -> p.dollarsVersusCurrent().mean()).toArray());
    t.row(
        "interval (min)",
        "ETTR (%)",
        "",
        "",
        "gap (% points)",
        "",
        "",
        "tokens vs current",
        "value vs current (" + money.unit() + ")",
        "");
    double[] minutes = points.stream().mapToDouble(p -> p.intervalSeconds() / 60).toArray();
    int dm = Human.decimalsFor(minutes);
    int de = decimals(points, Point::ettr);
    int dg = decimals(points, Point::ettrDifferenceFromBest);
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      String[] ettr = cells(p.ettr(), 100, de);
      String[] gap = cells(p.ettrDifferenceFromBest(), 100, dg);
      t.row(
          Human.fixed(minutes[i], dm),
          ettr[0],
          ettr[1],
          ettr[2],
          gap[0],
          gap[1],
          gap[2],
          signed(Human.count(p.tokensVersusCurrent().mean()), p.tokensVersusCurrent().mean()),
          signed(
              Human.fixed(p.dollarsVersusCurrent().mean() / money.divisor(), 2),
              p.dollarsVersusCurrent().mean()),
          remark(r, i));
    }
    return t.render();
  }

  /** The other marks of a point, then {@code <- best} or {@code ~ best} last. */
  static String remark(CheckpointStudyResult r, int i) {
    List<String> marks = new java.util.ArrayList<>(marks(r, i));
    marks.remove("best");
    if (i == r.best()) {
      marks.add("<- best");
    } else {
      double s = r.points().get(i).intervalSeconds();
      if (s >= r.optimumLowSeconds() && s <= r.optimumHighSeconds()) {
        marks.add("~ best");
      }
    }
    return String.join(" ", marks);
  }

  /** What a point is: {@code best}, {@code current}, {@code daly}, {@code young}, in that order. */
  static List<String> marks(CheckpointStudyResult r, int i) {
    List<String> marks = new java.util.ArrayList<>();
    double s = r.points().get(i).intervalSeconds();
    if (i == r.best()) {
      marks.add("best");
    }
    if (i == r.current()) {
      marks.add("current");
    }
    if (sameNanos(s, r.dalySeconds())) {
      marks.add("daly");
    }
    if (sameNanos(s, r.youngSeconds())) {
      marks.add("young");
    }
    return marks;
  }

  private static boolean sameNanos(double a, double b) {
    return Double.isFinite(b) && Math.round(a * 1e9) == Math.max(1, Math.round(b * 1e9));
  }

  private static String signed(String text, double value) {
    return Double.isFinite(value) && value > 0 ? "+" + text : text;
  }

  /** Decimals showing two significant digits of every point's half-width (in %), at least 1. */
  static int decimals(List<Point> points, Function<Point, MetricStats> stat) {
    double[] halfWidths = points.stream().mapToDouble(p -> stat.apply(p).ci95() * 100).toArray();
    return Human.decimalsForHalfWidths(1, halfWidths);
  }

  /** Mean, {@code +/-} and half-width, scaled; the mean rounded to the half-width's precision. */
  static String[] cells(MetricStats s, double scale, int decimals) {
    double ci = s.ci95() * scale;
    boolean hasCi = Double.isFinite(ci);
    return new String[] {
      Human.fixed(Human.roundToHalfWidth(s.mean() * scale, ci), decimals),
      hasCi ? "+/-" : "",
      hasCi ? Human.fixed(Human.roundToHalfWidth(ci, ci), decimals) : ""
    };
  }

  /**
   * {@code Simulated optimum 37.5 min (range 26.5-53 min) vs Young 40 min vs Daly 37.5 min, M = 3.1
   * h, delta = 300 s, R = 600 s}.
   */
  static String optimumLine(CheckpointStudyResult r) {
    String head =
        "Simulated optimum "
            + minutes(r.bestPoint().intervalSeconds())
            + " min (range "
            + minutes(r.optimumLowSeconds())
            + "-"
            + minutes(r.optimumHighSeconds())
            + " min) vs current "
            + minutes(r.currentPoint().intervalSeconds())
            + " min";
    String rules =
        r.killable()
            ? " vs Young "
                + minutes(r.youngSeconds())
                + " min vs Daly "
                + minutes(r.dalySeconds())
                + " min, M = "
                + Human.plain(Math.round(r.mtbfKillHours() * 100) / 100.0)
                + " h"
            : "; nothing can interrupt the job (M = infinity): no Young or Daly interval";
    return head
        + rules
        + ", delta = "
        + Human.plain(r.checkpointSeconds())
        + " s, R = "
        + Human.plain(r.restartSeconds())
        + " s";
  }

  /** Seconds as minutes with one decimal, trailing zeros dropped: {@code 37.5}, {@code 40}. */
  private static String minutes(double seconds) {
    return Human.plain(Math.round(seconds / 6) / 10.0);
  }
}
