package org.aifactory.bench;

import java.util.Arrays;
import org.aifactory.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The baseline the engine is measured against: the {@link HoldModel} on a bare binary min-heap of
 * (time, insertion sequence) in two primitive arrays, written the textbook way (a poll sifts the
 * last entry down from the root, an add sifts the new entry up).
 *
 * <p>It draws the same delays from the same random stream and orders ties the same way, so it fires
 * the same events at the same times as the engine's hold model (a test checks it). It does less
 * than the engine: no event objects to call, no priorities, no cancellation, no handles, no checks
 * — the cost of the ordering alone, a lower bound for any event set built on a binary heap.
 */
public final class BareHeapHoldModel {
  private static final double NANOS_PER_UNIT = 1e9;

  private final ContinuousSampler exp;
  private long[] time;
  private long[] sequence;
  private int size;
  private long nextSequence;
  private long now;
  private long fired;

  public BareHeapHoldModel(int pending, long seed) {
    UniformRandomProvider rng = new RandomStreams(seed, 0).stream("hold");
    this.exp = ZigguratSampler.Exponential.of(rng);
    int capacity = pending + 16;
    time = new long[capacity];
    sequence = new long[capacity];
    for (int i = 0; i < pending; i++) {
      add(delay());
    }
  }

  private long delay() {
    return (long) (exp.sample() * NANOS_PER_UNIT);
  }

  /** Fires events until {@code events} more have fired; returns the total fired so far. */
  public long run(long events) {
    for (long i = 0; i < events && size > 0; i++) {
      now = poll();
      fired++;
      add(now + delay()); // the hold: each event fired schedules one more
    }
    return fired;
  }

  /** The time of the last event fired, in nanoseconds. */
  public long nowNanos() {
    return now;
  }

  public long eventsFired() {
    return fired;
  }

  private void add(long t) {
    if (size == time.length) {
      time = Arrays.copyOf(time, size * 2);
      sequence = Arrays.copyOf(sequence, size * 2);
    }
    long s = nextSequence++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = time[parent];
      if (pt < t || (pt == t && sequence[parent] < s)) {
        break;
      }
      time[i] = pt;
      sequence[i] = sequence[parent];
      i = parent;
    }
    time[i] = t;
    sequence[i] = s;
  }

  /** Removes the earliest entry; returns its time. */
  private long poll() {
    long top = time[0];
    int n = --size;
    if (n > 0) {
      long t = time[n];
      long s = sequence[n];
      int i = 0;
      int half = n >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        long ct = time[child];
        if (right < n) {
          long rt = time[right];
          if (rt < ct || (rt == ct && sequence[right] < sequence[child])) {
            child = right;
            ct = rt;
          }
        }
        if (t < ct || (t == ct && s < sequence[child])) {
          break;
        }
        time[i] = ct;
        sequence[i] = sequence[child];
        i = child;
      }
      time[i] = t;
      sequence[i] = s;
    }
    return top;
  }
}
