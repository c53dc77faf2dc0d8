package org.aifactory.distributed;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aifactory.cli.Main;

/**
 * {@code aifactory sweep}, {@code run --replications} and {@code compare} on Apache Spark: {@code
 * SparkSweep [--master URL] [--partitions P] sweep SCENARIO --vary …}. Everything after the Spark
 * options is the command line of {@code aifactory}, read by the same code, so the options, the
 * checks, the messages and the files written are the same; only the runs are done by Spark's
 * executors.
 */
public final class SparkSweep {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: aifactory-spark [--master URL] [--partitions P] sweep SCENARIO --vary PATH=V1,V2,..."
              + " [options]",
          "       aifactory-spark [--master URL] [--partitions P] run SCENARIO --replications R"
              + " [options]",
          "       aifactory-spark [--master URL] [--partitions P] compare SCENARIO... [options]",
          "Runs 'aifactory sweep', 'aifactory run --replications' or 'aifactory compare' with the"
              + " runs done by Apache Spark; the same options and files.",
          "  --master URL      local[N] (N cores of this machine), local[*], spark://HOST:PORT,"
              + " yarn, k8s://...",
          "                    (default: spark-submit's master, else local[*])",
          "  --partitions P    cut the runs into P Spark partitions (default: "
              + SparkBackend.PARTITIONS_PER_CORE
              + " per core);",
          "                    the results do not depend on it",
          "'aifactory-spark sweep --help' (run, compare) shows a command's options.");

  /** The commands whose runs Spark does. */
  private static final List<String> COMMANDS = List.of("sweep", "run", "compare");

  private SparkSweep() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    Optional<String> master = Optional.empty();
    Optional<Integer> partitions = Optional.empty();
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      String option = args[i];
      String value;
      int equals = option.indexOf('=');
      if (equals > 0) {
        value = option.substring(equals + 1);
        option = option.substring(0, equals);
      } else if (option.equals("--master") || option.equals("--partitions")) {
        if (i + 1 >= args.length) {
          return usageError(err, option + " needs a value");
        }
        value = args[++i];
      } else {
        value = null;
      }
      switch (option) {
        case "-h", "--help" -> {
          out.println(USAGE);
          return Main.EXIT_OK;
        }
        case "--master" -> {
          if (value == null || value.isBlank()) {
            return usageError(err, "--master needs a URL, e.g. local[2] or spark://head:7077");
          }
          master = Optional.of(value.strip());
        }
        case "--partitions" -> {
          try {
            partitions = Optional.of(Integer.parseInt(value.strip()));
          } catch (NumberFormatException e) {
            partitions = Optional.of(0);
          }
          if (partitions.get() < 1) {
            return usageError(err, "--partitions must be a whole number >= 1, got '" + value + "'");
          }
        }
        default -> {
          return usageError(err, "unknown option '" + args[i] + "'");
        }
      }
      i++;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(i, args.length));
    if (rest.isEmpty() || !COMMANDS.contains(rest.get(0))) {
      return usageError(
          err,
          rest.isEmpty()
              ? "no command: aifactory-spark runs sweeps, replications and comparisons"
              : "aifactory-spark runs sweep, run --replications and compare, not '"
                  + rest.get(0)
                  + "' (run the other commands with ./aifactory)");
    }
    return Main.execute(
        rest.toArray(String[]::new), out, err, new SparkBackend(master, partitions));
  }

  private static int usageError(PrintStream err, String message) {
    err.println("error: " + message);
    err.println(USAGE);
    return Main.EXIT_USER;
  }
}
