package org.aifactory.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;

/**
 * {@code summary.json}, one shape for a single run and for replications, byte-identical for the
 * same set. Keys: {@code scenario}, {@code seed}, {@code pulse_resolution}, {@code replications},
 * every metric but the jobs' in {@link RunResult#metrics()} order (a dot in a key nests it), {@code
 * jobs} (one object per job: {@code name}, {@code cluster}, {@code gpus}, then the job's metrics
 * nested the same way), {@code units} (metric key → unit) and {@code notes}. Every metric is {@code
 * {"mean", "sd", "ci95", "n"}}: a single run has its value as mean, sd and ci95 null, n 1.
 */
final class SummaryJson {
  static final String FILE = "summary.json";

  static final String AVERAGED_NOTE =
      "Pulse resolution is averaged: each training iteration's compute and communication phases"
          + " are folded into their mean power, so power_mw.peak, power_mw.min, power_mw.swing and"
          + " power_mw.max_ramp_mw_per_s do not show individual iteration pulses. Energy, tokens"
          + " and GPU-hours are unaffected. Use pulse_resolution: full to see the pulses. With a"
          + " power chain, conductor (I2R) losses follow the iteration's mean square power, as"
          + " with the pulses; the UPS loss is taken at the mean power, slightly low when the"
          + " phases straddle the UPS curve's low-load knee (README: pulse resolution).";

  static final String STATS_NOTE =
      "Every metric is {mean, sd, ci95, n} over the replications: the sample mean, sd (sample"
          + " standard deviation), ci95 (half-width of the 95 % confidence interval of the mean,"
          + " Student t with n - 1 degrees of freedom) and n (replications with a finite value; a"
          + " job that never completed or a cause-free MTBF is left out). With one replication,"
          + " mean is the run's value, sd and ci95 are null and n is 1 (0 without a finite value).";

  static final String REPLICATIONS_NOTE =
      "Per-replication values are in replications.csv. power.png, timeseries.csv, window.csv,"
          + " events.csv and lost_production.png show replication 0 only; run.json covers all"
          + " replications.";

  /** Writes one leaf of the metric tree. */
  @FunctionalInterface
  interface Leaf<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private SummaryJson() {}

  static void write(ReplicationSet set, Path file) throws IOException {
    Files.writeString(file, render(set), StandardCharsets.UTF_8);
  }

  static String render(ReplicationSet set) {
    RunResult first = set.first();
    List<MetricStats> stats = set.stats();
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("scenario", first.scenario());
          g.writeNumberField("seed", first.seed());
          g.writeStringField("pulse_resolution", Formats.resolution(first.pulseResolution()));
          g.writeNumberField("replications", set.replications());
          List<MetricStats> run =
              stats.stream().filter(s -> !MetricKeys.isJobKey(s.key())).toList();
          writeTree(g, nest(run, MetricStats::key), Json::stats);
          g.writeArrayFieldStart("jobs");
          for (JobResult job : first.jobs()) {
            writeJob(g, job, stats);
          }
          g.writeEndArray();
          g.writeObjectFieldStart("units");
          for (MetricStats s : stats) {
            g.writeStringField(s.key(), s.unit());
          }
          g.writeEndObject();
          g.writeArrayFieldStart("notes");
          for (String note : notes(set)) {
            g.writeString(note);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** The job's name, cluster and GPUs (the same in every replication), then its metrics. */
  private static void writeJob(JsonGenerator g, JobResult job, List<MetricStats> stats)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", job.name());
    g.writeStringField("cluster", job.cluster());
    g.writeNumberField("gpus", job.gpus());
    List<MetricStats> own =
        stats.stream().filter(s -> MetricKeys.withinJob(job.name(), s.key()) != null).toList();
    writeTree(g, nest(own, s -> MetricKeys.withinJob(job.name(), s.key())), Json::stats);
    g.writeEndObject();
  }

  static List<String> notes(ReplicationSet set) {
    List<String> notes = new ArrayList<>();
    if (!set.first().pulsesResolved()) {
      notes.add(AVERAGED_NOTE);
    }
    notes.add(STATS_NOTE);
    if (set.replications() > 1) {
      notes.add(REPLICATIONS_NOTE);
    }
    return notes;
  }

  /**
   * Items as an insertion-ordered tree by their keys: "a.b" puts leaf b in object a, which takes
   * the place of the first key that starts with "a.".
   */
  static <T> Map<String, Object> nest(List<T> items, Function<T, String> keyOf) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (T item : items) {
      String key = keyOf.apply(item);
      String[] parts = key.split("\\.", -1);
      Map<String, Object> node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        if (!(child instanceof Map)) {
          throw new IllegalArgumentException(
              "metric key " + key + " nests under " + parts[i] + ", which is a metric itself");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) child;
        node = next;
      }
      String leaf = parts[parts.length - 1];
      if (node.putIfAbsent(leaf, new Node<>(item)) != null) {
        throw new IllegalArgumentException("metric key " + key + " is used twice");
      }
    }
    return root;
  }

  /** A leaf of {@link #nest}'s tree. */
  record Node<T>(T item) {}

  static <T> void writeTree(JsonGenerator g, Map<String, Object> tree, Leaf<T> leaf)
      throws IOException {
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      g.writeFieldName(e.getKey());
      if (e.getValue() instanceof Node<?> node) {
        @SuppressWarnings("unchecked")
        T item = (T) node.item();
        leaf.write(g, item);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) e.getValue();
        g.writeStartObject();
        writeTree(g, child, leaf);
        g.writeEndObject();
      }
    }
  }
}
