package org.aifactory.model.power;

import static org.aifactory.model.power.TestChains.HOUR;
import static org.aifactory.model.power.TestChains.HOUR_NANOS;
import static org.aifactory.model.power.TestChains.MINUTE_NANOS;
import static org.aifactory.model.power.TestChains.NEVER;
import static org.aifactory.model.power.TestChains.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The components of issue 9 with fixed failure and repair times, each downtime computed by hand:
 * transformers, transfer switches, static transfer switches, battery strings (with the recharge
 * from empty after their repair), and generator plants too small for their load, with the cooling
 * plant's power on their bus. Every case: one 50 kW path on a UPS of one 100 kW module with 10 min
 * of battery at its rated load (so 20 min at 50 kW) recharged in 8 h, lossless distribution.
 */
class ComponentsByHandTest {
  private static final long SECOND_NANOS = 1_000_000_000L;

  private static UpsSpec ups(Optional<UnitReliability> strings) {
    return new UpsSpec(
        StageStructure.kOfN(1, 1),
        100e3,
        Duration.ofMinutes(10),
        Duration.ofHours(8),
        EfficiencyCurve.DOUBLE_CONVERSION,
        false,
        NEVER,
        fixed(HOUR),
        strings);
  }

  private static GeneratorPlantSpec plant(int units, double unitWatts) {
    return new GeneratorPlantSpec(
        units, 1, Duration.ofSeconds(10), 0, NEVER, fixed(HOUR), 1, Optional.empty(), unitWatts);
  }

  private static PowerChainSpec chain(
      UtilitySpec utility,
      GeneratorPlantSpec generators,
      UpsSpec ups,
      boolean dual,
      SourceLayout sources,
      ChainComponents components) {
    return new PowerChainSpec(
        utility,
        Optional.ofNullable(generators),
        ups,
        TestChains.lossless(dual, NEVER, fixed(HOUR)),
        CommonCauseSpec.none(),
        RepairCrewSpec.perUnit(),
        sources,
        components);
  }

  private static PowerChainResult run(PowerChainSpec spec, double[] loads, long until) {
    return run(spec, loads, until, null);
  }

  private static PowerChainResult run(
      PowerChainSpec spec, double[] loads, long until, java.util.function.Consumer<PowerChain> on) {
    Simulation sim = new Simulation();
    PowerChain chain = new PowerChain(spec, loads, sim, new RandomStreams(1, 0));
    if (on != null) {
      on.accept(chain);
    }
    chain.start();
    sim.runUntil(until);
    return chain.result();
  }

  private static ChainComponents only(
      UnitReliability transformers, UnitReliability ats, UnitReliability sts) {
    return new ChainComponents(
        Optional.ofNullable(transformers),
        Optional.empty(),
        Optional.ofNullable(ats),
        Optional.ofNullable(sts));
  }

