package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aifactory.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scenario with economics: its summary has the costs and cost.png is drawn; bad prices and lives
 * are user errors at their file, line and column, with nothing written.
 */
class EconomicsCommandTest {
  @TempDir Path tmp;

  /** A hall of 2 DGX H100 idle for 2 h at a PUE of 1.25, with hourly prices. */
  private static final String HALL =
      String.join(
          "\n",
          "name: hall",
          "horizon: 2 h",
          "facility: { pue: 1.25 }",
          "clusters:",
          "  - { name: hall, system: DGX-H100, count: 2 }",
          "recording: { buckets: 8 }",
          "economics:",
          "  gpu_price: 30_000",
          "  system_life: 5 y",
          "  facility_mw: 1 MW",
          "  energy_prices: prices.csv",
          "");

  private static final String PRICES = "hour,price_per_mwh\n0,100\n1,50\n";

  @Test
  void aPricedRunHasItsCostsInTheSummaryAndCostPng() throws IOException {
    Path file = Files.writeString(tmp.resolve("hall.yaml"), HALL);
    Files.writeString(tmp.resolve("prices.csv"), PRICES);
    Path dir = tmp.resolve("out");
    Outcome o = run("run", file.toString(), "--out", dir.toString(), "--no-progress");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Cost: $").contains("Per million tokens:");
    assertThat(dir.resolve("cost.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("index.html"))).contains("cost.png");
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    // idle: the same power every hour, so the mean price is that of the two hours, $75
    double mwh = s.at("/energy_facility_mwh/mean").asDouble();
    assertThat(mwh).isPositive();
    assertThat(s.at("/economics/energy_price_per_mwh/mean").asDouble()).isCloseTo(75, within(1e-9));
    double years = 2 / 8766.0;
    assertThat(s.at("/economics/annual/energy_dollars/mean").asDouble())
        .isCloseTo(mwh * 75 / years, within(1e-6 * mwh * 75 / years));
    // 16 GPUs × $30k / 5 y
    assertThat(s.at("/economics/annual/systems_dollars/mean").asDouble())
        .isCloseTo(96_000, within(1e-6));
    // no tokens: no cost per token
    assertThat(s.at("/economics/dollars_per_mtok/all/mean").isNull()).isTrue();
  }

  @Test
  void replicationsArePricedOneByOne() throws IOException {
    Path file = Files.writeString(tmp.resolve("hall.yaml"), HALL);
    Files.writeString(tmp.resolve("prices.csv"), PRICES);
    Path dir = tmp.resolve("reps");
    Outcome o =
        run("run", file.toString(), "--out", dir.toString(), "--no-progress", "-r", "3", "-t", "3");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(dir.resolve("cost.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("replications.csv")))
        .contains("economics.annual.total_dollars");
    // the costs, like every figure, do not depend on the threads
    Path one = tmp.resolve("one-thread");
    assertThat(
            run(
                    "run",
                    file.toString(),
                    "--out",
                    one.toString(),
                    "--no-progress",
                    "-r",
                    "3",
                    "-t",
                    "1")
                .code())
        .isZero();
    for (String f : new String[] {"summary.json", "summary.csv", "replications.csv"}) {
      assertThat(Files.readString(one.resolve(f))).isEqualTo(Files.readString(dir.resolve(f)));
    }
  }

  /** The bad value replaces the good one; the error is at file:line:column, nothing written. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "prices.csv|1,50|2,50|prices.csv:3:1|economics.energy_prices|hour 1 is missing",
        "prices.csv|1,50|1,-50|prices.csv:3:3|economics.energy_prices|negative prices",
        "prices.csv|1,50|1,50 €|prices.csv:3:3|economics.energy_prices|without a unit",
        "prices.csv|price_per_mwh|price|prices.csv:1:6|economics.energy_prices|expected the header",
        "hall.yaml|system_life: 5 y|system_life: -5 y|hall.yaml:9:16|economics.system_life|",
        "hall.yaml|gpu_price: 30_000|gpu_price: -30_000|hall.yaml:8:14|economics.gpu_price|",
        "hall.yaml|prices.csv|nowhere.csv|hall.yaml:11:18|economics.energy_prices|no such file"
      })
  void badPricesAndLivesAreUserErrors(
      String where, String good, String bad, String at, String path, String saysOrNull)
      throws IOException {
    String says = saysOrNull == null ? "" : saysOrNull;
    String hall = where.equals("hall.yaml") ? HALL.replace(good, bad) : HALL;
    String prices = where.equals("prices.csv") ? PRICES.replace(good, bad) : PRICES;
    assertThat(where.equals("hall.yaml") ? HALL : PRICES).contains(good);
    Path file = Files.writeString(tmp.resolve("hall.yaml"), hall);
    Files.writeString(tmp.resolve("prices.csv"), prices);
    Path out = tmp.resolve("never");
    Outcome o = run("run", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains(tmp.resolve(at.split(":")[0]) + at.substring(at.indexOf(':')));
    assertThat(o.err()).contains(": " + path + ": ").contains(says).doesNotContain("Exception");
    assertThat(out).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("hall.yaml", "prices.csv");
    }
  }
}
