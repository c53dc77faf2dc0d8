package org.aifactory.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSource;
import org.aifactory.scenario.ScenarioVariant;

/**
 * A comparison as {@code compare} loads it (the scenarios' texts, the {@code --set} overrides, the
 * seed if one was given): small and serializable, so that another machine (a Spark executor) loads
 * the same variants.
 *
 * @param sources the scenarios as read, in command-line order
 * @param overrides {@code --set PATH=VALUE}, in order, applied to every scenario
 * @param seed {@code --seed}, or null for the first scenario's own
 */
public record ComparisonRecipe(List<ScenarioSource> sources, List<String> overrides, Long seed)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ComparisonRecipe {
    sources = List.copyOf(sources);
    overrides = List.copyOf(overrides);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs a scenario");
    }
  }

  /** The scenarios, with the overrides and the seed applied. */
  public List<Scenario> scenarios() throws ScenarioException {
    ScenarioLoader loader = new ScenarioLoader();
    List<Scenario> out = new ArrayList<>();
    for (ScenarioSource source : sources) {
      out.add(withSeed(loader.load(source, overrides)));
    }
    return out;
  }

  /** The comparison's name: the scenario's, or the first's with "-vs" when there are several. */
  public static String name(List<Scenario> scenarios) {
    return scenarios.size() == 1 ? scenarios.get(0).name() : scenarios.get(0).name() + "-vs";
  }

  /**
   * What is compared: the variants of one scenario (none if it lists none), or the scenarios
   * themselves.
   */
  public List<Comparison.Input> inputs(List<Scenario> scenarios) {
    List<Comparison.Input> inputs = new ArrayList<>();
    if (scenarios.size() == 1) {
      for (ScenarioVariant v : scenarios.get(0).variants()) {
        Scenario vs = withSeed(v.scenario());
        inputs.add(
            new Comparison.Input(
                v.name(), v.description(), vs.factory(), vs.run(), vs.costs(), vs.economics()));
      }
    } else {
      for (Scenario s : scenarios) {
        inputs.add(
            new Comparison.Input(
                s.name(), s.description(), s.factory(), s.run(), s.costs(), s.economics()));
      }
    }
    return inputs;
  }

  private Scenario withSeed(Scenario s) {
    return seed != null ? s.withRun(s.run().withSeed(seed)) : s;
  }
}
