package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;
import org.aifactory.metrics.SweepResult.Optimum;

/**
 * The terminal rendering of a sweep: one row per point, its varied values then each charted
 * metric's mean and 95 % confidence half-width, the best point marked {@code <- best} and those not
 * distinguishable from it {@code ~ best}; then the optimum in one line. Plain ASCII, Locale.ROOT.
 */
final class SweepText {
  private static final String INDENT = "  ";
  private static final int MAX_DECIMALS = 6;

  /** Decimals at most of a ratio close to 1 (an availability), as in the files' rule. */
  private static final int MAX_NEAR_ONE_DECIMALS = 9;

  private SweepText() {}

  static String render(SweepResult r) {
    StringBuilder out = new StringBuilder();
    out.append("Sweep: ")
        .append(r.scenario())
        .append(", ")
        .append(Human.count(r.points().size()))
        .append(r.points().size() == 1 ? " point x " : " points x ")
        .append(Human.count(r.replications()))
        .append(r.replications() == 1 ? " replication" : " replications")
        .append(", seed ")
        .append(r.seed())
        .append('\n');
    out.append(INDENT).append("the same random streams at every point (common random numbers)");
    out.append(
        r.replications() > 1
            ? "; +/- is the 95 % confidence\n" + INDENT + "half-width of the mean (Student t)\n\n"
            : "\n\n");
    out.append(table(r));
    optimumLine(r).ifPresent(line -> out.append('\n').append(INDENT).append(line).append('\n'));
    return out.toString();
  }

  private static String table(SweepResult r) {
    int params = r.parameters().size();
    List<TextTable.Align> aligns = new ArrayList<>();
    for (SweepResult.Parameter p : r.parameters()) {
      aligns.add(p.numeric() ? RIGHT : LEFT);
    }
    for (int m = 0; m < r.charted().size(); m++) {
      aligns.addAll(List.of(RIGHT, LEFT, RIGHT));
    }
    aligns.add(LEFT);
    TextTable t = new TextTable(INDENT, aligns.toArray(TextTable.Align[]::new));
    String[] keys = new String[aligns.size()];
    String[] units = new String[aligns.size()];
    for (int i = 0; i < params; i++) {
      keys[i] = r.parameters().get(i).path();
    }
    List<Column> columns = columns(r);
    for (int m = 0; m < columns.size(); m++) {
      keys[params + 3 * m] = columns.get(m).key();
      units[params + 3 * m] = columns.get(m).unitLabel();
    }
    t.row(keys);
    if (columns.stream().anyMatch(c -> !c.unitLabel().isEmpty())) {
      t.row(units);
    }
    for (int p = 0; p < r.points().size(); p++) {
      String[] row = new String[aligns.size()];
      for (int i = 0; i < params; i++) {
        row[i] = r.value(p, i);
      }
      for (int m = 0; m < columns.size(); m++) {
        String[] cells = columns.get(m).cells(r.points().get(p));
        System.arraycopy(cells, 0, row, params + 3 * m, 3);
      }
      row[row.length - 1] = remark(r, p);
      t.row(row);
    }
    return t.render();
  }

  /** {@code <- best}, {@code ~ best} or empty. */
  static String remark(SweepResult r, int point) {
    return switch (r.mark(point)) {
      case "best" -> "<- best";
      case "not_distinguishable" -> "~ best";
      default -> "";
    };
  }

