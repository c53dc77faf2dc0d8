package org.aifactory.model.power;

import static org.aifactory.model.power.TestChains.HOUR;
import static org.aifactory.model.power.TestChains.HOUR_NANOS;
import static org.aifactory.model.power.TestChains.NEVER;
import static org.aifactory.model.power.TestChains.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.junit.jupiter.api.Test;

/** The chain's rules: cords, capacity, cascades, bypass, listeners, results, determinism. */
class PowerChainTest {

  private static PowerChain run(
      PowerChainSpec spec, double[] loads, long horizonNanos, TestChains.Log log) {
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, loads, sim, new RandomStreams(1, 0));
    chain.addListener(log);
    chain.start();
    sim.runUntil(horizonNanos);
    return chain;
  }

  /** Both modules of a 2N pair fail at 10 h: the dual-corded path goes dark only then. */
  @Test
  void dualCordedPathIsDarkOnlyWhenBothCordsAre() {
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                RedundancyDesign.TWO_N.structure(1),
                100e3,
                fixed(10 * HOUR),
                fixed(HOUR),
                Duration.ZERO,
                false),
            TestChains.lossless(true, NEVER, fixed(HOUR)),
            CommonCauseSpec.none(),
            RepairCrewSpec.shared(1));
    TestChains.Log log = new TestChains.Log();
    PowerChain chain = run(spec, new double[] {80e3}, 12 * HOUR_NANOS, log);
    // One crew: module 0 is back at 11 h, module 1 at 12 h; the path is back with module 0.
    assertThat(log.entries).containsExactly("lost 0 @ 600", "restored 0 @ 660");
    assertThat(chain.result().upsModuleFailures()).isEqualTo(2);
    assertThat(chain.isPowered(0)).isTrue();
  }

  /**
   * 4N/3 with N = 3 modules of 100 kW: four systems of one module, six dual-corded paths of 50 kW,
   * one per pair of systems. Normally each system carries 75 kW; with one system down the other
   * three carry exactly 100 kW; with two down the survivors overload and, without bypass, drop in a
   * cascade: every path goes dark. All four modules fail at 10 h, one after the other, and are back
   * at 11 h; the hall is back when three are.
   */
  @Test
  void distributedRedundantSurvivesOneSystemAndCascadesOnTwo() {
    StageStructure s = RedundancyDesign.parse("4N/3").structure(3);
    assertThat(s).isEqualTo(new StageStructure(4, 1, 1, 3));
    double[] loads = {50e3, 50e3, 50e3, 50e3, 50e3, 50e3};
    TestChains.Log log = new TestChains.Log();
    PowerChainSpec noBypass =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(s, 100e3, fixed(10 * HOUR), fixed(HOUR), Duration.ZERO, false),
            TestChains.lossless(true, NEVER, fixed(HOUR)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    PowerChain chain = run(noBypass, loads, 12 * HOUR_NANOS, log);
    List<String> expected = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      expected.add("lost " + p + " @ 600");
    }
    for (int p = 0; p < 6; p++) {
      expected.add("restored " + p + " @ 660");
    }
    assertThat(log.entries).containsExactlyElementsOf(expected);
    assertThat(chain.result().lossOfLoadEvents()).isEqualTo(1);
    assertThat(chain.result().lossOfLoadNanos()).isEqualTo(HOUR_NANOS);

    // With a static bypass the failed and overloaded systems go to bypass: nothing is lost.
    TestChains.Log withBypass = new TestChains.Log();
    PowerChainSpec bypass =
        new PowerChainSpec(
            noBypass.utility(),
            noBypass.generators(),
            TestChains.ups(s, 100e3, fixed(10 * HOUR), fixed(HOUR), Duration.ZERO, true),
            noBypass.distribution(),
            noBypass.commonCause(),
            noBypass.repairCrews());
    run(bypass, loads, 12 * HOUR_NANOS, withBypass);
    assertThat(withBypass.entries).isEmpty();
  }

  /**
   * A load beyond the modules' capacity drops without a bypass, stays up on bypass with one — and
   * then a utility interruption reaches it with no ride-through.
   */
  @Test
  void overloadGoesToBypassOrDrops() {
    for (boolean bypass : new boolean[] {false, true}) {
      PowerChainSpec spec =
          TestChains.chain(
              TestChains.fixedOutages(Duration.ofHours(3), Duration.ofMinutes(10)),
              null,
              TestChains.ups(
                  StageStructure.kOfN(2, 2),
                  50e3,
                  NEVER,
                  fixed(HOUR),
                  Duration.ofMinutes(10),
                  bypass),
              TestChains.lossless(false, NEVER, fixed(HOUR)),
              CommonCauseSpec.none(),
              RepairCrewSpec.perUnit());
      Simulation sim = new Simulation();
      PowerChain chain =
          new PowerChain(spec, new double[] {60e3, 30e3}, sim, new RandomStreams(1, 0));
      TestChains.Log log = new TestChains.Log();
      chain.addListener(log);
      chain.start();
      sim.scheduleAt(HOUR_NANOS, 0, now -> chain.setPathItWatts(1, 50e3)); // 110 kW > 100 kW
      sim.scheduleAt(5 * HOUR_NANOS, 0, now -> chain.setPathItWatts(1, 30e3));
      sim.runUntil(6 * HOUR_NANOS);
      if (bypass) {
        // On bypass from 1 h to 5 h; the outage at 3 h goes straight through.
        assertThat(log.entries)
            .containsExactly(
                "lost 0 @ 180", "lost 1 @ 180", "restored 0 @ 190", "restored 1 @ 190");
      } else {
        assertThat(log.entries)
            .containsExactly("lost 0 @ 60", "lost 1 @ 60", "restored 0 @ 300", "restored 1 @ 300");
      }
    }
  }

  @Test
  void anUndersizedDesignIsDarkFromTheStart() {
    PowerChainSpec spec =
        TestChains.chain(
            UtilitySpec.perfect(),
            null,
            TestChains.ups(
                StageStructure.kOfN(1, 1), 50e3, NEVER, fixed(HOUR), Duration.ZERO, false),
            TestChains.lossless(false, NEVER, fixed(HOUR)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    TestChains.Log log = new TestChains.Log();
    PowerChain chain = run(spec, new double[] {60e3}, HOUR_NANOS, log);
    assertThat(log.entries).containsExactly("lost 0 @ 0");
    assertThat(chain.result().wholeLoadAvailability()).isZero();
    assertThat(chain.result().lossOfLoadEventNanos()).containsExactly(HOUR_NANOS);
  }

  /** The cited defaults over ten years: plausible and self-consistent, and deterministic. */
  @Test
  void defaultChainOverTenYears() {
    double[] loads = new double[12];
    java.util.Arrays.fill(loads, 1e6);
    PowerChainSpec spec =
        PowerChainSpec.sized(
            loads, RedundancyDesign.parse("2N"), 500e3, RedundancyDesign.N_PLUS_1, 3e6, true);
    assertThat(spec.ups().structure()).isEqualTo(new StageStructure(2, 26, 26, 1));
    assertThat(spec.generators().orElseThrow().units()).isEqualTo(6);
    assertThat(spec.generators().orElseThrow().unitsNeeded()).isEqualTo(5);
    long tenYears = 10 * 8760 * HOUR_NANOS;
    PowerChainResult[] results = new PowerChainResult[3];
    for (int i = 0; i < 3; i++) {
      Simulation sim = new Simulation();
      PowerChain chain = new PowerChain(spec, loads, sim, new RandomStreams(5, i == 2 ? 1 : 0));
      chain.start();
      sim.runUntil(tenYears);
      results[i] = chain.result();
    }
    PowerChainResult r = results[0];
    assertThat(results[1]).isEqualTo(r);
    assertThat(results[2]).isNotEqualTo(r);
    assertThat(r.observedNanos()).isEqualTo(tenYears);
    // EIA 1.2 sustained + 5 momentary per year: about 62 in ten years (Poisson, ±4σ ≈ ±32).
    assertThat(r.utilityInterruptions()).isBetween(30, 95);
    assertThat(r.generatorStarts()).isLessThanOrEqualTo(r.utilityInterruptions());
    assertThat(r.onBatteryNanos()).isPositive();
    assertThat(r.wholeLoadAvailability()).isBetween(0.99, 1.0);
    for (PowerChainResult.PathResult p : r.paths()) {
      assertThat(p.availability()).isGreaterThanOrEqualTo(r.wholeLoadAvailability());
    }
    long sum = r.lossOfLoadEventNanos().stream().mapToLong(Long::longValue).sum();
    assertThat(sum).isEqualTo(r.lossOfLoadNanos());
    assertThat(r.lossOfLoadEventNanos()).hasSize(r.lossOfLoadEvents());
  }

  @Test
  void rejectsBadLoadsAndASecondStart() {
    PowerChainSpec spec =
        PowerChainSpec.sized(
            new double[] {1e6},
            RedundancyDesign.N_PLUS_1,
            500e3,
            RedundancyDesign.N_PLUS_1,
            3e6,
            false);
    Simulation sim = new Simulation();
    assertThatThrownBy(() -> new PowerChain(spec, new double[] {}, sim, new RandomStreams(1, 0)))
        .hasMessageContaining("at least one path");
    assertThatThrownBy(() -> new PowerChain(spec, new double[] {-1}, sim, new RandomStreams(1, 0)))
        .hasMessageContaining("path IT load");
    PowerChain chain = new PowerChain(spec, new double[] {1e6}, sim, new RandomStreams(1, 0));
    chain.start();
    assertThatThrownBy(chain::start).isInstanceOf(IllegalStateException.class);
    assertThat(chain.paths()).isEqualTo(1);
  }
}
