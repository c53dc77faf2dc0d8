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
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;

/**
 * {@code summary.json}: the run's figures, byte-identical for the same result. Keys: {@code
 * scenario}, {@code seed}, {@code pulse_resolution}, every metric in {@link RunResult#metrics()}
 * order (a dot in a key nests it), {@code jobs}, {@code units} (metric key → unit) and {@code
 * notes}. The layout helpers are shared with the summary of replications.
 */
final class SummaryJson {
  static final String FILE = "summary.json";

  static final String AVERAGED_NOTE =
      "Pulse resolution is averaged: each training iteration's compute and communication phases"
          + " are folded into their mean power, so power_mw.peak, power_mw.min, power_mw.swing and"
          + " power_mw.max_ramp_mw_per_s do not show individual iteration pulses. Energy, tokens"
          + " and GPU-hours are unaffected. Use pulse_resolution: full to see the pulses.";

  private static final double JOULES_PER_MWH = 3.6e9;

  /** Writes one leaf of the metric tree. */
  @FunctionalInterface
  interface Leaf<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private SummaryJson() {}

  static void write(RunResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  static String render(RunResult result) {
    List<Metric> metrics = result.metrics();
    return Json.write(
        g -> {
          g.writeStartObject();
          writeHeader(g, result);
          SummaryJson.<Metric>writeTree(
              g, nest(metrics, Metric::key), (gen, m) -> Json.number(gen, Formats.metric(m)));
          g.writeArrayFieldStart("jobs");
          for (JobResult job : result.jobs()) {
            writeJob(g, job, result.causes());
          }
          g.writeEndArray();
          writeUnitsAndNotes(g, metrics, notes(result));
          g.writeEndObject();
        });
  }

  /** {@code scenario}, {@code seed} and {@code pulse_resolution}. */
  static void writeHeader(JsonGenerator g, RunResult result) throws IOException {
    g.writeStringField("scenario", result.scenario());
    g.writeNumberField("seed", result.seed());
    g.writeStringField("pulse_resolution", Formats.resolution(result.pulseResolution()));
  }

  /** {@code units} (metric key → unit, in order) and {@code notes}. */
  static void writeUnitsAndNotes(JsonGenerator g, List<Metric> metrics, List<String> notes)
      throws IOException {
    g.writeObjectFieldStart("units");
    for (Metric m : metrics) {
      g.writeStringField(m.key(), m.unit());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("notes");
    for (String note : notes) {
      g.writeString(note);
    }
    g.writeEndArray();
  }

  static List<String> notes(RunResult result) {
    List<String> notes = new ArrayList<>();
    if (!result.pulsesResolved()) {
      notes.add(AVERAGED_NOTE);
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

  private static void writeJob(JsonGenerator g, JobResult job, List<String> causes)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", job.name());
    g.writeStringField("cluster", job.cluster());
    g.writeNumberField("gpus", job.gpus());
    g.writeNumberField("iterations", job.iterations());
    g.writeNumberField("tokens", job.tokens());
    g.writeNumberField("checkpoints", job.checkpoints());
    Json.field(g, "energy_gpu_mwh", Formats.number(job.energyGpuJoules() / JOULES_PER_MWH));
    Json.field(g, "ettr", Formats.number(job.ettr()));
    g.writeNumberField("interruptions", job.interruptions());
    g.writeObjectFieldStart("interruptions_by_cause");
    for (String cause : causes) {
      g.writeNumberField(cause, job.interruptionsByCause().getOrDefault(cause, 0L));
    }
    g.writeEndObject();
    Json.field(g, "completion_hours", Formats.number(job.completionHours()));
    Json.field(g, "checkpoint_interval_s", Formats.number(job.checkpointIntervalSeconds()));
    Json.field(g, "mtbf_kill_hours", Formats.number(job.mtbfKillHours()));
    writeLostProduction(g, job.lostProduction(), causes);
    g.writeEndObject();
  }

  /** Tokens, rounded like the {@code lost_production.*} metrics. */
  private static void writeLostProduction(JsonGenerator g, LostProduction p, List<String> causes)
      throws IOException {
    g.writeObjectFieldStart("lost_production");
    Json.field(g, "ideal_tokens", Formats.count(p.idealTokens()));
    Json.field(g, "total", Formats.count(p.total()));
    Json.field(g, "checkpoint", Formats.count(p.checkpoint()));
    Json.field(g, "lost_work", Formats.count(p.lostWork()));
    Json.field(g, "restart", Formats.count(p.restart()));
    Json.field(g, "waiting", Formats.count(p.waiting()));
    Json.field(g, "incomplete_iteration", Formats.count(p.incompleteIteration()));
    g.writeObjectFieldStart("by_cause");
    for (String cause : causes) {
      Json.field(g, cause, Formats.count(p.byCause(cause)));
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
