package org.aifactory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue against a reference (a sorted set of (time, priority, sequence)) under seeded random
 * mixes of pushes, pops and cancels: every pop returns the reference's first entry, every cancel
 * answers as the reference does (also for handles of fired, cancelled and reused slots), and the
 * size always agrees. The mixes exercise each path of the structure: the front slot, the hole left
 * at the root by a pop (filled by a push or by the next pop), the exact comparison of equal times,
 * the rebuild when cancelled entries outnumber live ones, and times from 0 to {@code
 * Long.MAX_VALUE}.
 */
class EventQueueTest {

  /** One pushed entry: the event the queue holds for it, so a pop says which entry came out. */
  private static final class Entry implements Event {
    final long time;
    final int priority;
    final long sequence;
    long handle;

    Entry(long time, int priority, long sequence) {
      this.time = time;
      this.priority = priority;
      this.sequence = sequence;
    }

    long time() {
      return time;
    }

    int priority() {
      return priority;
    }

    long sequence() {
      return sequence;
    }

    @Override
    public void fire(long nowNanos) {}

    @Override
    public String toString() {
      return "(" + time + ", " + priority + ", " + sequence + ")";
    }
  }

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::time)
          .thenComparingInt(Entry::priority)
          .thenComparingLong(Entry::sequence);

  /** How a generator picks delays, priorities and operations. */
  private enum Mix {
    /** Hold-like: every pop is followed by a push (the hole is filled by a push). */
    HOLD,
    /** Few distinct times and priorities: nearly every comparison is a tie. */
    TIES,
    /** Cancels more than half of what it pushes: rebuilds. */
    CANCEL_HEAVY,
    /** The queue drains and refills (holes filled by pops, an empty heap, the front slot). */
    DRAIN,
    /** Times across the whole range of a long, with Long.MAX_VALUE repeated. */
    EXTREME_TIMES
  }

  static Stream<Arguments> generators() {
    List<Arguments> out = new ArrayList<>();
    for (Mix mix : Mix.values()) {
      for (long seed = 1; seed <= 4; seed++) {
        out.add(Arguments.of(mix, seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("generators")
  void matchesAReferenceUnderRandomPushesPopsAndCancels(Mix mix, long seed) {
    SplittableRandom random = new SplittableRandom(seed * 31 + mix.ordinal());
    EventQueue queue = new EventQueue(2);
    TreeSet<Entry> reference = new TreeSet<>(ORDER);
    List<Entry> issued = new ArrayList<>(); // every entry ever pushed, live or not
    long now = 0;
    long sequence = 0;
    int mostLive = 0;
    int operations = 60_000;
    for (int op = 0; op < operations; op++) {
      int choice = random.nextInt(100);
      boolean push;
      boolean cancel;
      switch (mix) {
        case HOLD -> {
          push = reference.size() < 2_000 || choice < 45;
          cancel = choice >= 95;
        }
        case CANCEL_HEAVY -> {
          push = choice < 50;
          cancel = choice >= 50 && choice < 85;
        }
        case DRAIN -> {
          // Long phases of pushing and of popping: the queue empties again and again.
          boolean filling = (op / 3_000) % 2 == 0;
          push = filling ? choice < 70 : choice < 20;
          cancel = choice >= 90;
        }
        default -> {
          push = choice < 50;
          cancel = choice >= 85;
        }
      }
      if (cancel && !issued.isEmpty()) {
        Entry victim = issued.get(random.nextInt(issued.size()));
        boolean expected = reference.remove(victim);
        assertThat(queue.cancel(victim.handle)).as("cancel %s", victim).isEqualTo(expected);
      } else if (push) {
        Entry entry = new Entry(now + delay(mix, random, now), priority(mix, random), sequence++);
        entry.handle = queue.push(entry.time, entry.priority, entry);
        reference.add(entry);
        issued.add(entry);
      } else {
        boolean live = queue.hasLive();
        assertThat(live).isEqualTo(!reference.isEmpty());
        if (live) {
          Entry expected = reference.pollFirst();
          assertThat(queue.topTime()).isEqualTo(expected.time);
          assertThat(queue.pollEvent()).isSameAs(expected);
          now = expected.time;
        }
      }
      assertThat(queue.size()).isEqualTo(reference.size());
      mostLive = Math.max(mostLive, reference.size());
      assertThat(queue.heldEntries()).isLessThanOrEqualTo(2 * mostLive + 64);
    }
    // Drain: the rest comes out in the reference's order.
    while (queue.hasLive()) {
      Entry expected = reference.pollFirst();
      assertThat(expected).isNotNull();
      assertThat(queue.topTime()).isEqualTo(expected.time);
      assertThat(queue.pollEvent()).isSameAs(expected);
    }
    assertThat(reference).isEmpty();
    assertThat(queue.size()).isZero();
    // Every handle is stale now, whether its event fired or was cancelled.
    for (Entry e : issued) {
      assertThat(queue.cancel(e.handle)).as("stale %s", e).isFalse();
    }
  }

  private static long delay(Mix mix, SplittableRandom random, long now) {
    return switch (mix) {
      case TIES -> random.nextInt(3);
      case EXTREME_TIMES -> {
        long room = Long.MAX_VALUE - now;
        int kind = random.nextInt(4);
        if (kind == 0 || room == 0) {
          yield room; // Long.MAX_VALUE itself
        }
        yield kind == 1 ? random.nextLong(Math.min(room, 10)) : random.nextLong(room);
      }
      default -> random.nextInt(4) == 0 ? random.nextLong(1_000_000_000L) : random.nextLong(1_000);
    };
  }

  private static int priority(Mix mix, SplittableRandom random) {
    return switch (mix) {
      case TIES -> random.nextInt(-1, 2);
      case EXTREME_TIMES ->
          random.nextBoolean()
              ? EventQueue.MIN_PRIORITY
              : random.nextBoolean() ? EventQueue.MAX_PRIORITY : 0;
      default -> random.nextInt(-3, 4);
    };
  }

  /**
   * A timeout rescheduled at every event (cancel, then schedule again) leaves its cancelled entries
   * behind; they are dropped in bulk, so the queue holds a bounded number of entries.
   */
  @Test
  void cancelledEntriesDoNotAccumulate() {
    Simulation sim = new Simulation(4);
    long[] timeout = {-1};
    int[] timeouts = {0};
    Event onTimeout = t -> timeouts[0]++;
    Event[] tick = new Event[1];
    tick[0] =
        now -> {
          sim.cancel(timeout[0]);
          timeout[0] = sim.schedule(1_000_000_000_000L, onTimeout);
          sim.schedule(1, tick[0]);
        };
    sim.schedule(0, tick[0]);
    sim.runEvents(200_000);
    assertThat(timeouts[0]).isZero();
    assertThat(sim.pendingEvents()).isEqualTo(2);
    assertThat(sim.queue().heldEntries()).isLessThanOrEqualTo(2 * 2 + 64);
  }
}
