package org.aifactory.report;

import static org.aifactory.report.SummarySections.INDENT;
import static org.aifactory.report.SummarySections.SUB;
import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.RunResult;

/**
 * The table printed at the end of a run: plain ASCII, aligned by padding, thousands separators,
 * Locale.ROOT. Lines end in "\n".
 */
public final class TerminalSummary {
  private static final double JOULES_PER_MWH = 3.6e9;

  /** GPU-hours by state: metric key and label. */
  private static final String[][] GPU_STATES = {
    {MetricKeys.GPU_HOURS_INSTALLED, "installed"},
    {MetricKeys.GPU_HOURS_PRODUCTIVE, "productive"},
    {MetricKeys.GPU_HOURS_LOST_WORK, "lost work"},
    {MetricKeys.GPU_HOURS_THROTTLING, "throttling"},
    {MetricKeys.GPU_HOURS_CHECKPOINT, "checkpoint"},
    {MetricKeys.GPU_HOURS_RESTART, "restart"},
    {MetricKeys.GPU_HOURS_WAITING, "waiting"},
    {MetricKeys.GPU_HOURS_SERVING, "serving"},
    {MetricKeys.GPU_HOURS_IDLE, "idle"},
    {MetricKeys.GPU_HOURS_DOWN, "down"}
  };

  private TerminalSummary() {}

  /** The summary of {@code result}, with the wall-clock figures of {@code timings}. */
  public static String render(RunResult result, RunTimings timings) {
    Figures f = Figures.of(result);
    StringBuilder out = SummarySections.header("Run summary", result, "");
    TextTable t = SummarySections.table();
    SummarySections.horizon(t, f);
    SummarySections.energy(t, f);
    gpuHours(t, f);
    SummarySections.power(t, f, result.pulsesResolved());
    SummarySections.cooling(t, f, result);
    SummarySections.inference(t, f, result);
    SummarySections.lostProduction(t, f);
    SummarySections.interruptions(t, f);
    SummarySections.failureDomains(t, f);
    SummarySections.maintenance(t, f);
    SummarySections.loadShaping(t, f);
    out.append(t.render());
    result.site().ifPresent(site -> out.append(GridText.render(site)));
    SummaryTail.append(
        out, f, result.jobs().isEmpty() ? INDENT + "(none)\n" : jobs(result), timings);
    return out.toString();
  }

  private static void gpuHours(TextTable t, Figures f) {
    t.line("").line("GPU-hours by state");
    double installed = f.value(MetricKeys.GPU_HOURS_INSTALLED);
    int d = Human.decimalsFor(installed);
    for (String[] state : GPU_STATES) {
      if (SummarySections.shown(f, state[0])) {
        gpuHoursRow(t, SUB + state[1], f, state[0], installed, d);
      }
    }
    t.line(INDENT + "Iterating, by phase");
    gpuHoursRow(t, SUB + "compute", f, MetricKeys.GPU_HOURS_COMPUTE, installed, d);
    gpuHoursRow(t, SUB + "communication", f, MetricKeys.GPU_HOURS_COMMUNICATION, installed, d);
  }

  private static void gpuHoursRow(
      TextTable t, String label, Figures f, String key, double installed, int d) {
    SummarySections.shareRow(
        t, label, f, key, SummarySections.figure(f, key, 1, d), "GPU-h", installed, "of installed");
  }

  private static String jobs(RunResult result) {
    TextTable t = new TextTable(INDENT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT);
    t.row("name", "cluster", "GPUs", "iterations", "tokens", "checkpoints", "GPU MWh");
    double[] energies =
        result.jobs().stream().mapToDouble(j -> j.energyGpuJoules() / JOULES_PER_MWH).toArray();
    int d = Human.decimalsFor(energies);
    for (JobResult j : result.jobs()) {
      t.row(
          j.name(),
          j.cluster(),
          Human.count(j.gpus()),
          Human.count(j.iterations()),
          Human.count(j.tokens()),
          Human.count(j.checkpoints()),
          Human.fixed(j.energyGpuJoules() / JOULES_PER_MWH, d));
    }
    return t.render();
  }
}
