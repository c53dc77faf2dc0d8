package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.experiment.Comparison;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RackGroups;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.ConversionLosses;
import org.aifactory.model.power.PowerChain;
import org.aifactory.model.power.PowerChainResult;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.UtilitySpec;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The power chain as a scenario writes it, against exact truth (issue 9): a k-of-n UPS with
 * user-set module MTBF and repair against the birth-death chain of docs/sources.md §6 with one and
 * three crews; 2N with common cause against its exact Markov chain; two correlated utility feeds
 * against the closed form of two M/G/∞ queues; 54 V against 800 V conductor losses against I²R by
 * hand; and the battery's reduced ride-through after a partial recharge, by hand.
 *
 * <p>Tolerances: the random cases estimate the unavailability by batch means, one long run from the
 * all-up state cut into 40 consecutive batches, each thousands of mean repair (or outage) times
 * long, so the batch means are nearly independent and the start-up transient negligible; the test
 * passes when the truth lies within 4 standard errors (s / √40) of the estimate, and requires that
 * band to be narrower than 10 % of the truth, so a pass means something. The deterministic cases
 * are exact (to the floating point of the energies: 1 µs, or 1e-9 relative).
 */
class PowerChainValidationTest {
  private static final int BATCHES = 40;
  private static final double STANDARD_ERRORS = 4;
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private static final long HOUR_NANOS = 60 * MINUTE_NANOS;

  /** VALID's 4 DGX-H100 (40.8 kW of design IT) on one rack group, with {@code power}. */
  private static FactorySpec factory(String power) throws ScenarioException {
    return Texts.load(Texts.VALID + "power:\n  rack_groups: 1\n" + power).factory();
  }

  /** The chain of {@code factory} on its own simulation, started. */
  private record Run(Simulation sim, PowerChain chain) {}

  private static Run start(FactorySpec factory, PowerChainSpec spec, long seed) {
    Simulation sim = new Simulation();
    double[] loads = RackGroups.designItWatts(factory, factory.power().orElseThrow().paths());
    PowerChain chain = new PowerChain(spec, loads, sim, new RandomStreams(seed, 0));
    chain.start();
    return new Run(sim, chain);
  }

