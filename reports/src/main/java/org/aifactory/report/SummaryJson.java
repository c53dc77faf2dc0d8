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
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;

/**
 * {@code summary.json}: the run's figures, byte-identical for the same result. Keys: {@code
 * scenario}, {@code seed}, {@code pulse_resolution}, every metric in {@link RunResult#metrics()}
 * order (a dot in a key nests it), {@code jobs}, {@code units} (metric key → unit) and {@code
 * notes}.
 */
final class SummaryJson {
  static final String FILE = "summary.json";

  static final String AVERAGED_NOTE =
      "Pulse resolution is averaged: each training iteration's compute and communication phases"
          + " are folded into their mean power, so power_mw.peak, power_mw.min, power_mw.swing and"
          + " power_mw.max_ramp_mw_per_s do not show individual iteration pulses. Energy, tokens"
          + " and GPU-hours are unaffected. Use pulse_resolution: full to see the pulses.";

  private static final double JOULES_PER_MWH = 3.6e9;

  private SummaryJson() {}

  static void write(RunResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  static String render(RunResult result) {
    List<Metric> metrics = result.metrics();
    Map<String, Object> tree = nest(metrics);
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("scenario", result.scenario());
          g.writeNumberField("seed", result.seed());
          g.writeStringField("pulse_resolution", Formats.resolution(result.pulseResolution()));
          writeTree(g, tree);
          g.writeArrayFieldStart("jobs");
          for (JobResult job : result.jobs()) {
            writeJob(g, job);
          }
          g.writeEndArray();
          g.writeObjectFieldStart("units");
          for (Metric m : metrics) {
            g.writeStringField(m.key(), m.unit());
          }
          g.writeEndObject();
          g.writeArrayFieldStart("notes");
          for (String note : notes(result)) {
            g.writeString(note);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  static List<String> notes(RunResult result) {
    List<String> notes = new ArrayList<>();
    if (!result.pulsesResolved()) {
      notes.add(AVERAGED_NOTE);
    }
    return notes;
  }

  /**
   * Metrics as an insertion-ordered tree: "a.b" puts leaf b in object a, which takes the place of
   * the first key that starts with "a.".
   */
  static Map<String, Object> nest(List<Metric> metrics) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Metric m : metrics) {
      String[] parts = m.key().split("\\.", -1);
      Map<String, Object> node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        if (!(child instanceof Map)) {
          throw new IllegalArgumentException(
              "metric key " + m.key() + " nests under " + parts[i] + ", which is a metric itself");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) child;
        node = next;
      }
      String leaf = parts[parts.length - 1];
      if (node.putIfAbsent(leaf, m) != null) {
        throw new IllegalArgumentException("metric key " + m.key() + " is used twice");
      }
    }
    return root;
  }

  private static void writeTree(JsonGenerator g, Map<String, Object> tree) throws IOException {
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      g.writeFieldName(e.getKey());
      if (e.getValue() instanceof Metric m) {
        Json.number(g, Formats.metric(m));
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) e.getValue();
        g.writeStartObject();
        writeTree(g, child);
        g.writeEndObject();
      }
    }
  }

  private static void writeJob(JsonGenerator g, JobResult job) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", job.name());
    g.writeStringField("cluster", job.cluster());
    g.writeNumberField("gpus", job.gpus());
    g.writeNumberField("iterations", job.iterations());
    g.writeNumberField("tokens", job.tokens());
    g.writeNumberField("checkpoints", job.checkpoints());
    g.writeFieldName("energy_gpu_mwh");
    Json.number(g, Formats.number(job.energyGpuJoules() / JOULES_PER_MWH));
    g.writeEndObject();
  }
}
