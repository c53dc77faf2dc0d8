package org.aifactory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.RunResult;
import org.aifactory.metrics.ServiceResult;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.inference.DemandSpec;
import org.aifactory.model.inference.ServiceResolution;
import org.aifactory.model.inference.TokenCounts;
import org.aifactory.model.workload.InferenceServiceSpec;
import org.aifactory.model.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

/**
 * An inference service in a factory: its tokens, its power and its share of the energy, by hand.
 *
 * <p>The toy GPU draws 1,000 W at TDP and 100 W idle; a system holds 4 of them and 500 W of other
 * IT. The service: 8 GPUs in replicas of 2 (two per system), batch 4, 1,000 tokens/s per GPU at
 * full batch, busy power 80 % of TDP, answers of 500 tokens: a slot serves 500 tokens/s, so a
 * request takes 1 s and the 16 slots complete 16 requests/s.
 */
class InferenceFactoryTest {
  private static final double HOURS = 10;
  private static final double SECONDS = HOURS * 3600;

  private static InferenceServiceSpec service(double rate, ServiceResolution resolution) {
    return service(8, rate, new TokenCounts.Fixed(500), Duration.ofSeconds(30), resolution);
  }

  private static InferenceServiceSpec service(
      int gpus,
      double rate,
      TokenCounts answers,
      Duration maxQueueing,
      ServiceResolution resolution) {
    return new InferenceServiceSpec(
        "chat",
        "hall",
        gpus,
        2,
        4,
        1_000,
        1,
        0.8,
        4,
        new DemandSpec(rate, DemandSpec.flat(), 0, 0),
        new TokenCounts.Fixed(100),
        answers,
        maxQueueing,
        resolution,
        Duration.ZERO);
  }

  private static RunResult run(ClusterSpec cluster, WorkloadSpec service) {
    FactorySpec factory = Specs.factory(Specs.TOY_CATALOG, 1.2, List.of(cluster), List.of(service));
    assertThat(factory.problems()).isEmpty();
    return new FactoryRun(
            "inference",
            factory,
            Specs.run(Duration.ofSeconds((long) SECONDS), PulseResolution.FULL))
        .complete();
  }

