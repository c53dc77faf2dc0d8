package org.aifactory.cli;

import java.util.concurrent.Callable;
import org.aifactory.model.WorkEstimate;
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
    WorkEstimate work = WorkEstimate.of(s.factory(), s.run());
    WorkEstimate.Part most = work.largestByEvents();
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "  one run: about %.2g events (about %s at %.0f M events/s), most from %s (%s);"
                + " memory about %s%n",
            work.events(),
            WorkGuard.duration(work.events() / WorkGuard.EVENTS_PER_SECOND),
            WorkGuard.EVENTS_PER_SECOND / 1e6,
            most.key(),
            most.what(),
            WorkGuard.bytes(work.memoryBytes()));
    return Main.EXIT_OK;
  }
}
