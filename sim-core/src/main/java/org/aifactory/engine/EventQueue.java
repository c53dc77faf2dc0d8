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
 * <p>Layout. Each entry lives in a slot (an index into the slot tables holding its {@link Event}
 * and its key). The heap holds (time, slot) pairs interleaved in one {@code long[]}, so a node's
 * four children are 64 contiguous bytes, one or two cache lines; keys are read from the slot table
 * only when two times are equal. Among four children the earliest time is chosen without branches
 * (a tournament on differences of non-negative times); a tie sends that node to an exact comparison
 * of (time, key).
 *
 * <p>Firing an event leaves a hole at the root instead of sifting the last entry down at once: the
 * next push (the fired event nearly always schedules one) fills the hole and sifts down once, where
 * a plain heap sifts down and then up. A hole no push fills is filled by the last entry before the
 * top is read again.
 *
 * <p>A handle is (low 32 bits of the insertion sequence &lt;&lt; 32 | slot): the slot's key holds
 * the sequence, so a handle is stale once its event fires or is cancelled and the slot is reused.
 * Cancellation is lazy: the slot forgets its event and the entry is dropped when it reaches the top
 * of the heap, which keeps the sifting loops free of index bookkeeping; when cancelled entries
 * outnumber the live ones in the heap they are all dropped at once (a rebuild in linear time), so
 * memory stays bounded by the live events.
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

  /** Cancelled heap entries are dropped at once only in heaps of at least this many entries. */
  private static final int MIN_PURGE = 64;

  /**
   * Longs before the root's entry. An array's elements start 16 bytes after its header, and a large
   * array (that of a heap of many pending events) starts on a boundary of the garbage collector's
   * region: 4 longs more put the four children of every entry, 64 bytes, on one cache line of 64
   * bytes, where they would straddle two.
   */
  private static final int BASE = 4;

  // Heap, ordered by (time, key): entry i is heap[BASE + 2i] (time) and heap[BASE + 2i + 1] (slot);
  // the children of entry i are 4i + 1 .. 4i + 4.
  private long[] heap;
  private int heapSize; // entries, with the hole
  private boolean hole; // the root's entry has fired and nothing has replaced it yet
  private int cancelledInHeap;

  // Slot tables.
  private Event[] slotEvent;
  private long[] slotKey;
  private int[] freeSlots; // a stack
  private int freeCount;
  private int slotsUsed;

  // Front slot: the earliest entry, or frontSlot = -1. Never together with a hole.
  private long frontTime;
  private long frontKey;
  private int frontSlot = -1;

  private long sequence;
  private int live;

  EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    heap = new long[BASE + 2 * cap];
    slotEvent = new Event[cap];
    slotKey = new long[cap];
    freeSlots = new int[cap];
  }

  /** Live (not cancelled) pending events. */
  int size() {
    return live;
  }

  /** Entries held, live or cancelled (for tests: memory stays bounded by the live events). */
  int heldEntries() {
    return heapSize - (hole ? 1 : 0) + (frontSlot >= 0 ? 1 : 0);
  }

  long push(long time, int priority, Event event) {
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority must be in [-32768, 32767]: " + priority);
    }
    if (sequence > MAX_SEQUENCE) {
      throw new IllegalStateException("more than 2^47 events scheduled in one run");
    }
    int slot = allocateSlot();
    long seq = sequence++;
    long key = ((long) (priority - MIN_PRIORITY) << 47) | seq;
    slotEvent[slot] = event;
    slotKey[slot] = key;
    if (hole) {
      hole = false;
      siftDown(0, time, key, slot, heapSize);
    } else if (frontSlot < 0) {
      if (heapSize == 0 || beforeTop(time, key)) {
        setFront(time, key, slot);
      } else {
        heapPush(time, key, slot);
      }
    } else if (time < frontTime || (time == frontTime && key < frontKey)) {
      if (slotEvent[frontSlot] != null) {
        heapPush(frontTime, frontKey, frontSlot);
      } else {
        releaseSlot(frontSlot); // cancelled: dropped here, not counted in the heap
      }
      setFront(time, key, slot);
    } else {
      heapPush(time, key, slot);
    }
    live++;
    return (seq << 32) | slot;
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
    while (true) {
      if (hole) {
        fillHole();
      }
      if (heapSize == 0) {
        return false;
      }
      int slot = (int) heap[BASE + 1];
      if (slotEvent[slot] != null) {
        return true;
      }
      releaseSlot(slot);
      cancelledInHeap--;
      hole = true;
    }
  }

  /** Time of the top entry; {@link #hasLive()} must have returned true. */
  long topTime() {
    return frontSlot >= 0 ? frontTime : heap[BASE];
  }

  /** Removes the top entry and returns its event; {@link #hasLive()} must have returned true. */
  Event pollEvent() {
    int slot;
    if (frontSlot >= 0) {
      slot = frontSlot;
      frontSlot = -1;
    } else {
      slot = (int) heap[BASE + 1];
      hole = true; // filled by the next push, or by hasLive
    }
    Event event = slotEvent[slot];
    releaseSlot(slot);
    live--;
    return event;
  }

  /** Cancels a pending event; false if it already fired or was cancelled. */
  boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0
        || slot >= slotsUsed
        || slotEvent[slot] == null
        || (int) slotKey[slot] != (int) (handle >>> 32)) {
      return false;
    }
    slotEvent[slot] = null; // dropped lazily when it reaches the top, or by a purge
    live--;
    if (slot != frontSlot && ++cancelledInHeap > (heapSize >>> 1) && heapSize >= MIN_PURGE) {
      purgeCancelled();
    }
    return true;
  }

  /** (time, key) precedes the heap's top entry (the heap is not empty and has no hole). */
  private boolean beforeTop(long time, long key) {
    long topTime = heap[BASE];
    return time < topTime || (time == topTime && key < slotKey[(int) heap[BASE + 1]]);
  }

  private void setFront(long time, long key, int slot) {
    frontTime = time;
    frontKey = key;
    frontSlot = slot;
  }

  private void heapPush(long time, long key, int slot) {
    if (BASE + 2 * heapSize == heap.length) {
      heap = Arrays.copyOf(heap, BASE + 4 * heapSize);
    }
    siftUp(heapSize++, time, key, slot);
  }

  /** Moves the last entry into the hole at the root. */
  private void fillHole() {
    hole = false;
    int last = --heapSize;
    if (last > 0) {
      int slot = (int) heap[2 * last + BASE + 1];
      siftDown(0, heap[2 * last + BASE], slotKey[slot], slot, last);
    }
  }

  private void siftUp(int index, long time, long key, int slot) {
    long[] h = heap;
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = h[2 * parent + BASE];
      if (pt < time || (pt == time && slotKey[(int) h[2 * parent + BASE + 1]] < key)) {
        break;
      }
      h[2 * i + BASE] = pt;
      h[2 * i + BASE + 1] = h[2 * parent + BASE + 1];
      i = parent;
    }
    h[2 * i + BASE] = time;
    h[2 * i + BASE + 1] = slot;
  }

  /**
   * Places (time, key, slot) at the hole {@code index} and sifts it down within [0, size).
   *
   * <p>Times are never negative (the clock starts at 0 and never goes back), so the difference of
   * two times cannot overflow and its sign bit says which is earlier: the earliest of four children
   * is found with no branch to mispredict.
   */
  private void siftDown(int index, long time, long key, int slot, int size) {
    long[] h = heap;
    int i = index;
    while (true) {
      int c = (i << 2) + 1;
      if (c >= size) {
        break;
      }
      int best;
      long bt;
      if (c + 3 < size) {
        int p = (c << 1) + BASE;
        long t0 = h[p];
        long t1 = h[p + 2];
        long t2 = h[p + 4];
        long t3 = h[p + 6];
        long d01 = t1 - t0;
        long m01 = d01 >> 63; // -1 when t1 < t0
        long ta = t0 + (d01 & m01);
        int a = c - (int) m01;
        long d23 = t3 - t2;
        long m23 = d23 >> 63;
        long tb = t2 + (d23 & m23);
        int b = c + 2 - (int) m23;
        long dab = tb - ta;
        long mab = dab >> 63;
        bt = ta + (dab & mab);
        best = a + ((b - a) & (int) mab);
        if (d01 == 0 || d23 == 0 || dab == 0) {
          best = earliest(c, c + 4); // equal times: the keys decide
        }
      } else {
        best = earliest(c, size);
        bt = h[2 * best + BASE];
      }
      if (time < bt || (time == bt && key < slotKey[(int) h[2 * best + BASE + 1]])) {
        break;
      }
      h[2 * i + BASE] = bt;
      h[2 * i + BASE + 1] = h[2 * best + BASE + 1];
      i = best;
    }
    h[2 * i + BASE] = time;
    h[2 * i + BASE + 1] = slot;
  }

  /** The earliest entry by (time, key) among [from, to). */
  private int earliest(int from, int to) {
    long[] h = heap;
    int best = from;
    long bt = h[2 * from + BASE];
    for (int c = from + 1; c < to; c++) {
      long ct = h[2 * c + BASE];
      if (ct < bt
          || (ct == bt
              && slotKey[(int) h[2 * c + BASE + 1]] < slotKey[(int) h[2 * best + BASE + 1]])) {
        best = c;
        bt = ct;
      }
    }
    return best;
  }

  /** Drops every cancelled entry from the heap and rebuilds it (Floyd's heap construction). */
  private void purgeCancelled() {
    if (hole) {
      fillHole();
    }
    long[] h = heap;
    int n = 0;
    for (int i = 0; i < heapSize; i++) {
      int slot = (int) h[2 * i + BASE + 1];
      if (slotEvent[slot] == null) {
        releaseSlot(slot);
      } else {
        h[2 * n + BASE] = h[2 * i + BASE];
        h[2 * n + BASE + 1] = slot;
        n++;
      }
    }
    heapSize = n;
    cancelledInHeap = 0;
    for (int i = (n - 2) >> 2; i >= 0; i--) {
      int slot = (int) h[2 * i + BASE + 1];
      siftDown(i, h[2 * i + BASE], slotKey[slot], slot, n);
    }
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == slotEvent.length) {
      int cap = slotEvent.length * 2;
      slotEvent = Arrays.copyOf(slotEvent, cap);
      slotKey = Arrays.copyOf(slotKey, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotsUsed++;
  }

  private void releaseSlot(int slot) {
    slotEvent[slot] = null;
    freeSlots[freeCount++] = slot;
  }
}
