package org.aifactory.model.hardware;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GPU and system types by name. {@link #builtIn()} holds cited defaults; a scenario can override or
 * add entries with {@link #withGpu} and {@link #withSystem}. Immutable.
 */
public final class HardwareCatalog {

  /*
   * Idle power of Blackwell parts: no published figure was found (docs/sources.md §1 only
   * gives H100/A100/H200 idle). ASSUMPTION: the H100 ratio idle/TDP = 80 W / 700 W is applied.
   */
  private static final double H100_IDLE_TO_TDP = 80.0 / 700.0;

  /* H200 thermal thresholds from nvidia-smi margins (docs/sources.md §8), see builtIn(). */
  public static final double H200_SLOWDOWN_CELSIUS = 89;

  public static final double H200_SHUTDOWN_CELSIUS = 95;

  private final Map<String, GpuType> gpus;
  private final Map<String, SystemType> systems;

  private HardwareCatalog(Map<String, GpuType> gpus, Map<String, SystemType> systems) {
    this.gpus = Collections.unmodifiableMap(new LinkedHashMap<>(gpus));
    this.systems = Collections.unmodifiableMap(new LinkedHashMap<>(systems));
  }

  /** An empty catalog. */
  public static HardwareCatalog empty() {
    return new HardwareCatalog(Map.of(), Map.of());
  }

  /** The bundled catalog. Every figure cites its source. */
  public static HardwareCatalog builtIn() {
    return empty()
        // H100 SXM: 700 W TDP (Llama 3 paper, §3.3.1); idle ~70-90 W in public nvidia-smi logs.
        // Slowdown 89 °C, shutdown 92 °C: the defaults, which are the H800 SXM's and H100's
        // nvidia-smi thresholds (docs/sources.md §8).
        .withGpu(new GpuType("H100-SXM", 700, 80))
        // H200: 700 W (MLPerf Inference v4.1 system description); idle ~80 W (second-hand).
        // Slowdown about 89 °C, shutdown about 95 °C: its nvidia-smi margins of -2 and -8 °C to a
        // limit of about 87 °C (docs/sources.md §8, derived from a primary capture).
        .withGpu(
            new GpuType(
                "H200",
                700,
                80,
                GpuType.DEFAULT_POWER_CURVE,
                H200_SLOWDOWN_CELSIUS,
                H200_SHUTDOWN_CELSIUS))
        // B200: ~1,000 W (NVIDIA DGX B200 user guide: 14.3 kW per 8-GPU system). Idle: assumption.
        .withGpu(new GpuType("B200", 1000, Math.round(1000 * H100_IDLE_TO_TDP)))
        // GB200 GPU: power range 200-1,200 W (NVIDIA Data-center Power Smoothing docs). Idle:
        // assumption.
        .withGpu(new GpuType("GB200", 1200, Math.round(1200 * H100_IDLE_TO_TDP)))
        // GB300 / B300 GPU: ~1,400 W (second-hand). Idle: assumption.
        .withGpu(new GpuType("GB300", 1400, Math.round(1400 * H100_IDLE_TO_TDP)))
        // DGX H100: 8 GPUs, 10.2 kW max (DGX H100 user guide, second-hand) => 10.2 kW - 8 x 700 W.
        .withSystem(new SystemType("DGX-H100", "H100-SXM", 8, new OtherItPower.Fixed(4_600)))
        // DGX B200: 8 GPUs, 14.3 kW max (DGX B200 user guide) => 14.3 kW - 8 x 1,000 W.
        .withSystem(new SystemType("DGX-B200", "B200", 8, new OtherItPower.Fixed(6_300)))
        // GB200 NVL72: 72 GPUs + 36 Grace, ~120-132 kW per rack (second-hand) => 132 kW - 72 x 1.2
        // kW. 18 compute trays of 4 GPUs (and 9 switch trays, docs/sources.md §1, §8): the FRU,
        // swapped in 30 min (an assumption), used only by causes contained in it.
        .withSystem(
            new SystemType(
                "GB200-NVL72",
                "GB200",
                72,
                new OtherItPower.Fixed(45_600),
                Optional.of(FieldReplaceableUnit.nvl72ComputeTray())))
        // GB300 NVL72: ~142 kW per rack (Vertiv reference design) => 142 kW - 72 x 1.4 kW. The
        // same 18 compute trays of 4 GPUs as GB200 NVL72 (a GB300 NVL72's cooling parts are
        // counted per compute tray x 18 and switch tray x 9, docs/sources.md §10).
        .withSystem(
            new SystemType(
                "GB300-NVL72",
                "GB300",
                72,
                new OtherItPower.Fixed(41_200),
                Optional.of(FieldReplaceableUnit.nvl72ComputeTray())));
  }

  /** A copy with {@code gpu} added, or replacing the entry of the same name. */
  public HardwareCatalog withGpu(GpuType gpu) {
    Map<String, GpuType> next = new LinkedHashMap<>(gpus);
    next.put(gpu.name(), gpu);
    return new HardwareCatalog(next, systems);
  }

  /** A copy with {@code system} added, or replacing the entry of the same name. */
  public HardwareCatalog withSystem(SystemType system) {
    Map<String, SystemType> next = new LinkedHashMap<>(systems);
    next.put(system.name(), system);
    return new HardwareCatalog(gpus, next);
  }

  public Optional<GpuType> gpu(String name) {
    return Optional.ofNullable(gpus.get(name));
  }

  public Optional<SystemType> system(String name) {
    return Optional.ofNullable(systems.get(name));
  }

  /** GPU types in insertion order (built-in first). */
  public Map<String, GpuType> gpus() {
    return gpus;
  }

  /** System types in insertion order (built-in first). */
  public Map<String, SystemType> systems() {
    return systems;
  }
}
