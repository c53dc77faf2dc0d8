package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.metrics.FailureLog;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.PowerSeries;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.PulseResolution;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  @TempDir Path dir;

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.parse(in).getRecords();
    }
  }

  @Test
  void summaryHasOneRowPerMetricAndNoSpreadForOneRun() throws Exception {
    RunResult r = Results.small(PulseResolution.AVERAGED);
    Path file = dir.resolve("summary.csv");
    SummaryCsv.write(ReplicationSet.of(r), file);
    List<CSVRecord> rows = read(file);
    assertThat(rows.get(0).toList()).containsExactly("metric", "unit", "mean", "sd", "ci95", "n");
    List<Metric> metrics = r.metrics();
    assertThat(rows).hasSize(metrics.size() + 1);
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      CSVRecord row = rows.get(i + 1);
      assertThat(row.get(0)).isEqualTo(m.key());
      assertThat(row.get(1)).isEqualTo(m.unit());
      assertThat(row.get(3)).as(m.key() + " sd").isEmpty();
      assertThat(row.get(4)).as(m.key() + " ci95").isEmpty();
      String cell = row.get(2);
      if (!Double.isFinite(m.value())) {
        assertThat(cell).as(m.key() + " is empty").isEmpty();
        assertThat(row.get(5)).isEqualTo("0");
        continue;
      }
      assertThat(row.get(5)).isEqualTo("1");
      if (m.isCount()) {
        assertThat(cell).as(m.key()).matches("-?\\d+");
        assertThat(Double.parseDouble(cell)).as(m.key()).isEqualTo(Math.rint(m.value()));
      } else {
        assertThat(cell).as(m.key()).isEqualTo(Formats.number(m.value()));
        assertThat(significantDigits(cell)).as(m.key()).isLessThanOrEqualTo(6);
      }
    }
    assertThat(rows.get(1).toList()).containsExactly("horizon_hours", "h", "2", "", "", "1");
    assertThat(rows.get(2).toList()).containsExactly("gpus", "GPUs", "1024", "", "", "1");
    assertThat(rows.stream().map(row -> row.get(0)))
        .contains("gpu_hours.compute", "power_mw.peak", "job.pretrain-a.ettr");
  }

  @Test
  void summaryHasTheSameColumnsAndRowsWithReplications() throws Exception {
    RunResult r = Results.realistic(PulseResolution.AVERAGED);
    Path single = dir.resolve("one.csv");
    Path many = dir.resolve("many.csv");
    SummaryCsv.write(ReplicationSet.of(r), single);
    SummaryCsv.write(Results.replications(r, 5), many);
    List<CSVRecord> one = read(single);
    List<CSVRecord> five = read(many);
    assertThat(five).hasSameSizeAs(one);
    for (int i = 0; i < one.size(); i++) {
      assertThat(five.get(i).get(0)).isEqualTo(one.get(i).get(0));
      assertThat(five.get(i).get(1)).isEqualTo(one.get(i).get(1));
    }
    CSVRecord energy =
        five.stream().filter(row -> row.get(0).equals("energy_facility_mwh")).findFirst().get();
    assertThat(energy.get(3)).isNotEmpty();
    assertThat(energy.get(4)).isNotEmpty();
    assertThat(energy.get(5)).isEqualTo("5");
  }

  /**
   * Significant digits of a plain decimal: {@code 0.000161341} has 6, {@code 12300} has 3; of a
   * value from 0.9 to 1, those of its distance to 1 ({@code 0.9680556}: 0.0319444 has 6).
   */
  static int significantDigits(String plain) {
    java.math.BigDecimal d = new java.math.BigDecimal(plain).abs();
    if (d.compareTo(new java.math.BigDecimal("0.9")) >= 0
        && d.compareTo(java.math.BigDecimal.ONE) < 0) {
      d = java.math.BigDecimal.ONE.subtract(d);
    }
    return d.signum() == 0 ? 0 : d.stripTrailingZeros().precision();
  }

  @Test
  void summaryIsDeterministic() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    SummaryCsv.write(ReplicationSet.of(Results.realistic(PulseResolution.FULL)), a);
    SummaryCsv.write(ReplicationSet.of(Results.realistic(PulseResolution.FULL)), b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void timeseriesHasOneRowPerBucketEndingAtTheHorizon() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    Path file = dir.resolve("timeseries.csv");
    TimeseriesCsv.write(r, file);
    List<CSVRecord> rows = read(file);
    assertThat(rows.get(0).toList())
        .containsExactly(
            "time_start_s", "time_end_s", "power_min_mw", "power_mean_mw", "power_max_mw");
    PowerSeries s = r.series();
    assertThat(rows).hasSize(s.bucketCount() + 1);
    CSVRecord first = rows.get(1);
    CSVRecord last = rows.get(rows.size() - 1);
    assertThat(first.get(0)).isEqualTo("0");
    assertThat(first.get(1)).isEqualTo("43.2");
    assertThat(Double.parseDouble(first.get(3))).isEqualTo(s.meanWatts(0) / 1e6);
    assertThat(last.get(0)).isEqualTo("43156.8");
    assertThat(last.get(1)).isEqualTo("43200");
    for (CSVRecord row : rows.subList(1, rows.size())) {
      double min = Double.parseDouble(row.get(2));
      double mean = Double.parseDouble(row.get(3));
      double max = Double.parseDouble(row.get(4));
      assertThat(min).isLessThanOrEqualTo(mean);
      assertThat(mean).isLessThanOrEqualTo(max);
    }
  }

  @Test
  void lastBucketCutByTheHorizon() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL); // 4 buckets of 30 min over 2 h
    RunResult cut = Results.with(r, r.scenario(), java.time.Duration.ofMinutes(100), r.series());
    Path file = dir.resolve("timeseries.csv");
    TimeseriesCsv.write(cut, file);
    List<CSVRecord> rows = read(file);
    assertThat(rows.get(4).get(0)).isEqualTo("5400");
    assertThat(rows.get(4).get(1)).isEqualTo("6000");
  }

  @Test
  void windowHasEveryStepAndAClosingRow() throws Exception {
    RunResult r = Results.small(PulseResolution.FULL);
    Path file = dir.resolve("window.csv");
    WindowCsv.write(r, file);
    List<CSVRecord> rows = read(file);
    assertThat(rows.get(0).toList()).containsExactly("time_s", "power_mw");
    assertThat(rows).hasSize(1 + 5 + 1);
    assertThat(rows.get(1).toList()).containsExactly("3600", "2");
    assertThat(rows.get(2).toList()).containsExactly("3602", "1");
    assertThat(rows.get(5).toList()).containsExactly("3608", "2");
    assertThat(rows.get(6).toList()).containsExactly("3610", "2"); // window end, last level
  }

  @Test
  void emptyWindowIsJustTheHeader() throws Exception {
    Path file = dir.resolve("window.csv");
    WindowCsv.write(Results.emptyWindow(), file);
    assertThat(Files.readString(file)).isEqualTo("time_s,power_mw\n");
  }

  @Test
  void eventsHaveOneRowPerInterruptionAndRepair() throws Exception {
    RunResult r = Results.realistic(PulseResolution.FULL);
    Path file = dir.resolve("events.csv");
    EventsCsv.write(r, file);
    List<CSVRecord> rows = read(file);
    assertThat(rows.get(0).toList())
        .containsExactly(
            "time_h", "kind", "component", "cause", "job", "work_lost_gpu_h", "downtime_h");
    List<FailureLog.Row> events = r.events();
    assertThat(rows).hasSize(events.size() + 1);
    long interruptions = rows.stream().filter(row -> row.get(1).equals("interruption")).count();
    assertThat(interruptions).isEqualTo(r.interruptions());
    assertThat(rows.stream().skip(1).map(row -> row.get(1)))
        .allMatch(k -> k.equals("interruption") || k.equals("repair"));

    CSVRecord first = rows.get(1);
    FailureLog.Row e = events.get(0);
    assertThat(first.get(0)).isEqualTo("0.24"); // 12 h / 50
    assertThat(first.get(0)).isEqualTo(Formats.hours(e.timeNanos()));
    assertThat(first.get(1)).isEqualTo("interruption");
    assertThat(first.get(2)).isEqualTo(e.component());
    assertThat(first.get(3)).isEqualTo("faulty_gpu");
    assertThat(first.get(4)).isEqualTo("pretrain-a");
    assertThat(first.get(5)).isEqualTo("2048"); // 8,192 GPUs x 0.25
    assertThat(first.get(6)).isEqualTo("0.333333"); // 20 min, six digits

    // a repair of a system no job held has no job; one that outlived the run has no downtime
    CSVRecord lastRepair =
        rows.stream().filter(row -> row.get(1).equals("repair")).reduce((a, b) -> b).orElseThrow();
    assertThat(lastRepair.get(4)).isEmpty();
    assertThat(lastRepair.get(6)).isEmpty();
    double previous = -1;
    for (CSVRecord row : rows.subList(1, rows.size())) {
      double t = Double.parseDouble(row.get(0));
      assertThat(t).isGreaterThanOrEqualTo(previous);
      previous = t;
    }
  }

  @Test
  void eventsAreDeterministicAndHeaderOnlyWithoutFailures() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    EventsCsv.write(Results.realistic(PulseResolution.FULL), a);
    EventsCsv.write(Results.realistic(PulseResolution.FULL), b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

    Path none = dir.resolve("none.csv");
    EventsCsv.write(Results.failureFree(PulseResolution.FULL), none);
    assertThat(Files.readString(none))
        .isEqualTo("time_h,kind,component,cause,job,work_lost_gpu_h,downtime_h\n");
  }
}
