package org.aifactory.model.hardware;

/**
 * The power model of one system type with its GPUs: the one place where fractions of TDP become
 * watts, where a power limit becomes a phase's power and speed (through the GPU's {@link
 * PowerCurve}), and where the system's other IT power (CPUs, memory, NICs, fans) is derived from
 * its GPUs' power.
 *
 * <p>Other IT power is either fixed per system or proportional to the GPUs' power ({@link
 * OtherItPower}); {@link #itPerGpuWatt()} is the IT power that follows one watt of GPU power.
 */
public final class SystemPower {
  private final SystemType system;
  private final GpuType gpu;
  private final double itPerGpuWatt;
  private final double fixedOtherItWattsPerSystem;

  public SystemPower(SystemType system, GpuType gpu) {
    if (!system.gpuType().equals(gpu.name())) {
      throw new IllegalArgumentException(
          "system " + system.name() + " has GPU " + system.gpuType() + ", not " + gpu.name());
    }
    this.system = system;
    this.gpu = gpu;
    this.itPerGpuWatt =
        system.otherItPower() instanceof OtherItPower.FactorOfGpu f ? 1 + f.factor() : 1;
    this.fixedOtherItWattsPerSystem =
        system.otherItPower() instanceof OtherItPower.Fixed f ? f.wattsPerSystem() : 0;
  }

  public SystemType system() {
    return system;
  }

  public GpuType gpu() {
    return gpu;
  }

  public int gpusPerSystem() {
    return system.gpusPerSystem();
  }

  /** Power of one GPU drawing {@code fractionOfTdp} of its TDP. */
  public double gpuWatts(double fractionOfTdp) {
    return gpu.tdpWatts() * fractionOfTdp;
  }

  /** Power of one idle GPU. */
  public double idleGpuWatts() {
    return gpu.idleWatts();
  }

  /** IT watts that follow one watt of GPU power (1, plus other IT proportional to the GPUs). */
  public double itPerGpuWatt() {
    return itPerGpuWatt;
  }

  /** Other IT power of one system that does not follow its GPUs. */
  public double fixedOtherItWattsPerSystem() {
    return fixedOtherItWattsPerSystem;
  }

  /** IT power of one system at full load: GPUs at TDP and its other IT power. */
  public double designItWattsPerSystem() {
    double gpuWatts = system.gpusPerSystem() * gpu.tdpWatts();
    return gpuWatts + system.otherItPower().watts(gpuWatts);
  }

  /** A limit in watts as the GPU applies it: at least its lowest accepted limit. */
  public double effectiveLimitWatts(double limitWatts) {
    return Math.max(limitWatts, gpu.minimumLimitWatts());
  }

  /**
   * Power of one GPU in a phase that draws {@code fractionOfTdp} unconstrained, under {@code
   * limitWatts} (infinite: no limit).
   */
  public double limitedGpuWatts(double fractionOfTdp, double limitWatts) {
    double unconstrained = gpuWatts(fractionOfTdp);
    double limit = effectiveLimitWatts(limitWatts);
    return limit < unconstrained ? limit : unconstrained;
  }

  /**
   * Speed (1 = full) of a phase that draws {@code fractionOfTdp} unconstrained, under {@code
   * limitWatts}: 1 when the limit does not bind, else as the power curve says.
   */
  public double speed(double fractionOfTdp, double limitWatts) {
    double limit = effectiveLimitWatts(limitWatts);
    if (!(limit < gpuWatts(fractionOfTdp))) {
      return 1;
    }
    return gpu.powerCurve().speed(fractionOfTdp, limit / gpu.tdpWatts());
  }
}
