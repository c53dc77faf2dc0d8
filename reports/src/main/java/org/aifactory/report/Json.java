package org.aifactory.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.aifactory.metrics.MetricStats;

/** Pretty-printed JSON with a fixed layout: two-space indent, {@code "key": value}, "\n" lines. */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Runs {@code body} on a generator and returns the text, ending in a newline. */
  static String write(Body body) {
    StringWriter out = new StringWriter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(printer);
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  /**
   * Writes {@code {"mean": …, "sd": …, "ci95": …, "n": …}}, rounded by {@link Formats}; a mean, sd
   * or half-width that is not finite is {@code null}.
   */
  static void stats(JsonGenerator g, MetricStats s) throws IOException {
    g.writeStartObject();
    g.writeFieldName("mean");
    number(g, Formats.mean(s));
    g.writeFieldName("sd");
    number(g, Formats.spread(s.sd(), s.mean()));
    g.writeFieldName("ci95");
    number(g, Formats.spread(s.ci95(), s.mean()));
    g.writeNumberField("n", s.n());
    g.writeEndObject();
  }

  /** Writes {@code name: number}, {@code null} when {@code formatted} is. */
  static void field(JsonGenerator g, String name, String formatted) throws IOException {
    g.writeFieldName(name);
    number(g, formatted);
  }

  /** Writes a pre-formatted number, or {@code null} when there is none. */
  static void number(JsonGenerator g, String formatted) throws IOException {
    if (formatted == null) {
      g.writeNull();
    } else {
      g.writeNumber(formatted);
    }
  }
}
