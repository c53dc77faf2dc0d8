package org.aifactory.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV with "\n" line ends; a missing value (NaN) is an empty field. */
final class Csv {
  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setNullString("").build();

  private Csv() {}

  @FunctionalInterface
  interface Rows {
    void print(CSVPrinter out) throws IOException;
  }

  static void write(Path file, String[] header, Rows rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, FORMAT)) {
      out.printRecord((Object[]) header);
      rows.print(out);
    }
  }
}
