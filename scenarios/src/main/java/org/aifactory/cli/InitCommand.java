package org.aifactory.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.aifactory.scenario.ScenarioLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    header = "Copy a bundled scenario to a file to edit.",
    description = {
      "Writes the YAML of a bundled scenario (see 'list') to FILE, NAME.yaml by default,",
      "to edit and run with 'run FILE'. Never overwrites a file."
    })
final class InitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "A bundled scenario's name.")
  String name;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The file to write (default: NAME.yaml); it must not exist.")
  Path file;

  @Override
  public Integer call() {
    String text =
        ScenarioLibrary.text(name)
            .orElseThrow(() -> new UserException(ScenarioLibrary.notBundled(name)));
    Path target = file != null ? file : Path.of(name + ".yaml");
    try {
      // CREATE_NEW: the check that the file does not exist and its creation are one step.
      Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new UserException(
          target + " already exists; init never overwrites a file: give another FILE");
    } catch (NoSuchFileException e) {
      throw new UserException(
          "cannot write "
              + target
              + ": its folder "
              + target.toAbsolutePath().getParent()
              + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot write " + target + ": " + e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s (the bundled scenario %s); run it with: ./aifactory run %s%n",
            target, name, target);
    return Main.EXIT_OK;
  }
}
