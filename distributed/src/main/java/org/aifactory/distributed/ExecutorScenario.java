package org.aifactory.distributed;

import java.io.Serializable;
import org.aifactory.experiment.Configuration;
import org.aifactory.experiment.ScenarioRecipe;
import org.aifactory.scenario.ScenarioException;

/**
 * A scenario as an executor sees it: its recipe travels, and each executor loads it once, when its
 * first task needs it (see {@link ExecutorSweep}).
 */
final class ExecutorScenario implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ScenarioRecipe recipe;
  private transient Configuration configuration;

  ExecutorScenario(ScenarioRecipe recipe) {
    this.recipe = recipe;
  }

  synchronized Configuration configuration() {
    if (configuration == null) {
      try {
        configuration = recipe.configuration();
      } catch (ScenarioException e) {
        throw new IllegalStateException(
            "an executor could not read the scenario the driver read (are its files, e.g. hourly"
                + " weather, at the same path on every executor?): "
                + e.getMessage(),
            e);
      }
    }
    return configuration;
  }
}
