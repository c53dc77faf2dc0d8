package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.Variant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportsTest {
  @TempDir Path dir;

  @Test
  void writesCsvJsonAndPng() throws Exception {
    ComparisonReports.writeAll(ComparisonResults.redundancyStudy(), dir);
    assertThat(RunReportsTest.names(dir))
        .containsExactly(
            "break_even.csv",
            "comparison.csv",
            "comparison.json",
            "comparison.png",
            "index.html",
            "sensitivity.png");
    BufferedImage image =
        Pngs.read(dir.resolve("comparison.png"), ComparisonChart.WIDTH, ComparisonChart.HEIGHT);
    assertThat(image.getWidth()).isEqualTo(1400);
    assertThat(image.getHeight()).isEqualTo(900);
  }

  @Test
  void chartDrawsEveryPanelsColours() {
    BufferedImage image = ComparisonChart.render(ComparisonResults.redundancyStudy());
    assertThat(Pngs.hasColour(image, 0x7B4FA8)).as("downtime").isTrue();
    assertThat(Pngs.hasColour(image, 0xC62828)).as("lost value").isTrue();
    assertThat(Pngs.hasColour(image, 0x4D6A8A)).as("capital").isTrue();
    assertThat(Pngs.hasColour(image, 0xE6A23C)).as("energy").isTrue();
    assertThat(Pngs.hasColour(image, 0x6E6E6E)).as("extra cost").isTrue();
  }

  @Test
  void writesAVariantWithoutAChain() throws Exception {
    ComparisonResult r = ComparisonResults.withoutChain();
    ComparisonReports.writeAll(r, dir);
    Pngs.read(dir.resolve("comparison.png"), ComparisonChart.WIDTH, ComparisonChart.HEIGHT);

    List<CSVRecord> rows = csv(dir.resolve("comparison.csv"));
    CSVRecord none = rows.get(1);
    assertThat(none.get("variant")).isEqualTo("utility-only");
    for (String column :
        List.of(
            "ups_design",
            "generator_design",
            "ups_modules",
            "ups_installed_kw",
            "generator_units",
            "availability_mean",
            "availability_ci95",
            "unavailability_minutes_per_year",
            "loss_of_load_events_mean")) {
      assertThat(none.get(column)).as(column).isEmpty();
    }
    assertThat(none.get("capital_dollars")).isEqualTo("0");
    assertThat(none.get("extra_cost_over_best_mean")).isEqualTo("0");
    assertThat(rows.get(2).get("ups_design")).isEqualTo("N+1");

    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.at("/variants/0/electrical").isNull()).isTrue();
    assertThat(json.at("/variants/0/availability/mean").isNull()).isTrue();
    assertThat(json.at("/variants/0/availability/n").asInt()).isZero();
    assertThat(json.at("/variants/0/unavailability_minutes_per_year").isNull()).isTrue();
    assertThat(json.at("/variants/1/electrical/ups_design").asText()).isEqualTo("N+1");
    assertThat(json.get("horizon_hours").asDouble()).isEqualTo(720.0);

    String text = ComparisonReports.render(r);
    String row = line(text, "utility-only");
    assertThat(row).matches("\\s+1\\s+utility-only\\s+-\\s+-\\s+n/a.*");
    assertThat(text).contains("30 days");
    assertThat(verdict(text))
        .isEqualTo(
            "  Cheapest: utility-only at 70.00 $M/y; lead over N+1 3.40 +/- 0.50 $M/y, significant"
                + " (CI excludes 0)");
  }

  @Test
  void csvHasOneRowPerVariantInRankingOrder() throws Exception {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    Path file = dir.resolve("comparison.csv");
    ComparisonCsv.write(r, file);
    List<CSVRecord> rows = csv(file);
    assertThat(rows.get(0).toList()).containsExactly(ComparisonCsv.header(false, false));
    // the columns of before, then the answers added after them
    assertThat(rows.get(0).toList().subList(0, 29))
        .containsExactly(ComparisonCsv.HEADER)
        .startsWith("rank", "variant", "description", "ups_design")
        .endsWith("extra_cost_over_best_mean", "extra_cost_over_best_ci95");
    assertThat(rows.get(0).toList().subList(29, rows.get(0).size()))
        .containsExactly(ComparisonCsv.ANSWERS);
    assertThat(rows).hasSize(5);
    assertThat(rows.subList(1, 5).stream().map(row -> row.get(1)))
        .containsExactly("N+1", "4N/3", "N", "2N");
    assertThat(rows.subList(1, 5).stream().map(row -> row.get(0)))
        .containsExactly("1", "2", "3", "4");

    List<String> header = rows.get(0).toList();
    for (int rank = 0; rank < 4; rank++) {
      Variant v = r.variants().get(r.ranking().get(rank));
      CSVRecord row = rows.get(rank + 1);
      assertThat(row.get(header.indexOf("description"))).isEqualTo(v.description());
      assertThat(row.get(header.indexOf("ups_design"))).isEqualTo(v.electrical().upsDesign());
      assertThat(row.get(header.indexOf("generator_design"))).isEqualTo("N+1");
      assertThat(Integer.parseInt(row.get(header.indexOf("ups_modules"))))
          .isEqualTo(v.electrical().upsModules());
      assertThat(row.get(header.indexOf("ups_installed_kw")))
          .isEqualTo(Formats.number(v.electrical().upsInstalledWatts() / 1000));
      assertThat(row.get(header.indexOf("generator_units"))).isEqualTo("5");
      assertThat(row.get(header.indexOf("availability_mean")))
          .isEqualTo(Formats.number(v.availability().mean()));
      assertThat(row.get(header.indexOf("availability_ci95")))
          .isEqualTo(Formats.spread(v.availability().ci95(), v.availability().mean()));
      assertThat(Double.parseDouble(row.get(header.indexOf("unavailability_minutes_per_year"))))
          .isCloseTo((1 - v.availability().mean()) * 525_960, within(1e-3));
      assertThat(row.get(header.indexOf("loss_of_load_events_mean")))
          .isEqualTo(Formats.mean(v.lossOfLoadEvents()));
      assertThat(row.get(header.indexOf("lost_gpu_hours_power_ci95")))
          .isEqualTo(Formats.spread(v.lostGpuHoursPower().ci95(), v.lostGpuHoursPower().mean()));
      assertThat(row.get(header.indexOf("lost_tokens_power_mean")))
          .isEqualTo(Formats.mean(v.lostTokensPower()));
      assertThat(row.get(header.indexOf("energy_facility_mwh_mean")))
          .isEqualTo(Formats.number(v.energyFacilityMwh().mean()));
      assertThat(row.get(header.indexOf("capital_dollars")))
          .isEqualTo(Formats.number(v.capitalDollars()));
      assertThat(row.get(header.indexOf("annual_capital_dollars")))
          .isEqualTo(Formats.number(v.annualCapitalDollars()));
      assertThat(row.get(header.indexOf("annual_energy_dollars_mean")))
          .isEqualTo(Formats.number(v.annualEnergyDollars().mean()));
      assertThat(row.get(header.indexOf("annual_lost_value_dollars_ci95")))
          .isEqualTo(
              Formats.spread(v.annualLostValueDollars().ci95(), v.annualLostValueDollars().mean()));
      assertThat(row.get(header.indexOf("annual_total_dollars_mean")))
          .isEqualTo(Formats.number(v.annualTotalDollars().mean()));
      assertThat(row.get(header.indexOf("annual_total_dollars_ci95")))
          .isEqualTo(Formats.spread(v.annualTotalDollars().ci95(), v.annualTotalDollars().mean()));
      assertThat(row.get(header.indexOf("extra_cost_over_best_mean")))
          .isEqualTo(Formats.number(v.extraCostOverBest().mean()));
      assertThat(row.get(header.indexOf("extra_cost_over_best_ci95")))
          .isEqualTo(Formats.spread(v.extraCostOverBest().ci95(), v.extraCostOverBest().mean()));
    }
    assertThat(rows.get(1).get("extra_cost_over_best_mean")).isEqualTo("0");
    assertThat(rows.get(1).get("capital_dollars")).isEqualTo("22000000");
    assertThat(rows.get(1).get("ups_installed_kw")).isEqualTo("5000");
    assertThat(rows.get(1).get("unavailability_minutes_per_year")).isEqualTo("13.149");
    assertThat(rows.get(3).get("unavailability_minutes_per_year")).isEqualTo("52.596");
  }

  @Test
  void jsonHasEveryFieldWithTheVariantsInInputOrder() throws Exception {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    JsonNode json = new ObjectMapper().readTree(ComparisonJson.render(r));
    assertThat(keys(json))
        .containsExactly(
            "scenario",
            "seed",
            "replications",
            "horizon_hours",
            "ranking",
            "variants",
            "break_even",
            "cheapest_by_value",
            "precision",
            "notes");
    assertThat(json.get("scenario").asText()).isEqualTo("redundancy-study");
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("replications").asInt()).isEqualTo(1000);
    assertThat(json.get("horizon_hours").asDouble()).isEqualTo(8766.0);
    List<String> ranking = new ArrayList<>();
    json.get("ranking").forEach(n -> ranking.add(n.asText()));
    assertThat(ranking).containsExactly("N+1", "4N/3", "N", "2N");

    JsonNode variants = json.get("variants");
    assertThat(variants.size()).isEqualTo(4);
    JsonNode n = variants.get(0);
    assertThat(keys(n))
        .containsExactly(
            "name",
            "description",
            "rank",
            "electrical",
            "availability",
            "unavailability_minutes_per_year",
            "loss_of_load_events",
            "lost_gpu_hours_power",
            "lost_tokens_power",
            "energy_facility_mwh",
            "capital_dollars",
            "annual_capital_dollars",
            "annual_energy_dollars",
            "annual_lost_value_dollars",
            "annual_total_dollars",
            "extra_cost_over_best",
            "production",
            "cost_line",
            "loss_of_load_events_total",
            "thermal_trips_total");
    assertThat(n.get("name").asText()).isEqualTo("N");
    assertThat(n.get("rank").asInt()).isEqualTo(3);
    assertThat(variants.get(1).get("rank").asInt()).isEqualTo(1);
    assertThat(variants.get(2).get("rank").asInt()).isEqualTo(4);
    assertThat(variants.get(3).get("rank").asInt()).isEqualTo(2);
    Variant v = r.variants().get(0);
    assertThat(keys(n.get("availability"))).containsExactly("mean", "sd", "ci95", "n");
    assertThat(n.at("/availability/mean").asDouble())
        .isEqualTo(Double.parseDouble(Formats.number(v.availability().mean())));
    assertThat(n.at("/availability/sd").asDouble())
        .isEqualTo(
            Double.parseDouble(Formats.spread(v.availability().sd(), v.availability().mean())));
    assertThat(n.at("/availability/ci95").asDouble())
        .isEqualTo(
            Double.parseDouble(Formats.spread(v.availability().ci95(), v.availability().mean())));
    assertThat(n.at("/availability/n").asInt()).isEqualTo(1000);
    assertThat(n.at("/annual_total_dollars/mean").asDouble()).isEqualTo(74.3e6);
    assertThat(n.at("/extra_cost_over_best/ci95").asDouble()).isEqualTo(0.14e6);
    assertThat(n.get("capital_dollars").asDouble()).isEqualTo(18e6);
    assertThat(n.get("annual_capital_dollars").asDouble()).isEqualTo(1.8e6);

    JsonNode e = n.get("electrical");
    assertThat(e.get("ups_design").asText()).isEqualTo("N");
    assertThat(e.get("ups_modules").asInt()).isEqualTo(4);
    assertThat(e.get("ups_installed_kw").asDouble()).isEqualTo(4000.0);
    assertThat(e.get("generator_installed_kw").asDouble()).isEqualTo(6000.0);
    assertThat(e.get("ups_module_failures").asLong()).isEqualTo(2);
    assertThat(e.at("/stage_losses/0/stage").asText()).isEqualTo("ups");
    assertThat(e.at("/stage_losses/0/loss_mwh").asDouble()).isCloseTo(694.44, within(0.01));
    assertThat(json.get("notes").size()).isEqualTo(ComparisonJson.NOTES.size());
    assertThat(json.get("notes").toString())
        .contains("common random numbers", "Student t", "placeholder", "paired");
  }

  @Test
  void byteIdenticalWhenWrittenTwiceAndWhateverTheLocale() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    Files.createDirectories(a);
    Files.createDirectories(b);
    Files.createDirectories(c);
    ComparisonReports.writeAll(ComparisonResults.redundancyStudy(), a);
    ComparisonReports.writeAll(ComparisonResults.redundancyStudy(), b);
    String german =
        Locales.german(
            () -> {
              ComparisonReports.writeAll(ComparisonResults.redundancyStudy(), c);
              return ComparisonReports.render(ComparisonResults.redundancyStudy());
            });
    for (String file : List.of("comparison.csv", "comparison.json")) {
      byte[] first = Files.readAllBytes(a.resolve(file));
      assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(first);
      assertThat(Files.readAllBytes(c.resolve(file))).as(file).isEqualTo(first);
    }
    assertThat(german).isEqualTo(ComparisonReports.render(ComparisonResults.redundancyStudy()));
  }

  @Test
  void renderRanksTheVariantsAndSaysTheLeadIsNotSignificant() {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    String text = ComparisonReports.render(r);
    assertThat(text)
        .startsWith(
            "Design comparison: redundancy-study\n"
                + "  4 variants, 1,000 replications of 1 year (8,766 h) each, seed 42;\n")
        .contains("Cost per year ($M)");
    assertThat(text.chars().allMatch(ch -> ch == '\n' || (ch >= 0x20 && ch < 0x7F)))
        .as("plain ASCII")
        .isTrue();
    List<String> rows = text.lines().filter(l -> l.matches("\\s+\\d+ {2}\\S.*")).toList();
    assertThat(rows).hasSize(12); // three tables: reliability, production, costs
    for (int t = 0; t < 3; t++) {
      assertThat(rows.subList(4 * t, 4 * t + 4).stream().map(l -> l.trim().split("\\s+")[1]))
          .containsExactly("N+1", "4N/3", "N", "2N");
    }
    // reliability: UPS, generators, downtime, events and lost GPU-hours per year, +/- half-widths,
    // then the events of all the replications
    assertThat(rows.get(0).trim().split("\\s{2,}"))
        .containsExactly(
            "1", "N+1", "N+1", "N+1", "13.1", "+/-", "2.1", "0.520", "+/-", "0.045", "45,000",
            "+/-", "6,000", "520");
    assertThat(rows.get(2)).contains("52.6  +/-   5.3");
    assertThat(text).contains("events in all\n").contains("1,000 years\n");
    // costs: capital, energy, lost value, total, extra over best
    assertThat(rows.get(8).trim().split("\\s{2,}"))
        .containsExactly(
            "1", "N+1", "2.200", "70.900", "0.400", "+/-", "0.060", "73.500", "+/-", "0.078", "-");
    assertThat(rows.get(9)).endsWith("0.020  +/-  0.050");
    assertThat(verdict(text))
        .isEqualTo(
            "  Cheapest: N+1 at 73.50 $M/y; lead over 4N/3 0.020 +/- 0.050 $M/y, not significant"
                + " (CI includes 0)");
  }

  @Test
  void renderSaysWhenTheLeadIsSignificant() {
    String text = ComparisonReports.render(ComparisonResults.clearWinner());
    assertThat(verdict(text))
        .isEqualTo(
            "  Cheapest: N+1 at 73.50 $M/y; lead over 4N/3 0.600 +/- 0.050 $M/y, significant (CI"
                + " excludes 0)");
  }

  @Test
  void renderOfASingleVariant() {
    ComparisonResult r = ComparisonResults.redundancyStudy();
    ComparisonResult one =
        new ComparisonResult(
            r.scenario(),
            r.seed(),
            r.replications(),
            r.horizonHours(),
            List.of(r.variants().get(1)),
            List.of(0),
            List.of(),
            java.util.Optional.empty());
    assertThat(verdict(ComparisonReports.render(one)))
        .isEqualTo("  Cheapest: N+1 at 73.50 $M/y; the only variant");
  }

  @Test
  void moneyUnitFollowsTheLargestAmount() {
    assertThat(ComparisonFigures.Money.of(7.3e7, 1e5).unit()).isEqualTo("$M");
    assertThat(ComparisonFigures.Money.of(999, Double.NaN).unit()).isEqualTo("$");
    assertThat(ComparisonFigures.Money.of(-2.5e3).unit()).isEqualTo("$k");
    assertThat(ComparisonFigures.Money.of(1.2e9).unit()).isEqualTo("$bn");
    assertThat(ComparisonFigures.horizon(8766)).isEqualTo("1 year (8,766 h)");
    assertThat(ComparisonFigures.horizon(87_660)).isEqualTo("10 years (87,660 h)");
    assertThat(ComparisonFigures.horizon(720)).isEqualTo("30 days");
  }

  @Test
  void aCooledHallGetsItsCoolingTableAndItsLostProductionByPart() throws Exception {
    ComparisonResult r = ComparisonResults.cooledHall();
    String text = ComparisonReports.render(r);
    assertThat(text)
        .doesNotContain("Reliability")
        .doesNotContain("+/-")
        .contains("  2 variants, 1 replication of 31 days each, seed 1;\n")
        .contains("  Cooling, per replication of 31 days\n")
        .contains("to heat (bn)")
        .contains("lost to power outages,\n  thermal trips and throttling\n");
    String cooling = text.substring(text.indexOf("Cooling, per"));
    assertThat(line(cooling, "dry-coolers").trim().split("\\s{2,}"))
        .containsExactly("1", "dry-coolers", "1.036", "143.2", "0", "0", "38.67", "0", "3.011");
    assertThat(line(cooling, "air-cooled").trim().split("\\s{2,}"))
        .containsExactly("2", "air-cooled", "1.132", "570.8", "0", "0", "720.9", "0", "871.0");
    String losses = text.substring(text.indexOf("Value of lost production"));
    assertThat(line(losses, "air-cooled").trim().split("\\s{2,}"))
        .containsExactly("2", "air-cooled", "0", "0", "3.670");
    assertThat(verdict(text))
        .isEqualTo(
            "  Cheapest: dry-coolers at 5.38 $M/y; lead over air-cooled 3.338 $M/y; one"
                + " replication: no confidence interval (exact for a scenario without random"
                + " failures)");

    ComparisonReports.writeAll(r, dir);
    List<CSVRecord> rows = csv(dir.resolve("comparison.csv"));
    assertThat(rows.get(0).toList())
        .containsExactly(ComparisonCsv.header(true, true))
        .hasSize(ComparisonCsv.HEADER.length + 10 + 14 + ComparisonCsv.ANSWERS.length);
    assertThat(rows.get(1).get("variant")).isEqualTo("dry-coolers");
    assertThat(rows.get(1).get("pue_mean")).isEqualTo("1.036");
    assertThat(rows.get(1).get("pue_ci95")).isEmpty();
    assertThat(rows.get(2).get("annual_lost_value_throttling_dollars_mean")).isEqualTo("3670000");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.at("/variants/0/cooling/tokens_lost_to_heat/mean").asLong())
        .isEqualTo(870_970_000_000L);
    assertThat(json.at("/variants/0/annual_total_dollars/ci95").isNull()).isTrue();
    assertThat(json.at("/notes/0").asText()).contains("thermal trips", "throttling");
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html)
        .contains("1 replication of 31 days")
        .contains("<h2>Cooling, per replication of 31 days</h2>")
        .contains("<h2>Value of lost production per year, by what lost it</h2>")
        .doesNotContain("NaN");
    for (String file : List.of("comparison.csv", "comparison.json")) {
      assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain("NaN");
    }
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.parse(in).getRecords();
      try (Reader again = Files.newBufferedReader(file)) {
        List<CSVRecord> named =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(again)
                .getRecords();
        List<CSVRecord> out = new ArrayList<>();
        out.add(rows.get(0));
        out.addAll(named);
        return out;
      }
    }
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String line(String text, String containing) {
    return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
  }

  /** The line that names the cheapest variant. */
  private static String verdict(String text) {
    return line(text, "  Cheapest: ");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
