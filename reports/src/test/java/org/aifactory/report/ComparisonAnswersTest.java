package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Precision;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.PrecisionTarget;
import org.aifactory.metrics.ValueRange;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers of a comparison beside its ranking: production, the break-even value of a lost
 * GPU-hour of every pair, the cheapest by value, the sensitivity chart and the precision reached.
 *
 * <p>{@link ComparisonResults#redundancyStudy}: fixed costs N 72.7, N+1 73.1, 4N/3 73.4, 2N 74.9
 * $M/y; GPU-hours lost per year N 640,000, N+1 160,000, 4N/3 48,000, 2N 20,000. So N is the
 * cheapest below 0.4 / 0.48 = 0.833 $ per GPU-hour, N+1 up to 0.3 / 0.112 = 2.68, 4N/3 up to 1.5 /
 * 0.028 = 53.6 and 2N above; at the scenario's 2.5 $, N+1 and 4N/3 are the top two.
 */
class ComparisonAnswersTest {
  @TempDir Path dir;

  @Test
  void everyPairHasItsBreakEvenAndTheTopPairIsMarked() {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    String text = ComparisonReports.render(r);
    String section =
        text.substring(text.indexOf("Break-even value of a lost GPU-hour"))
            .replace("\n  2.68,", " 2.68,");
    assertThat(section).contains("the scenario's value: 2.5");
    List<String> pairs =
        section.lines().filter(l -> l.contains(" over ")).map(String::trim).toList();
    assertThat(pairs).hasSize(6);
    // ranking order: N+1 with 4N/3, N and 2N, then 4N/3 with N and 2N, then N with 2N
    assertThat(pairs.get(0)).startsWith("*  4N/3 over N+1").contains("  2.68  ");
    assertThat(pairs.get(1)).startsWith("N+1 over N").contains("  0.833  ");
    assertThat(pairs.get(2)).startsWith("2N over N+1").contains("  12.9  ");
    assertThat(pairs.get(3)).startsWith("4N/3 over N").contains("  1.18  ");
    assertThat(pairs.get(4)).startsWith("2N over 4N/3").contains("  53.6  ");
    assertThat(pairs.get(5)).startsWith("2N over N").contains("  3.55  ");
    // the GPU-hours 4N/3 saves over N+1 are significant: a bounded interval around 2.68
    assertThat(pairs.get(0)).endsWith(" to 4.02");
    assertThat(section)
        .contains(
            "The cheapest by the value of a lost GPU-hour (means): N below 0.833 $/GPU-h, N+1 from"
                + " 0.833 to 2.68, 4N/3 from 2.68 to 53.6, 2N above 53.6.");
    assertThat(r.cheapestByValue().stream().map(s -> r.variants().get(s.variant()).name()))
        .containsExactly("N", "N+1", "4N/3", "2N");
  }

  @Test
  void valuesAndRangesInWords() {
    assertThat(ComparisonBreakEvens.dollarsPerGpuHour(0.83333)).isEqualTo("0.833");
    assertThat(ComparisonBreakEvens.dollarsPerGpuHour(12.857)).isEqualTo("12.9");
    assertThat(ComparisonBreakEvens.dollarsPerGpuHour(1996.38)).isEqualTo("2,000");
    assertThat(ComparisonBreakEvens.dollarsPerGpuHour(40847)).isEqualTo("40,800");
    assertThat(ComparisonBreakEvens.dollarsPerGpuHour(2.5)).isEqualTo("2.5");
    assertThat(ComparisonBreakEvens.dollarsPerGpuHour(8.9999999)).isEqualTo("9");
    double inf = Double.POSITIVE_INFINITY;
    assertThat(ComparisonBreakEvens.ranges(List.of())).isEqualTo("none");
    assertThat(ComparisonBreakEvens.ranges(List.of(new ValueRange(0, inf)))).isEqualTo("any value");
    assertThat(ComparisonBreakEvens.ranges(List.of(new ValueRange(835.054, inf))))
        .isEqualTo("835 and above");
    assertThat(
            ComparisonBreakEvens.ranges(
                List.of(new ValueRange(0, 120), new ValueRange(4_530.45, inf))))
        .isEqualTo("0 to 120, 4,530 and above");
  }

  @Test
  void theFilesHaveTheAnswers() throws Exception {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    ComparisonReports.writeAll(r, dir);
    List<String> csv = Files.readAllLines(dir.resolve("break_even.csv"));
    assertThat(csv.get(0)).isEqualTo(String.join(",", BreakEvenCsv.HEADER));
    assertThat(csv).hasSize(7);
    assertThat(csv.get(1)).startsWith("4N/3,N+1,true,300000,");
    assertThat(csv.get(1).split(",", -1)[7]).isEqualTo("2.67857");
    assertThat(csv.get(2)).startsWith("N+1,N,false,");

    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    JsonNode top = json.at("/break_even/0");
    assertThat(top.get("higher_fixed").asText()).isEqualTo("4N/3");
    assertThat(top.get("decides_top").asBoolean()).isTrue();
    assertThat(top.get("dollars_per_gpu_hour").asDouble()).isCloseTo(2.67857, within(1e-5));
    assertThat(top.get("cheaper_at_every_value").isNull()).isTrue();
    assertThat(top.at("/ci95/0/from").asDouble()).isCloseTo(0.7 * 2.678571, within(1e-5));
    assertThat(json.at("/cheapest_by_value/3/variant").asText()).isEqualTo("2N");
    assertThat(json.at("/cheapest_by_value/3/to_dollars_per_gpu_hour").isNull()).isTrue();
    assertThat(json.get("precision").isNull()).isTrue();
    JsonNode n = json.at("/variants/0");
    assertThat(n.at("/production/tokens/mean").asDouble()).isPositive();
    assertThat(n.at("/cost_line/fixed_dollars/mean").asDouble()).isEqualTo(72.7e6);
    assertThat(n.at("/cost_line/lost_gpu_hours_per_year/mean").asDouble()).isEqualTo(640_000);
    assertThat(n.get("loss_of_load_events_total").asLong()).isEqualTo(2100);
    assertThat(n.get("thermal_trips_total").isNull()).isTrue();

    try (java.io.Reader in = Files.newBufferedReader(dir.resolve("comparison.csv"))) {
      org.apache.commons.csv.CSVRecord n1 =
          org.apache.commons.csv.CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(in)
              .getRecords()
              .get(0);
      assertThat(n1.get("variant")).isEqualTo("N+1");
      assertThat(n1.get("loss_of_load_events_total")).isEqualTo("520");
      assertThat(n1.get("fixed_dollars_mean")).isEqualTo("73100000");
      assertThat(n1.get("lost_gpu_hour_dollars")).isEqualTo("2.5");
      assertThat(n1.get("thermal_trips_total")).isEmpty();
    }

    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html)
        .contains("<h2>Production, per replication of 1 year (8,766 h)</h2>")
        .contains("<h2>Break-even value of a lost GPU-hour</h2>")
        .contains("<td>the cheapest and the runner-up</td>")
        .contains("<img src=\"sensitivity.png\"")
        .contains("loss-of-load events in all 1,000 years");
  }

  @Test
  void noFileHasANaNWhateverTheComparison() throws Exception {
    List<ComparisonResult> all =
        List.of(
            ComparisonResults.redundancyStudy(),
            ComparisonResults.withoutChain(),
            ComparisonResults.cooledHall(),
            decided(),
            undecided(),
            single());
    for (int i = 0; i < all.size(); i++) {
      Path d = dir.resolve("c" + i);
      Files.createDirectories(d);
      ComparisonReports.writeAll(all.get(i), d);
      for (String file :
          List.of("comparison.csv", "comparison.json", "break_even.csv", "index.html")) {
        assertThat(Files.readString(d.resolve(file))).as("%d %s", i, file).doesNotContain("NaN");
      }
      assertThat(ComparisonReports.render(all.get(i)))
          .doesNotContain("NaN")
          .doesNotContain("Infinity");
      Pngs.read(d.resolve("sensitivity.png"), SensitivityChart.WIDTH, SensitivityChart.HEIGHT);
    }
  }

  @Test
  void oneReplicationHasBreakEvensWithoutIntervals() {
    ComparisonResult r = ComparisonResults.cooledHall();
    String text = ComparisonReports.render(r);
    String pair = line(text, "dry-coolers over air-cooled");
    assertThat(pair.trim()).startsWith("*").endsWith("-");
    assertThat(r.breakEvens().get(0).hasInterval()).isFalse();
  }

  @Test
  void theSensitivityChartSpansTheBreakEvensAndMarksTheScenario() {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    // the largest value of interest: 53.6, where 2N becomes the cheapest
    assertThat(SensitivityChart.upper(r))
        .isCloseTo(SensitivityChart.REACH * 1.5e6 / 28_000, within(1e-6));
    JFreeChart chart = SensitivityChart.chart(r);
    XYPlot plot = chart.getXYPlot();
    assertThat(plot.getDataset().getSeriesCount()).isEqualTo(4);
    assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("N+1");
    List<String> labels = new ArrayList<>();
    for (Object m : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
      labels.add(((org.jfree.chart.plot.Marker) m).getLabel());
    }
    // the scenario's value, then where each variant becomes the cheapest; the top pair's
    // break-even is where 4N/3 takes over, drawn once
    assertThat(labels)
        .containsExactly(
            "Scenario's value 2.5 $",
            "N+1 the cheapest above 0.833 $",
            "4N/3 the cheapest above 2.68 $",
            "2N the cheapest above 53.6 $");
    // the cheapest by value meet at the same point as their lines
    ComparisonResult.CostLine n = r.variants().get(0).costLine();
    ComparisonResult.CostLine n1 = r.variants().get(1).costLine();
    double at = r.cheapestByValue().get(1).fromDollarsPerGpuHour();
    assertThat(n.meanAt(at)).isCloseTo(n1.meanAt(at), within(1e-6));
    assertThat(Pngs.hasColour(SensitivityChart.render(r), 0xD55E00)).isTrue();
    // without any value of interest, 0 to 10 $
    assertThat(SensitivityChart.upper(single())).isEqualTo(SensitivityChart.REACH * 2.5);
  }

  @Test
  void thePrecisionSectionSaysHowItEnded() throws Exception {
    String text = oneLine(ComparisonReports.render(decided()));
    assertThat(text)
        .contains("Replications added until the lead's 95 % half-width was at most 0.05 $M/y")
        .contains("(at most 10,000 per variant: --max-replications) ")
        .contains(
            "Decided after 800 replications: N+1 is cheaper than 4N/3 by 0.300 +/- 0.040 $M/y"
                + " (the 95 % CI excludes 0).");
    assertThat(oneLine(ComparisonReports.render(undecided())))
        .contains("10 % of the lead")
        .contains(
            "Undecided after 10,000 replications (the limit: the computing time allowed without"
                + " --allow-long-run): lead of N+1 over 4N/3 0.020 +/- 0.050 $M/y, the 95 % CI"
                + " includes 0 and is wider than the target.");
    ComparisonResult tie =
        ComparisonResults.redundancyStudy()
            .withPrecision(
                new Precision(
                    new PrecisionTarget(PrecisionTarget.Kind.ABSOLUTE_DOLLARS, 0.1e6),
                    10_000,
                    Precision.Limit.REQUESTED,
                    List.of(batch(200, 0.02e6, 0.05e6))));
    assertThat(oneLine(ComparisonReports.render(tie)))
        .contains(
            "Tie within the target after 200 replications: N+1 and 4N/3 cost the same within 0.1"
                + " $M/y");
    ComparisonReports.writeAll(decided(), dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.at("/precision/verdict").asText()).isEqualTo("decided");
    assertThat(json.at("/precision/target/kind").asText()).isEqualTo("absolute_dollars");
    assertThat(json.at("/precision/batches/1/replications").asInt()).isEqualTo(800);
    assertThat(json.at("/precision/batches/0/lead_dollars/ci95").asDouble()).isEqualTo(80_000);
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("<h2>Replications until the lead was known</h2>");
  }

  /** Decided after two batches to a 0.05 $M target. */
  private static ComparisonResult decided() {
    return ComparisonResults.clearWinner()
        .withPrecision(
            new Precision(
                new PrecisionTarget(PrecisionTarget.Kind.ABSOLUTE_DOLLARS, 0.05e6),
                10_000,
                Precision.Limit.REQUESTED,
                List.of(batch(200, 0.31e6, 0.08e6), batch(800, 0.3e6, 0.04e6))));
  }

  /** Undecided at the limit of computing time, for a 10 % relative target. */
  private static ComparisonResult undecided() {
    return ComparisonResults.redundancyStudy()
        .withPrecision(
            new Precision(
                new PrecisionTarget(PrecisionTarget.Kind.RELATIVE, 0.1),
                10_000,
                Precision.Limit.COMPUTING_TIME,
                List.of(batch(200, 0.02e6, 0.6e6), batch(10_000, 0.02e6, 0.05e6))));
  }

  private static Precision.Batch batch(int n, double lead, double ci) {
    return new Precision.Batch(
        n, 1, 3, new MetricStats("lead", "$/y", "", lead, ci * Math.sqrt(n) / 1.96, ci, n));
  }

  /** One variant: no pair. */
  private static ComparisonResult single() {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    return ComparisonResults.result(
        r.scenario(),
        r.seed(),
        r.replications(),
        r.horizonHours(),
        List.of(r.variants().get(1)),
        List.of(0));
  }

  /**
   * The text with each line break and the blanks around it as one blank: wrapped text unwrapped.
   */
  private static String oneLine(String text) {
    return text.replaceAll(" *\n *", " ");
  }

  private static String line(String text, String containing) {
    return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
  }
}
