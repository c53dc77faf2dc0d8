package org.aifactory.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table aligned by padding: each column is as wide as its widest cell, columns are
 * separated by two spaces, a column blank in every row takes no space, and trailing blanks are
 * trimmed. A row may end in a remark, which starts in the next column but takes no part in its
 * width; free-text lines (headings, notes) can go between rows.
 */
final class TextTable {
  enum Align {
    LEFT,
    RIGHT
  }

  private record Row(String[] cells, String remark, String text) {}

  private final String indent;
  private final Align[] aligns;
  private final List<Row> rows = new ArrayList<>();

  /**
   * @param indent put before every row (not before free-text lines)
   * @param aligns alignment of each column
   */
  TextTable(String indent, Align... aligns) {
    this.indent = indent;
    this.aligns = aligns.clone();
  }

  /** A row; missing trailing cells are blank. */
  TextTable row(String... cells) {
    return add(cells, null);
  }

  /** A row of {@code cells}, then {@code remark} from the next column on. */
  TextTable rowWithRemark(String remark, String... cells) {
    return add(cells, remark);
  }

  /** A line printed as is, outside the columns. */
  TextTable line(String text) {
    rows.add(new Row(null, null, text));
    return this;
  }

  private TextTable add(String[] cells, String remark) {
    int max = remark == null ? aligns.length : aligns.length - 1;
    if (cells.length > max) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, at most " + max);
    }
    String[] row = new String[remark == null ? aligns.length : cells.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = i < cells.length && cells[i] != null ? cells[i] : "";
    }
    rows.add(new Row(row, remark, null));
    return this;
  }

  String render() {
    int[] widths = new int[aligns.length];
    for (Row row : rows) {
      if (row.cells() != null) {
        for (int i = 0; i < row.cells().length; i++) {
          widths[i] = Math.max(widths[i], row.cells()[i].length());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (Row row : rows) {
      if (row.cells() == null) {
        out.append(row.text()).append('\n');
        continue;
      }
      StringBuilder line = new StringBuilder(indent);
      String[] cells = row.cells();
      boolean first = true;
      for (int i = 0; i < cells.length; i++) {
        if (widths[i] == 0) {
          continue;
        }
        if (!first) {
          line.append("  ");
        }
        first = false;
        String pad = " ".repeat(widths[i] - cells[i].length());
        line.append(aligns[i] == Align.RIGHT ? pad + cells[i] : cells[i] + pad);
      }
      if (row.remark() != null) {
        line.append("  ").append(row.remark());
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
