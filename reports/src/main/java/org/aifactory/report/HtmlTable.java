package org.aifactory.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table: a header row, then rows of text cells (escaped); numeric columns are
 * right-aligned, and a column without any text (heading and cells) is left out, as the {@code ±}
 * column of a single run. Deterministic markup, one row per line.
 */
final class HtmlTable {
  private final List<String> headers;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param headers column headings
   * @param numeric for each column, true to right-align it (numbers)
   */
  HtmlTable(List<String> headers, boolean... numeric) {
    this.headers = List.copyOf(headers);
    this.numeric = numeric.clone();
    if (numeric.length != headers.size()) {
      throw new IllegalArgumentException("one alignment per column");
    }
  }

  /** A row; missing trailing cells are empty, null cells too. */
  HtmlTable row(String... cells) {
    if (cells.length > headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells");
    }
    List<String> row = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      row.add(i < cells.length && cells[i] != null ? cells[i] : "");
    }
    rows.add(row);
    return this;
  }

  String render() {
    boolean[] shown = new boolean[headers.size()];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = !headers.get(i).isEmpty();
      for (List<String> row : rows) {
        shown[i] |= !row.get(i).isEmpty();
      }
    }
    StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
    for (int i = 0; i < headers.size(); i++) {
      if (shown[i]) {
        out.append(cell("th", i, headers.get(i)));
      }
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        if (shown[i]) {
          out.append(cell("td", i, row.get(i)));
        }
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  private String cell(String tag, int column, String text) {
    String open = numeric[column] ? "<" + tag + " class=\"n\">" : "<" + tag + ">";
    return open + Html.escape(text) + "</" + tag + ">";
  }
}
