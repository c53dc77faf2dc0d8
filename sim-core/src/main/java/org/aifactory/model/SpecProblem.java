package org.aifactory.model;

/**
 * One thing wrong with a specification.
 *
 * @param path field path in scenario-language names, e.g. {@code workloads[0].gpus}
 * @param message what is wrong and what is expected
 */
public record SpecProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
