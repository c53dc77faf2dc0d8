package org.aifactory.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.aifactory.experiment.RunBackend;
import org.aifactory.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aifactory} command line. Exit codes: 0 ok, 1 internal error, 2 user error. */
@Command(
    name = "aifactory",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Discrete-event simulator of an AI factory's power and token production.",
      "Run './aifactory run' for the bundled default scenario; 'aifactory list' shows the others."
    },
    subcommands = {
      RunCommand.class,
      CheckpointStudyCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      MergeCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      ShowCommand.class,
      InitCommand.class,
      SchemaCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_USER = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final RunBackend backend;

  /** The command line whose runs are done on this machine. */
  public Main() {
    this(RunBackend.LOCAL);
  }

  /** The command line whose sweeps' runs are done by {@code backend}. */
  public Main(RunBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Where the sweeps' runs are done. */
  RunBackend backend() {
    return backend;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, RunBackend.LOCAL);
  }

  /**
   * Runs the command line with the given streams, the sweeps' runs done by {@code backend}; returns
   * the exit code.
   */
  public static int execute(String[] args, PrintStream out, PrintStream err, RunBackend backend) {
    PrintWriter outWriter =
        new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cli = new CommandLine(new Main(backend));
    cli.setOut(outWriter);
    cli.setErr(errWriter);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof QuickStart.HandOver) {
            return QuickStart.handOver(args, errWriter);
          }
          if (e instanceof ScenarioException
              || e instanceof UserException
              || e instanceof RunBackend.Unavailable) {
            errWriter.println("error: " + e.getMessage());
            return EXIT_USER;
          }
          errWriter.println("internal error (please report it): " + e);
          e.printStackTrace(errWriter);
          return EXIT_INTERNAL;
        });
    int code = cli.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }
}
