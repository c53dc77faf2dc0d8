package org.aifactory.model.inference;

import org.aifactory.engine.Event;
import org.aifactory.engine.SimTime;
import org.aifactory.engine.Simulation;
import org.aifactory.model.workload.InferenceServiceSpec;

/**
 * A service as a fluid: requests arrive at the hour's mean rate λ and are served at up to the
 * capacity μ of the slots that are up (requests/s: slots × slot rate / mean output tokens); the
 * excess waits in a queue Q that fills at λ − μ and drains at μ − λ, and a request that would wait
 * longer than the service allows (Q / μ above it) is dropped. Between events λ and μ are constant,
 * so Q is linear in time and the moments it empties or fills are computed exactly as events.
 *
 * <p>Busy slots: all of those up while requests wait, else λ / μ of them. A fluid request's delay
 * is Q / μ at its arrival; first-token and end-to-end latencies add the mean prefill and service
 * times (the spread of service times is not modelled). A replica that goes down loses no request
 * (the fluid has none in service): only capacity. While no replica is up, arrivals queue; when
 * capacity returns, those that would wait too long behind the rest are dropped.
 */
public final class FluidService implements ServingModel {
  private final InferenceServiceSpec spec;
  private final Simulation sim;
  private final Load load;
  private final ServiceBooks books = new ServiceBooks();
  private final double meanOutput;
  private final double meanPrompt;
  private final double maxWaitSeconds;
  private final double slotTokensPerSecond;
  private final boolean[] replicaUp;
  private int upReplicas;
  private double speed = 1;

  private double queue; // requests waiting
  private double lambda; // arrivals per second, this hour
  private double busy;
  private long last;
  private long hour;
  private boolean started;
  private long crossingHandle = -1;
  private final Event hourTick = this::nextHour;
  private final Event crossing = this::cross;

  public FluidService(InferenceServiceSpec spec, Simulation sim, Load load) {
    this.spec = spec;
    this.sim = sim;
    this.load = load;
    this.meanOutput = spec.outputTokens().mean();
    this.meanPrompt = spec.promptTokens().mean();
    this.maxWaitSeconds = spec.maxQueueing().toNanos() / 1e9;
    this.slotTokensPerSecond = spec.slotTokensPerSecond();
    this.replicaUp = new boolean[spec.replicas()];
  }

  /** Requests per second the slots that are up complete, at the present speed. */
  private double mu() {
    return (double) upReplicas * spec.batch() * slotTokensPerSecond * speed / meanOutput;
  }

  /** The most that may wait: a request behind them would wait longer than allowed. */
  private double maxQueue(double mu) {
    return mu * maxWaitSeconds;
  }

  @Override
  public void start(long now) {
    last = now;
    upReplicas = replicaUp.length;
    java.util.Arrays.fill(replicaUp, true);
    hour = now / SimTime.NANOS_PER_HOUR;
    lambda = spec.demand().rate(hour);
    started = true;
    sim.scheduleAt((hour + 1) * SimTime.NANOS_PER_HOUR, Simulation.DEFAULT_PRIORITY, hourTick);
    settle(now);
  }

  private void nextHour(long now) {
    advance(now);
    hour++;
    lambda = spec.demand().rate(hour);
    sim.schedule(SimTime.NANOS_PER_HOUR, hourTick);
    settle(now);
  }

  private void cross(long now) {
    crossingHandle = -1;
    advance(now);
    settle(now);
  }

  /**
   * Integrates [last, now] with the present λ, μ and queue: arrivals, service, drops, busy
   * slot-time, and the delays of the requests that arrived.
   */
  private void advance(long now) {
    long nanos = now - last;
    if (nanos <= 0) {
      return;
    }
    double dt = nanos / 1e9;
    double mu = mu();
    double arrived = lambda * dt;
    books.arrivedRequests += arrived;
    books.demandedTokens += arrived * meanOutput;
    double q0 = queue;
    double q1;
    double served;
    if (mu <= 0) {
      // No replica up: arrivals queue; once capacity returns, what would wait too long behind
      // the rest is dropped (settle).
      q1 = q0 + arrived;
      served = 0;
    } else if (q0 <= 0 && lambda <= mu) {
      q1 = 0;
      served = arrived;
      record(0, 0, arrived, mu);
    } else {
      double qMax = maxQueue(mu);
      q1 = q0 + (lambda - mu) * dt;
      double dropped = 0;
      if (q1 > qMax) {
        dropped = q1 - qMax;
        q1 = qMax;
      }
      if (q1 < 0) {
        q1 = 0; // the crossing event lands here; rounding of the last nanosecond
      }
      served = arrived + q0 - q1 - dropped;
      if (dropped > 0) {
        books.drop(ServiceBooks.QUEUE_TIMEOUT, dropped, dropped * meanOutput);
      }
      record(q0 / mu, q1 / mu, arrived - dropped, mu);
    }
    books.servedRequests += served;
    books.servedTokens += served * meanOutput;
    books.servedPromptTokens += served * meanPrompt;
    books.busySlotNanos += busy * nanos;
    if (books.timeline != null && (arrived > 0 || served > 0)) {
      double perSecond = slotTokensPerSecond * speed;
      double latency = mu > 0 ? (q0 + q1) / 2 / mu + meanOutput / perSecond : 0;
      books.timeline.spread(
          last, now, arrived * meanOutput, served * meanOutput, latency, mu > 0 ? served : 0);
    }
    queue = q1;
    last = now;
  }