  /** Whole-load unavailability by batch means: mean and standard error. */
  private static double[] unavailability(Run run, long batchNanos) {
    double[] u = new double[BATCHES];
    long previous = 0;
    for (int b = 0; b < BATCHES; b++) {
      run.sim().runUntil((b + 1) * batchNanos);
      long loss = run.chain().result().lossOfLoadNanos();
      u[b] = (double) (loss - previous) / batchNanos;
      previous = loss;
    }
    double mean = 0;
    for (double x : u) {
      mean += x;
    }
    mean /= BATCHES;
    double ss = 0;
    for (double x : u) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(ss / (BATCHES - 1) / BATCHES)};
  }

  private static void assertCovers(String label, double[] estimate, double truth) {
    double band = STANDARD_ERRORS * estimate[1];
    if (System.getProperty("power.report") != null) {
      System.out.printf(
          java.util.Locale.ROOT,
          "[power validation] %s: U sim %.5g +- %.2g (4 SE) vs exact %.5g%n",
          label,
          estimate[0],
          band,
          truth);
    }
    assertThat(Math.abs(estimate[0] - truth))
        .as("%s: %s ± %s vs %s", label, estimate[0], band, truth)
        .isLessThanOrEqualTo(band);
    assertThat(band).as("%s: the band must be narrow", label).isLessThan(0.1 * truth);
  }

  /** Stationary distribution of generator {@code q}: πQ = 0, Σπ = 1 (commons-math3 LU). */
  private static double[] stationary(double[][] q) {
    int m = q.length;
    for (int i = 0; i < m; i++) {
      double out = 0;
      for (int j = 0; j < m; j++) {
        out += j == i ? 0 : q[i][j];
      }
      q[i][i] = -out;
    }
    RealMatrix a = new Array2DRowRealMatrix(m, m);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a.setEntry(i, j, i == m - 1 ? 1 : q[j][i]);
      }
    }
    RealVector b = new ArrayRealVector(m);
    b.setEntry(m - 1, 1);
    return new LUDecomposition(a).getSolver().solve(b).toArray();
  }

  /**
   * 3-of-4 UPS modules (N+1 with N = 3: 15 kW modules for the 42.5 kW the UPS delivers), module
   * MTBF 10 min and repair 1 min (λ/μ = 0.1), no static bypass, so the system drops with two
   * modules down; one crew, then three. Truth: the birth-death chain, state i failed, i → i+1 at (4
   * − i)λ, i → i−1 at min(i, r)μ; U = π₂ + π₃ + π₄.
   */
  @ParameterizedTest(name = "{0} crew(s)")
  @ValueSource(ints = {1, 3})
  void kOfNUpsWithUserSetRatesMatchesTheBirthDeathChain(int crews) throws ScenarioException {
    FactorySpec f =
        factory(
            """
              ups: { design: N+1, module: 15 kW, module_mtbf: 10 min, module_repair: 1 min, static_bypass: false }
              generators: none
              utility: perfect
              pdus: { mtbf: 100000 y }
              common_cause: 0
              repair_crews: %d
            """
                .formatted(crews));
    PowerChainSpec spec = f.chain();
    assertThat(spec.ups().structure().totalUnits()).isEqualTo(4);
    assertThat(spec.ups().structure().unitsNeededPerSystem()).isEqualTo(3);
    double lambda = 0.1;
    double[][] q = new double[5][5];
    for (int i = 0; i <= 4; i++) {
      if (i < 4) {
        q[i][i + 1] = (4 - i) * lambda;
      }
      if (i > 0) {
        q[i][i - 1] = Math.min(i, crews);
      }
    }
    double[] pi = stationary(q);
    double truth = pi[2] + pi[3] + pi[4];
    assertCovers(
        "3-of-4 UPS, " + crews + " crew(s)",
        unavailability(start(f, spec, 91), 20_000 * MINUTE_NANOS),
        truth);
  }

  /**
   * 2N of two modules per system (25 kW modules: N = 2), module MTBF 20 min, repair 1 min, β = 10 %
   * over the four modules, a crew per unit, no bypass. Both systems up share the load, and one
   * module carries half of it; a system alone needs both of its modules. So the load is lost in the
   * states (i, j) of failed modules per system with i = 2 and j ≥ 1, or j = 2 and i ≥ 1. Truth: the
   * 9-state Markov chain, independent failures (2 − i)(1 − β)λ per system, the common-cause event
   * at βλ taking both systems to (2, 2), repairs iμ and jμ.
   */
  @Test
  void twoNWithCommonCauseMatchesItsMarkovChain() throws ScenarioException {
    FactorySpec f =
        factory(
            """
              ups: { design: 2N, module: 25 kW, module_mtbf: 20 min, module_repair: 1 min, static_bypass: false }
              generators: none
              utility: perfect
              pdus: { mtbf: 100000 y }
              common_cause: { ups: 10 %, pdus: 0 }
              repair_crews: per_unit
            """);
    PowerChainSpec spec = f.chain();
    assertThat(spec.ups().structure().systems()).isEqualTo(2);
    assertThat(spec.ups().structure().unitsPerSystem()).isEqualTo(2);
    double lambda = 1 / 20.0;
    double beta = 0.1;
    double[][] q = new double[9][9];
    for (int i = 0; i <= 2; i++) {
      for (int j = 0; j <= 2; j++) {
        int s = 3 * i + j;
        if (i < 2) {
          q[s][s + 3] += (2 - i) * (1 - beta) * lambda;
        }
        if (j < 2) {
          q[s][s + 1] += (2 - j) * (1 - beta) * lambda;
        }
        if (s != 8) {
          q[s][8] += beta * lambda;
        }
        if (i > 0) {
          q[s][s - 3] += i;
        }
        if (j > 0) {
          q[s][s - 1] += j;
        }
      }
    }
    double[] pi = stationary(q);
    double truth = 0;
    for (int i = 0; i <= 2; i++) {
      for (int j = 0; j <= 2; j++) {
        if ((i == 2 && j >= 1) || (j == 2 && i >= 1)) {
          truth += pi[3 * i + j];
        }
      }
    }
    assertCovers("2N, beta 10 %", unavailability(start(f, spec, 92), 50_000 * MINUTE_NANOS), truth);
  }

  /**
   * Two feeds, 1,752 outages a year each (0.2 per hour) of lognormal length (median 30 min, σ = 1,
   * so E[D] = 0.5 h · e^0.5), 30 % of them common to both; no generators, no battery, so the load
   * is lost exactly while both feeds are down. Each feed is an M/G/∞ queue of its own and the
   * common outages: P(both down) = 1 − 2e^(−λE[D]) + e^(−(2 − β)λE[D]), for any duration
   * distribution.
   */
  @Test
  void twoCorrelatedFeedsMatchTheExactFormula() throws ScenarioException {
    FactorySpec f =
        factory(
            """
              ups: { battery: 0 s, module_mtbf: 100000 y }
              generators: none
              utility:
                outages_per_year: 1752
                outage_duration: { distribution: lognormal, median: 30 min, sigma: 1 }
                momentary_per_year: 0
                feeds: 2
                common_outages: 30 %
              pdus: { mtbf: 100000 y }
            """);
    double rho = 0.2 * 0.5 * Math.exp(0.5); // λ·E[D], per hour × hours
    double beta = 0.3;
    double truth = 1 - 2 * Math.exp(-rho) + Math.exp(-(2 - beta) * rho);
    assertCovers(
        "two feeds, beta 30 %", unavailability(start(f, f.chain(), 93), 5_000 * HOUR_NANOS), truth);
    // Without the common part, the feeds are independent: (1 − e^(−λE[D]))².
    FactorySpec independent =
        factory(
            """
              ups: { battery: 0 s, module_mtbf: 100000 y }
              generators: none
              utility:
                outages_per_year: 1752
                outage_duration: { distribution: lognormal, median: 30 min, sigma: 1 }
                momentary_per_year: 0
                feeds: 2
                common_outages: 0
              pdus: { mtbf: 100000 y }
            """);
    double p = 1 - Math.exp(-rho);
    assertCovers(
        "two independent feeds",
        unavailability(start(independent, independent.chain(), 94), 5_000 * HOUR_NANOS),
        p * p);
  }

  /**
   * 2N with a source per side: side A on feed A, side B on feed B, dual-corded racks, no generators
   * and no battery. The racks are dark exactly while both feeds are down: the same formula as a
   * shared bus, through another wiring.
   */
  @Test
  void twoNWithASourcePerSideLosesTheLoadWhenBothFeedsAreDown() throws ScenarioException {
    FactorySpec f =
        factory(
            """
              sources: per_side
              ups: { design: 2N, battery: 0 s, module_mtbf: 100000 y }
              generators: none
              utility:
                outages_per_year: 1752
                outage_duration: { distribution: lognormal, median: 30 min, sigma: 1 }
                momentary_per_year: 0
                feeds: 2
                common_outages: 30 %
              pdus: { mtbf: 100000 y }
            """);
    double rho = 0.2 * 0.5 * Math.exp(0.5);
    double truth = 1 - 2 * Math.exp(-rho) + Math.exp(-(2 - 0.3) * rho);
    assertCovers(
        "2N per side, two feeds, beta 30 %",
        unavailability(start(f, f.chain(), 95), 5_000 * HOUR_NANOS), truth);
    // The same streams on a shared bus give the same downtime, to the nanosecond.
    FactorySpec shared =
        factory(
            """
              ups: { design: 2N, battery: 0 s, module_mtbf: 100000 y }
              generators: none
              utility:
                outages_per_year: 1752
                outage_duration: { distribution: lognormal, median: 30 min, sigma: 1 }
                momentary_per_year: 0
                feeds: 2
                common_outages: 30 %
              pdus: { mtbf: 100000 y }
            """);
    Run perSide = start(f, f.chain(), 96);
    Run oneBus = start(shared, shared.chain(), 96);
    perSide.sim().runUntil(10_000 * HOUR_NANOS);
    oneBus.sim().runUntil(10_000 * HOUR_NANOS);
    assertThat(perSide.chain().result().lossOfLoadNanos())
        .isPositive()
        .isEqualTo(oneBus.chain().result().lossOfLoadNanos());
  }

  /** A run's metric. */
  private static double metric(RunResult r, String key) {
    return r.metrics().stream()
        .filter(m -> m.key().equals(key))
        .mapToDouble(Metric::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + key));
  }

  /**
   * No job: the IT load is the idle one, constant, on one dual-corded rack group. Each cord carries
   * half of it: I = (P/2)/V, loss = 2 · I²R = P²R / (2V²), exactly, at 54 V and at 800 V over the
   * same 1 mΩ; and the energy bill of compare differs by the facility energies' difference × the
   * price.
   */
  @Test
  void conductorLossesAtFiftyFourAndEightHundredVoltsAreISquaredR() throws ScenarioException {
    String power =
        """
          ups: { module_mtbf: 100000 y }
          generators: none
          utility: perfect
          pdus: { mtbf: 100000 y }
          distribution: { voltage: %s, conductor_resistance: 1 mΩ }
        """;
    String noJob = Texts.VALID.substring(0, Texts.VALID.indexOf("workloads:"));
    double[] loss = new double[2];
    double[] facility = new double[2];
    String[] volts = {"54 V", "800 V"};
    Comparison.Input[] inputs = new Comparison.Input[2];
    for (int v = 0; v < 2; v++) {
      Scenario s = Texts.load(noJob + "power:\n  rack_groups: 1\n" + power.formatted(volts[v]));
      RunResult r = new FactoryRun(s.name(), s.factory(), s.run(), 0, false).complete();
      double hours = r.horizonHours();
      double itWatts = metric(r, "energy_it_mwh") * 1e6 / hours;
      double v0 = v == 0 ? 54 : 800;
      double byHand = itWatts * itWatts * 1e-3 / (2 * v0 * v0) * hours / 1e6; // MWh
      loss[v] = metric(r, "energy_losses_mwh.distribution");
      facility[v] = metric(r, "energy_facility_mwh");
      assertThat(loss[v]).as(volts[v]).isCloseTo(byHand, within(1e-9 * byHand));
      inputs[v] = new Comparison.Input(volts[v], "", s.factory(), s.run(), s.costs());
    }
    // 54 V loses (800/54)² = 219.5 times as much in the conductors.
    assertThat(loss[0] / loss[1]).isCloseTo(Math.pow(800 / 54.0, 2), within(1e-6));
    ComparisonResult c = Comparison.run("volts", List.of(inputs), 1, 1, ProgressListener.NONE);
    double years = c.horizonHours() / 8_766;
    double dollars =
        c.variants().get(0).annualEnergyDollars().mean()
            - c.variants().get(1).annualEnergyDollars().mean();
    assertThat(dollars).isCloseTo((facility[0] - facility[1]) * 80 / years, within(1e-6));
    assertThat(dollars).isPositive();
  }

  /**
   * The battery recharges in 2 h, linearly: outages of 1 h every 2 h from 2 h. The first finds a
   * full battery, which lasts T = 10 min × rated / load; it is empty from then to the end of the
   * outage at 3 h, recharges for 1 h (half of its energy) until the next outage at 4 h, which it
   * rides T/2: the exact reduced ride-through, from the state, without time steps.
   */
  @Test
  void aSecondOutageInsideTheRechargeFindsTheExactReducedRideThrough() throws ScenarioException {
    FactorySpec f =
        factory(
            """
              ups: { module: 50 kW, battery: 10 min, battery_recharge: 2 h, module_mtbf: 100000 y }
              generators: none
              pdus: { mtbf: 100000 y }
            """);
    UtilitySpec outages =
        UtilitySpec.sustainedOnly(
            new UtilitySpec.InterruptionProcess(
                new TimeDistribution.Fixed(7200), new TimeDistribution.Fixed(3600)));
    PowerChainSpec spec = f.chain().withUtility(outages);
    double[] loads = RackGroups.designItWatts(f, 1);
    double load = ConversionLosses.of(spec, loads).pathUpsOutputWatts(loads[0]);
    double rideNanos = 600e9 * spec.ups().systemRatedWatts() / load;
    Run run = start(f, spec, 1);
    run.sim().runUntil(11 * HOUR_NANOS / 2);
    PowerChainResult r = run.chain().result();
    assertThat(r.lossOfLoadEventNanos()).hasSize(2);
    assertThat((double) r.lossOfLoadEventNanos().get(0))
        .isCloseTo(HOUR_NANOS - rideNanos, within(1e3));
    assertThat((double) r.lossOfLoadEventNanos().get(1))
        .isCloseTo(HOUR_NANOS - rideNanos / 2, within(1e3));
    assertThat(rideNanos).isGreaterThan(10 * MINUTE_NANOS); // longer than 10 min below rated load
  }
}
