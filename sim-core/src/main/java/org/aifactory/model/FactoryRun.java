package org.aifactory.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.engine.Event;
import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.SimTime;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.ElectricalResult;
import org.aifactory.metrics.FailureDomainResult;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.LoadShapingResult;
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.metrics.PowerRecorder;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.RunResult;
import org.aifactory.metrics.ServiceResult;
import org.aifactory.metrics.WindowSearch;
import org.aifactory.model.cooling.CoolingFacility;
import org.aifactory.model.cooling.CoolingPlant;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureProcess;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.Cluster;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.FieldReplaceableUnit;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.inference.InferenceService;
import org.aifactory.model.inference.ServiceTimeline;
import org.aifactory.model.power.ChainFacility;
import org.aifactory.model.power.ConversionLosses;
import org.aifactory.model.power.PowerChain;
import org.aifactory.model.power.PowerChainResult;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.PowerPathListener;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.site.PowerBudget;
import org.aifactory.model.site.SiteMonitor;
import org.aifactory.model.site.SiteSpec;
import org.aifactory.model.workload.InferenceServiceSpec;
import org.aifactory.model.workload.JobAccount;
import org.aifactory.model.workload.JobState;
import org.aifactory.model.workload.ShapingBooks;
import org.aifactory.model.workload.TrainingJob;
import org.aifactory.model.workload.TrainingJobSpec;

/**
 * One run of a factory: builds the simulation from the specs, runs it to the horizon (in one go or
 * in steps, for progress reports) and gathers the {@link RunResult}. Each run owns its simulation
 * and random streams, so runs on different threads never share state.
 */
public final class FactoryRun {
  private static final long SECOND = SimTime.NANOS_PER_SECOND;
  private static final double NANOS_PER_HOUR = 3.6e12;

  /**
   * A throttled job's time is paced in real nanoseconds rounded up at each change of speed: its
   * books add up to within a nanosecond per change (exactly without throttling).
   */
  private static final double PARTIAL_TOLERANCE_NANOS = 1e6;

  private final String scenarioName;
  private final RunSpec run;
  private final int replication;
  private final long horizon;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final FailureLog log;
  private final FailureCause[] causes;
  private final List<Cluster> clusters = new ArrayList<>();
  private final Optional<Electrical> electrical;

  /** The cause interruptions by loss of power are booked to (metric keys by cause). */
  public static final String POWER_OUTAGE_CAUSE = "power_outage";

  /** The cause interruptions by heat (a cluster tripped by its cooling) are booked to. */
  public static final String THERMAL_CAUSE = "thermal";

  /** Interruptions by loss of power: a cause of its own, driven by the electrical chain. */
  private static final FailureCause POWER_OUTAGE =
      new FailureCause(
          POWER_OUTAGE_CAUSE,
          FailureScope.SYSTEM,
          new TimeDistribution.Fixed(TimeDistribution.NEVER_NANOS / 1e9),
          new TimeDistribution.Fixed(0),
          false);

  /** Interruptions by heat: a cluster tripped by its cooling. */
  private static final FailureCause THERMAL =
      new FailureCause(
          THERMAL_CAUSE,
          FailureScope.SYSTEM,
          new TimeDistribution.Fixed(TimeDistribution.NEVER_NANOS / 1e9),
          new TimeDistribution.Fixed(0),
          false);

  private final List<TrainingJob> jobs = new ArrayList<>();
  private final List<InferenceService> services = new ArrayList<>();
  private CoolingPlant cooling;
  private SiteMonitor site;
  private final int installedGpus;
  private RunResult result;

  /** Replication 0, with the interruption log recorded. */
  public FactoryRun(String scenarioName, FactorySpec factory, RunSpec run) {
    this(scenarioName, factory, run, 0, true);
  }

