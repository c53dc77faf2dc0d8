package org.aifactory.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.grid.BandCheck;
import org.aifactory.model.cooling.CoolingSizing;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.failure.FailureCause;
import org.aifactory.model.failure.FailureScope;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.inference.ServiceResolution;
import org.aifactory.model.power.ChainComponents;
import org.aifactory.model.power.MaintainedComponent;
import org.aifactory.model.power.PlannedMaintenance;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.power.UnitReliability;
import org.aifactory.model.power.UpsSpec;
import org.aifactory.model.power.UtilitySpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.site.GridRule;
import org.aifactory.model.site.SiteSpec;
import org.aifactory.model.workload.CheckpointPlan;
import org.aifactory.model.workload.InferenceServiceSpec;
import org.aifactory.model.workload.TrainingJobSpec;

/**
 * What one run of a factory will cost before it starts: the events the engine will fire and the
 * memory the run holds, by the scenario key that drives each part, so that a flood of events (a
 * failure rate scaled by 1e12, a 1 ns iteration) is announced or refused with its cause instead of
 * running for years. Expected values from the specs alone (rates × horizon); they are estimates,
 * right to within a small factor, which is all a warning needs.
 *
 * @param parts what costs what, the largest event count first
 */
public record WorkEstimate(List<Part> parts) {

  /**
   * One source of work.
   *
   * @param key the scenario key that drives it, e.g. {@code failures.causes.faulty_gpu}
   * @param what what it is, for a message, e.g. {@code 1.3e14 failures of 16,384 GPUs}
   * @param events events it fires in one run
   * @param memoryBytes memory it holds during one run
   */
  public record Part(String key, String what, double events, double memoryBytes) {}

  // Events per occurrence: a failure fires itself and a repair, and interrupts a job (swap,
  // restart); a utility interruption starts and ends, calls the generators and the UPS.
  private static final double EVENTS_PER_HARDWARE_FAILURE = 4;
  private static final double EVENTS_PER_JOB_FAILURE = 3;
  private static final double EVENTS_PER_UTILITY_INTERRUPTION = 8;
  private static final double EVENTS_PER_UNIT_FAILURE = 2;

  // Memory held, measured on the structures' layouts (arrays, event objects, heap entries).
  private static final double BYTES_PER_SYSTEM = 64;
  private static final double BYTES_PER_RENEWING_UNIT = 112;
  private static final double BYTES_PER_CHAIN_UNIT = 256;
  private static final double BYTES_PER_BUCKET = 24;
  private static final double BYTES_PER_WINDOW_STEP = 16;
  private static final double BYTES_PER_REQUEST = 48;
  private static final double BYTES_PER_RUN = 2e6;

  private static final double SECONDS_PER_YEAR = 365 * 24 * 3600.0;

  /*
   * A band check's work per analysed window of N bins, as events: N·log2(N) / 100. Measured: a
   * 0.1-20 Hz band analysing every 64-s window of 2 days (2,700 FFTs of 8,192 bins, 2.9e8 of
   * N·log2 N) added 0.23 s to a run at load 5, 1.25e9 a second, about 300 per event at the guard's
   * 4e6 events/s; 100 errs long like the guard's rate. Memory: about 56 bytes per bin (the bins,
   * the spectrum, the Hann window and twiddles, the worst spectrum kept).
   */
  private static final double BAND_UNITS_PER_EVENT = 100;

  private static final double BYTES_PER_BAND_BIN = 56;

  public WorkEstimate {
    parts = parts.stream().sorted(Comparator.comparingDouble(Part::events).reversed()).toList();
  }

  /** The estimate of one run of {@code factory} as {@code run} says. */
  public static WorkEstimate of(FactorySpec factory, RunSpec run) {
    List<Part> parts = new ArrayList<>();
    double horizon = run.horizon().toNanos() / 1e9;
    parts.add(new Part("", "set-up", 0, BYTES_PER_RUN));
    long systems = 0;
    long gpus = 0;
    for (int i = 0; i < factory.clusters().size(); i++) {
      ClusterSpec c = factory.clusters().get(i);
      int perSystem =
          factory.catalog().system(c.systemType()).map(SystemType::gpusPerSystem).orElse(1);
      systems += c.systemCount();
      gpus += (long) perSystem * c.systemCount();
      parts.add(
          new Part(
              "clusters[" + i + "].count",
              String.format("%,d systems", c.systemCount()),
              0,
              c.systemCount() * BYTES_PER_SYSTEM));
    }
    jobs(factory, run, horizon, parts);
    failures(factory, horizon, systems, gpus, parts);
    factory.power().ifPresent(p -> power(factory, p, horizon, parts));
    factory.facility().cooling().ifPresent(c -> cooling(factory, c, horizon, parts));
    recording(factory, run, parts);
    factory.site().ifPresent(site -> bands(site, horizon, parts));
    return new WorkEstimate(parts);
  }

