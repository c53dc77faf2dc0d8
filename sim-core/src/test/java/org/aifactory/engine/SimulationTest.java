package org.aifactory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationTest {

  private record Fired(long time, int priority, long sequence) {}

  @Test
  void firesInTimeThenPriorityThenInsertionOrder() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    sim.scheduleAt(20, 0, t -> log.add("t20-p0-a"));
    sim.scheduleAt(10, 5, t -> log.add("t10-p5"));
    sim.scheduleAt(10, -3, t -> log.add("t10-p-3"));
    sim.scheduleAt(20, 0, t -> log.add("t20-p0-b"));
    sim.scheduleAt(10, 0, t -> log.add("t10-p0-a"));
    sim.scheduleAt(20, -1, t -> log.add("t20-p-1"));
    sim.scheduleAt(10, 0, t -> log.add("t10-p0-b"));
    sim.runUntil(100);
    assertThat(log)
        .containsExactly(
            "t10-p-3", "t10-p0-a", "t10-p0-b", "t10-p5", "t20-p-1", "t20-p0-a", "t20-p0-b");
  }

  /**
   * A seeded random schedule fires in exactly the order a stable sort by (time, priority) gives.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomSchedulesMatchAStableSort(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Simulation sim = new Simulation(4);
    List<Fired> expected = new ArrayList<>();
    List<Fired> actual = new ArrayList<>();
    List<Long> handles = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      long time = random.nextLong(200); // many ties on purpose
      int priority = random.nextInt(-3, 4);
      Fired f = new Fired(time, priority, i);
      handles.add(sim.scheduleAt(time, priority, t -> actual.add(f)));
      expected.add(f);
    }
    // Cancel a random tenth.
    for (int i = 0; i < 500; i++) {
      int k = random.nextInt(expected.size());
      if (expected.get(k) != null && sim.cancel(handles.get(k))) {
        expected.set(k, null);
      }
    }
    expected.removeIf(f -> f == null);
    expected.sort(
        Comparator.comparingLong(Fired::time)
            .thenComparingInt(Fired::priority)
            .thenComparingLong(Fired::sequence));
    sim.runUntil(1_000);
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(sim.pendingEvents()).isZero();
  }

  /**
   * Events that schedule and cancel other events as they fire (the way models use the engine, which
   * exercises the queue's front slot) fire exactly in the order of a reference priority queue: each
   * event, as it fires, must be the reference's head.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void dynamicSchedulesMatchAReferenceQueue(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Simulation sim = new Simulation(2);
    PriorityQueue<Fired> reference =
        new PriorityQueue<>(
            Comparator.comparingLong(Fired::time)
                .thenComparingInt(Fired::priority)
                .thenComparingLong(Fired::sequence));
    Map<Fired, Long> handles = new HashMap<>();
    long[] sequence = {0};
    long[] fired = {0};
    Event[] onFire = new Event[1];
    LongConsumer schedule =
        now -> {
          long delay = random.nextInt(4) == 0 ? random.nextLong(1_000_000) : random.nextLong(5);
          int priority = random.nextInt(-2, 3);
          Fired f = new Fired(now + delay, priority, sequence[0]++);
          reference.add(f);
          handles.put(
              f,
              sim.scheduleAt(
                  f.time(),
                  priority,
                  t -> {
                    assertThat(reference.poll()).isEqualTo(f);
                    fired[0]++;
                    onFire[0].fire(t);
                  }));
        };
    onFire[0] =
        now -> {
          if (sequence[0] < 20_000) {
            schedule.accept(now);
            if (random.nextBoolean()) {
              schedule.accept(now);
            }
          }
          if (random.nextInt(10) == 0 && !reference.isEmpty()) {
            Fired victim =
                reference.stream().skip(random.nextInt(reference.size())).findFirst().orElseThrow();
            assertThat(sim.cancel(handles.get(victim))).isTrue();
            reference.remove(victim);
          }
        };
    schedule.accept(0L);
    schedule.accept(0L);
    sim.runUntil(Long.MAX_VALUE / 2);
    assertThat(reference).isEmpty();
    assertThat(fired[0]).isGreaterThan(10_000);
    assertThat(sim.pendingEvents()).isZero();
  }

  @Test
  void eventsScheduledFromEventsKeepTheOrder() {
    Simulation sim = new Simulation();
    List<Long> times = new ArrayList<>();
    Event[] chain = new Event[1];
    chain[0] =
        now -> {
          times.add(now);
          if (times.size() < 5) {
            sim.schedule(7, chain[0]);
          }
        };
    sim.schedule(3, chain[0]);
    sim.runUntil(1_000);
    assertThat(times).containsExactly(3L, 10L, 17L, 24L, 31L);
    assertThat(sim.eventsFired()).isEqualTo(5);
    assertThat(sim.nowNanos()).isEqualTo(1_000);
  }

  @Test
  void cancelledEventsDoNotFireAndHandlesGoStale() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    long a = sim.schedule(10, t -> log.add("a"));
    long b = sim.schedule(20, t -> log.add("b"));
    assertThat(sim.pendingEvents()).isEqualTo(2);
    assertThat(sim.cancel(a)).isTrue();
    assertThat(sim.cancel(a)).isFalse();
    assertThat(sim.pendingEvents()).isEqualTo(1);
    sim.runUntil(100);
    assertThat(log).containsExactly("b");
    assertThat(sim.cancel(b)).as("already fired").isFalse();
    // The slot of 'a' is reused by a new event; the old handle must not cancel it.
    long c = sim.schedule(10, t -> log.add("c"));
    assertThat(sim.cancel(a)).isFalse();
    sim.runUntil(200);
    assertThat(log).containsExactly("b", "c");
    assertThat(sim.cancel(c)).isFalse();
  }

  @Test
  void runEventsFiresExactlyTheNumberAskedFor() {
    Simulation sim = new Simulation();
    Event[] again = new Event[1];
    again[0] = t -> sim.schedule(3, again[0]);
    sim.schedule(1, again[0]);
    sim.schedule(2, again[0]);
    sim.runEvents(7);
    assertThat(sim.eventsFired()).isEqualTo(7);
    // Two chains, 3 ns apart: 1, 2, 4, 5, 7, 8, 10 — the 7th fires at 10, and the clock stays
    // there.
    assertThat(sim.nowNanos()).isEqualTo(10);
    assertThat(sim.pendingEvents()).isEqualTo(2);
  }

  @Test
  void runUntilStopsAtTheHorizonInclusiveAndCanContinue() {
    Simulation sim = new Simulation();
    List<Long> log = new ArrayList<>();
    sim.scheduleAt(50, 0, log::add);
    sim.scheduleAt(51, 0, log::add);
    sim.runUntil(50);
    assertThat(log).containsExactly(50L);
    assertThat(sim.nowNanos()).isEqualTo(50);
    sim.runUntil(60);
    assertThat(log).containsExactly(50L, 51L);
  }

  @Test
  void anExceptionInAnEventFailsTheRunWithTimeAndCause() {
    Simulation sim = new Simulation();
    sim.scheduleAt(
        1_500_000_000L,
        0,
        t -> {
          throw new IllegalStateException("boom");
        });
    assertThatThrownBy(() -> sim.runUntil(10_000_000_000L))
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("1.5 s")
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("boom");
  }

  @Test
  void rejectsThePastBadPrioritiesAndNegativeDelays() {
    Simulation sim = new Simulation();
    sim.runUntil(100);
    assertThatThrownBy(() -> sim.scheduleAt(99, 0, t -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.schedule(-1, t -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.schedule(1, 40_000, t -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.runUntil(50)).isInstanceOf(IllegalArgumentException.class);
  }
}
