package org.aifactory.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.economics.EconomicsSpec;
import org.aifactory.model.economics.EnergyPrice;
import org.junit.jupiter.api.Test;

/**
 * Cost per token of a factory whose every figure is computed by hand: 72 GPUs for a tenth of a year
 * (876.6 h), a quarter of the GPU-hours held by an inference service that drew 40 % of the IT
 * energy.
 */
class CostBreakdownTest {
  private static final double EPS = 1e-9; // relative rounding of a few double operations

  private static final double MWH = 3.6e9;
  private static final Duration HORIZON = Duration.ofSeconds(3_155_760); // 876.6 h = 0.1 y

  private static EconomicsSpec economics(EnergyPrice price) {
    return new EconomicsSpec(50_000, 4, 10e6, 200_000, 20, 0.05, price, 0.88, 2.5);
  }

  /** The hand-computed factory; {@code series} for hourly prices. */
  private static RunResult factory(PowerSeries series, Duration horizon) {
    double installed = 72 * 876.6; // 63,115.2 GPU·h
    GpuHours h =
        new GpuHours(
            installed, 30_000, 1_000, 400, 0, 0, 15_000, 0, 31_200, 0, 200, 0, installed / 4);
    LostProduction lost =
        new LostProduction(
            2.05e10, 2e10, 4e7, Map.of("gpu", 1e8), Map.of(), Map.of(), 0, 1e-5, 2e7, 0);
    JobResult job =
        new JobResult(
            "train",
            "hall",
            54,
            1_000,
            20_000_000_000L,
            10,
            0,
            0.9,
            Map.of("gpu", 3L),
            Double.NaN,
            600,
            100,
            lost,
            200);
    ServiceResult service =
        new ServiceResult(
            "chat",
            "hall",
            18,
            2,
            "fluid",
            1e8,
            1e8,
            8.06e10,
            8e10,
            1e11,
            Map.of("queue_timeout", 5e8, "gpu", 1e8),
            1e6,
            0,
            0,
            0.8,
            1,
            new double[3],
            new double[3],
            installed / 4,
            0,
            160 * MWH,
            new ServiceSeries(3600, new double[0], new double[0], new double[0]));
    return new RunResult(
        "hand",
        1,
        horizon,
        PulseResolution.AVERAGED,
        72,
        300 * MWH,
        400 * MWH,
        500 * MWH,
        20_000_000_000L,
        h,
        new PowerStats(1e6, 1e6, 1e6, 0, 0, 1),
        0,
        List.of(job),
        series,
        0,
        List.of("gpu"),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(service));
  }

  private static PowerSeries flatSeries() {
    return new PowerSeries(
        HORIZON.toNanos(),
        new double[1],
        new double[1],
        new double[1],
        0,
        0,
        new long[0],
        new double[0]);
  }

