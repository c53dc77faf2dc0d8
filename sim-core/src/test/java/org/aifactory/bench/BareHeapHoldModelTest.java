package org.aifactory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The baseline is a fair comparison: it fires the same events at the same times as the engine. */
class BareHeapHoldModelTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 1_000, 20_000})
  void firesTheSameEventsAtTheSameTimesAsTheEngine(int pending) {
    HoldModel engine = new HoldModel(pending, 42);
    BareHeapHoldModel bare = new BareHeapHoldModel(pending, 42);
    for (int round = 1; round <= 50; round++) {
      assertThat(bare.run(997)).isEqualTo(engine.run(997));
      assertThat(bare.nowNanos())
          .as("time of event %d", bare.eventsFired())
          .isEqualTo(engine.simulation().nowNanos());
    }
    assertThat(engine.simulation().pendingEvents()).isEqualTo(pending);
  }
}
