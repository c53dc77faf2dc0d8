package org.aifactory.cli;

import java.util.concurrent.Callable;
import org.aifactory.scenario.BundledScenario;
import org.aifactory.scenario.ScenarioLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List the bundled scenarios.",
    description = "Lists the bundled scenarios with their descriptions (run one with 'run NAME').")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var all = ScenarioLibrary.list();
    int width = all.stream().mapToInt(b -> b.name().length()).max().orElse(0);
    for (BundledScenario b : all) {
      spec.commandLine()
          .getOut()
          .printf(java.util.Locale.ROOT, "%-" + width + "s  %s%n", b.name(), b.description());
    }
    return Main.EXIT_OK;
  }
}
