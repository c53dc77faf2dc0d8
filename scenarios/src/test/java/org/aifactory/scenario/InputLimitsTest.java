package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or absurd input (huge numbers, exponents, long texts, deep nesting) is a located user
 * error, never a crash: each case here once ended in a stack overflow or an arithmetic exception.
 */
class InputLimitsTest {
  @TempDir Path dir;

  private static final String VALUE_TOO_LONG =
      " characters is too long; the most is 1,000 (only a description may be longer)";

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  private static ScenarioError set(int override, int column, String path, String message) {
    return new ScenarioError(Location.OVERRIDE_FILE, override, column, path, message);
  }

  @Test
  void anExponentOfAnySizeIsOutOfRange() {
    assertThat(error(Texts.VALID, "horizon=1e999999999 s"))
        .isEqualTo(set(1, 9, "horizon", "'1e999999999 s' is out of range for a duration"));
    assertThat(error(Texts.VALID, "horizon=1e-999999999 s"))
        .isEqualTo(set(1, 9, "horizon", "'1e-999999999 s' is out of range for a duration"));
    assertThat(error(valid("compute_power: 1.0", "compute_power: 1e-999999999")))
        .isEqualTo(
            at(
                15,
                22,
                "workloads[0].iteration.compute_power",
                "'1e-999999999' is out of range for a fraction"));
  }

  @Test
  void numbersOfThousandsOfDigitsAreTooLongValues() {
    String nines = "9".repeat(2_000);
    assertThat(error(Texts.VALID, "seed=" + nines))
        .isEqualTo(set(1, 6, "seed", "a value of 2,000" + VALUE_TOO_LONG));
    assertThat(error(valid("horizon: 1 h", "horizon: " + nines + " s")))
        .isEqualTo(at(2, 10, "horizon", "a value of 2,002" + VALUE_TOO_LONG));
    String tiny = "0." + "0".repeat(3_000) + "1";
    assertThat(error(valid("compute_fraction: 0.5", "compute_fraction: " + tiny)))
        .isEqualTo(
            at(
                14,
                25,
                "workloads[0].iteration.compute_fraction",
                "a value of 3,003" + VALUE_TOO_LONG));
    assertThat(
            error(valid("compute_fraction: 0.5", "compute_fraction: 0." + "0".repeat(500) + "1")))
        .isEqualTo(
            at(
                14,
                25,
                "workloads[0].iteration.compute_fraction",
                "'0." + "0".repeat(500) + "1' is out of range for a fraction"));
  }

  @Test
  void longNumbersAreReadWithoutOverflowingTheStack() {
    String nines = "9".repeat(900);
    assertThat(error(valid("horizon: 1 h", "horizon: " + nines + " s")))
        .isEqualTo(at(2, 10, "horizon", "'" + nines + " s' is out of range for a duration"));
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nseed: " + nines)))
        .isEqualTo(at(3, 7, "seed", "expected a whole number, got '" + nines + "'"));
  }

  @Test
  void namesAreAtMostAHundredCharacters() throws ScenarioException {
    String rest =
        " characters is too long; the most is 100 (names become folder and file names and"
            + " chart titles)";
    assertThat(error(valid("name: test", "name: " + "a".repeat(300))))
        .isEqualTo(at(1, 7, "name", "a name of 300" + rest));
    assertThat(error(valid("  - name: job", "  - name: " + "j".repeat(101))))
        .isEqualTo(at(8, 11, "workloads[0].name", "a name of 101" + rest));
    assertThat(Texts.load(valid("name: test", "name: " + "a".repeat(100))).name()).hasSize(100);
  }

  @Test
  void aDescriptionIsAtMostTenThousandCharacters() throws ScenarioException {
    String text = valid("horizon: 1 h", "horizon: 1 h\ndescription: " + "d".repeat(10_001));
    assertThat(error(text))
        .isEqualTo(
            at(
                3,
                14,
                "description",
                "a value of 10,001 characters is too long; the most is 10,000"));
    String longest = valid("horizon: 1 h", "horizon: 1 h\ndescription: " + "d".repeat(10_000));
    assertThat(Texts.load(longest).description()).hasSize(10_000);
  }

  @Test
  void keysAreAtMostAThousandCharacters() {
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\n'" + "k".repeat(1_001) + "': 1")))
        .isEqualTo(at(3, 1, "", "a key of 1,001 characters is too long; the most is 1,000"));
  }

