package org.aifactory.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.workload.CheckpointPolicy;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;
import org.aifactory.model.workload.WorkloadSpec;

/**
 * Binds {@code workloads:}, a list of workloads; {@code type} says which kind: {@code training} (a
 * job) or {@code inference} (a service, {@link InferenceBinder}).
 */
final class WorkloadBinder {
  static final List<String> TRAINING_KEYS = Language.TRAINING.keys();
  static final List<String> ITERATION_KEYS = Language.ITERATION.keys();
  static final List<String> CHECKPOINT_KEYS = Language.CHECKPOINT.keys();
  static final List<String> WORK_KEYS = Language.WORK.keys();
  static final Map<String, CheckpointPolicy> POLICIES =
      Field.ordered(
          Language.CHECKPOINT_POLICIES, p -> CheckpointPolicy.valueOf(p.toUpperCase(Locale.ROOT)));

  /*
   * The interval of a young or daly checkpoint policy when none is written. It is used only if
   * nothing can kill the job (then there is no optimum to compute): OpenDC's default interval,
   * 1 h (docs/sources.md §3).
   */
  static final Duration DEFAULT_OPTIMAL_POLICY_INTERVAL = Duration.ofHours(1);

  private final Diagnostics diagnostics;
  private final InferenceBinder inference;

  /**
   * @param gpuTypeOfCluster the GPU type of a cluster by name (empty if unknown), for the defaults
   *     of inference services
   */
  WorkloadBinder(Diagnostics diagnostics, Function<String, Optional<String>> gpuTypeOfCluster) {
    this.diagnostics = diagnostics;
    this.inference = new InferenceBinder(diagnostics, gpuTypeOfCluster);
  }

  List<WorkloadSpec> bind(Field field) {
    List<WorkloadSpec> jobs = new ArrayList<>();
    Optional<YamlList> list = field.list("a list of workloads");
    if (list.isEmpty()) {
      return jobs;
    }
    for (int i = 0; i < list.get().size(); i++) {
      String path = FieldPath.index(field.path(), i);
      MapReader.of(
              list.get().get(i), path, "a workload: a map with keys type, name, ...", diagnostics)
          .flatMap(this::bindWorkload)
          .ifPresent(jobs::add);
    }
    return jobs;
  }

