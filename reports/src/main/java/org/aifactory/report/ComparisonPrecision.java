package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Precision;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PrecisionTarget;
import org.aifactory.report.ComparisonFigures.Money;

/**
 * How a comparison chose its replications when it added them until the lead of the cheapest variant
 * over the runner-up was known to a target ({@code --target-ci}): the target, the limit, the lead
 * after each batch, and the verdict with its evidence.
 */
final class ComparisonPrecision {
  private ComparisonPrecision() {}

  /** The section for the terminal; empty for a fixed number of replications. */
  static String text(ComparisonResult r, Money money, String indent) {
    if (r.precision().isEmpty()) {
      return "";
    }
    Precision p = r.precision().get();
    StringBuilder out = new StringBuilder();
    out.append(indent)
        .append("Replications added until the lead's 95 % half-width was at most ")
        .append(target(p.target(), money))
        .append('\n')
        .append(indent)
        .append("(at most ")
        .append(Human.count(p.maxReplications()))
        .append(" per variant: ")
        .append(limit(p.limit()))
        .append(")\n");
    TextTable t = new TextTable(indent, RIGHT, LEFT, LEFT, RIGHT, LEFT, RIGHT, RIGHT);
    t.row(
        "replications", "cheapest", "runner-up", "lead (" + money.unit() + "/y)", "", "", "target");
    for (Precision.Batch b : p.batches()) {
      String[] lead = cells(b.lead(), money);
      t.row(
          Human.count(b.replications()),
          r.variants().get(b.best()).name(),
          r.variants().get(b.runnerUp()).name(),
          lead[0],
          lead[1],
          lead[2],
          Human.threeDigits(money.scale(p.target().halfWidthWanted(b.lead().mean()))));
    }
    out.append(t.render());
    out.append(Human.wrap(verdict(r, money), indent, 100));
    return out.toString();
  }

  /** The section for index.html: the verdict, the target and the batches. */
  static String html(ComparisonResult r, Money money) {
    Precision p = r.precision().orElseThrow();
    HtmlTable t =
        new HtmlTable(
            List.of(
                "replications",
                "cheapest",
                "runner-up",
                "lead (" + money.unit() + " / year)",
                "half-width wanted (" + money.unit() + " / year)"),
            true,
            false,
            false,
            true,
            true);
    for (Precision.Batch b : p.batches()) {
      String[] lead = cells(b.lead(), money);
      t.row(
          Human.count(b.replications()),
          r.variants().get(b.best()).name(),
          r.variants().get(b.runnerUp()).name(),
          lead[1].isEmpty() ? lead[0] : lead[0] + " ± " + lead[2],
          Human.threeDigits(money.scale(p.target().halfWidthWanted(b.lead().mean()))));
    }
    return "<p>"
        + Html.escape(verdict(r, money))
        + "</p>\n<p>"
        + Html.escape(
            "Replications were added in batches until the 95 % half-width of the lead (the"
                + " runner-up's annual cost minus the cheapest's, paired by replication) was at"
                + " most "
                + target(p.target(), money)
                + ", at most "
                + Human.count(p.maxReplications())
                + " per variant ("
                + limit(p.limit())
                + "). Replication r uses the same random streams in any batch: the result is"
                + " that of a fixed number of replications equal to where it stopped.")
        + "</p>\n"
        + t.render();
  }

  /**
   * {@code Decided after 400 replications: N is cheaper than N+1 by 0.0995 +/- 0.0002 $M/y (the 95
   * % CI excludes 0).}, or a tie within the target, or undecided at the limit.
   */
  static String verdict(ComparisonResult r, Money money) {
    Precision p = r.precision().orElseThrow();
    Precision.Batch last = p.last();
    String best = r.variants().get(last.best()).name();
    String next = r.variants().get(last.runnerUp()).name();
    String[] c = cells(last.lead(), money);
    String lead = (c[1].isEmpty() ? c[0] : c[0] + " +/- " + c[2]) + " " + money.unit() + "/y";
    String after = " after " + Human.count(last.replications()) + " replications";
    return switch (p.verdict()) {
      case DECIDED ->
          "Decided"
              + after
              + (p.targetMet() ? "" : " (the limit, before the target)")
              + ": "
              + best
              + " is cheaper than "
              + next
              + " by "
              + lead
              + " (the 95 % CI excludes 0).";
      case TIE_WITHIN_TARGET ->
          "Tie within the target"
              + after
              + ": "
              + best
              + " and "
              + next
              + " cost the same within "
              + target(p.target(), money)
              + " (lead "
              + lead
              + ", the 95 % CI includes 0).";
      case UNDECIDED ->
          "Undecided"
              + after
              + " (the limit: "
              + limit(p.limit())
              + "): lead of "
              + best
              + " over "
              + next
              + " "
              + lead
              + ", the 95 % CI includes 0 and is wider than the target.";
    };
  }

  /** {@code 0.1 $M/y} or {@code 10 % of the lead}. */
  static String target(PrecisionTarget target, Money money) {
    return target.kind() == PrecisionTarget.Kind.RELATIVE
        ? Human.threeDigits(target.value() * 100) + " % of the lead"
        : Human.threeDigits(money.scale(target.value())) + " " + money.unit() + "/y";
  }

  static String limit(Precision.Limit limit) {
    return switch (limit) {
      case REQUESTED -> "--max-replications";
      case COMPUTING_TIME -> "the computing time allowed without --allow-long-run";
      case MEMORY -> "the memory of the JVM";
    };
  }

  private static String[] cells(MetricStats s, Money money) {
    return ComparisonText.cells(
        money.scale(s.mean()), money.scale(ComparisonText.halfWidth(s.ci95(), s.mean())));
  }
}
