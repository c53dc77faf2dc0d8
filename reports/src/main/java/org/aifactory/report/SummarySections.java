package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;

import java.util.List;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricKeys.ByCause;
import org.aifactory.metrics.RunResult;

/**
 * Sections shared by the terminal summaries of one run and of replications. They read {@link
 * Figures} by metric key, so a single run shows values and replications show means with {@code +/-
 * ci}: the {@code +/-} and half-width columns are blank, and take no space, for a single run.
 *
 * <p>The main table's columns: label, value, +/-, half-width, unit, share, remark.
 */
final class SummarySections {
  static final String INDENT = "  ";
  static final String SUB = INDENT;

  /** Causes listed by name; the rest are summed up in one line. */
  static final int TOP_CAUSES = 5;

  /** Parts of lost production: metric key and label. */
  private static final String[][] LOST_PARTS = {
    {MetricKeys.LOST_CHECKPOINT, "checkpoint"},
    {MetricKeys.LOST_WORK, "lost work"},
    {MetricKeys.LOST_RESTART, "restart"},
    {MetricKeys.LOST_WAITING, "waiting"},
    {MetricKeys.LOST_THROTTLING, "throttling (caps, thermal)"},
    {MetricKeys.LOST_INCOMPLETE_ITERATION, "incomplete iteration"}
  };

  /** Parts of GPU-hours and lost production that only failures cause. */
  private static final List<String> FAILURE_PARTS =
      List.of(
          MetricKeys.LOST_WORK,
          MetricKeys.LOST_RESTART,
          MetricKeys.LOST_WAITING,
          MetricKeys.GPU_HOURS_LOST_WORK,
          MetricKeys.GPU_HOURS_RESTART,
          MetricKeys.GPU_HOURS_WAITING,
          MetricKeys.GPU_HOURS_DOWN);

  private SummarySections() {}

  /** The title line, then {@code seed N, pulse resolution R} and {@code extra}. */
  static StringBuilder header(String title, RunResult first, String extra) {
    StringBuilder out = new StringBuilder();
    out.append(title).append(": ").append(first.scenario()).append('\n');
    out.append(INDENT)
        .append("seed ")
        .append(first.seed())
        .append(", pulse resolution ")
        .append(Formats.resolution(first.pulseResolution()))
        .append(extra)
        .append("\n\n");
    return out;
  }

  /** An empty main table. */
  static TextTable table() {
    return new TextTable(INDENT, LEFT, RIGHT, LEFT, RIGHT, LEFT, RIGHT, LEFT);
  }

  /**
   * False for a part that only failures cause ({@code lost_work}, {@code restart}, {@code waiting},
   * {@code down}) when there are no failure causes and it is zero: not worth a line.
   */
  static boolean shown(Figures f, String key) {
    if (key.equals(MetricKeys.GPU_HOURS_SERVING)) {
      return !Double.isNaN(f.value(key)); // only factories with inference services
    }
    if (key.equals(MetricKeys.LOST_THROTTLING) || key.equals(MetricKeys.GPU_HOURS_THROTTLING)) {
      return f.value(key) != 0; // only runs with caps or a cooling plant throttle
    }
    return !FAILURE_PARTS.contains(key) || !f.causes().isEmpty() || f.value(key) != 0;
  }

  /** Value, {@code +/-} and half-width cells of {@code key} scaled by {@code scale}. */
  static String[] figure(Figures f, String key, double scale, int decimals) {
    return new String[] {
      f.cell(key, scale, decimals), f.plusMinus(key), f.ciCell(key, scale, decimals)
    };
  }

  /** {@link #figure} of a count. */
  static String[] count(Figures f, String key) {
    return new String[] {f.countCell(key), f.plusMinus(key), f.countCiCell(key)};
  }

  /** A row: label, figure, unit, then a remark. */
  static void row(TextTable t, String label, String[] figure, String unit, String remark) {
    t.rowWithRemark(remark, label, figure[0], figure[1], figure[2], unit);
  }

  /** A row with the share of {@code key} in {@code whole}, then {@code of} ("of installed"). */
  static void shareRow(
      TextTable t,
      String label,
      Figures f,
      String key,
      String[] figure,
      String unit,
      double whole,
      String of) {
    double v = f.value(key);
    boolean share = whole > 0 && Double.isFinite(v);
    t.row(
        label,
        figure[0],
        figure[1],
        figure[2],
        unit,
        share ? Human.percent(v / whole) : "",
        share ? of : "");
  }

