package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;

/**
 * The {@code index.html} of a run, with or without replications: the key figures (means with their
 * 95 % confidence half-widths for replications), the jobs, every metric (folded), the charts, the
 * notes of summary.json and of the charts, and the files.
 */
final class RunIndex {
  private static final String PM = "±";

  private RunIndex() {}

  static void write(ReplicationSet set, Path dir) throws IOException {
    RunResult first = set.first();
    int r = set.replications();
    Figures f = r > 1 ? Figures.of(set) : Figures.of(first);
    String facts =
        "seed "
            + first.seed()
            + ", pulse resolution "
            + Formats.resolution(first.pulseResolution())
            + ", "
            + Human.duration(first.horizon().toNanos() / 1e9)
            + ", "
            + Human.count(first.gpus())
            + " GPUs"
            + (r > 1
                ? ", " + Human.count(r) + " replications: means, " + PM + " 95 % confidence"
                : "");
    List<IndexPage.Section> sections = new ArrayList<>();
    sections.add(new IndexPage.Section("Key figures", keyFigures(f, first).render()));
    if (!first.jobs().isEmpty()) {
      sections.add(new IndexPage.Section("Jobs", jobs(f, first).render()));
    }
    sections.add(
        new IndexPage.Section(
            "All metrics",
            "<details><summary>Every metric of summary.csv</summary>\n"
                + allMetrics(set).render()
                + "</details>\n"));
    String of = r > 1 ? " (replication 0)" : "";
    List<IndexPage.Chart> charts =
        new ArrayList<>(
            List.of(
                new IndexPage.Chart(PowerChart.FILE, "Site power over the run" + of),
                new IndexPage.Chart(
                    LostProductionChart.FILE, "Where the installed GPU-hours went" + of)));
    if (ThermalChart.drawn(first)) {
      charts.add(
          new IndexPage.Chart(
              ThermalChart.FILE, "Temperatures, thermal throttling and PUE over the run" + of));
    }
    if (GridChart.drawn(first)) {
      charts.add(
          new IndexPage.Chart(
              GridChart.FILE,
              "The site as the grid sees it: grid import, battery, violations, spectrum" + of));
    }
    if (InferenceChart.drawn(first)) {
      charts.add(
          new IndexPage.Chart(
              InferenceChart.FILE, "Inference demand, served tokens, power and p99 latency" + of));
    }
    if (CostChart.drawn(set)) {
      charts.add(new IndexPage.Chart(CostChart.FILE, "Annual cost and cost per million tokens"));
    }
    List<String> notes = new ArrayList<>(SummaryJson.notes(set));
    if (!PowerChart.showsZoom(first)) {
      notes.add(PowerChart.noZoomNote(first));
    }
    if (!LostProductionChart.hasLosses(first)) {
      notes.add(LostProductionChart.noLossNote(first));
    }
    IndexPage.write(
        dir,
        first.scenario() + (r > 1 ? " - " + Human.count(r) + " replications" : " - run"),
        facts,
        sections,
        charts,
        notes);
  }

