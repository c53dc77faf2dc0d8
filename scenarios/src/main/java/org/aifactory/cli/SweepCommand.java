package org.aifactory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aifactory.experiment.Sweep;
import org.aifactory.metrics.SweepResult;
import org.aifactory.model.WorkEstimate;
import org.aifactory.report.SweepReports;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioSweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    header = "Run a scenario at every combination of parameter values.",
    description = {
      "Runs the scenario at every point of the Cartesian product of the --vary values (the first"
          + " --vary outermost, the last changing fastest), each value applied exactly as --set"
          + " applies it, with the same replications and random streams at every point (common"
          + " random numbers). Writes sweep.csv (one row per point and metric), sweep.json,"
          + " sweep.png (the --metric keys against the first --vary, one line per combination of"
          + " the others, 95 %% confidence bands) and index.html.",
      "",
      "Values are separated by commas outside brackets, braces and quotes, so a value can be a"
          + " YAML map or list. START..END/STEP is a range of numbers, percentages, durations or"
          + " powers in one unit, e.g. 1.1..1.5/0.1, 50%%..100%%/10%% or 10 min..60 min/10 min; it"
          + " includes END when END falls on the grid."
    })
final class SweepCommand implements Callable<Integer> {
  /** Panels of sweep.png at most: beyond, each is too small to read. */
  static final int MAX_CHARTED = 12;

  @Mixin ScenarioOptions scenarioOptions;

  @Mixin OutputOptions output;

  @Mixin WorkGuard work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--vary",
      paramLabel = "PATH=V1,V2,...",
      description =
          "A scenario key and its values, e.g. --vary facility.pue=1.1,1.2,1.3 or --vary"
              + " 'workloads[0].checkpoint.interval=10 min..60 min/10 min'. Repeatable.")
  List<String> vary = new ArrayList<>();

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      description = "Replications per point (default: the scenario's 'replications').")
  Integer replications;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description = "Threads (default: the machine's processors). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--metric",
      paramLabel = "KEY",
      description =
          "A metric to chart and print (every metric is in sweep.csv and sweep.json)."
              + " Repeatable. Default: tokens, energy_facility_mwh, tokens_per_kwh_facility,"
              + " ettr.")
  List<String> metrics = new ArrayList<>();

  @Option(
      names = "--best",
      paramLabel = "max:KEY|min:KEY",
      description =
          "Mark the point with the best mean of a metric, and the points whose paired"
              + " difference from it has a 95 %% confidence interval containing 0 (with one"
              + " replication, only exact ties).")
  String best;

  @Override
  public Integer call() throws Exception {
    if (vary.isEmpty()) {
      throw new UserException(
          "sweep needs at least one --vary PATH=V1,V2,..., e.g. --vary facility.pue=1.1..1.5/0.1");
    }
    Optional<Sweep.Goal> goal = goal();
    ScenarioSweep sweep =
        new ScenarioLoader().sweep(scenarioOptions.scenario, scenarioOptions.overrides, vary);
    if (scenarioOptions.seed != null) {
      sweep = sweep.withSeed(scenarioOptions.seed);
    }
    Scenario base = sweep.base();
    int reps = replications != null ? replications : base.replications();
    if (reps < 1) {
      throw new UserException("--replications must be at least 1");
    }
    List<String> charted = charted(goal);
    checkMetrics(sweep, charted, goal);
    Path target = output.directory(base.name() + "-sweep");
    int workers = Threads.resolve(threads);
    int points = sweep.points().size();
    // A sweep keeps a point's replications only while the point runs, then its statistics
    // (about ten rows' worth): what is kept per run, on average.
    double keptPerRun =
        WorkGuard.resultBytes(base.factory()) * (reps + 10.0 * points) / ((double) points * reps);
    work.check(
        sweep.points().stream()
            .map(p -> WorkEstimate.of(p.scenario().factory(), p.scenario().run()))
            .toList(),
        reps,
        workers,
        keptPerRun,
        spec.commandLine().getErr());
    SweepResult result;
    try (ConsoleProgress progress =
        new ConsoleProgress(
            "sweep " + base.name() + " (" + points + " points)",
            "runs",
            1,
            spec.commandLine().getErr(),
            output.progress())) {
      result = Sweep.run(sweep, reps, workers, charted, goal, progress);
    }
    SweepResult done = result;
    RunCommand.write(target, dir -> SweepReports.writeAll(done, dir));
    if (!output.quiet()) {
      spec.commandLine().getOut().print(SweepReports.render(result));
    }
    spec.commandLine().getOut().println("Reports written to " + target + "/");
    return Main.EXIT_OK;
  }

  /** --best as a goal: {@code max:KEY} or {@code min:KEY}. */
  private Optional<Sweep.Goal> goal() {
    if (best == null) {
      return Optional.empty();
    }
    String text = best.strip();
    int colon = text.indexOf(':');
    String direction = colon < 0 ? "" : text.substring(0, colon).strip();
    String key = colon < 0 ? "" : text.substring(colon + 1).strip();
    if (!(direction.equals("max") || direction.equals("min")) || key.isEmpty()) {
      throw new UserException(
          "--best: expected max:KEY or min:KEY, e.g. --best max:tokens_per_kwh_facility, got '"
              + best
              + "'");
    }
    return Optional.of(new Sweep.Goal(key, direction.equals("max")));
  }

  /** The --metric keys (or the default ones), then the --best key if it is not among them. */
  private List<String> charted(Optional<Sweep.Goal> goal) {
    Set<String> keys =
        new LinkedHashSet<>(
            metrics.isEmpty()
                ? Sweep.DEFAULT_METRICS
                : metrics.stream().map(String::strip).toList());
    goal.ifPresent(g -> keys.add(g.metric()));
    if (keys.size() > MAX_CHARTED) {
      throw new UserException(
          "--metric: at most "
              + MAX_CHARTED
              + " metrics are charted, got "
              + keys.size()
              + " (every metric is in sweep.csv and sweep.json anyway)");
    }
    return List.copyOf(keys);
  }

  /** Every charted key and the --best key must be a metric of the points' runs. */
  private static void checkMetrics(
      ScenarioSweep sweep, List<String> charted, Optional<Sweep.Goal> goal) {
    Set<String> known = Sweep.metricKeys(sweep, charted);
    List<String> problems = new ArrayList<>();
    String goalKey = goal.map(Sweep.Goal::metric).orElse(null);
    for (String key : charted) {
      if (!known.contains(key)) {
        String option = key.equals(goalKey) ? "--best" : "--metric";
        problems.add(option + ": " + Sweep.unknownMetric(key, known));
      }
    }
    if (!problems.isEmpty()) {
      throw new UserException(String.join("\n", problems));
    }
  }
}
