package org.aifactory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aifactory.experiment.SingleRun;
import org.aifactory.report.OutputDirectory;
import org.aifactory.report.RunReports;
import org.aifactory.report.RunTimings;
import org.aifactory.report.TerminalSummary;
import org.aifactory.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario and write its reports (summary.json, summary.csv, timeseries.csv,",
      "window.csv, power.png, run.json) to an output directory, atomically."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenarioOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output directory. Default: out/<scenario name>.")
  String out;

  @Option(names = "--no-progress", description = "Never show a progress bar.")
  boolean noProgress;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only where the reports are, not the summary table.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Scenario scenario = scenarioOptions.load();
    Path target = outputDirectory(scenario);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    SingleRun.Outcome outcome;
    try (ConsoleProgress progress =
        new ConsoleProgress(
            "simulating " + scenario.name(), "h", 3_600_000_000_000L, err, !noProgress)) {
      outcome = SingleRun.run(scenario, progress);
    }
    RunTimings timings =
        new RunTimings(
            outcome.timings().simulationWallSeconds(),
            (System.nanoTime() - t0) / 1e9,
            outcome.result().eventsProcessed());
    try {
      OutputDirectory.writeAtomically(
          target, dir -> RunReports.writeAll(outcome.result(), timings, dir));
    } catch (IOException e) {
      throw new UserException("cannot write reports to " + target + ": " + e.getMessage());
    }
    if (!quiet) {
      out.print(TerminalSummary.render(outcome.result(), timings));
    }
    out.println("Reports written to " + target + "/");
    return Main.EXIT_OK;
  }

  private Path outputDirectory(Scenario scenario) {
    Path target;
    try {
      target = out != null ? Path.of(out) : Path.of("out", scenario.name());
    } catch (InvalidPathException e) {
      throw new UserException("--out: not a valid path: " + out);
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UserException("--out: " + target + " exists and is not a directory");
    }
    return target;
  }
}
