package org.aifactory.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one inference service did. Tokens are output tokens; counts are doubles because a fluid
 * serves fractions of requests.
 *
 * @param name service name
 * @param cluster cluster it ran on
 * @param gpus GPUs of its replicas
 * @param replicas replicas of the model
 * @param resolution {@code requests} or {@code fluid}
 * @param arrivedRequests requests that arrived
 * @param servedRequests requests completed
 * @param demandedTokens output tokens the arrived requests asked for
 * @param servedTokens output tokens of the completed requests
 * @param servedPromptTokens prompt tokens of the completed requests
 * @param droppedTokensByCause output tokens of dropped requests, by cause ({@code queue_timeout},
 *     or the failure that took their replica)
 * @param droppedRequests requests dropped, all causes
 * @param queuedAtEnd requests still waiting at the horizon
 * @param inServiceAtEnd requests being served at the horizon
 * @param utilisation busy slot-time / slot-time since the service started
 * @param meanWaitSeconds mean time from arrival to a slot of the requests that got one
 * @param firstTokenSeconds time to first token at p50, p95, p99
 * @param endToEndSeconds time to the last token at p50, p95, p99
 * @param gpuHoursServing GPU-hours of the systems the service held (healthy, busy or not)
 * @param gpuHoursThrottled GPU-hours of busy slots that ran below full speed (caps, heat)
 * @param energyItJoules IT energy of the systems it held: their idle and other IT power, and the
 *     busy slots' power above idle
 * @param series tokens and p99 latency over the run
 */
public record ServiceResult(
    String name,
    String cluster,
    int gpus,
    int replicas,
    String resolution,
    double arrivedRequests,
    double servedRequests,
    double demandedTokens,
    double servedTokens,
    double servedPromptTokens,
    Map<String, Double> droppedTokensByCause,
    double droppedRequests,
    double queuedAtEnd,
    double inServiceAtEnd,
    double utilisation,
    double meanWaitSeconds,
    double[] firstTokenSeconds,
    double[] endToEndSeconds,
    double gpuHoursServing,
    double gpuHoursThrottled,
    double energyItJoules,
    ServiceSeries series) {

  /** The quantiles of the latency fields. */
  public static final double[] QUANTILES = {0.50, 0.95, 0.99};

  public ServiceResult {
    droppedTokensByCause = Collections.unmodifiableMap(new LinkedHashMap<>(droppedTokensByCause));
    firstTokenSeconds = firstTokenSeconds.clone();
    endToEndSeconds = endToEndSeconds.clone();
  }

  /** Output tokens of dropped requests, all causes. */
  public double droppedTokens() {
    double s = 0;
    for (double v : droppedTokensByCause.values()) {
      s += v;
    }
    return s;
  }

  /** Output tokens per joule of the service's IT energy. */
  public double tokensPerJouleIt() {
    return energyItJoules > 0 ? servedTokens / energyItJoules : 0;
  }

  @Override
  public double[] firstTokenSeconds() {
    return firstTokenSeconds.clone();
  }

  @Override
  public double[] endToEndSeconds() {
    return endToEndSeconds.clone();
  }
}