  @Test
  void everyFigureOfTheHandComputedFactory() {
    CostBreakdown c =
        CostBreakdown.of(factory(flatSeries(), HORIZON), economics(new EnergyPrice.Flat(60)));
    assertThat(c.years()).isCloseTo(0.1, within(0.1 * EPS));
    // capital: 72 × $50k = $3.6 M; 0.2 MW × $10 M = $2 M
    assertThat(c.systemsCapitalDollars()).isEqualTo(3.6e6);
    assertThat(c.facilityCapitalDollars()).isCloseTo(2e6, within(2e6 * EPS));
    // a year: 3.6 M / 4 = 900 k; 2 M / 20 = 100 k; 5 % × 5.6 M = 280 k; 500 MWh × $60 / 0.1 = 300 k
    assertThat(c.annualSystemsDollars()).isCloseTo(900_000, within(900_000 * EPS));
    assertThat(c.annualFacilityDollars()).isCloseTo(100_000, within(100_000 * EPS));
    assertThat(c.annualOperationsDollars()).isCloseTo(280_000, within(280_000 * EPS));
    assertThat(c.annualEnergyDollars()).isCloseTo(300_000, within(300_000 * EPS));
    assertThat(c.annualTotalDollars()).isCloseTo(1_580_000, within(1_580_000 * EPS));
    assertThat(c.powerShareOfOperatingCost()).isCloseTo(300.0 / 580, within(EPS));
    assertThat(c.powerShareOfCost()).isCloseTo(300.0 / 1580, within(EPS));
    assertThat(c.meanEnergyDollarsPerMwh()).isCloseTo(60, within(60 * EPS));
    // the run: fixed (900 + 100 + 280) k × 0.1 = 128 k, energy 30 k, in all 158 k;
    // inference 128 k × 25 % (GPU-hours) + 30 k × 40 % (IT energy) = 44 k, training 114 k
    assertThat(c.runDollars()).isCloseTo(158_000, within(158_000 * EPS));
    assertThat(c.inferenceRunDollars()).isCloseTo(44_000, within(44_000 * EPS));
    assertThat(c.trainingRunDollars()).isCloseTo(114_000, within(114_000 * EPS));
    // per million tokens: 114 k / 20 G; 44 k / 80 G; 158 k / 100 G
    assertThat(c.trainingDollarsPerMillionTokens()).isCloseTo(5.70, within(5.70 * EPS));
    assertThat(c.inferenceDollarsPerMillionTokens()).isCloseTo(0.55, within(0.55 * EPS));
    assertThat(c.allDollarsPerMillionTokens()).isCloseTo(1.58, within(1.58 * EPS));
    // lost, a year: gpu 1e8 tokens × 1e-5 GPU·h = 1,000 GPU·h × $2.5 / 0.1 = 25 k; throttling
    // 200 GPU·h → 5 k; checkpoints 400 GPU·h → 10 k; dropped 5e8 tokens × $0.88/M / 0.1 = 4.4 k
    // (queue), 1e8 → 880 (gpu)
    assertThat(c.trainingLostDollarsPerYear("gpu")).isCloseTo(25_000, within(25_000 * EPS));
    assertThat(c.trainingLostDollarsPerYear("throttling")).isCloseTo(5_000, within(5_000 * EPS));
    assertThat(c.trainingLostDollarsPerYear("checkpoint")).isCloseTo(10_000, within(10_000 * EPS));
    assertThat(c.inferenceLostDollarsPerYear("queue_timeout"))
        .isCloseTo(4_400, within(4_400 * EPS));
    assertThat(c.inferenceLostDollarsPerYear("gpu")).isCloseTo(880, within(880 * EPS));
    assertThat(c.lostDollarsPerYear()).isCloseTo(45_280, within(45_280 * EPS));
  }

  @Test
  void metricsCarryTheFiguresUnderEconomicsInAFixedOrder() {
    CostBreakdown c =
        CostBreakdown.of(factory(flatSeries(), HORIZON), economics(new EnergyPrice.Flat(60)));
    List<String> keys = c.metrics().stream().map(Metric::key).toList();
    assertThat(keys)
        .containsExactly(
            "economics.capital.systems_dollars",
            "economics.capital.facility_dollars",
            "economics.annual.systems_dollars",
            "economics.annual.facility_dollars",
            "economics.annual.energy_dollars",
            "economics.annual.operations_dollars",
            "economics.annual.total_dollars",
            "economics.energy_price_per_mwh",
            "economics.power_share_of_opex",
            "economics.power_share_of_cost",
            "economics.dollars_per_mtok.training",
            "economics.dollars_per_mtok.inference",
            "economics.dollars_per_mtok.all",
            "economics.lost_dollars_per_year.training.gpu",
            "economics.lost_dollars_per_year.training.throttling",
            "economics.lost_dollars_per_year.training.checkpoint",
            "economics.lost_dollars_per_year.inference.queue_timeout",
            "economics.lost_dollars_per_year.inference.gpu",
            "economics.lost_dollars_per_year.total");
    assertThat(c.metrics().get(12).value()).isCloseTo(1.58, within(1.58 * EPS));
  }

