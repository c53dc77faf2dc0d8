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
            "best ETTR minus this one, paired by replication (tokens: checkpoint_study.csv)\n\n");
    out.append(table(r.points(), r));
    out.append('\n').append(INDENT).append(optimumLine(r)).append('\n');
    return out.toString();
  }

  private static String table(List<Point> points, CheckpointStudyResult r) {
    TextTable t = new TextTable(INDENT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT, LEFT);
    t.row("interval (min)", "ETTR (%)", "", "", "gap (% points)", "", "", "");
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
          remark(r, i));
    }
    return t.render();
  }

  static String remark(CheckpointStudyResult r, int i) {
    if (i == r.best()) {
      return "<- best";
    }
    double s = r.points().get(i).intervalSeconds();
    return s >= r.optimumLowSeconds() && s <= r.optimumHighSeconds() ? "~ best" : "";
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
    return "Simulated optimum "
        + minutes(r.bestPoint().intervalSeconds())
        + " min (range "
        + minutes(r.optimumLowSeconds())
        + "-"
        + minutes(r.optimumHighSeconds())
        + " min) vs Young "
        + minutes(r.youngSeconds())
        + " min vs Daly "
        + minutes(r.dalySeconds())
        + " min, M = "
        + Human.plain(Math.round(r.mtbfKillHours() * 100) / 100.0)
        + " h, delta = "
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
