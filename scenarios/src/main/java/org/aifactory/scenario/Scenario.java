package org.aifactory.scenario;

import java.util.Objects;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;

/**
 * A loaded, valid scenario.
 *
 * @param name the scenario's name ({@code [A-Za-z0-9._-]+}; used as an output folder name)
 * @param description its description, empty if it has none
 * @param source the file path as given, or {@code bundled:<name>}
 * @param factory what the factory is
 * @param run how it is run
 */
public record Scenario(
    String name, String description, String source, FactorySpec factory, RunSpec run) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(run, "run");
  }
}
