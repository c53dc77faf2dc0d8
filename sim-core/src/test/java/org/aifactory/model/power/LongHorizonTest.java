package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.failure.TimeDistribution;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 §3: the chain stopped after 146.2 years (its "never" was half the clock), so 150 and 200
 * year runs gave identical numbers. Every horizon the clock allows (up to 292 years) must see its
 * events.
 */
class LongHorizonTest {
  private static final double YEAR = 365 * 24 * 3600.0;

  private static int interruptions(double years, long seed) {
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.sustainedOnly(
                UtilitySpec.InterruptionProcess.poisson(10, new TimeDistribution.Exponential(60))),
            null,
            TestChains.ups(
                RedundancyDesign.N.structure(1),
                100e3,
                TestChains.NEVER,
                TestChains.fixed(3600),
                Duration.ofMinutes(10),
                true),
            TestChains.lossless(false, TestChains.NEVER, TestChains.fixed(3600)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, new double[] {50e3}, sim, new RandomStreams(seed, 0));
    chain.start();
    sim.runUntil(Math.round(years * YEAR * 1e9));
    return chain.result().utilityInterruptions();
  }

  /** Poisson, 10 per year: the count over T years is 10 T ± 4 sqrt(10 T). */
  @Test
  void interruptionsKeepComingUpToTheEndOfTheClock() {
    for (double years : new double[] {150, 200, 290}) {
      double mean = 10 * years;
      assertThat((double) interruptions(years, 11))
          .as("%s years", years)
          .isBetween(mean - 4 * Math.sqrt(mean), mean + 4 * Math.sqrt(mean));
    }
  }

  /** The same streams: 200 years see every interruption of 150 years and more. */
  @Test
  void twoHundredYearsSeeMoreThanOneHundredAndFifty() {
    assertThat(interruptions(200, 5)).isGreaterThan(interruptions(150, 5) + 300);
  }
}