  /**
   * {@code Best (max tokens_per_kwh_facility): facility.pue=1.1, 412,300 +/- 1,200 tokens/kWh; 2
   * other points not distinguishable from it (~ best)}.
   */
  static Optional<String> optimumLine(SweepResult r) {
    if (r.optimum().isEmpty()) {
      return Optional.empty();
    }
    Optimum o = r.optimum().get();
    Column c = column(r, o.metric());
    MetricStats best = r.points().get(o.best()).metric(o.metric()).orElseThrow();
    String[] cells = c.cells(r.points().get(o.best()));
    String value = cells[0] + (cells[1].isEmpty() ? "" : " +/- " + cells[2]);
    String unit = best.unit().equals("1") ? "" : " " + best.unit();
    long others = o.notDistinguishable().stream().filter(b -> b).count() - 1;
    String tied;
    if (r.replications() == 1) {
      tied =
          others == 0
              ? "one replication per point: exact for a scenario without random failures, no"
                  + " confidence interval"
              : Human.count(others)
                  + (others == 1 ? " other point ties" : " other points tie")
                  + " with it exactly (one replication per point, marked ~ best)";
    } else {
      tied =
          others == 0
              ? "every other point is distinguishable from it (95 %)"
              : Human.count(others)
                  + (others == 1 ? " other point is" : " other points are")
                  + " not distinguishable from it (95 %, marked ~ best)";
    }
    return Optional.of(
        "Best ("
            + o.goal()
            + " "
            + o.metric()
            + "): "
            + r.describe(o.best())
            + ", "
            + value
            + unit
            + "; "
            + tied);
  }

  /** The charted metrics, each formatted alike over all points. */
  static List<Column> columns(SweepResult r) {
    return r.charted().stream().map(key -> column(r, key)).toList();
  }

  static Column column(SweepResult r, String key) {
    List<MetricStats> stats = new ArrayList<>();
    for (SweepResult.Point p : r.points()) {
      p.metric(key).ifPresent(stats::add);
    }
    String unit = stats.stream().map(MetricStats::unit).findFirst().orElse("");
    boolean count = !stats.isEmpty() && stats.get(0).isCount();
    double largest = 0;
    double nearestToOne = Double.POSITIVE_INFINITY;
    double[] halfWidths = new double[stats.size()];
    for (int i = 0; i < stats.size(); i++) {
      double mean = stats.get(i).mean();
      if (Double.isFinite(mean)) {
        largest = Math.max(largest, Math.abs(mean));
        if (mean >= 0.9 && mean < 1) {
          nearestToOne = Math.min(nearestToOne, 1 - mean);
        }
      }
      halfWidths[i] = stats.get(i).ci95();
    }
    int decimals = 0;
    if (!count) {
      int magnitude = largest > 0 ? (int) Math.floor(Math.log10(largest)) : 0;
      decimals = Math.max(0, Math.min(MAX_DECIMALS, 3 - magnitude));
      decimals = Math.min(MAX_DECIMALS, Human.decimalsForHalfWidths(decimals, halfWidths));
      if (Double.isFinite(nearestToOne)) {
        // Two significant digits of the distance to 1: 0.99999049 is not 1.000.
        int near = 1 - (int) Math.floor(Math.log10(nearestToOne));
        decimals = Math.max(decimals, Math.min(MAX_NEAR_ONE_DECIMALS, near));
      }
    }
    return new Column(key, unit, decimals);
  }

  /**
   * A metric's column.
   *
   * @param decimals decimals of its figures (0 for counts)
   */
  record Column(String key, String unit, int decimals) {
    /** {@code (MWh)}; empty for a plain ratio (unit 1). */
    String unitLabel() {
      return unit.isEmpty() || unit.equals("1") ? "" : "(" + unit + ")";
    }

    /** Mean, {@code +/-} and half-width at the point; {@code n/a} when it has no such metric. */
    String[] cells(SweepResult.Point p) {
      Optional<MetricStats> s = p.metric(key);
      if (s.isEmpty()) {
        return new String[] {"n/a", "", ""};
      }
      double ci = s.get().ci95();
      boolean hasCi = Double.isFinite(ci);
      return new String[] {
        Human.fixed(Human.roundToHalfWidth(s.get().mean(), ci), decimals),
        hasCi ? "+/-" : "",
        hasCi ? Human.fixed(Human.roundToHalfWidth(ci, ci), decimals) : ""
      };
    }
  }
}
