package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import org.aifactory.metrics.RunResult;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SiteResult;

/**
 * {@code compliance.csv}, written with a site section: one row per grid rule, in the scenario's
 * order: {@code rule,kind,verdict,worst,limit,margin,unit,worst_at_h,violations,violation_h,basis}.
 * Powers in MW, ramps in MW/s; the margin is negative when the rule is broken; {@code worst} is
 * empty for a minimum load that never applied (no job ran).
 */
final class ComplianceCsv {
  static final String FILE = "compliance.csv";
  static final String[] HEADER = {
    "rule",
    "kind",
    "verdict",
    "worst",
    "limit",
    "margin",
    "unit",
    "worst_at_h",
    "violations",
    "violation_h",
    "basis"
  };

  private ComplianceCsv() {}

  /** Whether the run has a site section to report. */
  static boolean written(RunResult r) {
    return r.site().isPresent();
  }

  static void write(RunResult result, Path file) throws IOException {
    SiteResult site = result.site().orElseThrow();
    Csv.write(
        file,
        HEADER,
        out -> {
          for (RuleVerdict v : site.rules()) {
            out.printRecord(
                v.name(),
                v.kind(),
                v.pass() ? "pass" : "fail",
                Formats.number(v.worst() / 1e6),
                Formats.number(v.limit() / 1e6),
                Formats.number(v.margin() / 1e6),
                v.isRamp() ? "MW/s" : "MW",
                Formats.number(v.worstAtNanos() / 3.6e12),
                v.violations(),
                Formats.number(v.violationNanos() / 3.6e12),
                v.basis());
          }
        });
  }
}