  /**
   * @param replication replication index: selects the random streams
   * @param recordEvents keep every interruption and repair for {@code events.csv}
   */
  public FactoryRun(
      String scenarioName,
      FactorySpec factory,
      RunSpec run,
      int replication,
      boolean recordEvents) {
    List<SpecProblem> problems = new ArrayList<>(factory.problems());
    problems.addAll(factory.countProblems(run.horizon()));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid factory: " + problems);
    }
    this.scenarioName = scenarioName;
    this.run = run;
    this.replication = replication;
    this.horizon = run.horizon().toNanos();
    this.sim = new Simulation(64 + 4 * factory.workloads().size() + servingSlots(factory));
    this.log = new FailureLog(recordEvents);
    FailureSpec failures = factory.failures();
    List<FailureCause> causeList = new ArrayList<>(failures.profile().causes());
    this.electrical = factory.power().map(p -> new Electrical(factory, p, causeList.size()));
    if (electrical.isPresent()) {
      causeList.add(POWER_OUTAGE);
    }
    int thermalCause = causeList.size();
    if (factory.facility().cooling().isPresent()) {
      causeList.add(THERMAL);
    }
    this.causes = causeList.toArray(new FailureCause[0]);
    this.ledger = buildLedger(factory, run, electrical);
    RandomStreams streams = new RandomStreams(run.seed(), replication);

    double gpuWatts = 0;
    double itWatts = 0;
    int gpus = 0;
    Map<String, Cluster> byName = new LinkedHashMap<>();
    for (ClusterSpec c : factory.clusters()) {
      SystemType system = factory.catalog().system(c.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      SystemPower power = new SystemPower(system, gpu);
      TimeDistribution.Sampler[] repairs = new TimeDistribution.Sampler[causes.length];
      for (int i = 0; i < causes.length; i++) {
        repairs[i] =
            causes[i]
                .repair()
                .sampler(streams.stream("repair/" + c.name() + "/" + causes[i].name()));
      }
      Cluster cluster =
          new Cluster(
              c,
              power,
              failures.failedPowerFraction(),
              sim,
              ledger,
              log,
              causes,
              repairs,
              failureDomains(system));
      clusters.add(cluster);
      byName.put(c.name(), cluster);
      gpus += cluster.gpus();
      gpuWatts += cluster.baseGpuWatts();
      itWatts += cluster.baseItWatts();
    }
    this.installedGpus = gpus;

    long swapNanos = failures.spareSwapTime().toNanos();
    for (InferenceServiceSpec spec : factory.inferenceServices()) {
      services.add(
          new InferenceService(
              spec,
              byName.get(spec.cluster()),
              sim,
              ledger,
              streams,
              causes,
              swapNanos,
              new ServiceTimeline(horizon, run.observation().buckets())));
    }
    for (TrainingJobSpec spec : factory.trainingJobs()) {
      jobs.add(
          new TrainingJob(
              spec,
              byName.get(spec.cluster()),
              sim,
              ledger,
              log,
              run.pulseResolution(),
              causes,
              failures.profile().causes().size(),
              swapNanos));
    }
    if (jobs.stream().anyMatch(TrainingJob::shaped)) {
      ObservationSpec obs = run.observation();
      ledger.withUnshapedShadow(PowerRecorder.figuresOnly(horizon, obs.rampWindow().toNanos(), 0));
    }
    placeWindow(run.observation());
    Optional<PowerBudget> budget = budgetCaps(factory);
    if (factory.facility().cooling().isPresent()) {
      cooling =
          new CoolingPlant(
              factory, clusters, thermalCause, sim, streams, horizon, run.observation().buckets());
      coolingFacility.setPlant(cooling);
      cooling.attach(ledger);
    }
    ledger.change(0, gpuWatts, itWatts);
    for (TrainingJob job : jobs) {
      job.schedule();
    }
    for (InferenceService service : services) {
      service.schedule();
    }
    for (int i = 0; i < clusters.size(); i++) {
      scheduleCaps(clusters.get(i), factory.clusters().get(i));
    }
    startFailures(streams);
    if (electrical.isPresent()) {
      electrical.get().start(sim, streams, clusters);
      if (cooling != null) {
        electrical.get().carry(cooling);
      }
    }
    if (cooling != null) {
      cooling.start();
    }
    factory.site().ifPresent(s -> watchSite(s, budget, run.observation()));
  }

