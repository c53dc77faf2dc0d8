package org.aifactory.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be loaded because of a user error (exit code 2). Carries every error
 * found, sorted by position; {@link #getMessage()} has one line per error.
 */
public final class ScenarioException extends Exception {
  private final List<ScenarioError> errors;

  public ScenarioException(List<ScenarioError> errors) {
    super(errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<ScenarioError> errors() {
    return errors;
  }
}