  static void horizon(TextTable t, Figures f) {
    double hours = f.value(MetricKeys.HORIZON_HOURS);
    t.rowWithRemark(
        hours >= 48 ? "(" + Human.duration(hours * 3600) + ")" : "",
        "Horizon",
        Human.fixed(hours, 2),
        "",
        "",
        "h");
    t.row("GPUs", Human.count(f.value(MetricKeys.GPUS)));
  }

  static void energy(TextTable t, Figures f) {
    t.line("").line("Energy and production");
    String[] keys = {
      MetricKeys.ENERGY_GPU_MWH, MetricKeys.ENERGY_IT_MWH, MetricKeys.ENERGY_FACILITY_MWH
    };
    int d = decimals(f, keys);
    row(t, "GPU energy", figure(f, keys[0], 1, d), "MWh", "");
    row(t, "IT energy", figure(f, keys[1], 1, d), "MWh", "");
    row(t, "Facility energy", figure(f, keys[2], 1, d), "MWh", "");
    row(t, "PUE", figure(f, MetricKeys.PUE, 1, f.decimals(1, 3, MetricKeys.PUE)), "", "");
    row(t, "Tokens", count(f, MetricKeys.TOKENS), "", "");
    String perKwh = MetricKeys.TOKENS_PER_KWH_FACILITY;
    double v = f.value(perKwh);
    int dk = f.decimals(1, v >= 1000 ? 0 : Human.decimalsFor(v), perKwh);
    row(t, "Tokens per kWh facility", figure(f, perKwh, 1, dk), "tokens/kWh", "");
    percentRow(
        t, "Utilisation", f, MetricKeys.UTILISATION, "(compute + communication GPU-h / installed)");
    percentRow(t, "ETTR", f, MetricKeys.ETTR, "(productive / job GPU-h since the jobs started)");
  }

  private static void percentRow(TextTable t, String label, Figures f, String key, String r) {
    row(t, label, figure(f, key, 100, f.decimals(100, 1, key)), "%", r);
  }