  /** The power budget's caps on every cluster's GPUs, from the start (empty: no budget). */
  private Optional<PowerBudget> budgetCaps(FactorySpec factory) {
    Optional<PowerBudget> budget =
        factory
            .site()
            .flatMap(SiteSpec::budgetWatts)
            .flatMap(b -> PowerBudget.of(factory, b).budget());
    budget.ifPresent(
        b -> {
          for (Cluster c : clusters) {
            c.setBudgetCap(0, b.capWatts(c.power().gpu().tdpWatts()));
          }
        });
    return budget;
  }

  /**
   * The site as the grid sees it: from the level the factory draws at time 0, it hears every change
   * of site power and every job's start and completion.
   */
  private void watchSite(SiteSpec spec, Optional<PowerBudget> budget, ObservationSpec obs) {
    PowerRecorder rec = ledger.recorder();
    site =
        new SiteMonitor(
            spec,
            budget,
            horizon,
            obs.buckets(),
            rec.windowStartNanos(),
            rec.windowEndNanos(),
            obs.rampWindow().toNanos());
    site.begin(ledger.siteWatts());
    ledger.setSiteListener(site);
    for (TrainingJob job : jobs) {
      long start = job.spec().start().toNanos();
      if (start < horizon) {
        sim.scheduleAt(start, Simulation.DEFAULT_PRIORITY, site::jobStarted);
      }
      job.setCompletionListener(site::jobEnded);
    }
    // A service runs from its start to the end of the run: the minimum load applies then too.
    for (InferenceService service : services) {
      long start = service.spec().start().toNanos();
      if (start < horizon) {
        sim.scheduleAt(start, Simulation.DEFAULT_PRIORITY, site::jobStarted);
      }
    }
  }

  /** Events a service's slots may hold pending at once: one per slot of its request model. */
  private static int servingSlots(FactorySpec factory) {
    long slots = 0;
    for (InferenceServiceSpec s : factory.inferenceServices()) {
      if (s.resolution() == org.aifactory.model.inference.ServiceResolution.REQUESTS) {
        slots += s.slots();
      }
    }
    return (int) Math.min(slots, 1 << 20);
  }

  /**
   * The field-replaceable unit of a cluster's systems if a failure can take it down alone: the
   * system type has one and some cause is contained in it. Otherwise every failure takes its whole
   * system (so a unit declared in the catalog changes nothing until a cause uses it).
   */
  private Optional<FieldReplaceableUnit> failureDomains(SystemType system) {
    boolean contained = false;
    for (FailureCause c : causes) {
      contained |= c.containedInFru();
    }
    return contained ? system.fru() : Optional.empty();
  }

  /** The cluster's power cap schedule: an event at each step (none without a cap). */
  private void scheduleCaps(Cluster cluster, ClusterSpec spec) {
    spec.powerCap()
        .ifPresent(
            schedule -> {
              for (PowerCapSchedule.Step step : schedule.steps()) {
                double watts = step.cap().watts(cluster.power().gpu());
                sim.scheduleAt(
                    step.at().toNanos(),
                    Simulation.DEFAULT_PRIORITY,
                    now -> cluster.setCap(now, watts));
              }
            });
  }

  /** One failure process per (cause, cluster) for hardware, per (cause, job) for the rest. */
  private void startFailures(RandomStreams streams) {
    for (int i = 0; i < causes.length; i++) {
      FailureCause cause = causes[i];
      if (cause == POWER_OUTAGE) {
        continue; // driven by the electrical chain
      }
      int causeIndex = i;
      switch (cause.scope()) {
        case GPU, SYSTEM -> {
          for (Cluster c : clusters) {
            boolean gpus = cause.scope() == FailureScope.GPU;
            int perSystem = gpus ? c.gpusPerSystem() : 1;
            FailureProcess.startInSystems(
                sim,
                streams.stream("failures/" + c.name() + "/" + cause.name()),
                cause.timeToFailure(),
                c.systemCount() * perSystem,
                perSystem,
                gpus ? c.gpusPerUnit() : 0,
                gpus
                    ? (unit, now) -> c.failGpu(unit / perSystem, unit % perSystem, causeIndex, now)
                    : (unit, now) -> c.fail(unit, causeIndex, now),
                c::addOutageListener);
          }
        }
        case NETWORK, JOB -> {
          for (TrainingJob job : jobs) {
            int units = cause.scope() == FailureScope.NETWORK ? job.gpus() : 1;
            FailureProcess.start(
                sim,
                streams.stream("failures/job/" + job.name() + "/" + cause.name()),
                cause.timeToFailure(),
                units,
                (unit, now) -> job.strike(causeIndex, now));
          }
        }
      }
    }
  }

