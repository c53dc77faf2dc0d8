package org.aifactory.model.inference;

/** How finely a service is simulated. */
public enum ServiceResolution {
  /** Every request is an arrival and a completion event: latency percentiles, exact queueing. */
  REQUESTS,
  /**
   * Demand as a fluid, constant within each hour: served = min(demand, capacity), a queue that
   * fills and drains at the difference (closed form, crossings exact). Energy and tokens agree with
   * {@link #REQUESTS} at high load; the spread of queueing delays is lost.
   */
  FLUID
}
