package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource(
      delimiter = '|',
      value = {
        "5.5 s     | 5500000000",
        "10 min    | 600000000000",
        "54 d      | 4665600000000000",
        "250ms     | 250000000",
        "1 w       | 604800000000000",
        "1 y       | 31536000000000000",
        "2 h       | 7200000000000",
        "3 us      | 3000",
        "7 ns      | 7",
        "1.4 ns    | 1",
        "1e3 ms    | 1000000000",
        "0 s       | 0",
        "16_000 s  | 16000000000000",
        "0.1 s     | 100000000",
        "10000 h   | 36000000000000000",
      })
  void readsDurations(String text, long nanos) throws ValueException {
    assertThat(Values.duration(text, Bound.NON_NEGATIVE)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "{0} = {1} W")
  @CsvSource(
      delimiter = '|',
      value = {
        "700 W   | 700",
        "132 kW  | 132000",
        "1.5 MW  | 1500000",
        "1 GW    | 1000000000",
        "4.6kW   | 4600",
        "0 W     | 0",
      })
  void readsPowers(String text, double watts) throws ValueException {
    assertThat(Values.power(text, Bound.NON_NEGATIVE)).isEqualTo(watts);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {"70 %  | 0.7", "70%   | 0.7", "0.7   | 0.7", "1     | 1", "0 %   | 0", "100 % | 1"})
  void readsFractions(String text, double fraction) throws ValueException {
    assertThat(Values.fraction(text)).isEqualTo(fraction);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {"16777216 | 16777216", "16_777_216 | 16777216", "0 | 0", "+5 | 5"})
  void readsIntegers(String text, long value) throws ValueException {
    assertThat(Values.integer(text, 0, Long.MAX_VALUE)).isEqualTo(value);
  }

  @ParameterizedTest(name = "duration {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5.5      | '5.5' needs a unit, e.g. '5.5 s'",
        "700 W    | expected a duration (e.g. 5 s, 10 min, 54 d), got a power '700 W'",
        "70 %     | expected a duration (e.g. 5 s, 10 min, 54 d), got a percentage '70 %'",
        "-5 s     | expected a duration >= 0, got '-5 s'",
        ".inf     | expected a duration (e.g. 5 s, 10 min, 54 d), got '.inf', which is not a"
            + " finite number",
        "NaN s    | expected a duration (e.g. 5 s, 10 min, 54 d), got 'NaN s', which is not a"
            + " finite number",
        "-Infinity | expected a duration (e.g. 5 s, 10 min, 54 d), got '-Infinity', which is not"
            + " a finite number",
        "5 sec    | unknown unit 'sec' in '5 sec'; duration units are ns, us, ms, s, min, h, d, w,"
            + " y (did you mean 's'?)",
        "5 S      | unknown unit 'S' in '5 S'; duration units are ns, us, ms, s, min, h, d, w, y"
            + " (units are case-sensitive: did you mean 's'?)",
        "5 mins   | unknown unit 'mins' in '5 mins'; duration units are ns, us, ms, s, min, h, d,"
            + " w, y (did you mean 'min'?)",
        "abc      | expected a duration (e.g. 5 s, 10 min, 54 d), got 'abc'",
        "300 y    | '300 y' is too long: the simulation clock counts nanoseconds in 64 bits, so a"
            + " duration is at most 292 y",
        "0.1 ns   | '0.1 ns' is shorter than the clock's resolution of 1 ns (it would round to 0)",
      })
  void rejectsBadDurations(String text, String message) {
    assertThatThrownBy(() -> Values.duration(text, Bound.NON_NEGATIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "power {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "700      | '700' needs a unit, e.g. '700 W'",
        "5 s      | expected a power (e.g. 700 W, 132 kW, 1.5 MW), got a duration '5 s'",
        "0 W      | expected a power > 0, got '0 W'",
        "-1 kW    | expected a power > 0, got '-1 kW'",
        "5 kw     | unknown unit 'kw' in '5 kw'; power units are W, kW, MW, GW (units are"
            + " case-sensitive: did you mean 'kW'?)",
        "1e400 GW | '1e400 GW' is out of range for a power",
      })
  void rejectsBadPowers(String text, String message) {
    assertThatThrownBy(() -> Values.power(text, Bound.POSITIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} = {1} °C")
  @CsvSource(
      delimiter = '|',
      value = {
        "45 °C      | 45",
        "45°C       | 45",
        "-5 °C      | -5",
        "318.15 K   | 45",
        "273.15 K   | 0",
        "0 K        | -273.15",
        "-273.15 °C | -273.15",
        "29.4 °C    | 29.4",
      })
  void readsTemperatures(String text, double celsius) throws ValueException {
    assertThat(Values.celsius(text)).isCloseTo(celsius, within(1e-12));
  }

  @ParameterizedTest(name = "temperature {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "45        | '45' needs a unit, e.g. '45 °C'",
        "45 C      | unknown unit 'C' in '45 C'; temperature units are °C, K (did you mean '°C'?)",
        "45 degC   | unknown unit 'degC' in '45 degC'; temperature units are °C, K (did you mean"
            + " '°C'?)",
        "45 celsius | unknown unit 'celsius' in '45 celsius'; temperature units are °C, K (did you"
            + " mean '°C'?)",
        "45 ℃      | unknown unit '℃' in '45 ℃'; temperature units are °C, K (did you mean '°C'?)",
        "45 °c     | unknown unit '°c' in '45 °c'; temperature units are °C, K (units are"
            + " case-sensitive: did you mean '°C'?)",
        "300 k     | unknown unit 'k' in '300 k'; temperature units are °C, K (units are"
            + " case-sensitive: did you mean 'K'?)",
        "113 F     | unknown unit 'F' in '113 F'; temperature units are °C, K (Fahrenheit is not"
            + " accepted: 113 °F is 45 °C)",
        "100 °F    | unknown unit '°F' in '100 °F'; temperature units are °C, K (Fahrenheit is not"
            + " accepted: 100 °F is 37.78 °C)",
        "45 W      | expected a temperature (e.g. 45 °C, 318.15 K), got a power '45 W'",
        "-300 °C   | '-300 °C' is below absolute zero (0 K, -273.15 °C)",
        "-1 K      | '-1 K' is below absolute zero (0 K, -273.15 °C)",
        ".nan °C   | expected a temperature (e.g. 45 °C, 318.15 K), got '.nan °C', which is not a"
            + " finite number",
        "1e400 °C  | '1e400 °C' is out of range for a temperature",
      })
  void rejectsBadTemperatures(String text, String message) {
    assertThatThrownBy(() -> Values.celsius(text))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  /** A difference is the same in K and in °C: no offset. */
  @ParameterizedTest(name = "{0} = {1} K")
  @CsvSource(
      delimiter = '|',
      value = {"5 K | 5", "5 °C | 5", "0.5K | 0.5", "12 K | 12"})
  void readsTemperatureDifferences(String text, double kelvins) throws ValueException {
    assertThat(Values.kelvins(text, Bound.POSITIVE)).isEqualTo(kelvins);
  }

  @ParameterizedTest(name = "difference {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5      | '5' needs a unit, e.g. '5 K'",
        "0 K    | expected a temperature difference > 0, got '0 K'",
        "-2 K   | expected a temperature difference > 0, got '-2 K'",
        "9 F    | unknown unit 'F' in '9 F'; temperature difference units are °C, K (Fahrenheit is"
            + " not accepted: a difference of 9 °F is 5 K)",
        "5 kW   | expected a temperature difference (e.g. 5 K), got a power '5 kW'",
      })
  void rejectsBadTemperatureDifferences(String text, String message) {
    assertThatThrownBy(() -> Values.kelvins(text, Bound.POSITIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} = {1} K/W")
  @CsvSource(
      delimiter = '|',
      value = {"0.036 K/W | 0.036", "0.014 °C/W | 0.014", "1e-2K/W | 0.01"})
  void readsThermalResistances(String text, double kelvinsPerWatt) throws ValueException {
    assertThat(Values.kelvinsPerWatt(text, Bound.POSITIVE)).isEqualTo(kelvinsPerWatt);
  }

  @ParameterizedTest(name = "thermal resistance {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.036     | '0.036' needs a unit, e.g. '0.036 K/W'",
        "0.036 K   | expected a thermal resistance (e.g. 0.036 K/W), got a temperature '0.036 K'",
        "0.036 k/w | unknown unit 'k/w' in '0.036 k/w'; thermal resistance units are K/W, °C/W"
            + " (units are case-sensitive: did you mean 'K/W'?)",
        "0.04 C/W  | unknown unit 'C/W' in '0.04 C/W'; thermal resistance units are K/W, °C/W (did"
            + " you mean '°C/W'?)",
        "0 K/W     | expected a thermal resistance > 0, got '0 K/W'",
      })
  void rejectsBadThermalResistances(String text, String message) {
    assertThatThrownBy(() -> Values.kelvinsPerWatt(text, Bound.POSITIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} = {1} L/kWh")
  @CsvSource(
      delimiter = '|',
      value = {"2.08 L/kWh | 2.08", "0 L/kWh | 0", "3L/kWh | 3"})
  void readsWaterUse(String text, double litresPerKwh) throws ValueException {
    assertThat(Values.litresPerKwh(text, Bound.NON_NEGATIVE)).isEqualTo(litresPerKwh);
  }

  @ParameterizedTest(name = "water use {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2          | '2' needs a unit, e.g. '2 L/kWh'",
        "2 l/kwh    | unknown unit 'l/kwh' in '2 l/kwh'; water use units are L/kWh (units are"
            + " case-sensitive: did you mean 'L/kWh'?)",
        "2 L/MWh    | unknown unit 'L/MWh' in '2 L/MWh'; water use units are L/kWh (did you mean"
            + " 'L/kWh'?)",
        "-1 L/kWh   | expected a water use >= 0, got '-1 L/kWh'",
        "2 L        | unknown unit 'L' in '2 L'; water use units are L/kWh",
      })
  void rejectsBadWaterUse(String text, String message) {
    assertThatThrownBy(() -> Values.litresPerKwh(text, Bound.NON_NEGATIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  /** A unit of another dimension is not suggested: 'c' is °C only where a temperature goes. */
  @Test
  void suggestionsAreUnitsOfTheDimensionExpected() {
    assertThatThrownBy(() -> Values.duration("5 c", Bound.POSITIVE))
        .hasMessage("unknown unit 'c' in '5 c'; duration units are ns, us, ms, s, min, h, d, w, y");
    assertThatThrownBy(() -> Values.power("5 k", Bound.POSITIVE))
        .hasMessage("unknown unit 'k' in '5 k'; power units are W, kW, MW, GW");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "500       | 500",
        "$500      | 500",
        "$ 2.5     | 2.5",
        "25_000    | 25000",
        "1e3       | 1000",
        "0         | 0",
      })
  void readsMoney(String text, double dollars) throws ValueException {
    assertThat(Values.money(text)).isEqualTo(dollars);
  }

  @ParameterizedTest(name = "money {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-1        | expected an amount of US dollars >= 0 (e.g. 500 or $500), got '-1'",
        "$-1       | expected an amount of US dollars >= 0 (e.g. 500 or $500), got '$-1'",
        "5 kW      | expected an amount of US dollars >= 0 (e.g. 500 or $500) without a unit (the"
            + " key says what it is per), got '5 kW'",
        "1,000.5   | expected an amount of US dollars >= 0 (e.g. 500 or $500), got '1,000.5': write"
            + " thousands without commas, e.g. 1_000.5 or 1000.5",
        "$         | expected an amount of US dollars >= 0 (e.g. 500 or $500), got '$'",
        "USD 5     | expected an amount of US dollars >= 0 (e.g. 500 or $500), got 'USD 5'",
        ".inf      | expected an amount of US dollars >= 0 (e.g. 500 or $500), got '.inf', which is"
            + " not a finite number",
        "1e999     | '1e999' is out of range",
      })
  void rejectsBadMoney(String text, String message) {
    assertThatThrownBy(() -> Values.money(text))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "fraction {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2      | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '1.2' (if you meant"
            + " a percentage, write '1.2 %')",
        "70       | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '70' (if you meant"
            + " a percentage, write '70 %')",
        "120 %    | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '120 %'",
        "-0.1     | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '-0.1'",
        "5 s      | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got a duration '5 s'",
        ".nan     | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '.nan', which is"
            + " not a finite number",
        "70 pct   | unknown unit 'pct' in '70 pct'; write a fraction as 0.7 or as a percentage, 70"
            + " % (did you mean '%'?)",
      })
  void rejectsBadFractions(String text, String message) {
    assertThatThrownBy(() -> Values.fraction(text))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "integer {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2.5      | expected a whole number between 1 and 2,147,483,647, got '2.5'",
        "0        | expected a whole number between 1 and 2,147,483,647, got '0'",
        "8 GPUs   | expected a whole number between 1 and 2,147,483,647 without a unit, got '8"
            + " GPUs'",
        "3e9      | expected a whole number between 1 and 2,147,483,647, got '3e9'",
        "2147483648 | expected a whole number between 1 and 2,147,483,647, got '2147483648'",
      })
  void rejectsBadIntegers(String text, String message) {
    assertThatThrownBy(() -> Values.integer(text, 1, Integer.MAX_VALUE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} W = {1}")
  @CsvSource(
      delimiter = '|',
      value = {"80 | 80 W", "4600 | 4.6 kW", "1500000 | 1.5 MW", "2.5e9 | 2.5 GW"})
  void formatsPowers(double watts, String text) {
    assertThat(Values.formatPower(watts)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource(
      delimiter = '|',
      value = {
        "5.5 s     | 5.5",
        "24 h      | 86400",
        "400 y     | 12614400000",
        "3.5e6 h   | 12600000000",
        "1e9 y     | 31536000000000000",
        "0 s       | 0",
        "1 ns      | 1e-9",
      })
  void readsLongDurationsAsSeconds(String text, double seconds) throws ValueException {
    assertThat(Values.seconds(text, Bound.NON_NEGATIVE)).isEqualTo(seconds);
  }

  @ParameterizedTest(name = "long duration {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400      | '400' needs a unit, e.g. '400 s'",
        "0 y      | expected a duration > 0, got '0 y'",
        "-1 y     | expected a duration > 0, got '-1 y'",
        "5 W      | expected a duration (e.g. 5 s, 10 min, 54 d), got a power '5 W'",
        "1e400 y  | '1e400 y' is out of range for a duration",
        "0.5 ns   | '0.5 ns' is shorter than the clock's resolution of 1 ns",
        ".inf     | expected a duration (e.g. 5 s, 10 min, 54 d), got '.inf', which is not a"
            + " finite number",
      })
  void rejectsBadLongDurations(String text, String message) {
    assertThatThrownBy(() -> Values.seconds(text, Bound.POSITIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}: mean {1} s")
  @CsvSource(
      delimiter = '|',
      value = {
        "6.5 per 1000 d  | 13292307.692307692",
        "2 per y         | 15768000",
        "1 per h         | 3600",
        "0.5 per 1 h     | 7200",
        "1e-3 per s      | 1000",
        "  3 per  30 min | 600",
      })
  void readsRatesAsMeanTimes(String text, double meanSeconds) throws ValueException {
    assertThat(Values.rateMeanSeconds(text)).isCloseTo(meanSeconds, within(1e-6));
  }

  @ParameterizedTest(name = "rate {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "6.5            | expected a rate: a number of failures per duration (e.g. 6.5 per 1000 d),"
            + " got '6.5'",
        "6.5/1000 d     | expected a rate: a number of failures per duration (e.g. 6.5 per 1000"
            + " d), got '6.5/1000 d'",
        "per 1000 d     | expected a rate: a number of failures per duration (e.g. 6.5 per 1000"
            + " d), got 'per 1000 d'",
        "6 GPUs per d   | expected a rate: a number of failures per duration (e.g. 6.5 per 1000"
            + " d), got '6 GPUs per d': '6 GPUs' is not a plain number",
        ".inf per d     | expected a rate: a number of failures per duration (e.g. 6.5 per 1000"
            + " d), got '.inf per d': '.inf' is not a plain number",
        "0 per d        | expected a rate > 0, got '0 per d' (to remove a cause, give it an empty"
            + " value)",
        "-1 per d       | expected a rate > 0, got '-1 per d' (to remove a cause, give it an empty"
            + " value)",
        "1 per 1000     | '1000' needs a unit, e.g. '1000 s'",
        "1 per days     | expected a duration (e.g. 5 s, 10 min, 54 d), got 'days'",
        "1 per 5 W      | expected a duration (e.g. 5 s, 10 min, 54 d), got a power '5 W'",
        "1e300 per 1 ns | '1e300 per 1 ns' is out of range for a rate",
      })
  void rejectsBadRates(String text, String message) {
    assertThatThrownBy(() -> Values.rateMeanSeconds(text))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "positive number {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0     | expected a number > 0, got '0'",
        "-2    | expected a number > 0, got '-2'",
        "2 x   | expected a number > 0 without a unit, got '2 x'",
      })
  void rejectsNonPositiveNumbers(String text, String message) {
    assertThatThrownBy(() -> Values.positiveNumber(text, "a number > 0"))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  /** Numbers of any length are scanned without recursion: 2,000 digits overflowed the stack. */
  @Test
  void numbersOfAnyLengthAreScannedWithoutOverflowingTheStack() throws ValueException {
    String nines = "9".repeat(100_000);
    assertThatThrownBy(() -> Values.integer(nines, Long.MIN_VALUE, Long.MAX_VALUE))
        .isInstanceOf(ValueException.class)
        .hasMessage("expected a whole number, got '" + nines + "'");
    assertThat(Values.integer("1" + "_0".repeat(18), 0, Long.MAX_VALUE))
        .isEqualTo(1_000_000_000_000_000_000L);
    assertThatThrownBy(() -> Values.duration(nines + " s", Bound.POSITIVE))
        .isInstanceOf(ValueException.class)
        .hasMessage("'" + nines + " s' is out of range for a duration");
    String tiny = "0." + "0".repeat(100_000) + "1";
    assertThatThrownBy(() -> Values.fraction(tiny))
        .isInstanceOf(ValueException.class)
        .hasMessage("'" + tiny + "' is out of range for a fraction");
    assertThat(Values.fraction("0." + "0".repeat(300) + "1")).isEqualTo(1e-301);
    assertThat(Values.number("1" + "_000".repeat(50), 0, "a number")).isEqualTo(1e150);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "duration      | 1e999999999 s       | '1e999999999 s' is out of range for a duration",
        "duration      | 1e-999999999 s      | '1e-999999999 s' is out of range for a duration",
        "duration      | 1e99999999999999 s  | '1e99999999999999 s' is out of range for a"
            + " duration",
        "long duration | 1e999999999 y       | '1e999999999 y' is out of range for a duration",
        "long duration | 1e-999999999 s      | '1e-999999999 s' is out of range for a duration",
        "power         | 1e999999999 W       | '1e999999999 W' is out of range for a power",
        "power         | 1e-999999999 kW     | '1e-999999999 kW' is out of range for a power",
        "fraction      | 1e-999999999        | '1e-999999999' is out of range for a fraction",
        "fraction      | 1e-999999999 %      | '1e-999999999 %' is out of range for a fraction",
        "number        | 1e999999999         | '1e999999999' is out of range",
        "number        | 1e-999999999        | '1e-999999999' is out of range",
        "money         | 1e999999999         | '1e999999999' is out of range",
        "money         | $1e-999999999       | '$1e-999999999' is out of range",
        "rate          | 1e999999999 per d   | '1e999999999 per d' is out of range for a rate",
        "rate          | 1e-999999999 per d  | '1e-999999999 per d' is out of range for a rate",
        "rate          | 1 per 1e999999999 d | '1e999999999 d' is out of range for a duration",
        "whole number  | 1e999999999         | expected a whole number >= 1, got '1e999999999'",
      })
  void anyExponentIsOutOfRangeNotACrash(String kind, String text, String message) {
    assertThatThrownBy(() -> read(kind, text))
        .isInstanceOf(ValueException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {"0e999999999 s | 0", "0e-999999999 s | 0", "-0.0e5 s | 0"})
  void zeroWithAnyExponentIsZero(String text, long nanos) throws ValueException {
    assertThat(Values.duration(text, Bound.NON_NEGATIVE)).isEqualTo(Duration.ofNanos(nanos));
  }

  private static Object read(String kind, String text) throws ValueException {
    return switch (kind) {
      case "duration" -> Values.duration(text, Bound.POSITIVE);
      case "long duration" -> Values.seconds(text, Bound.POSITIVE);
      case "power" -> Values.power(text, Bound.POSITIVE);
      case "fraction" -> Values.fraction(text);
      case "number" -> Values.number(text, 0, "a number >= 0");
      case "money" -> Values.money(text);
      case "rate" -> Values.rateMeanSeconds(text);
      default -> Values.integer(text, 1, Long.MAX_VALUE);
    };
  }
}
