package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationReportsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.parse(in).getRecords();
    }
  }

  @Test
  void writesAllFilesAtomically() throws Exception {
    Path out = dir.resolve("reps");
    OutputDirectory.write(
        out, d -> ReplicationReports.writeAll(Results.replications(5), Results.timings(), d));
    assertThat(RunReportsTest.names(out))
        .containsExactly(
            "events.csv",
            "index.html",
            "lost_production.png",
            "power.png",
            "replications.csv",
            "run.json",
            "summary.csv",
            "summary.json",
            "timeseries.csv",
            "window.csv");
    Pngs.read(out.resolve("power.png"), PowerChart.WIDTH, PowerChart.HEIGHT);
    Pngs.read(
        out.resolve("lost_production.png"), LostProductionChart.WIDTH, LostProductionChart.HEIGHT);
    // replication 0's files are the single-run writers' files
    Path single = dir.resolve("single");
    Files.createDirectories(single);
    RunReports.writeAll(Results.replications(5).first(), Results.timings(), single);
    for (String file : List.of("timeseries.csv", "window.csv", "events.csv")) {
      assertThat(Files.readAllBytes(out.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(single.resolve(file)));
    }
    assertThat(MAPPER.readTree(out.resolve("run.json").toFile()).get("events_processed").asLong())
        .isEqualTo(123_456_789L);
  }

  @Test
  void summaryJsonGivesEveryMetricAsStatistics() throws Exception {
    ReplicationSet set = Results.replications(5);
    JsonNode json = MAPPER.readTree(SummaryJson.render(set));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 5))
        .containsExactly("scenario", "seed", "pulse_resolution", "replications", "horizon_hours");
    assertThat(keys.subList(keys.size() - 3, keys.size()))
        .containsExactly("jobs", "units", "notes");
    assertThat(json.get("replications").asInt()).isEqualTo(5);

    for (MetricStats s : set.stats()) {
      JsonNode node = node(json, set, s.key());
      List<String> fields = new ArrayList<>();
      node.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).as(s.key()).containsExactly("mean", "sd", "ci95", "n");
      assertThat(node.get("n").asInt()).as(s.key()).isEqualTo(s.n());
      if (Double.isFinite(s.mean())) {
        assertThat(node.get("mean").asText()).as(s.key()).isEqualTo(Formats.mean(s));
      } else {
        assertThat(node.get("mean").isNull()).as(s.key()).isTrue();
      }
      if (Double.isFinite(s.ci95())) {
        assertThat(node.get("ci95").asDouble())
            .as(s.key())
            .isEqualTo(Double.parseDouble(Formats.spread(s.ci95(), s.mean())));
      } else {
        assertThat(node.get("ci95").isNull()).as(s.key()).isTrue();
      }
    }
    // interruptions are 39, 39, 40, 38, 39: a whole mean of counts is exact, the sd has the
    // mean's six digits (39.0000)
    JsonNode interruptions = json.get("interruptions");
    assertThat(interruptions.get("mean").isIntegralNumber()).isTrue();
    assertThat(interruptions.get("mean").asDouble()).isEqualTo(39.0);
    assertThat(interruptions.get("sd").asDouble()).isEqualTo(0.7071); // sqrt(0.5)
    assertThat(interruptions.get("ci95").asDouble()).isPositive();
    assertThat(json.at("/interruptions_by_cause/faulty_gpu/n").asInt()).isEqualTo(5);
    assertThat(json.at("/jobs/0/name").asText()).isEqualTo("pretrain-a");
    assertThat(json.at("/jobs/0/completion_hours/n").asInt()).isZero(); // never finite
    assertThat(json.at("/jobs/0/completion_hours/mean").isNull()).isTrue();
    assertThat(json.at("/gpus/sd").asDouble()).isZero();

    assertThat(json.get("units").size()).isEqualTo(set.stats().size());
    assertThat(json.at("/units/gpu_hours.productive").asText()).isEqualTo("GPU·h");
    assertThat(json.get("notes").size()).isEqualTo(3);
  }

  /** The node of a metric: nested by dots, a job's under its element of "jobs". */
  private static JsonNode node(JsonNode json, ReplicationSet set, String key) {
    for (int j = 0; j < set.first().jobs().size(); j++) {
      String within = MetricKeys.withinJob(set.first().jobs().get(j).name(), key);
      if (within != null) {
        return json.at("/jobs/" + j + "/" + within.replace('.', '/'));
      }
    }
    return json.at("/" + key.replace('.', '/'));
  }

  @Test
  void summaryCsvHasOneRowPerMetric() throws Exception {
    ReplicationSet set = Results.replications(5);
    Path file = dir.resolve("summary.csv");
    SummaryCsv.write(set, file);
    List<CSVRecord> rows = read(file);
    assertThat(rows.get(0).toList()).containsExactly("metric", "unit", "mean", "sd", "ci95", "n");
    List<MetricStats> stats = set.stats();
    assertThat(rows).hasSize(stats.size() + 1);
    for (int i = 0; i < stats.size(); i++) {
      MetricStats s = stats.get(i);
      CSVRecord row = rows.get(i + 1);
      assertThat(row.get(0)).isEqualTo(s.key());
      assertThat(row.get(1)).isEqualTo(s.unit());
      assertThat(row.get(5)).isEqualTo(Integer.toString(s.n()));
      if (Double.isFinite(s.mean())) {
        assertThat(row.get(2)).as(s.key()).isEqualTo(Formats.mean(s));
      } else {
        assertThat(row.get(2)).as(s.key()).isEmpty();
      }
    }
    CSVRecord interruptions =
        rows.stream().filter(row -> row.get(0).equals("interruptions")).findFirst().get();
    assertThat(interruptions.toList())
        .containsExactly("interruptions", "interruptions", "39", "0.7071", "0.878", "5");
  }

  @Test
  void replicationsCsvHasOneRowPerReplication() throws Exception {
    ReplicationSet set = Results.replications(7);
    Path file = dir.resolve("replications.csv");
    ReplicationCsv.writeReplications(set, file);
    List<CSVRecord> rows = read(file);
    List<Metric> layout = set.layout();
    assertThat(rows).hasSize(8);
    List<String> header = rows.get(0).toList();
    assertThat(header.get(0)).isEqualTo("replication");
    assertThat(header.subList(1, header.size()))
        .containsExactlyElementsOf(layout.stream().map(Metric::key).toList());
    int interruptions = header.indexOf("interruptions");
    int energy = header.indexOf("energy_facility_mwh");
    for (int r = 0; r < 7; r++) {
      CSVRecord row = rows.get(r + 1);
      assertThat(row.size()).isEqualTo(header.size());
      assertThat(row.get(0)).isEqualTo(Integer.toString(r));
      assertThat(row.get(interruptions)).matches("\\d+");
      assertThat(Long.parseLong(row.get(interruptions)))
          .isEqualTo(Math.round(set.value(r, interruptions - 1)));
      assertThat(row.get(energy)).isEqualTo(Formats.number(set.value(r, energy - 1)));
    }
    assertThat(rows.get(1).get(header.indexOf("job.pretrain-a.completion_hours"))).isEmpty();
  }

  @Test
  void byteIdenticalWhenWrittenTwiceAndWhateverTheLocale() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    ReplicationReports.writeAll(Results.replications(4), Results.timings(), a);
    Locales.german(
        () -> {
          ReplicationReports.writeAll(Results.replications(4), Results.timings(), b);
          return null;
        });
    for (String file :
        List.of(
            "summary.json",
            "summary.csv",
            "replications.csv",
            "timeseries.csv",
            "window.csv",
            "events.csv")) {
      assertThat(Files.readAllBytes(b.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(a.resolve(file)));
    }
    assertThat(Files.readString(a.resolve("summary.json"))).doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void oneReplicationHasNoConfidenceInterval() throws Exception {
    JsonNode json = MAPPER.readTree(SummaryJson.render(Results.replications(1)));
    assertThat(json.at("/tokens/n").asInt()).isEqualTo(1);
    assertThat(json.at("/tokens/sd").isNull()).isTrue();
    assertThat(json.at("/tokens/ci95").isNull()).isTrue();
    assertThat(json.at("/tokens/mean").asDouble())
        .isCloseTo(Results.replications(1).first().tokens(), within(0.5));
  }
}
