package org.aifactory.experiment;

import java.util.Objects;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;

/**
 * A factory and how to run it, whose replications an experiment runs.
 *
 * @param runName the name its runs carry (the scenario's)
 * @param factory what the factory is
 * @param run how one replication is run (its seed is the root seed of every replication)
 */
public record Configuration(String runName, FactorySpec factory, RunSpec run) {
  public Configuration {
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(run, "run");
  }
}
