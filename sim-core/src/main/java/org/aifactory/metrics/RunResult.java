package org.aifactory.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.metrics.grid.SiteMetrics;
import org.aifactory.metrics.grid.SiteResult;
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
 * @param cooling what the cooling plant did; empty without one (a fixed PUE)
 * @param monthlyPue site energy / IT energy of each 730-hour month (reported with a cooling plant)
 * @param failureDomains what failures of field-replaceable units did; empty when no failure is
 *     contained in one (then every failure takes its whole system)
 * @param services per-service results of the inference services, in scenario order
 * @param loadShaping what GPU smoothing, filler work and rack storage did; empty without any
 * @param site what the site did as the grid sees it; empty without a site section
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
    Optional<ElectricalResult> electrical,
    Optional<CoolingResult> cooling,
    List<Double> monthlyPue,
    Optional<FailureDomainResult> failureDomains,
    List<ServiceResult> services,
    Optional<LoadShapingResult> loadShaping,
    Optional<SiteResult> site) {

  /** A run without a site section. */
  public RunResult(
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
      Optional<ElectricalResult> electrical,
      Optional<CoolingResult> cooling,
      List<Double> monthlyPue,
      Optional<FailureDomainResult> failureDomains,
      List<ServiceResult> services,
      Optional<LoadShapingResult> loadShaping) {
    this(
        scenario,
        seed,
        horizon,
        pulseResolution,
        gpus,
        energyGpuJoules,
        energyItJoules,
        energyFacilityJoules,
        tokens,
        gpuHours,
        power,
        eventsProcessed,
        jobs,
        series,
        replication,
        causes,
        events,
        electrical,
        cooling,
        monthlyPue,
        failureDomains,
        services,
        loadShaping,
        Optional.empty());
  }

  /** The same result with what the site did. */
  public RunResult withSite(SiteResult newSite) {
    return new RunResult(
        scenario,
        seed,
        horizon,
        pulseResolution,
        gpus,
        energyGpuJoules,
        energyItJoules,
        energyFacilityJoules,
        tokens,
        gpuHours,
        power,
        eventsProcessed,
        jobs,
        series,
        replication,
        causes,
        events,
        electrical,
        cooling,
        monthlyPue,
        failureDomains,
        services,
        loadShaping,
        Optional.of(newSite));
  }

  /** A run without inference services. */
  public RunResult(
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
      Optional<ElectricalResult> electrical,
      Optional<CoolingResult> cooling,
      List<Double> monthlyPue,
      Optional<FailureDomainResult> failureDomains) {
    this(
        scenario,
        seed,
        horizon,
        pulseResolution,
        gpus,
        energyGpuJoules,
        energyItJoules,
        energyFacilityJoules,
        tokens,
        gpuHours,
        power,
        eventsProcessed,
        jobs,
        series,
        replication,
        causes,
        events,
        electrical,
        cooling,
        monthlyPue,
        failureDomains,
        List.of());
  }

  /** A run without load shaping. */
  public RunResult(
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
      Optional<ElectricalResult> electrical,
      Optional<CoolingResult> cooling,
      List<Double> monthlyPue,
      Optional<FailureDomainResult> failureDomains,
      List<ServiceResult> services) {
    this(
        scenario,
        seed,
        horizon,
        pulseResolution,
        gpus,
        energyGpuJoules,
        energyItJoules,
        energyFacilityJoules,
        tokens,
        gpuHours,
        power,
        eventsProcessed,
        jobs,
        series,
        replication,
        causes,
        events,
        electrical,
        cooling,
        monthlyPue,
        failureDomains,
        services,
        Optional.empty());
  }

  /** A run without a cooling plant. */
  public RunResult(
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
    this(
        scenario,
        seed,
        horizon,
        pulseResolution,
        gpus,
        energyGpuJoules,
        energyItJoules,
        energyFacilityJoules,
        tokens,
        gpuHours,
        power,
        eventsProcessed,
        jobs,
        series,
        replication,
        causes,
        events,
        electrical,
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /** A run without failure domains or load shaping. */
  public RunResult(
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
      Optional<ElectricalResult> electrical,
      Optional<CoolingResult> cooling,
      List<Double> monthlyPue) {
    this(
        scenario,
        seed,
        horizon,
        pulseResolution,
        gpus,
        energyGpuJoules,
        energyItJoules,
        energyFacilityJoules,
        tokens,
        gpuHours,
        power,
        eventsProcessed,
        jobs,
        series,
        replication,
        causes,
        events,
        electrical,
        cooling,
        monthlyPue,
        Optional.empty());
  }

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
    Objects.requireNonNull(cooling, "cooling");
    monthlyPue = List.copyOf(monthlyPue);
    Objects.requireNonNull(failureDomains, "failureDomains");
    services = List.copyOf(services);
    Objects.requireNonNull(loadShaping, "loadShaping");
    Objects.requireNonNull(site, "site");
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
            + gpuHours.throttling()
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
    m.add(new Metric(MetricKeys.HORIZON_HOURS, "h", "Simulated time.", horizonHours()));
    m.add(new Metric(MetricKeys.GPUS, "GPUs", "Installed GPUs.", gpus));
    m.add(
        new Metric(
            MetricKeys.ENERGY_GPU_MWH,
            "MWh",
            "Energy drawn by GPUs.",
            energyGpuJoules / JOULES_PER_MWH));
    m.add(
        new Metric(
            MetricKeys.ENERGY_IT_MWH,
            "MWh",
            "Energy drawn by IT equipment: GPUs plus other IT (CPUs, memory, network, fans).",
            energyItJoules / JOULES_PER_MWH));
    m.add(
        new Metric(
            MetricKeys.ENERGY_FACILITY_MWH,
            "MWh",
            "Energy drawn by the site: IT plus cooling and power-conversion overhead.",
            energyFacilityJoules / JOULES_PER_MWH));
    m.add(new Metric(MetricKeys.PUE, "1", "Facility energy / IT energy.", pue()));
    m.add(new Metric(MetricKeys.TOKENS, "tokens", "Tokens trained by all jobs.", tokens));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_JOULE_IT,
            "tokens/J",
            "Tokens / IT energy.",
            energyItJoules > 0 ? tokens / energyItJoules : 0));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_KWH_FACILITY,
            "tokens/kWh",
            "Tokens / facility energy.",
            energyFacilityJoules > 0 ? tokens / (energyFacilityJoules / JOULES_PER_KWH) : 0));
    m.add(
        new Metric(
            MetricKeys.UTILISATION,
            "1",
            "GPU-hours spent iterating (compute + communication) / installed GPU-hours.",
            utilisation()));
    m.add(
        new Metric(
            MetricKeys.ETTR,
            "1",
            "Effective training time ratio of all jobs: productive GPU-hours / GPU-hours since the"
                + " jobs started (productive + lost_work + checkpoint + restart + waiting).",
            ettr()));
    GpuHours h = gpuHours;
    gpu(
        m,
        MetricKeys.GPU_HOURS_INSTALLED,
        "Installed GPUs × horizon: the next eight add up to it.",
        h.installed());
    gpu(m, MetricKeys.GPU_HOURS_PRODUCTIVE, "Iterating, and the work survived.", h.productive());
    gpu(
        m,
        MetricKeys.GPU_HOURS_LOST_WORK,
        "Iterating, then thrown away by a failure (recomputed).",
        h.lostWork());
    gpu(
        m,
        MetricKeys.GPU_HOURS_THROTTLING,
        "Iterating time that power caps and thermal limits kept from progressing: what the slowed"
            + " iterations took beyond their full-speed length.",
        h.throttling());
    gpu(m, MetricKeys.GPU_HOURS_CHECKPOINT, "Blocked in synchronous checkpoints.", h.checkpoint());
    gpu(
        m,
        MetricKeys.GPU_HOURS_RESTART,
        "Reloading a checkpoint after an interruption.",
        h.restart());
    gpu(
        m,
        MetricKeys.GPU_HOURS_WAITING,
        "A job's GPUs waiting for a spare swap or a repair.",
        h.waiting());
    gpu(
        m,
        MetricKeys.GPU_HOURS_IDLE,
        "Healthy and not used by a running job (unallocated, before start, after end).",
        h.idle());
    gpu(m, MetricKeys.GPU_HOURS_DOWN, "Failed, until repaired.", h.down());
    gpu(
        m,
        MetricKeys.GPU_HOURS_COMPUTE,
        "In compute phases of iterations (compute + communication = productive + lost_work +"
            + " throttling).",
        h.compute());
    gpu(
        m,
        MetricKeys.GPU_HOURS_COMMUNICATION,
        "In communication phases of iterations.",
        h.communication());
    throttlingMetrics(m);
    m.add(
        new Metric(MetricKeys.POWER_PEAK_MW, "MW", "Highest site power.", power.peakWatts() / 1e6));
    m.add(
        new Metric(
            MetricKeys.POWER_MEAN_MW, "MW", "Facility energy / horizon.", power.meanWatts() / 1e6));
    m.add(new Metric(MetricKeys.POWER_MIN_MW, "MW", "Lowest site power.", power.minWatts() / 1e6));
    m.add(
        new Metric(
            MetricKeys.POWER_MAX_RAMP_MW_PER_S,
            "MW/s",
            "Largest change of site power between consecutive ramp-window averages, per second.",
            power.maxRampWattsPerSecond() / 1e6));
    m.add(
        new Metric(
            MetricKeys.POWER_SWING_MW,
            "MW",
            "Peak - lowest site power.",
            power.swingWatts() / 1e6));
    m.add(
        new Metric(
            MetricKeys.POWER_RAMP_WINDOW_S,
            "s",
            "Averaging interval of max_ramp_mw_per_s (scenario key recording.ramp_window).",
            power.rampWindowSeconds()));
    failureMetrics(m);
    failureDomains.ifPresent(d -> failureDomainMetrics(m, d));
    electrical.ifPresent(e -> electricalMetrics(m, e));
    cooling.ifPresent(c -> coolingMetrics(m, c));
    if (!services.isEmpty()) {
      inferenceMetrics(m);
    }
    loadShaping.ifPresent(s -> loadShapingMetrics(m, s));
    site.ifPresent(s -> SiteMetrics.add(m, s));
    m.add(
        new Metric(
            MetricKeys.EVENTS_PROCESSED, "events", "Events fired by the engine.", eventsProcessed));
    return m;
  }

  /** Output tokens served by all inference services. */
  public double inferenceTokensServed() {
    double s = 0;
    for (ServiceResult r : services) {
      s += r.servedTokens();
    }
    return s;
  }

  /** IT energy of the systems the inference services held (J). */
  public double inferenceEnergyItJoules() {
    double s = 0;
    for (ServiceResult r : services) {
      s += r.energyItJoules();
    }
    return s;
  }

  /**
   * Inference beside training: what the services served and dropped, their latencies, and tokens
   * per joule and per kWh of each kind of work. Training is charged the IT energy the services did
   * not hold (its jobs, and the systems no one used); the facility's energy is shared in proportion
   * to IT energy.
   */
  private void inferenceMetrics(List<Metric> m) {
    double demanded = 0;
    double dropped = 0;
    for (ServiceResult r : services) {
      demanded += r.demandedTokens();
      dropped += r.droppedTokens();
    }
    double served = inferenceTokensServed();
    double inferIt = inferenceEnergyItJoules();
    double trainIt = Math.max(0, energyItJoules - inferIt);
    double facilityPerIt = energyItJoules > 0 ? energyFacilityJoules / energyItJoules : 0;
    gpu(
        m,
        MetricKeys.GPU_HOURS_SERVING,
        "Held by inference services (healthy systems, busy or not): a part of installed beside"
            + " idle.",
        gpuHours.serving());
    m.add(
        new Metric(
            MetricKeys.INFERENCE_TOKENS_SERVED,
            "tokens",
            "Output tokens of the requests the inference services completed.",
            served));
    m.add(
        new Metric(
            MetricKeys.INFERENCE_TOKENS_DEMANDED,
            "tokens",
            "Output tokens the arrived requests asked for.",
            demanded));
    m.add(
        new Metric(
            MetricKeys.INFERENCE_TOKENS_DROPPED,
            "tokens",
            "Output tokens of requests dropped (waited too long, or lost with their replica).",
            dropped));
    m.add(
        new Metric(
            MetricKeys.INFERENCE_ENERGY_IT_MWH,
            "MWh",
            "IT energy of the systems the services held: idle, other IT and busy power.",
            inferIt / JOULES_PER_MWH));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_JOULE_IT_TRAINING,
            "tokens/J",
            "Training tokens / IT energy not held by inference services.",
            trainIt > 0 ? tokens / trainIt : 0));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_JOULE_IT_INFERENCE,
            "tokens/J",
            "Served output tokens / IT energy of the services' systems.",
            inferIt > 0 ? served / inferIt : 0));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_KWH_FACILITY_TRAINING,
            "tokens/kWh",
            "Training tokens / its share of facility energy (in proportion to IT energy).",
            trainIt > 0 ? tokens / (trainIt * facilityPerIt / JOULES_PER_KWH) : 0));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_KWH_FACILITY_INFERENCE,
            "tokens/kWh",
            "Served output tokens / the services' share of facility energy.",
            inferIt > 0 ? served / (inferIt * facilityPerIt / JOULES_PER_KWH) : 0));
    m.add(
        new Metric(
            MetricKeys.TOKENS_PER_KWH_FACILITY_ALL,
            "tokens/kWh",
            "Training and served tokens / facility energy.",
            energyFacilityJoules > 0
                ? (tokens + served) / (energyFacilityJoules / JOULES_PER_KWH)
                : 0));
    for (ServiceResult r : services) {
      serviceMetrics(m, r);
    }
  }

  private void serviceMetrics(List<Metric> m, ServiceResult r) {
    String n = r.name();
    m.add(
        new Metric(
            MetricKeys.service(n, "requests_arrived"),
            "requests",
            "Requests that arrived.",
            r.arrivedRequests()));
    m.add(
        new Metric(
            MetricKeys.service(n, "requests_served"),
            "requests",
            "Requests completed.",
            r.servedRequests()));
    m.add(
        new Metric(
            MetricKeys.service(n, "tokens_demanded"),
            "tokens",
            "Output tokens the arrived requests asked for.",
            r.demandedTokens()));
    m.add(
        new Metric(
            MetricKeys.service(n, "tokens_served"),
            "tokens",
            "Output tokens of the completed requests.",
            r.servedTokens()));
    // Every cause that could drop, whether or not it did: replications share their keys.
    java.util.Set<String> dropCauses = new java.util.LinkedHashSet<>();
    dropCauses.add("queue_timeout");
    dropCauses.addAll(causes);
    dropCauses.addAll(r.droppedTokensByCause().keySet());
    for (String cause : dropCauses) {
      m.add(
          new Metric(
              MetricKeys.service(n, "tokens_dropped." + cause),
              "tokens",
              "Output tokens of requests dropped for this cause (queue_timeout: waited longer than"
                  + " the service allows; a failure cause: lost in service with their replica).",
              r.droppedTokensByCause().getOrDefault(cause, 0.0)));
    }
    m.add(
        new Metric(
            MetricKeys.service(n, "utilisation"),
            "1",
            "Busy slot-time / slot-time since the service started.",
            r.utilisation()));
    m.add(
        new Metric(
            MetricKeys.service(n, "mean_wait_s"),
            "s",
            "Mean time from arrival to a slot, of the requests that got one.",
            r.meanWaitSeconds()));
    String[] q = {"p50", "p95", "p99"};
    for (int i = 0; i < q.length; i++) {
      m.add(
          new Metric(
              MetricKeys.service(n, "ttft_" + q[i] + "_s"),
              "s",
              "Time to first token, " + q[i] + " (1 % histogram buckets).",
              r.firstTokenSeconds()[i]));
    }
    for (int i = 0; i < q.length; i++) {
      m.add(
          new Metric(
              MetricKeys.service(n, "latency_" + q[i] + "_s"),
              "s",
              "Time from arrival to the last token, " + q[i] + " (1 % histogram buckets).",
              r.endToEndSeconds()[i]));
    }
    m.add(
        new Metric(
            MetricKeys.service(n, "tokens_per_joule_it"),
            "tokens/J",
            "Served output tokens / IT energy of the service's systems.",
            r.tokensPerJouleIt()));
    m.add(
        new Metric(
            MetricKeys.service(n, "throttled_gpu_hours"),
            "GPU·h",
            "GPU-hours of busy slots running below full speed (power caps, heat).",
            r.gpuHoursThrottled()));
  }

  private static void gpu(List<Metric> m, String key, String definition, double hours) {
    m.add(new Metric(key, "GPU·h", definition, hours));
  }

  private static void failureDomainMetrics(List<Metric> m, FailureDomainResult d) {
    m.add(
        new Metric(
            MetricKeys.DOMAIN_UNIT_FAILURES,
            "events",
            "Field-replaceable units (compute trays) that failed: the next three add up to it.",
            d.unitFailures()));
    m.add(
        new Metric(
            MetricKeys.DOMAIN_UNUSED_UNIT_FAILURES,
            "events",
            "Failed units that carried no running job's GPUs (in-system spares, idle systems): no"
                + " interruption.",
            d.unusedUnitFailures()));
    m.add(
        new Metric(
            MetricKeys.DOMAIN_TAKE_OVERS,
            "events",
            "Failed units whose GPUs a spare unit of the same system replaced: the job was"
                + " interrupted but kept its systems.",
            d.takeOvers()));
    m.add(
        new Metric(
            MetricKeys.DOMAIN_SYSTEMS_SHORT,
            "events",
            "Failed units that left their job's system short of its share of GPUs: the system was"
                + " given up (a spare system, else waiting).",
            d.systemsShort()));
    m.add(
        new Metric(
            MetricKeys.DOMAIN_UNIT_DOWN_GPU_HOURS,
            "GPU·h",
            "GPU-hours down in failed units of systems otherwise up (part of gpu_hours.down).",
            d.unitDownGpuHours()));
    m.add(
        new Metric(
            MetricKeys.DOMAIN_SYSTEM_DOWN_GPU_HOURS,
            "GPU·h",
            "GPU-hours down with their whole system (the rest of gpu_hours.down).",
            d.systemDownGpuHours()));
  }

  private void electricalMetrics(List<Metric> m, ElectricalResult e) {
    m.add(
        new Metric(
            MetricKeys.CHAIN_AVAILABILITY,
            "1",
            "Fraction of the time the whole IT load was powered.",
            e.availability()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_LOAD_WEIGHTED_AVAILABILITY,
            "1",
            "Rack-group availabilities weighted by their design IT load.",
            e.loadWeightedAvailability()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_LOSS_OF_LOAD_EVENTS,
            "events",
            "Times any rack group lost power.",
            e.lossOfLoadEvents()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_LOSS_OF_LOAD_HOURS,
            "h",
            "Time during which some rack group was unpowered.",
            e.lossOfLoadHours()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_MEAN_LOSS_OF_LOAD_MINUTES,
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
            MetricKeys.CHAIN_WORST_PATH_AVAILABILITY,
            "1",
            "Availability of the least available rack group.",
            worst));
    for (int p = 0; p < e.pathAvailability().size(); p++) {
      m.add(
          new Metric(
              MetricKeys.pathAvailability(p),
              "1",
              "Availability of rack group p (0-based).",
              e.pathAvailability().get(p)));
    }
    m.add(
        new Metric(
            MetricKeys.CHAIN_UTILITY_INTERRUPTIONS,
            "events",
            "Utility interruptions (sustained and momentary).",
            e.utilityInterruptions()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_GENERATOR_STARTS,
            "events",
            "Generator plant starts: utility interruptions longer than the start delay.",
            e.generatorStarts()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_GENERATOR_FAIL_TO_STARTS,
            "events",
            "Generator start attempts that failed.",
            e.generatorFailToStarts()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_ON_BATTERY_HOURS,
            "h",
            "Time with at least one UPS carrying load from its battery.",
            e.onBatteryHours()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_UPS_MODULE_FAILURES,
            "events",
            "UPS module failures (independent and common cause).",
            e.upsModuleFailures()));
    m.add(new Metric(MetricKeys.CHAIN_PDU_FAILURES, "events", "PDU failures.", e.pduFailures()));
    for (ElectricalResult.ComponentFailures c : e.componentFailures()) {
      m.add(
          new Metric(
              MetricKeys.componentFailures(c.component()),
              "events",
              "Failures of this component of the electrical chain (independent and common cause).",
              c.failures()));
    }
    e.maintenance().ifPresent(mt -> maintenanceMetrics(m, mt));
    for (int i = 0; i < e.stages().size(); i++) {
      m.add(
          new Metric(
              MetricKeys.energyLoss(e.stages().get(i)),
              "MWh",
              "Conversion loss in this stage of the electrical chain.",
              e.stageLossJoules().get(i) / JOULES_PER_MWH));
    }
    m.add(
        new Metric(
            MetricKeys.ENERGY_LOSSES_TOTAL_MWH,
            "MWh",
            "All conversion losses of the electrical chain.",
            e.totalLossJoules() / JOULES_PER_MWH));
    m.add(
        new Metric(
            MetricKeys.PUE_ELECTRICAL,
            "1",
            "The electrical chain's part of the PUE: conversion losses / IT energy.",
            energyItJoules > 0 ? e.totalLossJoules() / energyItJoules : Double.NaN));
  }

  private static void maintenanceMetrics(List<Metric> m, ElectricalResult.Maintenance mt) {
    m.add(
        new Metric(
            MetricKeys.CHAIN_MAINTENANCE_HOURS,
            "h",
            "Time with at least one unit of the electrical chain out for planned maintenance.",
            mt.hours()));
    m.add(
        new Metric(
            MetricKeys.CHAIN_MAINTENANCE_EXPOSURE_HOURS,
            "h",
            "Planned-maintenance time during which the load was unprotected: some load on static"
                + " bypass or a battery, some bus on its generators, or some rack group dark.",
            mt.exposureHours()));
    for (ElectricalResult.Periods p : mt.periods()) {
      m.add(
          new Metric(
              MetricKeys.maintenancePeriods(p.component()),
              "events",
              "Units of this kind taken out for planned maintenance.",
              p.count()));
    }
  }

  private void throttlingMetrics(List<Metric> m) {
    double cap = 0;
    double thermal = 0;
    for (JobResult j : jobs) {
      cap += j.lostProduction().throttlingCap();
      thermal += j.lostProduction().throttlingThermal();
    }
    m.add(
        new Metric(
            MetricKeys.THROTTLING_SLOWED_GPU_HOURS,
            "GPU·h",
            "GPU-hours spent iterating below full speed under a power cap or thermal limit (whole"
                + " time, not a part of installed).",
            gpuHours.throttled()));
    m.add(
        new Metric(
            MetricKeys.THROTTLING_POWER_CAP_TOKENS,
            "tokens",
            "Tokens not trained because power caps slowed the iterations.",
            cap));
    m.add(
        new Metric(
            MetricKeys.THROTTLING_THERMAL_TOKENS,
            "tokens",
            "Tokens not trained because the cooling limited the GPUs' power (thermal throttling).",
            thermal));
  }

  private void coolingMetrics(List<Metric> m, CoolingResult c) {
    double itKwh = energyItJoules / JOULES_PER_KWH;
    m.add(
        new Metric(
            MetricKeys.COOLING_ENERGY_MWH,
            "MWh",
            "Electricity of the cooling plant: fans, pumps, chillers of every loop.",
            c.coolingJoules() / JOULES_PER_MWH));
    m.add(
        new Metric(
            MetricKeys.COOLING_PUE_PART,
            "1",
            "The cooling's part of the PUE: cooling energy / IT energy.",
            energyItJoules > 0 ? c.coolingJoules() / energyItJoules : Double.NaN));
    m.add(
        new Metric(
            MetricKeys.COOLING_WATER_M3,
            "m³",
            "Water used by evaporative units (cooling towers).",
            c.waterLitres() / 1e3));
    m.add(
        new Metric(
            MetricKeys.COOLING_WUE,
            "L/kWh",
            "Water usage effectiveness: litres of water per kWh of IT energy.",
            itKwh > 0 ? c.waterLitres() / itKwh : Double.NaN));
    m.add(
        new Metric(
            MetricKeys.COOLING_MAX_OUTDOOR_C,
            "°C",
            "The hottest outdoor hour (dry bulb).",
            c.maxDryBulbCelsius()));
    m.add(
        new Metric(
            MetricKeys.COOLING_MAX_GPU_C,
            "°C",
            "The hottest GPU: its loop's temperature + thermal resistance × its power.",
            c.maxGpuCelsius()));
    for (CoolingResult.LoopResult loop : c.loops()) {
      String k = MetricKeys.coolingLoop(loop.name());
      m.add(
          new Metric(
              MetricKeys.LoopFigure.MAX_C.key(loop.name()),
              "°C",
              "This loop's highest temperature (its setpoint if held).",
              loop.maxCelsius()));
      m.add(
          new Metric(
              MetricKeys.LoopFigure.HOURS_ABOVE_SETPOINT.key(loop.name()),
              "h",
              "Time this loop's units could not hold its setpoint (all flat out).",
              loop.aboveSetpointNanos() / 3.6e12));
      m.add(
          new Metric(
              MetricKeys.LoopFigure.HOURS_AT_SLOWDOWN.key(loop.name()),
              "h",
              "Time some GPUs on this loop were held at their slowdown temperature (thermal"
                  + " limit).",
              loop.limitedNanos() / 3.6e12));
      m.add(
          new Metric(
              MetricKeys.LoopFigure.TRIPS.key(loop.name()),
              "events",
              "Clusters tripped (shut down) by heat on this loop.",
              loop.trips()));
      m.add(
          new Metric(
              MetricKeys.LoopFigure.HEAT_MWH.key(loop.name()),
              "MWh",
              "Heat its clusters put into this loop.",
              loop.heatInJoules() / JOULES_PER_MWH));
      for (CoolingResult.StageResult stage : loop.stages()) {
        String s = k + stage.name() + ".";
        m.add(new Metric(s + "installed", "units", "Units installed.", stage.installed()));
        m.add(new Metric(s + "failures", "events", "Unit failures.", stage.failures()));
        m.add(
            new Metric(
                s + "hours_short",
                "h",
                "Time with fewer units up than the design load needs (N).",
                stage.shortNanos() / 3.6e12));
      }
    }
    for (int i = 0; i < monthlyPue.size(); i++) {
      m.add(
          new Metric(
              MetricKeys.pueOfMonth(i + 1),
              "1",
              "PUE of this 730-hour month (a twelfth of a year): site energy / IT energy.",
              monthlyPue.get(i)));
    }
  }

  private void loadShapingMetrics(List<Metric> m, LoadShapingResult s) {
    double unshapedPeak = s.unshapedPeakWatts();
    m.add(
        new Metric(
            MetricKeys.SHAPING_EXTRA_FACILITY_MWH,
            "MWh",
            "Site energy load shaping added: facility energy - the same run's loads unshaped.",
            (energyFacilityJoules - s.unshapedFacilityJoules()) / JOULES_PER_MWH));
    m.add(
        new Metric(
            MetricKeys.SHAPING_EXTRA_GPU_MWH,
            "MWh",
            "GPU energy load shaping added: filler + floor + ramps.",
            s.gpuJoules() / JOULES_PER_MWH));
    if (s.filler()) {
      m.add(
          new Metric(
              MetricKeys.SHAPING_FILLER_MWH,
              "MWh",
              "GPU energy of filler work: lull power lifted to the filler level (no tokens).",
              s.fillerJoules() / JOULES_PER_MWH));
    }
    if (s.smoothing()) {
      m.add(
          new Metric(
              MetricKeys.SHAPING_FLOOR_MWH,
              "MWh",
              "GPU energy holding the smoothing floor, beyond filler work (no tokens).",
              s.floorJoules() / JOULES_PER_MWH));
      m.add(
          new Metric(
              MetricKeys.SHAPING_RAMP_MWH,
              "MWh",
              "GPU energy of smoothing's holds and ramps beyond the lifted levels (ramps up save,"
                  + " holds and slow ramps down cost).",
              s.rampJoules() / JOULES_PER_MWH));
      m.add(
          new Metric(
              MetricKeys.SHAPING_RAMP_LIMITED_GPU_HOURS,
              "GPU·h",
              "Compute-phase GPU-hours a ramp up held below what the work asked for (work is"
                  + " taken as not slowed).",
              s.rampLimitedGpuHours()));
    }
    if (s.storage()) {
      m.add(
          new Metric(
              MetricKeys.SHAPING_STORAGE_LOSS_MWH,
              "MWh",
              "Energy lost by the racks' storage (round trip).",
              s.storageLossJoules() / JOULES_PER_MWH));
      m.add(
          new Metric(
              MetricKeys.SHAPING_STORAGE_CHANGE_MWH,
              "MWh",
              "Change of the energy held by the racks' storage over the run (stores start full;"
                  + " negative: they ended emptier).",
              s.storageChangeJoules() / JOULES_PER_MWH));
      m.add(
          new Metric(
              MetricKeys.SHAPING_RACK_PEAK_CUT,
              "1",
              "1 - a rack's peak draw / its peak load (above its base): the peak its storage took"
                  + " away.",
              s.rackPeakCut()));
    }
    m.add(
        new Metric(
            MetricKeys.SHAPING_UNSHAPED_PEAK_MW,
            "MW",
            "Site peak of the same run's loads without load shaping.",
            unshapedPeak / 1e6));
    m.add(
        new Metric(
            MetricKeys.SHAPING_PEAK_CUT,
            "1",
            "1 - site peak / unshaped site peak.",
            unshapedPeak > 0 ? 1 - power.peakWatts() / unshapedPeak : Double.NaN));
    m.add(
        new Metric(
            MetricKeys.SHAPING_UNSHAPED_SWING_MW,
            "MW",
            "Site peak - lowest site power without load shaping.",
            (unshapedPeak - s.unshapedMinWatts()) / 1e6));
    m.add(
        new Metric(
            MetricKeys.SHAPING_UNSHAPED_MAX_RAMP_MW_PER_S,
            "MW/s",
            "Largest site ramp without load shaping (same ramp window).",
            s.unshapedMaxRampWattsPerSecond() / 1e6));
  }

  private void failureMetrics(List<Metric> m) {
    m.add(
        new Metric(
            MetricKeys.INTERRUPTIONS,
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
              MetricKeys.byCause(MetricKeys.ByCause.INTERRUPTIONS, cause),
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
    double throttling = 0;
    for (JobResult j : jobs) {
      LostProduction p = j.lostProduction();
      throttling += p.throttling();
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
            MetricKeys.LOST_IDEAL_TOKENS,
            "tokens",
            "Tokens the jobs would train failure-free and checkpoint-free over the same time.",
            ideal));
    m.add(
        new Metric(
            MetricKeys.LOST_TOTAL,
            "tokens",
            "ideal_tokens - tokens: the parts below add up to it.",
            ideal - produced));
    m.add(
        new Metric(
            MetricKeys.LOST_CHECKPOINT, "tokens", "Not trained while checkpointing.", checkpoint));
    m.add(
        new Metric(MetricKeys.LOST_WORK, "tokens", "Trained, then thrown away by failures.", lost));
    m.add(new Metric(MetricKeys.LOST_RESTART, "tokens", "Not trained while restarting.", restart));
    m.add(
        new Metric(
            MetricKeys.LOST_WAITING,
            "tokens",
            "Not trained while waiting for spares or repairs.",
            waiting));
    m.add(
        new Metric(
            MetricKeys.LOST_THROTTLING,
            "tokens",
            "Not trained because power caps and thermal limits slowed the iterations.",
            throttling));
    m.add(
        new Metric(
            MetricKeys.LOST_INCOMPLETE_ITERATION,
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
              MetricKeys.byCause(MetricKeys.ByCause.LOST_PRODUCTION, cause),
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
              MetricKeys.byCause(MetricKeys.ByCause.LOST_GPU_HOURS, cause),
              "GPU·h",
              "Job progress lost to this cause (lost work + restart + waiting) in GPU-hours of the"
                  + " jobs at full size.",
              v));
    }
    for (JobResult j : jobs) {
      JobMetrics.add(m, j, causes);
    }
  }
}
