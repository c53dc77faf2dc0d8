package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json: one shape for a single run and for replications. */
class SummaryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode one(RunResult r) throws Exception {
    return MAPPER.readTree(SummaryJson.render(ReplicationSet.of(r)));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Every field's path, depth first, in order; array elements by index; notes left out. */
  private static List<String> paths(JsonNode node, String at, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("notes")) {
          out.add(at + "/" + e.getKey());
          paths(e.getValue(), at + "/" + e.getKey(), out);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        paths(node.get(i), at + "/" + i, out);
      }
    }
    return out;
  }

  @Test
  void oneRunAndReplicationsHaveTheSameKeys() throws Exception {
    RunResult r = Results.realistic(PulseResolution.AVERAGED);
    JsonNode single = one(r);
    JsonNode many = MAPPER.readTree(SummaryJson.render(Results.replications(r, 5)));
    assertThat(paths(single, "", new ArrayList<>()))
        .isNotEmpty()
        .containsExactlyElementsOf(paths(many, "", new ArrayList<>()));
    assertThat(single.get("replications").asInt()).isEqualTo(1);
    assertThat(many.get("replications").asInt()).isEqualTo(5);
    assertThat(keys(single.at("/energy_it_mwh"))).containsExactly("mean", "sd", "ci95", "n");
    assertThat(keys(many.at("/jobs/0/ettr"))).containsExactly("mean", "sd", "ci95", "n");
  }

  @Test
  void topLevelKeysInOrder() throws Exception {
    JsonNode json = one(Results.small(PulseResolution.FULL));
    assertThat(keys(json))
        .containsExactly(
            "scenario",
            "seed",
            "pulse_resolution",
            "replications",
            "horizon_hours",
            "gpus",
            "energy_gpu_mwh",
            "energy_it_mwh",
            "energy_facility_mwh",
            "pue",
            "tokens",
            "tokens_per_joule_it",
            "tokens_per_kwh_facility",
            "utilisation",
            "ettr",
            "gpu_hours",
            "throttling",
            "power_mw",
            "interruptions",
            "lost_production",
            "events_processed",
            "jobs",
            "units",
            "notes");
    assertThat(json.get("scenario").asText()).isEqualTo("small-test");
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("pulse_resolution").asText()).isEqualTo("full");
    assertThat(keys(json.get("gpu_hours")))
        .containsExactly(
            "installed",
            "productive",
            "lost_work",
            "throttled",
            "checkpoint",
            "restart",
            "waiting",
            "idle",
            "down",
            "compute",
            "communication");
  }

  @Test
  void aSingleRunHasItsValueAsMeanWithoutSpread() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    JsonNode json = one(r);
    assertThat(json.at("/gpu_hours/compute").toString())
        .isEqualTo("{\"mean\":106168,\"sd\":null,\"ci95\":null,\"n\":1}"); // 196,608 x 0.54
    assertThat(json.at("/power_mw/peak/mean").asDouble()).isEqualTo(27.0);
    assertThat(json.at("/tokens/mean").isIntegralNumber()).isTrue();
    assertThat(json.at("/tokens/mean").asLong()).isEqualTo(2_469_135_780_245L);
    assertThat(json.at("/interruptions/mean").asLong()).isEqualTo(39);
    assertThat(json.at("/interruptions_by_cause/faulty_gpu/mean").asLong()).isEqualTo(21);
    // every metric but the jobs' is at its nested place
    for (Metric m : r.metrics()) {
      if (MetricKeys.isJobKey(m.key())) {
        continue;
      }
      JsonNode node = json.at("/" + m.key().replace('.', '/'));
      assertThat(keys(node)).as(m.key()).containsExactly("mean", "sd", "ci95", "n");
      assertThat(node.get("sd").isNull()).as(m.key()).isTrue();
      assertThat(node.get("ci95").isNull()).as(m.key()).isTrue();
      if (Double.isFinite(m.value())) {
        assertThat(node.get("n").asInt()).as(m.key()).isEqualTo(1);
        assertThat(node.get("mean").asText()).as(m.key()).isEqualTo(Formats.metric(m));
      } else {
        assertThat(node.get("n").asInt()).as(m.key()).isZero();
        assertThat(node.get("mean").isNull()).as(m.key()).isTrue();
      }
    }
    assertThat(json.has("job")).isFalse(); // jobs are in one place: "jobs"
  }

  @Test
  void jobsHaveTheirSettingsAndEveryFigure() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    JsonNode jobs = one(r).get("jobs");
    assertThat(jobs.size()).isEqualTo(2);
    JsonNode a = jobs.get(0);
    assertThat(keys(a))
        .containsExactly(
            "name",
            "cluster",
            "gpus",
            "iterations",
            "tokens",
            "checkpoints",
            "energy_gpu_mwh",
            "ettr",
            "interruptions",
            "interruptions_by_cause",
            "completion_hours",
            "checkpoint_interval_s",
            "mtbi_hours",
            "mtbf_kill_hours",
            "lost_production",
            "lost_production_by_cause");
    assertThat(a.get("name").asText()).isEqualTo("pretrain-a");
    assertThat(a.get("cluster").asText()).isEqualTo("east");
    assertThat(a.get("gpus").asInt()).isEqualTo(8192);
    assertThat(a.at("/iterations/mean").asLong()).isEqualTo(10_000);
    assertThat(a.at("/tokens/mean").asLong()).isEqualTo(1_234_567_890_123L);
    assertThat(a.at("/checkpoints/mean").asLong()).isEqualTo(12);
    assertThat(a.at("/energy_gpu_mwh/mean").asText())
        .isEqualTo(Formats.number(r.jobs().get(0).energyGpuJoules() / 3.6e9));
    assertThat(a.at("/ettr/mean").asDouble()).isEqualTo(0.9123);
    assertThat(a.at("/interruptions/mean").asLong()).isEqualTo(23);
    assertThat(keys(a.get("interruptions_by_cause"))).containsExactlyElementsOf(Results.CAUSES);
    assertThat(a.at("/interruptions_by_cause/software_bug/mean").asLong()).isEqualTo(5);
    assertThat(a.at("/completion_hours/mean").isNull()).isTrue(); // NaN
    assertThat(a.at("/completion_hours/n").asInt()).isZero();
    assertThat(jobs.at("/1/completion_hours/mean").asDouble()).isEqualTo(10.5);
    assertThat(a.at("/checkpoint_interval_s/mean").asDouble()).isEqualTo(1800);
    assertThat(a.at("/mtbf_kill_hours/mean").asDouble()).isEqualTo(0.521739); // 12 h / 23

    assertThat(keys(a.get("lost_production")))
        .containsExactly(
            "ideal_tokens",
            "total",
            "checkpoint",
            "lost_work",
            "restart",
            "waiting",
            "throttling",
            "incomplete_iteration");
    assertThat(a.at("/lost_production/incomplete_iteration/mean").asLong()).isEqualTo(1_500_000L);
    // 23 interruptions x 2.5e9 tokens of lost work
    assertThat(a.at("/lost_production/lost_work/mean").asLong()).isEqualTo(57_500_000_000L);
    assertThat(keys(a.get("lost_production_by_cause"))).containsExactlyElementsOf(Results.CAUSES);
    // faulty_gpu: 12 interruptions x (2.5e9 lost + 0.4e9 restart + 0.3e9 waiting)
    assertThat(a.at("/lost_production_by_cause/faulty_gpu/mean").asLong())
        .isEqualTo(38_400_000_000L);
  }

  @Test
  void aJobWhoseNameHasADotKeepsItsNameAndFigures() throws Exception {
    RunResult r =
        Results.withJobNames(Results.realistic(PulseResolution.FULL), "llama3.1-405b", "b");
    JsonNode a = one(r).at("/jobs/0");
    assertThat(a.get("name").asText()).isEqualTo("llama3.1-405b");
    assertThat(a.at("/ettr/mean").asDouble()).isEqualTo(0.9123);
    assertThat(a.at("/checkpoint_interval_s/mean").asDouble()).isEqualTo(1800);
  }

  @Test
  void failureFreeRunsHaveNoCauses() throws Exception {
    JsonNode json = one(Results.failureFree(PulseResolution.FULL));
    assertThat(json.has("interruptions_by_cause")).isFalse();
    assertThat(json.has("lost_production_by_cause")).isFalse();
    assertThat(json.at("/interruptions/mean").asLong()).isZero();
    JsonNode a = json.get("jobs").get(0);
    assertThat(a.has("interruptions_by_cause")).isFalse();
    assertThat(a.has("lost_production_by_cause")).isFalse();
    assertThat(a.at("/mtbf_kill_hours/mean").isNull()).isTrue(); // infinite
    assertThat(a.at("/lost_production/lost_work/mean").asLong()).isZero();
  }

  @Test
  void unitsOfEveryMetricAndNotes() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL);
    JsonNode json = one(r);
    JsonNode units = json.get("units");
    assertThat(units.size()).isEqualTo(r.metrics().size());
    for (Metric m : r.metrics()) {
      assertThat(units.get(m.key()).asText()).isEqualTo(m.unit());
    }
    assertThat(units.get("gpu_hours.compute").asText()).isEqualTo("GPU·h");
    assertThat(units.get("job.pretrain-a.energy_gpu_mwh").asText()).isEqualTo("MWh");
    assertThat(json.get("notes").size()).isEqualTo(1);
    assertThat(json.at("/notes/0").asText())
        .isEqualTo(SummaryJson.STATS_NOTE)
        .contains("With one replication, mean is the run's value");

    JsonNode many = MAPPER.readTree(SummaryJson.render(Results.replications(3)));
    List<String> notes = new ArrayList<>();
    many.get("notes").forEach(n -> notes.add(n.asText()));
    assertThat(notes)
        .containsExactly(
            SummaryJson.AVERAGED_NOTE, SummaryJson.STATS_NOTE, SummaryJson.REPLICATIONS_NOTE);
  }

  @Test
  void averagedResolutionIsNoted() throws Exception {
    JsonNode json = one(Results.small(PulseResolution.AVERAGED));
    assertThat(json.get("pulse_resolution").asText()).isEqualTo("averaged");
    assertThat(json.get("notes").get(0).asText())
        .contains("averaged")
        .contains("peak")
        .contains("ramp")
        .contains("swing")
        .contains("pulse_resolution: full");
  }

  @Test
  void byteIdenticalWhenWrittenTwiceAndWhateverTheLocale() throws Exception {
    Path first = dir.resolve("a.json");
    Path second = dir.resolve("b.json");
    SummaryJson.write(ReplicationSet.of(Results.realistic(PulseResolution.AVERAGED)), first);
    Locales.german(
        () -> {
          SummaryJson.write(ReplicationSet.of(Results.realistic(PulseResolution.AVERAGED)), second);
          return null;
        });
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    String text = Files.readString(first);
    assertThat(text).startsWith("{\n  \"scenario\": \"gpt-pretrain-16k\",\n").endsWith("}\n");
    assertThat(text).doesNotContain("\r");
  }

  @Test
  void nonFiniteValuesAreNull() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL);
    RunResult noIt =
        new RunResult(
            r.scenario(),
            r.seed(),
            Duration.ofHours(1),
            r.pulseResolution(),
            0,
            0,
            0,
            0,
            0,
            new GpuHours(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            new PowerStats(0, 0, 0, 0, 0, 1),
            0,
            List.of(),
            r.series(),
            0,
            List.of(),
            List.of(),
            java.util.Optional.empty());
    JsonNode json = one(noIt);
    assertThat(json.at("/pue/mean").isNull()).isTrue(); // 0 / 0
    assertThat(json.at("/pue/n").asInt()).isZero();
    assertThat(json.at("/utilisation/mean").isNull()).isTrue();
    assertThat(json.get("jobs").size()).isZero();
    assertThat(json.at("/power_mw/peak/mean").asText()).isEqualTo("0");
  }

  @Test
  void nestingKeepsFirstPlaceAndRejectsClashes() {
    var tree =
        SummaryJson.nest(
            List.of(
                new Metric("a.x", "1", "", 1),
                new Metric("b", "1", "", 2),
                new Metric("a.y", "1", "", 3),
                new Metric("c.d.e", "1", "", 4)),
            Metric::key);
    assertThat(tree.keySet()).containsExactly("a", "b", "c");
    assertThat(((java.util.Map<?, ?>) tree.get("a")).keySet().toString()).isEqualTo("[x, y]");

    assertThatThrownBy(
            () ->
                SummaryJson.nest(
                    List.of(new Metric("a", "1", "", 1), new Metric("a.b", "1", "", 2)),
                    Metric::key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.b");
    assertThatThrownBy(
            () ->
                SummaryJson.nest(
                    List.of(new Metric("a", "1", "", 1), new Metric("a", "1", "", 2)), Metric::key))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
