package org.aifactory.model.power;

import static org.aifactory.model.power.TestChains.HOUR;
import static org.aifactory.model.power.TestChains.HOUR_NANOS;
import static org.aifactory.model.power.TestChains.MINUTE;
import static org.aifactory.model.power.TestChains.MINUTE_NANOS;
import static org.aifactory.model.power.TestChains.NEVER;
import static org.aifactory.model.power.TestChains.exp;
import static org.aifactory.model.power.TestChains.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Series and parallel compositions of the chain against reliability algebra with independent units
 * (one repair crew per unit): a = μ/(λ+μ) per unit, series A = Π a_i, parallel A = 1 − Π(1 − a_i).
 * Then deterministic cases with fixed failure times whose downtime is computed by hand.
 *
 * <p>CI method (random cases): batch means, one long run from the all-up state split into 40
 * batches of 20,000 min (≥ 10,000 mean repair times each), interval ± t(39) · s/√40 at 99.9 %; each
 * interval must also be narrower than 10 % of the true unavailability.
 */
class CompositionTest {
  private static final int BATCHES = 40;
  private static final long BATCH = 20_000 * MINUTE_NANOS;

  /** Whole-load unavailability by batch means, read from the chain's own result. */
  private static Analytic.Estimate unavailability(PowerChainSpec spec, double[] loads, long seed) {
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, loads, sim, new RandomStreams(seed, 0));
    chain.start();
    double[] u = new double[BATCHES];
    long prev = 0;
    for (int b = 0; b < BATCHES; b++) {
      sim.runUntil((b + 1) * BATCH);
      long loss = chain.result().lossOfLoadNanos();
      u[b] = (double) (loss - prev) / BATCH;
      prev = loss;
    }
    return Analytic.estimate(u);
  }

  private static void check(String label, Analytic.Estimate hat, double truth) {
    Analytic.report(
        "%s: U sim %.5g +- %.2g vs algebra %.5g", label, hat.mean(), hat.halfWidth(), truth);
    assertThat(hat.covers(truth)).as("%s: %s vs %s", label, hat, truth).isTrue();
    assertThat(hat.halfWidth()).isLessThan(0.1 * truth);
  }

  /**
   * The utility alone (no battery, no generators): interruptions arrive as a Poisson process and
   * overlapping ones merge, so the utility is down while an M/G/∞ queue is non-empty: U = 1 −
   * e^{−λ·E[D]}, here λ·E[D] = 0.2.
   */
  @Test
  void utilityInterruptionsMergeLikeAnInfiniteServerQueue() {
    UtilitySpec utility =
        UtilitySpec.sustainedOnly(
            new UtilitySpec.InterruptionProcess(exp(60 * MINUTE), exp(12 * MINUTE)));
    PowerChainSpec spec =
        TestChains.chain(
            utility,
            null,
            TestChains.ups(
                StageStructure.kOfN(1, 1), 100e3, NEVER, exp(MINUTE), Duration.ZERO, false),
            TestChains.lossless(false, NEVER, exp(MINUTE)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    check(
        "utility alone (M/G/inf)",
        unavailability(spec, new double[] {50e3}, 35),
        1 - Math.exp(-0.2));
  }

  /** UPS (one module) in series with a PDU: A = a_ups · a_pdu. */
  @Test
  void seriesUpsAndPdu() {
    double lu = 0.05;
    double mu = 1;
    double lp = 0.02;
    double mp = 0.5; // per minute
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                StageStructure.kOfN(1, 1),
                100e3,
                exp(MINUTE / lu),
                exp(MINUTE / mu),
                Duration.ZERO,
                false),
            TestChains.lossless(false, exp(MINUTE / lp), exp(MINUTE / mp)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    double a = mu / (lu + mu) * (mp / (lp + mp));
    check("series UPS+PDU", unavailability(spec, new double[] {50e3}, 31), 1 - a);
  }

  /** 2N UPS (two systems of one module) into a dual-corded path, PDUs perfect: A = 1 − (1−a)². */
  @Test
  void parallelUpsSystems() {
    double l = 0.1;
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                RedundancyDesign.TWO_N.structure(1),
                100e3,
                exp(MINUTE / l),
                exp(MINUTE),
                Duration.ZERO,
                false),
            TestChains.lossless(true, NEVER, exp(MINUTE)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    double a = 1 / (l + 1);
    check("parallel 2N UPS", unavailability(spec, new double[] {80e3}, 32), (1 - a) * (1 - a));
  }

  /** Single-corded path behind 2N through an ideal static transfer switch: still A = 1 − (1−a)². */
  @Test
  void singleCordedBehindAStaticTransferSwitch() {
    double l = 0.1;
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                RedundancyDesign.TWO_N.structure(1),
                100e3,
                exp(MINUTE / l),
                exp(MINUTE),
                Duration.ZERO,
                false),
            TestChains.lossless(false, NEVER, exp(MINUTE)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    double a = 1 / (l + 1);
    check(
        "single-corded 2N with STS",
        unavailability(spec, new double[] {80e3}, 34),
        (1 - a) * (1 - a));
  }

  /**
   * Series-parallel: two cords, each a UPS system in series with its PDU, in parallel: A = 1 − (1 −
   * a_u·a_p)².
   */
  @Test
  void twoSeriesBranchesInParallel() {
    double lu = 0.1;
    double lp = 0.05;
    double mp = 0.5;
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                RedundancyDesign.TWO_N.structure(1),
                100e3,
                exp(MINUTE / lu),
                exp(MINUTE),
                Duration.ZERO,
                false),
            TestChains.lossless(true, exp(MINUTE / lp), exp(MINUTE / mp)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    double branch = 1 / (lu + 1) * (mp / (lp + mp));
    check(
        "2 x (UPS+PDU) in parallel",
        unavailability(spec, new double[] {80e3}, 33),
        (1 - branch) * (1 - branch));
  }

  /**
   * By hand: the UPS module fails every 100 h of up time and takes 5 h to repair; the PDU every 70
   * h, 10 h to repair. Over 250 h the path is down [70, 80], [100, 105], [150, 160], [205, 210],
   * [230, 240]: 40 h in 5 events.
   */
  @Test
  void fixedFailureTimesInSeries() {
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                StageStructure.kOfN(1, 1),
                100e3,
                fixed(100 * HOUR),
                fixed(5 * HOUR),
                Duration.ZERO,
                false),
            TestChains.lossless(false, fixed(70 * HOUR), fixed(10 * HOUR)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, new double[] {50e3}, sim, new RandomStreams(1, 0));
    TestChains.Log log = new TestChains.Log();
    chain.addListener(log);
    chain.start();
    sim.runUntil(250 * HOUR_NANOS);
    PowerChainResult r = chain.result();
    assertThat(r.lossOfLoadNanos()).isEqualTo(40 * HOUR_NANOS);
    assertThat(r.lossOfLoadEvents()).isEqualTo(5);
    assertThat(r.lossOfLoadEventNanos())
        .containsExactly(
            10 * HOUR_NANOS, 5 * HOUR_NANOS, 10 * HOUR_NANOS, 5 * HOUR_NANOS, 10 * HOUR_NANOS);
    assertThat(r.wholeLoadAvailability())
        .isCloseTo(1 - 40.0 / 250, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.paths().get(0).lossEvents()).isEqualTo(5);
    assertThat(r.upsModuleFailures()).isEqualTo(2);
    assertThat(r.pduFailures()).isEqualTo(3);
    assertThat(log.entries)
        .containsExactly(
            "lost 0 @ 4200",
            "restored 0 @ 4800",
            "lost 0 @ 6000",
            "restored 0 @ 6300",
            "lost 0 @ 9000",
            "restored 0 @ 9600",
            "lost 0 @ 12300",
            "restored 0 @ 12600",
            "lost 0 @ 13800",
            "restored 0 @ 14400");
  }

  /**
   * By hand, battery only: outages at 5 h, 10 h, 15 h, 2 h each; 10 min autonomy at the rated 100
   * kW, so 20 min at the 50 kW load; recharge 8 h from empty. First outage: dark from 5 h 20 min to
   * 7 h. Then 3 h of recharge give 3/8 of the energy: 7.5 min, dark from 10 h 7.5 min to 12 h, and
   * from 15 h 7.5 min to the 16 h horizon.
   */
  @Test
  void batteryRideThroughAndRechargeByHand() {
    PowerChainSpec spec =
        TestChains.chain(
            TestChains.fixedOutages(Duration.ofHours(5), Duration.ofHours(2)),
            null,
            TestChains.ups(
                StageStructure.kOfN(1, 1),
                100e3,
                NEVER,
                fixed(HOUR),
                Duration.ofMinutes(10),
                false),
            TestChains.lossless(false, NEVER, fixed(HOUR)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, new double[] {50e3}, sim, new RandomStreams(1, 0));
    chain.start();
    sim.runUntil(16 * HOUR_NANOS);
    PowerChainResult r = chain.result();
    assertThat(r.utilityInterruptions()).isEqualTo(3);
    assertThat(r.lossOfLoadEvents()).isEqualTo(3);
    List<Long> d = r.lossOfLoadEventNanos();
    assertNanos(d.get(0), 100 * MINUTE_NANOS);
    assertNanos(d.get(1), 112.5 * MINUTE_NANOS);
    assertNanos(d.get(2), 52.5 * MINUTE_NANOS);
    assertNanos(r.lossOfLoadNanos(), 265 * MINUTE_NANOS);
    assertNanos(r.onBatteryNanos(), 35 * MINUTE_NANOS);
  }

  /**
   * By hand, with generators: they pick up after 10 s of every 2 h outage, so the battery carries
   * 10 s per outage and nothing is lost. Then with 1 h of fuel: the plant stops 1 h 10 s into the
   * outage at 5 h, the battery (recharged meanwhile, full) lasts 20 min, dark from 6 h 20 min 10 s
   * to 7 h.
   */
  @Test
  void generatorsPickUpAndRunOutOfFuelByHand() {
    GeneratorPlantSpec gens =
        new GeneratorPlantSpec(
            2, 1, Duration.ofSeconds(10), 0, NEVER, fixed(HOUR), 1, java.util.Optional.empty());
    UpsSpec ups =
        TestChains.ups(
            StageStructure.kOfN(1, 1), 100e3, NEVER, fixed(HOUR), Duration.ofMinutes(10), false);
    DistributionSpec dist = TestChains.lossless(false, NEVER, fixed(HOUR));
    UtilitySpec utility = TestChains.fixedOutages(Duration.ofHours(5), Duration.ofHours(2));

    Simulation sim = new Simulation();
    PowerChain chain =
        new PowerChain(
            TestChains.chain(
                utility, gens, ups, dist, CommonCauseSpec.none(), RepairCrewSpec.perUnit()),
            new double[] {50e3},
            sim,
            new RandomStreams(1, 0));
    chain.start();
    sim.runUntil(16 * HOUR_NANOS);
    PowerChainResult r = chain.result();
    assertThat(r.lossOfLoadEvents()).isZero();
    assertThat(r.generatorStarts()).isEqualTo(3);
    assertThat(r.generatorFailToStarts()).isZero();
    assertThat(r.onBatteryNanos()).isEqualTo(30_000_000_000L);

    GeneratorPlantSpec oneHourOfFuel =
        new GeneratorPlantSpec(
            2,
            1,
            Duration.ofSeconds(10),
            0,
            NEVER,
            fixed(HOUR),
            1,
            java.util.Optional.of(Duration.ofHours(1)));
    Simulation sim2 = new Simulation();
    PowerChain chain2 =
        new PowerChain(
            TestChains.chain(
                utility,
                oneHourOfFuel,
                ups,
                dist,
                CommonCauseSpec.none(),
                RepairCrewSpec.perUnit()),
            new double[] {50e3},
            sim2,
            new RandomStreams(1, 0));
    chain2.start();
    sim2.runUntil(8 * HOUR_NANOS);
    PowerChainResult r2 = chain2.result();
    assertThat(r2.lossOfLoadEvents()).isEqualTo(1);
    assertNanos(r2.lossOfLoadNanos(), (39 * 60 + 50) * 1_000_000_000L);
  }

  /**
   * By hand, static bypass: the only module fails at 3 h and is back at 7 h; the utility is out
   * from 5 h to 5 h 30 min. With a bypass the path is dark only while the utility is out (the
   * bypass has no ride-through); without, from 3 h to 7 h.
   */
  @Test
  void staticBypassCarriesAFailedUpsUntilTheUtilityFails() {
    for (boolean bypass : new boolean[] {true, false}) {
      PowerChainSpec spec =
          TestChains.chain(
              TestChains.fixedOutages(Duration.ofHours(5), Duration.ofMinutes(30)),
              null,
              TestChains.ups(
                  StageStructure.kOfN(1, 1),
                  100e3,
                  fixed(3 * HOUR),
                  fixed(4 * HOUR),
                  Duration.ofMinutes(10),
                  bypass),
              TestChains.lossless(false, NEVER, fixed(HOUR)),
              CommonCauseSpec.none(),
              RepairCrewSpec.perUnit());
      Simulation sim = new Simulation();
      PowerChain chain = new PowerChain(spec, new double[] {50e3}, sim, new RandomStreams(1, 0));
      chain.start();
      sim.runUntil(9 * HOUR_NANOS + 1);
      PowerChainResult r = chain.result();
      assertThat(r.lossOfLoadEvents()).isEqualTo(1);
      assertThat(r.lossOfLoadNanos()).isEqualTo(bypass ? 30 * MINUTE_NANOS : 4 * HOUR_NANOS);
    }
  }

  private static void assertNanos(long actual, double expected) {
    // Battery times come from floating-point energy: allow a microsecond.
    assertThat((double) actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e3));
  }
}
