package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aifactory.metrics.GpuHours;
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
            "gpu_hours",
            "power_mw",
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
        .containsExactly("installed", "compute", "communication", "checkpoint", "idle");
    assertThat(json.at("/gpu_hours/compute").asDouble()).isEqualTo(r.gpuHours().compute());
    assertThat(json.at("/power_mw/peak").asDouble()).isEqualTo(r.power().peakWatts() / 1e6);
    assertThat(json.at("/power_mw/max_ramp_mw_per_s").isDouble()).isTrue();

    // every metric is there, with its value, at its (nested) place
    for (Metric m : r.metrics()) {
      JsonNode node = json.at("/" + m.key().replace('.', '/'));
      assertThat(node.isMissingNode()).as(m.key()).isFalse();
      assertThat(node.asDouble())
          .as(m.key())
          .isCloseTo(m.value(), org.assertj.core.data.Offset.offset(0.5));
      if (m.isCount()) {
        assertThat(node.isIntegralNumber()).as(m.key() + " is an integer").isTrue();
      } else {
        assertThat(node.isDouble()).as(m.key() + " is a double").isTrue();
        assertThat(node.asDouble()).as(m.key()).isEqualTo(m.value());
      }
    }
    assertThat(json.get("gpus").isIntegralNumber()).isTrue();
    assertThat(json.get("tokens").isIntegralNumber()).isTrue();
    assertThat(json.get("events_processed").asLong()).isEqualTo(123_456_789L);
    assertThat(json.get("horizon_hours").isDouble()).isTrue();
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
            "name", "cluster", "gpus", "iterations", "tokens", "checkpoints", "energy_gpu_mwh");
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
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      SummaryJson.write(Results.realistic(PulseResolution.AVERAGED), second);
    } finally {
      Locale.setDefault(saved);
    }
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
            new GpuHours(0, 0, 0, 0, 0),
            new PowerStats(0, 0, 0, 0, 0, 1),
            0,
            List.of(),
            r.series());
    JsonNode json = MAPPER.readTree(SummaryJson.render(noIt));
    assertThat(json.get("pue").isNull()).isTrue(); // 0 / 0
    assertThat(json.get("utilisation").isNull()).isTrue();
    assertThat(json.get("jobs").size()).isZero();
    assertThat(json.get("power_mw").get("peak").isDouble()).isTrue();
  }

  @Test
  void nestingKeepsFirstPlaceAndRejectsClashes() {
    var tree =
        SummaryJson.nest(
            List.of(
                new Metric("a.x", "1", "", 1),
                new Metric("b", "1", "", 2),
                new Metric("a.y", "1", "", 3),
                new Metric("c.d.e", "1", "", 4)));
    assertThat(tree.keySet()).containsExactly("a", "b", "c");
    assertThat(((java.util.Map<?, ?>) tree.get("a")).keySet().toString()).isEqualTo("[x, y]");

    assertThatThrownBy(
            () ->
                SummaryJson.nest(
                    List.of(new Metric("a", "1", "", 1), new Metric("a.b", "1", "", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.b");
    assertThatThrownBy(
            () ->
                SummaryJson.nest(List.of(new Metric("a", "1", "", 1), new Metric("a", "1", "", 2))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersAreShortestRoundTripAndLocaleFree() {
    assertThat(Formats.number(12.5)).isEqualTo("12.5");
    assertThat(Formats.number(2.0e-3)).isEqualTo("0.002"); // JDK 17's Double.toString says 0.0020
    assertThat(Formats.number(-0.0)).isEqualTo("0.0");
    assertThat(Formats.number(Double.NaN)).isNull();
    assertThat(Formats.number(Double.POSITIVE_INFINITY)).isNull();
    assertThat(Formats.count(16384.0)).isEqualTo("16384");
    assertThat(Formats.seconds(43_200_000_000_000L)).isEqualTo("43200");
    assertThat(Formats.seconds(500_000_000L)).isEqualTo("0.5");
    assertThat(Formats.seconds(0)).isEqualTo("0");
  }
}
