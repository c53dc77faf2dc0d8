package org.aifactory.model.cooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in climates are the monthly normals cited in docs/sources.md §8, converted to °C. */
class ClimateProfilesTest {

  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  /** The row of the §8 climate table whose site starts with {@code site}. */
  private static String row(String site) throws IOException {
    String sources = Files.readString(Path.of("../docs/sources.md"));
    String climate = sources.substring(sources.indexOf("### Climate at data-centre sites"));
    Matcher m =
        Pattern.compile("(?m)^\\| " + Pattern.quote(site) + "[^|]*\\|([^|]*)\\|").matcher(climate);
    assertThat(m.find()).as("a row for " + site + " in docs/sources.md §8").isTrue();
    return m.group(1);
  }

  /** "°F: Jan 68/46, Feb 71/49, ...": the 12 maxima and minima, in °C. */
  private static double[][] normals(String cell) {
    double[][] celsius = new double[2][12];
    for (int month = 0; month < 12; month++) {
      Matcher m =
          Pattern.compile(MONTHS.get(month) + " (-?\\d+(?:\\.\\d+)?)/(-?\\d+(?:\\.\\d+)?)")
              .matcher(cell);
      assertThat(m.find()).as(MONTHS.get(month) + " in '" + cell + "'").isTrue();
      celsius[0][month] = (Double.parseDouble(m.group(1)) - 32) * 5 / 9;
      celsius[1][month] = (Double.parseDouble(m.group(2)) - 32) * 5 / 9;
    }
    assertThat(cell).contains("°F");
    return celsius;
  }

  @ParameterizedTest(name = "{0} is the §8 row {1}")
  @CsvSource({"phoenix, Phoenix (Sky Harbor)", "dallas, Dallas"})
  void normalsAreTheCitedTables(String name, String site) throws IOException {
    ClimateProfile profile = ClimateProfiles.byName(name).orElseThrow();
    double[][] cited = normals(row(site));
    for (int month = 0; month < 12; month++) {
      assertThat(profile.monthlyMaxCelsius()[month])
          .as(name + " max " + MONTHS.get(month))
          .isCloseTo(cited[0][month], within(1e-9));
      assertThat(profile.monthlyMinCelsius()[month])
          .as(name + " min " + MONTHS.get(month))
          .isCloseTo(cited[1][month], within(1e-9));
    }
  }

  @Test
  void onlySitesWithFullMonthlyNormalsAreBuiltIn() {
    assertThat(ClimateProfiles.names()).containsExactly("phoenix", "dallas");
    assertThat(ClimateProfiles.byName("dublin")).isEmpty();
  }

  /** The hottest normal afternoon is the default design dry bulb: Phoenix in July, 107 °F. */
  @Test
  void hottestNormalMaximum() {
    ClimateProfile phoenix = ClimateProfiles.byName("phoenix").orElseThrow();
    assertThat(ClimateProfiles.hottestNormalMaxCelsius(phoenix))
        .isCloseTo((107 - 32) * 5 / 9.0, within(1e-12));
    // Phoenix in July (day 182 is 1 July): the afternoon is near the normal maximum, 41.7 °C.
    WeatherSpec july = new WeatherSpec.Climate(phoenix, 196);
    assertThat(july.dryBulbCelsius(15)).isCloseTo(41.6, within(0.2));
    assertThat(july.wetBulbCelsius(15)).isCloseTo(july.dryBulbCelsius(15) - 15, within(1e-12));
  }
}
