package org.aifactory.model.inference;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aifactory.metrics.LatencyHistogram;

/**
 * What a service served, dropped and how long its requests waited: the counts of one run, kept as
 * doubles because a fluid serves fractions of requests. Tokens are output tokens unless named
 * prompt tokens.
 */
public final class ServiceBooks {
  double arrivedRequests;
  double demandedTokens;
  double servedRequests;
  double servedTokens;
  double servedPromptTokens;
  double busySlotNanos;
  double queuedAtEnd;
  double inServiceAtEnd;
  final Map<String, double[]> dropped = new LinkedHashMap<>();
  final LatencyHistogram waits = new LatencyHistogram();
  final LatencyHistogram firstToken = new LatencyHistogram();
  final LatencyHistogram endToEnd = new LatencyHistogram();
  ServiceTimeline timeline;

  /** Records tokens and latencies over time in {@code timeline} from now on. */
  public void setTimeline(ServiceTimeline timeline) {
    this.timeline = timeline;
  }

  /** The tokens and latency over time; null unless set. */
  public ServiceTimeline timeline() {
    return timeline;
  }

  /** Cause of a request dropped because it waited longer than the service allows. */
  public static final String QUEUE_TIMEOUT = "queue_timeout";

  void drop(String cause, double requests, double tokens) {
    double[] d = dropped.computeIfAbsent(cause, k -> new double[2]);
    d[0] += requests;
    d[1] += tokens;
  }

  public double arrivedRequests() {
    return arrivedRequests;
  }

  /** Output tokens the arrived requests asked for. */
  public double demandedTokens() {
    return demandedTokens;
  }

  public double servedRequests() {
    return servedRequests;
  }

  /** Output tokens of the completed requests. */
  public double servedTokens() {
    return servedTokens;
  }

  public double servedPromptTokens() {
    return servedPromptTokens;
  }

  /** Slot-time spent serving (ns × slots). */
  public double busySlotNanos() {
    return busySlotNanos;
  }

  /** Requests still waiting for a slot at the horizon (neither served nor dropped). */
  public double queuedAtEnd() {
    return queuedAtEnd;
  }

  /** Requests being served at the horizon (not counted as served). */
  public double inServiceAtEnd() {
    return inServiceAtEnd;
  }

  /** Requests dropped, by cause. */
  public double droppedRequests(String cause) {
    double[] d = dropped.get(cause);
    return d == null ? 0 : d[0];
  }

  /** Output tokens of the requests dropped, by cause. */
  public double droppedTokens(String cause) {
    double[] d = dropped.get(cause);
    return d == null ? 0 : d[1];
  }

  /** The causes requests were dropped for, in the order first seen. */
  public Iterable<String> dropCauses() {
    return dropped.keySet();
  }

  /** Time from arrival to a slot. */
  public LatencyHistogram waits() {
    return waits;
  }

  /** Time from arrival to the first output token. */
  public LatencyHistogram firstToken() {
    return firstToken;
  }

  /** Time from arrival to the last output token. */
  public LatencyHistogram endToEnd() {
    return endToEnd;
  }
}