  /** The ledger; its recorder's window is placed by {@link #placeWindow} once the jobs exist. */
  private PowerLedger buildLedger(
      FactorySpec factory, RunSpec run, Optional<Electrical> electrical) {
    ObservationSpec obs = run.observation();
    PowerRecorder recorder =
        new PowerRecorder(horizon, obs.buckets(), obs.rampWindow().toNanos(), 0, 0, 0);
    Optional<CoolingSpec> plant = factory.facility().cooling();
    if (plant.isPresent()) {
      // With a cooling plant, no PUE: the chain's input, the plant and the other overhead.
      ChainFacility chain = electrical.map(e -> e.facility(1)).orElse(null);
      coolingFacility =
          new CoolingFacility(
              chain != null ? chain : (it, variance) -> it, plant.get().otherOverheadFraction());
      return new PowerLedger(coolingFacility, recorder, chain);
    }
    if (electrical.isPresent()) {
      ChainFacility facility = electrical.get().facility(factory.facility().pue());
      return new PowerLedger(facility, recorder, facility);
    }
    return new PowerLedger(factory.facility().model(), recorder);
  }

  private CoolingFacility coolingFacility;

  /**
   * The full-resolution window: as the scenario says; else around the first checkpoint of the first
   * job that the run shows (so the chart shows pulses and a checkpoint drop): the recorder looks
   * from its first planned checkpoint over four checkpoint intervals for the first drop of power
   * held half a checkpoint or more (a checkpoint, or a restart if a failure moved the checkpoints),
   * and falls back on the planned one; without checkpoints, the first iterations of the first job.
   */
  private void placeWindow(ObservationSpec obs) {
    long[] w = {0, Math.min(horizon, 60 * SECOND)};
    long margin = 0;
    TrainingJob job = jobs.isEmpty() ? null : jobs.get(0);
    if (job != null) {
      margin = Math.max(30 * SECOND, 10 * job.periodNanos());
      long cp = job.firstCheckpointNanos();
      long start = job.spec().start().toNanos();
      w =
          cp >= 0
              ? new long[] {Math.max(0, cp - margin), cp + job.checkpointNanos() + margin}
              : new long[] {start, start + 2 * margin};
    }
    long length = obs.windowLength().map(d -> d.toNanos()).orElse(w[1] - w[0]);
    if (obs.windowStart().isEmpty()
        && job != null
        && job.firstCheckpointNanos() >= 0
        && w[0] < horizon) {
      long cycle =
          job.firstCheckpointNanos() - job.spec().start().toNanos() + job.checkpointNanos();
      long lead = Math.max(0, Math.min(margin, (length - job.checkpointNanos()) / 2));
      long minDrop = Math.max(job.checkpointNanos() / 2, job.periodNanos());
      long to = Math.min(horizon, w[0] + 4 * cycle + length);
      ledger.recorder().searchWindow(new WindowSearch(w[0], to, length, lead, minDrop));
      return;
    }
    long start = obs.windowStart().map(d -> d.toNanos()).orElse(w[0]);
    ledger.recorder().setWindow(start, start + length);
  }

  public long horizonNanos() {
    return horizon;
  }

  public long nowNanos() {
    return sim.nowNanos();
  }

  /** Advances the run to {@code timeNanos} (clipped to the horizon). */
  public void advanceTo(long timeNanos) {
    if (result == null) {
      sim.runUntil(Math.min(timeNanos, horizon));
    }
  }

