package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.PowerCurve;
import org.junit.jupiter.api.Test;

/** A GPU type's power curve, thermal thresholds and the bounds of its powers. */
class GpuPowerCurveTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) followed by a catalog section starting at line 22. */
  private static String withCatalog(String catalog) {
    return VALID + "catalog:\n" + catalog;
  }

  private static GpuType h100(String text) throws ScenarioException {
    return Texts.load(text).factory().catalog().gpu("H100-SXM").orElseThrow();
  }

  @Test
  void builtInGpusHaveTheDefaultCurveAndCitedThresholds() {
    HardwareCatalog catalog = HardwareCatalog.builtIn();
    for (GpuType gpu : catalog.gpus().values()) {
      assertThat(gpu.powerCurve()).isEqualTo(PowerCurve.ZEUS_V100_MEDIAN);
      assertThat(gpu.slowdownCelsius()).isEqualTo(89);
    }
    assertThat(catalog.gpu("H100-SXM").orElseThrow().shutdownCelsius()).isEqualTo(92);
    assertThat(catalog.gpu("GB200").orElseThrow().shutdownCelsius()).isEqualTo(92);
    // H200: nvidia-smi margins of -2 and -8 °C to its 87 °C limit (docs/sources.md §8).
    assertThat(catalog.gpu("H200").orElseThrow().shutdownCelsius()).isEqualTo(95);
  }

  @Test
  void aCurveAndThresholdsAreRead() throws ScenarioException {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM:
                  power_curve:
                    limits: [40 %, 50 %, 60 %, 70 %, 80 %, 90 %, 100 %]
                    throughput: [0.73, 0.859, 0.904, 0.946, 0.966, 0.99, 1.0]
                  slowdown_temperature: 87 °C
                  shutdown_temperature: 365.15 K
            """);
    GpuType gpu = h100(text);
    assertThat(gpu.powerCurve()).isEqualTo(PowerCurve.ZEUS_V100_MEDIAN);
    assertThat(gpu.slowdownCelsius()).isEqualTo(87);
    assertThat(gpu.shutdownCelsius()).isCloseTo(92, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(gpu.tdpWatts()).isEqualTo(700);
  }

  @Test
  void aNewGpuTakesTheDefaultCurveAndThresholds() throws ScenarioException {
    String text = withCatalog("  gpus: { X1: { tdp: 1.5 kW, idle: 150 W } }\n");
    GpuType gpu = Texts.load(text).factory().catalog().gpu("X1").orElseThrow();
    assertThat(gpu).isEqualTo(new GpuType("X1", 1500, 150));
    assertThat(gpu.powerCurve()).isEqualTo(GpuType.DEFAULT_POWER_CURVE);
  }

  @Test
  void anOverrideKeepsTheCurveAndThresholdsNotGiven() throws ScenarioException {
    String text = withCatalog("  gpus: { H200: { slowdown_temperature: 85 °C } }\n");
    GpuType gpu = Texts.load(text).factory().catalog().gpu("H200").orElseThrow();
    assertThat(gpu.slowdownCelsius()).isEqualTo(85);
    assertThat(gpu.shutdownCelsius()).isEqualTo(95);
  }

  @Test
  void curveErrorsAreReportedAtTheOffendingElement() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM:
                  power_curve:
                    limits: [40 %, 0 %, 30 %, 90 %]
                    throughput: [0.7, 1.2, 0.5, 0.99, 1]
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                26,
                24,
                "catalog.gpus.H100-SXM.power_curve.limits[1]",
                "a power limit must be above 0, got '0 %'"),
            at(
                26,
                35,
                "catalog.gpus.H100-SXM.power_curve.limits[3]",
                "the last power limit must be 100 % (full power), got '90 %'"),
            at(
                27,
                27,
                "catalog.gpus.H100-SXM.power_curve.throughput[1]",
                "expected a fraction of full power between 0 and 1 (e.g. 0.7 or 70 %), got"
                    + " '1.2'"),
            at(
                27,
                43,
                "catalog.gpus.H100-SXM.power_curve.throughput[4]",
                "no power limit for this throughput: 4 power limits and 5 throughputs; give one"
                    + " throughput per limit"));
  }

  @Test
  void limitsMustIncreaseAndThroughputMustNotFall() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM:
                  power_curve: { limits: [50 %, 50 %, 100 %], throughput: [0.9, 0.8, 1] }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                25,
                37,
                "catalog.gpus.H100-SXM.power_curve.limits[1]",
                "power limits must increase: '50 %' is not above the limit before it, '50 %'"),
            at(
                25,
                69,
                "catalog.gpus.H100-SXM.power_curve.throughput[1]",
                "throughput must not fall as the power limit rises: '0.8' is below the throughput"
                    + " before it, '0.9'"));
  }

  @Test
  void theCurveEndsAtThroughputOneAtFullPower() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM:
                  power_curve: { limits: [50 %, 100 %], throughput: [0.9, 0.99] }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                25,
                63,
                "catalog.gpus.H100-SXM.power_curve.throughput[1]",
                "the throughput at 100 % must be 1 (throughputs are relative to full power), got"
                    + " '0.99'"));
  }

  @Test
  void oneThroughputPerLimit() {
    String more =
        withCatalog(
            """
              gpus:
                H100-SXM:
                  power_curve: { limits: [50 %, 75 %, 100 %], throughput: [1] }
            """);
    assertThat(errors(more))
        .containsExactly(
            at(
                25,
                37,
                "catalog.gpus.H100-SXM.power_curve.limits[1]",
                "no throughput for this power limit: 3 power limits and 1 throughput; give one"
                    + " throughput per limit"));
    String fewer =
        withCatalog(
            """
              gpus:
                H100-SXM:
                  power_curve: { limits: [100 %], throughput: [0.5, 1] }
            """);
    assertThat(errors(fewer))
        .containsExactly(
            at(
                25,
                57,
                "catalog.gpus.H100-SXM.power_curve.throughput[1]",
                "no power limit for this throughput: 1 power limit and 2 throughputs; give one"
                    + " throughput per limit"));
  }

  @Test
  void aCurveNeedsBothListsAndPoints() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM: { power_curve: { limits: [] } }
                H200: { power_curve: 0.9 }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                30,
                "catalog.gpus.H100-SXM.power_curve.throughput",
                "missing required key 'throughput' (the relative throughput at each limit, ending"
                    + " at 1.0 at 100 %, e.g. [0.73, 0.946, 1.0])"),
            at(
                24,
                40,
                "catalog.gpus.H100-SXM.power_curve.limits",
                "needs at least one power limit (at 100 %)"),
            at(
                25,
                26,
                "catalog.gpus.H200.power_curve",
                "expected " + PowerCurveReader.EXPECTED + ", got '0.9'"));
  }

  @Test
  void slowdownMustBeBelowShutdown() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM: { slowdown_temperature: 95 °C }
                H200: { slowdown_temperature: 90 °C, shutdown_temperature: 90 °C }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                39,
                "catalog.gpus.H100-SXM.slowdown_temperature",
                "the slowdown temperature (95 °C) must be below the shutdown temperature (92 °C,"
                    + " the default)"),
            at(
                25,
                35,
                "catalog.gpus.H200.slowdown_temperature",
                "the slowdown temperature (90 °C) must be below the shutdown temperature (90 °C)"));
  }

  @Test
  void thresholdsAreTemperatures() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM: { slowdown_temperature: 89, shutdown_temperature: 500 °C }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                39,
                "catalog.gpus.H100-SXM.slowdown_temperature",
                "'89' needs a unit, e.g. '89 °C'"),
            at(
                24,
                65,
                "catalog.gpus.H100-SXM.shutdown_temperature",
                "expected a GPU temperature from 0 °C to 200 °C, got '500 °C'"));
  }

  @Test
  void aGpuDrawsAtMostTenKilowatts() {
    String text =
        withCatalog(
            """
              gpus:
                H100-SXM: { tdp: 1e300 W }
                X1: { tdp: 12 kW, idle: 11 kW }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                22,
                "catalog.gpus.H100-SXM.tdp",
                "expected a power > 0 and at most 10 kW per GPU (the largest GPUs draw about 1.4"
                    + " kW), got '1e300 W'"),
            at(
                25,
                16,
                "catalog.gpus.X1.tdp",
                "expected a power > 0 and at most 10 kW per GPU (the largest GPUs draw about 1.4"
                    + " kW), got '12 kW'"),
            at(
                25,
                29,
                "catalog.gpus.X1.idle",
                "expected a power >= 0 and at most 10 kW per GPU (the largest GPUs draw about 1.4"
                    + " kW), got '11 kW'"));
  }
}
