package org.aifactory.metrics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The exact window checks against hand computations on step, pulse and ramp signals. */
class SignalChecksTest {
  private static final long S = 1_000_000_000L;

  /**
   * A step of 10 MW at t = 5 s, ramp window 1 s: the difference of adjacent 1 s averages rises
   * linearly from 0 at 5 s to 10 MW at 6 s and falls back to 0 at 7 s, so the worst ramp is 10 MW/s
   * at 6 s; over a limit of 4 MW/s for 2 s × (1 − 4/10) = 1.2 s, in one violation.
   */
  @Test
  void stepRampIsATriangle() {
    RampCheck ramp = new RampCheck(S, 4e6, 50e6);
    ramp.piece(0, 5 * S, 50e6, 0);
    ramp.piece(5 * S, 20 * S, 60e6, 0);
    assertThat(ramp.worstWattsPerSecond()).isCloseTo(10e6, within(1e-6));
    assertThat(ramp.worstAtNanos()).isEqualTo(6.0 * S);
    assertThat(ramp.violations()).isEqualTo(1);
    assertThat(ramp.violationNanos()).isCloseTo(1.2 * S, within(1.0));
  }

  /**
   * Pulses of 10 MW, 3 s up and 2 s down, window 0.5 s: the edges are more than 2 windows apart, so
   * each makes its own triangle of height 10 MW / 0.5 s = 20 MW/s; over 19 MW/s for 2 × 0.5 s × (1
   * − 19/20) = 0.05 s each, two violations per period (up and down).
   */
  @Test
  void pulsesRampBothWays() {
    RampCheck ramp = new RampCheck(S / 2, 19e6, 0);
    long t = 0;
    for (int i = 0; i < 10; i++) {
      ramp.piece(t, t + 3 * S, 10e6, 0);
      ramp.piece(t + 3 * S, t + 5 * S, 0, 0);
      t += 5 * S;
    }
    assertThat(Math.abs(ramp.worstWattsPerSecond())).isCloseTo(20e6, within(1e-3));
    // The first rise comes from the level held before 0 (0 W); the last fall's triangle ends
    // after the last piece: 10 rises and 9 complete falls plus the last one half-swept.
    assertThat(ramp.violations()).isEqualTo(20);
    assertThat(ramp.violationNanos()).isCloseTo(20 * 0.05 * S, within(10.0));
  }

  /** A line of slope 2 MW/s: every ramp is exactly 2 MW/s, whatever the window. */
  @Test
  void lineRampIsItsSlope() {
    RampCheck ramp = new RampCheck(3 * S, 5e6, 0);
    ramp.piece(0, 100 * S, 0, 2e6 / S);
    assertThat(ramp.worstWattsPerSecond()).isCloseTo(2e6, within(1e-6));
    assertThat(ramp.violations()).isZero();
  }

  /**
   * One pulse of 8 MW lasting 3 s, window 10 s: every window that holds a part of it has a range of
   * 8 MW, from its start (0 s... the window ending at 2 s) to 10 s after its end: 13 s in all.
   */
  @Test
  void pulseRangeLastsPulsePlusWindow() {
    SignalHistory s = new SignalHistory(20e6);
    DynamicRangeCheck range = new DynamicRangeCheck(s, 10 * S, 5e6);
    s.add(0, 2 * S, 20e6, 0);
    range.advance();
    s.add(2 * S, 5 * S, 28e6, 0);
    range.advance();
    s.add(5 * S, 60 * S, 20e6, 0);
    range.advance();
    range.finish(60 * S);
    assertThat(range.worstWatts()).isEqualTo(8e6);
    assertThat(range.violations()).isEqualTo(1);
    assertThat(range.violationNanos()).isCloseTo(13.0 * S, within(1.0));
  }

  /** A ramp of 1 MW/s for 30 s, window 10 s: the range is 10 MW while the window is on the ramp. */
  @Test
  void rampRangeIsSlopeTimesWindow() {
    SignalHistory s = new SignalHistory(0);
    DynamicRangeCheck range = new DynamicRangeCheck(s, 10 * S, 9e6);
    s.add(0, 30 * S, 0, 1e6 / S);
    range.advance();
    s.add(30 * S, 100 * S, 30e6, 0);
    range.advance();
    range.finish(100 * S);
    assertThat(range.worstWatts()).isCloseTo(10e6, within(1e-6));
    // Over 9 MW: from 9 s until the window leaves the ramp 9 s before its end (t = 31 s).
    assertThat(range.violationNanos()).isCloseTo(22.0 * S, within(10.0));
  }

  /** A capacity and a minimum on a line crossing them: the time beyond is from the crossings. */
  @Test
  void levelsCrossLinearly() {
    LevelCheck capacity = new LevelCheck(true, 15e6);
    LevelCheck minimum = new LevelCheck(false, 5e6);
    // 0 → 20 MW over 20 s: above 15 MW for 5 s, below 5 MW for 5 s.
    capacity.piece(0, 20 * S, 0, 1e6 / S);
    minimum.piece(0, 20 * S, 0, 1e6 / S);
    assertThat(capacity.worstWatts()).isCloseTo(20e6, within(1e-6));
    assertThat(capacity.violationNanos()).isCloseTo(5.0 * S, within(1.0));
    assertThat(minimum.worstWatts()).isZero();
    assertThat(minimum.violationNanos()).isCloseTo(5.0 * S, within(1.0));
    assertThat(capacity.violations()).isEqualTo(1);
  }

  /**
   * A sinusoid of 3 MW at 0.5 Hz, written as short linear pieces: the band 0.1-1 Hz reads 3 MW to
   * the accuracy of the pieces' straight lines (1 ms each: error about (π f Δt)²/... < 1e-5).
   */
  @Test
  void sinusoidReadsItsAmplitude() {
    BandCheck band = new BandCheck(0.1, 1, 64 * S, 64 * S, 1e6);
    long step = S / 1000;
    for (long t = 0; t < 64 * S; t += step) {
      double a = 100e6 + 3e6 * Math.sin(2 * Math.PI * 0.5 * t / 1e9);
      double b = 100e6 + 3e6 * Math.sin(2 * Math.PI * 0.5 * (t + step) / 1e9);
      band.piece(t, t + step, a, (b - a) / step);
    }
    band.finish(64 * S);
    assertThat(band.windows()).isEqualTo(1);
    assertThat(band.worstWatts()).isCloseTo(3e6, within(3e6 * 1e-5));
    assertThat(band.violations()).isEqualTo(1);
  }
}
