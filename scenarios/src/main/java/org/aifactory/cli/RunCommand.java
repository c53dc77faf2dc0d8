package org.aifactory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aifactory.experiment.Configuration;
import org.aifactory.experiment.PricedMetrics;
import org.aifactory.experiment.Replications;
import org.aifactory.experiment.ScenarioRecipe;
import org.aifactory.experiment.SingleRun;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.report.ChartWarmUp;
import org.aifactory.report.CostText;
import org.aifactory.report.OutputDirectory;
import org.aifactory.report.ReplicationReports;
import org.aifactory.report.ReplicationSummary;
import org.aifactory.report.RunReports;
import org.aifactory.report.RunTimings;
import org.aifactory.report.TerminalSummary;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Run a scenario and write its reports.",
    description = {
      "Runs a scenario and writes its reports to an output directory, atomically:"
          + " index.html (a page with all of them), summary.json, summary.csv, timeseries.csv, window.csv, events.csv, power.png,"
          + " lost_production.png and run.json; with an economics section, cost.png. With --replications R > 1 it also writes"
          + " replications.csv, and the summaries give every metric as mean, sd, 95 %%"
          + " confidence half-width and n."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenarioOptions;

  @Mixin OutputOptions output;

  @Mixin WorkGuard work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ParentCommand Main main;

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      description = "Independent replications (default: the scenario's 'replications', else 1).")
  Integer replications;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description =
          "Threads for replications (default: the machine's processors). Results do not depend on it.")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    // Charts come last; their machinery gets ready meanwhile, on the other core.
    ChartWarmUp warmUp = ChartWarmUp.start();
    ScenarioSource source = new ScenarioLoader().read(scenarioOptions.scenario);
    Scenario scenario = scenarioOptions.load(source);
    int reps = replications != null ? replications : scenario.replications();
    if (reps < 1) {
      throw new UserException("--replications must be at least 1");
    }
    int workers = Threads.resolve(threads);
    Path target = output.directory(scenario.name());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (main.backend().local() || reps == 1) {
      // Elsewhere (a Spark cluster) neither this machine's cores nor its memory do the runs.
      work.check(scenario.factory(), scenario.run(), reps, workers, err);
    }
    if (reps == 1) {
      SingleRun.Outcome outcome;
      try (ConsoleProgress progress =
          new ConsoleProgress(
              "simulating " + scenario.name(), "h", 3_600_000_000_000L, err, output.progress())) {
        outcome = SingleRun.run(scenario, progress);
      }
      RunTimings timings =
          timings(
              outcome.timings().simulationWallSeconds(), t0, outcome.result().eventsProcessed());
      ReplicationSet one =
          new ReplicationSet(
              outcome.result(),
              List.of(PricedMetrics.of(scenario.economics()).apply(outcome.result())));
      warmUp.await();
      write(target, dir -> RunReports.writeAll(one, timings, dir));
      if (!output.quiet()) {
        out.print(TerminalSummary.render(outcome.result(), timings));
        out.print(CostText.render(one));
      }
    } else {
      Replications.Result result;
      try (ConsoleProgress progress =
          new ConsoleProgress(
              scenario.name() + " x" + reps, "replications", 1, err, output.progress())) {
        result =
            main.backend()
                .replicate(
                    new ScenarioRecipe(source, scenarioOptions.overrides, scenario.run().seed()),
                    new Configuration(
                        scenario.name(),
                        scenario.factory(),
                        scenario.run(),
                        PricedMetrics.of(scenario.economics())),
                    reps,
                    workers,
                    progress);
      }
      RunTimings timings = timings(result.simulationWallSeconds(), t0, result.eventsProcessed());
      warmUp.await();
      write(target, dir -> ReplicationReports.writeAll(result.set(), timings, dir));
      if (!output.quiet()) {
        out.print(ReplicationSummary.render(result.set(), timings));
        out.print(CostText.render(result.set()));
      }
    }
    out.println("Reports written to " + target + "/");
    return Main.EXIT_OK;
  }

  private static RunTimings timings(double simSeconds, long t0, long events) {
    return new RunTimings(simSeconds, (System.nanoTime() - t0) / 1e9, events);
  }

  static void write(Path target, OutputDirectory.DirectoryWriter writer) {
    try {
      OutputDirectory.write(target, writer);
    } catch (OutputDirectory.RefusedException e) {
      throw new UserException("--out: " + e.getMessage());
    } catch (IOException e) {
      throw new UserException("cannot write reports to " + target + ": " + e.getMessage());
    }
  }
}
