package org.aifactory.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an hourly series of one value: a CSV with the header {@code hour,<column>} and one row per
 * hour, from hour 0 in order without gaps (the grid's carbon intensity, a clean supply). Every
 * problem is reported at its line and column in the file (at most {@link WeatherCsv#MAX_ERRORS}); a
 * file that cannot be read at all is reported where the scenario names it.
 */
final class HourlyCsv {
  private final Diagnostics diagnostics;
  private final String path;
  private final String label;
  private final String column;
  private final double max;
  private int errors;

  private HourlyCsv(Diagnostics diagnostics, String path, String label, String column, double max) {
    this.diagnostics = diagnostics;
    this.path = path;
    this.label = label;
    this.column = column;
    this.max = max;
  }

  /**
   * The values of {@code file}, one per hour, each in [0, {@code max}]; empty if it cannot be read
   * or has problems (reported).
   *
   * @param field the key that names the file
   * @param column the value column's name in the header
   */
  static Optional<double[]> read(
      Path file, Field field, String column, double max, Diagnostics diagnostics) {
    String label = file.toString();
    if (!Files.isRegularFile(file)) {
      diagnostics.error(
          field.location(),
          field.path(),
          Files.isDirectory(file)
              ? "'" + label + "' is a folder, not a CSV file"
              : "no such file '" + label + "' (" + file.toAbsolutePath().normalize() + ")");
      return Optional.empty();
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > WeatherCsv.MAX_BYTES) {
        diagnostics.error(
            field.location(),
            field.path(),
            String.format(
                Locale.ROOT,
                "'%s' is %.1f MB; an hourly file is limited to %s",
                label,
                size / 1e6,
                TextScan.megabytes(WeatherCsv.MAX_BYTES)));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(field.location(), field.path(), "'" + label + "' cannot be read: " + e);
      return Optional.empty();
    }
    diagnostics.dataFile(label);
    return new HourlyCsv(diagnostics, field.path(), label, column, max).parse(bytes);
  }

  private String header() {
    return "hour," + column;
  }

  private Optional<double[]> parse(byte[] bytes) {
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = WeatherCsv.lines(text.get());
    int last = lines.size();
    while (last > 0 && lines.get(last - 1).isBlank()) {
      last--;
    }
    if (last == 0) {
      error(1, 1, "the file is empty: expected the header " + header() + " and one row per hour");
      return Optional.empty();
    }
    List<WeatherCsv.Cell> head = WeatherCsv.Row.of(lines.get(0), 1).cells();
    if (head.size() != 2
        || !head.get(0).text().equals(WeatherCsv.HOUR)
        || !head.get(1).text().equals(column)) {
      error(1, 1, "expected the header " + header() + ", got '" + lines.get(0).strip() + "'");
      return Optional.empty();
    }
    int rows = last - 1;
    if (rows == 0) {
      error(2, 1, "no hours: expected one row per hour after the header, from hour 0");
      return Optional.empty();
    }
    if (rows > WeatherCsv.MAX_HOURS) {
      error(
          WeatherCsv.MAX_HOURS + 2,
          1,
          String.format(
              Locale.ROOT,
              "more than %,d hours (a run longer than the file repeats it from the start)",
              WeatherCsv.MAX_HOURS));
      return Optional.empty();
    }
    double[] values = new double[rows];
    long expected = 0;
    for (int i = 1; i < last && errors <= WeatherCsv.MAX_ERRORS; i++) {
      int line = i + 1;
      List<WeatherCsv.Cell> cells = WeatherCsv.Row.of(lines.get(i), line).cells();
      if (cells.size() != 2) {
        error(
            line,
            1,
            "expected 2 values ("
                + header()
                + "), got "
                + (lines.get(i).isBlank() ? "an empty line" : cells.size()));
        expected++;
        continue;
      }
      WeatherCsv.Cell hourCell = cells.get(0);
      String h = hourCell.text();
      if (h.isEmpty() || h.length() > 9 || !h.chars().allMatch(c -> c >= '0' && c <= '9')) {
        error(hourCell, "expected an hour, a whole number from 0, got '" + h + "'");
        expected++;
        continue;
      }
      long hour = Long.parseLong(h);
      if (hour != expected) {
        error(
            hourCell,
            hour > expected
                ? (hour == expected + 1
                        ? "hour " + expected + " is missing"
                        : "hours " + expected + " to " + (hour - 1) + " are missing")
                    + ": one row per hour, from hour 0 without gaps"
                : "hour " + hour + " is out of order or repeated: one row per hour, in order");
        expected = Math.max(expected, hour + 1);
        continue;
      }
      expected++;
      value(cells.get(1)).ifPresent(v -> values[(int) hour] = v);
    }
    return errors == 0 ? Optional.of(values) : Optional.empty();
  }

  private Optional<Double> value(WeatherCsv.Cell cell) {
    String t = cell.text();
    String what = "a number >= 0 and at most " + Values.plain(max) + " (" + column + ")";
    Optional<Quantity> q = Quantity.parse(t);
    if (Quantity.isNonFinite(t)
        || q.isEmpty()
        || !q.get().fitsDouble()
        || !q.get().unitText().isEmpty()) {
      error(cell, "expected " + what + ", without a unit, got '" + t + "'");
      return Optional.empty();
    }
    double v = q.get().number().doubleValue();
    if (!(v >= 0) || v > max) {
      error(cell, "expected " + what + ", got '" + t + "'");
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private Optional<String> utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int[] at = TextScan.positionAfter(out.flip().toString());
      error(at[0], at[1], "the file is not UTF-8 text");
      return Optional.empty();
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private void error(WeatherCsv.Cell cell, String message) {
    error(cell.line(), cell.column(), message);
  }

  private void error(int line, int column, String message) {
    errors++;
    if (errors <= WeatherCsv.MAX_ERRORS) {
      diagnostics.error(new Location(label, line, column), path, message);
    } else if (errors == WeatherCsv.MAX_ERRORS + 1) {
      diagnostics.error(
          new Location(label, line, column),
          path,
          "more problems in this file are not listed (the first "
              + WeatherCsv.MAX_ERRORS
              + " are)");
    }
  }
}
