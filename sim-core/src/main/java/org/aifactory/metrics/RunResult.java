package org.aifactory.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aifactory.model.PulseResolution;

/**
 * Everything one run produced: the typed result that every report is a view of.
 *
 * @param scenario scenario name
 * @param seed root seed
 * @param horizon simulated time
 * @param pulseResolution how finely iterations were simulated
 * @param gpus installed GPUs
 * @param energyGpuJoules energy drawn by GPUs
 * @param energyItJoules energy drawn by all IT equipment (GPUs and other IT)
 * @param energyFacilityJoules energy drawn by the site
 * @param tokens tokens trained by all jobs
 * @param gpuHours GPU-hours by state
 * @param power site power figures
 * @param eventsProcessed events the engine fired
 * @param jobs per-job results, in scenario order
 * @param series site power over time
 */
public record RunResult(
    String scenario,
    long seed,
    Duration horizon,
    PulseResolution pulseResolution,
    int gpus,
    double energyGpuJoules,
    double energyItJoules,
    double energyFacilityJoules,
    long tokens,
    GpuHours gpuHours,
    PowerStats power,
    long eventsProcessed,
    List<JobResult> jobs,
    PowerSeries series) {

  private static final double JOULES_PER_MWH = 3.6e9;
  private static final double JOULES_PER_KWH = 3.6e6;

  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    jobs = List.copyOf(jobs);
  }

  public double horizonHours() {
    return horizon.toNanos() / 3.6e12;
  }

  /** Facility energy / IT energy over the run. */
  public double pue() {
    return energyItJoules > 0 ? energyFacilityJoules / energyItJoules : Double.NaN;
  }

  /** GPU-hours spent iterating (compute + communication) / installed GPU-hours. */
  public double utilisation() {
    return (gpuHours.compute() + gpuHours.communication()) / gpuHours.installed();
  }

  /** True when peaks and ramps reflect individual iteration pulses. */
  public boolean pulsesResolved() {
    return pulseResolution == PulseResolution.FULL;
  }

  /** The run's figures, in a fixed order, with units and definitions. */
  public List<Metric> metrics() {
    List<Metric> m = new ArrayList<>();
    m.add(new Metric("horizon_hours", "h", "Simulated time.", horizonHours()));
    m.add(new Metric("gpus", "GPUs", "Installed GPUs.", gpus));
    m.add(
        new Metric(
            "energy_gpu_mwh", "MWh", "Energy drawn by GPUs.", energyGpuJoules / JOULES_PER_MWH));
    m.add(
        new Metric(
            "energy_it_mwh",
            "MWh",
            "Energy drawn by IT equipment: GPUs plus other IT (CPUs, memory, network, fans).",
            energyItJoules / JOULES_PER_MWH));
    m.add(
        new Metric(
            "energy_facility_mwh",
            "MWh",
            "Energy drawn by the site: IT plus cooling and power-conversion overhead.",
            energyFacilityJoules / JOULES_PER_MWH));
    m.add(new Metric("pue", "1", "Facility energy / IT energy.", pue()));
    m.add(new Metric("tokens", "tokens", "Tokens trained by all jobs.", tokens));
    m.add(
        new Metric(
            "tokens_per_joule_it",
            "tokens/J",
            "Tokens / IT energy.",
            energyItJoules > 0 ? tokens / energyItJoules : 0));
    m.add(
        new Metric(
            "tokens_per_kwh_facility",
            "tokens/kWh",
            "Tokens / facility energy.",
            energyFacilityJoules > 0 ? tokens / (energyFacilityJoules / JOULES_PER_KWH) : 0));
    m.add(
        new Metric(
            "utilisation",
            "1",
            "GPU-hours spent iterating (compute + communication) / installed GPU-hours.",
            utilisation()));
    m.add(
        new Metric(
            "gpu_hours.installed", "GPU·h", "Installed GPUs × horizon.", gpuHours.installed()));
    m.add(
        new Metric(
            "gpu_hours.compute",
            "GPU·h",
            "GPU-hours in compute phases of training iterations.",
            gpuHours.compute()));
    m.add(
        new Metric(
            "gpu_hours.communication",
            "GPU·h",
            "GPU-hours in communication phases of training iterations.",
            gpuHours.communication()));
    m.add(
        new Metric(
            "gpu_hours.checkpoint",
            "GPU·h",
            "GPU-hours blocked in synchronous checkpoints.",
            gpuHours.checkpoint()));
    m.add(
        new Metric(
            "gpu_hours.idle",
            "GPU·h",
            "GPU-hours not used by a running job (unallocated, before start, after end).",
            gpuHours.idle()));
    m.add(new Metric("power_mw.peak", "MW", "Highest site power.", power.peakWatts() / 1e6));
    m.add(new Metric("power_mw.mean", "MW", "Facility energy / horizon.", power.meanWatts() / 1e6));
    m.add(new Metric("power_mw.min", "MW", "Lowest site power.", power.minWatts() / 1e6));
    m.add(
        new Metric(
            "power_mw.max_ramp_mw_per_s",
            "MW/s",
            "Largest change of site power between consecutive ramp-window averages, per second.",
            power.maxRampWattsPerSecond() / 1e6));
    m.add(
        new Metric("power_mw.swing", "MW", "Peak - lowest site power.", power.swingWatts() / 1e6));
    m.add(
        new Metric(
            "power_mw.ramp_window_s",
            "s",
            "Averaging interval of max_ramp_mw_per_s (scenario key recording.ramp_window).",
            power.rampWindowSeconds()));
    m.add(new Metric("events_processed", "events", "Events fired by the engine.", eventsProcessed));
    return m;
  }
}
