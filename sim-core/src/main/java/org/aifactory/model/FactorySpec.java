package org.aifactory.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aifactory.model.cooling.CoolingSizing;
import org.aifactory.model.cooling.WeatherSpec;
import org.aifactory.model.facility.FacilitySpec;
import org.aifactory.model.failure.FailureSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.HardwareCatalog;
import org.aifactory.model.hardware.SystemType;
import org.aifactory.model.inference.DemandSpec;
import org.aifactory.model.power.PowerChainSpec;
import org.aifactory.model.power.PowerSystemSpec;
import org.aifactory.model.site.PowerBudget;
import org.aifactory.model.site.SiteSpec;
import org.aifactory.model.workload.InferenceServiceSpec;
import org.aifactory.model.workload.TrainingJobSpec;
import org.aifactory.model.workload.WorkloadSpec;

/**
 * What the factory is: its hardware catalog, clusters, facility and workloads. Pure data; {@link
 * #problems()} lists what does not fit together (with scenario field paths).
 */
public record FactorySpec(
    HardwareCatalog catalog,
    FacilitySpec facility,
    List<ClusterSpec> clusters,
    List<WorkloadSpec> workloads,
    FailureSpec failures,
    Optional<PowerSystemSpec> power,
    Optional<SiteSpec> site) {

  /** A factory without a site section (no grid rules, battery or on-site generation). */
  public FactorySpec(
      HardwareCatalog catalog,
      FacilitySpec facility,
      List<ClusterSpec> clusters,
      List<WorkloadSpec> workloads,
      FailureSpec failures,
      Optional<PowerSystemSpec> power) {
    this(catalog, facility, clusters, workloads, failures, power, Optional.empty());
  }

  /** A factory without an electrical chain (facility power = PUE × IT). */
  public FactorySpec(
      HardwareCatalog catalog,
      FacilitySpec facility,
      List<ClusterSpec> clusters,
      List<WorkloadSpec> workloads,
      FailureSpec failures) {
    this(catalog, facility, clusters, workloads, failures, Optional.empty());
  }

  /** A factory without failures. */
  public FactorySpec(
      HardwareCatalog catalog,
      FacilitySpec facility,
      List<ClusterSpec> clusters,
      List<WorkloadSpec> workloads) {
    this(catalog, facility, clusters, workloads, FailureSpec.none());
  }

  public FactorySpec {
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(facility, "facility");
    clusters = List.copyOf(clusters);
    workloads = List.copyOf(workloads);
  }

  /** The training jobs among the workloads, in scenario order. */
  public List<TrainingJobSpec> trainingJobs() {
    List<TrainingJobSpec> jobs = new ArrayList<>();
    for (WorkloadSpec w : workloads) {
      if (w instanceof TrainingJobSpec job) {
        jobs.add(job);
      }
    }
    return jobs;
  }

  /** The inference services among the workloads, in scenario order. */
  public List<InferenceServiceSpec> inferenceServices() {
    List<InferenceServiceSpec> services = new ArrayList<>();
    for (WorkloadSpec w : workloads) {
      if (w instanceof InferenceServiceSpec service) {
        services.add(service);
      }
    }
    return services;
  }

  /** The same factory with other workloads. */
  public FactorySpec withWorkloads(List<WorkloadSpec> newWorkloads) {
    return new FactorySpec(catalog, facility, clusters, newWorkloads, failures, power, site);
  }

  /** The same factory with another electrical chain (or none). */
  public FactorySpec withPower(Optional<PowerSystemSpec> newPower) {
    return new FactorySpec(catalog, facility, clusters, workloads, failures, newPower, site);
  }

  /** The same factory with another site section (or none). */
  public FactorySpec withSite(Optional<SiteSpec> newSite) {
    return new FactorySpec(catalog, facility, clusters, workloads, failures, power, newSite);
  }

  /**
   * Cross-reference problems: unknown names, duplicates, jobs larger than their cluster, an
   * electrical chain that cannot be sized for the racks' design IT load, a cooling plant that does
   * not fit its clusters ({@link CoolingProblems}), and a site power budget that cannot be kept
   * ({@link PowerBudget}).
   */
  public List<SpecProblem> problems() {
    List<SpecProblem> problems = new ArrayList<>();
    for (var system : catalog.systems().values()) {
      if (catalog.gpu(system.gpuType()).isEmpty()) {
        problems.add(
            new SpecProblem(
                "catalog.systems." + system.name() + ".gpu",
                "unknown GPU type '" + system.gpuType() + "'; known: " + catalog.gpus().keySet()));
      }
    }
    if (clusters.isEmpty()) {
      problems.add(new SpecProblem("clusters", "at least one cluster is required"));
    }
    Map<String, Integer> gpusByCluster = new HashMap<>();
    Set<String> clusterNames = new HashSet<>();
    for (int i = 0; i < clusters.size(); i++) {
      ClusterSpec c = clusters.get(i);
      if (!clusterNames.add(c.name())) {
        problems.add(
            new SpecProblem(
                "clusters[" + i + "].name", "duplicate cluster name '" + c.name() + "'"));
      }
      Optional<SystemType> system = catalog.system(c.systemType());
      if (system.isEmpty()) {
        problems.add(
            new SpecProblem(
                "clusters[" + i + "].system",
                "unknown system type '"
                    + c.systemType()
                    + "'; known: "
                    + catalog.systems().keySet()));
      } else {
        long gpus = (long) system.get().gpusPerSystem() * c.systemCount();
        if (gpus > Integer.MAX_VALUE) {
          problems.add(new SpecProblem("clusters[" + i + "].count", "too many GPUs: " + gpus));
        } else {
          gpusByCluster.put(c.name(), (int) gpus);
        }
      }
    }
    Set<String> jobNames = new HashSet<>();
    Map<String, Long> usedByCluster = new HashMap<>();
    Map<String, Long> systemsUsedByCluster = new HashMap<>();
    Map<String, Integer> systemsByCluster = new HashMap<>();
    Map<String, Integer> perSystemByCluster = new HashMap<>();
    for (ClusterSpec c : clusters) {
      catalog
          .system(c.systemType())
          .ifPresent(
              s -> {
                systemsByCluster.put(c.name(), c.systemCount());
                perSystemByCluster.put(c.name(), s.gpusPerSystem());
              });
    }
    for (int i = 0; i < workloads.size(); i++) {
      WorkloadSpec job = workloads.get(i);
      String at = "workloads[" + i + "]";
      if (!jobNames.add(job.name())) {
        problems.add(new SpecProblem(at + ".name", "duplicate workload name '" + job.name() + "'"));
      }
      if (!clusterNames.contains(job.cluster())) {
        problems.add(
            new SpecProblem(
                at + ".cluster",
                "unknown cluster '" + job.cluster() + "'; clusters: " + clusterNames()));
        continue;
      }
      Integer capacity = gpusByCluster.get(job.cluster());
      if (capacity == null) {
        continue;
      }
      int perSystem = perSystemByCluster.get(job.cluster());
      if (job instanceof InferenceServiceSpec service && !service.fitsSystemsOf(perSystem)) {
        problems.add(
            new SpecProblem(
                at + ".gpus_per_replica",
                "a replica of "
                    + service.gpusPerReplica()
                    + " GPUs fits neither inside nor across whole systems of "
                    + perSystem
                    + " GPUs (cluster '"
                    + job.cluster()
                    + "'): use a divisor or a multiple of "
                    + perSystem));
        continue;
      }
      int share = job.shareOf(perSystem);
      if (share > perSystem) {
        problems.add(
            new SpecProblem(
                at + ".gpus_per_system",
                "the job uses "
                    + share
                    + " GPUs per system but the systems of cluster '"
                    + job.cluster()
                    + "' ("
                    + clusterSystemType(job.cluster())
                    + ") have "
                    + perSystem));
        continue;
      }
      if (job instanceof TrainingJobSpec training
          && training.gpusPerSystem().isPresent()
          && share > job.gpus()) {
        problems.add(
            new SpecProblem(
                at + ".gpus_per_system",
                "the job uses "
                    + share
                    + " GPUs per system but has only "
                    + job.gpus()
                    + " GPUs: gpus_per_system must be at most gpus"));
        continue;
      }
      long used = usedByCluster.merge(job.cluster(), (long) job.gpus(), Long::sum);
      long systemsUsed =
          systemsUsedByCluster.merge(job.cluster(), (long) job.systemsOn(perSystem), Long::sum);
      if (job.gpus() > capacity) {
        problems.add(
            new SpecProblem(
                at + ".gpus",
                "job needs "
                    + job.gpus()
                    + " GPUs but cluster '"
                    + job.cluster()
                    + "' has "
                    + capacity));
      } else if (used <= capacity && systemsUsed > systemsByCluster.get(job.cluster())) {
        problems.add(
            new SpecProblem(
                at + ".gpus",
                "jobs on cluster '"
                    + job.cluster()
                    + "' need "
                    + systemsUsed
                    + " whole systems of "
                    + perSystem
                    + " GPUs together but it has "
                    + systemsByCluster.get(job.cluster())
                    + (share < perSystem
                        ? " (a job takes whole systems; this one uses " + share + " GPUs of each)"
                        : " (a job takes whole systems)")));
      } else if (used > capacity) {
        problems.add(
            new SpecProblem(
                at + ".gpus",
                "jobs on cluster '"
                    + job.cluster()
                    + "' need "
                    + used
                    + " GPUs together but it has "
                    + capacity));
      }
    }
    boolean racksKnown =
        clusters.stream()
            .allMatch(
                c ->
                    catalog
                        .system(c.systemType())
                        .flatMap(t -> catalog.gpu(t.gpuType()))
                        .isPresent());
    List<SpecProblem> cooling = CoolingProblems.of(this, racksKnown);
    problems.addAll(cooling);
    if (racksKnown && power.isPresent() && cooling.isEmpty()) {
      // Sized here too, not only when a run builds it: validate must find what the run would.
      PowerSystemSpec chain = power.get();
      problems.addAll(
          chain.sizingProblems(
              RackGroups.designItWatts(this, chain.paths()), generatorAuxiliaryWatts()));
    }
    if (racksKnown && site.isPresent() && site.get().budgetWatts().isPresent()) {
      PowerBudget.of(this, site.get().budgetWatts().get())
          .problem()
          .ifPresent(p -> problems.add(new SpecProblem("site.budget", p)));
    }
    return problems;
  }

  /**
   * What the generators carry besides the electrical chain at most, for sizing them: the cooling
   * plant's peak draw ({@link CoolingSizing#peakPowerWatts}); 0 with a fixed PUE (the generators'
   * capacity is then net of the cooling). Needs a cooling plant that can be sized.
   */
  public double generatorAuxiliaryWatts() {
    return facility.cooling().isPresent() ? CoolingSizing.peakPowerWatts(this) : 0;
  }

  /**
   * The electrical chain sized for the racks' design IT load, its generators for the cooling plant
   * too. Needs a valid factory with a chain.
   */
  public PowerChainSpec chain() {
    PowerSystemSpec chain = power.orElseThrow();
    return chain.chain(RackGroups.designItWatts(this, chain.paths()), generatorAuxiliaryWatts());
  }

  /**
   * Problems of this factory run for {@code horizon}: every step of a power cap schedule and a heat
   * wave must come before it (a change that never applies is a mistake, not a plan), and the tokens
   * must fit their count ({@link #countProblems}).
   */
  public List<SpecProblem> problems(Duration horizon) {
    List<SpecProblem> problems = new ArrayList<>(PowerCapProblems.of(this, horizon));
    if (facility.cooling().isPresent()
        && facility.cooling().get().weather() instanceof WeatherSpec.HeatWave wave
        && Duration.ofHours(wave.startHour()).compareTo(horizon) >= 0) {
      problems.add(
          new SpecProblem(
              "facility.cooling.weather.heat_wave.start",
              "a heat wave from hour "
                  + wave.startHour()
                  + " would never come: it is not before the horizon ("
                  + horizon.toHours()
                  + " h)"));
    }
    problems.addAll(countProblems(horizon));
    problems.addAll(demandProblems(horizon));
    return problems;
  }

  /**
   * A service's demand must stay countable over the horizon: its busiest hour (the daily profile's
   * peak, grown to the end of the run) at most {@link DemandSpec#MAX_REQUESTS_PER_SECOND}.
   */
  private List<SpecProblem> demandProblems(Duration horizon) {
    List<SpecProblem> problems = new ArrayList<>();
    double seconds = horizon.toNanos() / 1e9;
    for (int i = 0; i < workloads.size(); i++) {
      if (workloads.get(i) instanceof InferenceServiceSpec service) {
        double peak = service.demand().peakRate(seconds);
        if (!(peak <= DemandSpec.MAX_REQUESTS_PER_SECOND)) {
          problems.add(
              new SpecProblem(
                  "workloads[" + i + "].demand",
                  String.format(
                      java.util.Locale.ROOT,
                      "the busiest hour asks for %s requests per second (the rate × the daily"
                          + " profile's peak, grown to the end of the run); a service takes at"
                          + " most %,d per second",
                      Double.isFinite(peak)
                          ? String.format(java.util.Locale.ROOT, "%.3g", peak)
                          : "more than 1e308",
                      (long) DemandSpec.MAX_REQUESTS_PER_SECOND)));
        }
      }
    }
    return problems;
  }

  /**
   * What a run of {@code horizon} cannot count: the tokens the jobs can train must fit the 64-bit
   * count of the results (at most one iteration per period of the horizon, plus one). A run checks
   * this; the rest of {@link #problems(Duration)} is the scenario's business.
   */
  public List<SpecProblem> countProblems(Duration horizon) {
    List<SpecProblem> problems = new ArrayList<>();
    long horizonNanos = horizon.toNanos();
    long total = 0;
    for (int i = 0; i < workloads.size(); i++) {
      if (!(workloads.get(i) instanceof TrainingJobSpec job)) {
        continue;
      }
      long iterations = horizonNanos / job.iteration().period().toNanos() + 1;
      long most;
      try {
        most = Math.multiplyExact(iterations, job.tokensPerIteration());
        total = Math.addExact(total, most);
      } catch (ArithmeticException overflow) {
        problems.add(
            new SpecProblem(
                "workloads[" + i + "].tokens_per_iteration",
                String.format(
                    "%,d tokens per iteration over up to %,d iterations in the horizon could"
                        + " exceed %,d tokens, the most the results count (64 bits)",
                    job.tokensPerIteration(), iterations, Long.MAX_VALUE)));
        return problems;
      }
    }
    return problems;
  }

  private String clusterSystemType(String cluster) {
    return clusters.stream()
        .filter(c -> c.name().equals(cluster))
        .map(ClusterSpec::systemType)
        .findFirst()
        .orElse("");
  }

  private List<String> clusterNames() {
    return clusters.stream().map(ClusterSpec::name).toList();
  }
}
