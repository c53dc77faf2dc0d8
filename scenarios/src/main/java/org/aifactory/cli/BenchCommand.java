package org.aifactory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aifactory.bench.EngineBenchmark;
import org.aifactory.experiment.ProgressListener;
import org.aifactory.experiment.SingleRun;
import org.aifactory.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Measure the speed of the engine or of a scenario.",
    description = "Measures speed: the event engine (hold model) or a whole scenario.",
    subcommands = {BenchCommand.Engine.class, BenchCommand.ScenarioBench.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void printJson(PrintWriter out, List<Map<String, Object>> rows) throws Exception {
    out.println(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
  }

  @Command(
      name = "engine",
      mixinStandardHelpOptions = true,
      header = "Measure the event engine with the hold model.",
      description = {
        "Hold model: N events pending; each one fired schedules one more at now + Exp(1 s)."
            + " Reports the best round's events/s and the heap bytes allocated per event, of the"
            + " engine (hold) and of the same model on a bare binary heap (bare-heap), the"
            + " baseline."
      })
  static final class Engine implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Option(
        names = "--pending",
        split = ",",
        paramLabel = "N",
        description = "Pending-event counts. Default: ${DEFAULT-VALUE}.",
        defaultValue = "1000,100000")
    int[] pending;

    @Option(
        names = "--events",
        paramLabel = "N",
        description = "Events per measured round. Default: ${DEFAULT-VALUE}.",
        defaultValue = "20000000")
    long events;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "Measured rounds. Default: ${DEFAULT-VALUE}.",
        defaultValue = "5")
    int rounds;

    @Override
    public Integer call() throws Exception {
      QuickStart.requireFullJit();
      if (events < 1 || rounds < 1) {
        throw new UserException("--events and --rounds must be positive");
      }
      for (int p : pending) {
        if (p < 1) {
          throw new UserException("--pending values must be positive");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      List<EngineBenchmark.Result> results = new EngineBenchmark(events, rounds).run(pending);
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var r : results) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("benchmark", r.benchmark());
          row.put("pending", r.pending());
          row.put("events_per_second", Math.round(r.eventsPerSecond()));
          row.put("bytes_per_event", r.bytesPerEvent());
          row.put("events", r.events());
          row.put("seconds", r.seconds());
          rows.add(row);
        }
        printJson(out, rows);
      } else {
        out.printf(
            Locale.ROOT,
            "%-10s %10s %16s %16s%n",
            "benchmark",
            "pending",
            "events/s",
            "bytes/event");
        for (var r : results) {
          out.printf(
              Locale.ROOT,
              "%-10s %,10d %,16.0f %16.3f%n",
              r.benchmark(),
              r.pending(),
              r.eventsPerSecond(),
              r.bytesPerEvent());
        }
      }
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "scenario",
      mixinStandardHelpOptions = true,
      header = "Measure how fast a scenario runs.",
      description = {
        "Runs a scenario several times (no reports written) and prints the event loop's wall"
            + " time, events/s and the peak heap in use during the runs."
      })
  static final class ScenarioBench implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin ScenarioOptions scenarioOptions;

    @Option(
        names = "--repeat",
        paramLabel = "N",
        description = "Runs (the first also warms up the JIT). Default: ${DEFAULT-VALUE}.",
        defaultValue = "5")
    int repeat;

    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Mixin WorkGuard work;

    @Override
    public Integer call() throws Exception {
      QuickStart.requireFullJit();
      if (repeat < 1) {
        throw new UserException("--repeat must be positive");
      }
      Scenario scenario = scenarioOptions.load();
      PrintWriter out = spec.commandLine().getOut();
      work.check(scenario.factory(), scenario.run(), repeat, 1, spec.commandLine().getErr());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 1; i <= repeat; i++) {
        System.gc();
        resetPeakHeap();
        SingleRun.Outcome o = SingleRun.run(scenario, ProgressListener.NONE);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", "scenario:" + scenario.name());
        row.put("run", i);
        row.put("simulation_wall_seconds", o.timings().simulationWallSeconds());
        row.put("events", o.result().eventsProcessed());
        row.put("events_per_second", Math.round(o.timings().eventsPerSecond()));
        row.put("peak_heap_mb", peakHeapBytes() / 1e6);
        rows.add(row);
      }
      if (json) {
        printJson(out, rows);
      } else {
        out.printf(
            Locale.ROOT,
            "%-28s %4s %12s %14s %14s %12s%n",
            "benchmark",
            "run",
            "sim wall s",
            "events",
            "events/s",
            "peak heap MB");
        for (var r : rows) {
          out.printf(
              Locale.ROOT,
              "%-28s %4d %12.3f %,14d %,14d %12.1f%n",
              r.get("benchmark"),
              r.get("run"),
              r.get("simulation_wall_seconds"),
              r.get("events"),
              r.get("events_per_second"),
              r.get("peak_heap_mb"));
        }
      }
      return Main.EXIT_OK;
    }

    private static void resetPeakHeap() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
    }

    private static long peakHeapBytes() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }
  }
}
