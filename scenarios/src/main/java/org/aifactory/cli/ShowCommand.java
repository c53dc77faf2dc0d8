package org.aifactory.cli;

import java.util.concurrent.Callable;
import org.aifactory.scenario.ScenarioLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    header = "Print a bundled scenario.",
    description = "Prints the YAML of a bundled scenario (see 'list'); 'init' copies it to a file.")
final class ShowCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "A bundled scenario's name.")
  String name;

  @Override
  public Integer call() {
    String text =
        ScenarioLibrary.text(name)
            .orElseThrow(() -> new UserException(ScenarioLibrary.notBundled(name)));
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
