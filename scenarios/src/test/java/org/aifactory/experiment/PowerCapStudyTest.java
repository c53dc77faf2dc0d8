package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.SweepResult;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 validation: the energy-optimal cap that a sweep of the bundled {@code power-cap-study}
 * finds is the analytic optimum of energy per token over the same grid of caps, and every point's
 * tokens and energy are the hand computation's.
 *
 * <p>The hand computation, from the scenario's figures and the Zeus V100 median curve
 * (docs/sources.md §4): under a cap c (a fraction of the 700 W TDP) the compute phase (70 % of a
 * 5.5 s iteration at 100 % of TDP) draws c and takes 0.7 × 5.5 / thr(c) seconds; the communication
 * phase (30 % at 0.3 of TDP) is below every cap of the grid and unchanged. 128 DGX H100 draw 4.6 kW
 * each besides their GPUs all the time. A checkpoint (30 s at 0.15 of TDP) follows every ⌈1 h / 5.5
 * s⌉ = 655 iterations, however long they take under the cap; tokens count completed iterations;
 * facility energy is 1.2 × IT. With pulses averaged, a partial iteration at the horizon draws the
 * iteration's mean power.
 */
class PowerCapStudyTest {
  private static final double[] LIMITS = {0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1.00};
  private static final double[] THROUGHPUT = {0.730, 0.859, 0.904, 0.946, 0.966, 0.990, 1.000};

  private static final double TDP = 700;
  private static final int GPUS = 1024;
  private static final double OTHER_IT = 128 * 4_600;
  private static final double PERIOD = 5.5;
  private static final double COMPUTE = 0.7;
  private static final double TOKENS_PER_ITERATION = 1_048_576;
  private static final double HORIZON = 86_400;

  private static double throughput(double cap) {
    for (int i = 1; i < LIMITS.length; i++) {
      if (cap <= LIMITS[i]) {
        double f = (cap - LIMITS[i - 1]) / (LIMITS[i] - LIMITS[i - 1]);
        return THROUGHPUT[i - 1] + f * (THROUGHPUT[i] - THROUGHPUT[i - 1]);
      }
    }
    return 1;
  }

  /** Tokens and facility joules of one day at cap {@code cap}, by hand. */
  private static double[] day(double cap) {
    double compute = COMPUTE * PERIOD / throughput(cap);
    double communication = (1 - COMPUTE) * PERIOD;
    double iteration = compute + communication;
    double iterationJoules =
        GPUS * (cap * TDP * compute + 0.3 * TDP * communication) + OTHER_IT * iteration;
    double checkpointWatts = GPUS * 0.15 * TDP + OTHER_IT;
    // The interval is counted in iterations at the nominal period, as frameworks count steps.
    long perCheckpoint = (long) Math.ceil(3_600 / PERIOD);
    double cycle = perCheckpoint * iteration + 30;
    long cycles = (long) Math.floor(HORIZON / cycle);
    double rest = HORIZON - cycles * cycle;
    long iterations = cycles * perCheckpoint;
    double joules = cycles * (perCheckpoint * iterationJoules + 30 * checkpointWatts);
    double training = Math.min(rest, perCheckpoint * iteration);
    iterations += (long) Math.floor(training / iteration);
    joules += training * iterationJoules / iteration + (rest - training) * checkpointWatts;
    return new double[] {iterations * TOKENS_PER_ITERATION, 1.2 * joules};
  }

  @Test
  void theSweepsEnergyOptimalCapIsTheAnalyticOne() throws ScenarioException {
    SweepResult r =
        Sweep.run(
            new ScenarioLoader()
                .sweep(
                    "power-cap-study", List.of(), List.of("workloads[0].power_cap=40%..100%/5%")),
            1,
            2,
            Sweep.DEFAULT_METRICS,
            Optional.of(new Sweep.Goal(MetricKeys.TOKENS_PER_KWH_FACILITY, true)),
            ProgressListener.NONE);
    assertThat(r.points()).hasSize(13);
    int analyticBest = -1;
    double bestPerKwh = 0;
    for (int p = 0; p < 13; p++) {
      double cap = 0.40 + 0.05 * p;
      double[] day = day(cap);
      double perKwh = day[0] / (day[1] / 3.6e6);
      SweepResult.Point point = r.points().get(p);
      assertThat(point.metric(MetricKeys.TOKENS).orElseThrow().mean())
          .as("tokens at %.2f", cap)
          .isEqualTo(day[0]);
      // Energy to rounding: the run adds up joules in another order.
      assertThat(point.metric(MetricKeys.ENERGY_FACILITY_MWH).orElseThrow().mean())
          .as("facility MWh at %.2f", cap)
          .isCloseTo(day[1] / 3.6e9, within(1e-9 * day[1] / 3.6e9));
      if (perKwh > bestPerKwh) {
        bestPerKwh = perKwh;
        analyticBest = p;
      }
    }
    // The V100 median curve puts the optimum at half power (0.889 of full power's energy per
    // token with the hosts' overhead), well inside the grid.
    assertThat(analyticBest).isEqualTo(2);
    assertThat(r.optimum().orElseThrow().best()).isEqualTo(analyticBest);
    assertThat(r.mark(analyticBest)).isEqualTo("best");
  }
}
