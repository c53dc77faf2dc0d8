package org.aifactory.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param replication replication index (its random streams)
 * @param causes failure cause names, in profile order
 * @param events interruptions and repairs (empty unless recorded)
 * @param electrical what the electrical chain did; empty without one
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
    PowerSeries series,
    int replication,
    List<String> causes,
    List<FailureLog.Row> events,
    Optional<ElectricalResult> electrical) {

  private static final double JOULES_PER_MWH = 3.6e9;
  private static final double JOULES_PER_KWH = 3.6e6;

  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(gpuHours, "gpuHours");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(series, "series");
    jobs = List.copyOf(jobs);
    causes = List.copyOf(causes);
    events = List.copyOf(events);
    Objects.requireNonNull(electrical, "electrical");
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

  /** Productive GPU-hours / GPU-hours of jobs since they started (all jobs together). */
  public double ettr() {
    double active =
        gpuHours.productive()
            + gpuHours.lostWork()
            + gpuHours.checkpoint()
            + gpuHours.restart()
            + gpuHours.waiting();
    return active > 0 ? gpuHours.productive() / active : Double.NaN;
  }

  public long interruptions() {
    long n = 0;
    for (JobResult j : jobs) {
      n += j.interruptions();
    }
    return n;
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
            "ettr",
            "1",
            "Effective training time ratio of all jobs: productive GPU-hours / GPU-hours since the"
                + " jobs started (productive + lost_work + checkpoint + restart + waiting).",
            ettr()));
    GpuHours h = gpuHours;
    gpu(m, "installed", "Installed GPUs × horizon: the next seven add up to it.", h.installed());
    gpu(m, "productive", "Iterating, and the work survived.", h.productive());
    gpu(m, "lost_work", "Iterating, then thrown away by a failure (recomputed).", h.lostWork());
    gpu(m, "checkpoint", "Blocked in synchronous checkpoints.", h.checkpoint());
    gpu(m, "restart", "Reloading a checkpoint after an interruption.", h.restart());
    gpu(m, "waiting", "A job's GPUs waiting for a spare swap or a repair.", h.waiting());
    gpu(
        m,
        "idle",
        "Healthy and not used by a running job (unallocated, before start, after end).",
        h.idle());
    gpu(m, "down", "Failed, until repaired.", h.down());
    gpu(
        m,
        "compute",
        "In compute phases of iterations (compute + communication = productive + lost_work).",
        h.compute());
    gpu(m, "communication", "In communication phases of iterations.", h.communication());
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
    failureMetrics(m);
    electrical.ifPresent(e -> electricalMetrics(m, e));
    m.add(new Metric("events_processed", "events", "Events fired by the engine.", eventsProcessed));
    return m;
  }

  /**
   * A name as one segment of a metric key: dots nest keys in JSON, so a name's own dots become
   * underscores ({@code llama3.1-405b} → {@code llama3_1-405b}).
   */
  public static String segment(String name) {
    return name.replace('.', '_');
  }

  private static void gpu(List<Metric> m, String state, String definition, double hours) {
    m.add(new Metric("gpu_hours." + state, "GPU·h", definition, hours));
  }

  private void electricalMetrics(List<Metric> m, ElectricalResult e) {
    m.add(
        new Metric(
            "power_chain.availability",
            "1",
            "Fraction of the time the whole IT load was powered.",
            e.availability()));
    m.add(
        new Metric(
            "power_chain.load_weighted_availability",
            "1",
            "Rack-group availabilities weighted by their design IT load.",
            e.loadWeightedAvailability()));
    m.add(
        new Metric(
            "power_chain.loss_of_load_events",
            "events",
            "Times any rack group lost power.",
            e.lossOfLoadEvents()));
    m.add(
        new Metric(
            "power_chain.loss_of_load_hours",
            "h",
            "Time during which some rack group was unpowered.",
            e.lossOfLoadHours()));
    m.add(
        new Metric(
            "power_chain.mean_loss_of_load_minutes",
            "min",
            "Mean duration of a loss of load (empty without any).",
            e.lossOfLoadEvents() > 0
                ? e.lossOfLoadHours() * 60 / e.lossOfLoadEvents()
                : Double.NaN));
    double worst = Double.NaN;
    for (double a : e.pathAvailability()) {
      worst = Double.isNaN(worst) ? a : Math.min(worst, a);
    }
    m.add(
        new Metric(
            "power_chain.worst_path_availability",
            "1",
            "Availability of the least available rack group.",
            worst));
    for (int p = 0; p < e.pathAvailability().size(); p++) {
      m.add(
          new Metric(
              "power_chain.path_availability.p" + p,
              "1",
              "Availability of rack group p (0-based).",
              e.pathAvailability().get(p)));
    }
    m.add(
        new Metric(
            "power_chain.utility_interruptions",
            "events",
            "Utility interruptions (sustained and momentary).",
            e.utilityInterruptions()));
    m.add(
        new Metric(
            "power_chain.generator_starts",
            "events",
            "Generator plant starts: utility interruptions longer than the start delay.",
            e.generatorStarts()));
    m.add(
        new Metric(
            "power_chain.generator_fail_to_starts",
            "events",
            "Generator start attempts that failed.",
            e.generatorFailToStarts()));
    m.add(
        new Metric(
            "power_chain.on_battery_hours",
            "h",
            "Time with at least one UPS carrying load from its battery.",
            e.onBatteryHours()));
    m.add(
        new Metric(
            "power_chain.ups_module_failures",
            "events",
            "UPS module failures (independent and common cause).",
            e.upsModuleFailures()));
    m.add(new Metric("power_chain.pdu_failures", "events", "PDU failures.", e.pduFailures()));
    for (int i = 0; i < e.stages().size(); i++) {
      m.add(
          new Metric(
              "energy_losses_mwh." + e.stages().get(i),
              "MWh",
              "Conversion loss in this stage of the electrical chain.",
              e.stageLossJoules().get(i) / JOULES_PER_MWH));
    }
    m.add(
        new Metric(
            "energy_losses_mwh.total",
            "MWh",
            "All conversion losses of the electrical chain.",
            e.totalLossJoules() / JOULES_PER_MWH));
    m.add(
        new Metric(
            "pue_electrical",
            "1",
            "The electrical chain's part of the PUE: conversion losses / IT energy.",
            energyItJoules > 0 ? e.totalLossJoules() / energyItJoules : Double.NaN));
  }

  private void failureMetrics(List<Metric> m) {
    m.add(
        new Metric(
            "interruptions",
            "interruptions",
            "Job interruptions (failures that stopped a running job), all causes.",
            interruptions()));
    for (String cause : causes) {
      long n = 0;
      for (JobResult j : jobs) {
        n += j.interruptionsByCause().getOrDefault(cause, 0L);
      }
      m.add(
          new Metric(
              "interruptions_by_cause." + segment(cause),
              "interruptions",
              "Job interruptions of this cause.",
              n));
    }
    double ideal = 0;
    double produced = 0;
    double checkpoint = 0;
    double lost = 0;
    double restart = 0;
    double waiting = 0;
    double incomplete = 0;
    for (JobResult j : jobs) {
      LostProduction p = j.lostProduction();
      ideal += p.idealTokens();
      produced += p.producedTokens();
      checkpoint += p.checkpoint();
      lost += p.lostWork();
      restart += p.restart();
      waiting += p.waiting();
      incomplete += p.incompleteIteration();
    }
    m.add(
        new Metric(
            "lost_production.ideal_tokens",
            "tokens",
            "Tokens the jobs would train failure-free and checkpoint-free over the same time.",
            ideal));
    m.add(
        new Metric(
            "lost_production.total",
            "tokens",
            "ideal_tokens - tokens: the parts below add up to it.",
            ideal - produced));
    m.add(
        new Metric(
            "lost_production.checkpoint",
            "tokens",
            "Not trained while checkpointing.",
            checkpoint));
    m.add(
        new Metric(
            "lost_production.lost_work", "tokens", "Trained, then thrown away by failures.", lost));
    m.add(
        new Metric("lost_production.restart", "tokens", "Not trained while restarting.", restart));
    m.add(
        new Metric(
            "lost_production.waiting",
            "tokens",
            "Not trained while waiting for spares or repairs.",
            waiting));
    m.add(
        new Metric(
            "lost_production.incomplete_iteration",
            "tokens",
            "The last unfinished iteration of each job (less than one iteration each).",
            incomplete));
    for (String cause : causes) {
      double v = 0;
      for (JobResult j : jobs) {
        v += j.lostProduction().byCause(cause);
      }
      m.add(
          new Metric(
              "lost_production_by_cause." + segment(cause),
              "tokens",
              "Lost work + restart + waiting of this cause.",
              v));
    }
    for (String cause : causes) {
      double v = 0;
      for (JobResult j : jobs) {
        double perToken = j.lostProduction().gpuHoursPerToken();
        if (Double.isFinite(perToken)) {
          v += j.lostProduction().byCause(cause) * perToken;
        }
      }
      m.add(
          new Metric(
              "lost_gpu_hours_by_cause." + segment(cause),
              "GPU·h",
              "Job progress lost to this cause (lost work + restart + waiting) in GPU-hours of the"
                  + " jobs at full size.",
              v));
    }
    for (JobResult j : jobs) {
      String k = "job." + segment(j.name()) + ".";
      m.add(new Metric(k + "tokens", "tokens", "Tokens this job trained.", j.tokens()));
      m.add(new Metric(k + "ettr", "1", "This job's effective training time ratio.", j.ettr()));
      m.add(
          new Metric(
              k + "interruptions",
              "interruptions",
              "Interruptions of this job.",
              j.interruptions()));
      m.add(
          new Metric(
              k + "completion_hours",
              "h",
              "When this job's work completed (empty if it runs to the horizon or did not finish).",
              j.completionHours()));
      m.add(
          new Metric(
              k + "checkpoint_interval_s",
              "s",
              "Checkpoint interval used (fixed, or Young's / Daly's from the failure rates).",
              j.checkpointIntervalSeconds()));
      m.add(
          new Metric(
              k + "mtbi_hours",
              "h",
              "Observed mean time between this job's interruptions (wall time since start /"
                  + " interruptions).",
              j.mtbiHours()));
      m.add(
          new Metric(
              k + "mtbf_kill_hours",
              "h",
              "Mean time between job-killing failures, from the causes' rates and the job's size.",
              j.mtbfKillHours()));
    }
  }
}