  /** Decimals showing the largest of {@code keys} and their half-widths. */
  private static int decimals(Figures f, String... keys) {
    double[] values = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = f.value(keys[i]);
    }
    return f.decimals(1, Human.decimalsFor(values), keys);
  }

  /** Site power: peak, mean, min, swing and max ramp; a note when pulses are averaged. */
  static void power(TextTable t, Figures f, boolean pulsesResolved) {
    t.line("").line("Site power");
    String[] keys = {
      MetricKeys.POWER_PEAK_MW,
      MetricKeys.POWER_MEAN_MW,
      MetricKeys.POWER_MIN_MW,
      MetricKeys.POWER_SWING_MW
    };
    int d = decimals(f, keys);
    row(t, "Peak", figure(f, keys[0], 1, d), "MW", "");
    row(t, "Mean", figure(f, keys[1], 1, d), "MW", "");
    row(t, "Min", figure(f, keys[2], 1, d), "MW", "");
    row(t, "Swing", figure(f, keys[3], 1, d), "MW", "(peak - min)");
    String ramp = MetricKeys.POWER_MAX_RAMP_MW_PER_S;
    double window = f.value(MetricKeys.POWER_RAMP_WINDOW_S);
    row(
        t,
        "Max ramp",
        figure(f, ramp, 1, decimals(f, ramp)),
        "MW/s",
        "(between " + Human.fixed(window, Human.decimalsFor(window)) + " s averages)");
    if (!pulsesResolved) {
      t.line(INDENT + "Note: pulses are averaged, so peak, min, swing and ramp do not show");
      t.line(INDENT + "individual iteration pulses. Use pulse_resolution: full to see them.");
    }
  }

  /** The cooling plant's figures; nothing without a plant (a fixed PUE). */
  static void cooling(TextTable t, Figures f, RunResult first) {
    if (first.cooling().isEmpty()) {
      return;
    }
    t.line("").line("Cooling (" + first.cooling().get().weather() + ")");
    row(
        t,
        "Cooling energy",
        figure(f, MetricKeys.COOLING_ENERGY_MWH, 1, decimals(f, MetricKeys.COOLING_ENERGY_MWH)),
        "MWh",
        "");
    row(
        t,
        "Cooling part of PUE",
        figure(f, MetricKeys.COOLING_PUE_PART, 1, f.decimals(1, 3, MetricKeys.COOLING_PUE_PART)),
        "",
        "(cooling energy / IT energy)");
    row(
        t,
        "Water",
        figure(f, MetricKeys.COOLING_WATER_M3, 1, decimals(f, MetricKeys.COOLING_WATER_M3)),
        "m3",
        "");
    row(t, "Hottest outdoor hour", figure(f, MetricKeys.COOLING_MAX_OUTDOOR_C, 1, 1), "C", "");
    row(t, "Hottest GPU", figure(f, MetricKeys.COOLING_MAX_GPU_C, 1, 1), "C", "");
    for (org.aifactory.metrics.CoolingResult.LoopResult loop : first.cooling().get().loops()) {
      row(
          t,
          SUB + loop.name() + " loop: hours above setpoint",
          figure(f, MetricKeys.LoopFigure.HOURS_ABOVE_SETPOINT.key(loop.name()), 1, 1),
          "h",
          "");
      row(
          t,
          SUB + loop.name() + " loop: hours at slowdown",
          figure(f, MetricKeys.LoopFigure.HOURS_AT_SLOWDOWN.key(loop.name()), 1, 1),
          "h",
          "(GPUs held by a thermal limit)");
      row(
          t,
          SUB + loop.name() + " loop: trips",
          figure(f, MetricKeys.LoopFigure.TRIPS.key(loop.name()), 1, 0),
          "",
          "");
    }
    row(
        t,
        "Tokens lost to thermal throttling",
        figure(f, MetricKeys.THROTTLING_THERMAL_TOKENS, 1, 0),
        "tokens",
        "");
  }

  /** Tokens lost, by part and by cause; nothing when no job could train. */
  /** Inference beside training: tokens served and dropped, latency, tokens per joule by kind. */
  static void inference(TextTable t, Figures f, RunResult first) {
    if (first.services().isEmpty()) {
      return;
    }
    t.line("").line("Inference");
    double demanded = f.value(MetricKeys.INFERENCE_TOKENS_DEMANDED);
    row(t, "Output tokens demanded", count(f, MetricKeys.INFERENCE_TOKENS_DEMANDED), "tokens", "");
    shareRow(
        t,
        "Served",
        f,
        MetricKeys.INFERENCE_TOKENS_SERVED,
        count(f, MetricKeys.INFERENCE_TOKENS_SERVED),
        "tokens",
        demanded,
        "of demanded");
    shareRow(
        t,
        "Dropped",
        f,
        MetricKeys.INFERENCE_TOKENS_DROPPED,
        count(f, MetricKeys.INFERENCE_TOKENS_DROPPED),
        "tokens",
        demanded,
        "of demanded");
    row(
        t,
        "Tokens per joule, inference",
        figure(f, MetricKeys.TOKENS_PER_JOULE_IT_INFERENCE, 1, 3),
        "tokens/J",
        "(served / IT energy of its systems)");
    row(
        t,
        "Tokens per joule, training",
        figure(f, MetricKeys.TOKENS_PER_JOULE_IT_TRAINING, 1, 3),
        "tokens/J",
        "(trained / the rest of the IT energy)");
    row(
        t,
        "Tokens per kWh, factory",
        count(f, MetricKeys.TOKENS_PER_KWH_FACILITY_ALL),
        "tokens/kWh",
        "(trained + served / facility energy)");
    for (org.aifactory.metrics.ServiceResult s : first.services()) {
      String n = s.name();
      row(
          t,
          SUB + n + ": utilisation",
          figure(f, MetricKeys.service(n, "utilisation"), 100, 1),
          "%",
          "(busy slot-time)");
      row(
          t,
          SUB + n + ": latency p50 / p99",
          new String[] {
            f.cell(MetricKeys.service(n, "latency_p50_s"), 1, 2)
                + " / "
                + f.cell(MetricKeys.service(n, "latency_p99_s"), 1, 2),
            "",
            ""
          },
          "s",
          "(arrival to last token; " + s.resolution() + " resolution)");
      row(
          t,
          SUB + n + ": first token p99",
          figure(f, MetricKeys.service(n, "ttft_p99_s"), 1, 2),
          "s",
          "");
    }
  }

  static void lostProduction(TextTable t, Figures f) {
    double ideal = f.value(MetricKeys.LOST_IDEAL_TOKENS);
    if (!(ideal > 0)) {
      return;
    }
    t.line("")
        .line(
            "Lost production (tokens not trained, vs. a failure- and checkpoint-free run at full"
                + " speed)");
    tokenRow(t, "Ideal tokens", f, MetricKeys.LOST_IDEAL_TOKENS, 0);
    tokenRow(t, "Lost", f, MetricKeys.LOST_TOTAL, ideal);
    for (String[] part : LOST_PARTS) {
      if (shown(f, part[0])) {
        tokenRow(t, SUB + part[1], f, part[0], ideal);
      }
    }
    ByCause lost = ByCause.LOST_PRODUCTION;
    List<String> top = f.topCauses(lost, TOP_CAUSES);
    if (!top.isEmpty()) {
      t.line(INDENT + "Lost to failures, by cause");
      for (String cause : top) {
        tokenRow(t, SUB + cause, f, lost.key(cause), ideal);
      }
      otherCauses(t, f, lost, top, "tokens", ideal, "of ideal");
    }
  }

  private static void tokenRow(TextTable t, String label, Figures f, String key, double ideal) {
    shareRow(t, label, f, key, count(f, key), "tokens", ideal, "of ideal");
  }

  /** Interruptions: the total, how often, and the top causes; nothing without failure causes. */
  static void interruptions(TextTable t, Figures f) {
    if (f.causes().isEmpty()) {
      return;
    }
    t.line("").line("Interruptions");
    double total = f.value(MetricKeys.INTERRUPTIONS);
    double hours = f.value(MetricKeys.HORIZON_HOURS);
    row(
        t,
        "Total",
        count(f, MetricKeys.INTERRUPTIONS),
        "interruptions",
        total > 0 ? "(one every " + Human.duration(hours * 3600 / total) + ")" : "");
    ByCause byCause = ByCause.INTERRUPTIONS;
    List<String> top = f.topCauses(byCause, TOP_CAUSES);
    for (String cause : top) {
      String key = byCause.key(cause);
      shareRow(t, SUB + cause, f, key, count(f, key), "", total, "of all");
    }
    otherCauses(t, f, byCause, top, "", total, "of all");
  }

  /**
   * How the failures of field-replaceable units ended, and the GPU-hours down by domain: only when
   * a failure could take down an FRU alone (the run has these figures).
   */
  static void failureDomains(TextTable t, Figures f) {
    double failures = f.value(MetricKeys.DOMAIN_UNIT_FAILURES);
    if (Double.isNaN(failures)) {
      return;
    }
    t.line("").line("Failure domains (field-replaceable units, e.g. compute trays)");
    row(t, "FRU failures", count(f, MetricKeys.DOMAIN_UNIT_FAILURES), "", "");
    String[][] fates = {
      {MetricKeys.DOMAIN_TAKE_OVERS, "taken over by a spare FRU of the system"},
      {MetricKeys.DOMAIN_SYSTEMS_SHORT, "left the system short: given up"},
      {MetricKeys.DOMAIN_UNUSED_UNIT_FAILURES, "carried no job's GPUs"}
    };
    for (String[] fate : fates) {
      shareRow(t, SUB + fate[1], f, fate[0], count(f, fate[0]), "", failures, "of FRU failures");
    }
    double down = f.value(MetricKeys.GPU_HOURS_DOWN);
    String[] keys = {
      MetricKeys.DOMAIN_UNIT_DOWN_GPU_HOURS, MetricKeys.DOMAIN_SYSTEM_DOWN_GPU_HOURS
    };
    int d = decimals(f, keys);
    shareRow(t, "Down in FRUs", f, keys[0], figure(f, keys[0], 1, d), "GPU-h", down, "of down");
    shareRow(
        t,
        "Down with whole systems",
        f,
        keys[1],
        figure(f, keys[1], 1, d),
        "GPU-h",
        down,
        "of down");
  }

  /**
   * The chain's planned maintenance: hours with a unit out, and the part of them when the load was
   * exposed (on bypass or a battery, a bus on its generators, or a rack group dark); only when some
   * maintenance is planned.
   */
  static void maintenance(TextTable t, Figures f) {
    String out = MetricKeys.CHAIN_MAINTENANCE_HOURS;
    String exposed = MetricKeys.CHAIN_MAINTENANCE_EXPOSURE_HOURS;
    if (Double.isNaN(f.value(out))) {
      return;
    }
    t.line("").line("Planned maintenance of the electrical chain");
    int d = decimals(f, out, exposed);
    row(t, "Units out", figure(f, out, 1, d), "h", "");
    shareRow(
        t, SUB + "load exposed", f, exposed, figure(f, exposed, 1, d), "h", f.value(out), "of out");
  }

  /**
   * What load shaping (GPU smoothing, filler work, rack storage) cost in energy and what it did to
   * the site's peak, swing and ramp, beside the same run unshaped: only when a job's load is
   * shaped.
   */
  static void loadShaping(TextTable t, Figures f) {
    double extra = f.value(MetricKeys.SHAPING_EXTRA_FACILITY_MWH);
    if (Double.isNaN(extra)) {
      return;
    }
    t.line("").line("Load shaping (GPU smoothing, filler work, rack storage)");
    String[] energies = {
      MetricKeys.SHAPING_EXTRA_FACILITY_MWH,
      MetricKeys.SHAPING_FILLER_MWH,
      MetricKeys.SHAPING_FLOOR_MWH,
      MetricKeys.SHAPING_RAMP_MWH,
      MetricKeys.SHAPING_STORAGE_LOSS_MWH,
      MetricKeys.SHAPING_STORAGE_CHANGE_MWH
    };
    int d = decimals(f, energies);
    double facility = f.value(MetricKeys.ENERGY_FACILITY_MWH);
    shareRow(
        t,
        "Site energy added",
        f,
        energies[0],
        figure(f, energies[0], 1, d),
        "MWh",
        facility,
        "of facility");
    String[][] parts = {
      {energies[1], "filler work (GPU)"},
      {energies[2], "holding the floor (GPU)"},
      {energies[3], "ramps and holds (GPU)"},
      {energies[4], "storage losses"},
      {energies[5], "change of stored energy"}
    };
    for (String[] part : parts) {
      if (!Double.isNaN(f.value(part[0]))) {
        row(t, SUB + part[1], figure(f, part[0], 1, d), "MWh", "");
      }
    }
    String[] powers = {MetricKeys.SHAPING_UNSHAPED_PEAK_MW, MetricKeys.SHAPING_UNSHAPED_SWING_MW};
    int p = decimals(f, powers);
    row(t, "Peak without shaping", figure(f, powers[0], 1, p), "MW", "");
    percentRow(t, SUB + "peak cut", f, MetricKeys.SHAPING_PEAK_CUT, "(1 - peak / unshaped)");
    if (!Double.isNaN(f.value(MetricKeys.SHAPING_RACK_PEAK_CUT))) {
      percentRow(
          t, SUB + "a rack's peak cut", f, MetricKeys.SHAPING_RACK_PEAK_CUT, "(by its storage)");
    }
    row(t, "Swing without shaping", figure(f, powers[1], 1, p), "MW", "");
    String ramp = MetricKeys.SHAPING_UNSHAPED_MAX_RAMP_MW_PER_S;
    row(t, "Max ramp without shaping", figure(f, ramp, 1, decimals(f, ramp)), "MW/s", "");
    String limited = MetricKeys.SHAPING_RAMP_LIMITED_GPU_HOURS;
    if (!Double.isNaN(f.value(limited))) {
      row(
          t,
          "Held back by ramp limits",
          figure(f, limited, 1, decimals(f, limited)),
          "GPU-h",
          "(compute phases; work taken as not slowed)");
    }
  }

  /** One line summing up the causes with a positive value that are not in {@code top}. */
  private static void otherCauses(
      TextTable t,
      Figures f,
      ByCause family,
      List<String> top,
      String unit,
      double whole,
      String of) {
    double rest = 0;
    int n = 0;
    for (String cause : f.causes()) {
      double v = f.value(family.key(cause));
      if (!top.contains(cause) && v > 0) {
        rest += v;
        n++;
      }
    }
    if (n == 0) {
      return;
    }
    t.row(
        SUB + n + (n == 1 ? " other cause" : " other causes"),
        f.replications() > 1 && rest < Figures.LARGE_COUNT
            ? Human.fixed(rest, 1)
            : Human.count(rest),
        "",
        "",
        unit,
        whole > 0 ? Human.percent(rest / whole) : "",
        whole > 0 ? of : "");
  }
}
