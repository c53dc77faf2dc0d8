package org.aifactory.scenario;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One variant of a scenario (an element of its {@code variants}): the scenario with the variant's
 * overrides applied, exactly as {@code --set path=value} would apply them.
 *
 * @param name the variant's name, unique in its scenario: letters, digits and {@code . _ - + / (
 *     )}, so that a redundancy design's name such as {@code N+1}, {@code 2(N+1)} or {@code 4N/3} is
 *     one
 * @param description its description, empty if it has none
 * @param scenario the scenario with the variant's overrides: it keeps the scenario's name,
 *     description and source, and has no variants of its own
 */
public record ScenarioVariant(String name, String description, Scenario scenario) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+()/-]+");

  /** What a variant name is, for messages. */
  static final String NAME_EXPECTED =
      "a variant name of letters, digits, '.', '_', '-', '+', '/', '(' and ')', e.g. N+1 or 4N/3";

  public ScenarioVariant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(scenario, "scenario");
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (!scenario.variants().isEmpty()) {
      throw new IllegalArgumentException(
          "variant '" + name + "': a variant's scenario cannot have variants of its own");
    }
  }

  /** Why {@code name} is not a valid variant name, or null if it is one. */
  static String problem(String name) {
    String length = Names.lengthProblem(name);
    if (length != null) {
      return length;
    }
    if (!NAME.matcher(name).matches()) {
      return "expected " + NAME_EXPECTED + ", got '" + name + "'";
    }
    return null;
  }
}
