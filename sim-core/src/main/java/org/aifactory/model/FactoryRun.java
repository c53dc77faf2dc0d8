package org.aifactory.model;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.engine.Simulation;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.PowerLedger;
import org.aifactory.metrics.PowerRecorder;
import org.aifactory.metrics.PowerStats;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.OtherItPower;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.workload.TrainingJob;
import org.aifactory.model.workload.TrainingJobSpec;

/**
 * One run of a factory: builds the simulation from the specs, runs it to the horizon (in one go or
 * in steps, for progress reports) and gathers the {@link RunResult}. Each run owns its simulation,
 * so runs on different threads never share state.
 */
public final class FactoryRun {
  private static final long SECOND = 1_000_000_000L;

  private final String scenarioName;
  private final RunSpec run;
  private final long horizon;
  private final Simulation sim;
  private final PowerLedger ledger;
  private final List<TrainingJob> jobs = new ArrayList<>();
  private final int installedGpus;
  private boolean finished;

  public FactoryRun(String scenarioName, FactorySpec factory, RunSpec run) {
    List<SpecProblem> problems = factory.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid factory: " + problems);
    }
    this.scenarioName = scenarioName;
    this.run = run;
    this.horizon = run.horizon().toNanos();
    this.sim = new Simulation(64 + 4 * factory.workloads().size());

    // Base load: every GPU idle, plus fixed other-IT power. Jobs then change it by deltas.
    double gpuWatts = 0;
    double itWatts = 0;
    int gpus = 0;
    for (ClusterSpec c : factory.clusters()) {
      SystemType system = factory.catalog().system(c.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      int clusterGpus = c.systemCount() * system.gpusPerSystem();
      gpus += clusterGpus;
      double clusterGpuWatts = clusterGpus * gpu.idleWatts();
      gpuWatts += clusterGpuWatts;
      itWatts += clusterGpuWatts * itPerGpuWatt(system);
      if (system.otherItPower() instanceof OtherItPower.Fixed fixed) {
        itWatts += c.systemCount() * fixed.wattsPerSystem();
      }
    }
    this.installedGpus = gpus;

    this.ledger = buildLedger(factory, run);
    for (TrainingJobSpec spec : factory.workloads()) {
      ClusterSpec cluster =
          factory.clusters().stream()
              .filter(c -> c.name().equals(spec.cluster()))
              .findFirst()
              .orElseThrow();
      SystemType system = factory.catalog().system(cluster.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      TrainingJob job =
          new TrainingJob(spec, gpu, itPerGpuWatt(system), sim, ledger, run.pulseResolution());
      // A job's GPUs are idle before it starts: the base load above already counts them.
      jobs.add(job);
    }
    ledger.change(0, gpuWatts, itWatts);
    for (TrainingJob job : jobs) {
      job.schedule();
    }
  }

  private PowerLedger buildLedger(FactorySpec factory, RunSpec run) {
    long[] w = defaultWindow(factory, run);
    ObservationSpec obs = run.observation();
    long start = obs.windowStart().map(d -> d.toNanos()).orElse(w[0]);
    long length = obs.windowLength().map(d -> d.toNanos()).orElse(w[1] - w[0]);
    PowerRecorder recorder =
        new PowerRecorder(
            horizon, obs.buckets(), obs.rampWindow().toNanos(), start, start + length, 0);
    return new PowerLedger(factory.facility().model(), recorder);
  }

  /**
   * Default full-resolution window: around the first job's first checkpoint (so the chart shows
   * pulses and a checkpoint drop), else the first iterations of the first job.
   */
  private long[] defaultWindow(FactorySpec factory, RunSpec run) {
    for (TrainingJobSpec spec : factory.workloads()) {
      long period = spec.iteration().period().toNanos();
      long margin = Math.max(30 * SECOND, 10 * period);
      if (spec.checkpoint().isPresent()) {
        long periodsToCheckpoint =
            Math.max(1, -Math.floorDiv(-spec.checkpoint().get().interval().toNanos(), period));
        long cp = spec.start().toNanos() + periodsToCheckpoint * period;
        long end = cp + spec.checkpoint().get().duration().toNanos() + margin;
        return new long[] {Math.max(0, cp - margin), end};
      }
      long start = spec.start().toNanos();
      return new long[] {start, start + 2 * margin};
    }
    return new long[] {0, Math.min(horizon, 60 * SECOND)};
  }

  private static double itPerGpuWatt(SystemType system) {
    return system.otherItPower() instanceof OtherItPower.FactorOfGpu f ? 1 + f.factor() : 1;
  }

  public long horizonNanos() {
    return horizon;
  }

  public long nowNanos() {
    return sim.nowNanos();
  }

  /** Advances the run to {@code timeNanos} (clipped to the horizon). */
  public void advanceTo(long timeNanos) {
    sim.runUntil(Math.min(timeNanos, horizon));
  }

  /** Runs to the horizon and returns the result. */
  public RunResult complete() {
    advanceTo(horizon);
    if (!finished) {
      ledger.finish(horizon);
      for (TrainingJob job : jobs) {
        job.finish(horizon);
      }
      finished = true;
    }
    return result();
  }

  public long eventsFired() {
    return sim.eventsFired();
  }

  private RunResult result() {
    double installed = (double) installedGpus * horizon;
    double compute = 0;
    double communication = 0;
    double checkpoint = 0;
    long tokens = 0;
    List<JobResult> results = new ArrayList<>();
    for (TrainingJob job : jobs) {
      compute += job.computeGpuNanos();
      communication += job.communicationGpuNanos();
      checkpoint += job.checkpointGpuNanos();
      JobResult r = job.result();
      tokens += r.tokens();
      results.add(r);
    }
    double idle = installed - compute - communication - checkpoint;
    double nanosPerHour = 3.6e12;
    GpuHours hours =
        new GpuHours(
            installed / nanosPerHour,
            compute / nanosPerHour,
            communication / nanosPerHour,
            checkpoint / nanosPerHour,
            idle / nanosPerHour);
    PowerRecorder rec = ledger.recorder();
    PowerStats power =
        new PowerStats(
            rec.peakWatts(),
            rec.meanWatts(),
            rec.minWatts(),
            rec.maxRampWattsPerSecond(),
            rec.peakWatts() - rec.minWatts(),
            run.observation().rampWindow().toNanos() / 1e9);
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
        rec.series());
  }
}
