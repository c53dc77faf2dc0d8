package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * k-of-n identical repairable units with exponential failure (λ) and repair (μ) against the
 * birth-death chain of docs/sources.md §6.
 *
 * <p>CI method: availability and failure frequency by batch means, one long run from the all-up
 * state split into 40 consecutive batches, each thousands of mean repair times long, so batch means
 * are nearly independent and the start-up transient is negligible; interval mean ± t(39) · s/√40 at
 * 99.9 %. Mean time to first failure: independent replications (independent streams per
 * replication), mean ± t(R−1) · s/√R at 99.9 %. Each test also checks that its interval is narrow
 * (below 10 % of the truth), so a pass means something.
 */
class KOfNGroupTest {
  private static final double MINUTE = 60; // seconds: the time unit here, 1/μ = 1 min
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private static final int BATCHES = 40;

  /** Tracks a k-of-n group: down while fewer than k units are up. */
  static final class KOfNMonitor implements RepairableGroup.Listener {
    final int k;
    RepairableGroup group;
    boolean down;
    long downSince;
    long downNanos;
    long systemFailures;
    long firstFailureNanos = -1;

    KOfNMonitor(int k) {
      this.k = k;
    }

    @Override
    public void groupChanged(long nowNanos) {
      boolean d = group.upUnits() < k;
      if (d && !down) {
        down = true;
        downSince = nowNanos;
        systemFailures++;
        if (firstFailureNanos < 0) {
          firstFailureNanos = nowNanos;
        }
      } else if (!d && down) {
        down = false;
        downNanos += nowNanos - downSince;
      }
    }

    long downNanos(long nowNanos) {
      return downNanos + (down ? nowNanos - downSince : 0);
    }
  }

  private static KOfNMonitor group(
      Simulation sim, RandomStreams streams, int n, int k, double rho, int crews, double beta) {
    KOfNMonitor monitor = new KOfNMonitor(k);
    RepairCrewSpec crewSpec = crews >= n ? RepairCrewSpec.perUnit() : RepairCrewSpec.shared(crews);
    monitor.group =
        new RepairableGroup(
            "test.unit",
            n,
            new TimeDistribution.Exponential(MINUTE / rho),
            new TimeDistribution.Exponential(MINUTE),
            beta,
            new RepairCrews(crewSpec),
            sim,
            streams,
            monitor);
    monitor.group.start(0);
    return monitor;
  }

  @ParameterizedTest(name = "{1}-of-{0}, λ/μ = {2}, {3} crew(s)")
  @CsvSource({
    "2, 1, 0.1, 1, 20000",
    "3, 2, 0.05, 1, 20000",
    "4, 2, 0.2, 1, 10000",
    "5, 4, 0.02, 1, 20000",
    "6, 4, 0.1, 1, 10000",
    "3, 2, 0.1, 3, 10000",
    "4, 3, 0.05, 2, 20000",
    "5, 3, 0.2, 5, 10000",
  })
  void availabilityAndFailureFrequencyMatchTheBirthDeathChain(
      int n, int k, double rho, int crews, int batchMinutes) {
    double lambda = rho; // per minute, μ = 1 per minute
    double[] pi = Analytic.stationary(Analytic.birthDeath(n, lambda, 1, crews));
    double unavailability = 0;
    for (int i = n - k + 1; i <= n; i++) {
      unavailability += pi[i];
    }
    double frequencyPerMinute = pi[n - k] * k * lambda;

    Simulation sim = new Simulation();
    KOfNMonitor m = group(sim, new RandomStreams(11, 0), n, k, rho, crews, 0);
    double[] u = new double[BATCHES];
    double[] f = new double[BATCHES];
    long batch = batchMinutes * MINUTE_NANOS;
    long prevDown = 0;
    long prevFailures = 0;
    for (int b = 0; b < BATCHES; b++) {
      long end = (b + 1) * batch;
      sim.runUntil(end);
      long down = m.downNanos(end);
      u[b] = (double) (down - prevDown) / batch;
      f[b] = (double) (m.systemFailures - prevFailures) / batchMinutes;
      prevDown = down;
      prevFailures = m.systemFailures;
    }
    Analytic.Estimate uHat = Analytic.estimate(u);
    Analytic.Estimate fHat = Analytic.estimate(f);
    Analytic.report(
        "%d-of-%d rho=%s crews=%d: U sim %.5g +- %.2g vs chain %.5g; f sim %.5g +- %.2g vs %.5g /min",
        k,
        n,
        rho,
        crews,
        uHat.mean(),
        uHat.halfWidth(),
        unavailability,
        fHat.mean(),
        fHat.halfWidth(),
        frequencyPerMinute);
    assertThat(uHat.covers(unavailability)).as("U %s vs %s", uHat, unavailability).isTrue();
    assertThat(fHat.covers(frequencyPerMinute)).as("f %s vs %s", fHat, frequencyPerMinute).isTrue();
    assertThat(uHat.halfWidth()).isLessThan(0.1 * unavailability);
    assertThat(fHat.halfWidth()).isLessThan(0.1 * frequencyPerMinute);

    if (crews == n) {
      // With a crew per unit the units are independent: A = Σ_{j≥k} C(n,j) a^j (1−a)^{n−j}.
      double a = 1 / (lambda + 1);
      assertThat(1 - unavailability).isCloseTo(Analytic.atLeast(k, n, a), offsetOf(1e-12));
      assertThat(uHat.covers(1 - Analytic.atLeast(k, n, a))).isTrue();
    }
  }

  @ParameterizedTest(name = "{1}-of-{0}, λ/μ = {2}, {3} crew(s)")
  @CsvSource({"2, 1, 0.1, 1", "3, 2, 0.05, 1", "4, 2, 0.2, 1", "5, 4, 0.02, 1", "4, 3, 0.05, 2"})
  void meanTimeToFirstFailureMatchesTheAbsorbingChain(int n, int k, double rho, int crews) {
    double[][] q = Analytic.birthDeath(n, rho, 1, crews);
    double mttffMinutes = Analytic.meanTimeToAbsorption(q, n - k);

    int replications = 4_000;
    double[] t = new double[replications];
    for (int r = 0; r < replications; r++) {
      Simulation sim = new Simulation();
      KOfNMonitor m = group(sim, new RandomStreams(12, r), n, k, rho, crews, 0);
      long chunk = (long) Math.ceil(mttffMinutes) * MINUTE_NANOS;
      long until = 0;
      while (m.firstFailureNanos < 0) {
        until += chunk;
        sim.runUntil(until);
      }
      t[r] = m.firstFailureNanos / (double) MINUTE_NANOS;
    }
    Analytic.Estimate hat = Analytic.estimate(t);
    Analytic.report(
        "%d-of-%d rho=%s crews=%d: MTTFF sim %.5g +- %.2g vs chain %.5g min",
        k, n, rho, crews, hat.mean(), hat.halfWidth(), mttffMinutes);
    assertThat(hat.covers(mttffMinutes)).as("MTTFF %s vs %s", hat, mttffMinutes).isTrue();
    assertThat(hat.halfWidth()).isLessThan(0.1 * mttffMinutes);
  }

  private static org.assertj.core.data.Offset<Double> offsetOf(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
