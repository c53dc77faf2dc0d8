package org.aifactory.model.power;

import static org.aifactory.model.power.TestChains.MINUTE;
import static org.aifactory.model.power.TestChains.MINUTE_NANOS;
import static org.aifactory.model.power.TestChains.NEVER;
import static org.aifactory.model.power.TestChains.exp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Common cause in 2N: two UPS systems of one module each, one shared repair crew, β-factor over the
 * two modules. Exact truth: the 3-state chain (0, 1, 2 failed) with 0 → 1 at 2(1−β)λ, 0 → 2 at βλ
 * (the group-wide event), 1 → 2 at λ, 1 → 0 and 2 → 1 at μ. docs/sources.md §6 approximation: U ≈
 * U_independent + βλ/μ, exact in the limit λ/μ → 0.
 *
 * <p>CI method: batch means, one run from the all-up state in 40 batches of 250,000 min (each
 * holding hundreds of down periods), interval ± t(39) · s/√40 at 99.9 %, required narrower than 10
 * % of the truth.
 */
class CommonCauseTest {
  private static double[][] twoUnitChain(double lambda, double mu, double beta) {
    double[][] q = new double[3][3];
    q[0][1] = 2 * (1 - beta) * lambda;
    q[0][2] = beta * lambda;
    q[1][2] = lambda;
    q[1][0] = mu;
    q[2][1] = mu;
    return Analytic.withDiagonal(q);
  }

  private static double exactUnavailability(double rho, double beta) {
    return Analytic.stationary(twoUnitChain(rho, 1, beta))[2];
  }

  @ParameterizedTest(name = "λ/μ = {0}, β = {1}")
  @CsvSource({"0.03, 0.05", "0.03, 0.0", "0.01, 0.1"})
  void twoNUnavailabilityMatchesTheChainWithCommonCause(double rho, double beta) {
    double truth = exactUnavailability(rho, beta);
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                RedundancyDesign.TWO_N.structure(1),
                100e3,
                exp(MINUTE / rho),
                exp(MINUTE),
                Duration.ZERO,
                false),
            TestChains.lossless(true, NEVER, exp(MINUTE)),
            new CommonCauseSpec(beta, 0, 0),
            RepairCrewSpec.shared(1));
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, new double[] {80e3}, sim, new RandomStreams(41, 0));
    chain.start();
    int batches = 40;
    long batch = 250_000 * MINUTE_NANOS;
    double[] u = new double[batches];
    long prev = 0;
    for (int b = 0; b < batches; b++) {
      sim.runUntil((b + 1) * batch);
      long loss = chain.result().lossOfLoadNanos();
      u[b] = (double) (loss - prev) / batch;
      prev = loss;
    }
    Analytic.Estimate hat = Analytic.estimate(u);
    double approx = exactUnavailability(rho, 0) + beta * rho;
    Analytic.report(
        "2N rho=%s beta=%s: U sim %.5g +- %.2g vs chain %.5g (U_ind + beta*rho = %.5g)",
        rho, beta, hat.mean(), hat.halfWidth(), truth, approx);
    assertThat(hat.covers(truth)).as("%s vs %s", hat, truth).isTrue();
    assertThat(hat.halfWidth()).isLessThan(0.1 * truth);
  }

  /** The approximation's relative error shrinks with λ/μ (below 3λ/μ here). */
  @Test
  void unavailabilityApproachesIndependentPlusBetaLambdaOverMu() {
    for (double beta : new double[] {0.02, 0.05, 0.1}) {
      for (double rho : new double[] {0.1, 0.03, 0.01, 0.003, 0.001}) {
        double exact = exactUnavailability(rho, beta);
        double approx = exactUnavailability(rho, 0) + beta * rho;
        assertThat(Math.abs(approx - exact) / exact)
            .as("β %s, λ/μ %s", beta, rho)
            .isLessThan(3 * rho);
      }
    }
    // And common cause dominates: with β = 5 % and λ/μ = 1 %, U is 3.5 times the independent one.
    assertThat(exactUnavailability(0.01, 0.05) / exactUnavailability(0.01, 0)).isGreaterThan(3);
  }
}
