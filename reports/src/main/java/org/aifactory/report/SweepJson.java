package org.aifactory.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;
import org.aifactory.metrics.SweepResult.Optimum;

/**
 * {@code sweep.json}: the sweep, byte-identical for the same result. {@code parameters}: each
 * varied path with its {@code values} as applied and, when they are quantities of one kind, their
 * {@code numbers} in {@code unit}; {@code points} in sweep order, each with its {@code values} by
 * path, its {@code mark} and every metric as {@code {mean, sd, ci95, n}} under its key ({@code
 * .points[0].metrics.tokens.mean}; a key with dots is one name: {@code
 * .points[0].metrics["gpu_hours.compute"]}); {@code best} and each point's {@code gap_to_best} when
 * a best point was asked for; {@code units} (metric key → unit) and {@code notes}.
 */
final class SweepJson {
  static final String FILE = "sweep.json";

  /** How points are ordered, for the notes of every sweep. */
  static final String ORDER =
      "Points are in sweep order: the first parameter's values outermost, the last parameter's"
          + " changing fastest (as nested loops in the order of the --vary options).";

  private SweepJson() {}

  static void write(SweepResult r, Path file) throws IOException {
    Files.writeString(file, render(r), StandardCharsets.UTF_8);
  }

  static String render(SweepResult r) {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("scenario", r.scenario());
          g.writeNumberField("seed", r.seed());
          g.writeNumberField("replications", r.replications());
          g.writeArrayFieldStart("parameters");
          for (SweepResult.Parameter p : r.parameters()) {
            g.writeStartObject();
            g.writeStringField("path", p.path());
            g.writeArrayFieldStart("values");
            for (String v : p.values()) {
              g.writeString(v);
            }
            g.writeEndArray();
            if (p.numeric()) {
              g.writeStringField("unit", p.unit());
              g.writeArrayFieldStart("numbers");
              for (double n : p.numbers()) {
                Json.number(g, Formats.number(n));
              }
              g.writeEndArray();
            } else {
              g.writeNullField("unit");
              g.writeNullField("numbers");
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("charted");
          for (String key : r.charted()) {
            g.writeString(key);
          }
          g.writeEndArray();
          g.writeFieldName("best");
          if (r.optimum().isPresent()) {
            Optimum o = r.optimum().get();
            g.writeStartObject();
            g.writeStringField("metric", o.metric());
            g.writeStringField("goal", o.goal());
            g.writeNumberField("point", o.best());
            g.writeArrayFieldStart("not_distinguishable");
            for (int p = 0; p < r.points().size(); p++) {
              if (p != o.best() && o.notDistinguishable().get(p)) {
                g.writeNumber(p);
              }
            }
            g.writeEndArray();
            g.writeEndObject();
          } else {
            g.writeNull();
          }
          g.writeArrayFieldStart("points");
          for (int p = 0; p < r.points().size(); p++) {
            g.writeStartObject();
            g.writeObjectFieldStart("values");
            for (int i = 0; i < r.parameters().size(); i++) {
              g.writeStringField(r.parameters().get(i).path(), r.value(p, i));
            }
            g.writeEndObject();
            String mark = r.mark(p);
            if (mark.isEmpty()) {
              g.writeNullField("mark");
            } else {
              g.writeStringField("mark", mark);
            }
            if (r.optimum().isPresent()) {
              g.writeFieldName("gap_to_best");
              Json.stats(g, r.optimum().get().gapToBest().get(p));
            }
            g.writeObjectFieldStart("metrics");
            for (MetricStats m : r.points().get(p).metrics()) {
              g.writeFieldName(m.key());
              Json.stats(g, m);
            }
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeObjectFieldStart("units");
          for (Map.Entry<String, String> e : r.units().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeArrayFieldStart("notes");
          g.writeString(ORDER);
          for (String note : r.notes()) {
            g.writeString(note);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
