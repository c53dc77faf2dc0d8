package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generator plant on demand against docs/sources.md §6: a unit carries an outage of length d
 * with probability s = A·(1 − p)·e^{−λd}, and the plant (k of n) with the binomial P(≥ k of n) in
 * s. Repairs take far longer than d, so no unit rejoins during the outage, as the formula assumes.
 *
 * <p>CI method: R independent replications (independent streams), each one demand; the carried
 * fraction is a binomial proportion with standard error √(P(1−P)/R), checked at 99.9 % (z = 3.29).
 */
class GeneratorPlantTest {
  private static final double HOUR = 3600;
  private static final long HOUR_NANOS = 3_600_000_000_000L;
  private static final double Z_999 = 3.2905;
  private static final int REPLICATIONS = 20_000;

  private static GeneratorPlantSpec spec(int n, int k, double a, double p, double mttfHours) {
    return new GeneratorPlantSpec(
        n,
        k,
        Duration.ofSeconds(10),
        p,
        new TimeDistribution.Exponential(mttfHours * HOUR),
        new TimeDistribution.Fixed(10_000 * HOUR),
        a,
        Optional.empty());
  }

  /** Fraction of replications in which the plant carried from its start to the outage's end. */
  private static double carriedFraction(GeneratorPlantSpec spec, double beta, double dHours) {
    int carried = 0;
    long start = spec.startDelay().toNanos();
    long end = start + Math.round(dHours * HOUR_NANOS);
    for (int r = 0; r < REPLICATIONS; r++) {
      Simulation sim = new Simulation(64);
      boolean[] dropped = {false};
      GeneratorPlant[] plant = new GeneratorPlant[1];
      plant[0] =
          new GeneratorPlant(
              "power.generators",
              spec,
              beta,
              new RepairCrews(RepairCrewSpec.perUnit()),
              sim,
              new RandomStreams(21, r),
              now -> {
                if (now >= start && !plant[0].carrying()) {
                  dropped[0] = true;
                }
              });
      plant[0].demand(0);
      sim.runUntil(end);
      if (!dropped[0] && plant[0].carrying()) {
        carried++;
      }
      plant[0].release(end);
    }
    return (double) carried / REPLICATIONS;
  }

  private static void check(String label, double observed, double truth) {
    double halfWidth = Z_999 * Math.sqrt(truth * (1 - truth) / REPLICATIONS);
    Analytic.report(
        "generators %s: P(carry) sim %.5f vs binomial %.5f (+- %.4f)",
        label, observed, truth, halfWidth);
    assertThat(Math.abs(observed - truth)).as(label).isLessThanOrEqualTo(halfWidth);
  }

  @ParameterizedTest(name = "{1} of {0} units, d = {2} h")
  @CsvSource({"1, 1, 24", "2, 1, 24", "3, 2, 24", "4, 3, 24", "6, 4, 48"})
  void probabilityOfCarryingAnOutageIsBinomial(int n, int k, double dHours) {
    double a = 0.9;
    double p = 0.1;
    double mttf = 100;
    double s = a * (1 - p) * Math.exp(-dHours / mttf);
    check(
        k + "-of-" + n,
        carriedFraction(spec(n, k, a, p, mttf), 0, dHours),
        Analytic.atLeast(k, n, s));
  }

  @Test
  void reoptDefaultsCarryAnEightHourOutageAsTheFormulaSays() {
    GeneratorPlantSpec d = GeneratorPlantSpec.defaults(3, 2);
    GeneratorPlantSpec spec =
        new GeneratorPlantSpec(
            3,
            2,
            d.startDelay(),
            d.failToStartProbability(),
            d.runningTimeToFailure(),
            new TimeDistribution.Fixed(10_000 * HOUR),
            d.availabilityOnDemand(),
            Optional.empty());
    double s = 0.995 * (1 - 0.0094) * Math.exp(-8.0 / 1100);
    check("REopt 2-of-3 8 h", carriedFraction(spec, 0, 8), Analytic.atLeast(2, 3, s));
  }

  /**
   * With β the plant fails to start as a whole with probability β·p, and all running units fail
   * together at rate β·λ: P = (1 − βp) · e^{−βλd} · P(≥ k of n) with s = A(1 − (1−β)p)e^{−(1−β)λd}.
   */
  @Test
  void commonCauseFailuresOnDemandAndWhileRunning() {
    double a = 0.95;
    double p = 0.2;
    double mttf = 50;
    double beta = 0.3;
    double d = 12;
    double s = a * (1 - (1 - beta) * p) * Math.exp(-(1 - beta) * d / mttf);
    double truth = (1 - beta * p) * Math.exp(-beta * d / mttf) * Analytic.atLeast(2, 4, s);
    check("2-of-4 beta 0.3", carriedFraction(spec(4, 2, a, p, mttf), beta, d), truth);
  }

  @Test
  void aStartAbortedByTheUtilitysReturnIsNoStart() {
    Simulation sim = new Simulation();
    GeneratorPlant plant =
        new GeneratorPlant(
            "power.generators",
            spec(2, 1, 1, 0, 100),
            0,
            new RepairCrews(RepairCrewSpec.perUnit()),
            sim,
            new RandomStreams(1, 0),
            now -> {});
    plant.demand(0);
    sim.runUntil(5_000_000_000L); // 5 s: still starting
    assertThat(plant.carrying()).isFalse();
    plant.release(sim.nowNanos());
    sim.runUntil(60_000_000_000L);
    assertThat(plant.starts()).isZero();
    assertThat(plant.demands()).isEqualTo(1);
    plant.demand(sim.nowNanos());
    sim.runUntil(sim.nowNanos() + 10_000_000_000L);
    assertThat(plant.carrying()).isTrue();
    assertThat(plant.runningUnits()).isEqualTo(2);
    assertThat(plant.starts()).isEqualTo(1);
  }
}
