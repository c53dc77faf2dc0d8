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
 * Reads hourly energy prices: a CSV with the header {@code hour,price_per_mwh} and one row per
 * hour, from hour 0 without gaps, prices in US dollars per MWh, none negative. A run longer than
 * its prices repeats them from the start. Every problem is reported at its line and column in the
 * file (at most {@link #MAX_ERRORS}); a file that cannot be read at all is reported where the
 * scenario names it.
 */
final class PriceCsv {
  static final String HEADER = "hour,price_per_mwh";
  private static final List<String> COLUMNS = List.of("hour", "price_per_mwh");

  /** Most hours: as many as a weather file, over 11 years. */
  static final int MAX_HOURS = WeatherCsv.MAX_HOURS;

  static final int MAX_ERRORS = 20;

  private static final String PRICE_EXPECTED =
      "a price in US dollars per MWh >= 0 (a number, e.g. 72.5)";

  private final Diagnostics diagnostics;
  private final String path;
  private final String label;
  private int errors;

  private PriceCsv(Diagnostics diagnostics, String path, String label) {
    this.diagnostics = diagnostics;
    this.path = path;
    this.label = label;
  }

  /**
   * The prices of {@code file}, one per hour; empty if it cannot be read or has problems
   * (reported).
   *
   * @param field the key that names the file, where problems reading it are reported
   */
  static Optional<double[]> read(Path file, Field field, Diagnostics diagnostics) {
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
          field.location(), field.path(), "'" + label + "' is a folder, not a price file");
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
                "'%s' is %.1f MB (%,d bytes); a price file is limited to %s",
                label,
                size / 1e6,
                size,
                TextScan.megabytes(WeatherCsv.MAX_BYTES)));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(field.location(), field.path(), "'" + label + "' cannot be read: " + e);
      return Optional.empty();
    }
    diagnostics.dataFile(label);
    return new PriceCsv(diagnostics, field.path(), label).parse(bytes);
  }

  private Optional<double[]> parse(byte[] bytes) {
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = lines(text.get());
    int last = lines.size();
    while (last > 0 && lines.get(last - 1).isBlank()) {
      last--;
    }
    if (last == 0) {
      error(1, 1, "the file is empty: expected the header " + HEADER + " and one row per hour");
      return Optional.empty();
    }
    if (!header(lines.get(0))) {
      return Optional.empty();
    }
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
              "more than %,d hours; a price file may have at most %,d (a run longer than its"
                  + " prices repeats them from the start)",
              MAX_HOURS,
              MAX_HOURS));
      return Optional.empty();
    }
    double[] prices = new double[rows];
    int[] lineOfHour = new int[rows];
    long expected = 0;
    boolean ok = true;
    for (int i = 1; i < last && errors <= MAX_ERRORS; i++) {
      int line = i + 1;
      List<Cell> cells = cells(lines.get(i), line);
      if (cells.size() != 2) {
        String first = cells.get(0).text();
        if (!first.isEmpty() && first.length() <= 9 && first.chars().allMatch(Character::isDigit)) {
          expected = Math.max(expected, Long.parseLong(first) + 1);
        }
        ok =
            error(
                line,
                1,
                "expected 2 values ("
                    + HEADER
                    + "), got "
                    + (lines.get(i).isBlank() ? "an empty line" : cells.size()));
        continue;
      }
      Optional<Long> hour = hour(cells.get(0));
      if (hour.isPresent()) {
        long h = hour.get();
        if (h < expected) {
          int first = h < rows ? lineOfHour[(int) h] : 0;
          ok =
              error(
                  cells.get(0),
                  first > 0
                      ? "hour " + h + " again (first at line " + first + "): one row per hour"
                      : "hour " + h + " is out of order: one row per hour, from hour 0 in order");
        } else {
          if (h > expected) {
            ok =
                error(
                    cells.get(0),
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
      Optional<Double> price = price(cells.get(1));
      if (price.isEmpty()) {
        ok = false;
      } else if (hour.isPresent() && hour.get() < rows) {
        prices[(int) (long) hour.get()] = price.get();
      }
    }
    return ok && errors == 0 ? Optional.of(prices) : Optional.empty();
  }

  private boolean header(String line) {
    List<Cell> cells = cells(line, 1);
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      if (i >= COLUMNS.size()) {
        error(cell, "unexpected column '" + cell.text() + "': expected the header " + HEADER);
        return false;
      }
      if (!cell.text().equals(COLUMNS.get(i))) {
        error(
            cell,
            "expected the header "
                + HEADER
                + " (prices in US dollars per MWh), got '"
                + cell.text()
                + "' where '"
                + COLUMNS.get(i)
                + "' goes"
                + Suggestions.didYouMean(cell.text(), List.of(COLUMNS.get(i))));
        return false;
      }
    }
    if (cells.size() < 2) {
      error(1, line.length() + 1, "expected the header " + HEADER + ": the price is missing");
      return false;
    }
    return true;
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

  private Optional<Double> price(Cell cell) {
    String t = cell.text();
    String number = t.startsWith("$") ? t.substring(1).strip() : t;
    if (Quantity.isNonFinite(number)) {
      error(cell, "expected " + PRICE_EXPECTED + ", got '" + t + "', which is not a finite number");
      return Optional.empty();
    }
    Optional<Quantity> q = Quantity.parse(number);
    if (q.isEmpty() || !q.get().fitsDouble()) {
      error(cell, "expected " + PRICE_EXPECTED + ", got '" + t + "'");
      return Optional.empty();
    }
    if (!q.get().unitText().isEmpty()) {
      error(
          cell,
          "expected "
              + PRICE_EXPECTED
              + " without a unit (the column is in $/MWh), got '"
              + t
              + "'");
      return Optional.empty();
    }
    if (q.get().number().signum() < 0) {
      error(
          cell,
          "expected "
              + PRICE_EXPECTED
              + ", got '"
              + t
              + "': negative prices are not modelled (the factory would be paid to draw power)");
      return Optional.empty();
    }
    return Optional.of(q.get().number().doubleValue());
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

  private static List<String> lines(String text) {
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
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** One value of a row: its text without surrounding blanks, and where it starts. */
  private record Cell(String text, int line, int column) {}

  private static List<Cell> cells(String line, int lineNumber) {
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
    return cells;
  }

  private boolean error(Cell cell, String message) {
    return error(cell.line(), cell.column(), message);
  }

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
