package org.aifactory.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code run.json}: how long the run took and on what. Differs from run to run, which is why it is
 * kept out of {@code summary.json}.
 */
final class RunJson {
  static final String FILE = "run.json";

  private RunJson() {}

  static void write(RunTimings timings, Path file) throws IOException {
    Files.writeString(file, render(timings), StandardCharsets.UTF_8);
  }

  static String render(RunTimings timings) {
    return Json.write(
        g -> {
          g.writeStartObject();
          g.writeFieldName("simulation_wall_seconds");
          Json.number(g, Formats.number(timings.simulationWallSeconds()));
          g.writeFieldName("total_wall_seconds");
          Json.number(g, Formats.number(timings.totalWallSeconds()));
          g.writeNumberField("events_processed", timings.eventsProcessed());
          g.writeFieldName("events_per_second");
          Json.number(g, Formats.number(timings.eventsPerSecond()));
          g.writeStringField("java_version", System.getProperty("java.version"));
          g.writeNumberField("available_processors", Runtime.getRuntime().availableProcessors());
          g.writeEndObject();
        });
  }
}
