package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad input is reported at its line and column, with its path and what is expected.
 */
class ScenarioErrorsTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  @Test
  void theValidTextLoads() throws ScenarioException {
    Scenario scenario = Texts.load(VALID);
    assertThat(scenario.name()).isEqualTo("test");
    assertThat(scenario.source()).isEqualTo(FILE);
    assertThat(scenario.factory().workloads()).hasSize(1);
  }

  @Test
  void malformedYaml() {
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h: 2")))
        .isEqualTo(at(2, 13, "", "YAML syntax error: mapping values are not allowed here"));
  }

  @Test
  void unclosedFlowSequence() {
    assertThat(error(valid("name: test", "name: [test")))
        .isEqualTo(
            at(
                2,
                8,
                "",
                "YAML syntax error: expected ',' or ']', but got : (while parsing a flow"
                    + " sequence)"));
  }

  @Test
  void tabIndentation() {
    ScenarioError e = error(valid("    count: 4", "\tcount: 4"));
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.message()).startsWith("YAML syntax error: ").contains("TAB");
  }

  @Test
  void unclosedQuote() {
    assertThat(error(valid("name: test", "name: 'test")))
        .isEqualTo(
            at(
                22,
                1,
                "",
                "YAML syntax error: found unexpected end of stream (while scanning a quoted"
                    + " scalar)"));
  }

  @Test
  void complexKeysAreNotSupported() {
    assertThat(error("? [a, b]\n: c\n"))
        .isEqualTo(
            at(
                1,
                3,
                "",
                "YAML syntax error: a map key must be a plain value, not a list or a map"));
  }

  /** Tags were silently ignored: {@code !!python/object} is a classic attack on YAML loaders. */
  @Test
  void everyExplicitTagIsRejectedWhereItIsWritten() {
    String rest = "') are not supported; write the value without a tag, as plain text";
    assertThat(error(valid("name: test", "name: !!binary aGVsbG8=")))
        .isEqualTo(at(1, 7, "name", "YAML tags ('!!binary" + rest));
    assertThat(error(valid("name: test", "name: !foo test")))
        .isEqualTo(at(1, 7, "name", "YAML tags ('!foo" + rest));
    assertThat(error(valid("name: test", "name: !!python/object:os.system test")))
        .isEqualTo(at(1, 7, "name", "YAML tags ('!!python/object:os.system" + rest));
    assertThat(error(valid("horizon: 1 h", "horizon: !!str 1 h")))
        .isEqualTo(at(2, 10, "horizon", "YAML tags ('!!str" + rest));
    assertThat(error(valid("horizon: 1 h", "horizon: ! 1 h")))
        .isEqualTo(at(2, 10, "horizon", "YAML tags ('!" + rest));
    assertThat(error(valid("horizon: 1 h", "!foo horizon: 1 h")))
        .isEqualTo(at(2, 1, "horizon", "YAML tags ('!foo" + rest));
    assertThat(error(valid("    iteration:\n", "    iteration: !map\n")))
        .isEqualTo(at(12, 16, "workloads[0].iteration", "YAML tags ('!map" + rest));
    assertThat(error(valid("clusters:\n", "clusters: !!seq\n")))
        .isEqualTo(at(3, 11, "clusters", "YAML tags ('!!seq" + rest));
  }

  @Test
  void unknownKeyWithSuggestion() {
    assertThat(error(valid("horizon: 1 h", "horizn: 1 h\nhorizon: 1 h")))
        .isEqualTo(
            at(
                2,
                1,
                "horizn",
                "unknown key 'horizn' (did you mean 'horizon'?); allowed keys: name, description,"
                    + " horizon, seed, replications, pulse_resolution, facility, clusters,"
                    + " workloads, failures, recording, catalog, power, costs, economics, site, variants"));
  }

  @Test
  void unknownNestedKeyWithSuggestion() {
    assertThat(error(valid("interval: 30 min", "intervall: 30 min\n      interval: 30 min")))
        .isEqualTo(
            at(
                19,
                7,
                "workloads[0].checkpoint.intervall",
                "unknown key 'intervall' (did you mean 'interval'?); allowed keys: interval,"
                    + " duration, power, policy"));
  }

  @Test
  void unknownKeyWithoutCloseMatch() {
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\ncolour: blue")).message())
        .isEqualTo(
            "unknown key 'colour'; allowed keys: name, description, horizon, seed, replications,"
                + " pulse_resolution, facility, clusters, workloads, failures, recording, catalog, power,"
                + " costs, economics, site, variants");
  }

  @Test
  void listWhereAMapIsExpected() {
    String text =
        valid(
            "    checkpoint:\n      interval: 30 min\n      duration: 1 min\n      power: 0.2\n",
            "    checkpoint: [30 min, 1 min, 0.2]\n");
    assertThat(error(text))
        .isEqualTo(
            at(
                18,
                17,
                "workloads[0].checkpoint",
                "expected a map with keys interval, duration, power, policy, or nothing, got a"
                    + " list"));
  }

  @Test
  void nullCheckpointMeansNone() throws ScenarioException {
    String text =
        valid(
            "    checkpoint:\n      interval: 30 min\n      duration: 1 min\n      power: 0.2\n",
            "    checkpoint: ~\n");
    assertThat(Texts.load(text).factory().trainingJobs().get(0).checkpoint()).isEmpty();
  }

  @Test
  void wrongTypes() {
    assertThat(errors(valid("horizon: 1 h", "horizon: 1 h\nfacility: [1.2]")))
        .containsExactly(
            at(
                3,
                11,
                "facility",
                "expected a map with the key pue (a fixed PUE) or cooling (a cooling plant), got a list"));
    assertThat(errors(valid("  - name: hall-a", "  - name: [hall-a]")))
        .containsExactly(
            at(
                4,
                11,
                "clusters[0].name",
                "expected a name of letters, digits, '.', '_' and '-', got a list"));
  }

  @Test
  void mapWhereAListIsExpected() {
    String text =
        """
        name: test
        horizon: 1 h
        clusters: { name: hall-a, system: DGX-H100, count: 4 }
        """;
    assertThat(error(text))
        .isEqualTo(at(3, 11, "clusters", "expected a list of clusters, got a map"));
  }

  @Test
  void scalarWhereAMapIsExpected() {
    String text = valid("    iteration:\n", "    iteration: fast\n    unused:\n");
    assertThat(errors(text))
        .contains(
            at(
                12,
                16,
                "workloads[0].iteration",
                "expected a map with keys period, compute_fraction, compute_power,"
                    + " communication_power, got 'fast'"));
  }

  @Test
  void missingRequiredTopLevelKey() {
    assertThat(error(valid("horizon: 1 h\n", "")))
        .isEqualTo(
            at(1, 1, "horizon", "missing required key 'horizon' (the simulated time, e.g. 54 d)"));
  }

  @Test
  void missingRequiredKeyInAListElement() {
    assertThat(error(valid("    gpus: 16\n", "")))
        .isEqualTo(
            at(
                8,
                5,
                "workloads[0].gpus",
                "missing required key 'gpus' (the GPUs the job uses, a whole number >= 1)"));
  }

  @Test
  void missingRequiredSection() {
    String text =
        valid(
            "    iteration:\n      period: 2 s\n      compute_fraction: 0.5\n"
                + "      compute_power: 1.0\n      communication_power: 0.3\n",
            "");
    assertThat(error(text))
        .isEqualTo(
            at(
                8,
                5,
                "workloads[0].iteration",
                "missing required key 'iteration' (a map with keys period, compute_fraction,"
                    + " compute_power, communication_power)"));
  }

  @Test
  void requiredKeyWithoutValue() {
    assertThat(error(valid("horizon: 1 h", "horizon:")))
        .isEqualTo(at(2, 9, "horizon", "needs a value: the simulated time, e.g. 54 d"));
  }

  @Test
  void badUnit() {
    assertThat(error(valid("period: 2 s", "period: 2 sec")))
        .isEqualTo(
            at(
                13,
                15,
                "workloads[0].iteration.period",
                "unknown unit 'sec' in '2 sec'; duration units are ns, us, ms, s, min, h, d, w, y"
                    + " (did you mean 's'?)"));
  }

  @Test
  void wrongDimension() {
    assertThat(error(valid("period: 2 s", "period: 700 W")))
        .isEqualTo(
            at(
                13,
                15,
                "workloads[0].iteration.period",
                "expected a duration (e.g. 5 s, 10 min, 54 d), got a power '700 W'"));
  }

  @Test
  void bareNumberWhereAUnitIsNeeded() {
    assertThat(error(valid("period: 2 s", "period: 5.5")))
        .isEqualTo(at(13, 15, "workloads[0].iteration.period", "'5.5' needs a unit, e.g. '5.5 s'"));
  }

  @Test
  void negativeDuration() {
    assertThat(error(valid("    gpus: 16", "    gpus: 16\n    start: -1 s")))
        .isEqualTo(at(12, 12, "workloads[0].start", "expected a duration >= 0, got '-1 s'"));
  }

  @Test
  void zeroWherePositiveIsNeeded() {
    assertThat(error(valid("horizon: 1 h", "horizon: 0 s")))
        .isEqualTo(at(2, 10, "horizon", "expected a duration > 0, got '0 s'"));
  }

  @Test
  void nanAndInfinity() {
    String text =
        valid("period: 2 s", "period: .inf")
            .replace("horizon: 1 h", "horizon: 1 h\nfacility: { pue: .nan }");
    assertThat(errors(text))
        .containsExactly(
            at(
                3,
                18,
                "facility.pue",
                "expected a number >= 1 (power usage effectiveness, e.g. 1.2), got '.nan', which is"
                    + " not a finite number"),
            at(
                14,
                15,
                "workloads[0].iteration.period",
                "expected a duration (e.g. 5 s, 10 min, 54 d), got '.inf', which is not a finite"
                    + " number"));
  }

  @Test
  void fractionAboveOne() {
    assertThat(error(valid("compute_power: 1.0", "compute_power: 1.2")))
        .isEqualTo(
            at(
                15,
                22,
                "workloads[0].iteration.compute_power",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '1.2' (if you meant a"
                    + " percentage, write '1.2 %')"));
    assertThat(error(valid("power: 0.2", "power: 120 %")))
        .isEqualTo(
            at(
                21,
                14,
                "workloads[0].checkpoint.power",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '120 %'"));
  }

  @Test
  void percentagesAreFractions() throws ScenarioException {
    Scenario scenario = Texts.load(valid("compute_fraction: 0.5", "compute_fraction: 70 %"));
    assertThat(scenario.factory().trainingJobs().get(0).iteration().computeFraction())
        .isEqualTo(0.7);
  }

  @Test
  void zeroComputeFraction() {
    assertThat(error(valid("compute_fraction: 0.5", "compute_fraction: 0")))
        .isEqualTo(
            at(
                14,
                25,
                "workloads[0].iteration.compute_fraction",
                "expected a fraction > 0 and <= 1: an iteration needs a compute phase"));
  }

  @Test
  void unknownSystem() {
    assertThat(error(valid("system: DGX-H100", "system: DGX-H10")))
        .isEqualTo(
            at(
                5,
                13,
                "clusters[0].system",
                "unknown system type 'DGX-H10'; known: [DGX-H100, DGX-B200, GB200-NVL72,"
                    + " GB300-NVL72]"));
  }

  @Test
  void unknownCluster() {
    assertThat(error(valid("cluster: hall-a", "cluster: hall-b")))
        .isEqualTo(
            at(10, 14, "workloads[0].cluster", "unknown cluster 'hall-b'; clusters: [hall-a]"));
  }

  @Test
  void jobLargerThanItsCluster() {
    assertThat(error(valid("gpus: 16", "gpus: 64")))
        .isEqualTo(
            at(11, 11, "workloads[0].gpus", "job needs 64 GPUs but cluster 'hall-a' has 32"));
  }

  @Test
  void jobsTogetherLargerThanTheirCluster() {
    String second =
        """
          - name: job2
            type: training
            cluster: hall-a
            gpus: 24
            iteration: { period: 1 s, compute_fraction: 1, compute_power: 1, communication_power: 0 }
            tokens_per_iteration: 0
        """;
    assertThat(error(VALID + second))
        .isEqualTo(
            at(
                25,
                11,
                "workloads[1].gpus",
                "jobs on cluster 'hall-a' need 40 GPUs together but it has 32"));
  }

  @Test
  void duplicateNames() {
    String text =
        valid("workloads:", "  - { name: hall-a, system: DGX-B200, count: 4 }\nworkloads:");
    assertThat(error(text))
        .isEqualTo(at(7, 13, "clusters[1].name", "duplicate cluster name 'hall-a'"));
  }

  @Test
  void duplicateKey() {
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nhorizon: 2 h")))
        .isEqualTo(
            at(3, 1, "horizon", "duplicate key 'horizon' (first given at line 2, column 1)"));
  }

  @Test
  void unknownWorkloadTypeListsTheAllowedTypes() {
    assertThat(error(valid("type: training", "type: serving")))
        .isEqualTo(
            at(
                9,
                11,
                "workloads[0].type",
                "unknown value 'serving'; allowed: training, inference"));
  }

  @Test
  void aMisspeltTypeIsAnUnknownKeyAsWellAsAMissingType() {
    String allowed =
        "; allowed keys: name, type, cluster, gpus, gpus_per_system, start, iteration,"
            + " tokens_per_iteration, checkpoint, restart, work, power_cap, power_smoothing,"
            + " filler, gpus_per_replica, batch,"
            + " tokens_per_second_per_gpu, precision, throughput_factor, busy_power,"
            + " prefill_speedup, demand, prompt_tokens, output_tokens, max_queueing, resolution";
    assertThat(errors(valid("    type: training", "    tye: training")))
        .containsExactly(
            at(
                8,
                5,
                "workloads[0].type",
                "missing required key 'type' (the workload type: training, inference)"),
            at(9, 5, "workloads[0].tye", "unknown key 'tye' (did you mean 'type'?)" + allowed));
    assertThat(errors(valid("type: training", "type: serving").replace("gpus: 16", "gpu: 16")))
        .containsExactly(
            at(9, 11, "workloads[0].type", "unknown value 'serving'; allowed: training, inference"),
            at(11, 5, "workloads[0].gpu", "unknown key 'gpu' (did you mean 'gpus'?)" + allowed));
  }

  @Test
  void badScenarioName() {
    assertThat(error(valid("name: test", "name: my test")))
        .isEqualTo(
            at(
                1,
                7,
                "name",
                "expected a name of letters, digits, '.', '_' and '-', got 'my test'"));
    assertThat(error(valid("name: test", "name: ..")).message())
        .isEqualTo("'..' cannot be used as a name (it means a folder)");
  }

  @Test
  void emptyFile() {
    String message =
        "the file is empty; a scenario needs at least name, horizon and clusters"
            + " (see the scenario language in docs/scenario-language.md)";
    assertThat(error("")).isEqualTo(at(1, 1, "", message));
    assertThat(error("# nothing but a comment\n\n")).isEqualTo(at(1, 1, "", message));
  }

  @Test
  void rootMustBeAMap() {
    assertThat(error("- name: test\n").message())
        .startsWith("expected a map of scenario keys (name, description, horizon");
  }

  @Test
  void onlyOneDocument() {
    assertThat(error(VALID + "---\nname: other\n"))
        .isEqualTo(
            at(
                22,
                1,
                "",
                "only one YAML document is allowed; remove the '---' and what follows it"));
  }

  @Test
  void anchorsAndAliasesAreRejectedOnceEach() {
    String anchor = "') are not supported (nor aliases); write every value out in full";
    String alias = "') are not supported; write the value out in full";
    assertThat(errors(valid("name: test", "name: &n test\ndescription: *n")))
        .containsExactly(
            at(1, 7, "name", "YAML anchors ('&n" + anchor),
            at(2, 14, "description", "YAML aliases ('*n" + alias));
    // An alias has no value: nothing more is said about it (it was "expected a duration, got
    // 'h'" as well).
    assertThat(errors(valid("horizon: 1 h", "horizon: *h")))
        .containsExactly(at(2, 10, "horizon", "YAML aliases ('*h" + alias));
    assertThat(errors(valid("horizon: 1 h", "horizon: 1 h\ncosts: *c")))
        .containsExactly(at(3, 8, "costs", "YAML aliases ('*c" + alias));
    assertThat(errors(valid("    checkpoint:\n", "    checkpoint: &cp\n")))
        .containsExactly(at(18, 17, "workloads[0].checkpoint", "YAML anchors ('&cp" + anchor));
    assertThat(errors(valid("horizon: 1 h", "horizon: 1 h\n*k : v")))
        .containsExactly(at(3, 1, "", "YAML aliases ('*k" + alias));
  }

  @Test
  void allErrorsAreCollectedInFileOrder() {
    String text =
        valid("period: 2 s", "period: 2")
            .replace("count: 4", "count: -4")
            .replace("horizon: 1 h", "horizon: 1 h\nseed: x");
    assertThat(errors(text))
        .extracting(e -> e.line() + ":" + e.column() + " " + e.path())
        .containsExactly(
            "3:7 seed", "7:12 clusters[0].count", "14:15 workloads[0].iteration.period");
  }

  @Test
  void messageHasOneLinePerError() {
    String text = valid("period: 2 s", "period: 2").replace("count: 4", "count: 0");
    ScenarioException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ScenarioException.class, () -> Texts.load(text));
    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml:6:12: clusters[0].count: expected a whole number between 1 and"
                + " 2,147,483,647, got '0'\n"
                + "test.yaml:13:15: workloads[0].iteration.period: '2' needs a unit, e.g. '2 s'");
  }

  @Test
  void recordingWindowMustStartWithinTheRun() {
    String text = valid("horizon: 1 h", "horizon: 1 h\nrecording: { window_start: 2 h }");
    assertThat(error(text))
        .isEqualTo(
            at(
                3,
                28,
                "recording.window_start",
                "the window must start before the end of the run (horizon)"));
  }

  @Test
  void recordingBuckets() {
    String text = valid("horizon: 1 h", "horizon: 1 h\nrecording: { buckets: 0 }");
    assertThat(error(text).message())
        .isEqualTo("expected a whole number between 1 and 10,000,000, got '0'");
  }

  @Test
  void theConstructorBackstopReportsAtTheNode() {
    Diagnostics diagnostics = new Diagnostics();
    Location where = new Location(FILE, 4, 2);
    assertThat(
            diagnostics.construct(
                where,
                "x.y",
                () -> {
                  throw new IllegalArgumentException("y must be positive");
                }))
        .isEmpty();
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    ScenarioException.class, diagnostics::throwIfAny)
                .errors())
        .isEqualTo(List.of(at(4, 2, "x.y", "y must be positive")));
  }
}