  private static void jobs(FactorySpec factory, RunSpec run, double horizon, List<Part> parts) {
    for (int i = 0; i < factory.workloads().size(); i++) {
      if (factory.workloads().get(i) instanceof InferenceServiceSpec service) {
        service(service, i, horizon, parts);
        continue;
      }
      TrainingJobSpec job = (TrainingJobSpec) factory.workloads().get(i);
      double active = Math.max(0, horizon - job.start().toNanos() / 1e9);
      double period = job.iteration().period().toNanos() / 1e9;
      CheckpointPlan plan = plan(factory, job);
      double cycle =
          plan.iterationsPerCheckpoint() > 0
              ? plan.iterationsPerCheckpoint() * period + plan.checkpointSeconds()
              : Double.POSITIVE_INFINITY;
      double checkpoints = active / cycle;
      if (run.pulseResolution() == PulseResolution.FULL) {
        parts.add(
            new Part(
                "workloads[" + i + "].iteration.period",
                String.format("%.3g iterations of %s", active / period, job.name()),
                2 * active / period + checkpoints,
                0));
        double kinks = kinksPerIteration(factory, job);
        if (kinks > 0) {
          parts.add(
              new Part(
                  "workloads[" + i + "].power_smoothing",
                  String.format(
                      "%.3g kinks of %s's shaped power (ramps, holds, stores emptying and"
                          + " filling)",
                      kinks * active / period, job.name()),
                  kinks * active / period,
                  0));
        }
      } else {
        parts.add(
            new Part(
                "workloads[" + i + "].checkpoint.interval",
                String.format("%.3g checkpoints of %s", checkpoints, job.name()),
                2 * checkpoints + 2,
                0));
      }
    }
  }

  /**
   * At most how many kinks of a shaped load an iteration adds at full resolution: the end of a ramp
   * up, of a hold and of a ramp down under GPU smoothing; with rack storage, the load crossing the
   * target on each ramp, and the store emptying and filling.
   */
  private static double kinksPerIteration(FactorySpec factory, TrainingJobSpec job) {
    Optional<ClusterSpec> cluster =
        factory.clusters().stream().filter(c -> c.name().equals(job.cluster())).findFirst();
    boolean smoothed =
        job.powerSmoothing()
            .or(() -> cluster.flatMap(ClusterSpec::powerSmoothing))
            .map(PowerSmoothingSpec::shapes)
            .orElse(false);
    boolean stored = cluster.flatMap(ClusterSpec::rackStorage).isPresent();
    return (smoothed ? 3 : 0) + (stored ? 4 : 0);
  }

  /**
   * A service at request resolution fires an arrival and a completion (or a drop) per request, and
   * an event per hour of demand; a fluid service a few events per hour. Its memory is bounded: the
   * latency histograms and a queue of at most its slots' and its longest wait's requests.
   */
  private static void service(
      InferenceServiceSpec service, int index, double horizon, List<Part> parts) {
    double active = Math.max(0, horizon - service.start().toNanos() / 1e9);
    double hours = Math.ceil(active / 3600);
    if (service.resolution() == ServiceResolution.REQUESTS) {
      double requests =
          service.demand().meanRate(service.start().toNanos() / 1e9, horizon) * active;
      double queue =
          service.slots()
              + service.demand().peakRate(horizon) * service.maxQueueing().toNanos() / 1e9;
      parts.add(
          new Part(
              "workloads[" + index + "].demand.rate",
              String.format("%.3g requests of %s", requests, service.name()),
              2 * requests + hours,
              Math.min(queue, requests) * BYTES_PER_REQUEST));
    } else {
      parts.add(
          new Part(
              "workloads[" + index + "].resolution",
              String.format("%.3g hours of fluid demand of %s", hours, service.name()),
              4 * hours + 2,
              0));
    }
  }

  private static CheckpointPlan plan(FactorySpec factory, TrainingJobSpec job) {
    int perSystem =
        factory.clusters().stream()
            .filter(c -> c.name().equals(job.cluster()))
            .findFirst()
            .flatMap(c -> factory.catalog().system(c.systemType()))
            .map(SystemType::gpusPerSystem)
            .orElse(1);
    return CheckpointPlan.of(job, perSystem, factory.failures().profile().causes());
  }

