package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.model.cooling.ClimateProfiles;
import org.aifactory.model.cooling.WeatherSpec;
import org.junit.jupiter.api.Test;

/** {@code facility.cooling.weather.heat_wave}: some hours made hotter than the weather. */
class HeatWaveTest {

  private static final String LOOP =
      "    liquid: { supply_temperature: 45 °C, dry_coolers: { unit: 1 MW } }\n";

  private static String withWeather(String weather, String horizon) {
    return VALID.replace("horizon: 1 h", "horizon: " + horizon)
        + "facility:\n  cooling:\n    weather: "
        + weather
        + "\n"
        + LOOP;
  }

  @Test
  void theWaveAddsItsRiseToItsHoursOnly() throws ScenarioException {
    WeatherSpec w =
        Texts.load(
                withWeather(
                    "{ climate: phoenix, start_day: 182, heat_wave: { start: 2 h, duration: 3 h,"
                        + " rise: 6 K } }",
                    "1 d"))
            .factory()
            .facility()
            .cooling()
            .orElseThrow()
            .weather();
    WeatherSpec normal = new WeatherSpec.Climate(ClimateProfiles.byName("phoenix").get(), 182);
    assertThat(w.constant()).isFalse();
    for (long h = 0; h < 24; h++) {
      double rise = h >= 2 && h < 5 ? 6 : 0;
      assertThat(w.dryBulbCelsius(h)).isCloseTo(normal.dryBulbCelsius(h) + rise, within(1e-12));
      assertThat(w.wetBulbCelsius(h)).isCloseTo(normal.wetBulbCelsius(h) + rise, within(1e-12));
    }
  }

  @Test
  void theWaveIsNotPartOfTheDesignConditions() throws ScenarioException {
    double withWave =
        Texts.load(
                withWeather(
                    "{ dry_bulb: 30 °C, heat_wave: { start: 0 h, duration: 1 h, rise: 10 K } }",
                    "1 d"))
            .factory()
            .facility()
            .cooling()
            .orElseThrow()
            .liquid()
            .orElseThrow()
            .designDryBulbCelsius();
    assertThat(withWave).isEqualTo(30);
  }

  @Test
  void badWavesAreReportedWhereTheyAreWritten() {
    List<ScenarioError> e =
        errors(
            withWeather(
                "{ dry_bulb: 30 °C, heat_wave: { start: 90 min, duration: 0 h, rise: 6, hot: 1 } }",
                "1 d"));
    assertThat(e)
        .extracting(ScenarioError::path)
        .contains("facility.cooling.weather.heat_wave.hot");
    assertThat(e)
        .anySatisfy(
            x -> {
              assertThat(x.path()).isEqualTo("facility.cooling.weather.heat_wave.start");
              assertThat(x.message()).contains("whole number of hours, e.g. 2 h");
            })
        .anySatisfy(
            x -> {
              assertThat(x.path()).isEqualTo("facility.cooling.weather.heat_wave.duration");
              assertThat(x.message()).contains("> 0");
            })
        .anySatisfy(
            x -> {
              assertThat(x.path()).isEqualTo("facility.cooling.weather.heat_wave.rise");
              assertThat(x.message()).contains("needs a unit");
            });
    assertThat(errors(withWeather("{ dry_bulb: 30 °C, heat_wave: { start: 1 h } }", "1 d")))
        .extracting(ScenarioError::message)
        .anySatisfy(m -> assertThat(m).contains("missing required key 'duration'"))
        .anySatisfy(m -> assertThat(m).contains("missing required key 'rise'"));
    assertThat(
            errors(
                withWeather(
                    "{ dry_bulb: 30 °C, heat_wave: { start: 1 h, duration: 1 h, rise: 31 K } }",
                    "1 d")))
        .extracting(ScenarioError::message)
        .anySatisfy(m -> assertThat(m).contains("at most 30 K"));
  }

  @Test
  void aWaveAfterTheHorizonIsAMistake() {
    assertThat(
            errors(
                withWeather(
                    "{ dry_bulb: 30 °C, heat_wave: { start: 1 d, duration: 1 h, rise: 5 K } }",
                    "1 d")))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("facility.cooling.weather.heat_wave.start");
              assertThat(x.message()).contains("would never come");
            });
  }
}
