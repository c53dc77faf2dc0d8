package org.aifactory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aifactory.experiment.Comparison;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.PrecisionTarget;
import org.aifactory.model.WorkEstimate;
import org.aifactory.report.ComparisonReports;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioVariant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Compare design variants by their cost per year.",
    description = {
      "Compares designs side by side: the variants listed in one scenario (its 'variants:'), or"
          + " several scenario files, each run with the same replications and random streams"
          + " (common random numbers). Ranks them by annualised capital cost + energy + value of"
          + " the production lost to power outages, thermal trips and throttling, with 95 %%"
          + " confidence intervals (none with one replication, which is exact for a scenario"
          + " without random failures). With a cooling plant, also shows PUE, cooling energy,"
          + " water, hours at slowdown, thermal trips and tokens lost to heat. Shows each"
          + " variant's tokens, ETTR and lost production, and for every pair the break-even value"
          + " of a lost GPU-hour, above which the design with the higher fixed cost is the"
          + " cheaper. With --target-ci, adds replications until the lead of the cheapest is"
          + " known to the target. Writes comparison.csv, comparison.json, comparison.png,"
          + " break_even.csv, sensitivity.png and index.html."
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "SCENARIO",
      description = "One scenario with variants, or several scenarios (files or bundled names).")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a key of every scenario (before its variants). Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "Root random seed for all variants.")
  Long seed;

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "R",
      description =
          "Replications per variant (default: the first scenario's 'replications'); 1 gives"
              + " means without confidence intervals.")
  Integer replications;

  @Option(
      names = "--target-ci",
      paramLabel = "X",
      description =
          "Add replications in batches (the first of R, default the scenario's) until the 95 %%"
              + " half-width of the lead of the cheapest variant over the runner-up is at most X:"
              + " a share of the lead (10%%) or dollars per year ($0.1M, $100k, 50000). Ends"
              + " decided, a tie within X (an amount only), or undecided at the limit.")
  String targetCi;

  @Option(
      names = "--max-replications",
      paramLabel = "N",
      description =
          "With --target-ci: at most N replications per variant (default: ${DEFAULT-VALUE}; fewer"
              + " if the work guard's time or memory allows fewer).",
      defaultValue = "10000")
  int maxReplications;

  @Option(
      names = {"-t", "--threads"},
      paramLabel = "T",
      description = "Threads (default: the machine's processors). Results do not depend on it.")
  Integer threads;

  @Mixin OutputOptions output;

  @Mixin WorkGuard work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ScenarioLoader loader = new ScenarioLoader();
    List<Scenario> loaded = new ArrayList<>();
    for (String ref : scenarios) {
      Scenario s = loader.load(ref, overrides);
      loaded.add(seed != null ? s.withRun(s.run().withSeed(seed)) : s);
    }
    Scenario first = loaded.get(0);
    List<Comparison.Input> inputs = new ArrayList<>();
    if (loaded.size() == 1) {
      if (first.variants().isEmpty()) {
        throw new UserException(
            first.source()
                + ": no variants to compare; list them under 'variants:' or give several"
                + " scenarios");
      }
      for (ScenarioVariant v : first.variants()) {
        Scenario vs =
            seed != null ? v.scenario().withRun(v.scenario().run().withSeed(seed)) : v.scenario();
        inputs.add(
            new Comparison.Input(
                v.name(), v.description(), vs.factory(), vs.run(), vs.costs(), vs.economics()));
      }
    } else {
      for (Scenario s : loaded) {
        inputs.add(
            new Comparison.Input(
                s.name(), s.description(), s.factory(), s.run(), s.costs(), s.economics()));
      }
    }
    int reps = replications != null ? replications : first.replications();
    if (reps < 1) {
      throw new UserException("--replications must be at least 1");
    }
    PrecisionTarget precision =
        targetCi == null ? null : PrecisionTargetArgument.parse("--target-ci", targetCi);
    if (precision == null
        && spec.commandLine().getParseResult().hasMatchedOption("--max-replications")) {
      throw new UserException("--max-replications goes with --target-ci");
    }
    if (precision != null && inputs.size() < 2) {
      throw new UserException(
          "--target-ci is for the lead of the cheapest variant over the runner-up: compare two"
              + " variants or more");
    }
    if (precision != null && maxReplications < 2) {
      throw new UserException(
          "--max-replications must be at least 2 (a confidence interval needs two), got "
              + maxReplications);
    }
    String name = loaded.size() == 1 ? first.name() : first.name() + "-vs";
    Path target = output.directory(name + "-compare");
    int workers = Threads.resolve(threads);
    List<WorkEstimate> estimates =
        inputs.stream().map(i -> WorkEstimate.of(i.factory(), i.run())).toList();
    double resultBytes = WorkGuard.resultBytes(inputs.get(0).factory());
    PrintWriter err = spec.commandLine().getErr();
    WorkGuard.Affordable most = null;
    int firstBatch = reps;
    if (precision != null) {
      most = work.affordable(estimates, maxReplications, workers, resultBytes);
      if (most.replications() < 2) {
        // the first batch's check below says why, naming what drives the work
        work.check(estimates, 2, workers, resultBytes, err);
      }
      firstBatch = Math.min(Math.max(2, reps), most.replications());
    }
    work.check(estimates, firstBatch, workers, resultBytes, err);
    if (most != null) {
      work.announceAtMost(estimates, most.replications(), workers, err);
    }
    ComparisonResult result;
    try (ConsoleProgress progress =
        new ConsoleProgress(
            "comparing " + inputs.size() + " variants", "runs", 1, err, output.progress())) {
      result =
          precision == null
              ? Comparison.run(name, inputs, reps, workers, progress)
              : Comparison.untilPrecise(
                  name,
                  inputs,
                  precision,
                  firstBatch,
                  most.replications(),
                  most.limit(),
                  workers,
                  progress);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    RunCommand.write(target, dir -> ComparisonReports.writeAll(result, dir));
    if (!output.quiet()) {
      spec.commandLine().getOut().print(ComparisonReports.render(result));
    }
    spec.commandLine().getOut().println("Reports written to " + target + "/");
    return Main.EXIT_OK;
  }
}
