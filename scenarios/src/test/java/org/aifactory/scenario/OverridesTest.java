package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.aifactory.model.PulseResolution;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProfile;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

class OverridesTest {

  private static ScenarioError set(int which, int column, String path, String message) {
    return new ScenarioError("--set", which, column, path, message);
  }

  private static TrainingJobSpec job(Scenario scenario) {
    return scenario.factory().trainingJobs().get(0);
  }

  @Test
  void setsScalars() throws ScenarioException {
    Scenario scenario =
        load(
            VALID,
            "workloads[0].checkpoint.interval=45 min",
            "clusters[0].count=64",
            "seed=9",
            "pulse_resolution=averaged",
            "horizon = 2 h");
    assertThat(job(scenario).checkpoint().orElseThrow().interval())
        .isEqualTo(Duration.ofMinutes(45));
    assertThat(scenario.factory().clusters().get(0).systemCount()).isEqualTo(64);
    assertThat(scenario.run().seed()).isEqualTo(9);
    assertThat(scenario.run().pulseResolution()).isEqualTo(PulseResolution.AVERAGED);
    assertThat(scenario.run().horizon()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void selectsListElementsByName() throws ScenarioException {
    Scenario scenario = load(VALID, "workloads[job].gpus=8", "clusters[hall-a].count=2");
    assertThat(job(scenario).gpus()).isEqualTo(8);
    assertThat(scenario.factory().clusters().get(0).systemCount()).isEqualTo(2);
  }

  @Test
  void createsMissingKeys() throws ScenarioException {
    Scenario scenario =
        load(VALID, "facility.pue=1.3", "recording.buckets=10", "workloads[0].start=1 h");
    assertThat(scenario.factory().facility().pue()).isEqualTo(1.3);
    assertThat(scenario.run().observation().buckets()).isEqualTo(10);
    assertThat(job(scenario).start()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void setsAWholeMapWrittenAsAFlowValue() throws ScenarioException {
    Scenario scenario =
        load(VALID, "workloads[0].checkpoint={interval: 2 h, duration: 5 min, power: 0.15}");
    assertThat(job(scenario).checkpoint())
        .contains(new CheckpointSpec(Duration.ofHours(2), Duration.ofMinutes(5), 0.15));
  }

  @Test
  void nullRemovesAnOptionalSection() throws ScenarioException {
    assertThat(job(load(VALID, "workloads[0].checkpoint=null")).checkpoint())
        .isEqualTo(Optional.empty());
    assertThat(job(load(VALID, "workloads[0].checkpoint=")).checkpoint()).isEmpty();
  }

  @Test
  void laterOverridesWin() throws ScenarioException {
    assertThat(load(VALID, "seed=2", "seed=3").run().seed()).isEqualTo(3);
  }

  @Test
  void aCreatedSectionIsValidatedAsUsual() {
    assertThat(
            errors(
                VALID.replace(
                    "    checkpoint:\n      interval: 30 min\n      duration: 1 min\n"
                        + "      power: 0.2\n",
                    ""),
                "workloads[0].checkpoint.interval=30 min"))
        .containsExactly(
            set(
                1,
                14,
                "workloads[0].checkpoint.duration",
                "missing required key 'duration' (how long one checkpoint blocks the job, e.g. 5"
                    + " min)"),
            set(
                1,
                14,
                "workloads[0].checkpoint.power",
                "missing required key 'power' (GPU power while checkpointing, as a fraction of"
                    + " TDP, e.g. 0.15)"));
  }

  @Test
  void noSuchElement() {
    assertThat(error(VALID, "workloads[3].gpus=8"))
        .isEqualTo(set(1, 10, "workloads[3]", "no such element (1 workload)"));
  }

  @Test
  void noElementOfThatName() {
    assertThat(error(VALID, "workloads[jbo].gpus=8"))
        .isEqualTo(
            set(
                1,
                10,
                "workloads[jbo]",
                "no element named 'jbo' (did you mean 'job'?); workloads: job"));
  }

  @Test
  void elementOfAListThatIsNotThere() {
    String noWorkloads = VALID.substring(0, VALID.indexOf("workloads:"));
    assertThat(error(noWorkloads, "workloads[0].gpus=8"))
        .isEqualTo(
            set(1, 10, "workloads[0]", "no such element ('workloads' is not in the scenario)"));
  }

  @Test
  void pathThroughAScalar() {
    assertThat(error(VALID, "seed=1", "horizon.unit=h"))
        .isEqualTo(
            set(2, 9, "horizon.unit", "'horizon' is '1 h', not a map, so it has no key 'unit'"));
  }

  @Test
  void indexIntoAMap() {
    assertThat(error(VALID, "clusters[0].name[0]=x"))
        .isEqualTo(
            set(
                1,
                17,
                "clusters[0].name[0]",
                "'clusters[0].name' is 'hall-a', not a list, so it has no elements"));
  }

  @Test
  void badPathSyntax() {
    assertThat(error(VALID, "workloads[0.gpus=8"))
        .isEqualTo(set(1, 10, "workloads[0.gpus", "missing ']' after '['"));
    assertThat(error(VALID, "facility..pue=1.3"))
        .isEqualTo(set(1, 10, "facility..pue", "expected a key, got '.'"));
    assertThat(error(VALID, "workloads[]=1"))
        .isEqualTo(
            set(
                1,
                10,
                "workloads[]",
                "empty '[]': write an index such as [0] or a name such as [llama3-405b]"));
  }

  @Test
  void unknownKeyViaSet() {
    assertThat(error(VALID, "facility.poe=1.3"))
        .isEqualTo(
            set(
                1,
                10,
                "facility.poe",
                "unknown key 'poe' (did you mean 'pue'?); allowed keys: pue, cooling"));
    assertThat(error(VALID, "workloads[job].gpu=8").message())
        .startsWith("unknown key 'gpu' (did you mean 'gpus'?)");
  }

  @Test
  void badValueViaSetIsReportedAtItsColumn() {
    assertThat(error(VALID, "facility.pue=0.5"))
        .isEqualTo(
            set(
                1,
                14,
                "facility.pue",
                "expected a number >= 1 (power usage effectiveness, e.g. 1.2), got '0.5'"));
    assertThat(error(VALID, "workloads[0].checkpoint={interval: 2 h, duration: 5 min, power: 2}"))
        .isEqualTo(
            set(
                1,
                65,
                "workloads[0].checkpoint.power",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '2' (if you meant a"
                    + " percentage, write '2 %')"));
  }

  @Test
  void valueWithAYamlSyntaxError() {
    assertThat(error(VALID, "recording.buckets=[1"))
        .isEqualTo(
            set(
                1,
                21,
                "",
                "YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a"
                    + " flow sequence)"));
  }

  @Test
  void malformedOverride() {
    assertThat(error(VALID, "seed"))
        .isEqualTo(set(1, 1, "", "expected path=value, e.g. --set facility.pue=1.3, got 'seed'"));
    assertThat(error(VALID, "=3"))
        .isEqualTo(set(1, 1, "", "missing the path before '=', e.g. --set facility.pue=1.3"));
  }

  @Test
  void overrideErrorsComeAfterFileErrorsAndAllAreReported() {
    String text = VALID.replace("count: 4", "count: x");
    assertThat(errors(text, "seed=1", "nope=1", "seed=y"))
        .containsExactly(
            new ScenarioError(
                FILE,
                6,
                12,
                "clusters[0].count",
                "expected a whole number between 1 and 2,147,483,647, got 'x'"),
            set(
                2,
                1,
                "nope",
                "unknown key 'nope'; allowed keys: name, description, horizon, seed,"
                    + " replications, pulse_resolution, facility, clusters, workloads, failures,"
                    + " recording, catalog, power, costs, economics, site, variants"),
            set(3, 6, "seed", "expected a whole number, got 'y'"));
  }

  @Test
  void keysWithDotsAreFound() throws ScenarioException {
    String text =
        VALID.replace("system: DGX-H100", "system: my.box")
            + "catalog:\n  systems:\n    my.box: { gpu: H100-SXM, gpus: 8, other_it_power: 4 kW }\n";
    Scenario scenario = load(text, "catalog.systems.my.box.gpus=4");
    assertThat(scenario.factory().catalog().system("my.box").orElseThrow().gpusPerSystem())
        .isEqualTo(4);
  }

  // ---- failures, policies, replications ----

  private static final String WITH_LLAMA3 = VALID + "failures: { profile: llama3 }\n";

  private static FailureProfile profile(Scenario scenario) {
    return scenario.factory().failures().profile();
  }

  @Test
  void setsTheFailureScale() throws ScenarioException {
    assertThat(profile(load(WITH_LLAMA3, "failures.scale=2")))
        .isEqualTo(FailureProfile.llama3().scaled(2));
  }

  @Test
  void createsTheFailuresSection() throws ScenarioException {
    Scenario scenario = load(VALID, "failures.profile=llama3", "failures.spare_swap_time=1 min");
    assertThat(scenario.factory().failures())
        .isEqualTo(new FailureSpec(FailureProfile.llama3(), Duration.ofMinutes(1), 0));
  }

  @Test
  void scalesOneCause() throws ScenarioException {
    FailureProfile profile = profile(load(WITH_LLAMA3, "failures.causes.software_bug.scale=3"));
    FailureCause base = FailureProfile.llama3().cause("software_bug").orElseThrow();
    assertThat(profile.cause("software_bug")).contains(base.scaled(3));
    assertThat(profile.causes()).hasSize(19);
  }

  @Test
  void aLaterOverrideOfACauseReplacesTheFilesValue() throws ScenarioException {
    String text =
        VALID + "failures:\n  profile: llama3\n  causes:\n    software_bug: { scale: 2 }\n";
    FailureCause base = FailureProfile.llama3().cause("software_bug").orElseThrow();
    assertThat(profile(load(text, "failures.causes.software_bug.scale=5")).cause("software_bug"))
        .contains(base.scaled(5));
  }

  @Test
  void removesAndAddsCauses() throws ScenarioException {
    FailureProfile profile =
        profile(
            load(
                WITH_LLAMA3,
                "failures.causes.planned_maintenance=null",
                "failures.causes.pdu={scope: system, mtbf: 20 y}"));
    assertThat(profile.cause("planned_maintenance")).isEmpty();
    assertThat(profile.causes()).hasSize(19);
    assertThat(profile.causes().get(18))
        .isEqualTo(
            new FailureCause(
                "pdu",
                FailureScope.SYSTEM,
                new TimeDistribution.Exponential(20 * 365 * 86_400.0),
                FailureProfile.DEFAULT_REPAIR,
                false));
  }

  @Test
  void switchingFromMtbfToRateNeedsTheMtbfRemoved() throws ScenarioException {
    String text = VALID + "failures:\n  causes:\n    pdu: { scope: system, mtbf: 20 y }\n";
    assertThat(error(text, "failures.causes.pdu.rate=1 per y"))
        .isEqualTo(
            set(
                1,
                21,
                "failures.causes.pdu.rate",
                "give only one of mtbf, rate and time_to_failure, not mtbf and rate"));
    assertThat(
            profile(load(text, "failures.causes.pdu.rate=1 per y", "failures.causes.pdu.mtbf="))
                .causes()
                .get(0)
                .timeToFailure())
        .isEqualTo(new TimeDistribution.Exponential(365 * 86_400.0));
  }

  @Test
  void aNewCauseCreatedByAnOverrideIsCheckedAsUsual() {
    assertThat(error(VALID, "failures.causes.software_bug.scale=3"))
        .isEqualTo(
            set(
                1,
                17,
                "failures.causes.software_bug",
                "profile 'none' has no causes, so it is a new cause and needs scope (gpu, system,"
                    + " network or job) and a time to failure (mtbf, rate or time_to_failure)"));
  }

  @Test
  void setsTheCheckpointPolicy() throws ScenarioException {
    assertThat(job(load(VALID, "workloads[0].checkpoint.policy=daly")).checkpoint())
        .contains(
            new CheckpointSpec(
                Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2, CheckpointPolicy.DALY));
    assertThat(error(VALID, "workloads[job].checkpoint.policy=yung"))
        .isEqualTo(
            set(
                1,
                34,
                "workloads[0].checkpoint.policy",
                "unknown value 'yung' (did you mean 'young'?); allowed: fixed, young, daly"));
  }

  @Test
  void setsRestartWorkAndReplications() throws ScenarioException {
    Scenario scenario =
        load(
            VALID,
            "workloads[0].restart=2 min",
            "workloads[0].work.tokens=10240",
            "replications=30");
    assertThat(job(scenario).restart()).isEqualTo(Duration.ofMinutes(2));
    assertThat(job(scenario).workIterations()).isEqualTo(OptionalLong.of(10));
    assertThat(scenario.replications()).isEqualTo(30);
    assertThat(error(VALID, "replications=0"))
        .isEqualTo(
            set(
                1,
                14,
                "replications",
                "expected a whole number between 1 and 2,147,483,647, got '0'"));
  }
}
