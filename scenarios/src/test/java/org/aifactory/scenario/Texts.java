package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** A small valid scenario with known line numbers, and helpers to break it. */
final class Texts {
  private Texts() {}

  static final String FILE = "test.yaml";

  /** Line numbers are in the comments; columns are counted from 1. */
  static final String VALID =
      """
      name: test
      horizon: 1 h
      clusters:
        - name: hall-a
          system: DGX-H100
          count: 4
      workloads:
        - name: job
          type: training
          cluster: hall-a
          gpus: 16
          iteration:
            period: 2 s
            compute_fraction: 0.5
            compute_power: 1.0
            communication_power: 0.3
          tokens_per_iteration: 1024
          checkpoint:
            interval: 30 min
            duration: 1 min
            power: 0.2
      """;

  // 1 name, 2 horizon, 3 clusters, 4 - name: hall-a, 5 system, 6 count, 7 workloads,
  // 8 - name: job, 9 type, 10 cluster, 11 gpus, 12 iteration, 13 period, 14 compute_fraction,
  // 15 compute_power, 16 communication_power, 17 tokens_per_iteration, 18 checkpoint,
  // 19 interval, 20 duration, 21 power

  /** VALID with the first occurrence of {@code from} (which must exist) replaced by {@code to}. */
  static String valid(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replaceFirst(java.util.regex.Pattern.quote(from), to);
  }

  static Scenario load(String text, String... sets) throws ScenarioException {
    return new ScenarioLoader().parse(FILE, text, List.of(sets));
  }

  static List<ScenarioError> errors(String text, String... sets) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(text, sets));
    assertThat(e).as("expected a ScenarioException").isNotNull();
    return e.errors();
  }

  /** The only error of {@code text}. */
  static ScenarioError error(String text, String... sets) {
    List<ScenarioError> errors = errors(text, sets);
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }
}
