package org.aifactory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draw(UniformRandomProvider rng, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextLong();
    }
    return out;
  }

  @Test
  void aStreamDependsOnlyOnSeedNameAndReplication() {
    RandomStreams a = new RandomStreams(7, 3);
    RandomStreams b = new RandomStreams(7, 3);
    // b creates other streams first: a's numbers must not move (no construction-order seeds).
    b.stream("unrelated-component");
    b.stream("another");
    assertThat(draw(b.stream("gpu-failures"), 10)).isEqualTo(draw(a.stream("gpu-failures"), 10));
  }

  @Test
  void namesReplicationsAndSeedsGiveDifferentStreams() {
    long[] base = draw(new RandomStreams(7, 0).stream("x"), 4);
    assertThat(draw(new RandomStreams(7, 0).stream("y"), 4)).isNotEqualTo(base);
    assertThat(draw(new RandomStreams(7, 1).stream("x"), 4)).isNotEqualTo(base);
    assertThat(draw(new RandomStreams(8, 0).stream("x"), 4)).isNotEqualTo(base);
  }

  @Test
  void streamsLookUniform() {
    // Mean of 100,000 U(0,1) draws: sd = sqrt(1/12/n) = 0.000913; 5 sd = 0.0046.
    UniformRandomProvider rng = new RandomStreams(1, 0).stream("uniformity");
    double sum = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      sum += rng.nextDouble();
    }
    assertThat(sum / n).isBetween(0.5 - 0.0046, 0.5 + 0.0046);
  }
}
