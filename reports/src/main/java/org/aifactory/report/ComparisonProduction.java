package org.aifactory.report;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Production;

/**
 * What each variant trained, per variant in ranking order, per replication (the horizon), means
 * with 95 % half-widths: tokens, tokens over the cheapest variant (paired by replication, so
 * narrower than the tokens' own intervals), ETTR, lost production (every cause) and the part of it
 * the cost values (power outages, thermal trips, throttling). Tokens are in one unit per column
 * ({@link TokenUnit}).
 */
final class ComparisonProduction {
  private ComparisonProduction() {}

  static List<ComparisonColumns.Column<Production>> columns(ComparisonResult r) {
    TokenUnit tokens = unit(r, p -> p.tokens().mean());
    TokenUnit over =
        unit(r, p -> Math.abs(p.tokensOverBest().mean()) + ci(p.tokensOverBest().ci95()));
    TokenUnit lost = unit(r, p -> p.lostTokens().mean());
    TokenUnit priced = unit(r, p -> p.lostTokensPriced().mean());
    return List.of(
        new ComparisonColumns.Column<>(
            "tokens",
            "(" + tokens.symbol() + ")",
            "tokens (" + tokens.name() + ")",
            Production::tokens,
            tokens.scale()),
        new ComparisonColumns.Column<>(
            "tokens over the",
            "cheapest (" + over.symbol() + ")",
            "tokens over the cheapest, paired (" + over.name() + ")",
            Production::tokensOverBest,
            over.scale()),
        new ComparisonColumns.Column<>("", "ETTR", "ETTR", Production::ettr, 1),
        new ComparisonColumns.Column<>(
            "lost production",
            "(" + lost.symbol() + ")",
            "lost production, every cause (" + lost.name() + " of tokens)",
            Production::lostTokens,
            lost.scale()),
        new ComparisonColumns.Column<>(
            "of which to outages,",
            "trips, throttling (" + priced.symbol() + ")",
            "of which to power outages, thermal trips and throttling (" + priced.name() + ")",
            Production::lostTokensPriced,
            priced.scale()));
  }

  /** The heading and the table, for the terminal. */
  static String text(ComparisonResult r, String indent) {
    return indent
        + "Production, per replication of "
        + ComparisonFigures.horizon(r.horizonHours())
        + "\n"
        + ComparisonColumns.text(r, indent, columns(r), ComparisonResult.Variant::production);
  }

  /** The table, for index.html. */
  static String html(ComparisonResult r) {
    return ComparisonColumns.html(r, columns(r), ComparisonResult.Variant::production);
  }

  private static TokenUnit unit(
      ComparisonResult r, java.util.function.ToDoubleFunction<Production> amount) {
    return TokenUnit.of(
        r.variants().stream().mapToDouble(v -> amount.applyAsDouble(v.production())).toArray());
  }

  private static double ci(double ci95) {
    return Double.isFinite(ci95) ? Math.abs(ci95) : 0;
  }
}
