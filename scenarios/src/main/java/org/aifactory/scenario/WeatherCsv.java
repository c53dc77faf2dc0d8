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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an hourly weather file: a CSV with the header {@code hour,dry_bulb_c} or {@code
 * hour,dry_bulb_c,wet_bulb_c} and one row per hour, from hour 0 without gaps, temperatures in °C.
 * Every problem is reported at its line and column in the file (at most {@link #MAX_ERRORS}); a
 * file that cannot be read at all is reported where the scenario names it.
 */
final class WeatherCsv {
  static final String HOUR = "hour";
  static final String DRY_BULB = "dry_bulb_c";
  static final String WET_BULB = "wet_bulb_c";
  static final String HEADER = "hour,dry_bulb_c[,wet_bulb_c]";

  /** Largest file: as large as a scenario may be; 100,000 hours take about 2.5 MB. */
  static final long MAX_BYTES = InputLimits.MAX_TEXT_BYTES;

  /**
   * Most hours: 100,000, over 11 years. A run longer than its weather repeats it from the start, so
   * a year (8,760 hours) is enough for any run; the bound keeps a generated file's memory small.
   */
  static final int MAX_HOURS = 100_000;

  /** Problems listed per file; a file with more is probably not a weather file at all. */
  static final int MAX_ERRORS = 20;

  /**
   * The hours read.
   *
   * @param dryBulbCelsius one per hour
   * @param wetBulbCelsius one per hour; the dry bulb where the file has no wet-bulb column
   * @param hasWetBulb whether the file has a wet-bulb column
   */
  record Hours(double[] dryBulbCelsius, double[] wetBulbCelsius, boolean hasWetBulb) {}

  private final Diagnostics diagnostics;
  private final String path;
  private final String label;
  private int errors;

  /**
   * @param path the field path of the key naming the file, for messages
   * @param label the file as messages name it: the path resolved against the scenario's folder
   */
  private WeatherCsv(Diagnostics diagnostics, String path, String label) {
    this.diagnostics = diagnostics;
    this.path = path;
    this.label = label;
  }

  /**
   * The hours of {@code file}; empty if it cannot be read or has problems (reported).
   *
   * @param field the key that names the file, where problems reading it are reported
   */
  static Optional<Hours> read(Path file, Field field, Diagnostics diagnostics) {
    String label = file.toString();
    if (!Files.exists(file)) {
      diagnostics.error(
          field.location(),
          field.path(),
          "no such file '" + label + "' (" + file.toAbsolutePath().normalize() + ")");
      return Optional.empty();
    }
    if (Files.isDirectory(file)) {
      diagnostics.error(
          field.location(), field.path(), "'" + label + "' is a folder, not a weather file");
      return Optional.empty();
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        diagnostics.error(
            field.location(),
            field.path(),
            String.format(
                Locale.ROOT,
                "'%s' is %.1f MB (%,d bytes); a weather file is limited to %s",
                label,
                size / 1e6,
                size,
                TextScan.megabytes(MAX_BYTES)));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(field.location(), field.path(), "'" + label + "' cannot be read: " + e);
      return Optional.empty();
    }
    diagnostics.dataFile(label);
    return new WeatherCsv(diagnostics, field.path(), label).parse(bytes);
  }

  private Optional<Hours> parse(byte[] bytes) {
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = lines(text.get());
    int last = lines.size();
    while (last > 0 && lines.get(last - 1).isBlank()) {
      last--; // blank lines at the end of a file are not rows
    }
    if (last == 0) {
      error(
          1,
          1,
          "the file is empty: expected the header "
              + HEADER
              + " and one row per hour, from hour 0");
      return Optional.empty();
    }
    Optional<Boolean> hasWetBulb = header(lines.get(0));
    if (hasWetBulb.isEmpty()) {
      return Optional.empty();
    }
    int columns = hasWetBulb.get() ? 3 : 2;
    if (last == 1) {
      error(2, 1, "no hours: expected one row per hour after the header, from hour 0");
      return Optional.empty();
    }
    int rows = last - 1;
    if (rows > MAX_HOURS) {
      error(
          MAX_HOURS + 2,
          1,
          String.format(
              Locale.ROOT,
              "more than %,d hours; a weather file may have at most %,d (a run longer than its"
                  + " weather repeats it from the start)",
              MAX_HOURS,
              MAX_HOURS));
      return Optional.empty();
    }
    double[] dry = new double[rows];
    double[] wet = new double[rows];
    int[] lineOfHour = new int[rows];
    long expected = 0;
    boolean ok = true;
    for (int i = 1; i < last && errors <= MAX_ERRORS; i++) {
      int line = i + 1;
      Row row = Row.of(lines.get(i), line);
      if (row.cells().size() != columns) {
        // Its hour still counts, so that the next row is not reported as after a gap.
        String first = row.cells().get(0).text();
        if (!first.isEmpty() && first.length() <= 9 && first.chars().allMatch(Character::isDigit)) {
          expected = Math.max(expected, Long.parseLong(first) + 1);
        }
        ok =
            error(
                line,
                1,
                "expected "
                    + columns
                    + " values ("
                    + (hasWetBulb.get() ? "hour,dry_bulb_c,wet_bulb_c" : "hour,dry_bulb_c")
                    + "), got "
                    + (lines.get(i).isBlank() ? "an empty line" : row.cells().size()));
        continue;
      }
      Optional<Long> hour = hour(row.cells().get(0));
      if (hour.isPresent()) {
        long h = hour.get();
        int first = h < rows ? lineOfHour[(int) h] : 0;
        if (h < expected) {
          ok =
              error(
                  row.cells().get(0),
                  first > 0
                      ? "hour " + h + " again (first at line " + first + "): one row per hour"
                      : "hour " + h + " is out of order: one row per hour, from hour 0 in order");
        } else {
          if (h > expected) {
            ok =
                error(
                    row.cells().get(0),
                    (h == expected + 1
                            ? "hour " + expected + " is missing"
                            : "hours " + expected + " to " + (h - 1) + " are missing")
                        + ": one row per hour, from hour 0 without gaps");
          }
          if (h < rows) {
            lineOfHour[(int) h] = line;
          }
          expected = h + 1;
        }
      } else {
        ok = false;
      }
      Optional<Double> d = temperature(row.cells().get(1), "dry-bulb");
      Optional<Double> w = hasWetBulb.get() ? temperature(row.cells().get(2), "wet-bulb") : d;
      if (d.isPresent() && w.isPresent() && w.get() > d.get()) {
        ok =
            error(
                row.cells().get(2),
                "the wet bulb ("
                    + Values.formatCelsius(w.get())
                    + ") is above the dry bulb ("
                    + Values.formatCelsius(d.get())
                    + ") of the same hour; a wet bulb is at most the dry bulb");
      }
      if (d.isEmpty() || w.isEmpty()) {
        ok = false;
      } else if (hour.isPresent() && hour.get() < rows) {
        dry[(int) (long) hour.get()] = d.get();
        wet[(int) (long) hour.get()] = w.get();
      }
    }
    return ok && errors == 0
        ? Optional.of(new Hours(dry, wet, hasWetBulb.get()))
        : Optional.empty();
  }

  /** Whether the header has a wet-bulb column; empty if it is wrong (reported). */
  private Optional<Boolean> header(String line) {
    Row header = Row.of(line, 1);
    List<String> names = List.of(HOUR, DRY_BULB, WET_BULB);
    List<Cell> cells = header.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      if (i >= names.size()) {
        error(
            cell,
            "unexpected column '"
                + cell.text()
                + "': expected the header "
                + HEADER
                + " (temperatures in °C)");
        return Optional.empty();
      }
      if (!cell.text().equals(names.get(i))) {
        error(
            cell,
            "expected the header "
                + HEADER
                + " (temperatures in °C), got '"
                + cell.text()
                + "' where '"
                + names.get(i)
                + "' goes"
                + Suggestions.didYouMean(cell.text(), List.of(names.get(i))));
        return Optional.empty();
      }
    }
    if (cells.size() < 2) {
      error(
          1,
          line.length() + 1,
          "expected the header " + HEADER + " (temperatures in °C): the dry bulb is missing");
      return Optional.empty();
    }
    return Optional.of(cells.size() == 3);
  }

  private Optional<Long> hour(Cell cell) {
    String t = cell.text();
    boolean digits = !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || t.length() > 9) {
      error(cell, "expected an hour, a whole number from 0, got '" + t + "'");
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(t));
  }

  private Optional<Double> temperature(Cell cell, String what) {
    String t = cell.text();
    String expected = "a " + what + " temperature in °C (a number, e.g. 35.2)";
    if (Quantity.isNonFinite(t)) {
      error(cell, "expected " + expected + ", got '" + t + "', which is not a finite number");
      return Optional.empty();
    }
    Optional<Quantity> q = Quantity.parse(t);
    if (q.isEmpty() || !q.get().fitsDouble()) {
      error(cell, "expected " + expected + ", got '" + t + "'");
      return Optional.empty();
    }
    if (!q.get().unitText().isEmpty()) {
      error(
          cell, "expected " + expected + " without a unit (the column is in °C), got '" + t + "'");
      return Optional.empty();
    }
    double celsius = q.get().number().doubleValue();
    TemperatureRange range = TemperatureRange.OUTDOOR;
    if (celsius < range.minCelsius() || celsius > range.maxCelsius()) {
      error(
          cell,
          "expected "
              + range.what()
              + " from "
              + Values.formatCelsius(range.minCelsius())
              + " to "
              + Values.formatCelsius(range.maxCelsius())
              + ", got '"
              + t
              + "'");
      return Optional.empty();
    }
    return Optional.of(celsius);
  }

  /** The text decoded, or empty with an error at the first byte that is not UTF-8. */
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
      error(
          at[0],
          at[1],
          String.format(
              Locale.ROOT,
              "the file is not UTF-8 text (byte 0x%02X)",
              bytes[in.position()] & 0xFF));
      return Optional.empty();
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Lines without their line breaks ({@code \n} or {@code \r\n}). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        String line = text.substring(start, i);
        lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        start = i + 1;
      }
    }
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // after the last line break
    }
    return lines;
  }

  /** One value of a row: its text without surrounding blanks, and where it starts. */
  record Cell(String text, int line, int column) {}

  /** A row's values, split at commas. */
  record Row(List<Cell> cells) {
    static Row of(String line, int lineNumber) {
      List<Cell> cells = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == ',') {
          String raw = line.substring(start, i);
          int lead = raw.length() - raw.stripLeading().length();
          cells.add(new Cell(raw.strip(), lineNumber, start + lead + 1));
          start = i + 1;
        }
      }
      return new Row(cells);
    }
  }

  private boolean error(Cell cell, String message) {
    return error(cell.line(), cell.column(), message);
  }

  /** Reports a problem at a line and column of the file; false, for {@code ok = error(...)}. */
  private boolean error(int line, int column, String message) {
    errors++;
    if (errors <= MAX_ERRORS) {
      diagnostics.error(new Location(label, line, column), path, message);
    } else if (errors == MAX_ERRORS + 1) {
      diagnostics.error(
          new Location(label, line, column),
          path,
          "more problems in this file are not listed (the first " + MAX_ERRORS + " are)");
    }
    return false;
  }
}
