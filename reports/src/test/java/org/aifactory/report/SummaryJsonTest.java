package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void parsesBackWithKeysInOrderAndNestedMetrics() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL);
    JsonNode json = MAPPER.readTree(SummaryJson.render(r));

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "scenario",
            "seed",
            "pulse_resolution",
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
            "power_mw",
            "interruptions",
            "lost_production",
            "job",
            "events_processed",
            "jobs",
            "units",
            "notes");
    assertThat(json.get("scenario").asText()).isEqualTo("small-test");
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("pulse_resolution").asText()).isEqualTo("full");

    List<String> gpuHourKeys = new ArrayList<>();
    json.get("gpu_hours").fieldNames().forEachRemaining(gpuHourKeys::add);
    assertThat(gpuHourKeys)
        .containsExactly(
            "installed",
            "productive",
            "lost_work",
            "checkpoint",
            "restart",
            "waiting",
            "idle",
            "down",
            "compute",
            "communication");
    assertThat(json.at("/gpu_hours/compute").asDouble()).isEqualTo(1228.8); // 1,024 x 2 h x 0.6
    assertThat(json.at("/power_mw/peak").asDouble()).isEqualTo(2.1);
    assertThat(json.at("/power_mw/max_ramp_mw_per_s").asDouble()).isEqualTo(9.87);

    assertEveryMetricAtItsPlace(r, json);
    assertThat(json.get("gpus").isIntegralNumber()).isTrue();
    assertThat(json.get("tokens").isIntegralNumber()).isTrue();
    assertThat(json.get("events_processed").asLong()).isEqualTo(123_456_789L);
    assertThat(json.get("horizon_hours").asDouble()).isEqualTo(2);
  }

  /** Every metric is there, with its value (null if not finite), at its (nested) place. */
  private static void assertEveryMetricAtItsPlace(RunResult r, JsonNode json) {
    for (Metric m : r.metrics()) {
      JsonNode node = json.at("/" + m.key().replace('.', '/'));
      assertThat(node.isMissingNode()).as(m.key()).isFalse();
      if (!Double.isFinite(m.value())) {
        assertThat(node.isNull()).as(m.key() + " is null").isTrue();
        continue;
      }
      if (m.isCount()) {
        assertThat(node.asDouble()).as(m.key()).isEqualTo(Math.rint(m.value()));
        assertThat(node.isIntegralNumber()).as(m.key() + " is an integer").isTrue();
      } else {
        assertThat(node.asDouble())
            .as(m.key())
            .isEqualTo(Double.parseDouble(Formats.number(m.value())));
      }
    }
  }

  @Test
  void failureMetricsNestByCauseAndJob() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    JsonNode json = MAPPER.readTree(SummaryJson.render(r));
    assertEveryMetricAtItsPlace(r, json);

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsSubsequence(
            "ettr",
            "gpu_hours",
            "power_mw",
            "interruptions",
            "interruptions_by_cause",
            "lost_production",
            "lost_production_by_cause",
            "job",
            "events_processed",
            "jobs");
    List<String> causes = new ArrayList<>();
    json.get("interruptions_by_cause").fieldNames().forEachRemaining(causes::add);
    assertThat(causes).containsExactlyElementsOf(Results.CAUSES);
    assertThat(json.get("interruptions").asLong()).isEqualTo(39);
    assertThat(json.at("/interruptions_by_cause/faulty_gpu").asLong()).isEqualTo(21);
    assertThat(json.at("/interruptions_by_cause/faulty_gpu").isIntegralNumber()).isTrue();
    assertThat(json.at("/lost_production/total").isIntegralNumber()).isTrue();
    assertThat(json.at("/job/pretrain-a/ettr").asDouble()).isEqualTo(0.9123);
    assertThat(json.at("/job/pretrain-a/completion_hours").isNull()).isTrue();
    assertThat(json.at("/job/pretrain-b/completion_hours").asDouble()).isEqualTo(10.5);
    assertThat(json.at("/job/pretrain-b/checkpoint_interval_s").asDouble()).isEqualTo(1523.4);

    // the parts of lost production add up to the total (to rounding)
    long parts = 0;
    for (String part :
        List.of("checkpoint", "lost_work", "restart", "waiting", "incomplete_iteration")) {
      parts += json.at("/lost_production/" + part).asLong();
    }
    assertThat(parts).isCloseTo(json.at("/lost_production/total").asLong(), within(3L));
  }

  @Test
  void jobsHaveFailureFiguresAndLostProduction() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    JsonNode jobs = MAPPER.readTree(SummaryJson.render(r)).get("jobs");
    JsonNode a = jobs.get(0);
    JsonNode b = jobs.get(1);
    assertThat(a.get("ettr").asDouble()).isEqualTo(0.9123);
    assertThat(a.get("interruptions").asLong()).isEqualTo(23);
    assertThat(a.get("interruptions").isIntegralNumber()).isTrue();
    List<String> causes = new ArrayList<>();
    a.get("interruptions_by_cause").fieldNames().forEachRemaining(causes::add);
    assertThat(causes).containsExactlyElementsOf(Results.CAUSES);
    assertThat(a.at("/interruptions_by_cause/software_bug").asLong()).isEqualTo(5);
    assertThat(a.get("completion_hours").isNull()).isTrue(); // NaN
    assertThat(b.get("completion_hours").asDouble()).isEqualTo(10.5);
    assertThat(a.get("checkpoint_interval_s").asDouble()).isEqualTo(1800.0);
    assertThat(a.get("mtbf_kill_hours").asDouble()).isEqualTo(0.521739); // 12 h / 23

    JsonNode lost = a.get("lost_production");
    List<String> lostKeys = new ArrayList<>();
    lost.fieldNames().forEachRemaining(lostKeys::add);
    assertThat(lostKeys)
        .containsExactly(
            "ideal_tokens",
            "total",
            "checkpoint",
            "lost_work",
            "restart",
            "waiting",
            "incomplete_iteration",
            "by_cause");
    LostProduction p = r.jobs().get(0).lostProduction();
    assertThat(lost.get("ideal_tokens").asLong()).isEqualTo(Math.round(p.idealTokens()));
    assertThat(lost.get("total").asLong()).isEqualTo(Math.round(p.total()));
    assertThat(lost.get("lost_work").asLong()).isEqualTo(Math.round(p.lostWork()));
    assertThat(lost.get("incomplete_iteration").asLong()).isEqualTo(1_500_000L);
    List<String> byCause = new ArrayList<>();
    lost.get("by_cause").fieldNames().forEachRemaining(byCause::add);
    assertThat(byCause).containsExactlyElementsOf(Results.CAUSES);
    // faulty_gpu: 12 interruptions × (2.5e9 lost + 0.4e9 restart + 0.3e9 waiting)
    assertThat(lost.at("/by_cause/faulty_gpu").asLong()).isEqualTo(38_400_000_000L);
    assertThat(lost.at("/by_cause/software_bug").asLong()).isEqualTo(14_500_000_000L);
  }

  @Test
  void failureFreeJobsHaveNoCausesAndNullMtbf() throws Exception {
    RunResult r = Results.failureFree(PulseResolution.FULL);
    JsonNode json = MAPPER.readTree(SummaryJson.render(r));
    assertThat(json.has("interruptions_by_cause")).isFalse();
    assertThat(json.has("lost_production_by_cause")).isFalse();
    assertThat(json.get("interruptions").asLong()).isZero();
    JsonNode a = json.get("jobs").get(0);
    assertThat(a.get("interruptions").asLong()).isZero();
    assertThat(a.get("interruptions_by_cause").size()).isZero();
    assertThat(a.get("mtbf_kill_hours").isNull()).isTrue(); // infinite
    assertThat(a.at("/lost_production/by_cause").size()).isZero();
    assertThat(a.at("/lost_production/lost_work").asLong()).isZero();
    assertThat(json.at("/job/pretrain-a/mtbf_kill_hours").isNull()).isTrue();
  }

  @Test
  void hasJobsUnitsAndNoNoteWhenPulsesAreResolved() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL);
    JsonNode json = MAPPER.readTree(SummaryJson.render(r));

    JsonNode jobs = json.get("jobs");
    assertThat(jobs.size()).isEqualTo(2);
    JsonNode a = jobs.get(0);
    List<String> jobKeys = new ArrayList<>();
    a.fieldNames().forEachRemaining(jobKeys::add);
    assertThat(jobKeys)
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
            "mtbf_kill_hours",
            "lost_production");
    assertThat(a.get("name").asText()).isEqualTo("pretrain-a");
    assertThat(a.get("cluster").asText()).isEqualTo("east");
    assertThat(a.get("tokens").isIntegralNumber()).isTrue();
    assertThat(a.get("tokens").asLong()).isEqualTo(1_234_567_890_123L);
    assertThat(a.get("energy_gpu_mwh").asDouble())
        .isEqualTo(r.jobs().get(0).energyGpuJoules() / 3.6e9);

    JsonNode units = json.get("units");
    assertThat(units.size()).isEqualTo(r.metrics().size());
    for (Metric m : r.metrics()) {
      assertThat(units.get(m.key()).asText()).isEqualTo(m.unit());
    }
    assertThat(units.get("gpu_hours.compute").asText()).isEqualTo("GPU·h");
    assertThat(units.get("power_mw.peak").asText()).isEqualTo("MW");

    assertThat(json.get("notes").isArray()).isTrue();
    assertThat(json.get("notes").size()).isZero();
  }

  @Test
  void averagedResolutionIsNoted() throws Exception {
    JsonNode json = MAPPER.readTree(SummaryJson.render(Results.small(PulseResolution.AVERAGED)));
    assertThat(json.get("pulse_resolution").asText()).isEqualTo("averaged");
    assertThat(json.get("notes").size()).isEqualTo(1);
    String note = json.get("notes").get(0).asText();
    assertThat(note)
        .contains("averaged")
        .contains("peak")
        .contains("ramp")
        .contains("swing")
        .contains("pulse_resolution: full");
  }

  @Test
  void byteIdenticalWhenWrittenTwiceAndWhateverTheLocale() throws Exception {
    RunResult r = Results.realistic(PulseResolution.AVERAGED);
    Path first = dir.resolve("a.json");
    Path second = dir.resolve("b.json");
    SummaryJson.write(r, first);
    Locales.german(
        () -> {
          SummaryJson.write(Results.realistic(PulseResolution.AVERAGED), second);
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
    JsonNode json = MAPPER.readTree(SummaryJson.render(noIt));
    assertThat(json.get("pue").isNull()).isTrue(); // 0 / 0
    assertThat(json.get("utilisation").isNull()).isTrue();
    assertThat(json.get("jobs").size()).isZero();
    assertThat(json.get("power_mw").get("peak").asText()).isEqualTo("0");
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
