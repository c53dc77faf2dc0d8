package org.aifactory.model.inference;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Defaults of an inference service, each with its source (docs/sources.md §10). A planner who knows
 * the model, its precision and its traffic should set them.
 */
public final class ServingDefaults {
  private ServingDefaults() {}

  /**
   * Output tokens per second per GPU at full batch, by GPU type: MLPerf Inference Llama-2-70B,
   * offline scenario, closed division, NVIDIA submissions (the result logs, docs/sources.md §10):
   * H100-SXM 3,066 (v4.1, 8 GPUs), H200 3,913 (v4.1), B200 12,357 (v5.0, 8 GPUs), GB200 12,934
   * (v5.1, one NVL72 tray). GB300 has no Llama-2-70B result: 12,934 × 16,104.1 / 14,774.3 (GB300
   * against GB200 on Llama-3.1-405B offline, v5.1) ≈ 14,100, a derived figure.
   */
  private static final Map<String, Double> TOKENS_PER_SECOND_PER_GPU =
      Map.of(
          "H100-SXM", 3_066.0,
          "H200", 3_913.0,
          "B200", 12_357.0,
          "GB200", 12_934.0,
          "GB300", 14_100.0);

  /** The MLPerf figure for {@code gpuType}; empty for a type without one. */
  public static Optional<Double> tokensPerSecondPerGpu(String gpuType) {
    return Optional.ofNullable(TOKENS_PER_SECOND_PER_GPU.get(gpuType));
  }

  /** GPU types with a default throughput, for messages. */
  public static java.util.Set<String> gpuTypesWithThroughput() {
    return new java.util.TreeSet<>(TOKENS_PER_SECOND_PER_GPU.keySet());
  }

  /**
   * Throughput against the MLPerf figures (FP8 on Hopper and Blackwell). NVFP4: 1.47, SGLang's
   * decode throughput with NVFP4 experts against FP8 on GB200 NVL72 (LMSYS, Sep 2025: 13,386 /
   * 9,087 tok/s per GPU) — one measurement on one model, so a marked assumption for others.
   */
  public static final Map<String, Double> PRECISION_FACTORS = Map.of("fp8", 1.0, "nvfp4", 1.47);

  /** GPUs of a replica: ASSUMPTION, one 8-GPU HGX/DGX node (a 70B model in FP8 fits). */
  public static final int GPUS_PER_REPLICA = 8;

  /**
   * Requests a replica serves at once, per GPU: 168, derived from SemiAnalysis InferenceX (GB300
   * NVL72, 11,951 tok/s per GPU at 71 tok/s per user ⇒ about 168 concurrent requests per GPU,
   * docs/sources.md §10). A slot then decodes at the GPU's throughput / 168.
   */
  public static final int BATCH_PER_GPU = 168;

  /**
   * GPU power at full batch, a fraction of TDP: ASSUMPTION 70 %, between the Splitwise simulator's
   * token phase (54 % of an H100's TDP) and its prompt phase (100 %) (docs/sources.md §10).
   */
  public static final double BUSY_POWER_FRACTION = 0.70;

  /**
   * Prompt tokens per output token's time: 2.0, SGLang's prefill against decode throughput per GPU
   * on GB200 NVL72 (26,156 / 13,386, LMSYS, docs/sources.md §10).
   */
  public static final double PREFILL_SPEEDUP = 2.0;

  /** Prompt tokens: 1,000, the 1k-in workloads of SemiAnalysis InferenceX (docs/sources.md §10). */
  public static final TokenCounts PROMPT_TOKENS = new TokenCounts.Fixed(1_000);

  /**
   * Output tokens: geometric with mean 717, ML.ENERGY v3's mean chat answer (Chung et al.,
   * arXiv:2601.22076; docs/sources.md §10).
   */
  public static final TokenCounts OUTPUT_TOKENS = new TokenCounts.Geometric(717);

  /**
   * A request waiting longer than this for a slot is dropped: 5 s, the p99 scheduling-delay limit
   * of Microsoft Vidur's capacity analyzer (docs/sources.md §10).
   */
  public static final Duration MAX_QUEUEING = Duration.ofSeconds(5);
}
