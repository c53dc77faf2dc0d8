package org.aifactory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.aifactory.experiment.CheckpointStudy;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.report.CheckpointStudyReports;
import org.aifactory.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "checkpoint-study",
    mixinStandardHelpOptions = true,
    header = "Find the best checkpoint interval of one job.",
    description = {
      "Sweeps one job's checkpoint interval with replications at each interval (common random"
          + " numbers) and compares the simulated optimum ETTR with Young's and Daly's intervals."
          + " Writes checkpoint_study.csv, checkpoint_study.json,"
          + " checkpoint_study.png and index.html."
    })
final class CheckpointStudyCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenarioOptions;

  @Mixin OutputOptions output;

  @Mixin WorkGuard work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--job",
      paramLabel = "NAME",
      description = "The job (default: the first with checkpoints).")
  String job;

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      defaultValue = "100",
      description = "Replications per interval. Default: ${DEFAULT-VALUE}.")
  int replications;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description = "Threads (default: the machine's processors). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--intervals",
      split = ",",
      paramLabel = "INTERVAL",
      description = {
        "Intervals to try: durations and the names daly, young and current, e.g.",
        "--intervals 10min,20min,daly,1h. The current and Daly's intervals are always",
        "included. Default: 17 points from Daly's interval / 4 to x 4."
      })
  List<String> intervals = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Scenario scenario = scenarioOptions.load();
    if (replications < 2) {
      throw new UserException("--replications must be at least 2 for confidence intervals");
    }
    List<CheckpointStudy.Interval> asked = new ArrayList<>();
    for (String s : intervals) {
      asked.add(interval(s));
    }
    Path target = output.directory(scenario.name() + "-checkpoint-study");
    int workers = Threads.resolve(threads);
    CheckpointStudy.Plan plan;
    try {
      plan = CheckpointStudy.plan(scenario.factory(), Optional.ofNullable(job), asked);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    work.check(
        scenario.factory(),
        scenario.run(),
        (long) plan.intervalsSeconds().size() * replications,
        workers,
        spec.commandLine().getErr());
    CheckpointStudyResult result;
    try (ConsoleProgress progress =
        new ConsoleProgress(
            "checkpoint study " + scenario.name(),
            "runs",
            1,
            spec.commandLine().getErr(),
            output.progress())) {
      result =
          CheckpointStudy.run(
              scenario.name(),
              scenario.factory(),
              scenario.run(),
              plan,
              replications,
              workers,
              scenario.costs().lostGpuHourDollars(),
              progress);
    }
    CheckpointStudyResult done = result;
    RunCommand.write(target, dir -> CheckpointStudyReports.writeAll(done, dir));
    if (!output.quiet()) {
      spec.commandLine().getOut().print(CheckpointStudyReports.render(result));
    }
    spec.commandLine().getOut().println("Reports written to " + target + "/");
    return Main.EXIT_OK;
  }

  private static CheckpointStudy.Interval interval(String text) {
    return switch (text.strip()) {
      case "daly" -> new CheckpointStudy.Interval.Daly();
      case "young" -> new CheckpointStudy.Interval.Young();
      case "current" -> new CheckpointStudy.Interval.Current();
      default -> new CheckpointStudy.Interval.Of(DurationArgument.seconds("--intervals", text));
    };
  }
}
