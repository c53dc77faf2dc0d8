package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --help} of every command: clean text, and a command list of whole sentences. */
class HelpTest {
  private record Outcome(int code, String out, String err) {}

  /**
   * Runs the command line; {@code err} also has what went to {@link System#err}, where picocli
   * prints its own warnings ({@code [picocli WARN] ...}).
   */
  private static Outcome run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream systemErr = System.err;
    int code;
    System.setErr(errStream);
    try {
      code =
          Main.execute(
              args.toArray(String[]::new),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              errStream);
    } finally {
      System.setErr(systemErr);
    }
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every command and subcommand, as the words that name it: [], [run], [bench, engine]... */
  static Stream<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    collect(new CommandLine(new Main()), new ArrayList<>(), all);
    return all.stream();
  }

  private static void collect(CommandLine cli, List<String> path, List<List<String>> all) {
    all.add(List.copyOf(path));
    for (var e : cli.getSubcommands().entrySet()) {
      List<String> sub = new ArrayList<>(path);
      sub.add(e.getKey());
      collect(e.getValue(), sub, all);
    }
  }

  @Test
  void everyCommandIsVisited() {
    assertThat(commands().map(c -> String.join(" ", c)))
        .contains(
            "",
            "run",
            "compare",
            "checkpoint-study",
            "merge",
            "validate",
            "list",
            "show",
            "init",
            "schema",
            "bench",
            "bench engine",
            "bench scenario",
            "help");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpHasNoWarningAndEndsItsSentences(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--help");
    Outcome o = run(args);
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).as("stdout of %s", args).doesNotContain("WARN").contains("Usage:");
    assertThat(o.err()).as("stderr of %s", args).doesNotContain("WARN").isEmpty();
    for (String line : commandList(o.out())) {
      // "  name  One sentence." on one line: nothing cut, nothing wrapped onto the next line
      assertThat(line).as("%s: %s", args, line).matches("  \\S+ {2,}[A-Z][^ ].*[.]");
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void theTopLevelListsEveryCommandInOneSentenceEach() {
    List<String> lines = commandList(run(List.of("--help")).out());
    assertThat(lines)
        .containsExactly(
            "  run               Run a scenario and write its reports.",
            "  checkpoint-study  Find the best checkpoint interval of one job.",
            "  compare           Compare design variants by their cost per year.",
            "  sweep             Run a scenario at every combination of parameter values.",
            "  merge             Merge the partial results of a sharded sweep.",
            "  validate          Check a scenario without running it.",
            "  list              List the bundled scenarios.",
            "  show              Print a bundled scenario.",
            "  init              Copy a bundled scenario to a file to edit.",
            "  schema            Write the JSON Schema of the scenario language.",
            "  bench             Measure the speed of the engine or of a scenario.",
            "  help              Display help information about the specified command.");
  }

  /** The lines after "Commands:" up to the end of the help. */
  private static List<String> commandList(String help) {
    List<String> lines = help.lines().toList();
    int at = lines.indexOf("Commands:");
    return at < 0 ? List.of() : lines.subList(at + 1, lines.size());
  }
}
