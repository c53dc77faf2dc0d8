package org.aifactory.model.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7 §3: per-unit renewal failures (Weibull, lognormal) restarted a unit's clock at its
 * failure and dropped failures falling inside a repair, so with Weibull shape 2 and E[TTF] = 2
 * E[repair] a system was down 42 % of the time instead of 1/3. A unit's next life starts when its
 * repair ends: an alternating renewal process, down E[R] / (E[TTF] + E[R]) of the time whatever the
 * shapes.
 */
class RenewalDownFractionTest {
  private static final double HOUR = 3600;
  private static final int SYSTEMS = 100;
  private static final double HORIZON_HOURS = 10_000;
  private static final int REPLICATIONS = 8;

  private static double downFraction(TimeDistribution ttf, TimeDistribution repair, int rep) {
    FailureCause cause = new FailureCause("wear", FailureScope.SYSTEM, ttf, repair, false);
    FactorySpec factory =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("c", "DGX-H100", SYSTEMS)),
            List.of(),
            new FailureSpec(new FailureProfile("p", List.of(cause)), Duration.ZERO, 0));
    RunSpec run =
        new RunSpec(
            Duration.ofHours((long) HORIZON_HOURS),
            17,
            PulseResolution.AVERAGED,
            ObservationSpec.defaults());
    RunResult r = new FactoryRun("renewal", factory, run, rep, false).complete();
    return r.gpuHours().down() / r.gpuHours().installed();
  }

  /**
   * Mean over replications within 4 standard errors, plus the start-up transient: every system
   * starts new and up, which lowers the fraction by at most about one cycle (E[TTF] + E[R] = 3 h)
   * over the horizon.
   */
  private static void assertDownFraction(TimeDistribution ttf, TimeDistribution repair) {
    SummaryStatistics s = new SummaryStatistics();
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      s.addValue(downFraction(ttf, repair, rep));
    }
    double expected = repair.meanSeconds() / (ttf.meanSeconds() + repair.meanSeconds());
    double se = s.getStandardDeviation() / Math.sqrt(REPLICATIONS);
    double startUp = (ttf.meanSeconds() + repair.meanSeconds()) / HOUR / HORIZON_HOURS;
    assertThat(s.getMean())
        .as("down fraction, se %.5f", se)
        .isBetween(expected - 4 * se - startUp, expected + 4 * se);
  }

  /** Weibull lives of mean 2 h (k = 0.7: early failures; k = 2: wear-out), 1 h repairs. */
  @ParameterizedTest
  @ValueSource(doubles = {0.7, 1.0, 2.0, 5.0})
  void weibullUnitsAreDownRepairOverCycleOfTheTime(double shape) {
    double scale = 2 * HOUR / Math.exp(Gamma.logGamma(1 + 1 / shape));
    assertDownFraction(
        new TimeDistribution.Weibull(shape, scale), new TimeDistribution.Exponential(HOUR));
    assertDownFraction(
        new TimeDistribution.Weibull(shape, scale), new TimeDistribution.Fixed(HOUR));
  }

  @Test
  void lognormalUnitsToo() {
    TimeDistribution ttf = new TimeDistribution.Lognormal(HOUR, 1.0); // mean 1.65 h
    assertDownFraction(ttf, new TimeDistribution.Lognormal(0.5 * HOUR, 0.5));
  }
}