  private Optional<WorkloadSpec> bindWorkload(MapReader job) {
    Optional<Section> type =
        job.field("type")
            .required("the workload type: " + String.join(", ", Language.WORKLOAD_TYPES))
            .choice(Language.WORKLOADS_BY_TYPE);
    if (type.isEmpty()) {
      // The keys allowed depend on the type; without one, a key that no type allows is still
      // wrong (and a misspelt 'type' is found: 'tye' gave only "missing required key 'type'").
      job.allowOnly(Language.WORKLOADS_BY_TYPE.values().toArray(Section[]::new));
      return Optional.empty();
    }
    job.allowOnly(type.get());
    if (type.get() == Language.INFERENCE) {
      return inference.bind(job).map(WorkloadSpec.class::cast);
    }
    Optional<String> name = job.field("name").required(Names.EXPECTED).name();
    Optional<String> cluster =
        job.field("cluster").required("the name of a cluster").reference("the name of a cluster");
    Optional<Integer> gpus =
        job.field("gpus")
            .required("the GPUs the job uses, a whole number >= 1")
            .intValue(1, Integer.MAX_VALUE);
    Field shareField = job.field("gpus_per_system");
    Optional<OptionalInt> share =
        shareField.isPresent()
            ? shareField.intValue(1, Integer.MAX_VALUE).map(OptionalInt::of)
            : Optional.of(OptionalInt.empty());
    Field startField = job.field("start");
    Optional<Duration> start =
        startField.isPresent()
            ? startField.duration(Bound.NON_NEGATIVE)
            : Optional.of(Duration.ZERO);
    Optional<IterationProfile> iteration =
        iteration(
            job.field("iteration")
                .required("a map with keys " + String.join(", ", ITERATION_KEYS)));
    Optional<Long> tokens =
        job.field("tokens_per_iteration")
            .required("tokens consumed by one iteration, a whole number >= 0")
            .integer(0, Long.MAX_VALUE);
    Field checkpointField = job.field("checkpoint");
    Optional<Optional<CheckpointSpec>> checkpoint =
        checkpointField.isPresent()
            ? checkpoint(checkpointField).map(Optional::of)
            : Optional.of(Optional.empty());
    Field restartField = job.field("restart");
    Optional<Duration> restart =
        restartField.isPresent()
            ? restartField.duration(Bound.NON_NEGATIVE)
            : Optional.of(TrainingJobSpec.DEFAULT_RESTART);
    Field workField = job.field("work");
    Optional<OptionalLong> work =
        workField.isPresent() ? work(workField, tokens) : Optional.of(OptionalLong.empty());
    Optional<Optional<PowerCapSchedule>> powerCap =
        new PowerCapReader(diagnostics).read(job.field("power_cap"));
    LoadShapingReader shaping = new LoadShapingReader(diagnostics);
    Optional<Optional<PowerSmoothingSpec>> smoothing =
        shaping.smoothing(job.field("power_smoothing"));
    Optional<Optional<FillerSpec>> filler = shaping.filler(job.field("filler"));
    if (powerCap.isEmpty()
        || smoothing.isEmpty()
        || filler.isEmpty()
        || name.isEmpty()
        || cluster.isEmpty()
        || gpus.isEmpty()
        || share.isEmpty()
        || start.isEmpty()
        || iteration.isEmpty()
        || tokens.isEmpty()
        || checkpoint.isEmpty()
        || restart.isEmpty()
        || work.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.<WorkloadSpec>construct(
        job.location(),
        job.path(),
        () ->
            new TrainingJobSpec(
                name.get(),
                cluster.get(),
                gpus.get(),
                start.get(),
                iteration.get(),
                tokens.get(),
                checkpoint.get(),
                restart.get(),
                work.get(),
                powerCap.get(),
                share.get(),
                smoothing.get(),
                filler.get()));
  }

  /**
   * {@code work: {iterations: N}} or {@code {tokens: T}} (T / tokens_per_iteration, rounded up), as
   * a number of iterations.
   *
   * @param tokensPerIteration the job's tokens_per_iteration; empty if it is missing or wrong
   */
  private Optional<OptionalLong> work(Field field, Optional<Long> tokensPerIteration) {
    Optional<MapReader> reader =
        field.map("a map with either iterations or tokens, e.g. { tokens: 15_000_000_000_000 }");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader work = reader.get().allowOnly(Language.WORK);
    Field iterationsField = work.field("iterations");
    Field tokensField = work.field("tokens");
    if (iterationsField.isPresent() && tokensField.isPresent()) {
      Field second = Collections.max(List.of(iterationsField, tokensField), Field.WRITTEN_ORDER);
      diagnostics.error(
          second.keyLocation(), second.path(), "give either iterations or tokens, not both");
      return Optional.empty();
    }
    if (iterationsField.isPresent()) {
      return iterationsField.integer(1, Long.MAX_VALUE).map(OptionalLong::of);
    }
    if (!tokensField.isPresent()) {
      diagnostics.error(
          work.location(),
          work.path(),
          "expected the work to complete: iterations (a whole number >= 1) or tokens (a whole"
              + " number >= 1, e.g. 15_000_000_000_000)");
      return Optional.empty();
    }
    Optional<Long> tokens = tokensField.integer(1, Long.MAX_VALUE);
    if (tokens.isEmpty() || tokensPerIteration.isEmpty()) {
      return Optional.empty();
    }
    long perIteration = tokensPerIteration.get();
    if (perIteration == 0) {
      diagnostics.error(
          tokensField.location(),
          tokensField.path(),
          "cannot turn tokens into iterations: tokens_per_iteration is 0; give work.iterations"
              + " instead");
      return Optional.empty();
    }
    long t = tokens.get();
    return Optional.of(OptionalLong.of(t / perIteration + (t % perIteration == 0 ? 0 : 1)));
  }

  private Optional<IterationProfile> iteration(Field field) {
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", ITERATION_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader iteration = reader.get().allowOnly(Language.ITERATION);
    Optional<Duration> period =
        iteration
            .field("period")
            .required("the wall time of one iteration, e.g. 5.5 s")
            .duration(Bound.POSITIVE);
    Field computeFractionField =
        iteration
            .field("compute_fraction")
            .required("the share of the period spent computing, e.g. 0.7");
    Optional<Double> computeFraction = computeFractionField.fraction();
    if (computeFraction.isPresent() && computeFraction.get() == 0) {
      diagnostics.error(
          computeFractionField.location(),
          computeFractionField.path(),
          "expected a fraction > 0 and <= 1: an iteration needs a compute phase");
      computeFraction = Optional.empty();
    }
    Optional<Double> computePower =
        iteration
            .field("compute_power")
            .required("GPU power while computing, as a fraction of TDP, e.g. 1.0")
            .fraction();
    Optional<Double> communicationPower =
        iteration
            .field("communication_power")
            .required("GPU power while communicating, as a fraction of TDP, e.g. 0.3")
            .fraction();
    if (period.isEmpty()
        || computeFraction.isEmpty()
        || computePower.isEmpty()
        || communicationPower.isEmpty()) {
      return Optional.empty();
    }
    double compute = computeFraction.get();
    return diagnostics.construct(
        iteration.location(),
        iteration.path(),
        () ->
            new IterationProfile(
                period.get(), compute, computePower.get(), communicationPower.get()));
  }

  private Optional<CheckpointSpec> checkpoint(Field field) {
    Optional<MapReader> reader =
        field.map("a map with keys " + String.join(", ", CHECKPOINT_KEYS) + ", or nothing");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader checkpoint = reader.get().allowOnly(Language.CHECKPOINT);
    Field policyField = checkpoint.field("policy");
    Optional<CheckpointPolicy> policy =
        policyField.isPresent()
            ? policyField.choice(POLICIES)
            : Optional.of(CheckpointPolicy.FIXED);
    Field intervalField = checkpoint.field("interval");
    Optional<Duration> interval;
    if (intervalField.isPresent()) {
      interval = intervalField.duration(Bound.POSITIVE);
    } else if (policy.isEmpty()) {
      interval = Optional.empty(); // the policy is wrong (reported): is an interval needed?
    } else if (policy.get() == CheckpointPolicy.FIXED) {
      intervalField.required(
          "training time between checkpoints, e.g. 1 h; it may be left out only with policy"
              + " young or daly");
      interval = Optional.empty();
    } else {
      interval = Optional.of(DEFAULT_OPTIMAL_POLICY_INTERVAL);
    }
    Optional<Duration> duration =
        checkpoint
            .field("duration")
            .required("how long one checkpoint blocks the job, e.g. 5 min")
            .duration(Bound.NON_NEGATIVE);
    Optional<Double> power =
        checkpoint
            .field("power")
            .required("GPU power while checkpointing, as a fraction of TDP, e.g. 0.15")
            .fraction();
    if (policy.isEmpty() || interval.isEmpty() || duration.isEmpty() || power.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        checkpoint.location(),
        checkpoint.path(),
        () -> new CheckpointSpec(interval.get(), duration.get(), power.get(), policy.get()));
  }
}
