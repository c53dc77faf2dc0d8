package org.aifactory.model.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;
import org.aifactory.metrics.FailureDomainResult;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.ObservationSpec;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.RunSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §4: failure domains inside a GB300 NVL72 rack against the birth-death chain of its
 * compute trays.
 *
 * <p>Each of the rack's 18 trays (4 GPUs, the built-in FRU) fails at λ = 4 × the GPU rate while it
 * runs, and is swapped in s = 30 min (fixed). A strike on a GPU of a tray already out is ignored,
 * so each tray alternates an exponential life and a swap, independently of the others: a tray is
 * out with probability p = s / (1/λ + s) whatever the swap's distribution, and the number of trays
 * out is Binomial(18, p), the stationary law of the birth-death chain with birth rate (18 − k)·λ
 * and death rate k/s (for exponential swaps; the binomial is insensitive to their shape). A job
 * using 64 of the 72 GPUs is short of them when more than 2 trays are out: q = P(Bin(18, p) ≥ 3).
 *
 * <p>With restart and spare swap of 0 s, the job on one rack waits exactly while its rack is short;
 * on N racks with S spare racks it waits while fewer than N racks have their share: P(Bin(N + S, q)
 * > S). Figures are means over replications, within 4 standard errors (plus a start-up bound: every
 * tray starts new, so the first hour is short of trays out; its effect is at most one relaxation
 * time, 1/(λ + 1/s) < 0.5 h, over the horizon).
 */
class FailureDomainValidationTest {
  private static final double HOUR = 3600;

  /** p = 0.1: a tray lives 1/λ = s (1 − p) / p = 4.5 h, a GPU 18 h. */
  private static final double TRAY_OUT = 0.1;

  private static final double SWAP_HOURS = 0.5;
  private static final double TRAY_LIFE_HOURS = SWAP_HOURS * (1 - TRAY_OUT) / TRAY_OUT;
  private static final double GPU_LIFE_HOURS = 4 * TRAY_LIFE_HOURS;
  private static final int TRAYS = 18;
  private static final int HORIZON_HOURS = 2_000;
  private static final int REPLICATIONS = 10;

  private static final FailureCause GPU_IN_TRAY =
      new FailureCause(
          "tray_gpu",
          FailureScope.GPU,
          new TimeDistribution.Exponential(GPU_LIFE_HOURS * HOUR),
          new TimeDistribution.Fixed(24 * HOUR),
          false,
          FailureDomain.FRU);

  /** P(a rack cannot give 64 healthy GPUs) = P(more than 2 of its 18 trays out). */
  private static final double RACK_SHORT =
      1 - new BinomialDistribution(TRAYS, TRAY_OUT).cumulativeProbability(2);

  private static TrainingJobSpec job(int racks) {
    return new TrainingJobSpec(
        "train",
        "hall",
        64 * racks,
        Duration.ZERO,
        new IterationProfile(Duration.ofSeconds(1), 0.7, 1.0, 0.3),
        1, // one token per second of iterating: lost tokens read as seconds
        Optional.empty(),
        Duration.ZERO,
        OptionalLong.empty(),
        Optional.empty(),
        OptionalInt.of(64));
  }

