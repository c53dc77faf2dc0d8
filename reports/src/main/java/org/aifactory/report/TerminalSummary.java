package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.RunResult;

/**
 * The table printed at the end of a run: plain ASCII, aligned by padding, thousands separators,
 * Locale.ROOT. Lines end in "\n".
 */
public final class TerminalSummary {
  private static final double JOULES_PER_MWH = 3.6e9;
  private static final String INDENT = "  ";

  private TerminalSummary() {}

  /** The summary of {@code result}, with the wall-clock figures of {@code timings}. */
  public static String render(RunResult result, RunTimings timings) {
    StringBuilder out = new StringBuilder();
    out.append("Run summary: ").append(result.scenario()).append('\n');
    out.append(INDENT)
        .append("seed ")
        .append(result.seed())
        .append(", pulse resolution ")
        .append(Formats.resolution(result.pulseResolution()))
        .append("\n\n");

    // label | value | unit | share | remark (a remark starts after the unit)
    TextTable t = new TextTable(INDENT, LEFT, RIGHT, LEFT, RIGHT, LEFT);
    double hours = result.horizonHours();
    t.rowWithRemark(
        hours >= 48 ? "(" + Human.duration(result.horizon().toNanos() / 1e9) + ")" : "",
        "Horizon",
        Human.fixed(hours, 2),
        "h");
    t.row("GPUs", Human.count(result.gpus()));

    t.line("").line("Energy and production");
    double gpu = result.energyGpuJoules() / JOULES_PER_MWH;
    double it = result.energyItJoules() / JOULES_PER_MWH;
    double facility = result.energyFacilityJoules() / JOULES_PER_MWH;
    int d = Human.decimalsFor(gpu, it, facility);
    t.row("GPU energy", Human.fixed(gpu, d), "MWh");
    t.row("IT energy", Human.fixed(it, d), "MWh");
    t.row("Facility energy", Human.fixed(facility, d), "MWh");
    t.row("PUE", Human.fixed(result.pue(), 3));
    t.row("Tokens", Human.count(result.tokens()));
    double perKwh = facility > 0 ? result.tokens() / (facility * 1000) : Double.NaN;
    t.row(
        "Tokens per kWh facility",
        Human.fixed(perKwh, perKwh >= 1000 ? 0 : Human.decimalsFor(perKwh)),
        "tokens/kWh");
    t.rowWithRemark(
        "(compute + communication GPU-h / installed)",
        "Utilisation",
        Human.fixed(result.utilisation() * 100, 1),
        "%");

    GpuHours h = result.gpuHours();
    t.line("").line("GPU-hours by state");
    int dh = Human.decimalsFor(h.installed());
    gpuHoursRow(t, "installed", h.installed(), h.installed(), dh);
    gpuHoursRow(t, "compute", h.compute(), h.installed(), dh);
    gpuHoursRow(t, "communication", h.communication(), h.installed(), dh);
    gpuHoursRow(t, "checkpoint", h.checkpoint(), h.installed(), dh);
    gpuHoursRow(t, "idle", h.idle(), h.installed(), dh);

    PowerStats p = result.power();
    double peak = p.peakWatts() / 1e6;
    double mean = p.meanWatts() / 1e6;
    double min = p.minWatts() / 1e6;
    double swing = p.swingWatts() / 1e6;
    double ramp = p.maxRampWattsPerSecond() / 1e6;
    int dp = Human.decimalsFor(peak, mean, min, swing);
    t.line("").line("Site power");
    t.row("Peak", Human.fixed(peak, dp), "MW");
    t.row("Mean", Human.fixed(mean, dp), "MW");
    t.row("Min", Human.fixed(min, dp), "MW");
    t.rowWithRemark("(peak - min)", "Swing", Human.fixed(swing, dp), "MW");
    t.rowWithRemark(
        "(between "
            + Human.fixed(p.rampWindowSeconds(), Human.decimalsFor(p.rampWindowSeconds()))
            + " s averages)",
        "Max ramp",
        Human.fixed(ramp, Human.decimalsFor(ramp)),
        "MW/s");
    if (!result.pulsesResolved()) {
      t.line(INDENT + "Note: pulses are averaged, so peak, min, swing and ramp do not show");
      t.line(INDENT + "individual iteration pulses. Use pulse_resolution: full to see them.");
    }

    t.line("").line("Engine");
    t.row("Events", Human.count(result.eventsProcessed()));
    t.row("Events per second", Human.count(timings.eventsPerSecond()), "events/s");
    t.rowWithRemark(
        "(total " + Human.fixed(timings.totalWallSeconds(), 2) + " s)",
        "Simulation wall time",
        Human.fixed(timings.simulationWallSeconds(), 2),
        "s");
    out.append(t.render());

    out.append('\n').append("Jobs").append('\n');
    if (result.jobs().isEmpty()) {
      out.append(INDENT).append("(none)").append('\n');
    } else {
      out.append(jobs(result));
    }
    return out.toString();
  }

  private static void gpuHoursRow(
      TextTable t, String state, double value, double installed, int d) {
    String share = installed > 0 ? Human.percent(value / installed) : "";
    t.row(
        INDENT + state, Human.fixed(value, d), "GPU-h", share, installed > 0 ? "of installed" : "");
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
