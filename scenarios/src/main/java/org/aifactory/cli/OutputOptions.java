package org.aifactory.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.aifactory.report.OutputDirectory;
import picocli.CommandLine.Option;

/** Where reports go and how much is printed, shared by the commands that write reports. */
final class OutputOptions {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output directory. Default: out/<scenario name>[-<command>].")
  String out;

  @Option(names = "--no-progress", description = "Never show a progress bar.")
  boolean noProgress;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only where the reports are, not the summary table.")
  boolean quiet;

  boolean progress() {
    return !noProgress;
  }

  boolean quiet() {
    return quiet;
  }

  /**
   * The output directory: --out, else out/{@code defaultName}. Checked before any work is done: it
   * must be new, empty, or an earlier output of this program (see {@link OutputDirectory}).
   */
  Path directory(String defaultName) {
    Path target;
    try {
      target = out != null ? Path.of(out) : Path.of("out", defaultName);
    } catch (InvalidPathException e) {
      throw new UserException("--out: not a valid path: '" + out + "'");
    }
    try {
      OutputDirectory.check(target);
    } catch (IOException e) {
      throw new UserException("--out: " + e.getMessage());
    }
    return target;
  }
}
