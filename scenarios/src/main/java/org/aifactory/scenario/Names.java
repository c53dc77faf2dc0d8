package org.aifactory.scenario;

import java.util.regex.Pattern;

/**
 * Names of scenarios, clusters, workloads and catalog entries: letters, digits, '.', '_' and '-'.
 * Scenario names become output folder names, and the others appear in file names and in {@code
 * --set} paths such as {@code workloads[llama3-405b].gpus}.
 */
final class Names {
  private Names() {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  static final String EXPECTED = "a name of letters, digits, '.', '_' and '-'";

  /** Why {@code name} is not a valid name, or null if it is one. */
  static String problem(String name) {
    String length = lengthProblem(name);
    if (length != null) {
      return length;
    }
    if (!NAME.matcher(name).matches()) {
      return "expected " + EXPECTED + ", got '" + name + "'";
    }
    if (name.equals(".") || name.equals("..")) {
      return "'" + name + "' cannot be used as a name (it means a folder)";
    }
    return null;
  }

  /**
   * Why {@code name} is too long to be a name, or null. Names become folder and file names and
   * chart titles: a 300-character scenario name was an error of the operating system.
   */
  static String lengthProblem(String name) {
    if (name.length() <= InputLimits.MAX_NAME_CHARS) {
      return null;
    }
    return InputLimits.tooLong("a name", name, InputLimits.MAX_NAME_CHARS)
        + " (names become folder and file names and chart titles)";
  }
}