  /** Delays of {@code requests} that arrived while the wait went linearly from w0 to w1 (s). */
  private void record(double w0, double w1, double requests, double mu) {
    if (!(requests > 0)) {
      return;
    }
    double perSecond = slotTokensPerSecond * speed;
    double service = meanOutput / perSecond;
    double first = Math.min(service, meanPrompt / (spec.prefillSpeedup() * perSecond));
    books.waits.recordUniform(w0, w1, requests);
    books.firstToken.recordUniform(w0 + first, w1 + first, requests);
    books.endToEnd.recordUniform(w0 + service, w1 + service, requests);
  }

  /** Sets the busy slots for the present state and schedules the next crossing. */
  private void settle(long now) {
    if (crossingHandle != -1) {
      sim.cancel(crossingHandle);
      crossingHandle = -1;
    }
    double mu = mu();
    double slotsUp = (double) upReplicas * spec.batch();
    double qMax = maxQueue(mu);
    if (mu > 0 && queue > qMax) {
      double excess = queue - qMax;
      books.drop(ServiceBooks.QUEUE_TIMEOUT, excess, excess * meanOutput);
      queue = qMax;
    }
    double nextBusy;
    if (mu <= 0) {
      nextBusy = 0;
    } else if (queue > 0 || lambda > mu) {
      nextBusy = slotsUp;
      double rate = lambda - mu;
      double seconds = Double.POSITIVE_INFINITY;
      if (rate < 0) {
        seconds = queue / -rate;
      } else if (rate > 0 && queue < qMax) {
        seconds = (qMax - queue) / rate;
      }
      if (seconds < Double.POSITIVE_INFINITY) {
        double nanos = Math.ceil(seconds * 1e9);
        if (nanos < Long.MAX_VALUE - now) {
          crossingHandle = sim.schedule((long) Math.max(1, nanos), crossing);
        }
      }
    } else {
      nextBusy = slotsUp * lambda / mu;
    }
    if (nextBusy != busy) {
      double delta = nextBusy - busy;
      busy = nextBusy;
      load.busySlotsChanged(now, delta);
    }
  }

  @Override
  public void replicaDown(int replica, long now, String cause) {
    if (!started || !replicaUp[replica]) {
      return;
    }
    advance(now);
    // The replica's share of the requests in service is lost with it: a fluid counts a request
    // served when it enters service, so the lost ones move from served to dropped.
    double lost = busy / upReplicas;
    if (lost > 0) {
      books.servedRequests -= lost;
      books.servedTokens -= lost * meanOutput;
      books.servedPromptTokens -= lost * meanPrompt;
      books.drop(cause, lost, lost * meanOutput);
      if (books.timeline != null) {
        books.timeline.servedAt(now, -lost * meanOutput);
      }
    }
    replicaUp[replica] = false;
    upReplicas--;
    settle(now);
  }

  @Override
  public void replicaUp(int replica, long now) {
    if (!started || replicaUp[replica]) {
      return;
    }
    advance(now);
    replicaUp[replica] = true;
    upReplicas++;
    settle(now);
  }

  @Override
  public void setSpeed(long now, double newSpeed) {
    if (!(newSpeed > 0) || newSpeed > 1) {
      throw new IllegalArgumentException("speed must be in (0, 1], got " + newSpeed);
    }
    advance(now);
    speed = newSpeed;
    settle(now);
  }

  @Override
  public void finish(long now) {
    advance(now);
    books.queuedAtEnd = queue;
  }

  @Override
  public ServiceBooks books() {
    return books;
  }

  @Override
  public double busySlots() {
    return busy;
  }

  /** Requests waiting now. */
  public double queued() {
    return queue;
  }
}
