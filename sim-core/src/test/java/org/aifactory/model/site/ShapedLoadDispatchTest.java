package org.aifactory.model.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A site battery following a shaped (ramping) load, against a hand computation. The load ramps from
 * L₀ at s = 1 MW/s; the grid import follows it ramp limited at r = 0.2 MW/s, so the battery gives
 * P(t) = (s − r)·t, delivers (s − r)·t²/2 and draws that / η from its store (η = √0.81 = 0.9).
 */
class ShapedLoadDispatchTest {
  private static final long S = 1_000_000_000L;
  private static final double L0 = 10e6;
  private static final double SLOPE = 1e6; // W/s
  private static final double RAMP = 0.2e6; // W/s
  private static final double CAPACITY = 10e9; // J
  private static final double ETA = 0.9;

  private record Piece(
      long from, long to, double battery, double batterySlope, double grid, double gridSlope) {}

  private static SiteDispatch dispatch() {
    BatterySpec spec =
        new BatterySpec(
            CAPACITY,
            100e6,
            ETA * ETA,
            0.1,
            0.9,
            0.5,
            new BatterySpec.SmoothingPolicy(0, RAMP, 0),
            0);
    SiteDispatch d = new SiteDispatch(Optional.of(spec), Optional.empty(), L0);
    d.loadChanged(0, L0, SLOPE * 1e-9);
    return d;
  }

  private static List<Piece> walk(SiteDispatch d, long to) {
    List<Piece> pieces = new ArrayList<>();
    d.advance(
        0,
        to,
        (from,
            end,
            load,
            loadSlope,
            f,
            fs,
            fc,
            g,
            gs,
            gc,
            p,
            ps,
            pc,
            grid,
            gridSlope,
            gridCurve,
            soc) -> pieces.add(new Piece(from, end, p, ps, grid, gridSlope)));
    return pieces;
  }

  /** After 50 s of ramp: the stored energy is E₀ − (s − r)·T²/(2η), by hand. */
  @Test
  void stateOfChargeAfterARampIsTheHandFigure() {
    SiteDispatch d = dispatch();
    List<Piece> pieces = walk(d, 50 * S);
    double t = 50;
    double drawn = (SLOPE - RAMP) * t * t / 2 / ETA; // 1.111 GJ
    double expected = 0.5 - drawn / CAPACITY;
    assertThat(d.battery().orElseThrow().stateOfCharge()).isCloseTo(expected, within(1e-12));
    // All along, the grid imports L₀ + r·t: it climbs at the ramp limit, never faster.
    for (Piece p : pieces) {
      assertThat(p.gridSlope()).isCloseTo(RAMP * 1e-9, within(RAMP * 1e-9 * 1e-12));
      assertThat(p.grid()).isCloseTo(L0 + RAMP * p.from() * 1e-9, within(L0 * 1e-12));
    }
  }

  /**
   * The store reaches soc_min when (s − r)·t²/(2η) = E₀ − E_min: t = √(2η·4 GJ / 0.8 MW/s) = √9000
   * s = 94.868 s; from then on the battery gives nothing and the grid takes the whole load.
   */
  @Test
  void theBatteryEmptiesAtTheHandTime() {
    SiteDispatch d = dispatch();
    List<Piece> pieces = walk(d, 100 * S);
    double exact = Math.sqrt(2 * ETA * (0.5 - 0.1) * CAPACITY / (SLOPE - RAMP)) * 1e9; // ns
    Piece empty =
        pieces.stream()
            .filter(p -> p.from() > 0 && p.battery() == 0 && p.batterySlope() == 0)
            .findFirst()
            .orElseThrow();
    // The crossing is rounded up to the next whole nanosecond.
    assertThat((double) empty.from()).isBetween(exact, exact + 1);
    assertThat(empty.grid()).isCloseTo(L0 + SLOPE * empty.from() * 1e-9, within(L0 * 1e-12));
    assertThat(empty.gridSlope()).isCloseTo(SLOPE * 1e-9, within(SLOPE * 1e-9 * 1e-12));
    SiteBattery b = d.battery().orElseThrow();
    // The overshoot is at most one nanosecond at full discharge (< 0.1 J drawn).
    assertThat(b.energyJoules()).isCloseTo(0.1 * CAPACITY, within(0.1));
    assertThat(b.books().timesEmpty()).isEqualTo(1);
  }
}