  /** Three hours in six half-hour buckets: 1, 1, 2, 2, 4, 0 MW. */
  private static PowerSeries halfHours(double[] mw) {
    double[] w = new double[mw.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = mw[i] * 1e6;
    }
    long bucket = Duration.ofHours(3).toNanos() / mw.length;
    return new PowerSeries(bucket, w, w, w, 0, 0, new long[0], new double[0]);
  }

  @Test
  void hourlyPricesPriceEachBucketHourByHour() {
    Duration threeHours = Duration.ofHours(3);
    RunResult run = factory(halfHours(new double[] {1, 1, 2, 2, 4, 0}), threeHours);
    EnergyPrice hourly = new EnergyPrice.Hourly(new double[] {10, 20, 30}, "prices.csv");
    // 1 MWh × $10 + 2 MWh × $20 + 2 MWh × $30 = $110
    assertThat(CostBreakdown.energyDollars(run, hourly)).isCloseTo(110, within(110 * EPS));
    // two hours of prices repeat: hour 2 pays hour 0's $10 → 10 + 40 + 20 = $70
    EnergyPrice two = new EnergyPrice.Hourly(new double[] {10, 20}, "prices.csv");
    assertThat(CostBreakdown.energyDollars(run, two)).isCloseTo(70, within(70 * EPS));
  }

  @Test
  void aBucketAcrossAnHourIsSplitInProportionToTime() {
    // four 45-minute buckets at 4, 8, 0, 4 MW: the second lies 15 min in hour 0 and 30 in hour 1
    RunResult run = factory(halfHours(new double[] {4, 8, 0, 4}), Duration.ofHours(3));
    EnergyPrice hourly = new EnergyPrice.Hourly(new double[] {10, 20, 30}, "prices.csv");
    // hour 0: 4 MW × 0.75 h + 8 × 0.25 = 5 MWh × 10 = 50; hour 1: 8 × 0.5 = 4 MWh × 20 = 80;
    // hour 2: 4 × 0.75 = 3 MWh × 30 = 90 → $220
    assertThat(CostBreakdown.energyDollars(run, hourly)).isCloseTo(220, within(220 * EPS));
  }

  @Test
  void withoutTokensTheirCostPerTokenIsNotANumber() {
    EconomicsSpec e = economics(new EnergyPrice.Flat(60));
    RunResult run = factory(flatSeries(), HORIZON);
    RunResult idle =
        new RunResult(
            run.scenario(),
            run.seed(),
            run.horizon(),
            run.pulseResolution(),
            run.gpus(),
            run.energyGpuJoules(),
            run.energyItJoules(),
            run.energyFacilityJoules(),
            0,
            run.gpuHours(),
            run.power(),
            0,
            List.of(),
            run.series(),
            0,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            List.of());
    CostBreakdown c = CostBreakdown.of(idle, e);
    assertThat(c.allDollarsPerMillionTokens()).isNaN();
    assertThat(c.metrics())
        .extracting(Metric::key)
        .doesNotContain(
            "economics.dollars_per_mtok.training", "economics.dollars_per_mtok.inference");
  }

  @Test
  void negativePricesAndLivesAreRefused() {
    assertThatThrownBy(
            () -> new EconomicsSpec(-1, 4, 10e6, 2e5, 20, 0.05, new EnergyPrice.Flat(60), 1, 1))
        .hasMessageContaining("gpu_price");
    assertThatThrownBy(
            () -> new EconomicsSpec(1, 0, 10e6, 2e5, 20, 0.05, new EnergyPrice.Flat(60), 1, 1))
        .hasMessageContaining("system_life");
    assertThatThrownBy(() -> new EnergyPrice.Hourly(new double[] {1, -2}, "p.csv"))
        .hasMessageContaining("energy_prices");
  }
}