  private static double metric(RunResult r, String key) {
    return r.metrics().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void fluidServiceUnderItsCapacityServesTheDemandAndDrawsTheHandComputedPower() {
    RunResult r = run(new ClusterSpec("hall", "S", 2), service(8, ServiceResolution.FLUID));
    ServiceResult s = r.services().get(0);
    // 8 requests/s of 500 tokens for 10 h; every request takes 1 s, the last ones end after T.
    assertThat(s.demandedTokens()).isCloseTo(8 * 500 * SECONDS, within(1e-3));
    assertThat(s.servedTokens() + s.inServiceAtEnd() * 500)
        .isCloseTo(8 * 500 * SECONDS, within(1e-3));
    assertThat(s.droppedTokens()).isZero();
    assertThat(s.utilisation()).isCloseTo(0.5, within(1e-9));
    // IT: 2 systems × (4 × 100 + 500) W base, 8 busy slots × (800 − 100) W × 2 GPUs / 4 slots.
    double itWatts = 2 * 900 + 8 * 350;
    assertThat(r.energyItJoules()).isCloseTo(itWatts * SECONDS, within(1e-6 * itWatts * SECONDS));
    assertThat(s.energyItJoules()).isCloseTo(itWatts * SECONDS, within(1e-6 * itWatts * SECONDS));
    assertThat(r.energyFacilityJoules()).isCloseTo(1.2 * itWatts * SECONDS, within(1e-3 * SECONDS));
    assertThat(r.gpuHours().serving()).isCloseTo(8 * HOURS, within(1e-9));
    assertThat(r.gpuHours().idle()).isCloseTo(0, within(1e-9));
    assertThat(metric(r, MetricKeys.TOKENS_PER_JOULE_IT_INFERENCE))
        .isCloseTo(s.servedTokens() / (itWatts * SECONDS), within(1e-12));
    assertThat(metric(r, MetricKeys.TOKENS_PER_KWH_FACILITY_INFERENCE))
        .isCloseTo(s.servedTokens() / (1.2 * itWatts * SECONDS / 3.6e6), within(1e-6));
  }

  @Test
  void aServiceAboveItsCapacityDropsTheRestAfterItsLongestWait() {
    RunResult r = run(new ClusterSpec("hall", "S", 2), service(20, ServiceResolution.FLUID));
    ServiceResult s = r.services().get(0);
    // Capacity 16 requests/s: the 4 requests/s beyond it wait 30 s and are dropped.
    assertThat(s.servedTokens() + s.inServiceAtEnd() * 500)
        .isCloseTo(16 * 500 * SECONDS, within(1e-3 * 16 * 500 * SECONDS));
    assertThat(s.droppedTokens() + s.queuedAtEnd() * 500)
        .isCloseTo(4 * 500 * SECONDS, within(1e-3 * 4 * 500 * SECONDS));
    assertThat(s.utilisation()).isCloseTo(1, within(1e-3));
  }

  @Test
  void aPowerCapSlowsTheSlotsThroughThePowerCurveAndHoldsThemBusyLonger() {
    ClusterSpec capped =
        new ClusterSpec(
            "hall",
            "S",
            2,
            Optional.of(PowerCapSchedule.constant(new PowerCapSchedule.Cap.Watts(600))),
            Optional.empty());
    RunResult r = run(capped, service(8, ServiceResolution.FLUID));
    ServiceResult s = r.services().get(0);
    SystemPower power =
        new SystemPower(
            Specs.TOY_CATALOG.system("S").orElseThrow(), Specs.TOY_CATALOG.gpu("X").orElseThrow());
    double speed = power.speed(0.8, 600);
    assertThat(speed).isLessThan(1);
    // The same demand is served; each request holds its slot 1/speed s at 600 W.
    assertThat(s.servedTokens() + s.inServiceAtEnd() * 500)
        .isCloseTo(8 * 500 * SECONDS, within(1e-3));
    double busy = 8 / speed;
    assertThat(s.utilisation()).isCloseTo(busy / 16, within(1e-6));
    double itWatts = 2 * 900 + busy * (600 - 100) * 2 / 4;
    assertThat(r.energyItJoules()).isCloseTo(itWatts * SECONDS, within(1e-6 * itWatts * SECONDS));
    assertThat(s.gpuHoursThrottled()).isCloseTo(busy * 2 / 4 * HOURS, within(1e-6));
  }

  @Test
  void requestsAndFluidAgreeOnTokensAndEnergyWithinOnePercentAtHighLoad() {
    // ρ = 15.2 / 16 = 0.95; geometric answers (mean 500) make the request model an M/M/16 queue.
    TokenCounts answers = new TokenCounts.Geometric(500);
    InferenceServiceSpec requests =
        service(8, 15.2, answers, Duration.ofMinutes(10), ServiceResolution.REQUESTS);
    InferenceServiceSpec fluid =
        service(8, 15.2, answers, Duration.ofMinutes(10), ServiceResolution.FLUID);
    RunResult a = run(new ClusterSpec("hall", "S", 2), requests);
    RunResult b = run(new ClusterSpec("hall", "S", 2), fluid);
    assertThat(a.services().get(0).servedTokens())
        .isCloseTo(
            b.services().get(0).servedTokens(), within(0.01 * b.services().get(0).servedTokens()));
    assertThat(a.energyItJoules()).isCloseTo(b.energyItJoules(), within(0.01 * b.energyItJoules()));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(ServiceResolution.class)
  void failuresTakeReplicasDownAndEveryDemandedTokenIsAccountedFor(ServiceResolution resolution) {
    // Llama 3's failure rates × 10,000 on 64 toy systems: replicas go down and come back on
    // spares (4 of the 64 systems are spare) or after repairs.
    org.aifactory.model.failure.FailureProfile often =
        org.aifactory.model.failure.FailureProfile.llama3().scaled(10_000);
    InferenceServiceSpec big =
        service(240, 200, new TokenCounts.Geometric(500), Duration.ofSeconds(30), resolution);
    FactorySpec factory =
        new FactorySpec(
            Specs.TOY_CATALOG,
            new org.aifactory.model.facility.FacilitySpec(1.2),
            List.of(new ClusterSpec("hall", "S", 64)),
            List.of(big),
            new org.aifactory.model.failure.FailureSpec(often, Duration.ofMinutes(1), 0.1));
    RunResult r =
        new FactoryRun("failures", factory, Specs.run(Duration.ofHours(10), PulseResolution.FULL))
            .complete();
    ServiceResult s = r.services().get(0);
    double lostToFailures =
        s.droppedTokens() - s.droppedTokensByCause().getOrDefault("queue_timeout", 0.0);
    assertThat(lostToFailures).isPositive();
    double accounted =
        s.servedTokens() + s.droppedTokens() + (s.queuedAtEnd() + s.inServiceAtEnd()) * 500;
    // Requests: exact counts of sampled tokens, except the queued and in-service at the end,
    // counted at the mean; fluid: all at the mean.
    assertThat(accounted).isCloseTo(s.demandedTokens(), within(1e-9 * s.demandedTokens() + 50_000));
    assertThat(r.gpuHours().serving() + r.gpuHours().idle() + r.gpuHours().down())
        .isCloseTo(r.gpuHours().installed(), within(1e-6));
    // Every replication lists every cause, dropped or not: a run without failures has the keys.
    RunResult calm =
        new FactoryRun(
                "failures",
                factory.withWorkloads(List.of(big)),
                Specs.run(Duration.ofHours(10), PulseResolution.FULL),
                1,
                false)
            .complete();
    assertThat(calm.metrics().stream().map(org.aifactory.metrics.Metric::key).toList())
        .isEqualTo(r.metrics().stream().map(org.aifactory.metrics.Metric::key).toList());
    new org.aifactory.metrics.ReplicationSet(r, List.of(r.metrics(), calm.metrics()));
  }

  /**
   * The site's minimum load applies while a service runs, as while a job does: the fluid service's
   * factory draws 1.2 × 4,600 W all along, below a 6 kW minimum for the whole 10 h; at 5 kW it
   * complies.
   */
  @Test
  void theMinimumLoadAppliesWhileAServiceRuns() {
    for (double minimum : new double[] {6_000, 5_000}) {
      FactorySpec factory =
          Specs.factory(
                  Specs.TOY_CATALOG,
                  1.2,
                  List.of(new ClusterSpec("hall", "S", 2)),
                  List.of(service(8, ServiceResolution.FLUID)))
              .withSite(
                  Optional.of(
                      new org.aifactory.model.site.SiteSpec(
                          List.of(new org.aifactory.model.site.GridRule.MinimumLoad(minimum)),
                          Optional.empty(),
                          Optional.empty(),
                          Optional.empty(),
                          Optional.empty())));
      RunResult r =
          new FactoryRun(
                  "minimum",
                  factory,
                  Specs.run(Duration.ofSeconds((long) SECONDS), PulseResolution.FULL))
              .complete();
      org.aifactory.metrics.grid.RuleVerdict v = r.site().orElseThrow().rules().get(0);
      if (minimum > 1.2 * 4_600) {
        assertThat(v.violations()).isEqualTo(1);
        assertThat(v.violationNanos()).isCloseTo(SECONDS * 1e9, within(1e-6 * SECONDS * 1e9));
        assertThat(v.worst()).isCloseTo(1.2 * 4_600, within(1e-6));
      } else {
        assertThat(v.violations()).isZero();
      }
    }
  }
}
