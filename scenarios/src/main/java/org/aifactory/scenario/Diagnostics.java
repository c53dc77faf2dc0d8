package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Collects the errors found while reading one scenario, so that all of them can be reported. */
final class Diagnostics {

  private final List<ScenarioError> errors = new ArrayList<>();

  /** Files a scenario reads besides itself (hourly weather): their errors follow its own. */
  private final Set<String> dataFiles = new HashSet<>();

  /**
   * Errors in the scenario's file first, then those in the data files it reads (by file), then
   * those in overrides, then those in swept parameters; each by line, then column.
   */
  private final Comparator<ScenarioError> order =
      Comparator.comparingInt(this::rank)
          .thenComparing(e -> dataFiles.contains(e.file()) ? e.file() : "")
          .thenComparingInt(ScenarioError::line)
          .thenComparingInt(ScenarioError::column);

  private int rank(ScenarioError e) {
    if (e.file().equals(Location.OVERRIDE_FILE)) {
      return 2;
    }
    if (e.file().equals(Location.VARY_FILE)) {
      return 3;
    }
    return dataFiles.contains(e.file()) ? 1 : 0;
  }

  /**
   * Where values are written that the YAML reader has rejected as unusable (an alias, a tagged or
   * over-long value): whatever the binders would say about their meaning would only repeat that
   * error, so it is not reported.
   */
  private final Set<Location> unusable = new HashSet<>();

  void error(Location at, String path, String message) {
    if (!unusable.contains(at)) {
      errors.add(new ScenarioError(at.file(), at.line(), at.column(), path, message));
    }
  }

  /** Reports that the value at {@code at} cannot be used; later errors there are dropped. */
  void unusable(Location at, String path, String message) {
    error(at, path, message);
    unusable.add(at);
  }

  /** Says that errors located in {@code file} are in a data file the scenario reads. */
  void dataFile(String file) {
    dataFiles.add(file);
  }

  /** The data files named by {@link #dataFile}. */
  Set<String> dataFiles() {
    return Set.copyOf(dataFiles);
  }

  /** Adds an error found elsewhere (e.g. while binding a variant). */
  void add(ScenarioError error) {
    errors.add(error);
  }

  /** The errors reported so far, in the order reported. */
  List<ScenarioError> errors() {
    return List.copyOf(errors);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  int count() {
    return errors.size();
  }

  /**
   * Builds a model record, reporting an {@link IllegalArgumentException} from its constructor at
   * {@code at}. A backstop: the binders check values first so that their messages are better.
   */
  <T> Optional<T> construct(Location at, String path, Supplier<T> constructor) {
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException e) {
      error(at, path, e.getMessage());
      return Optional.empty();
    }
  }

  void throwIfAny() throws ScenarioException {
    if (hasErrors()) {
      throw new ScenarioException(errors.stream().distinct().sorted(order).toList());
    }
  }
}
