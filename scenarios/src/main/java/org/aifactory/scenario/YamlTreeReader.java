package org.aifactory.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text with Jackson's streaming parser into a {@link YamlNode} tree that keeps the line
 * and column of every key and value. Duplicate keys, aliases and extra documents are reported to
 * the {@link Diagnostics}; so is a syntax error, which ends the reading.
 */
final class YamlTreeReader {

  /** Maps the parser's 1-based line and column to a location in the user's input. */
  @FunctionalInterface
  interface Positions {
    Location at(int line, int column);
  }

  private final YAMLFactory factory = new YAMLFactory();
  private final Positions positions;
  private final Diagnostics diagnostics;

  /** The lines of the text being read, to tell quoted keys. */
  private String[] lines = new String[0];

  YamlTreeReader(Positions positions, Diagnostics diagnostics) {
    this.positions = positions;
    this.diagnostics = diagnostics;
  }

  /** Reads a whole file named {@code file}. */
  static YamlTreeReader forFile(String file, Diagnostics diagnostics) {
    return new YamlTreeReader((line, column) -> new Location(file, line, column), diagnostics);
  }

  /**
   * The document's root node; empty if the text holds no document (only blanks and comments) or has
   * a syntax error (reported).
   *
   * @param basePath field path of the root, used in messages about duplicate keys
   */
  Optional<YamlNode> read(String text, String basePath) {
    lines = text.split("\\R", -1);
    try (YAMLParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      YamlNode root = readValue(parser, first, basePath);
      if (parser.nextToken() != null) {
        diagnostics.error(
            at(parser.currentTokenLocation()),
            "",
            "only one YAML document is allowed; remove the '---' and what follows it");
      }
      return Optional.of(root);
    } catch (StreamReadException e) {
      reportSyntaxError(e);
      return Optional.empty();
    } catch (UnsupportedValueException e) {
      diagnostics.error(e.location, e.path, e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string", e);
    }
  }

  private YamlNode readValue(YAMLParser parser, JsonToken token, String path) throws IOException {
    Location at = at(parser.currentTokenLocation());
    if (token == JsonToken.START_OBJECT) {
      return readMap(parser, at, path);
    }
    if (token == JsonToken.START_ARRAY) {
      YamlList list = new YamlList(at);
      JsonToken next;
      while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
        list.add(readValue(parser, next, FieldPath.index(path, list.size())));
      }
      return list;
    }
    if (parser.isCurrentAlias()) {
      diagnostics.error(
          at,
          path,
          "YAML aliases ('*"
              + parser.getText()
              + "') are not supported; write the value out in full");
    }
    if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
      throw new UnsupportedValueException(at, path, "unsupported YAML value (binary data)");
    }
    return new YamlScalar(parser.getText(), token == JsonToken.VALUE_NULL, at);
  }

  private YamlMap readMap(YAMLParser parser, Location at, String path) throws IOException {
    YamlMap map = new YamlMap(at);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation keyToken = parser.currentTokenLocation();
      Location keyAt = at(keyToken);
      Location keyTextAt = isQuoted(keyToken) ? at(keyToken, 1) : keyAt;
      String keyPath = FieldPath.key(path, key);
      YamlNode value = readValue(parser, parser.nextToken(), keyPath);
      Optional<YamlEntry> first = map.entry(key);
      if (first.isPresent()) {
        diagnostics.error(
            keyAt,
            keyPath,
            "duplicate key '"
                + key
                + "' (first given at "
                + where(first.get().keyLocation())
                + ")");
      } else {
        map.put(new YamlEntry(key, keyAt, value, keyTextAt));
      }
    }
    return map;
  }

  private static String where(Location first) {
    return "line " + first.line() + ", column " + first.column();
  }

  private void reportSyntaxError(StreamReadException e) {
    Location at;
    String message;
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      at = positions.at(mark.getLine() + 1, mark.getColumn() + 1);
      message = firstLine(marked.getProblem());
      if (marked.getContext() != null) {
        message += " (" + firstLine(marked.getContext()) + ")";
      }
    } else {
      at = at(e.getLocation());
      message = firstLine(e.getOriginalMessage());
      if (message.startsWith("Expected a field name")) {
        message = "a map key must be a plain value, not a list or a map";
      }
    }
    diagnostics.error(at, "", "YAML syntax error: " + message);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed YAML";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  /** A value the tree cannot hold; reading stops there. */
  private static final class UnsupportedValueException extends RuntimeException {
    private final transient Location location;
    private final String path;

    UnsupportedValueException(Location location, String path, String message) {
      super(message);
      this.location = location;
      this.path = path;
    }
  }

  private Location at(JsonLocation location) {
    return at(location, 0);
  }

  /** The location {@code columns} characters after {@code location}. */
  private Location at(JsonLocation location, int columns) {
    if (location == null || location.getLineNr() < 1) {
      return positions.at(1, 1);
    }
    return positions.at(location.getLineNr(), Math.max(1, location.getColumnNr()) + columns);
  }

  /** Whether a key token starts with a quote. */
  private boolean isQuoted(JsonLocation location) {
    if (location == null || location.getLineNr() < 1 || location.getLineNr() > lines.length) {
      return false;
    }
    String line = lines[location.getLineNr() - 1];
    int index = location.getColumnNr() - 1;
    return index >= 0
        && index < line.length()
        && (line.charAt(index) == '"' || line.charAt(index) == '\'');
  }
}
