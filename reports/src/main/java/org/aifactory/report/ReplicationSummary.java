package org.aifactory.report;

import static org.aifactory.report.SummarySections.INDENT;

import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;

/**
 * The table printed at the end of a run with replications: the key figures as means with the 95 %
 * confidence half-width of the mean ({@code 12.3 +/- 0.4}). Plain ASCII, aligned by padding,
 * Locale.ROOT; lines end in "\n".
 */
public final class ReplicationSummary {
  private ReplicationSummary() {}

  /**
   * The summary of {@code set}, with the wall-clock figures of {@code timings} (all replications).
   */
  public static String render(ReplicationSet set, RunTimings timings) {
    RunResult first = set.first();
    Figures f = Figures.of(set);
    int r = set.replications();
    StringBuilder out =
        SummarySections.header(
            "Replications summary",
            first,
            ", "
                + Human.count(r)
                + (r == 1 ? " replication" : " replications")
                + "\n"
                + INDENT
                + (r > 1
                    ? "Means over replications; +/- is the 95 % confidence half-width of the mean"
                        + " (Student t)."
                    : "one replication: no confidence intervals."));
    TextTable t = SummarySections.table();
    SummarySections.horizon(t, f);
    SummarySections.energy(t, f);
    SummarySections.power(t, f, first.pulsesResolved());
    SummarySections.cooling(t, f, first);
    SummarySections.inference(t, f, first);
    SummarySections.lostProduction(t, f);
    SummarySections.interruptions(t, f);
    SummarySections.failureDomains(t, f);
    SummarySections.maintenance(t, f);
    SummarySections.loadShaping(t, f);
    out.append(t.render());
    first
        .site()
        .ifPresent(
            site -> out.append(r > 1 ? "\nReplication 0:" : "").append(GridText.render(site)));
    SummaryTail.append(out, f, null, timings);
    return out.toString();
  }
}
