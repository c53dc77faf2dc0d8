package org.aifactory.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.ObservationSpec;

/** Binds {@code recording:} to an {@link ObservationSpec}. */
final class RecordingBinder {
  static final List<String> KEYS = Language.RECORDING.keys();
  private static final int MAX_BUCKETS = 10_000_000;

  private final Diagnostics diagnostics;

  RecordingBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * @param horizon the run's horizon if it is valid, to check that the window starts within it
   */
  Optional<ObservationSpec> bind(Field field, Optional<Duration> horizon) {
    if (!field.isPresent()) {
      return Optional.of(ObservationSpec.defaults());
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader recording = reader.get().allowOnly(Language.RECORDING);
    Field bucketsField = recording.field("buckets");
    Optional<Integer> buckets =
        bucketsField.isPresent()
            ? bucketsField.intValue(1, MAX_BUCKETS)
            : Optional.of(ObservationSpec.DEFAULT_BUCKETS);
    Field startField = recording.field("window_start");
    Optional<Optional<Duration>> windowStart = optionalDuration(startField, Bound.NON_NEGATIVE);
    if (windowStart.isPresent() && windowStart.get().isPresent() && horizon.isPresent()) {
      if (windowStart.get().get().compareTo(horizon.get()) >= 0) {
        diagnostics.error(
            startField.location(),
            startField.path(),
            "the window must start before the end of the run (horizon)");
        windowStart = Optional.empty();
      }
    }
    Optional<Optional<Duration>> windowLength =
        optionalDuration(recording.field("window_length"), Bound.POSITIVE);
    Field rampField = recording.field("ramp_window");
    Optional<Duration> rampWindow =
        rampField.isPresent()
            ? rampField.duration(Bound.POSITIVE)
            : Optional.of(ObservationSpec.DEFAULT_RAMP_WINDOW);
    if (buckets.isEmpty()
        || windowStart.isEmpty()
        || windowLength.isEmpty()
        || rampWindow.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> start = windowStart.get();
    Optional<Duration> length = windowLength.get();
    return diagnostics.construct(
        recording.location(),
        recording.path(),
        () -> new ObservationSpec(buckets.get(), start, length, rampWindow.get()));
  }

  /** Empty if the value is wrong; an empty inner optional if the key is absent. */
  private static Optional<Optional<Duration>> optionalDuration(Field field, Bound bound) {
    return field.isPresent()
        ? field.duration(bound).map(Optional::of)
        : Optional.of(Optional.empty());
  }
}
