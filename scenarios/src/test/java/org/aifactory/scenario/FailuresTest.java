package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.junit.jupiter.api.Test;

/** The {@code failures:} section: profiles, scaling, cause overrides, additions and removals. */
class FailuresTest {
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;
  private static final double YEAR = 365 * DAY;

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID (21 lines) with {@code failures:} at line 22 and {@code body} from line 23. */
  private static String withFailures(String body) {
    return VALID + "failures:\n" + body;
  }

  private static FailureSpec failures(String body, String... sets) throws ScenarioException {
    return load(withFailures(body), sets).factory().failures();
  }

  private static FailureCause llama3(String cause) {
    return FailureProfile.llama3().cause(cause).orElseThrow();
  }

  private static List<String> names(FailureSpec spec) {
    return names(spec.profile());
  }

  private static List<String> names(FailureProfile profile) {
    return profile.causes().stream().map(FailureCause::name).toList();
  }

  // ---- valid input ----

  @Test
  void noFailuresSectionMeansNoFailures() throws ScenarioException {
    assertThat(load(VALID).factory().failures()).isEqualTo(FailureSpec.none());
    assertThat(load(VALID + "failures:\n").factory().failures()).isEqualTo(FailureSpec.none());
  }

  @Test
  void theLlama3ProfileWithDefaults() throws ScenarioException {
    FailureSpec spec = failures("  profile: llama3\n");
    assertThat(spec)
        .isEqualTo(new FailureSpec(FailureProfile.llama3(), FailureSpec.DEFAULT_SPARE_SWAP, 0));
    assertThat(spec.profile().causes()).hasSize(19);
  }

