package org.aifactory.model.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RackStoreTest {
  private static final long S = 1_000_000_000L;

  /** Square-wave loads on {@code racks} racks for {@code periods}; kinks handled as events. */
  private static void squareWave(RackStore store, int periods, long high, long low) {
    long t = 0;
    for (int i = 0; i < periods; i++) {
      phase(store, t, 100_000, high);
      t += high;
      phase(store, t, 20_000, low);
      t += low;
    }
    store.advance(t);
  }

  private static void phase(RackStore store, long at, double watts, long length) {
    store.setLoad(at, watts, 0);
    while (store.nextKinkNanos() < at + length) {
      store.advance(store.nextKinkNanos());
    }
  }

  @Test
  void aSquareWaveDrawsTheTargetWhileTheStoreCanAndConservesEnergy() {
    // 100 kW for 2 s, 20 kW for 2.5 s per rack; target 60 kW; 100 kJ; 90 %.
    RackStore store = new RackStore(100_000, 60_000, 0.9);
    store.setRacks(0, 3);
    store.setLoad(0, 100_000, 0);
    assertThat(store.regime()).isEqualTo(RackStore.Regime.DISCHARGE);
    assertThat(store.drawWatts(0)).isEqualTo(60_000);
    assertThat(store.nextKinkNanos()).isEqualTo(2_500_000_000L); // 100 kJ at 40 kW
    store.setLoad(2 * S, 20_000, 0);
    assertThat(store.storedJoulesPerRack()).isCloseTo(20_000, within(1e-6));
    assertThat(store.regime()).isEqualTo(RackStore.Regime.CHARGE);
    // 80 kJ of room at 0.9 × 40 kW: full after 2.222... s, on the next whole nanosecond
    assertThat(store.nextKinkNanos()).isEqualTo(2 * S + 2_222_222_223L);
    store.advance(store.nextKinkNanos());
    assertThat(store.regime()).isEqualTo(RackStore.Regime.PASS);
    assertThat(store.drawWatts(store.nextKinkNanos() - 1)).isEqualTo(20_000);

    RackStore many = new RackStore(100_000, 60_000, 0.9);
    many.setRacks(0, 3);
    double before = many.storedJoules();
    squareWave(many, 1_000, 2 * S, 2_500_000_000L);
    double balance = many.loadJoules() + many.lossJoules() + many.storedJoules() - before;
    assertThat(many.drawJoules()).isCloseTo(balance, within(1e-9 * many.drawJoules()));
    assertThat(many.maxDrawWatts()).isEqualTo(60_000);
    assertThat(many.maxLoadWatts()).isEqualTo(100_000);
    // each period: 60 kW for 4.222 s, 20 kW for 0.278 s, on 3 racks
    double perPeriod = 3 * (60_000 * (2 + 80_000 / 36_000.0) + 20_000 * (2.5 - 80_000 / 36_000.0));
    assertThat(many.drawJoules()).isCloseTo(1_000 * perPeriod, within(1e-6 * perPeriod));
  }

  @Test
  void theStoreSizeSetsThePeakCut() {
    // 1 s lulls give back 36 kJ: a store that cannot refill empties 0.9 s into every compute
    // phase, and the rack's draw peaks at its full load; a store bigger than one phase's need
    // (80 kJ) with enough time to refill holds the peak at the target.
    for (double capacity : new double[] {0, 20_000, 79_000, 80_000, 200_000}) {
      RackStore store = new RackStore(capacity, 60_000, 0.9);
      store.setRacks(0, 1);
      squareWave(store, 200, 2 * S, 3 * S); // 3 s × 36 kW = 108 kJ back: enough for 80 kJ
      double cut = 1 - store.maxDrawWatts() / store.maxLoadWatts();
      assertThat(cut).as("capacity %s", capacity).isEqualTo(capacity >= 80_000 ? 0.4 : 0);
    }
  }

  @Test
  void aRampingLoadSwitchesRegimesWhereItCrossesTheTargetAndTheStoreEmpties() {
    RackStore store = new RackStore(10_000, 60_000, 1);
    store.setRacks(0, 1);
    store.setLoad(0, 0, 100_000 / 1e9); // rising 100 kW/s from 0
    assertThat(store.regime()).isEqualTo(RackStore.Regime.PASS); // full, below the target
    assertThat(store.nextKinkNanos()).isEqualTo(600_000_000L);
    store.advance(600_000_000L);
    assertThat(store.regime()).isEqualTo(RackStore.Regime.DISCHARGE);
    // ∫ 100 kW/s · t dt = 10 kJ after √0.2 s
    assertThat(store.nextKinkNanos())
        .isEqualTo(600_000_000L + (long) Math.ceil(Math.sqrt(0.2) * 1e9));
    store.advance(store.nextKinkNanos());
    assertThat(store.regime()).isEqualTo(RackStore.Regime.PASS);
    assertThat(store.storedJoulesPerRack()).isCloseTo(0, within(1e-3));
  }
}