  private static void failures(
      FactorySpec factory, double horizon, long systems, long gpus, List<Part> parts) {
    long jobGpus = 0;
    for (TrainingJobSpec job : factory.trainingJobs()) {
      jobGpus += job.gpus();
    }
    int jobs = factory.trainingJobs().size();
    for (FailureCause cause : factory.failures().profile().causes()) {
      long units =
          switch (cause.scope()) {
            case GPU -> gpus;
            case SYSTEM -> systems;
            case NETWORK -> jobGpus;
            case JOB -> jobs;
          };
      double failures = units * horizon / cause.timeToFailure().meanSeconds();
      boolean hardware = cause.scope() == FailureScope.GPU || cause.scope() == FailureScope.SYSTEM;
      boolean renewing = !(cause.timeToFailure() instanceof TimeDistribution.Exponential);
      String unitNoun =
          switch (cause.scope()) {
            case GPU -> "GPUs";
            case SYSTEM -> "systems";
            case NETWORK -> "GPUs of jobs";
            case JOB -> "jobs";
          };
      parts.add(
          new Part(
              "failures.causes." + cause.name(),
              String.format(
                  "%.3g failures of %,d %s; its rate includes failures.scale",
                  failures, units, unitNoun),
              failures * (hardware ? EVENTS_PER_HARDWARE_FAILURE : EVENTS_PER_JOB_FAILURE),
              renewing ? units * BYTES_PER_RENEWING_UNIT : 0));
    }
  }

  private static void power(
      FactorySpec factory, PowerSystemSpec p, double horizon, List<Part> parts) {
    double years = horizon / SECONDS_PER_YEAR;
    PowerChainSpec chain = factory.chain();
    UpsSpec ups = chain.ups();
    double modules = ups.structure().totalUnits();
    parts.add(
        new Part(
            "power.ups",
            String.format("%,.0f UPS modules", modules),
            modules * horizon / ups.moduleTimeToFailure().meanSeconds() * EVENTS_PER_UNIT_FAILURE,
            modules * BYTES_PER_CHAIN_UNIT));
    int systems = ups.structure().systems();
    ups.batteryStrings()
        .ifPresent(
            b -> components(parts, "power.ups.battery_mtbf", "battery strings", systems, b, years));
    UtilitySpec u = p.utility();
    // Arrivals on all feeds: each feed's own at (1 − β) of the rate, and the common ones.
    double beta = u.feeds() > 1 ? u.commonOutageFraction() : 0;
    double streams = u.feeds() * (1 - beta) + beta;
    u.sustainedOutages()
        .ifPresent(
            o ->
                parts.add(
                    new Part(
                        "power.utility.outages_per_year",
                        String.format("%.3g utility outages", o.perYear() * years * streams),
                        o.perYear() * years * streams * EVENTS_PER_UTILITY_INTERRUPTION,
                        0)));
    u.momentaryEvents()
        .ifPresent(
            o ->
                parts.add(
                    new Part(
                        "power.utility.momentary_per_year",
                        String.format(
                            "%.3g momentary utility events", o.perYear() * years * streams),
                        o.perYear() * years * streams * EVENTS_PER_UTILITY_INTERRUPTION,
                        0)));
    chain
        .generators()
        .ifPresent(
            g -> {
              // Every demand starts each unit once; units stop when it ends.
              double units = (double) g.units() * chain.generatorPlants();
              double demands =
                  u.sustainedOutages().map(o -> o.perYear() * years * streams).orElse(0.0)
                      + u.momentaryEvents().map(o -> o.perYear() * years * streams).orElse(0.0);
              parts.add(
                  new Part(
                      "power.generators",
                      String.format("%,.0f generators", units),
                      demands * units,
                      units * BYTES_PER_CHAIN_UNIT));
            });
    // PDUs: one or two per rack group; their failures are rare (0.58 % per year each).
    double pdus = (double) p.paths() * (p.dualCorded() ? 2 : 1);
    parts.add(
        new Part(
            "power.rack_groups",
            String.format("%,.0f PDUs", pdus),
            pdus
                * horizon
                / chain.distribution().pduTimeToFailure().meanSeconds()
                * EVENTS_PER_UNIT_FAILURE,
            pdus * BYTES_PER_CHAIN_UNIT));
    ChainComponents c = chain.components();
    int feeds = u.feeds();
    c.transformers()
        .ifPresent(
            r -> components(parts, "power.transformers", "MV transformers", feeds, r, years));
    c.switchgear()
        .ifPresent(
            r -> components(parts, "power.switchgear", "switchgear line-ups", feeds, r, years));
    int sides = chain.sources().sides();
    c.transferSwitches()
        .ifPresent(r -> components(parts, "power.ats", "transfer switches", sides, r, years));
    int sts = chain.staticTransferSwitches(p.paths());
    c.staticTransferSwitches()
        .filter(r -> sts > 0)
        .ifPresent(r -> components(parts, "power.sts", "static transfer switches", sts, r, years));
    PlannedMaintenance maintenance = chain.maintenance();
    if (!maintenance.isEmpty()) {
      int[] units = chain.maintainedUnits(p.paths());
      double periods = 0;
      for (MaintainedComponent kind : MaintainedComponent.values()) {
        int n = units[kind.ordinal()];
        periods +=
            maintenance
                .plan(kind)
                .map(m -> n * Math.ceil(horizon / (m.interval().toNanos() / 1e9)))
                .orElse(0.0);
      }
      parts.add(
          new Part(
              "power.maintenance",
              String.format("%,.0f unit maintenances", periods),
              periods * EVENTS_PER_UNIT_FAILURE,
              0));
    }
  }