  private static RunResult run(int racks, int spareRacks, FailureCause cause, int replication) {
    FactorySpec factory =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("hall", "GB300-NVL72", racks + spareRacks)),
            List.of(job(racks)),
            new FailureSpec(new FailureProfile("trays", List.of(cause)), Duration.ZERO, 0));
    RunSpec run =
        new RunSpec(
            Duration.ofHours(HORIZON_HOURS),
            3,
            PulseResolution.AVERAGED,
            ObservationSpec.defaults());
    return new FactoryRun("domains", factory, run, replication, false).complete();
  }

  private static double waitingFraction(RunResult r) {
    return r.jobs().get(0).lostProduction().waiting() / (HORIZON_HOURS * HOUR);
  }

  private static SummaryStatistics replicate(
      int racks, int spares, ToDoubleFunction<RunResult> figure) {
    SummaryStatistics s = new SummaryStatistics();
    for (int rep = 0; rep < REPLICATIONS; rep++) {
      s.addValue(figure.applyAsDouble(run(racks, spares, GPU_IN_TRAY, rep)));
    }
    return s;
  }

  private static void assertWithin4Se(SummaryStatistics s, double expected, double startUp) {
    double se = s.getStandardDeviation() / Math.sqrt(s.getN());
    assertThat(s.getMean())
        .as("mean %.5f, expected %.5f, se %.5f", s.getMean(), expected, se)
        .isBetween(expected - 4 * se - startUp, expected + 4 * se + startUp);
  }

  private static final double START_UP = SWAP_HOURS / HORIZON_HOURS;

  @Test
  void aRackIsShortOf64GpusAsOftenAsTheBirthDeathChainSays() {
    assertThat(RACK_SHORT).isCloseTo(0.2662, within(1e-4));
    assertWithin4Se(
        replicate(1, 0, FailureDomainValidationTest::waitingFraction), RACK_SHORT, START_UP);
  }

  /** A job on 4 racks waits while any of them is short: 1 − (1 − q)^4. */
  @Test
  void aJobOnFourRacksWaitsWhileAnyIsShort() {
    double expected = 1 - Math.pow(1 - RACK_SHORT, 4);
    assertWithin4Se(
        replicate(4, 0, FailureDomainValidationTest::waitingFraction), expected, START_UP);
  }

  /**
   * In-rack spares first, then a spare rack: a job on 4 racks with one spare rack waits only while
   * 2 of the 5 racks are short, P(Bin(5, q) ≥ 2).
   */
  @Test
  void aSpareRackCoversOneShortRack() {
    double expected = 1 - new BinomialDistribution(5, RACK_SHORT).cumulativeProbability(1);
    assertWithin4Se(
        replicate(4, 1, FailureDomainValidationTest::waitingFraction), expected, START_UP);
  }

  /**
   * How tray failures end, on one rack. With k trays out (k ≤ 2) the job's 16 trays fail at 16λ: a
   * spare tray takes over while k < 2, the rack goes short at k = 2; the 18 − k − 16 spare trays,
   * and all trays while the rack is short, fail without interrupting anything. Expected counts are
   * rates × time in each state: E[take-overs] = 16λH·(P0 + P1), E[short] = 16λH·P2.
   */
  @Test
  void trayFailuresEndAsTheChainSays() {
    BinomialDistribution out = new BinomialDistribution(TRAYS, TRAY_OUT);
    double lambdaH = HORIZON_HOURS / TRAY_LIFE_HOURS;
    double takeOvers = 16 * lambdaH * (out.probability(0) + out.probability(1));
    double systemsShort = 16 * lambdaH * out.probability(2);
    double unused = 2 * lambdaH * out.probability(0) + lambdaH * out.probability(1);
    for (int k = 3; k <= TRAYS; k++) {
      unused += (TRAYS - k) * lambdaH * out.probability(k);
    }
    double relativeStartUp = START_UP;
    assertWithin4Se(
        replicate(1, 0, r -> domains(r).takeOvers()), takeOvers, relativeStartUp * takeOvers);
    assertWithin4Se(
        replicate(1, 0, r -> domains(r).systemsShort()),
        systemsShort,
        relativeStartUp * systemsShort);
    assertWithin4Se(
        replicate(1, 0, r -> domains(r).unusedUnitFailures()), unused, relativeStartUp * unused);
  }

  private static FailureDomainResult domains(RunResult r) {
    return r.failureDomains().orElseThrow();
  }

  /**
   * The books stay exact: every GPU-hour in one state, the down GPU-hours split between trays and
   * whole racks, every tray failure ended one way, and the job interrupted once per tray failure
   * that took its GPUs (it holds its only rack whenever it can be interrupted).
   */
  @Test
  void theBooksBalanceWithTraysAndWholeRacks() {
    FailureCause rackFailure =
        new FailureCause(
            "rack",
            FailureScope.SYSTEM,
            new TimeDistribution.Exponential(50 * HOUR),
            new TimeDistribution.Exponential(6 * HOUR),
            false);
    FactorySpec factory =
        new FactorySpec(
            HardwareCatalog.builtIn(),
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("hall", "GB300-NVL72", 3)),
            List.of(job(2)),
            new FailureSpec(
                new FailureProfile("mixed", List.of(GPU_IN_TRAY, rackFailure)),
                Duration.ofMinutes(5),
                0.1));
    for (PulseResolution resolution : PulseResolution.values()) {
      RunSpec spec = new RunSpec(Duration.ofHours(300), 5, resolution, ObservationSpec.defaults());
      RunResult r = new FactoryRun("books", factory, spec, 0, true).complete();
      GpuHours h = r.gpuHours();
      double parts =
          h.productive()
              + h.lostWork()
              + h.throttling()
              + h.checkpoint()
              + h.restart()
              + h.waiting()
              + h.idle()
              + h.down();
      assertThat(parts).isCloseTo(h.installed(), within(1e-9 * h.installed()));
      assertThat(h.idle()).isPositive(); // the in-rack spares and the spare rack
      FailureDomainResult d = domains(r);
      assertThat(d.unitDownGpuHours() + d.systemDownGpuHours())
          .isCloseTo(h.down(), within(1e-9 * h.down()));
      assertThat(d.unitDownGpuHours()).isPositive();
      assertThat(d.systemDownGpuHours()).isPositive();
      assertThat(d.unusedUnitFailures() + d.takeOvers() + d.systemsShort())
          .isEqualTo(d.unitFailures());
      assertThat(d.takeOvers()).isPositive();
      assertThat(d.systemsShort()).isPositive();
      JobResult job = r.jobs().get(0);
      var lost = job.lostProduction();
      double lostParts =
          lost.checkpoint()
              + lost.lostWork()
              + lost.restart()
              + lost.waiting()
              + lost.throttling()
              + lost.incompleteIteration();
      assertThat(lost.total()).isCloseTo(lostParts, within(1e-9 * lost.idealTokens()));
      assertThat(lost.incompleteIteration()).isBetween(0.0, 1.0); // one token per iteration
      assertThat(lost.producedTokens()).isEqualTo((double) job.tokens());
      assertThat(job.interruptionsByCause().get("tray_gpu"))
          .isBetween(1L, d.takeOvers() + d.systemsShort());
      long trayRows =
          r.events().stream()
              .filter(e -> e.component().contains("/fru-"))
              .filter(e -> e.kind() == org.aifactory.metrics.FailureLog.Kind.REPAIR)
              .count();
      assertThat(trayRows).isBetween(d.unitFailures() - 18 * 3, d.unitFailures());
    }
  }

  /** One rack, one job: every interruption by a tray is a take-over or a short rack. */
  @Test
  void eachTrayInterruptionIsATakeOverOrAShortRack() {
    RunResult r = run(1, 0, GPU_IN_TRAY, 0);
    FailureDomainResult d = domains(r);
    assertThat(r.interruptions()).isEqualTo(d.takeOvers() + d.systemsShort());
    assertThat(d.unitDownGpuHours() / r.gpuHours().installed())
        .as("fraction of GPU-hours in trays out")
        .isCloseTo(TRAY_OUT, within(0.02));
    assertThat(d.systemDownGpuHours()).isZero();
  }

  /**
   * GPUs that wear out (Weibull lives, one renewal process per GPU): a GPU ages only while its tray
   * runs, and a swapped tray brings 4 new GPUs, so a tray alternates a life of min(4 new lives),
   * Weibull with scale η / 4^(1/k), and a swap: out s / (E[min] + s) of the time.
   */
  @Test
  void wornOutGpusTakeTheirTraysOutAsAnAlternatingRenewal() {
    for (double shape : new double[] {0.7, 2.0}) {
      double gpuScale = GPU_LIFE_HOURS * HOUR;
      double trayMeanHours =
          gpuScale
              / Math.pow(4, 1 / shape)
              * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape))
              / HOUR;
      double expected = SWAP_HOURS / (trayMeanHours + SWAP_HOURS);
      FailureCause wearing =
          new FailureCause(
              "worn_gpu",
              FailureScope.GPU,
              new TimeDistribution.Weibull(shape, gpuScale),
              new TimeDistribution.Fixed(24 * HOUR),
              false,
              FailureDomain.FRU);
      SummaryStatistics s = new SummaryStatistics();
      for (int rep = 0; rep < REPLICATIONS; rep++) {
        RunResult r = run(2, 0, wearing, rep);
        s.addValue(domains(r).unitDownGpuHours() / r.gpuHours().installed());
      }
      // Every GPU starts new: at most one tray cycle of transient over the horizon.
      assertWithin4Se(s, expected, (trayMeanHours + SWAP_HOURS) / HORIZON_HOURS);
    }
  }

  /** Without a cause contained in the tray, the built-in FRU changes nothing. */
  @Test
  void theCatalogsTrayIsUnusedUntilACauseIsContainedInIt() {
    FailureCause wholeRack = GPU_IN_TRAY.inDomain(FailureDomain.SYSTEM);
    RunResult withTray = run(2, 1, wholeRack, 0);
    HardwareCatalog noTray =
        HardwareCatalog.builtIn()
            .withSystem(
                new org.aifactory.model.hardware.SystemType(
                    "GB300-NVL72",
                    "GB300",
                    72,
                    HardwareCatalog.builtIn().system("GB300-NVL72").orElseThrow().otherItPower()));
    FactorySpec factory =
        new FactorySpec(
            noTray,
            new FacilitySpec(1.2),
            List.of(new ClusterSpec("hall", "GB300-NVL72", 3)),
            List.of(job(2)),
            new FailureSpec(new FailureProfile("trays", List.of(wholeRack)), Duration.ZERO, 0));
    RunSpec spec =
        new RunSpec(
            Duration.ofHours(HORIZON_HOURS),
            3,
            PulseResolution.AVERAGED,
            ObservationSpec.defaults());
    RunResult without = new FactoryRun("domains", factory, spec, 0, false).complete();
    assertThat(withTray.failureDomains()).isEmpty();
    assertThat(withTray.metrics()).isEqualTo(without.metrics());
  }
}
