package org.aifactory.experiment;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSource;
import org.aifactory.scenario.ScenarioSweep;

/**
 * A sweep as the command line gives it: the scenario's text, its {@code --set} overrides, its
 * {@code --vary} options and the seed. Small and serializable, so that another machine (a Spark
 * executor) parses the same sweep, and a shard's partial result names what it is part of.
 *
 * @param source the scenario as read
 * @param overrides {@code --set PATH=VALUE}, in order
 * @param varies {@code --vary PATH=V1,V2,...}, in order
 * @param seed the root seed of every point
 */
public record SweepSpec(
    ScenarioSource source, List<String> overrides, List<String> varies, long seed)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public SweepSpec {
    Objects.requireNonNull(source, "source");
    overrides = List.copyOf(overrides);
    varies = List.copyOf(varies);
  }

  /** The sweep's points, every one run with {@link #seed}. */
  public ScenarioSweep parse() throws ScenarioException {
    return new ScenarioLoader().sweep(source, overrides, varies).withSeed(seed);
  }
}
