package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 §3: {@code tokens_per_iteration: 9223372036854775807} gave {@code "tokens": -20910}. A
 * token count that could overflow the results' 64-bit count is a located error when the scenario is
 * loaded.
 */
class TokenCountLimitTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  @Test
  void tokensThatCouldOverflowAreALocatedError() {
    assertThatThrownBy(
            () ->
                loader.load(
                    "default", List.of("workloads[0].tokens_per_iteration=9223372036854775807")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("--set:1:35:")
        .hasMessageContaining("workloads[0].tokens_per_iteration: 9,223,372,036,854,775,807 tokens")
        .hasMessageContaining("64 bits");
  }

  @Test
  void theLargestCountThatFitsIsAccepted() throws ScenarioException {
    // 12 h of 2 s iterations: at most 21,601 iterations.
    long most = Long.MAX_VALUE / 21_601;
    Scenario s =
        loader.load(
            "default",
            List.of(
                "workloads[0].tokens_per_iteration=" + most, "workloads[0].iteration.period=2 s"));
    assertThat(s.factory().trainingJobs().get(0).tokensPerIteration()).isEqualTo(most);
    assertThatThrownBy(
            () ->
                loader.load(
                    "default",
                    List.of(
                        "workloads[0].tokens_per_iteration=" + (most + 1),
                        "workloads[0].iteration.period=2 s")))
        .isInstanceOf(ScenarioException.class);
  }
}
