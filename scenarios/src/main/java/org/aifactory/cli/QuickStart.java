package org.aifactory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up in two gears. The launcher starts the JVM with the quick JIT only ({@value #QUICK_JIT},
 * C1) and {@code -D}{@value #PROPERTY}{@code =true}: in a command of a second, compiling with C2
 * costs more CPU than it saves (a run of the default scenario takes half the time without it), but
 * a long event loop runs about a third slower without C2. So a command whose estimated work is long
 * ({@link WorkGuard}), or that measures speed (bench), hands itself over to a JVM with the full JIT
 * before it has printed or written anything: the same java, JVM options, class path and arguments,
 * without those two. This JVM waits for that one and exits with its status.
 */
final class QuickStart {
  /** Set by the launcher: this JVM runs with the quick JIT and may hand long work over. */
  static final String PROPERTY = "aifactory.quickstart";

  /** The launcher's JIT option for the quick gear. */
  static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

  /**
   * Estimated computing time (at {@link WorkGuard#EVENTS_PER_SECOND}) above which a command is
   * handed over: about 20 M events, where C2's faster loop (measured: 16 M events of
   * llama3-405b-54d in 0.70 s with C2, 0.93 s without) outweighs a second start (about 0.3 s).
   */
  static final double FULL_JIT_SECONDS = 5;

  /** How long a hand-over waits, on Ctrl-C or kill, for the other JVM to clean up and exit. */
  private static final long EXIT_WAIT_SECONDS = 10;

  private QuickStart() {}

  /** Thrown to hand the command over to a JVM with the full JIT; nothing has been written yet. */
  static final class HandOver extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandOver() {
      super("hand over to a JVM with the full JIT", null, false, false);
    }
  }

  static boolean active() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** A benchmark measures the full JIT: hands over when in the quick gear. */
  static void requireFullJit() {
    if (active()) {
      throw new HandOver();
    }
  }

  /** Hands over when in the quick gear and the estimated work is long. */
  static void checkWork(double estimatedSeconds) {
    if (active() && estimatedSeconds > FULL_JIT_SECONDS) {
      throw new HandOver();
    }
  }

  /**
   * Runs {@code args} in a JVM with the full JIT, with this process's standard streams; returns its
   * exit status. If this JVM is stopped meanwhile (Ctrl-C, kill), the other is stopped too, and
   * given time to clean up.
   */
  static int handOver(String[] args, PrintWriter err) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.equals(QUICK_JIT) && !option.startsWith("-D" + PROPERTY + "=")) {
        command.add(option);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      err.println("internal error (please report it): cannot start " + command.get(0) + ": " + e);
      return Main.EXIT_INTERNAL;
    }
    Thread stop =
        new Thread(
            () -> {
              process.destroy();
              try {
                process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "quickstart-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    boolean interrupted = false;
    int status;
    while (true) {
      try {
        status = process.waitFor();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs; the process has exited already
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return status;
  }
}
