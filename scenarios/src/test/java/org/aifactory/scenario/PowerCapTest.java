package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.hardware.PowerCapSchedule.Cap;
import org.aifactory.model.hardware.PowerCapSchedule.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code power_cap} of clusters and jobs: a cap, or a schedule of caps. */
class PowerCapTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID with the cluster's power_cap at line 7 (the rest one line lower). */
  private static String clusterCap(String cap) {
    return valid("    count: 4\n", "    count: 4\n    power_cap: " + cap + "\n");
  }

  /** VALID with the job's power_cap at line 18 (the checkpoint one line lower). */
  private static String jobCap(String cap) {
    return valid(
        "    tokens_per_iteration: 1024\n",
        "    tokens_per_iteration: 1024\n    power_cap: " + cap + "\n");
  }

  private static Optional<PowerCapSchedule> ofCluster(String cap) throws ScenarioException {
    return Texts.load(clusterCap(cap)).factory().clusters().get(0).powerCap();
  }

  @Test
  void noCapByDefault() throws ScenarioException {
    var factory = Texts.load(Texts.VALID).factory();
    assertThat(factory.clusters().get(0).powerCap()).isEmpty();
    assertThat(factory.trainingJobs().get(0).powerCap()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"70 % | 0.7", "0.7 | 0.7", "100 % | 1", "1 | 1"})
  void aFractionOfTdp(String text, double fraction) throws ScenarioException {
    assertThat(ofCluster(text)).contains(PowerCapSchedule.constant(new Cap.OfTdp(fraction)));
  }

  @Test
  void aPowerPerGpuAboveTdpIsAcceptedAndNeverBinds() throws ScenarioException {
    assertThat(ofCluster("1000 W")).contains(PowerCapSchedule.constant(new Cap.Watts(1000)));
    assertThat(ofCluster("0.5 kW")).contains(PowerCapSchedule.constant(new Cap.Watts(500)));
  }

  @Test
  void aScheduleOnAJob() throws ScenarioException {
    String text =
        jobCap("[{ at: 0 s, cap: 80 % }, { at: 20 min, cap: 500 W }, { at: 40 min, cap: 1 }]");
    assertThat(Texts.load(text).factory().trainingJobs().get(0).powerCap())
        .contains(
            new PowerCapSchedule(
                List.of(
                    new Step(Duration.ZERO, new Cap.OfTdp(0.8)),
                    new Step(Duration.ofMinutes(20), new Cap.Watts(500)),
                    new Step(Duration.ofMinutes(40), new Cap.OfTdp(1)))));
  }

  @Test
  void aScheduleMayStartLate() throws ScenarioException {
    assertThat(ofCluster("[{ at: 30 min, cap: 60 % }]"))
        .contains(
            new PowerCapSchedule(List.of(new Step(Duration.ofMinutes(30), new Cap.OfTdp(0.6)))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 %     | a power cap must be above 0 (to stop GPUs, give them no work), got '0 %'",
        "0       | a power cap must be above 0 (to stop GPUs, give them no work), got '0'",
        "0 W     | a power cap must be above 0 (to stop GPUs, give them no work), got '0 W'",
        "70      | expected a power cap: a fraction of TDP (e.g. 0.7 or 70 %) or a power per GPU"
            + " (e.g. 700 W), got '70' (write '70 %' for a percentage, '70 W' for a power)",
        "1000    | expected a power cap: a fraction of TDP (e.g. 0.7 or 70 %) or a power per GPU"
            + " (e.g. 700 W), got '1000' (write '1000 W' for a power)",
        "120 %   | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '120 %'",
        "5 min   | expected a power cap: a fraction of TDP (e.g. 0.7 or 70 %) or a power per GPU"
            + " (e.g. 700 W), got a duration '5 min'",
        "100 kW  | expected a power cap per GPU of at most 10 kW (a cap applies to each GPU, not to"
            + " a system or the cluster), got '100 kW'",
        "700 kw  | unknown unit 'kw' in '700 kw'; power units are W, kW, MW, GW (units are"
            + " case-sensitive: did you mean 'kW'?)",
      })
  void badCaps(String cap, String message) {
    assertThat(errors(clusterCap(cap)))
        .containsExactly(at(7, 16, "clusters[0].power_cap", message));
  }

  @Test
  void stepsMustBeInIncreasingTime() {
    String text =
        clusterCap(
            "[{ at: 10 min, cap: 80 % }, { at: 10 min, cap: 70 % }, { at: 5 min, cap: 60 % }]");
    assertThat(errors(text))
        .containsExactly(
            at(
                7,
                50,
                "clusters[0].power_cap[1].at",
                "the steps must be in increasing time: '10 min' is not after the step before it,"
                    + " at '10 min'"),
            at(
                7,
                77,
                "clusters[0].power_cap[2].at",
                "the steps must be in increasing time: '5 min' is not after the step before it,"
                    + " at '10 min'"));
  }

  @Test
  void aStepNeedsATimeAndACap() {
    assertThat(errors(clusterCap("[{ cap: 80 % }, { at: 1 min, cap: 0.5, until: 2 min }, []]")))
        .containsExactly(
            at(
                7,
                17,
                "clusters[0].power_cap[0].at",
                "missing required key 'at' (when the cap starts, from the start of the run, e.g."
                    + " 6 h)"),
            at(
                7,
                55,
                "clusters[0].power_cap[1].until",
                "unknown key 'until'; allowed keys: at, cap"),
            at(
                7,
                71,
                "clusters[0].power_cap[2]",
                "expected a step: a map with keys at and cap, e.g. { at: 6 h, cap: 60 % }, got a"
                    + " list"));
  }

  @Test
  void anEmptyScheduleOrAMapIsAnError() {
    assertThat(errors(clusterCap("[]")))
        .containsExactly(
            at(
                7,
                16,
                "clusters[0].power_cap",
                "a schedule needs at least one step { at: <duration>, cap: <cap> }; leave"
                    + " power_cap out for no cap"));
    assertThat(errors(clusterCap("{ at: 0 s, cap: 70 % }")))
        .containsExactly(
            at(
                7,
                16,
                "clusters[0].power_cap",
                "expected " + PowerCapReader.EXPECTED + ", got a map"));
  }

  /** The horizon is 1 h: a step at or after it would never apply. */
  @Test
  void aStepAtOrAfterTheHorizonIsAnError() {
    String text =
        jobCap("[{ at: 0 s, cap: 80 % }, { at: 1 h, cap: 60 % }, { at: 2 d, cap: 50 % }]");
    assertThat(errors(text))
        .containsExactly(
            at(
                18,
                47,
                "workloads[0].power_cap[1].at",
                "a step at 1 h would never apply: it is not before the horizon (1 h)"),
            at(
                18,
                71,
                "workloads[0].power_cap[2].at",
                "a step at 2 d would never apply: it is not before the horizon (1 h)"));
  }
}
