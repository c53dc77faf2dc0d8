package org.aifactory.experiment;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;

/**
 * A factory and how to run it, whose replications an experiment runs.
 *
 * @param runName the name its runs carry (the scenario's)
 * @param factory what the factory is
 * @param run how one replication is run (its seed is the root seed of every replication)
 * @param metricsOf a run's metrics (its own, and its costs when the scenario has economics: {@link
 *     PricedMetrics})
 */
public record Configuration(
    String runName, FactorySpec factory, RunSpec run, Function<RunResult, List<Metric>> metricsOf) {
  public Configuration {
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(metricsOf, "metricsOf");
  }
}
