package org.aifactory.cli;

import java.util.concurrent.Callable;
import org.aifactory.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Check a scenario without running it.",
    description = "Reports every problem of a scenario with its file:line:column, or OK.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScenarioOptions scenarioOptions;

  @Override
  public Integer call() throws Exception {
    Scenario s = scenarioOptions.load();
    int gpus = 0;
    for (var c : s.factory().clusters()) {
      gpus +=
          c.systemCount()
              * s.factory().catalog().system(c.systemType()).orElseThrow().gpusPerSystem();
    }
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "%s: OK (%s) - %,d GPUs in %d cluster(s), %d workload(s), horizon %s, %s pulses%n",
            s.source(),
            s.name(),
            gpus,
            s.factory().clusters().size(),
            s.factory().workloads().size(),
            Durations.human(s.run().horizon()),
            s.run().pulseResolution().name().toLowerCase(java.util.Locale.ROOT));
    return Main.EXIT_OK;
  }
}
