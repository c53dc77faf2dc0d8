package org.aifactory.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.SimTime;
import org.aifactory.engine.Simulation;
import org.aifactory.model.workload.InferenceServiceSpec;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 validation of the serving models: requests against Erlang C (M/M/c) and Little's law,
 * the fluid against its hand computation, and the two against each other at high load.
 */
class ServingTest {
  private static final long HOUR = SimTime.NANOS_PER_HOUR;

  /**
   * c single-GPU replicas of batch 1 serving 1,000 tokens/s each; answers geometric with mean 1,000
   * tokens (close to exponential: CV² = 0.999), so the mean service time is 1 s.
   */
  private static InferenceServiceSpec mmc(
      int c, double lambda, ServiceResolution resolution, Duration maxQueueing) {
    return new InferenceServiceSpec(
        "svc",
        "hall",
        c,
        1,
        1,
        1_000,
        1,
        0.7,
        2,
        new DemandSpec(lambda, DemandSpec.flat(), 0, 0),
        new TokenCounts.Fixed(100),
        new TokenCounts.Geometric(1_000),
        maxQueueing,
        resolution,
        Duration.ZERO);
  }

  /** Erlang C: the probability that an arrival waits, with c servers and offered load a = λ/μ. */
  private static double erlangC(int c, double a) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    double last = term * a / c;
    double rho = a / c;
    double top = last / (1 - rho);
    return top / (sum + top);
  }

  private record Run(ServiceBooks books, double meanBusy) {}

  private static Run run(InferenceServiceSpec spec, long horizon, int replication) {
    Simulation sim = new Simulation();
    double[] busy = {0};
    ServingModel model =
        spec.resolution() == ServiceResolution.REQUESTS
            ? new RequestService(spec, sim, new RandomStreams(7, replication), (t, d) -> {})
            : new FluidService(spec, sim, (t, d) -> {});
    model.start(0);
    sim.runUntil(horizon);
    model.finish(horizon);
    busy[0] = model.books().busySlotNanos() / horizon;
    return new Run(model.books(), busy[0]);
  }

  @Test
  void requestsMatchErlangCAndLittlesLaw() {
    int c = 8;
    double lambda = 6; // ρ = 0.75
    long horizon = 4 * HOUR;
    SummaryStatistics meanWait = new SummaryStatistics();
    SummaryStatistics waitedShare = new SummaryStatistics();
    SummaryStatistics busy = new SummaryStatistics();
    SummaryStatistics littles = new SummaryStatistics();
    for (int r = 0; r < 20; r++) {
      Run run = run(mmc(c, lambda, ServiceResolution.REQUESTS, Duration.ofDays(365)), horizon, r);
      ServiceBooks b = run.books();
      meanWait.addValue(b.waits().mean());
      waitedShare.addValue(1 - b.waits().fractionAtMost(0));
      busy.addValue(run.meanBusy());
      // Little's law for the slots: busy slots = throughput × mean service time (1 s × mean
      // tokens / 1,000), measured by the served requests' own tokens.
      littles.addValue(run.meanBusy() - b.servedTokens() / 1_000 / (horizon / 1e9));
    }
    double a = lambda * 1.0; // offered load: λ × mean service (1 s)
    double pWait = erlangC(c, a);
    double wq = pWait / (c * 1.0 - lambda);
    assertWithin(meanWait, wq, "mean wait (Erlang C: %.4f s)".formatted(wq));
    assertWithin(waitedShare, pWait, "P(wait) (Erlang C: %.4f)".formatted(pWait));
    assertWithin(busy, a, "busy slots");
    // Busy time of requests still in service at the horizon is not matched by served tokens:
    // at most c slots × 1 s-ish each over 4 h; well inside the tolerance below.
    assertThat(Math.abs(littles.getMean())).isLessThan(4 * littles.getStandardDeviation() + 1e-3);
  }

  /** Mean of replications within 4 standard errors of the analytic value. */
  private static void assertWithin(SummaryStatistics s, double expected, String what) {
    double se = s.getStandardDeviation() / Math.sqrt(s.getN());
    assertThat(s.getMean()).as(what).isCloseTo(expected, within(4 * se));
  }

  @Test
  void fluidUnderCapacityServesTheDemandExactly() {
    // Capacity 8 req/s; demand 6 req/s for 3 h: served = 6 × 10,800 requests, 1,000 tokens each
    // (the geometric's mean), and 6 of 8 slots busy all the time.
    long horizon = 3 * HOUR;
    Run run = run(mmc(8, 6, ServiceResolution.FLUID, Duration.ofMinutes(1)), horizon, 0);
    ServiceBooks b = run.books();
    assertThat(b.servedRequests()).isCloseTo(6 * 10_800, within(1e-6));
    assertThat(b.servedTokens()).isCloseTo(6 * 10_800 * 1_000.0, within(1e-3));
    assertThat(run.meanBusy()).isCloseTo(6, within(1e-9));
    assertThat(b.waits().max()).isZero();
  }

  @Test
  void fluidOverCapacityFillsItsQueueThenDrops() {
    // Capacity μ = 8 req/s, demand λ = 10 req/s, at most 60 s of waiting: the queue fills at 2
    // req/s to μ × 60 = 480 requests in 240 s, then 2 req/s are dropped. Over 1 h: 36,000
    // arrive, 480 wait at the end, 2 × (3,600 − 240) = 6,720 are dropped, 28,800 are served.
    long horizon = HOUR;
    Run run = run(mmc(8, 10, ServiceResolution.FLUID, Duration.ofSeconds(60)), horizon, 0);
    ServiceBooks b = run.books();
    assertThat(b.arrivedRequests()).isCloseTo(36_000, within(1e-6));
    assertThat(b.queuedAtEnd()).isCloseTo(480, within(1e-6));
    assertThat(b.droppedRequests(ServiceBooks.QUEUE_TIMEOUT)).isCloseTo(6_720, within(1e-5));
    assertThat(b.servedRequests()).isCloseTo(28_800, within(1e-5));
    assertThat(run.meanBusy()).isCloseTo(8, within(1e-9));
    // Delays rise linearly to 60 s over 240 s (2,400 requests), then stay at 60 s: the median
    // served request waited 60 s (to the histogram's 1 %).
    assertThat(b.waits().quantile(0.5)).isCloseTo(60, within(0.6));
    assertThat(b.waits().max()).isCloseTo(60, within(1e-9));
  }

  @Test
  void fluidAgreesWithRequestsAtHighLoad() {
    // 64 slots at ρ = 0.95 for 4 h: tokens served and busy slot-time within 1 %.
    long horizon = 4 * HOUR;
    InferenceServiceSpec requests = mmc(64, 60.8, ServiceResolution.REQUESTS, Duration.ofDays(1));
    InferenceServiceSpec fluid = mmc(64, 60.8, ServiceResolution.FLUID, Duration.ofDays(1));
    Run r = run(requests, horizon, 3);
    Run f = run(fluid, horizon, 3);
    assertThat(r.books().servedTokens())
        .isCloseTo(f.books().servedTokens(), within(0.01 * f.books().servedTokens()));
    assertThat(r.meanBusy()).isCloseTo(f.meanBusy(), within(0.01 * f.meanBusy()));
  }

  @Test
  void aReplicaThatFailsLosesItsRequestsInService() {
    Simulation sim = new Simulation();
    InferenceServiceSpec spec = mmc(4, 3, ServiceResolution.REQUESTS, Duration.ofDays(1));
    RequestService s = new RequestService(spec, sim, new RandomStreams(1, 0), (t, d) -> {});
    s.start(0);
    sim.runUntil(HOUR);
    double busyBefore = s.busySlots();
    s.replicaDown(0, HOUR, "gpu");
    s.replicaDown(1, HOUR, "gpu");
    assertThat(s.books().droppedRequests("gpu")).isBetween(0.0, 2.0);
    assertThat(s.busySlots()).isLessThanOrEqualTo(busyBefore).isLessThanOrEqualTo(2);
    sim.runUntil(2 * HOUR);
    s.replicaUp(0, 2 * HOUR);
    s.replicaUp(1, 2 * HOUR);
    sim.runUntil(3 * HOUR);
    s.finish(3 * HOUR);
    ServiceBooks b = s.books();
    double accounted =
        b.servedRequests()
            + b.droppedRequests("gpu")
            + b.droppedRequests(ServiceBooks.QUEUE_TIMEOUT)
            + b.queuedAtEnd()
            + b.inServiceAtEnd();
    assertThat(accounted).isEqualTo(b.arrivedRequests());
  }
}
