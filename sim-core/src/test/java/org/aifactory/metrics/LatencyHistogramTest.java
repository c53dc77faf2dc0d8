package org.aifactory.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bounded latency record: its quantiles and its edges. */
class LatencyHistogramTest {

  @Test
  void aQuantileIsAtMostOnePercentAboveTheTrueValue() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.record(i / 100.0); // 0.01 s to 10 s
    }
    assertThat(h.count()).isEqualTo(1000);
    assertThat(h.quantile(0.5)).isBetween(5.0, 5.0 * 1.01);
    assertThat(h.quantile(0.99)).isBetween(9.9, 9.9 * 1.01);
    assertThat(h.mean()).isCloseTo(5.005, within(1e-12));
  }

  @Test
  void anInfiniteLatencyFallsInTheTopBucketAndZeroInTheBottom() {
    // A slot too slow ever to finish gives an infinite time to first token.
    LatencyHistogram h = new LatencyHistogram();
    h.record(Double.POSITIVE_INFINITY);
    h.record(0);
    h.recordUniform(1, Double.POSITIVE_INFINITY, 2);
    assertThat(h.count()).isEqualTo(4);
    assertThat(h.fractionAtMost(0)).isEqualTo(0.25);
    assertThat(h.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
  }
}
