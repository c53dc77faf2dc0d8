package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Hostile or absurd input (huge numbers, exponents, long texts, deep nesting) is a located user
 * error, never a crash: each case here once ended in a stack overflow or an arithmetic exception.
 */
class InputLimitsTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  private static ScenarioError set(int override, int column, String path, String message) {
    return new ScenarioError(Location.OVERRIDE_FILE, override, column, path, message);
  }

  @Test
  void anExponentOfAnySizeIsOutOfRange() {
    assertThat(error(Texts.VALID, "horizon=1e999999999 s"))
        .isEqualTo(set(1, 9, "horizon", "'1e999999999 s' is out of range for a duration"));
    assertThat(error(Texts.VALID, "horizon=1e-999999999 s"))
        .isEqualTo(set(1, 9, "horizon", "'1e-999999999 s' is out of range for a duration"));
    assertThat(error(valid("compute_power: 1.0", "compute_power: 1e-999999999")))
        .isEqualTo(
            at(
                15,
                22,
                "workloads[0].iteration.compute_power",
                "'1e-999999999' is out of range for a fraction"));
  }

  @Test
  void longNumbersAreReadWithoutOverflowingTheStack() {
    String nines = "9".repeat(900);
    assertThat(error(valid("horizon: 1 h", "horizon: " + nines + " s")))
        .isEqualTo(at(2, 10, "horizon", "'" + nines + " s' is out of range for a duration"));
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nseed: " + nines)))
        .isEqualTo(at(3, 7, "seed", "expected a whole number, got '" + nines + "'"));
  }
}
