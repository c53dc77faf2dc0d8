package org.aifactory.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ComparisonResult;
import org.aifactory.metrics.ComparisonResult.BreakEven;
import org.aifactory.metrics.ValueRange;

/**
 * {@code break_even.csv}: one row per pair of compared variants, in ranking order (the cheapest
 * with each other variant, then the runner-up with each later one...). {@code higher_fixed} is the
 * variant with the higher fixed cost per year (capital + energy), {@code lower_fixed} the other;
 * {@code decides_top} is {@code true} for the cheapest and the runner-up. {@code
 * extra_fixed_dollars} (per year) and {@code gpu_hours_saved_per_year} are paired by replication;
 * {@code break_even_dollars_per_gpu_hour} is the value of a lost GPU-hour above which {@code
 * higher_fixed} is the cheaper, empty when it never is, and {@code cheaper_at_every_value} then
 * names the variant cheaper at every value. {@code ci95_from}, {@code ci95_to} (and {@code
 * ci95_from_2}, {@code ci95_to_2} for a set in two parts) are the 95 % confidence set of the
 * break-even within values of 0 and above: the values at which the pair is not distinguishable; an
 * empty {@code _to} after a {@code _from} means without an upper end, empty both means no such
 * range (and all four empty with one replication, which has no interval).
 */
final class BreakEvenCsv {
  static final String FILE = "break_even.csv";
  static final String[] HEADER = {
    "higher_fixed",
    "lower_fixed",
    "decides_top",
    "extra_fixed_dollars_mean",
    "extra_fixed_dollars_ci95",
    "gpu_hours_saved_per_year_mean",
    "gpu_hours_saved_per_year_ci95",
    "break_even_dollars_per_gpu_hour",
    "cheaper_at_every_value",
    "ci95_from",
    "ci95_to",
    "ci95_from_2",
    "ci95_to_2"
  };

  private BreakEvenCsv() {}

  static void write(ComparisonResult r, Path file) throws IOException {
    Csv.write(
        file,
        HEADER,
        out -> {
          for (BreakEven b : r.breakEvens()) {
            out.printRecord(row(r, b));
          }
        });
  }

  private static List<String> row(ComparisonResult r, BreakEven b) {
    List<String> row = new ArrayList<>();
    row.add(r.variants().get(b.higherFixed()).name());
    row.add(r.variants().get(b.lowerFixed()).name());
    row.add(Boolean.toString(r.topPair().map(b::equals).orElse(false)));
    row.add(Formats.mean(b.extraFixedDollars()));
    row.add(Formats.spread(b.extraFixedDollars().ci95(), b.extraFixedDollars().mean()));
    row.add(Formats.mean(b.gpuHoursSavedPerYear()));
    row.add(Formats.spread(b.gpuHoursSavedPerYear().ci95(), b.gpuHoursSavedPerYear().mean()));
    row.add(Formats.number(b.dollarsPerGpuHour()));
    row.add(b.flips() ? null : r.variants().get(b.alwaysCheaper()).name());
    List<ValueRange> set = b.hasInterval() ? b.notDistinguishable() : List.of();
    for (int i = 0; i < 2; i++) {
      row.add(i < set.size() ? Formats.number(set.get(i).from()) : null);
      row.add(i < set.size() ? Formats.number(set.get(i).to()) : null);
    }
    return row;
  }
}
