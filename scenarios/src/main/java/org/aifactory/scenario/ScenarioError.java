package org.aifactory.scenario;

/**
 * One thing wrong with a scenario, where it is, and what is expected.
 *
 * @param file the scenario file as given, {@code bundled:<name>}, or {@code --set} for an override
 * @param line 1-based line of the offending key or value; for {@code --set}, which override (1 =
 *     the first); 0 when the error concerns the whole file (e.g. it does not exist)
 * @param column 1-based column (within the override argument for {@code --set}); 0 with line 0
 * @param path field path in the scenario language, e.g. {@code workloads[0].checkpoint.interval};
 *     empty when the error is not about one field (e.g. a YAML syntax error)
 * @param message what is wrong and what is expected
 */
public record ScenarioError(String file, int line, int column, String path, String message) {

  /**
   * {@code <file>:<line>:<column>: <path>: <message>}; position and path are left out if unknown.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line).append(':').append(column);
    }
    s.append(": ");
    if (!path.isEmpty()) {
      s.append(path).append(": ");
    }
    return s.append(message).toString();
  }
}