  private static HtmlTable keyFigures(Figures f, RunResult first) {
    HtmlTable t = new HtmlTable(List.of("figure", "value", "", "unit"), false, true, true, false);
    String[] energies = {
      MetricKeys.ENERGY_GPU_MWH, MetricKeys.ENERGY_IT_MWH, MetricKeys.ENERGY_FACILITY_MWH
    };
    int de = f.decimals(1, Human.decimalsFor(values(f, energies)), energies);
    row(t, "GPU energy", f, MetricKeys.ENERGY_GPU_MWH, 1, de, "MWh");
    row(t, "IT energy", f, MetricKeys.ENERGY_IT_MWH, 1, de, "MWh");
    row(t, "Facility energy", f, MetricKeys.ENERGY_FACILITY_MWH, 1, de, "MWh");
    row(t, "PUE", f, MetricKeys.PUE, 1, f.decimals(1, 3, MetricKeys.PUE), "");
    countRow(t, "Tokens", f, MetricKeys.TOKENS, "tokens");
    countRow(t, "Tokens per kWh facility", f, MetricKeys.TOKENS_PER_KWH_FACILITY, "tokens/kWh");
    row(
        t,
        "Utilisation",
        f,
        MetricKeys.UTILISATION,
        100,
        f.decimals(100, 1, MetricKeys.UTILISATION),
        "%");
    row(t, "ETTR", f, MetricKeys.ETTR, 100, f.decimals(100, 1, MetricKeys.ETTR), "%");
    String[] power = {
      MetricKeys.POWER_PEAK_MW,
      MetricKeys.POWER_MEAN_MW,
      MetricKeys.POWER_MIN_MW,
      MetricKeys.POWER_SWING_MW
    };
    int dp = f.decimals(1, Human.decimalsFor(values(f, power)), power);
    row(t, "Peak site power", f, MetricKeys.POWER_PEAK_MW, 1, dp, "MW");
    row(t, "Mean site power", f, MetricKeys.POWER_MEAN_MW, 1, dp, "MW");
    row(t, "Min site power", f, MetricKeys.POWER_MIN_MW, 1, dp, "MW");
    row(t, "Swing", f, MetricKeys.POWER_SWING_MW, 1, dp, "MW");
    String ramp = MetricKeys.POWER_MAX_RAMP_MW_PER_S;
    row(t, "Max ramp", f, ramp, 1, f.decimals(1, Human.decimalsFor(f.value(ramp)), ramp), "MW/s");
    String installed = MetricKeys.GPU_HOURS_INSTALLED;
    int dh = Human.decimalsFor(f.value(installed));
    row(t, "Installed GPU-hours", f, installed, 1, dh, "GPU-h");
    row(t, "Productive GPU-hours", f, MetricKeys.GPU_HOURS_PRODUCTIVE, 1, dh, "GPU-h");
    if (f.value(MetricKeys.LOST_IDEAL_TOKENS) > 0) {
      countRow(t, "Lost production", f, MetricKeys.LOST_TOTAL, "tokens");
    }
    if (!first.causes().isEmpty()) {
      countRow(t, "Interruptions", f, MetricKeys.INTERRUPTIONS, "");
    }
    return t;
  }

  private static HtmlTable jobs(Figures f, RunResult first) {
    HtmlTable t =
        new HtmlTable(
            List.of("job", "cluster", "GPUs", "tokens", "", "ETTR (%)", "", "checkpoint interval"),
            false,
            false,
            true,
            true,
            true,
            true,
            true,
            false);
    for (JobResult j : first.jobs()) {
      String tokens = MetricKeys.job(j.name(), MetricKeys.TOKENS);
      String ettr = MetricKeys.job(j.name(), MetricKeys.ETTR);
      String[] tk = SummarySections.count(f, tokens);
      String[] et = SummarySections.figure(f, ettr, 100, f.decimals(100, 1, ettr));
      double interval = f.value(MetricKeys.job(j.name(), MetricKeys.JOB_CHECKPOINT_INTERVAL_S));
      t.row(
          j.name(),
          j.cluster(),
          Human.count(j.gpus()),
          tk[0],
          spread(tk),
          et[0],
          spread(et),
          Double.isFinite(interval) ? Human.duration(interval) : "none");
    }
    return t;
  }

  /** Every metric as in summary.csv. */
  private static HtmlTable allMetrics(ReplicationSet set) {
    HtmlTable t =
        new HtmlTable(
            List.of("metric", "unit", "mean", "sd", "ci95", "n"),
            false,
            false,
            true,
            true,
            true,
            true);
    for (MetricStats s : set.stats()) {
      t.row(
          s.key(),
          s.unit(),
          Formats.mean(s),
          Formats.spread(s.sd(), s.mean()),
          Formats.spread(s.ci95(), s.mean()),
          Integer.toString(s.n()));
    }
    return t;
  }

  private static void row(
      HtmlTable t, String label, Figures f, String key, double scale, int decimals, String unit) {
    String[] c = SummarySections.figure(f, key, scale, decimals);
    t.row(label, c[0], spread(c), unit);
  }

  private static void countRow(HtmlTable t, String label, Figures f, String key, String unit) {
    String[] c = SummarySections.count(f, key);
    t.row(label, c[0], spread(c), unit);
  }

  /** {@code ± 1.2} from the cells of {@link SummarySections#figure}; empty without one. */
  private static String spread(String[] cells) {
    return cells[1].isEmpty() ? "" : PM + " " + cells[2];
  }

  private static double[] values(Figures f, String... keys) {
    double[] v = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      v[i] = f.value(keys[i]);
    }
    return v;
  }
}