  /** Runs to the horizon and returns the result. */
  public RunResult complete() {
    if (result == null) {
      advanceTo(horizon);
      ledger.finish(horizon);
      for (TrainingJob job : jobs) {
        job.finish(horizon);
      }
      for (InferenceService service : services) {
        service.finish(horizon);
      }
      result = buildResult();
      if (site != null) {
        PowerSeries series = result.series();
        result = result.withSite(site.finish(series.windowStartNanos(), series.windowEndNanos()));
      }
    }
    return result;
  }

  public long eventsFired() {
    return sim.eventsFired();
  }

  private RunResult buildResult() {
    double installed = (double) installedGpus * horizon;
    double productive = 0;
    double lostWork = 0;
    double checkpoint = 0;
    double restart = 0;
    double waiting = 0;
    double compute = 0;
    double communication = 0;
    double down = 0;
    double throttling = 0;
    double throttled = 0;
    for (Cluster c : clusters) {
      down += c.downGpuNanos(horizon);
    }
    Optional<FailureDomainResult> domains = failureDomainResult();
    long tokens = 0;
    List<JobResult> results = new ArrayList<>();
    for (TrainingJob job : jobs) {
      JobAccount a = job.account(horizon);
      // Lost work is what was thrown away beyond what a limit had already slowed.
      double lostGpu = a.lostGpuNanosTotal() - a.lostThrottledGpuNanosTotal();
      productive += a.iteratingGpuNanos() - lostGpu - a.throttledGpuNanos();
      lostWork += lostGpu;
      throttling += a.throttledGpuNanos();
      throttled += a.slowGpuNanos();
      checkpoint += a.gpuNanosIn(JobState.CHECKPOINT);
      restart += a.gpuNanosIn(JobState.RESTARTING);
      waiting += a.gpuNanosIn(JobState.WAITING);
      compute += a.computeGpuNanos();
      communication += a.communicationGpuNanos();
      JobResult r = jobResult(job, a);
      tokens += r.tokens();
      results.add(r);
    }
    List<ServiceResult> serviceResults = new ArrayList<>();
    double serving = 0;
    for (InferenceService service : services) {
      ServiceResult r = service.result(horizon);
      serviceResults.add(r);
      serving += r.gpuHoursServing() * NANOS_PER_HOUR;
    }
    double idle =
        installed
            - productive
            - lostWork
            - throttling
            - checkpoint
            - restart
            - waiting
            - serving
            - down;
    GpuHours hours =
        new GpuHours(
            installed / NANOS_PER_HOUR,
            productive / NANOS_PER_HOUR,
            lostWork / NANOS_PER_HOUR,
            checkpoint / NANOS_PER_HOUR,
            restart / NANOS_PER_HOUR,
            waiting / NANOS_PER_HOUR,
            idle / NANOS_PER_HOUR,
            down / NANOS_PER_HOUR,
            compute / NANOS_PER_HOUR,
            communication / NANOS_PER_HOUR,
            throttling / NANOS_PER_HOUR,
            throttled / NANOS_PER_HOUR,
            serving / NANOS_PER_HOUR);
    PowerRecorder rec = ledger.recorder();
    PowerStats power =
        new PowerStats(
            rec.peakWatts(),
            rec.meanWatts(),
            rec.minWatts(),
            rec.maxRampWattsPerSecond(),
            rec.peakWatts() - rec.minWatts(),
            run.observation().rampWindow().toNanos() / 1e9);
    List<String> causeNames = new ArrayList<>();
    for (FailureCause c : causes) {
      causeNames.add(c.name());
    }
    return new RunResult(
        scenarioName,
        run.seed(),
        run.horizon(),
        run.pulseResolution(),
        installedGpus,
        ledger.gpuEnergyJoules(),
        ledger.itEnergyJoules(),
        ledger.facilityEnergyJoules(),
        tokens,
        hours,
        power,
        sim.eventsFired(),
        results,
        rec.series(),
        replication,
        causeNames,
        log.rows(),
        electrical.map(e -> e.result(ledger.stageLossJoules())),
        Optional.ofNullable(cooling).map(c -> c.result(horizon)),
        java.util.Arrays.stream(ledger.monthlyPue(horizon)).boxed().toList(),
        domains,
        serviceResults,
        loadShaping());
  }

