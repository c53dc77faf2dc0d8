package org.aifactory.model.inference;

import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.SimTime;
import org.aifactory.engine.Simulation;
import org.aifactory.model.workload.InferenceServiceSpec;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A service at request resolution: Poisson arrivals (rate constant within each hour, so an arrival
 * drawn past the hour's end is redrawn from the boundary: exact for a piecewise-constant rate), a
 * first-come-first-served queue, and one completion event per busy slot. A request that has waited
 * longer than the service allows when a slot comes free is dropped then (it would have been dropped
 * at its deadline; nothing else depends on when). Scheduling allocates nothing per request: each
 * slot's completion is one reused event.
 */
public final class RequestService implements ServingModel {
  private final InferenceServiceSpec spec;
  private final Simulation sim;
  private final Load load;
  private final ServiceBooks books = new ServiceBooks();
  private final int batch;
  private final double slotTokensPerNano;
  private final double prefillSpeedup;
  private final long maxWaitNanos;
  private double speed = 1;

  private final long[] slotArrival;
  private final long[] slotPrompt;
  private final long[] slotOutput;
  private final long[] slotLastUpdate;
  private final double[] slotRemaining;
  private final long[] slotHandle;
  private final boolean[] slotBusy;
  private final Event[] slotDone;

  // Free slots of up replicas: an indexed set.
  private final int[] free;
  private final int[] freePosition;
  private int freeCount;
  private final boolean[] replicaUp;

  private int busy;
  private long busySince;
  private final RequestQueue queue = new RequestQueue();

  private final ZigguratSampler.Exponential gaps;
  private final TokenCounts.Sampler prompts;
  private final TokenCounts.Sampler outputs;
  private long hour;
  private long hourEnd;
  private double rate;
  private final Event arrival = this::arrive;
  private final Event hourTick = this::nextHour;

  public RequestService(
      InferenceServiceSpec spec, Simulation sim, RandomStreams streams, Load load) {
    this.spec = spec;
    this.sim = sim;
    this.load = load;
    this.batch = spec.batch();
    long slots = spec.slots();
    if (slots > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many slots: " + slots);
    }
    int n = (int) slots;
    this.slotTokensPerNano = spec.slotTokensPerSecond() / SimTime.NANOS_PER_SECOND;
    this.prefillSpeedup = spec.prefillSpeedup();
    this.maxWaitNanos = spec.maxQueueing().toNanos();
    slotArrival = new long[n];
    slotPrompt = new long[n];
    slotOutput = new long[n];
    slotLastUpdate = new long[n];
    slotRemaining = new double[n];
    slotHandle = new long[n];
    slotBusy = new boolean[n];
    slotDone = new Event[n];
    for (int i = 0; i < n; i++) {
      int slot = i;
      slotDone[i] = now -> complete(slot, now);
    }
    free = new int[n];
    freePosition = new int[n];
    replicaUp = new boolean[spec.replicas()];
    String prefix = "inference." + spec.name() + ".";
    this.gaps = ZigguratSampler.Exponential.of(streams.stream(prefix + "arrivals"));
    this.prompts = spec.promptTokens().sampler(streams.stream(prefix + "prompt_tokens"));
    this.outputs = spec.outputTokens().sampler(streams.stream(prefix + "output_tokens"));
  }

  @Override
  public void start(long now) {
    for (int r = 0; r < replicaUp.length; r++) {
      replicaUp(r, now);
    }
    busySince = now;
    hour = now / SimTime.NANOS_PER_HOUR;
    hourEnd = (hour + 1) * SimTime.NANOS_PER_HOUR;
    rate = spec.demand().rate(hour);
    scheduleArrival(now);
  }

  private void scheduleArrival(long now) {
    if (rate > 0) {
      double gap = Math.ceil(gaps.sample() / rate * SimTime.NANOS_PER_SECOND);
      if (gap < hourEnd - now) {
        sim.schedule((long) gap, arrival);
        return;
      }
    }
    sim.scheduleAt(hourEnd, Simulation.DEFAULT_PRIORITY, hourTick);
  }

  private void nextHour(long now) {
    hour++;
    hourEnd += SimTime.NANOS_PER_HOUR;
    rate = spec.demand().rate(hour);
    scheduleArrival(now);
  }

  private void arrive(long now) {
    long p = prompts.sample();
    long o = outputs.sample();
    books.arrivedRequests++;
    books.demandedTokens += o;
    if (books.timeline != null) {
      books.timeline.demandedAt(now, o);
    }
    if (freeCount > 0) {
      begin(takeFree(), now, now, p, o);
    } else {
      queue.add(now, p, o);
    }
    scheduleArrival(now);
  }

  private void begin(int slot, long arrivedAt, long now, long promptTokens, long outputTokens) {
    slotArrival[slot] = arrivedAt;
    slotPrompt[slot] = promptTokens;
    slotOutput[slot] = outputTokens;
    slotLastUpdate[slot] = now;
    slotRemaining[slot] = outputTokens;
    slotBusy[slot] = true;
    changeBusy(now, 1);
    double perNano = slotTokensPerNano * speed;
    double service = outputTokens / perNano;
    double wait = (now - arrivedAt) / 1e9;
    books.waits.record(wait);
    double firstToken = Math.min(service, promptTokens / (prefillSpeedup * perNano));
    books.firstToken.record(wait + firstToken / 1e9);
    slotHandle[slot] = sim.schedule(durationNanos(service), slotDone[slot]);
  }

  private static long durationNanos(double nanos) {
    double d = Math.ceil(nanos);
    return d >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, (long) d);
  }

  private void complete(int slot, long now) {
    books.servedRequests++;
    books.servedTokens += slotOutput[slot];
    books.servedPromptTokens += slotPrompt[slot];
    books.endToEnd.record((now - slotArrival[slot]) / 1e9);
    if (books.timeline != null) {
      books.timeline.servedAt(now, slotOutput[slot]);
      books.timeline.latencyAt(now, (now - slotArrival[slot]) / 1e9, 1);
    }
    slotBusy[slot] = false;
    changeBusy(now, -1);
    addFree(slot);
    dispatch(now);
  }

  /** Starts queued requests on free slots, dropping those that have waited too long. */
  private void dispatch(long now) {
    while (freeCount > 0 && !queue.isEmpty()) {
      long arrivedAt = queue.headArrival();
      long p = queue.headPrompt();
      long o = queue.headOutput();
      queue.removeHead();
      if (now - arrivedAt > maxWaitNanos) {
        books.drop(ServiceBooks.QUEUE_TIMEOUT, 1, o);
      } else {
        begin(takeFree(), arrivedAt, now, p, o);
      }
    }
  }

  private void changeBusy(long now, int delta) {
    books.busySlotNanos += (double) busy * (now - busySince);
    busySince = now;
    busy += delta;
    load.busySlotsChanged(now, delta);
  }

  @Override
  public void replicaDown(int replica, long now, String cause) {
    if (!replicaUp[replica]) {
      return;
    }
    replicaUp[replica] = false;
    for (int slot = replica * batch; slot < (replica + 1) * batch; slot++) {
      if (slotBusy[slot]) {
        sim.cancel(slotHandle[slot]);
        slotBusy[slot] = false;
        changeBusy(now, -1);
        books.drop(cause, 1, slotOutput[slot]);
      } else {
        removeFree(slot);
      }
    }
  }

  @Override
  public void replicaUp(int replica, long now) {
    if (replicaUp[replica]) {
      return;
    }
    replicaUp[replica] = true;
    // Highest slot first, so that the lowest is taken first (a stack).
    for (int slot = (replica + 1) * batch - 1; slot >= replica * batch; slot--) {
      addFree(slot);
    }
    dispatch(now);
  }

  @Override
  public void setSpeed(long now, double newSpeed) {
    if (!(newSpeed > 0) || newSpeed > 1) {
      throw new IllegalArgumentException("speed must be in (0, 1], got " + newSpeed);
    }
    if (newSpeed == speed) {
      return;
    }
    double oldPerNano = slotTokensPerNano * speed;
    double newPerNano = slotTokensPerNano * newSpeed;
    for (int slot = 0; slot < slotBusy.length; slot++) {
      if (slotBusy[slot]) {
        slotRemaining[slot] =
            Math.max(0, slotRemaining[slot] - (now - slotLastUpdate[slot]) * oldPerNano);
        slotLastUpdate[slot] = now;
        sim.cancel(slotHandle[slot]);
        slotHandle[slot] =
            sim.schedule(durationNanos(slotRemaining[slot] / newPerNano), slotDone[slot]);
      }
    }
    speed = newSpeed;
  }

  @Override
  public void finish(long now) {
    books.busySlotNanos += (double) busy * (now - busySince);
    busySince = now;
    // Requests still queued that have waited too long at the horizon are dropped by then.
    while (!queue.isEmpty()) {
      if (now - queue.headArrival() > maxWaitNanos) {
        books.drop(ServiceBooks.QUEUE_TIMEOUT, 1, queue.headOutput());
      } else {
        books.queuedAtEnd++;
      }
      queue.removeHead();
    }
    books.inServiceAtEnd = busy;
  }

  @Override
  public ServiceBooks books() {
    return books;
  }

  @Override
  public double busySlots() {
    return busy;
  }

  /** Requests waiting for a slot now. */
  public int queued() {
    return queue.size();
  }

  private int takeFree() {
    int slot = free[--freeCount];
    return slot;
  }

  private void addFree(int slot) {
    freePosition[slot] = freeCount;
    free[freeCount++] = slot;
  }

  private void removeFree(int slot) {
    int at = freePosition[slot];
    int last = free[--freeCount];
    free[at] = last;
    freePosition[last] = at;
  }
}
