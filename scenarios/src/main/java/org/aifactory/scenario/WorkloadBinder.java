package org.aifactory.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aifactory.model.workload.CheckpointSpec;
import org.aifactory.model.workload.IterationProfile;
import org.aifactory.model.workload.TrainingJobSpec;

/** Binds {@code workloads:}, a list of jobs; {@code type} says which kind (only training yet). */
final class WorkloadBinder {
  private static final Map<String, String> TYPES = Map.of("training", "training");
  static final List<String> TRAINING_KEYS =
      List.of(
          "name",
          "type",
          "cluster",
          "gpus",
          "start",
          "iteration",
          "tokens_per_iteration",
          "checkpoint");
  static final List<String> ITERATION_KEYS =
      List.of("period", "compute_fraction", "compute_power", "communication_power");
  static final List<String> CHECKPOINT_KEYS = List.of("interval", "duration", "power");

  private final Diagnostics diagnostics;

  WorkloadBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  List<TrainingJobSpec> bind(Field field) {
    List<TrainingJobSpec> jobs = new ArrayList<>();
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

  private Optional<TrainingJobSpec> bindWorkload(MapReader job) {
    Optional<String> type =
        job.field("type")
            .required("the workload type: " + String.join(", ", TYPES.keySet()))
            .choice(TYPES);
    if (type.isEmpty()) {
      return Optional.empty(); // the keys allowed depend on the type
    }
    job.allowOnly(TRAINING_KEYS);
    Optional<String> name = job.field("name").required(Names.EXPECTED).name();
    Optional<String> cluster =
        job.field("cluster").required("the name of a cluster").reference("the name of a cluster");
    Optional<Integer> gpus =
        job.field("gpus")
            .required("the GPUs the job uses, a whole number >= 1")
            .intValue(1, Integer.MAX_VALUE);
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
    if (name.isEmpty()
        || cluster.isEmpty()
        || gpus.isEmpty()
        || start.isEmpty()
        || iteration.isEmpty()
        || tokens.isEmpty()
        || checkpoint.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
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
                checkpoint.get()));
  }

  private Optional<IterationProfile> iteration(Field field) {
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", ITERATION_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader iteration = reader.get().allowOnly(ITERATION_KEYS);
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
    MapReader checkpoint = reader.get().allowOnly(CHECKPOINT_KEYS);
    Optional<Duration> interval =
        checkpoint
            .field("interval")
            .required("training time between checkpoints, e.g. 1 h")
            .duration(Bound.POSITIVE);
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
    if (interval.isEmpty() || duration.isEmpty() || power.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        checkpoint.location(),
        checkpoint.path(),
        () -> new CheckpointSpec(interval.get(), duration.get(), power.get()));
  }
}
