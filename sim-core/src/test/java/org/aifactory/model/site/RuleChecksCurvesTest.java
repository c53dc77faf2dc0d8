package org.aifactory.model.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aifactory.metrics.grid.BandCheck;
import org.aifactory.metrics.grid.DynamicRangeCheck;
import org.aifactory.metrics.grid.LevelCheck;
import org.aifactory.metrics.grid.RampCheck;
import org.aifactory.metrics.grid.RuleVerdict;
import org.aifactory.metrics.grid.SignalHistory;
import org.aifactory.metrics.grid.SiteResult;
import org.junit.jupiter.api.Test;

/**
 * The rules' checks receive the grid import's curve: every verdict equals that of its check fed the
 * same quadratic pieces directly (each check is tested against dense evaluation in
 * CurvedPiecesTest).
 */
class RuleChecksCurvesTest {
  private static final long S = 1_000_000_000L;

  @Test
  void everyCheckSeesTheCurve() {
    List<GridRule> rules =
        List.of(
            new GridRule.ImportCapacity(120e6),
            new GridRule.Ramp("ramp", 5e6, S),
            new GridRule.DynamicRange("range", 30e6, 5 * S),
            new GridRule.Oscillation("band", 0.5, 8, 1e5, 2 * S, 2 * S));
    RuleChecks checks = new RuleChecks(rules, 100e6);
    LevelCheck level = new LevelCheck(true, 120e6);
    RampCheck ramp = new RampCheck(S, 5e6, 100e6);
    SignalHistory history = new SignalHistory(100e6);
    DynamicRangeCheck range = new DynamicRangeCheck(history, 5 * S, 30e6);
    BandCheck band = new BandCheck(0.5, 8, 2 * S, 2 * S, 1e5);
    SplittableRandom r = new SplittableRandom(7);
    long t = 0;
    double value = 100e6;
    for (int i = 0; i < 40; i++) {
      long length = r.nextLong(S / 100, 2 * S);
      double l = length;
      double slope = r.nextDouble(-2e-2, 2e-2);
      double curve = r.nextDouble(-2e7, 2e7) / (l * l);
      checks.piece(t, t + length, value, slope, curve);
      level.piece(t, t + length, value, slope, curve);
      ramp.piece(t, t + length, value, slope, curve);
      history.add(t, t + length, value, slope, curve);
      range.advance();
      history.trimBefore(range.neededFrom());
      band.piece(t, t + length, value, slope, curve);
      value += (slope + curve * l) * l;
      t += length;
    }
    List<RuleVerdict> verdicts = checks.finish(t, new ArrayList<SiteResult.Spectrum>());
    range.finish(t);
    band.finish(t);
    assertThat(verdicts.get(0).worst()).isEqualTo(level.worstWatts());
    assertThat(verdicts.get(0).violationNanos()).isEqualTo(level.violationNanos());
    assertThat(verdicts.get(1).worst()).isEqualTo(Math.abs(ramp.worstWattsPerSecond()));
    assertThat(verdicts.get(1).violationNanos()).isEqualTo(ramp.violationNanos());
    assertThat(verdicts.get(2).worst()).isEqualTo(range.worstWatts());
    assertThat(verdicts.get(2).violationNanos()).isEqualTo(range.violationNanos());
    assertThat(verdicts.get(3).worst()).isEqualTo(band.worstWatts());
    assertThat(verdicts.get(3).violations()).isEqualTo(band.violations());
    assertThat(ramp.violations()).isPositive();
  }
}
