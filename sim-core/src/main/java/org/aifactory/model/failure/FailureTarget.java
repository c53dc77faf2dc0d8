package org.aifactory.model.failure;

/** What a failure process strikes: unit {@code unit} of {@code units} identical units. */
@FunctionalInterface
public interface FailureTarget {
  void strike(int unit, long now);
}