  @Test
  void profileNoneAndTheOtherKeys() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: none
              spare_swap_time: 90 s
              failed_power: 10 %
            """);
    assertThat(spec).isEqualTo(new FailureSpec(FailureProfile.none(), Duration.ofSeconds(90), 0.1));
  }

  @Test
  void scaleMultipliesEveryRate() throws ScenarioException {
    FailureSpec spec = failures("  profile: llama3\n  scale: 2\n");
    assertThat(spec.profile()).isEqualTo(FailureProfile.llama3().scaled(2));
    assertThat(spec.profile().cause("software_bug").orElseThrow().timeToFailure().meanSeconds())
        .isCloseTo(12 * HOUR, within(1e-6));
  }

  @Test
  void anOverrideMayGiveOnlyScaleAndKeepsItsPlace() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              causes:
                software_bug: { scale: 3 }
            """);
    assertThat(spec.profile().cause("software_bug")).contains(llama3("software_bug").scaled(3));
    assertThat(names(spec)).isEqualTo(names(FailureProfile.llama3()));
  }

  @Test
  void anOverrideMayGiveOnlyTheRepair() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              causes:
                faulty_gpu: { repair: 4 h }
            """);
    FailureCause base = llama3("faulty_gpu");
    assertThat(spec.profile().cause("faulty_gpu"))
        .contains(
            new FailureCause(
                "faulty_gpu",
                FailureScope.GPU,
                base.timeToFailure(),
                new TimeDistribution.Exponential(4 * HOUR),
                false));
  }

  @Test
  void anOverrideMayReplaceTheTimeToFailureAndScaleIt() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              scale: 2
              causes:
                nic: { mtbf: 20 y, scale: 4 }
            """);
    // 20 y per system, 4 x and 2 x as frequent: a mean of 2.5 y.
    assertThat(spec.profile().cause("nic").orElseThrow().timeToFailure().meanSeconds())
        .isCloseTo(2.5 * YEAR, within(1e-3));
  }

  @Test
  void anEmptyValueRemovesACauseAndAnEmptyMapChangesNothing() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              causes:
                planned_maintenance:
                dependency: ~
                cpu: null
                nic: {}
            """);
    assertThat(names(spec))
        .hasSize(16)
        .doesNotContain("planned_maintenance", "dependency", "cpu")
        .contains("nic");
    assertThat(spec.profile().cause("nic")).contains(llama3("nic"));
  }

  @Test
  void newCausesComeAfterTheProfilesInFileOrder() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              causes:
                pdu: { scope: system, rate: 6.5 per 1000 d }
                software_bug: { scale: 2 }
                cooling: { scope: job, mtbf: 30 d, planned: true }
            """);
    List<String> names = names(spec);
    assertThat(names).hasSize(21);
    assertThat(names.subList(0, 19)).isEqualTo(names(FailureProfile.llama3()));
    assertThat(names.subList(19, 21)).containsExactly("pdu", "cooling");
    assertThat(spec.profile().cause("pdu"))
        .contains(
            new FailureCause(
                "pdu",
                FailureScope.SYSTEM,
                new TimeDistribution.Exponential(1000 * DAY / 6.5),
                FailureProfile.DEFAULT_REPAIR,
                false));
    assertThat(spec.profile().cause("cooling"))
        .contains(
            new FailureCause(
                "cooling",
                FailureScope.JOB,
                new TimeDistribution.Exponential(30 * DAY),
                FailureProfile.DEFAULT_REPAIR,
                true));
  }

  @Test
  void mtbfBeyondTheClocksRange() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              causes:
                a: { scope: gpu, mtbf: 400 y }
                b: { scope: gpu, mtbf: 3.5e6 h }
                c: { scope: gpu, mtbf: 1e9 y }
            """);
    assertThat(spec.profile().causes())
        .extracting(c -> c.timeToFailure().meanSeconds())
        .containsExactly(400 * YEAR, 3.5e6 * HOUR, 1e9 * YEAR);
    assertThat(spec.profile().name()).isEqualTo("none");
  }

  @Test
  void ratesWithABareUnit() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              causes:
                a: { scope: network, rate: 2 per y }
                b: { scope: job, rate: 0.5 per 1 h }
            """);
    assertThat(spec.profile().causes())
        .extracting(c -> c.timeToFailure().meanSeconds())
        .containsExactly(YEAR / 2, 2 * HOUR);
  }

  @Test
  void timeToFailureDistributions() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              causes:
                e: { scope: gpu, time_to_failure: { distribution: exponential, mean: 100 y } }
                w:
                  scope: gpu
                  time_to_failure: { distribution: weibull, shape: 0.8, scale: 1000 y }
                l:
                  scope: system
                  time_to_failure: { distribution: lognormal, median: 5 y, sigma: 1.5 }
            """);
    assertThat(spec.profile().causes())
        .extracting(FailureCause::timeToFailure)
        .containsExactly(
            new TimeDistribution.Exponential(100 * YEAR),
            new TimeDistribution.Weibull(0.8, 1000 * YEAR),
            new TimeDistribution.Lognormal(5 * YEAR, 1.5));
  }

  @Test
  void repairDistributions() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              causes:
                faulty_gpu: { repair: { distribution: lognormal, median: 2 h, sigma: 1 } }
                nic: { repair: { distribution: fixed, value: 30 min } }
                ssd: { repair: { distribution: exponential, mean: 1 d } }
                cpu: { repair: 0 s }
            """);
    assertThat(
            List.of("faulty_gpu", "nic", "ssd", "cpu").stream()
                .map(c -> spec.profile().cause(c).orElseThrow().repair()))
        .containsExactly(
            new TimeDistribution.Lognormal(2 * HOUR, 1),
            new TimeDistribution.Fixed(30 * 60),
            new TimeDistribution.Exponential(DAY),
            new TimeDistribution.Fixed(0));
  }

  @Test
  void anOverrideMayChangeTheScopeAndPlanned() throws ScenarioException {
    FailureSpec spec =
        failures(
            """
              profile: llama3
              causes:
                software_bug: { scope: network, planned: true }
            """);
    FailureCause cause = spec.profile().cause("software_bug").orElseThrow();
    assertThat(cause.scope()).isEqualTo(FailureScope.NETWORK);
    assertThat(cause.planned()).isTrue();
    assertThat(cause.timeToFailure()).isEqualTo(llama3("software_bug").timeToFailure());
  }

  // ---- errors ----

  @Test
  void failuresMustBeAMap() {
    assertThat(error(VALID + "failures: llama3\n"))
        .isEqualTo(
            at(
                22,
                11,
                "failures",
                "expected a map with keys profile, scale, spare_swap_time, failed_power,"
                    + " failure_domain, causes, got 'llama3'"));
  }

  @Test
  void unknownKeyInFailures() {
    assertThat(error(withFailures("  profile: llama3\n  spare_swp_time: 1 min\n")))
        .isEqualTo(
            at(
                24,
                3,
                "failures.spare_swp_time",
                "unknown key 'spare_swp_time' (did you mean 'spare_swap_time'?); allowed keys:"
                    + " profile, scale, spare_swap_time, failed_power, failure_domain, causes"));
  }

  @Test
  void unknownProfileListsTheBuiltInOnes() {
    assertThat(error(withFailures("  profile: llama\n")))
        .isEqualTo(
            at(
                23,
                12,
                "failures.profile",
                "unknown value 'llama' (did you mean 'llama3'?); allowed: none, llama3"));
  }

  @Test
  void anUnknownProfileDoesNotMakeEveryOverrideANewCause() {
    String text =
        withFailures(
            """
              profile: llama4
              causes:
                software_bug: { scale: 3 }
                dependency:
                nic: { scale: -1 }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                23,
                12,
                "failures.profile",
                "unknown value 'llama4' (did you mean 'llama3'?); allowed: none, llama3"),
            at(
                27,
                19,
                "failures.causes.nic.scale",
                "expected a number > 0 that multiplies the failure rate, e.g. 2, got '-1'"));
  }

  @Test
  void badScaleSwapTimeAndFailedPower() {
    String text =
        withFailures(
            """
              scale: 0
              spare_swap_time: -1 min
              failed_power: 1.5
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                23,
                10,
                "failures.scale",
                "expected a number > 0 that multiplies the rate of every cause, e.g. 2, got '0'"),
            at(24, 20, "failures.spare_swap_time", "expected a duration >= 0, got '-1 min'"),
            at(
                25,
                17,
                "failures.failed_power",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '1.5' (if you meant"
                    + " a percentage, write '1.5 %')"));
  }

  @Test
  void unknownScope() {
    String text =
        withFailures(
            """
              causes:
                pdu: { scope: rack, mtbf: 10 y }
                fan: { scope: sytem, mtbf: 10 y }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                19,
                "failures.causes.pdu.scope",
                "unknown value 'rack'; allowed: gpu, system, network, job"),
            at(
                25,
                19,
                "failures.causes.fan.scope",
                "unknown value 'sytem' (did you mean 'system'?); allowed: gpu, system, network,"
                    + " job"));
  }

  @Test
  void bothMtbfAndRate() {
    String text =
        withFailures(
            """
              causes:
                pdu: { scope: system, mtbf: 10 y, rate: 6.5 per 1000 d }
            """);
    assertThat(error(text))
        .isEqualTo(
            at(
                24,
                39,
                "failures.causes.pdu.rate",
                "give only one of mtbf, rate and time_to_failure, not mtbf and rate"));
  }

  @Test
  void theConflictIsReportedAtTheLaterKey() {
    String text =
        withFailures(
            """
              causes:
                pdu:
                  time_to_failure: { distribution: exponential, mean: 10 y }
                  scope: system
                  mtbf: 10 y
            """);
    assertThat(error(text))
        .isEqualTo(
            at(
                27,
                7,
                "failures.causes.pdu.mtbf",
                "give only one of mtbf, rate and time_to_failure, not time_to_failure and mtbf"));
  }

  @Test
  void aNewCauseNeedsATimeToFailure() {
    String text =
        withFailures(
            """
              profile: llama3
              causes:
                pdu: { scope: system, repair: 4 h }
            """);
    assertThat(error(text))
        .isEqualTo(
            at(
                25,
                10,
                "failures.causes.pdu.mtbf",
                "missing the time to failure: give mtbf (a mean, e.g. 400 y), rate (e.g. 6.5 per"
                    + " 1000 d) or time_to_failure (a distribution); needed by a new cause: 'pdu'"
                    + " is not a cause of profile 'llama3'"));
  }

  @Test
  void aNewCauseNeedsAScope() {
    String text =
        withFailures(
            """
              causes:
                pdu:
                  mtbf: 10 y
            """);
    assertThat(error(text))
        .isEqualTo(
            at(
                25,
                7,
                "failures.causes.pdu.scope",
                "missing required key 'scope' (what one failure strikes: gpu, system, network or"
                    + " job; needed by a new cause: profile 'none' has no causes)"));
  }

  @Test
  void aMisspeltOverrideIsANewCauseAndSuggestsTheProfilesCause() {
    String text =
        withFailures(
            """
              profile: llama3
              causes:
                sofware_bug: { scale: 3 }
            """);
    assertThat(error(text))
        .isEqualTo(
            at(
                25,
                18,
                "failures.causes.sofware_bug",
                "'sofware_bug' is not a cause of profile 'llama3' (did you mean 'software_bug'?),"
                    + " so it is a new cause and needs scope (gpu, system, network or job) and a"
                    + " time to failure (mtbf, rate or time_to_failure)"));
  }

  @Test
  void removingACauseThatIsNotThere() {
    String text =
        withFailures(
            """
              profile: llama3
              causes:
                planned_maintenace:
            """);
    assertThat(error(text))
        .isEqualTo(
            at(
                25,
                5,
                "failures.causes.planned_maintenace",
                "nothing to remove: 'planned_maintenace' is not a cause of profile 'llama3' (did"
                    + " you mean 'planned_maintenance'?)"));
    assertThat(error(withFailures("  causes: { x: ~ }\n")))
        .isEqualTo(
            at(23, 13, "failures.causes.x", "nothing to remove: profile 'none' has no causes"));
  }

  @Test
  void causeNamesAndShapes() {
    String text =
        withFailures(
            """
              profile: llama3
              causes:
                my cause: { scope: gpu, mtbf: 1 y }
                nic: 2
                ssd: { mtfb: 10 y }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                25,
                5,
                "failures.causes.my cause",
                "expected a name of letters, digits, '.', '_' and '-', got 'my cause'"),
            at(
                26,
                10,
                "failures.causes.nic",
                "expected a failure cause: a map with keys scope, mtbf, rate, time_to_failure,"
                    + " repair, planned, scale, failure_domain, or nothing to remove the cause, got"
                    + " '2'"),
            at(
                27,
                12,
                "failures.causes.ssd.mtfb",
                "unknown key 'mtfb' (did you mean 'mtbf'?); allowed keys: scope, mtbf, rate,"
                    + " time_to_failure, repair, planned, scale, failure_domain"));
  }

  @Test
  void badMtbf() {
    String text =
        withFailures(
            """
              causes:
                a: { scope: gpu, mtbf: 400 }
                b: { scope: gpu, mtbf: 0 y }
                c: { scope: gpu, mtbf: 1e400 y }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(24, 28, "failures.causes.a.mtbf", "'400' needs a unit, e.g. '400 s'"),
            at(25, 28, "failures.causes.b.mtbf", "expected a duration > 0, got '0 y'"),
            at(26, 28, "failures.causes.c.mtbf", "'1e400 y' is out of range for a duration"));
  }

  @Test
  void badRates() {
    String text =
        withFailures(
            """
              causes:
                a: { scope: gpu, rate: 6.5/1000 d }
                b: { scope: gpu, rate: 0 per 1000 d }
                c: { scope: gpu, rate: 6.5 per 1000 days }
                d: { scope: gpu, rate: x per d }
                e: { scope: gpu, rate: 1 per 0 d }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                28,
                "failures.causes.a.rate",
                "expected a rate: a number of failures per duration (e.g. 6.5 per 1000 d), got"
                    + " '6.5/1000 d'"),
            at(
                25,
                28,
                "failures.causes.b.rate",
                "expected a rate > 0, got '0 per 1000 d' (to remove a cause, give it an empty"
                    + " value)"),
            at(
                26,
                28,
                "failures.causes.c.rate",
                "unknown unit 'days' in '1000 days'; duration units are ns, us, ms, s, min, h, d,"
                    + " w, y (did you mean 'd'?)"),
            at(
                27,
                28,
                "failures.causes.d.rate",
                "expected a rate: a number of failures per duration (e.g. 6.5 per 1000 d), got 'x"
                    + " per d': 'x' is not a plain number"),
            at(28, 28, "failures.causes.e.rate", "expected a duration > 0, got '0 d'"));
  }

  @Test
  void badDistributionParameters() {
    String text =
        withFailures(
            """
              causes:
                a: { scope: gpu, time_to_failure: { distribution: weibull, scale: 10 y } }
                b: { scope: gpu, time_to_failure: { distribution: weibull, shape: 0, scale: 1 y } }
                c: { scope: gpu, time_to_failure: { distribution: exponential, median: 1 y } }
                d: { scope: gpu, time_to_failure: { distribution: lognormal, median: 1 y } }
                e: { scope: gpu, time_to_failure: { distribution: weibul, shape: 1, scale: 1 y } }
                f: { scope: gpu, time_to_failure: { mean: 1 y } }
                g: { scope: gpu, time_to_failure: 10 y }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(
                24,
                39,
                "failures.causes.a.time_to_failure.shape",
                "missing required key 'shape' (the shape k, a number > 0 (k < 1: failures come"
                    + " early); the weibull distribution takes shape and scale)"),
            at(
                25,
                71,
                "failures.causes.b.time_to_failure.shape",
                "expected a number > 0 (the shape k), got '0'"),
            at(
                26,
                39,
                "failures.causes.c.time_to_failure.mean",
                "missing required key 'mean' (the mean, e.g. 24 h; the exponential distribution"
                    + " takes mean)"),
            at(
                26,
                68,
                "failures.causes.c.time_to_failure.median",
                "'median' is not a parameter of the exponential distribution, which takes mean"),
            at(
                27,
                39,
                "failures.causes.d.time_to_failure.sigma",
                "missing required key 'sigma' (sigma of the underlying normal, a number > 0, e.g."
                    + " 1; the lognormal distribution takes median and sigma)"),
            at(
                28,
                55,
                "failures.causes.e.time_to_failure.distribution",
                "unknown value 'weibul' (did you mean 'weibull'?); allowed: exponential, weibull,"
                    + " lognormal"),
            at(
                29,
                39,
                "failures.causes.f.time_to_failure.distribution",
                "missing required key 'distribution' (the distribution: exponential, weibull,"
                    + " lognormal)"),
            at(
                30,
                39,
                "failures.causes.g.time_to_failure",
                "expected a map with keys distribution, mean, scale, median, shape, sigma (or, for"
                    + " an exponential time to failure, write mtbf: <mean> instead), got '10 y'"));
  }

  @Test
  void badRepairs() {
    String text =
        withFailures(
            """
              profile: llama3
              causes:
                faulty_gpu: { repair: -1 h }
                nic: { repair: { distribution: weibull, shape: 1, scale: 1 h } }
                ssd: { repair: { distribution: fixed, mean: 1 h } }
                cpu: { repair: [1 h] }
                system_memory: { repair: { distribution: lognormal, median: 1 h, sigma: -1 } }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(25, 27, "failures.causes.faulty_gpu.repair", "expected a duration >= 0, got '-1 h'"),
            at(
                26,
                36,
                "failures.causes.nic.repair.distribution",
                "unknown value 'weibull'; allowed: exponential, lognormal, fixed"),
            at(
                26,
                45,
                "failures.causes.nic.repair.shape",
                "unknown key 'shape'; allowed keys: distribution, mean, median, value, sigma"),
            at(
                26,
                55,
                "failures.causes.nic.repair.scale",
                "unknown key 'scale'; allowed keys: distribution, mean, median, value, sigma"),
            at(
                27,
                20,
                "failures.causes.ssd.repair.value",
                "missing required key 'value' (the duration, e.g. 4 h; the fixed distribution"
                    + " takes value)"),
            at(
                27,
                43,
                "failures.causes.ssd.repair.mean",
                "'mean' is not a parameter of the fixed distribution, which takes value"),
            at(
                28,
                20,
                "failures.causes.cpu.repair",
                "expected a duration (the mean of an exponential repair time, e.g. 24 h) or a map"
                    + " with keys distribution, mean, median, value, sigma, got a list"),
            at(
                29,
                77,
                "failures.causes.system_memory.repair.sigma",
                "expected a number > 0 (sigma of the underlying normal), got '-1'"));
  }

  @Test
  void badPlannedAndCauseScale() {
    String text =
        withFailures(
            """
              profile: llama3
              causes:
                nic: { planned: yes }
                cpu: { planned: True, scale: 0 }
            """);
    assertThat(errors(text))
        .containsExactly(
            at(25, 21, "failures.causes.nic.planned", "unknown value 'yes'; allowed: true, false"),
            at(
                26,
                21,
                "failures.causes.cpu.planned",
                "unknown value 'True' (did you mean 'true'?); allowed: true, false"),
            at(
                26,
                34,
                "failures.causes.cpu.scale",
                "expected a number > 0 that multiplies the failure rate, e.g. 2, got '0'"));
  }

  // ---- scales that would make a time to failure unusable ----

  private static final String INFINITE = " infinite (beyond the largest 64-bit number, 1.8e308 s)";

  /** {@code failures.scale: 1e-308} on llama3 was an IllegalArgumentException from sim-core. */
  @Test
  void aProfileScaleThatMakesATimeToFailureInfiniteIsReportedAtTheScale() {
    assertThat(error(withFailures("  profile: llama3\n  scale: 1e-308\n")))
        .isEqualTo(
            at(
                24,
                10,
                "failures.scale",
                "would make the mean time to failure of cause 'faulty_gpu'"
                    + INFINITE
                    + "; and so for 18 more causes"));
    assertThat(error(VALID, "failures.profile=llama3", "failures.scale=1e-308").path())
        .isEqualTo("failures.scale");
  }

  @Test
  void aProfileScaleThatMakesATimeToFailureShorterThanANanosecondIsReportedAtTheScale() {
    assertThat(
            error(
                withFailures(
                    "  scale: 1e10\n  causes:\n    a: { scope: job, mtbf: 1 s }\n"
                        + "    b: { scope: job, mtbf: 1 y }\n")))
        .isEqualTo(
            at(
                23,
                10,
                "failures.scale",
                "would make the mean time to failure of cause 'a' 1.00e-10 s, shorter than the"
                    + " clock's resolution of 1 ns"));
  }

  @Test
  void aCauseScaleIsCheckedAgainstItsOwnTimeToFailure() {
    assertThat(error(withFailures("  profile: llama3\n  causes:\n    nic: { scale: 1e308 }\n")))
        .isEqualTo(
            at(
                25,
                19,
                "failures.causes.nic.scale",
                "would make the mean time to failure 1.37e-299 s, shorter than the clock's"
                    + " resolution of 1 ns"));
    assertThat(
            error(
                withFailures(
                    "  causes:\n    w: { scope: gpu, scale: 1e-300, time_to_failure:"
                        + " { distribution: weibull, shape: 2, scale: 1e10 y } }\n")))
        .isEqualTo(
            at(24, 29, "failures.causes.w.scale", "would make the Weibull scale" + INFINITE));
  }

  @Test
  void scalesAreAppliedOneAfterTheOther() throws ScenarioException {
    // Each scale alone is fine; together they divide 1 y by 1e-300 twice.
    String body =
        "  scale: 1e-150\n  causes:\n    a: { scope: job, mtbf: 1e150 y, scale: 1e-10 }\n";
    assertThat(error(withFailures(body)))
        .isEqualTo(
            at(
                23,
                10,
                "failures.scale",
                "would make the mean time to failure of cause 'a'" + INFINITE));
    assertThat(failures(body.replace("1e-150", "1e-140")).profile().causes().get(0).timeToFailure())
        .isEqualTo(new TimeDistribution.Exponential(1e150 * YEAR / 1e-10 / 1e-140));
  }
}