  /** A component of {@code count} units failing as {@code r} says over {@code years}. */
  private static void components(
      List<Part> parts, String key, String noun, int count, UnitReliability r, double years) {
    double failures = count * r.failuresPerYear() * years;
    parts.add(
        new Part(
            key,
            String.format("%,d %s, %.3g failures", count, noun, failures),
            failures * EVENTS_PER_UNIT_FAILURE,
            count * BYTES_PER_CHAIN_UNIT));
  }

  private static void cooling(
      FactorySpec factory, CoolingSpec plant, double horizon, List<Part> parts) {
    int loops = 0;
    for (CoolingSizing.Loop which : CoolingSizing.Loop.values()) {
      Optional<CoolingSizing.SizedLoop> loop = CoolingSizing.size(factory, which);
      if (loop.isEmpty()) {
        continue;
      }
      loops++;
      for (CoolingSizing.SizedStage stage : loop.get().stages()) {
        double failures = stage.installed() * horizon / stage.spec().timeToFailure().meanSeconds();
        parts.add(
            new Part(
                "facility.cooling."
                    + which.key()
                    + "."
                    + CoolingSizing.stageKey(stage.spec().kind()),
                String.format("%,d units, %.3g failures", stage.installed(), failures),
                failures * EVENTS_PER_UNIT_FAILURE,
                stage.installed() * BYTES_PER_CHAIN_UNIT));
      }
    }
    if (!plant.weather().constant()) {
      // Each hour the weather changes: one event, and an update and a crossing check per loop.
      double hours = horizon / 3600;
      parts.add(
          new Part(
              "facility.cooling.weather",
              String.format("%.3g hours of weather", hours),
              hours * (1 + 2.0 * loops),
              0));
    }
  }

  private static void recording(FactorySpec factory, RunSpec run, List<Part> parts) {
    ObservationSpec obs = run.observation();
    parts.add(
        new Part(
            "recording.buckets",
            String.format("%,d power buckets", obs.buckets()),
            0,
            obs.buckets() * BYTES_PER_BUCKET));
    if (run.pulseResolution() != PulseResolution.FULL || factory.workloads().isEmpty()) {
      return;
    }
    double window = obs.windowLength().map(d -> d.toNanos() / 1e9).orElse(0.0);
    double steps = 0;
    for (TrainingJobSpec job : factory.trainingJobs()) {
      steps += 2 * window / (job.iteration().period().toNanos() / 1e9);
    }
    parts.add(
        new Part(
            "recording.window_length",
            String.format("%.3g power steps in the full-resolution window", steps),
            0,
            steps * BYTES_PER_WINDOW_STEP));
  }

  /**
   * The site's band checks: one FFT of N bins per analysed window. The keys count the rules as the
   * scenario lists them under {@code site.rules} (the interconnect, first in the spec, is a key of
   * its own).
   */
  private static void bands(SiteSpec site, double horizon, List<Part> parts) {
    int listed = site.interconnectWatts().isPresent() ? -1 : 0;
    for (int i = 0; i < site.rules().size(); i++) {
      if (site.rules().get(i) instanceof GridRule.Oscillation o) {
        int n = BandCheck.samples(o.highHz(), o.windowNanos());
        double windows = Math.floor(horizon * 1e9 / o.everyNanos());
        double units = windows * n * (Math.log(n) / Math.log(2));
        parts.add(
            new Part(
                "site.rules[" + (i + listed) + "].every",
                String.format("%.3g FFTs of %,d bins for %s", windows, n, o.name()),
                units / BAND_UNITS_PER_EVENT,
                n * BYTES_PER_BAND_BIN));
      }
    }
  }

  /** Events of one run. */
  public double events() {
    double sum = 0;
    for (Part p : parts) {
      sum += p.events();
    }
    return sum;
  }

  /** Memory held by one run, in bytes. */
  public double memoryBytes() {
    double sum = 0;
    for (Part p : parts) {
      sum += p.memoryBytes();
    }
    return sum;
  }

  /** The part that fires the most events. */
  public Part largestByEvents() {
    return parts.get(0);
  }

  /** The part that holds the most memory. */
  public Part largestByMemory() {
    return parts.stream().max(Comparator.comparingDouble(Part::memoryBytes)).orElseThrow();
  }
}
