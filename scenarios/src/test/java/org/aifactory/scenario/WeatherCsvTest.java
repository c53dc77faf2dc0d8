package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.model.cooling.WeatherSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weather: { file: ... }}: an hourly CSV, every problem at its line and column. */
class WeatherCsvTest {

  @TempDir Path folder;

  /** VALID and a plant whose weather is the file {@code name}: its value at line 24, column 22. */
  private static String withFile(String name) {
    return VALID
        + "facility:\n"
        + "  cooling:\n"
        + "    weather: { file: "
        + name
        + " }\n"
        + "    liquid: { supply_temperature: 45 °C, dry_coolers: {} }\n";
  }

  private Path csv(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  private Scenario load(String yaml) throws ScenarioException {
    return new ScenarioLoader().parse(FILE, yaml, List.of(), folder);
  }

  private List<ScenarioError> errors(String yaml) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(yaml));
    assertThat(e).as("expected a ScenarioException").isNotNull();
    return e.errors();
  }

  /** An error in the CSV file named {@code name} in the test's folder. */
  private ScenarioError inCsv(String name, int line, int column, String message) {
    return new ScenarioError(
        folder.resolve(name).toString(), line, column, "facility.cooling.weather.file", message);
  }

  @Test
  void hoursAreReadRelativeToTheScenariosFolder() throws Exception {
    csv("temps.csv", "hour,dry_bulb_c,wet_bulb_c\n0,30.5,20\n1, 31 ,21.5\r\n2,-3,-4\n\n");
    WeatherSpec weather =
        load(withFile("temps.csv")).factory().facility().cooling().orElseThrow().weather();
    assertThat(weather)
        .isEqualTo(
            new WeatherSpec.Hourly(
                "temps.csv", new double[] {30.5, 31, -3}, new double[] {20, 21.5, -4}));
  }

  @Test
  void aScenarioFileFindsItsWeatherNextToIt() throws Exception {
    csv("temps.csv", "hour,dry_bulb_c\n0,30\n1,32\n");
    Path scenario = Files.writeString(folder.resolve("hall.yaml"), withFile("temps.csv"));
    WeatherSpec weather =
        new ScenarioLoader()
            .load(scenario.toString())
            .factory()
            .facility()
            .cooling()
            .orElseThrow()
            .weather();
    // Without a wet-bulb column the wet bulb is the dry bulb (no towers may use it).
    assertThat(weather)
        .isEqualTo(
            new WeatherSpec.Hourly("temps.csv", new double[] {30, 32}, new double[] {30, 32}));
  }

  @Test
  void aMissingFileIsReportedWhereItIsNamed() {
    assertThat(errors(withFile("nowhere.csv")))
        .containsExactly(
            new ScenarioError(
                FILE,
                24,
                22,
                "facility.cooling.weather.file",
                "no such file '"
                    + folder.resolve("nowhere.csv")
                    + "' ("
                    + folder.resolve("nowhere.csv").toAbsolutePath()
                    + ")"));
  }

  @Test
  void gapsDuplicatesAndBadNumbersAreLocatedInTheFile() throws Exception {
    csv(
        "temps.csv",
        String.join(
            "\n",
            "hour,dry_bulb_c,wet_bulb_c",
            "0,30,20",
            "1,31,21",
            "1,31,21",
            "4,32,22",
            "5,hot,22",
            "6,25,26",
            "7,25",
            "8,35 °C,20",
            "9,90,20",
            "x,30,20",
            ""));
    assertThat(errors(withFile("temps.csv")))
        .containsExactly(
            inCsv("temps.csv", 4, 1, "hour 1 again (first at line 3): one row per hour"),
            inCsv(
                "temps.csv",
                5,
                1,
                "hours 2 to 3 are missing: one row per hour, from hour 0 without gaps"),
            inCsv(
                "temps.csv",
                6,
                3,
                "expected a dry-bulb temperature in °C (a number, e.g. 35.2), got 'hot'"),
            inCsv(
                "temps.csv",
                7,
                6,
                "the wet bulb (26 °C) is above the dry bulb (25 °C) of the same hour; a wet bulb"
                    + " is at most the dry bulb"),
            inCsv("temps.csv", 8, 1, "expected 3 values (hour,dry_bulb_c,wet_bulb_c), got 2"),
            inCsv(
                "temps.csv",
                9,
                3,
                "expected a dry-bulb temperature in °C (a number, e.g. 35.2) without a unit (the"
                    + " column is in °C), got '35 °C'"),
            inCsv(
                "temps.csv",
                10,
                3,
                "expected an outdoor temperature from -100 °C to 70 °C, got '90'"),
            inCsv("temps.csv", 11, 1, "expected an hour, a whole number from 0, got 'x'"));
  }

  @Test
  void aMissingFirstHourAndAHourOutOfOrder() throws Exception {
    csv("temps.csv", "hour,dry_bulb_c\n1,30\n3,30\n2,30\n");
    assertThat(errors(withFile("temps.csv")))
        .containsExactly(
            inCsv(
                "temps.csv", 2, 1, "hour 0 is missing: one row per hour, from hour 0 without gaps"),
            inCsv(
                "temps.csv", 3, 1, "hour 2 is missing: one row per hour, from hour 0 without gaps"),
            inCsv(
                "temps.csv",
                4,
                1,
                "hour 2 is out of order: one row per hour, from hour 0 in order"));
  }

  @Test
  void aBadHeader() throws Exception {
    csv("a.csv", "hour,dry_bulb_f\n0,90\n");
    csv("b.csv", "time,dry_bulb_c\n0,30\n");
    csv("c.csv", "hour,dry_bulb_c,wet_bulb_c,rh\n0,30,20,0.4\n");
    csv("d.csv", "hour\n0\n");
    assertThat(errors(withFile("a.csv")))
        .containsExactly(
            inCsv(
                "a.csv",
                1,
                6,
                "expected the header hour,dry_bulb_c[,wet_bulb_c] (temperatures in °C), got"
                    + " 'dry_bulb_f' where 'dry_bulb_c' goes (did you mean 'dry_bulb_c'?)"));
    assertThat(errors(withFile("b.csv")))
        .containsExactly(
            inCsv(
                "b.csv",
                1,
                1,
                "expected the header hour,dry_bulb_c[,wet_bulb_c] (temperatures in °C), got"
                    + " 'time' where 'hour' goes"));
    assertThat(errors(withFile("c.csv")))
        .containsExactly(
            inCsv(
                "c.csv",
                1,
                28,
                "unexpected column 'rh': expected the header hour,dry_bulb_c[,wet_bulb_c]"
                    + " (temperatures in °C)"));
    assertThat(errors(withFile("d.csv")))
        .containsExactly(
            inCsv(
                "d.csv",
                1,
                5,
                "expected the header hour,dry_bulb_c[,wet_bulb_c] (temperatures in °C): the dry"
                    + " bulb is missing"));
  }

  @Test
  void anEmptyFileOrAHeaderWithoutHours() throws Exception {
    csv("empty.csv", "");
    csv("blank.csv", "\n  \n");
    csv("header.csv", "hour,dry_bulb_c\n");
    String empty =
        "the file is empty: expected the header hour,dry_bulb_c[,wet_bulb_c] and one row per"
            + " hour, from hour 0";
    assertThat(errors(withFile("empty.csv"))).containsExactly(inCsv("empty.csv", 1, 1, empty));
    assertThat(errors(withFile("blank.csv"))).containsExactly(inCsv("blank.csv", 1, 1, empty));
    assertThat(errors(withFile("header.csv")))
        .containsExactly(
            inCsv(
                "header.csv",
                2,
                1,
                "no hours: expected one row per hour after the header, from hour 0"));
  }

  @Test
  void anEmptyLineInsideIsAnError() throws Exception {
    csv("temps.csv", "hour,dry_bulb_c\n0,30\n\n1,30\n");
    assertThat(errors(withFile("temps.csv")))
        .containsExactly(
            inCsv("temps.csv", 3, 1, "expected 2 values (hour,dry_bulb_c), got an empty line"));
  }

  @Test
  void tooManyHoursOrBytes() throws Exception {
    StringBuilder rows = new StringBuilder("hour,dry_bulb_c\n");
    for (int h = 0; h <= WeatherCsv.MAX_HOURS; h++) {
      rows.append(h).append(",20\n");
    }
    csv("long.csv", rows.toString());
    assertThat(errors(withFile("long.csv")))
        .containsExactly(
            inCsv(
                "long.csv",
                100_002,
                1,
                "more than 100,000 hours; a weather file may have at most 100,000 (a run longer"
                    + " than its weather repeats it from the start)"));
    Path big = folder.resolve("big.csv");
    Files.write(big, new byte[(int) WeatherCsv.MAX_BYTES + 1]);
    assertThat(errors(withFile("big.csv")))
        .containsExactly(
            new ScenarioError(
                FILE,
                24,
                22,
                "facility.cooling.weather.file",
                "'" + big + "' is 10.0 MB (10,000,001 bytes); a weather file is limited to 10 MB"));
  }

  @Test
  void notUtf8() throws Exception {
    Files.write(
        folder.resolve("latin1.csv"),
        "hour,dry_bulb_c\n0,30\n1,3\u00e90\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(errors(withFile("latin1.csv")))
        .containsExactly(inCsv("latin1.csv", 3, 4, "the file is not UTF-8 text (byte 0xE9)"));
  }

  /** A file of something else stops after 20 problems, saying that more are not listed. */
  @Test
  void atMostTwentyProblemsAreListed() throws Exception {
    StringBuilder rows = new StringBuilder("hour,dry_bulb_c\n");
    for (int h = 0; h < 30; h++) {
      rows.append(h).append(",x\n");
    }
    csv("junk.csv", rows.toString());
    List<ScenarioError> errors = errors(withFile("junk.csv"));
    assertThat(errors).hasSize(21);
    assertThat(errors.get(20))
        .isEqualTo(
            inCsv(
                "junk.csv", 22, 4, "more problems in this file are not listed (the first 20 are)"));
  }

  /** The scenario's own errors come first, then the file's. */
  @Test
  void theFilesErrorsFollowTheScenarios() throws Exception {
    csv("temps.csv", "hour,dry_bulb_c\n1,30\n");
    List<ScenarioError> errors = errors(withFile("temps.csv").replace("count: 4", "count: x"));
    // The file's error is at line 2, the scenario's at line 6: files are not mixed by line.
    assertThat(errors)
        .extracting(ScenarioError::file)
        .containsExactly(FILE, folder.resolve("temps.csv").toString());
  }
}