  private static void assertNanos(long actual, double expected) {
    // Battery times come from floating-point energy: allow a microsecond.
    assertThat((double) actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e3));
  }

  /**
   * The transformer fails at 3 h for 2 h: the feed is lost as in a utility outage. With generators
   * they start (one demand) and carry after 10 s on the battery: nothing lost. Without, the battery
   * lasts 20 min: dark from 3 h 20 min to 5 h.
   */
  @Test
  void aTransformerFailureIsAnOutageOfItsFeed() {
    UnitReliability transformer = new UnitReliability(fixed(3 * HOUR), fixed(2 * HOUR));
    ChainComponents c = only(transformer, null, null);
    PowerChainResult withPlant =
        run(
            chain(
                UtilitySpec.perfect(),
                plant(1, 60e3),
                ups(Optional.empty()),
                false,
                SourceLayout.SHARED,
                c),
            new double[] {50e3},
            4 * HOUR_NANOS);
    assertThat(withPlant.lossOfLoadEvents()).isZero();
    assertThat(withPlant.generatorStarts()).isEqualTo(1);
    assertThat(withPlant.onBatteryNanos()).isEqualTo(10 * SECOND_NANOS);
    assertThat(withPlant.componentFailures())
        .containsExactly(new PowerChainResult.ComponentFailures("transformer", 1));

    PowerChainResult without =
        run(
            chain(
                UtilitySpec.perfect(), null, ups(Optional.empty()), false, SourceLayout.SHARED, c),
            new double[] {50e3},
            6 * HOUR_NANOS);
    assertThat(without.lossOfLoadEvents()).isEqualTo(1);
    assertNanos(without.lossOfLoadNanos(), 100 * MINUTE_NANOS);
  }

  /**
   * The ATS fails at 3 h for 2 h: the UPS input is dead whatever the sources, and the generators
   * are not called (the utility is fine): dark from 3 h 20 min to 5 h.
   */
  @Test
  void aFailedTransferSwitchLeavesItsBusDeadWhateverTheSources() {
    ChainComponents c = only(null, new UnitReliability(fixed(3 * HOUR), fixed(2 * HOUR)), null);
    PowerChainResult r =
        run(
            chain(
                UtilitySpec.perfect(),
                plant(2, 60e3),
                ups(Optional.empty()),
                false,
                SourceLayout.SHARED,
                c),
            new double[] {50e3},
            6 * HOUR_NANOS);
    assertThat(r.generatorStarts()).isZero();
    assertThat(r.lossOfLoadEvents()).isEqualTo(1);
    assertNanos(r.lossOfLoadNanos(), 100 * MINUTE_NANOS);
    assertThat(r.componentFailures())
        .containsExactly(new PowerChainResult.ComponentFailures("ats", 1));
  }

  /**
   * A single-corded path behind two UPS systems (2N) through an STS that fails at 3 h for 1 h: dark
   * exactly then. Dual-corded racks have no STS, so the same component changes nothing.
   */
  @Test
  void aFailedStaticTransferSwitchDarkensItsPath() {
    ChainComponents c = only(null, null, new UnitReliability(fixed(3 * HOUR), fixed(HOUR)));
    UpsSpec twoN =
        new UpsSpec(
            RedundancyDesign.TWO_N.structure(1),
            100e3,
            Duration.ofMinutes(10),
            Duration.ofHours(8),
            EfficiencyCurve.DOUBLE_CONVERSION,
            false,
            NEVER,
            fixed(HOUR));
    PowerChainResult single =
        run(
            chain(UtilitySpec.perfect(), null, twoN, false, SourceLayout.SHARED, c),
            new double[] {50e3, 50e3},
            5 * HOUR_NANOS);
    assertThat(single.lossOfLoadEvents()).isEqualTo(1);
    assertThat(single.lossOfLoadNanos()).isEqualTo(HOUR_NANOS);
    assertThat(single.paths().get(0).downNanos()).isEqualTo(HOUR_NANOS);
    assertThat(single.paths().get(1).downNanos()).isEqualTo(HOUR_NANOS);
    assertThat(single.componentFailures())
        .containsExactly(new PowerChainResult.ComponentFailures("sts", 2));

    PowerChainResult dual =
        run(
            chain(UtilitySpec.perfect(), null, twoN, true, SourceLayout.SHARED, c),
            new double[] {50e3, 50e3},
            5 * HOUR_NANOS);
    assertThat(dual.lossOfLoadEvents()).isZero();
    assertThat(dual.componentFailures()).isEmpty();
  }

  /**
   * The battery string fails at 4 h and is repaired at 24 h; the utility is out 2 h every 5 h from
   * 5 h, without generators. Outages at 5, 10, 15 and 20 h find no battery: 2 h dark each. The
   * string comes back empty and recharges from 24 h: at 25 h it holds 1/8 of its energy, 2.5 min at
   * 50 kW, so dark from 25 h 2.5 min to 27 h: 8 h + 117.5 min in all, by 27.5 h.
   */
  @Test
  void aFailedBatteryStringHasNoRideThroughAndComesBackEmpty() {
    UpsSpec strings = ups(Optional.of(new UnitReliability(fixed(4 * HOUR), fixed(20 * HOUR))));
    UtilitySpec outages = TestChains.fixedOutages(Duration.ofHours(5), Duration.ofHours(2));
    PowerChainResult r =
        run(
            chain(outages, null, strings, false, SourceLayout.SHARED, ChainComponents.none()),
            new double[] {50e3},
            (long) (27.5 * HOUR_NANOS));
    List<Long> d = r.lossOfLoadEventNanos();
    assertThat(d).hasSize(5);
    for (int i = 0; i < 4; i++) {
      assertThat(d.get(i)).isEqualTo(2 * HOUR_NANOS);
    }
    assertNanos(d.get(4), 117.5 * MINUTE_NANOS);
    assertThat(r.componentFailures())
        .containsExactly(new PowerChainResult.ComponentFailures("battery_string", 1));
  }

  /**
   * A plant of two 20 kW units for a 50 kW load: it starts, but 40 kW cannot carry the load, so the
   * battery carries 20 min and the path is dark from 5 h 20 min to 7 h. Two 30 kW units carry it.
   */
  @Test
  void anUndersizedPlantCannotCarryAndShowsAsLostLoad() {
    UtilitySpec outage = TestChains.fixedOutages(Duration.ofHours(5), Duration.ofHours(2));
    PowerChainResult small =
        run(
            chain(
                outage,
                plant(2, 20e3),
                ups(Optional.empty()),
                false,
                SourceLayout.SHARED,
                ChainComponents.none()),
            new double[] {50e3},
            8 * HOUR_NANOS);
    assertThat(small.generatorStarts()).isEqualTo(1);
    assertThat(small.lossOfLoadEvents()).isEqualTo(1);
    assertNanos(small.lossOfLoadNanos(), 100 * MINUTE_NANOS);

    PowerChainResult enough =
        run(
            chain(
                outage,
                plant(2, 30e3),
                ups(Optional.empty()),
                false,
                SourceLayout.SHARED,
                ChainComponents.none()),
            new double[] {50e3},
            8 * HOUR_NANOS);
    assertThat(enough.lossOfLoadEvents()).isZero();
  }

  /**
   * The same two 30 kW units carry 50 kW of IT and 5 kW of cooling, not 15 kW: the cooling rises to
   * 15 kW at 6 h, the plant drops its load, the battery (recharged meanwhile) carries 20 min, and
   * the path is dark from 6 h 20 min to 7 h, when the utility returns.
   */
  @Test
  void theCoolingPlantsPowerIsOnTheGenerators() {
    UtilitySpec outage = TestChains.fixedOutages(Duration.ofHours(5), Duration.ofHours(2));
    double[] cooling = {5e3};
    PowerChainResult r =
        run(
            chain(
                outage,
                plant(2, 30e3),
                ups(Optional.empty()),
                false,
                SourceLayout.SHARED,
                ChainComponents.none()),
            new double[] {50e3},
            8 * HOUR_NANOS,
            chain -> chain.setGeneratorAuxiliaryLoad(() -> cooling[0]));
    assertThat(r.lossOfLoadEvents()).isZero(); // 55 kW fit the 60 kW plant

    // The cooling plant tells the chain when its power changes.
    Simulation sim = new Simulation();
    PowerChain chain =
        new PowerChain(
            chain(
                outage,
                plant(2, 30e3),
                ups(Optional.empty()),
                false,
                SourceLayout.SHARED,
                ChainComponents.none()),
            new double[] {50e3},
            sim,
            new RandomStreams(1, 0));
    double[] watts = {5e3};
    chain.setGeneratorAuxiliaryLoad(() -> watts[0]);
    sim.scheduleAt(
        6 * HOUR_NANOS,
        Simulation.DEFAULT_PRIORITY,
        now -> {
          watts[0] = 15e3;
          chain.generatorAuxiliaryLoadChanged(now);
        });
    chain.start();
    sim.runUntil(8 * HOUR_NANOS);
    PowerChainResult hot = chain.result();
    assertThat(hot.lossOfLoadEvents()).isEqualTo(1);
    assertNanos(hot.lossOfLoadNanos(), 40 * MINUTE_NANOS);
  }

  /**
   * 2N with a source per side: both MV transformers fail at 3 h for 2 h, each side's plant starts
   * and carries its half (40 kW of the 80 kW path) with one 50 kW unit: two starts, nothing lost.
   * With 30 kW units neither can: each system rides 25 min on its battery (10 min at its rated 100
   * kW), dark from 3 h 25 min to 5 h.
   */
  @Test
  void eachSideHasItsOwnPlant() {
    UnitReliability transformer = new UnitReliability(fixed(3 * HOUR), fixed(2 * HOUR));
    UpsSpec twoN =
        new UpsSpec(
            RedundancyDesign.TWO_N.structure(1),
            100e3,
            Duration.ofMinutes(10),
            Duration.ofHours(8),
            EfficiencyCurve.DOUBLE_CONVERSION,
            false,
            NEVER,
            fixed(HOUR));
    UtilitySpec twoFeeds = UtilitySpec.perfect().withFeeds(2, 0);
    ChainComponents c = only(transformer, null, null);
    PowerChainResult big =
        run(
            chain(twoFeeds, plant(1, 50e3), twoN, true, SourceLayout.PER_SIDE, c),
            new double[] {80e3},
            6 * HOUR_NANOS);
    assertThat(big.generatorStarts()).isEqualTo(2);
    assertThat(big.lossOfLoadEvents()).isZero();
    assertThat(big.componentFailures())
        .containsExactly(new PowerChainResult.ComponentFailures("transformer", 2));

    PowerChainResult small =
        run(
            chain(twoFeeds, plant(1, 30e3), twoN, true, SourceLayout.PER_SIDE, c),
            new double[] {80e3},
            6 * HOUR_NANOS);
    assertThat(small.lossOfLoadEvents()).isEqualTo(1);
    assertNanos(small.lossOfLoadNanos(), 95 * MINUTE_NANOS);
  }

  /** Absent components: the spec of the chain as first built, the same numbers. */
  @Test
  void idealComponentsChangeNothing() {
    PowerChainSpec legacy =
        TestChains.chain(
            TestChains.fixedOutages(Duration.ofHours(5), Duration.ofHours(2)),
            plant(2, Double.POSITIVE_INFINITY),
            ups(Optional.empty()),
            TestChains.lossless(false, NEVER, fixed(HOUR)),
            CommonCauseSpec.none(),
            RepairCrewSpec.perUnit());
    assertThat(legacy.sources()).isEqualTo(SourceLayout.SHARED);
    assertThat(legacy.components()).isEqualTo(ChainComponents.none());
  }
}