  /** What failure domains did; empty when no cluster has them (nothing is contained in a unit). */
  private Optional<FailureDomainResult> failureDomainResult() {
    if (clusters.stream().noneMatch(Cluster::hasFailureDomains)) {
      return Optional.empty();
    }
    long failures = 0;
    long unused = 0;
    long takeOvers = 0;
    long shortSystems = 0;
    double unitDown = 0;
    double systemDown = 0;
    for (Cluster c : clusters) {
      Cluster.UnitFailures u = c.unitFailures();
      failures += u.failures();
      unused += u.unused();
      takeOvers += u.takeOvers();
      shortSystems += u.systemsShort();
      unitDown += c.unitDownGpuNanos(horizon);
      systemDown += c.systemDownGpuNanos(horizon);
    }
    return Optional.of(
        new FailureDomainResult(
            failures,
            unused,
            takeOvers,
            shortSystems,
            unitDown / NANOS_PER_HOUR,
            systemDown / NANOS_PER_HOUR));
  }

  /** What load shaping did, summed over the shaped jobs; empty if none is shaped. */
  private Optional<LoadShapingResult> loadShaping() {
    PowerLedger shadow = ledger.unshaped();
    if (shadow == null) {
      return Optional.empty();
    }
    boolean smoothing = false;
    boolean filler = false;
    boolean storage = false;
    double fillerJoules = 0;
    double floorJoules = 0;
    double rampJoules = 0;
    double lossJoules = 0;
    double changeJoules = 0;
    double limitedNanos = 0;
    double rackLoad = Double.NEGATIVE_INFINITY;
    double rackDraw = Double.NEGATIVE_INFINITY;
    for (TrainingJob job : jobs) {
      ShapingBooks b = job.shapingBooks();
      if (b == null) {
        continue;
      }
      smoothing |= b.smoothing();
      filler |= b.filler();
      storage |= b.storage();
      fillerJoules += b.fillerJoules();
      floorJoules += b.floorJoules();
      rampJoules += b.rampJoules();
      lossJoules += b.storageLossJoules();
      changeJoules += b.storageChangeJoules();
      limitedNanos += b.rampLimitedGpuNanos();
      rackLoad = Math.max(rackLoad, b.rackPeakLoadWatts());
      rackDraw = Math.max(rackDraw, b.rackPeakDrawWatts());
    }
    PowerRecorder r = shadow.recorder();
    return Optional.of(
        new LoadShapingResult(
            smoothing,
            filler,
            storage,
            fillerJoules,
            floorJoules,
            rampJoules,
            lossJoules,
            changeJoules,
            limitedNanos / NANOS_PER_HOUR,
            r.energyJoules(),
            r.peakWatts(),
            r.minWatts(),
            r.maxRampWattsPerSecond(),
            storage ? rackLoad : Double.NaN,
            storage ? rackDraw : Double.NaN));
  }

