package org.aifactory.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

  /** The output directory: --out, else out/{@code defaultName}; must not be a file. */
  Path directory(String defaultName) {
    Path target;
    try {
      target = out != null ? Path.of(out) : Path.of("out", defaultName);
    } catch (InvalidPathException e) {
      throw new UserException("--out: not a valid path: " + out);
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UserException("--out: " + target + " exists and is not a directory");
    }
    return target;
  }
}
