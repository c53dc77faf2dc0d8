package org.aifactory.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aifactory.experiment.shard.PartialSweepFiles;
import org.aifactory.experiment.shard.SweepMerge;
import org.aifactory.metrics.SweepResult;
import org.aifactory.report.SweepReports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    header = "Merge the partial results of a sharded sweep.",
    description = {
      "Puts together the partial results that 'aifactory sweep ... --shard K/N' wrote for K = 0"
          + " to N-1 (in any order) and writes exactly the files of the unsharded sweep:"
          + " sweep.csv, sweep.json, sweep.png and index.html. Refuses, writing nothing, partial"
          + " results of different scenarios, options or seeds, and a shard missing or given"
          + " twice."
    })
final class MergeCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "The folders of the shards' partial results (e.g. parts/shard-*).")
  List<String> folders = new ArrayList<>();

  @Mixin OutputOptions output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<SweepMerge.Input> inputs = new ArrayList<>();
    List<Path> read = new ArrayList<>();
    for (String folder : folders) {
      Path dir;
      try {
        dir = Path.of(folder);
      } catch (InvalidPathException e) {
        throw new UserException("not a valid path: '" + folder + "'");
      }
      try {
        inputs.add(new SweepMerge.Input(folder, PartialSweepFiles.read(dir)));
      } catch (IOException e) {
        throw new UserException(e.getMessage());
      }
      read.add(dir.toAbsolutePath().normalize());
    }
    SweepResult result;
    try {
      result = SweepMerge.merge(inputs);
    } catch (SweepMerge.MergeException e) {
      throw new UserException(e.getMessage());
    }
    Path target = output.directory(result.scenario() + "-sweep");
    if (read.contains(target.toAbsolutePath().normalize())) {
      throw new UserException(
          "--out: " + target + " holds a partial result to merge; write into another folder");
    }
    RunCommand.write(target, dir -> SweepReports.writeAll(result, dir));
    if (!output.quiet()) {
      spec.commandLine().getOut().print(SweepReports.render(result));
    }
    spec.commandLine().getOut().println("Reports written to " + target + "/");
    return Main.EXIT_OK;
  }
}