  private JobResult jobResult(TrainingJob job, JobAccount a) {
    TrainingJobSpec spec = job.spec();
    double tokensPerNano = (double) spec.tokensPerIteration() / job.periodNanos();
    Map<String, Long> interruptions = new LinkedHashMap<>();
    Map<String, Double> lostWork = new LinkedHashMap<>();
    Map<String, Double> restart = new LinkedHashMap<>();
    Map<String, Double> waiting = new LinkedHashMap<>();
    double parts = a.nanosIn(JobState.CHECKPOINT) * tokensPerNano;
    for (int i = 0; i < causes.length; i++) {
      String name = causes[i].name();
      interruptions.put(name, a.interruptions()[i]);
      lostWork.put(name, (a.lostNanos()[i] - a.lostThrottledNanos()[i]) * tokensPerNano);
      restart.put(name, a.restartNanos()[i] * tokensPerNano);
      waiting.put(name, a.waitingNanos()[i] * tokensPerNano);
      long nanos = a.lostNanos()[i] + a.restartNanos()[i] + a.waitingNanos()[i];
      parts +=
          a.lostThrottledNanos()[i] == 0
              ? nanos * tokensPerNano
              : (nanos - a.lostThrottledNanos()[i]) * tokensPerNano;
    }
    long produced = Math.multiplyExact(a.iterations(), spec.tokensPerIteration());
    // The job's active time, split exactly (in integer nanoseconds): completed iterations,
    // checkpoints, lost work, restarts, waiting, and what is left: the unfinished last iteration.
    long partialNanos =
        a.activeNanos()
            - a.iterations() * job.periodNanos()
            - a.nanosIn(JobState.CHECKPOINT)
            - a.lostNanosTotal()
            - a.restartNanosTotal()
            - a.waitingNanosTotal();
    // Iterating time a limit slowed made no progress; the lost part of it is not lost work.
    double throttled = a.throttledNanosTotal() - a.lostThrottledNanosTotal();
    double partial = throttled == 0 ? partialNanos : partialNanos - throttled;
    if (partial < -PARTIAL_TOLERANCE_NANOS
        || a.completionNanos() >= 0 && Math.abs(partial) > PARTIAL_TOLERANCE_NANOS) {
      throw new IllegalStateException(
          "job " + spec.name() + ": its time does not add up (" + partial + " ns left)");
    }
    double incomplete = Math.max(0, partial) * tokensPerNano;
    double throttlingCap = a.capThrottledNanos() * tokensPerNano;
    double throttlingThermal = a.thermalThrottledNanos() * tokensPerNano;
    if (throttlingCap + throttlingThermal != 0) {
      parts += throttlingCap + throttlingThermal;
    }
    // Failure-free, checkpoint-free and unthrottled, the job would have iterated all its time.
    double ideal = produced + parts + incomplete;
    LostProduction lost =
        new LostProduction(
            ideal,
            produced,
            a.nanosIn(JobState.CHECKPOINT) * tokensPerNano,
            lostWork,
            restart,
            waiting,
            incomplete,
            (double) spec.gpus() * job.periodNanos() / NANOS_PER_HOUR / spec.tokensPerIteration(),
            throttlingCap,
            throttlingThermal);
    return new JobResult(
        spec.name(),
        spec.cluster(),
        spec.gpus(),
        a.iterations(),
        produced,
        a.checkpoints(),
        a.gpuWattNanos() * 1e-9,
        a.ettr(),
        interruptions,
        a.completionNanos() >= 0 && spec.workIterations().isPresent()
            ? a.completionNanos() / NANOS_PER_HOUR
            : Double.NaN,
        a.checkpointIntervalSeconds(),
        a.meanTimeBetweenKillsSeconds() / 3600,
        lost,
        a.interruptionsTotal() > 0
            ? a.activeNanos() / NANOS_PER_HOUR / a.interruptionsTotal()
            : Double.NaN);
  }

  /**
   * The electrical chain of a factory run: the racks (systems) spread over the chain's paths in
   * contiguous blocks, the chain sized for their design IT load (GPUs at TDP plus other IT), and a
   * listener that takes a path's systems out when it loses power and back after the facility
   * recovery time once power returns.
   */
  private static final class Electrical {
    private final PowerSystemSpec spec;
    private final PowerChainSpec chainSpec;
    private final double[] pathItWatts;
    private final int[][] pathSystems; // per path: pairs (cluster index, system), flattened
    private final int causeIndex;
    private final long recoveryNanos;
    private PowerChain chain;

    Electrical(FactorySpec factory, PowerSystemSpec spec, int causeIndex) {
      this.spec = spec;
      this.causeIndex = causeIndex;
      this.recoveryNanos = spec.facilityRecovery().toNanos();
      int paths = spec.paths();
      int total = 0;
      for (ClusterSpec c : factory.clusters()) {
        total += c.systemCount();
      }
      this.pathItWatts = RackGroups.designItWatts(factory, paths);
      List<List<Integer>> members = new ArrayList<>();
      for (int p = 0; p < paths; p++) {
        members.add(new ArrayList<>());
      }
      int global = 0;
      for (int ci = 0; ci < factory.clusters().size(); ci++) {
        ClusterSpec c = factory.clusters().get(ci);
        for (int s = 0; s < c.systemCount(); s++, global++) {
          int p = RackGroups.of(global, total, paths);
          members.get(p).add(ci);
          members.get(p).add(s);
        }
      }
      this.pathSystems = new int[paths][];
      for (int p = 0; p < paths; p++) {
        pathSystems[p] = members.get(p).stream().mapToInt(Integer::intValue).toArray();
      }
      this.chainSpec = factory.chain();
    }

