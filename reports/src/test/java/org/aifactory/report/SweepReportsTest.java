package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.SweepResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportsTest {
  @TempDir Path dir;

  private static MetricStats stats(String key, String unit, double mean, double ci, int n) {
    return new MetricStats(key, unit, "", mean, ci * 2, ci, n);
  }

  /**
   * PUE 1.1, 1.2 × UPS design N+1, 2N: tokens do not change, energy grows with PUE, tokens per kWh
   * fall; the best tokens per kWh is (1.1, N+1), and (1.1, 2N) is not distinguishable from it.
   */
  static SweepResult result(boolean withOptimum) {
    SweepResult.Parameter pue =
        new SweepResult.Parameter("facility.pue", List.of("1.1", "1.2"), "", List.of(1.1, 1.2));
    SweepResult.Parameter design =
        new SweepResult.Parameter("power.ups.design", List.of("N+1", "2N"), "", List.of());
    List<SweepResult.Point> points = new ArrayList<>();
    int[][] values = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    double[] energy = {110.123456789, 110.2, 120.4, 120.5};
    for (int p = 0; p < 4; p++) {
      points.add(
          new SweepResult.Point(
              List.of(values[p][0], values[p][1]),
              List.of(
                  stats("tokens", "tokens", 8_000_000_000.0, 40_000_000.0, 10),
                  stats("energy_facility_mwh", "MWh", energy[p], 0.5, 10),
                  stats("tokens_per_kwh_facility", "tokens/kWh", 8e9 / energy[p] / 1000, 50, 10),
                  stats("ettr", "1", 0.95, Double.NaN, 1))));
    }
    Optional<SweepResult.Optimum> optimum =
        withOptimum
            ? Optional.of(
                new SweepResult.Optimum(
                    "tokens_per_kwh_facility",
                    true,
                    0,
                    List.of(
                        stats("gap_to_best", "tokens/kWh", 0, 0, 10),
                        stats("gap_to_best", "tokens/kWh", 6.6, 10, 10),
                        stats("gap_to_best", "tokens/kWh", 6000, 40, 10),
                        stats("gap_to_best", "tokens/kWh", 6100, 40, 10)),
                    List.of(true, true, false, false)))
            : Optional.empty();
    return new SweepResult(
        "demo",
        7,
        10,
        List.of(pue, design),
        points,
        List.of("tokens", "energy_facility_mwh", "tokens_per_kwh_facility", "ettr"),
        optimum,
        List.of("A note."));
  }

  @Test
  void writesCsvJsonPngAndIndex() throws Exception {
    SweepResult r = result(true);
    SweepReports.writeAll(r, dir);
    assertThat(RunReportsTest.names(dir))
        .containsExactly("index.html", "sweep.csv", "sweep.json", "sweep.png");
    Pngs.read(dir.resolve("sweep.png"), SweepChart.WIDTH, SweepChart.height(r));
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html)
        .contains("<h2>Optimum</h2>")
        .contains("Best (max tokens_per_kwh_facility): facility.pue=1.1, power.ups.design=N+1")
        .contains("not distinguishable from the best")
        .contains("<img src=\"sweep.png\"")
        .contains("A note.");
  }

  @Test
  void csvHasOneRowPerPointAndMetric() throws Exception {
    Path file = dir.resolve("sweep.csv");
    SweepCsv.write(result(true), file);
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(file)) {
      rows = CSVFormat.DEFAULT.parse(in).getRecords();
    }
    assertThat(rows.get(0).toList())
        .containsExactly(
            "facility.pue",
            "power.ups.design",
            "metric",
            "unit",
            "mean",
            "sd",
            "ci95",
            "n",
            "mark");
    assertThat(rows).hasSize(1 + 4 * 4);
    // Sweep order, metrics in their order; six significant digits, spreads to the mean's digit.
    assertThat(rows.get(1).toList())
        .containsExactly(
            "1.1", "N+1", "tokens", "tokens", "8000000000", "80000000", "40000000", "10", "best");
    assertThat(rows.get(2).toList())
        .containsExactly(
            "1.1", "N+1", "energy_facility_mwh", "MWh", "110.123", "1", "0.5", "10", "best");
    assertThat(rows.get(4).toList())
        .containsExactly("1.1", "N+1", "ettr", "1", "0.95", "", "", "1", "best");
    assertThat(rows.get(5).get(1)).isEqualTo("2N");
    assertThat(rows.get(5).get(8)).isEqualTo("not_distinguishable");
    assertThat(rows.get(9).get(0)).isEqualTo("1.2");
    assertThat(rows.get(9).get(8)).isEmpty();
  }

  @Test
  void jsonHasTheParametersThePointsAndTheBest() throws Exception {
    String text = SweepJson.render(result(true));
    assertThat(SweepJson.render(result(true))).isEqualTo(text);
    JsonNode j = new ObjectMapper().readTree(text);
    assertThat(j.get("scenario").asText()).isEqualTo("demo");
    assertThat(j.get("seed").asLong()).isEqualTo(7);
    assertThat(j.get("replications").asInt()).isEqualTo(10);
    assertThat(j.at("/parameters/0/path").asText()).isEqualTo("facility.pue");
    assertThat(j.at("/parameters/0/numbers/1").asDouble()).isEqualTo(1.2);
    assertThat(j.at("/parameters/1/numbers").isNull()).isTrue();
    assertThat(j.at("/best/metric").asText()).isEqualTo("tokens_per_kwh_facility");
    assertThat(j.at("/best/goal").asText()).isEqualTo("max");
    assertThat(j.at("/best/point").asInt()).isZero();
    assertThat(j.at("/best/not_distinguishable/0").asInt()).isEqualTo(1);
    assertThat(j.at("/points/1/values/power.ups.design").asText()).isEqualTo("2N");
    assertThat(j.at("/points/1/mark").asText()).isEqualTo("not_distinguishable");
    assertThat(j.at("/points/2/mark").isNull()).isTrue();
    assertThat(j.at("/points/2/gap_to_best/mean").asDouble()).isEqualTo(6000);
    assertThat(j.at("/points/0/metrics/energy_facility_mwh/mean").asDouble()).isEqualTo(110.123);
    assertThat(j.at("/points/0/metrics/ettr/sd").isNull()).isTrue();
    assertThat(j.at("/units/tokens_per_kwh_facility").asText()).isEqualTo("tokens/kWh");
    assertThat(j.at("/notes/0").asText()).isEqualTo(SweepJson.ORDER);

    JsonNode plain = new ObjectMapper().readTree(SweepJson.render(result(false)));
    assertThat(plain.get("best").isNull()).isTrue();
    assertThat(plain.at("/points/0/mark").isNull()).isTrue();
    assertThat(plain.at("/points/0").has("gap_to_best")).isFalse();
  }

  @Test
  void theTerminalTableMarksTheBest() {
    String text = SweepReports.render(result(true));
    assertThat(text)
        .startsWith("Sweep: demo, 4 points x 10 replications, seed 7\n")
        .contains("facility.pue  power.ups.design")
        .contains("(tokens/kWh)")
        .contains("<- best")
        .contains("~ best")
        .contains(
            "Best (max tokens_per_kwh_facility): facility.pue=1.1, power.ups.design=N+1, 72,646"
                + " +/- 50 tokens/kWh; 1 other point is not distinguishable from it (95 %, marked"
                + " ~ best)");
    List<String> lines = text.lines().toList();
    String best = lines.stream().filter(l -> l.endsWith("<- best")).findFirst().orElseThrow();
    assertThat(best).startsWith("           1.1  N+1");
    assertThat(best).contains("8,000,000,000  +/-  40,000,000");
    assertThat(SweepReports.render(result(false))).doesNotContain("best");
  }

  @Test
  void aRatioCloseToOneKeepsTheDigitsOfItsDistanceToOne() {
    SweepResult.Point p =
        new SweepResult.Point(
            List.of(0), List.of(stats("power_chain.availability", "1", 0.99999049, 1e-7, 10)));
    SweepText.Column c =
        SweepText.column(
            new SweepResult(
                "x",
                1,
                10,
                List.of(new SweepResult.Parameter("a", List.of("1"), "", List.of(1.0))),
                List.of(p),
                List.of("power_chain.availability"),
                Optional.empty(),
                List.of()),
            "power_chain.availability");
    assertThat(c.cells(p)[0]).isEqualTo("0.9999905");
  }

  @Test
  void aCategoricalFirstParameterAndOneLineAlsoDraw() throws Exception {
    SweepResult r = result(false);
    SweepResult one =
        new SweepResult(
            r.scenario(),
            r.seed(),
            r.replications(),
            List.of(r.parameters().get(1)),
            List.of(
                new SweepResult.Point(List.of(0), r.points().get(0).metrics()),
                new SweepResult.Point(List.of(1), r.points().get(1).metrics())),
            List.of("energy_facility_mwh"),
            Optional.empty(),
            List.of());
    assertThat(SweepChart.lines(one)).hasSize(1);
    assertThat(SweepChart.lines(r))
        .extracting(SweepChart.Line::label)
        .containsExactly("power.ups.design = N+1", "power.ups.design = 2N");
    SweepChart.write(one, dir.resolve("one.png"));
    Pngs.read(dir.resolve("one.png"), SweepChart.WIDTH, SweepChart.height(one));
  }
}
