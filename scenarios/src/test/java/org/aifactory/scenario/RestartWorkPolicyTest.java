package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.load;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** A training job's restart, work and checkpoint policy, and the scenario's replications. */
class RestartWorkPolicyTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  private static TrainingJobSpec job(String text) throws ScenarioException {
    return load(text).factory().trainingJobs().get(0);
  }

  /** VALID with {@code lines} (indented as job keys) inserted after tokens_per_iteration (17). */
  private static String withJobKeys(String lines) {
    return valid("    tokens_per_iteration: 1024\n", "    tokens_per_iteration: 1024\n" + lines);
  }

  /** VALID with the checkpoint section (line 18) replaced by {@code checkpoint}. */
  private static String withCheckpoint(String checkpoint) {
    return valid(
        "    checkpoint:\n      interval: 30 min\n      duration: 1 min\n      power: 0.2\n",
        checkpoint);
  }

  // ---- restart ----

  @Test
  void restartDefaultsToTheAssumedTenMinutes() throws ScenarioException {
    assertThat(job(VALID).restart())
        .isEqualTo(TrainingJobSpec.DEFAULT_RESTART)
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void restart() throws ScenarioException {
    assertThat(job(withJobKeys("    restart: 3 min\n")).restart()).isEqualTo(Duration.ofMinutes(3));
    assertThat(job(withJobKeys("    restart: 0 s\n")).restart()).isEqualTo(Duration.ZERO);
  }

  @Test
  void negativeRestart() {
    assertThat(error(withJobKeys("    restart: -3 min\n")))
        .isEqualTo(at(18, 14, "workloads[0].restart", "expected a duration >= 0, got '-3 min'"));
  }

  // ---- work ----

  @Test
  void noWorkMeansRunToTheHorizon() throws ScenarioException {
    assertThat(job(VALID).workIterations()).isEmpty();
    assertThat(job(withJobKeys("    work:\n")).workIterations()).isEmpty();
  }

  @Test
  void workInIterations() throws ScenarioException {
    assertThat(job(withJobKeys("    work: { iterations: 100_000 }\n")).workIterations())
        .isEqualTo(OptionalLong.of(100_000));
  }

  @Test
  void workInTokensRoundsUpToWholeIterations() throws ScenarioException {
    // tokens_per_iteration: 1024
    assertThat(job(withJobKeys("    work: { tokens: 1024000 }\n")).workIterations())
        .isEqualTo(OptionalLong.of(1000));
    assertThat(job(withJobKeys("    work: { tokens: 1024001 }\n")).workIterations())
        .isEqualTo(OptionalLong.of(1001));
    assertThat(job(withJobKeys("    work: { tokens: 1 }\n")).workIterations())
        .isEqualTo(OptionalLong.of(1));
    assertThat(
            job(withJobKeys("    work: { tokens: 9_223_372_036_854_775_807 }\n")).workIterations())
        .isEqualTo(OptionalLong.of(Long.MAX_VALUE / 1024 + 1));
  }

  @Test
  void workWithBothIterationsAndTokens() {
    assertThat(error(withJobKeys("    work: { iterations: 10, tokens: 1000 }\n")))
        .isEqualTo(
            at(18, 29, "workloads[0].work.tokens", "give either iterations or tokens, not both"));
    assertThat(error(withJobKeys("    work:\n      tokens: 1000\n      iterations: 10\n")))
        .isEqualTo(
            at(
                20,
                7,
                "workloads[0].work.iterations",
                "give either iterations or tokens, not both"));
  }

  @Test
  void workWithNeither() {
    assertThat(error(withJobKeys("    work: {}\n")))
        .isEqualTo(
            at(
                18,
                11,
                "workloads[0].work",
                "expected the work to complete: iterations (a whole number >= 1) or tokens (a"
                    + " whole number >= 1, e.g. 15_000_000_000_000)"));
  }

  @Test
  void badWork() {
    assertThat(errors(withJobKeys("    work: { iterations: 0 }\n")))
        .containsExactly(
            at(18, 25, "workloads[0].work.iterations", "expected a whole number >= 1, got '0'"));
    assertThat(errors(withJobKeys("    work: { tokens: 1.5e12 }\n")))
        .containsExactly(
            at(18, 21, "workloads[0].work.tokens", "expected a whole number >= 1, got '1.5e12'"));
    assertThat(errors(withJobKeys("    work: { token: 5 }\n")))
        .containsExactly(
            at(
                18,
                11,
                "workloads[0].work",
                "expected the work to complete: iterations (a whole number >= 1) or tokens (a"
                    + " whole number >= 1, e.g. 15_000_000_000_000)"),
            at(
                18,
                13,
                "workloads[0].work.token",
                "unknown key 'token' (did you mean 'tokens'?); allowed keys: iterations, tokens"));
    assertThat(error(withJobKeys("    work: 1000\n")))
        .isEqualTo(
            at(
                18,
                11,
                "workloads[0].work",
                "expected a map with either iterations or tokens, e.g. { tokens:"
                    + " 15_000_000_000_000 }, got '1000'"));
  }

  @Test
  void tokensNeedTokensPerIteration() {
    String text =
        withJobKeys("    work: { tokens: 1000 }\n")
            .replace("tokens_per_iteration: 1024", "tokens_per_iteration: 0");
    assertThat(error(text))
        .isEqualTo(
            at(
                18,
                21,
                "workloads[0].work.tokens",
                "cannot turn tokens into iterations: tokens_per_iteration is 0; give"
                    + " work.iterations instead"));
  }

  // ---- checkpoint policy ----

  @Test
  void policyDefaultsToFixed() throws ScenarioException {
    assertThat(job(VALID).checkpoint())
        .contains(
            new CheckpointSpec(
                Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2, CheckpointPolicy.FIXED));
  }

  @Test
  void policies() throws ScenarioException {
    assertThat(job(valid("power: 0.2", "power: 0.2\n      policy: young")).checkpoint())
        .contains(
            new CheckpointSpec(
                Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2, CheckpointPolicy.YOUNG));
    assertThat(job(valid("power: 0.2", "power: 0.2\n      policy: fixed")).checkpoint())
        .contains(new CheckpointSpec(Duration.ofMinutes(30), Duration.ofMinutes(1), 0.2));
  }

  @Test
  void youngAndDalyNeedNoInterval() throws ScenarioException {
    String text = withCheckpoint("    checkpoint: { policy: daly, duration: 30 s, power: 0.15 }\n");
    assertThat(job(text).checkpoint())
        .contains(
            new CheckpointSpec(
                WorkloadBinder.DEFAULT_OPTIMAL_POLICY_INTERVAL,
                Duration.ofSeconds(30),
                0.15,
                CheckpointPolicy.DALY));
    assertThat(WorkloadBinder.DEFAULT_OPTIMAL_POLICY_INTERVAL).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void fixedNeedsAnInterval() {
    String text =
        withCheckpoint("    checkpoint: { policy: fixed, duration: 30 s, power: 0.15 }\n");
    assertThat(error(text))
        .isEqualTo(
            at(
                18,
                17,
                "workloads[0].checkpoint.interval",
                "missing required key 'interval' (training time between checkpoints, e.g. 1 h; it"
                    + " may be left out only with policy young or daly)"));
  }

  @Test
  void policyTypo() {
    assertThat(error(valid("power: 0.2", "power: 0.2\n      policy: dally")))
        .isEqualTo(
            at(
                22,
                15,
                "workloads[0].checkpoint.policy",
                "unknown value 'dally' (did you mean 'daly'?); allowed: fixed, young, daly"));
  }

  @Test
  void aWrongPolicyDoesNotAlsoAskForAnInterval() {
    String text =
        withCheckpoint("    checkpoint: { policy: optimal, duration: 30 s, power: 0.15 }\n");
    assertThat(error(text))
        .isEqualTo(
            at(
                18,
                27,
                "workloads[0].checkpoint.policy",
                "unknown value 'optimal'; allowed: fixed, young, daly"));
  }

  // ---- replications ----

  @Test
  void replicationsDefaultToOne() throws ScenarioException {
    assertThat(load(VALID).replications()).isEqualTo(1);
    assertThat(load(valid("horizon: 1 h", "horizon: 1 h\nreplications: 1_000")).replications())
        .isEqualTo(1000);
  }

  @Test
  void badReplications() {
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nreplications: 0")))
        .isEqualTo(
            at(
                3,
                15,
                "replications",
                "expected a whole number between 1 and 2,147,483,647, got '0'"));
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nreplications: 2.5")).message())
        .isEqualTo("expected a whole number between 1 and 2,147,483,647, got '2.5'");
  }

  @Test
  void theScenarioRecordKeepsItsFiveArgumentConstructor() throws ScenarioException {
    Scenario loaded = load(VALID);
    Scenario five =
        new Scenario(
            loaded.name(), loaded.description(), loaded.source(), loaded.factory(), loaded.run());
    assertThat(five.replications()).isEqualTo(1);
    assertThat(five.withReplications(20).replications()).isEqualTo(20);
    Scenario twenty = five.withReplications(20);
    assertThat(twenty.withRun(twenty.run().withSeed(3)))
        .isEqualTo(
            new Scenario(
                loaded.name(),
                loaded.description(),
                loaded.source(),
                loaded.factory(),
                loaded.run().withSeed(3),
                20));
    assertThatThrownBy(() -> five.withReplications(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replications must be >= 1, got 0");
  }
}
