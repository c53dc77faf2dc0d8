package org.aifactory.model.workload;

import java.time.Duration;
import java.util.Objects;
import org.aifactory.model.Checks;
import org.aifactory.model.inference.DemandSpec;
import org.aifactory.model.inference.ServiceResolution;
import org.aifactory.model.inference.TokenCounts;

/**
 * A model served by replicas on a cluster: its demand, its speed and its power.
 *
 * <p>A replica is {@code gpusPerReplica} GPUs serving up to {@code batch} requests at once. At full
 * power and full batch it produces {@code tokensPerSecondPerGpu} × {@code throughputFactor} output
 * tokens per second per GPU (an MLPerf Inference offline figure is such a rate); each of its {@code
 * batch} slots serves one request at a {@code batch}-th of that. A request holds its slot for its
 * output tokens / the slot's rate; its first token comes after its prompt tokens / ({@code
 * prefillSpeedup} × the slot's rate), within that time. A GPU draws idle power plus ({@code
 * busyPowerFraction} × TDP − idle) × the share of its replica's slots that are busy.
 *
 * @param name unique among workloads
 * @param cluster the cluster it runs on
 * @param gpus GPUs it uses: a whole number of replicas
 * @param gpusPerReplica GPUs of one replica
 * @param batch requests one replica serves at once (>= 1)
 * @param tokensPerSecondPerGpu output tokens per second per GPU at full power and full batch
 * @param throughputFactor a multiplier of that rate (a precision such as NVFP4 against FP8)
 * @param busyPowerFraction GPU power at full batch, a fraction of TDP
 * @param prefillSpeedup prompt tokens processed per output token's time
 * @param demand the requests' arrivals
 * @param promptTokens tokens per prompt
 * @param outputTokens tokens per answer
 * @param maxQueueing a request that has waited this long for a slot is dropped
 * @param resolution requests or fluid
 * @param start when the service starts, from the start of the run
 */
public record InferenceServiceSpec(
    String name,
    String cluster,
    int gpus,
    int gpusPerReplica,
    int batch,
    double tokensPerSecondPerGpu,
    double throughputFactor,
    double busyPowerFraction,
    double prefillSpeedup,
    DemandSpec demand,
    TokenCounts promptTokens,
    TokenCounts outputTokens,
    Duration maxQueueing,
    ServiceResolution resolution,
    Duration start)
    implements WorkloadSpec {

  public InferenceServiceSpec {
    Checks.name(name, "name");
    Checks.name(cluster, "cluster");
    if (gpusPerReplica < 1 || gpus < gpusPerReplica || gpus % gpusPerReplica != 0) {
      throw new IllegalArgumentException(
          "gpus (" + gpus + ") must be a whole number of replicas of " + gpusPerReplica);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    Checks.positive(tokensPerSecondPerGpu, "tokens per second per GPU");
    Checks.positive(throughputFactor, "throughput factor");
    Checks.fraction(busyPowerFraction, "busy power");
    Checks.positive(prefillSpeedup, "prefill speedup");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(promptTokens, "promptTokens");
    Objects.requireNonNull(outputTokens, "outputTokens");
    Objects.requireNonNull(maxQueueing, "maxQueueing");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(start, "start");
    if (maxQueueing.isNegative() || start.isNegative()) {
      throw new IllegalArgumentException("max queueing and start must be >= 0");
    }
  }

  /** Replicas of the model. */
  public int replicas() {
    return gpus / gpusPerReplica;
  }

  /** Requests served at once by the whole service. */
  public long slots() {
    return (long) replicas() * batch;
  }

  /** Output tokens per second of one slot at full speed. */
  public double slotTokensPerSecond() {
    return tokensPerSecondPerGpu * throughputFactor * gpusPerReplica / batch;
  }

  /** Requests per second the whole service completes when every slot is busy, at full speed. */
  public double capacityRequestsPerSecond() {
    return slots() * slotTokensPerSecond() / outputTokens.mean();
  }

  /**
   * GPUs of each system it uses: as many whole replicas as a system holds, or the whole system when
   * a replica spans several ({@link #fitsSystemsOf} says whether replicas fit the systems at all).
   */
  @Override
  public int shareOf(int gpusPerSystem) {
    if (gpusPerReplica >= gpusPerSystem) {
      return gpusPerSystem;
    }
    return (gpusPerSystem / gpusPerReplica) * gpusPerReplica;
  }

  /**
   * Replicas fit systems of {@code gpusPerSystem} GPUs: several per system, or whole systems each.
   */
  public boolean fitsSystemsOf(int gpusPerSystem) {
    return gpusPerReplica <= gpusPerSystem || gpusPerReplica % gpusPerSystem == 0;
  }
}
