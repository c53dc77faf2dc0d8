package org.aifactory.experiment;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSource;

/**
 * A scenario as {@code run} loads it (its text, its {@code --set} overrides, the seed): small and
 * serializable, so that another machine (a Spark executor) loads the same scenario.
 *
 * @param source the scenario as read
 * @param overrides {@code --set PATH=VALUE}, in order
 * @param seed the root seed of its replications
 */
public record ScenarioRecipe(ScenarioSource source, List<String> overrides, long seed)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ScenarioRecipe {
    Objects.requireNonNull(source, "source");
    overrides = List.copyOf(overrides);
  }

  /** The scenario, run with {@link #seed}. */
  public Scenario load() throws ScenarioException {
    Scenario s = new ScenarioLoader().load(source, overrides);
    return s.withRun(s.run().withSeed(seed));
  }

  /** The scenario's runs. */
  public Configuration configuration() throws ScenarioException {
    Scenario s = load();
    return new Configuration(s.name(), s.factory(), s.run(), PricedMetrics.of(s.economics()));
  }
}