    ChainFacility facility(double pue) {
      return new ChainFacility(pue, ConversionLosses.of(chainSpec, pathItWatts));
    }

    void start(Simulation sim, RandomStreams streams, List<Cluster> clusters) {
      chain = new PowerChain(chainSpec, pathItWatts, sim, streams);
      long[] restoreHandles = new long[pathSystems.length];
      java.util.Arrays.fill(restoreHandles, -1);
      Event[] restore = new Event[pathSystems.length];
      for (int p = 0; p < pathSystems.length; p++) {
        int[] members = pathSystems[p];
        restore[p] =
            now -> {
              for (int i = 0; i < members.length; i += 2) {
                clusters.get(members[i]).powerUp(members[i + 1], now);
              }
            };
      }
      chain.addListener(
          new PowerPathListener() {
            @Override
            public void powerLost(int path, long now) {
              if (restoreHandles[path] != -1) {
                sim.cancel(restoreHandles[path]);
                restoreHandles[path] = -1;
              }
              int[] members = pathSystems[path];
              for (int i = 0; i < members.length; i += 2) {
                clusters.get(members[i]).powerDown(members[i + 1], causeIndex, now);
              }
            }

            @Override
            public void powerRestored(int path, long now) {
              restoreHandles[path] = sim.schedule(recoveryNanos, restore[path]);
            }
          });
      chain.start();
    }

    /** The generators also carry the cooling plant: its power is checked against their capacity. */
    void carry(CoolingPlant plant) {
      chain.setGeneratorAuxiliaryLoad(plant::coolingWatts);
      plant.setPowerListener(chain::generatorAuxiliaryLoadChanged);
    }

    ElectricalResult result(double[] stageLossJoules) {
      PowerChainResult r = chain.result();
      List<Double> losses = new ArrayList<>();
      for (double j : stageLossJoules) {
        losses.add(j);
      }
      int upsModules = chainSpec.ups().structure().totalUnits();
      int generators =
          chainSpec.generators().map(g -> g.units()).orElse(0) * chainSpec.generatorPlants();
      return new ElectricalResult(
          spec.ups().name(),
          spec.generators().map(g -> g.name()).orElse("none"),
          spec.paths(),
          spec.paths() * chainSpec.distribution().cordsPerPath(),
          upsModules,
          chainSpec.ups().installedWatts(),
          generators,
          generators * spec.generatorUnitWatts(),
          r.wholeLoadAvailability(),
          r.loadWeightedAvailability(),
          r.lossOfLoadEvents(),
          r.lossOfLoadNanos() / NANOS_PER_HOUR,
          r.utilityInterruptions(),
          r.generatorStarts(),
          r.generatorFailToStarts(),
          r.onBatteryNanos() / NANOS_PER_HOUR,
          r.upsModuleFailures(),
          r.pduFailures(),
          List.of("ups", "pdu", "distribution"),
          losses,
          r.paths().stream().map(PowerChainResult.PathResult::availability).toList(),
          r.componentFailures().stream()
              .map(c -> new ElectricalResult.ComponentFailures(c.component(), c.failures()))
              .toList(),
          r.maintenance()
              .map(
                  m ->
                      new ElectricalResult.Maintenance(
                          m.maintenanceNanos() / NANOS_PER_HOUR,
                          m.exposedNanos() / NANOS_PER_HOUR,
                          m.kinds().stream()
                              .map(k -> new ElectricalResult.Periods(k.component(), k.periods()))
                              .toList())));
    }
  }
}
