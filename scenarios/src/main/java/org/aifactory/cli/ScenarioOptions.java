package org.aifactory.cli;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario argument and the options that change it, shared by run and validate. */
final class ScenarioOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      defaultValue = "default",
      description =
          "A scenario file (.yaml) or a bundled scenario name (see 'list'). Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "Override any scenario key, e.g. --set facility.pue=1.3 or"
              + " --set workloads[0].checkpoint.interval=\"30 min\". Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Root random seed (overrides the scenario's).")
  Long seed;

  Scenario load() throws ScenarioException {
    return load(new ScenarioLoader().read(scenario));
  }

  /** The scenario read from {@code source}, with the overrides and the seed applied. */
  Scenario load(ScenarioSource source) throws ScenarioException {
    Scenario s = new ScenarioLoader().load(source, overrides);
    if (seed != null) {
      s = s.withRun(s.run().withSeed(seed));
    }
    return s;
  }
}
