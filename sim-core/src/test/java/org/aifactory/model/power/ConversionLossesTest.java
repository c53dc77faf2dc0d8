package org.aifactory.model.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Losses by stage, computed by hand. */
class ConversionLossesTest {
  private static PowerChainSpec spec(DistributionSpec d, UpsSpec ups) {
    return new PowerChainSpec(
        UtilitySpec.perfect(),
        Optional.empty(),
        ups,
        d,
        CommonCauseSpec.none(),
        RepairCrewSpec.perUnit());
  }

  /** {@code modules} UPS modules of 1 MW, all needed, double-conversion curve. */
  private static UpsSpec ups(int modules) {
    return UpsSpec.defaults(StageStructure.kOfN(modules, modules), 1e6);
  }

  /**
   * docs/sources.md §6: 142 kW at 54 V is 2,630 A; 1 MW is 18,519 A at 54 V and 1,250 A at 800 V,
   * so the I²R loss over the same conductor is (800/54)² ≈ 219 times larger at 54 V.
   */
  @Test
  void resistiveLossIsCurrentSquaredTimesResistance() {
    double ohms = 1e-4;
    DistributionSpec at54 =
        new DistributionSpec(false, TestChains.NEVER, TestChains.NEVER, 1, 54, ohms);
    DistributionSpec at800 =
        new DistributionSpec(false, TestChains.NEVER, TestChains.NEVER, 1, 800, ohms);
    ConversionLosses l54 = ConversionLosses.of(spec(at54, ups(1)), new double[] {142e3});
    assertThat(142e3 / 54).isCloseTo(2630, within(0.5));
    assertThat(l54.distributionLossWatts(142e3))
        .isCloseTo(Math.pow(142e3 / 54, 2) * ohms, within(1e-6));

    ConversionLosses a = ConversionLosses.of(spec(at54, ups(1)), new double[] {1e6});
    ConversionLosses b = ConversionLosses.of(spec(at800, ups(1)), new double[] {1e6});
    assertThat(1e6 / 54).isCloseTo(18_519, within(0.5));
    assertThat(a.distributionLossWatts(1e6)).isCloseTo(18_518.5 * 18_518.5 * ohms, within(1.0));
    assertThat(b.distributionLossWatts(1e6)).isCloseTo(1250.0 * 1250 * ohms, within(1e-6));
    assertThat(a.distributionLossWatts(1e6) / b.distributionLossWatts(1e6))
        .isCloseTo(Math.pow(800.0 / 54, 2), within(1e-9));
  }

  /** Two equal paths carry half the current each; dual cords halve it again. */
  @Test
  void lossSpreadsOverPathsAndCords() {
    DistributionSpec single =
        new DistributionSpec(false, TestChains.NEVER, TestChains.NEVER, 1, 100, 0.01);
    DistributionSpec dual =
        new DistributionSpec(true, TestChains.NEVER, TestChains.NEVER, 1, 100, 0.01);
    double[] twoPaths = {10e3, 10e3};
    // Each path: 10 kW / 100 V = 100 A, 100² × 0.01 = 100 W; two paths: 200 W.
    assertThat(ConversionLosses.of(spec(single, ups(1)), twoPaths).distributionLossWatts(20e3))
        .isCloseTo(200, within(1e-9));
    // Dual-corded: each cord 50 A, 25 W, four cords: 100 W.
    assertThat(ConversionLosses.of(spec(dual, ups(1)), twoPaths).distributionLossWatts(20e3))
        .isCloseTo(100, within(1e-9));
    // The loss follows the spread: at 10 kW total, a quarter.
    assertThat(ConversionLosses.of(spec(single, ups(1)), twoPaths).distributionLossWatts(10e3))
        .isCloseTo(50, within(1e-9));
    assertThat(ConversionLosses.of(spec(single, ups(1)), twoPaths).pathUpsOutputWatts(10e3))
        .isCloseTo(10_100, within(1e-9));
  }

