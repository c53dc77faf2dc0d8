package org.aifactory.distributed;

import java.io.Serializable;
import java.util.List;
import org.aifactory.experiment.Comparison;
import org.aifactory.experiment.ComparisonRecipe;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;

/**
 * A comparison as an executor sees it: its recipe travels (the scenarios' texts and the options),
 * and each executor loads the variants once, when its first task needs them.
 */
final class ExecutorComparison implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ComparisonRecipe recipe;
  private transient String name;
  private transient List<Comparison.Variant> variants;

  ExecutorComparison(ComparisonRecipe recipe) {
    this.recipe = recipe;
  }

  /** The comparison's name, which its runs carry (their random streams depend on it). */
  synchronized String name() {
    load();
    return name;
  }

  /** The variants as their replications run, in input order. */
  synchronized List<Comparison.Variant> variants() {
    load();
    return variants;
  }

  private void load() {
    if (variants != null) {
      return;
    }
    try {
      List<Scenario> scenarios = recipe.scenarios();
      name = ComparisonRecipe.name(scenarios);
      variants = Comparison.variants(recipe.inputs(scenarios));
    } catch (ScenarioException e) {
      throw new IllegalStateException(
          "an executor could not read the scenarios the driver read (are their files, e.g. hourly"
              + " weather, at the same path on every executor?): "
              + e.getMessage(),
          e);
    }
  }
}
