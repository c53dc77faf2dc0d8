package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.TokenRanking;
import org.aifactory.metrics.MetricStats;

/**
 * The ranking by cost per million tokens of a comparison whose variants all have economics: a table
 * in the terminal (before the annual costs), five columns last in comparison.csv and fields in
 * comparison.json. Nothing when the comparison has no such ranking.
 */
final class ComparisonTokenCosts {
  private static final String PM = "+/-";

  /** The columns after all others in comparison.csv. */
  static final String[] COLUMNS = {
    "rank_by_dollars_per_mtok",
    "dollars_per_mtok_mean",
    "dollars_per_mtok_ci95",
    "extra_dollars_per_mtok_over_best_mean",
    "extra_dollars_per_mtok_over_best_ci95"
  };

  private ComparisonTokenCosts() {}

  /** The table, ranked by expected cost per million tokens, lowest first; "" without one. */
  static String text(ComparisonResult r, String indent) {
    if (r.tokenRanking().isEmpty()) {
      return "";
    }
    TokenRanking t = r.tokenRanking().get();
    StringBuilder out = new StringBuilder();
    out.append(indent)
        .append("Cost per million tokens ($/Mtok, economics): the run's depreciation, energy and\n")
        .append(indent)
        .append("operations over its trained and served tokens; ranked by it, lowest first\n");
    TextTable table = new TextTable(indent, RIGHT, LEFT, RIGHT, LEFT, RIGHT, RIGHT, LEFT, RIGHT);
    table.row("rank", "variant", "$/Mtok", "", "", "extra over best", "", "");
    for (int rank = 0; rank < t.ranking().size(); rank++) {
      int i = t.ranking().get(rank);
      String[] each = cells(t.dollarsPerMillionTokens().get(i));
      String[] extra = rank == 0 ? new String[] {"-", "", ""} : cells(t.extraOverBest().get(i));
      table.row(
          Integer.toString(rank + 1),
          r.variants().get(i).name(),
          each[0],
          each[1],
          each[2],
          extra[0],
          extra[1],
          extra[2]);
    }
    out.append(table.render());
    int best = t.ranking().get(0);
    out.append(indent)
        .append("Lowest cost per token: ")
        .append(r.variants().get(best).name())
        .append(" at $")
        .append(Human.threeDigits(t.dollarsPerMillionTokens().get(best).mean()))
        .append(" per million tokens\n");
    return out.toString();
  }

  private static String[] cells(MetricStats s) {
    String mean = Double.isFinite(s.mean()) ? Human.threeDigits(s.mean()) : "no tokens";
    if (s.n() < 2 || !Double.isFinite(s.ci95())) {
      return new String[] {mean, "", ""};
    }
    return new String[] {mean, PM, Human.threeDigits(s.ci95())};
  }

  /** The header of comparison.csv with {@link #COLUMNS} last when there is a token ranking. */
  static String[] header(ComparisonResult r, String[] header) {
    if (r.tokenRanking().isEmpty()) {
      return header;
    }
    String[] all = java.util.Arrays.copyOf(header, header.length + COLUMNS.length);
    System.arraycopy(COLUMNS, 0, all, header.length, COLUMNS.length);
    return all;
  }

  /** The row's {@link #COLUMNS} for variant {@code index}, when there is a token ranking. */
  static void columns(ComparisonResult r, int index, List<String> row) {
    if (r.tokenRanking().isEmpty()) {
      return;
    }
    TokenRanking t = r.tokenRanking().get();
    row.add(Integer.toString(t.ranking().indexOf(index) + 1));
    for (MetricStats s :
        List.of(t.dollarsPerMillionTokens().get(index), t.extraOverBest().get(index))) {
      row.add(Formats.mean(s));
      row.add(Formats.spread(s.ci95(), s.mean()));
    }
  }

  /** {@code ranking_by_dollars_per_mtok}: the variants' names, lowest first. */
  static void ranking(JsonGenerator g, ComparisonResult r) throws IOException {
    if (r.tokenRanking().isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("ranking_by_dollars_per_mtok");
    for (int i : r.tokenRanking().get().ranking()) {
      g.writeString(r.variants().get(i).name());
    }
    g.writeEndArray();
  }

  /** A variant's rank and figures by cost per million tokens. */
  static void fields(JsonGenerator g, ComparisonResult r, int index) throws IOException {
    if (r.tokenRanking().isEmpty()) {
      return;
    }
    TokenRanking t = r.tokenRanking().get();
    g.writeNumberField("rank_by_dollars_per_mtok", t.ranking().indexOf(index) + 1);
    stats(g, "dollars_per_mtok", t.dollarsPerMillionTokens().get(index));
    stats(g, "extra_dollars_per_mtok_over_best", t.extraOverBest().get(index));
  }

  private static void stats(JsonGenerator g, String name, MetricStats s) throws IOException {
    g.writeFieldName(name);
    Json.stats(g, s);
  }
}
