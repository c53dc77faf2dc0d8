package org.aifactory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aifactory.experiment.Comparison;
import org.aifactory.metrics.ComparisonResult;
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
          + " water, hours at slowdown, thermal trips and tokens lost to heat. Writes"
          + " comparison.csv, comparison.json, comparison.png and index.html."
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
            new Comparison.Input(v.name(), v.description(), vs.factory(), vs.run(), vs.costs()));
      }
    } else {
      for (Scenario s : loaded) {
        inputs.add(
            new Comparison.Input(s.name(), s.description(), s.factory(), s.run(), s.costs()));
      }
    }
    int reps = replications != null ? replications : first.replications();
    if (reps < 1) {
      throw new UserException("--replications must be at least 1");
    }
    String name = loaded.size() == 1 ? first.name() : first.name() + "-vs";
    Path target = output.directory(name + "-compare");
    int workers = Threads.resolve(threads);
    work.check(
        inputs.stream().map(i -> WorkEstimate.of(i.factory(), i.run())).toList(),
        reps,
        workers,
        WorkGuard.resultBytes(inputs.get(0).factory()),
        spec.commandLine().getErr());
    ComparisonResult result;
    try (ConsoleProgress progress =
        new ConsoleProgress(
            "comparing " + inputs.size() + " variants",
            "runs",
            1,
            spec.commandLine().getErr(),
            output.progress())) {
      result = Comparison.run(name, inputs, reps, workers, progress);
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
