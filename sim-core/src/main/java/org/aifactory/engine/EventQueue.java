package org.aifactory.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap kept in primitive arrays, so scheduling and firing
 * allocate nothing once the arrays have grown to the model's size.
 *
 * <p>Total order: (time, priority, insertion sequence). Lower priority values fire first among
 * events at the same time; events equal in both fire in the order they were scheduled. The priority
 * and the sequence number are packed into one {@code long} key: priority in the top 16 bits,
 * sequence in the low 47.
 *
 * <p>Each entry lives in a slot (an index into the slot table holding its {@link Event}). A handle
 * is (slot generation &lt;&lt; 32 | slot): stale once the event fires or is cancelled, because the
 * generation moves on. Cancellation is lazy: the slot forgets its event and the entry is dropped
 * when it reaches the top of the heap, which keeps the sifting loops free of index bookkeeping.
 *
 * <p>The earliest entry may wait in a front slot outside the heap (invariant: it precedes the
 * heap's top). A model whose next event is nearly always the earliest — a training job pulsing
 * every second among failure processes that fire every few hours — then schedules and fires in
 * O(1), whatever else is pending.
 */
final class EventQueue {
  static final int MIN_PRIORITY = -32_768;
  static final int MAX_PRIORITY = 32_767;
  private static final long MAX_SEQUENCE = (1L << 47) - 1;

  // Heap, ordered by (time, key).
  private long[] heapTime;
  private long[] heapKey;
  private int[] heapSlot;
  private int heapSize;

  // Slot table.
  private Event[] slotEvent;
  private int[] slotGeneration;
  private int[] nextFreeSlot;
  private int freeSlot = -1;
  private int slotsUsed;

  // Front slot: the earliest entry, or frontSlot = -1.
  private long frontTime;
  private long frontKey;
  private int frontSlot = -1;

  private long sequence;
  private int live;

  EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    heapTime = new long[cap];
    heapKey = new long[cap];
    heapSlot = new int[cap];
    slotEvent = new Event[cap];
    slotGeneration = new int[cap];
    nextFreeSlot = new int[cap];
  }

  /** Live (not cancelled) pending events. */
  int size() {
    return live;
  }

  long push(long time, int priority, Event event) {
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority must be in [-32768, 32767]: " + priority);
    }
    if (sequence > MAX_SEQUENCE) {
      throw new IllegalStateException("more than 2^47 events scheduled in one run");
    }
    int slot = allocateSlot();
    slotEvent[slot] = event;
    long key = ((long) (priority - MIN_PRIORITY) << 47) | sequence++;
    if (frontSlot < 0) {
      if (heapSize == 0 || before(time, key, heapTime[0], heapKey[0])) {
        setFront(time, key, slot);
      } else {
        heapPush(time, key, slot);
      }
    } else if (before(time, key, frontTime, frontKey)) {
      heapPush(frontTime, frontKey, frontSlot);
      setFront(time, key, slot);
    } else {
      heapPush(time, key, slot);
    }
    live++;
    return ((long) slotGeneration[slot] << 32) | slot;
  }

  /**
   * Drops cancelled entries from the top; true when a live event is at the top afterwards. Call
   * before {@link #topTime()} and {@link #pollEvent()}.
   */
  boolean hasLive() {
    if (frontSlot >= 0) {
      if (slotEvent[frontSlot] != null) {
        return true;
      }
      releaseSlot(frontSlot);
      frontSlot = -1;
    }
    while (heapSize > 0) {
      int slot = heapSlot[0];
      if (slotEvent[slot] != null) {
        return true;
      }
      removeTop();
      releaseSlot(slot);
    }
    return false;
  }

  /** Time of the top entry; {@link #hasLive()} must have returned true. */
  long topTime() {
    return frontSlot >= 0 ? frontTime : heapTime[0];
  }

  /** Removes the top entry and returns its event; {@link #hasLive()} must have returned true. */
  Event pollEvent() {
    int slot;
    if (frontSlot >= 0) {
      slot = frontSlot;
      frontSlot = -1;
    } else {
      slot = heapSlot[0];
      removeTop();
    }
    Event event = slotEvent[slot];
    releaseSlot(slot);
    live--;
    return event;
  }

  /** Cancels a pending event; false if it already fired or was cancelled. */
  boolean cancel(long handle) {
    int slot = (int) handle;
    int generation = (int) (handle >>> 32);
    if (slot < 0
        || slot >= slotsUsed
        || slotGeneration[slot] != generation
        || slotEvent[slot] == null) {
      return false;
    }
    slotEvent[slot] = null; // dropped lazily when it reaches the top
    slotGeneration[slot]++; // the handle is stale from now on
    live--;
    return true;
  }

  private static boolean before(long t1, long k1, long t2, long k2) {
    return t1 < t2 || (t1 == t2 && k1 < k2);
  }

  private void setFront(long time, long key, int slot) {
    frontTime = time;
    frontKey = key;
    frontSlot = slot;
  }

  private void heapPush(long time, long key, int slot) {
    if (heapSize == heapTime.length) {
      growHeap();
    }
    siftUp(heapSize++, time, key, slot);
  }

  private void removeTop() {
    int last = --heapSize;
    if (last > 0) {
      siftDown(heapTime[last], heapKey[last], heapSlot[last], last);
    }
  }

  private void siftUp(int index, long time, long key, int slot) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = heapTime[parent];
      if (pt < time || (pt == time && heapKey[parent] < key)) {
        break;
      }
      heapTime[i] = pt;
      heapKey[i] = heapKey[parent];
      heapSlot[i] = heapSlot[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapKey[i] = key;
    heapSlot[i] = slot;
  }

  /** Places (time, key, slot) at the root's hole and sifts it down within [0, size). */
  private void siftDown(long time, long key, int slot, int size) {
    int i = 0;
    while (true) {
      int first = (i << 2) + 1;
      if (first >= size) {
        break;
      }
      int best = first;
      long bt = heapTime[first];
      int end = Math.min(first + 4, size);
      for (int c = first + 1; c < end; c++) {
        long ct = heapTime[c];
        if (ct < bt || (ct == bt && heapKey[c] < heapKey[best])) {
          best = c;
          bt = ct;
        }
      }
      if (time < bt || (time == bt && key < heapKey[best])) {
        break;
      }
      heapTime[i] = bt;
      heapKey[i] = heapKey[best];
      heapSlot[i] = heapSlot[best];
      i = best;
    }
    heapTime[i] = time;
    heapKey[i] = key;
    heapSlot[i] = slot;
  }

  private int allocateSlot() {
    int slot = freeSlot;
    if (slot >= 0) {
      freeSlot = nextFreeSlot[slot];
      return slot;
    }
    if (slotsUsed == slotEvent.length) {
      int cap = slotEvent.length * 2;
      slotEvent = Arrays.copyOf(slotEvent, cap);
      slotGeneration = Arrays.copyOf(slotGeneration, cap);
      nextFreeSlot = Arrays.copyOf(nextFreeSlot, cap);
    }
    return slotsUsed++;
  }

  private void releaseSlot(int slot) {
    if (slotEvent[slot] != null) {
      slotEvent[slot] = null;
      slotGeneration[slot]++;
    }
    nextFreeSlot[slot] = freeSlot;
    freeSlot = slot;
  }

  private void growHeap() {
    int cap = heapTime.length * 2;
    heapTime = Arrays.copyOf(heapTime, cap);
    heapKey = Arrays.copyOf(heapKey, cap);
    heapSlot = Arrays.copyOf(heapSlot, cap);
  }
}