  /** IT → conductor → PDU → UPS, each stage's loss by hand. */
  @Test
  void chainInputByHand() {
    DistributionSpec d =
        new DistributionSpec(false, TestChains.NEVER, TestChains.NEVER, 0.96, 800, 0.001);
    // UPS: 4 modules of 1 MW installed, double-conversion curve.
    ConversionLosses l = ConversionLosses.of(spec(d, ups(4)), new double[] {1e6, 1e6});
    double it = 2e6;
    double dist = 2 * Math.pow(1e6 / 800, 2) * 0.001; // 2 × 1,562.5 W
    double pdu = (it + dist) / 0.96 - (it + dist);
    double out = it + dist + pdu;
    double f = out / 4e6; // ≈ 0.52: on the flat top of the curve, 97.3 %
    assertThat(f).isBetween(0.5, 1.0);
    double ups = out / 0.973 - out;
    ConversionLosses.Breakdown b = l.breakdown(it);
    assertThat(b.distributionWatts()).isCloseTo(dist, within(1e-6));
    assertThat(b.pduWatts()).isCloseTo(pdu, within(1e-6));
    assertThat(b.upsWatts()).isCloseTo(ups, within(1e-6));
    assertThat(l.inputWatts(it)).isCloseTo(it + dist + pdu + ups, within(1e-6));
    assertThat(b.inputWatts()).isCloseTo(l.inputWatts(it), within(1e-6));
    assertThat(l.upsLossWatts(it)).isCloseTo(ups, within(1e-6));
    assertThat(l.pduLossWatts(it)).isCloseTo(pdu, within(1e-6));
  }

  @Test
  void efficiencyCurveInterpolatesAndKeepsFixedLossesAtLightLoad() {
    EfficiencyCurve c = EfficiencyCurve.DOUBLE_CONVERSION;
    assertThat(c.efficiency(0.25)).isCloseTo(0.964, within(1e-12));
    assertThat(c.efficiency(0.5)).isCloseTo(0.973, within(1e-12));
    assertThat(c.efficiency(1.0)).isCloseTo(0.973, within(1e-12));
    assertThat(c.efficiency(0.375)).isCloseTo(0.9685, within(1e-12));
    // Below 25 %: the loss stays at its 25 % value, 0.25 × (1/0.964 − 1) of rated power.
    double fixedLoss = 0.25 * (1 / 0.964 - 1);
    assertThat(c.lossWatts(0.1e6, 1e6)).isCloseTo(fixedLoss * 1e6, within(1e-6));
    assertThat(c.lossWatts(0, 1e6)).isCloseTo(fixedLoss * 1e6, within(1e-6));
    assertThat(c.efficiency(0.1)).isCloseTo(0.1 / (0.1 + fixedLoss), within(1e-12));
    assertThat(EfficiencyCurve.ECO_MODE.efficiency(0.25)).isCloseTo(0.984, within(1e-12));
    assertThat(EfficiencyCurve.constant(0.9).efficiency(0.01)).isCloseTo(0.9, within(1e-12));
  }

  /** 2N halves the load fraction, so the UPS loses more per watt. */
  @Test
  void twoNRunsAtALowerLessEfficientFraction() {
    DistributionSpec d = DistributionSpec.defaults(true);
    double[] loads = {1e6};
    UpsSpec nPlus1 = UpsSpec.defaults(RedundancyDesign.N_PLUS_1.structure(4), 300e3);
    UpsSpec twoN = UpsSpec.defaults(RedundancyDesign.TWO_N.structure(4), 300e3);
    double lossNPlus1 = ConversionLosses.of(spec(d, nPlus1), loads).upsLossWatts(1e6);
    double loss2N = ConversionLosses.of(spec(d, twoN), loads).upsLossWatts(1e6);
    assertThat(loss2N).isGreaterThan(lossNPlus1);
  }
}