  @Test
  void nestingIsAtMostAHundredLevels() {
    String deep = "[".repeat(1_000) + "]".repeat(1_000);
    String message =
        "nesting deeper than 100 levels (maps and lists inside each other); a scenario needs"
            + " about 6";
    // The 100th '[' is the 101st level (the root map is the first).
    String path = ("x" + "[0]".repeat(99)).substring(0, 80) + "...";
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nx: " + deep)))
        .isEqualTo(at(3, 103, path, message));
    assertThat(error(Texts.VALID, "x=" + deep)).isEqualTo(set(1, 103, path, message));
    StringBuilder nested = new StringBuilder("horizon: 1 h\n");
    for (int level = 0; level < 120; level++) {
      nested.append("  ".repeat(level)).append("k:\n");
    }
    assertThat(error(valid("horizon: 1 h", nested.toString())))
        .isEqualTo(at(103, 201, ("k" + ".k".repeat(99)).substring(0, 80) + "...", message));
  }

  @Test
  void aFileHasAtMostAHundredThousandKeysAndValues() {
    // The root map, name, its value, horizon, its value, x and its list are 7 nodes: element
    // 99,993 (0-based), on line 4 + 99,993, is the 100,001st.
    String many = "x: [\n" + "1,\n".repeat(100_000) + "1]";
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\n" + many)))
        .isEqualTo(
            at(
                99_997,
                1,
                "x[99993]",
                "more than 100,000 keys and values; a scenario has a few hundred"));
  }

  @Test
  void linesAreAtMostAHundredThousandCharactersAndAreCheckedBeforeParsing() {
    String longLine = "description: " + "a".repeat(9_000_000);
    assertThat(Texts.errors(valid("horizon: 1 h", "horizon: 1 h\n" + longLine)))
        .containsExactly(
            at(
                3,
                100_001,
                "",
                "line 3 is longer than 100,000 characters, the most a line may have"));
  }

  /** SnakeYAML's default limit of 3 MB stopped such files, after quadratic reading. */
  @Test
  void aNineMegabyteFileLoads() throws ScenarioException {
    String comments = ("# " + "c".repeat(88) + "\n").repeat(100_000);
    assertThat(comments.length()).isEqualTo(9_100_000);
    assertThat(Texts.load(Texts.VALID + comments).name()).isEqualTo("test");
  }

  @Test
  void forbiddenCharactersAreReportedWhereTheyAre() {
    String message =
        "character U+0000 is not allowed in YAML (a control or non-character); remove it";
    assertThat(error(valid("    system: DGX-H100", "    sys\u0000tem: DGX-H100")))
        .isEqualTo(at(5, 8, "", message));
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h # \u00e9t\u00e9 \u0007")))
        .isEqualTo(
            at(
                2,
                20,
                "",
                "character U+0007 is not allowed in YAML (a control or non-character); remove"
                    + " it"));
    assertThat(error(Texts.VALID, "description=a\u0000b")).isEqualTo(set(1, 14, "", message));
  }

  @Test
  void aFileOfMoreThanTenMegabytesIsRefusedBeforeItIsRead() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[10_000_001]);
    assertThat(failure(big).errors())
        .containsExactly(
            new ScenarioError(
                big.toString(),
                0,
                0,
                "",
                "is 10.0 MB (10,000,001 bytes); scenario files are limited to 10 MB"));
  }

  @Test
  void aFileThatIsNotUtf8IsReportedAtItsFirstBadByte() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    byte[] head = "name: test\nhorizon: 1 h\n# \u00e9t\u00e9 ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xE9; // 'é' in Latin-1
    bytes[head.length + 1] = '\n';
    Files.write(bad, bytes);
    assertThat(failure(bad).errors())
        .containsExactly(
            new ScenarioError(bad.toString(), 3, 7, "", "the file is not UTF-8 text (byte 0xE9)"));
  }

  @Test
  void overridePathsAreAtMostAThousandCharactersAndAHundredLevels() {
    assertThat(error(Texts.VALID, "a".repeat(2_000) + "=1"))
        .isEqualTo(
            set(
                1,
                1_001,
                "a".repeat(80) + "...",
                "a field path of 2,000 characters is too long; the most is 1,000"));
    assertThat(error(Texts.VALID, "a.".repeat(200) + "b=1"))
        .isEqualTo(
            set(
                1,
                201,
                "a.".repeat(40) + "...",
                "a field path deeper than 100 levels (keys and list elements); a scenario's are"
                    + " under 10"));
  }

  @Test
  void longTextsAreShortenedWhereMessagesRepeatThem() {
    assertThat(error(valid("horizon: 1 h", "horizon: 1 h\nfacility: " + "f".repeat(5_000))))
        .isEqualTo(
            at(
                3,
                11,
                "facility",
                "expected a map with the key pue (a fixed PUE) or cooling (a cooling plant), got '"
                    + "f".repeat(60)
                    + "...' (5,000 characters)"));
  }

  private ScenarioException failure(Path file) {
    ScenarioException e =
        catchThrowableOfType(
            ScenarioException.class, () -> new ScenarioLoader().load(file.toString(), List.of()));
    assertThat(e).as("expected a ScenarioException").isNotNull();
    return e;
  }
}
