package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.metrics.Metric;
import org.aifactory.metrics.MetricStats;
import org.junit.jupiter.api.Test;

/** The one rounding rule of the CSV and JSON files. */
class FormatsTest {

  @Test
  void quantitiesHaveSixSignificantDigitsAsPlainDecimals() {
    assertThat(Formats.number(2.2973951999999995)).isEqualTo("2.2974"); // 2.29740
    assertThat(Formats.number(1.1059199999999998)).isEqualTo("1.10592");
    assertThat(Formats.number(3568729.2182304556)).isEqualTo("3568730");
    assertThat(Formats.number(1.1895764060768186)).isEqualTo("1.18958");
    assertThat(Formats.number(0.8604938271604938)).isEqualTo("0.860494");
    assertThat(Formats.number(11895.466666666667)).isEqualTo("11895.5");
    assertThat(Formats.number(12.0)).isEqualTo("12");
    assertThat(Formats.number(12.5)).isEqualTo("12.5");
    assertThat(Formats.number(1.5e7)).isEqualTo("15000000");
    assertThat(Formats.number(6.5594195968e11)).isEqualTo("655942000000");
    assertThat(Formats.number(1.613406969473663e-4)).isEqualTo("0.000161341");
    assertThat(Formats.number(2.0e-3)).isEqualTo("0.002");
    assertThat(Formats.number(-1234.5678)).isEqualTo("-1234.57");
    assertThat(Formats.number(0.0)).isEqualTo("0");
    assertThat(Formats.number(-0.0)).isEqualTo("0");
  }

  @Test
  void halfwayCasesRoundToEvenOnTheExactBinaryValue() {
    assertThat(Formats.number(1.234565)).isEqualTo("1.23456"); // 1.23456499999... in binary
    assertThat(Formats.number(0.125)).isEqualTo("0.125");
    assertThat(Formats.number(1234565)).isEqualTo("1234560"); // exactly halfway: even
    assertThat(Formats.number(1234575)).isEqualTo("1234580");
  }

  @Test
  void valuesCloseToOneKeepSixDigitsOfTheirDistanceToOne() {
    assertThat(Formats.number(0.9999904943)).isEqualTo("0.9999904943");
    assertThat(Formats.number(0.9680555555555556)).isEqualTo("0.9680556");
    assertThat(Formats.number(0.95)).isEqualTo("0.95");
    assertThat(Formats.number(0.9999999999999999)).isEqualTo("1"); // at most 12 decimals
    assertThat(Formats.number(0.999999999995)).isEqualTo("0.999999999995");
    assertThat(Formats.number(-0.9999904943)).isEqualTo("-0.9999904943");
    assertThat(Formats.number(0.8999999)).isEqualTo("0.9"); // below 0.9: six digits as usual
    assertThat(Formats.number(1.0)).isEqualTo("1");
  }

  @Test
  void countsAreExactIntegers() {
    assertThat(Formats.count(87702896640.0)).isEqualTo("87702896640");
    assertThat(Formats.metric(new Metric("tokens", "tokens", "", 87702896640.0)))
        .isEqualTo("87702896640");
    assertThat(Formats.metric(new Metric("gpu_hours.idle", "GPU·h", "", 1536.0))).isEqualTo("1536");
    assertThat(Formats.metric(new Metric("pue", "1", "", 1.2000000000000002))).isEqualTo("1.2");
    // a count of one run is a whole number even when the model keeps a fraction
    assertThat(Formats.mean(stats("tokens", 2663512853652.4))).isEqualTo("2663512853652");
    // a mean of counts: exact when whole, six digits when not
    assertThat(Formats.mean(stats("tokens", 87702896640.0, 87702896640.0)))
        .isEqualTo("87702896640");
    assertThat(Formats.mean(stats("interruptions", 419, 420))).isEqualTo("419.5");
    assertThat(Formats.mean(stats("tokens", 655941959680.0, 655941959681.0)))
        .isEqualTo("655942000000");
    assertThat(Formats.mean(stats("MWh", 87702896640.0))).isEqualTo("87702900000");
  }

  /** Statistics of {@code values} of a metric in {@code unit}. */
  private static MetricStats stats(String unit, double... values) {
    return MetricStats.of(new Metric("x", unit, "", 0), values);
  }

  @Test
  void spreadsAreNotFinerThanTheirMean() {
    // floating-point noise in a half-width is no digit of the mean
    assertThat(Formats.spread(1.3415868844394257e-9, 8247235.435518327)).isEqualTo("0");
    assertThat(Formats.spread(6.987431689788675e-12, 81129.33523064617)).isEqualTo("0");
    assertThat(Formats.spread(12345.678, 8247235.435518327)).isEqualTo("12350");
    // the mean 0.711095 has six decimals, so has its half-width
    assertThat(Formats.spread(0.07463417478201824, 0.7110952480977983)).isEqualTo("0.074634");
    // a half-width larger than its mean keeps its own six digits
    assertThat(Formats.spread(25.123456, 3.1)).isEqualTo("25.1235");
    // a mean of 0 sets no limit
    assertThat(Formats.spread(0.0034567891, 0)).isEqualTo("0.00345679");
    assertThat(Formats.spread(Double.NaN, 1)).isNull();
    assertThat(Formats.spread(0.5, Double.NaN)).isEqualTo("0.5");
  }

  @Test
  void clockTimesAreExactAndNonFiniteIsNull() {
    assertThat(Formats.seconds(43_200_000_000_000L)).isEqualTo("43200");
    assertThat(Formats.seconds(500_000_000L)).isEqualTo("0.5");
    assertThat(Formats.seconds(1_770_123_456_789L)).isEqualTo("1770.123456789");
    assertThat(Formats.seconds(0)).isEqualTo("0");
    assertThat(Formats.hours(3_600_000_000_000L * 1296 + 1)).isEqualTo("1296");
    assertThat(Formats.hours(-1)).isNull();
    assertThat(Formats.megawatts(2297395.1999999995)).isEqualTo("2.2974");
    assertThat(Formats.number(Double.NaN)).isNull();
    assertThat(Formats.number(Double.POSITIVE_INFINITY)).isNull();
    assertThat(Formats.count(Double.NEGATIVE_INFINITY)).isNull();
  }

  @Test
  void sameTextWhateverTheDefaultLocale() throws Exception {
    assertThat(Locales.german(() -> Formats.number(1234567.891))).isEqualTo("1234570");
    assertThat(Locales.german(() -> Formats.number(0.5))).isEqualTo("0.5");
  }
}
