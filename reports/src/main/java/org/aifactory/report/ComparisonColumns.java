package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.aifactory.metrics.MetricStats;

/**
 * A table of a comparison's variants in ranking order: rank, name, then figures of one part of each
 * variant (its cooling, its lost production) as mean and 95 % half-width, for the terminal and for
 * index.html. A variant without the part has a dash in each of its figures.
 */
final class ComparisonColumns {
  private ComparisonColumns() {}

  /**
   * One figure.
   *
   * @param heading first line of the terminal heading (ASCII)
   * @param heading2 second line of the terminal heading (ASCII)
   * @param html the heading in index.html
   * @param stat the figure of a variant's part
   * @param scale multiplies mean and half-width (a unit: 1e-6 for millions)
   */
  record Column<T>(
      String heading, String heading2, String html, Function<T, MetricStats> stat, double scale) {}

  static <T> String text(
      ComparisonResult r, String indent, List<Column<T>> columns, Function<Variant, T> part) {
    TextTable.Align[] aligns = new TextTable.Align[2 + 3 * columns.size()];
    String[] heading = new String[aligns.length];
    String[] heading2 = new String[aligns.length];
    aligns[0] = RIGHT;
    aligns[1] = LEFT;
    heading[0] = "";
    heading[1] = "";
    heading2[0] = "rank";
    heading2[1] = "variant";
    for (int i = 0; i < columns.size(); i++) {
      int c = 2 + 3 * i;
      aligns[c] = RIGHT;
      aligns[c + 1] = LEFT;
      aligns[c + 2] = RIGHT;
      heading[c] = columns.get(i).heading();
      heading2[c] = columns.get(i).heading2();
    }
    TextTable t = new TextTable(indent, aligns);
    t.row(heading);
    t.row(heading2);
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      T p = part.apply(v);
      List<String> row = new ArrayList<>(List.of(Integer.toString(rank + 1), v.name()));
      for (Column<T> column : columns) {
        if (p == null) {
          row.addAll(List.of("-", "", ""));
        } else {
          row.addAll(List.of(cells(column.stat().apply(p), column.scale())));
        }
      }
      t.row(row.toArray(String[]::new));
    }
    return t.render();
  }

  static <T> String html(ComparisonResult r, List<Column<T>> columns, Function<Variant, T> part) {
    List<String> headings = new ArrayList<>(List.of("rank", "variant"));
    boolean[] numeric = new boolean[2 + columns.size()];
    numeric[0] = true;
    for (int i = 0; i < columns.size(); i++) {
      headings.add(columns.get(i).html());
      numeric[2 + i] = true;
    }
    HtmlTable t = new HtmlTable(headings, numeric);
    for (int rank = 0; rank < r.ranking().size(); rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      T p = part.apply(v);
      List<String> row = new ArrayList<>(List.of(Integer.toString(rank + 1), v.name()));
      for (Column<T> column : columns) {
        if (p == null) {
          row.add("-");
        } else {
          String[] c = cells(column.stat().apply(p), column.scale());
          row.add(c[1].isEmpty() ? c[0] : c[0] + " ± " + c[2]);
        }
      }
      t.row(row.toArray(String[]::new));
    }
    return t.render();
  }

  /** Mean, {@code +/-} and half-width of {@code s} times {@code scale}, as the other tables. */
  private static String[] cells(MetricStats s, double scale) {
    return ComparisonText.cells(
        s.mean() * scale, ComparisonText.halfWidth(s.ci95(), s.mean()) * scale);
  }
}
