package org.aifactory.scenario;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps the line and column of every key and
 * value. It reads SnakeYAML's parser events directly, which carry every node's position, style, tag
 * and anchor (Jackson's streaming parser, used before, hid the tags of keys). Duplicate keys, tags,
 * anchors, aliases and extra documents are reported to the {@link Diagnostics}; so is a syntax
 * error, which ends the reading.
 */
final class YamlTreeReader {

  /** Maps the parser's 1-based line and column to a location in the user's input. */
  @FunctionalInterface
  interface Positions {
    Location at(int line, int column);
  }

  /** YAML 1.1's spellings of null for a plain (unquoted) scalar; quoted, they are text. */
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  /** The prefix of the tags YAML writes {@code !!name} ({@code !!str}, {@code !!binary}). */
  private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

  /**
   * SnakeYAML's own limit on a text (3 MB by default) would stop files that {@link TextScan} lets
   * through with a message of its own; the scan's limit is the one that applies.
   */
  private static final int CODE_POINT_LIMIT = (int) InputLimits.MAX_TEXT_BYTES;

  private final Positions positions;
  private final Diagnostics diagnostics;

  /** Nodes read so far (keys included), against {@link InputLimits#MAX_NODES}. */
  private int nodes;

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
    if (!TextScan.readable(text, positions, diagnostics)) {
      return Optional.empty();
    }
    nodes = 0;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(CODE_POINT_LIMIT);
    Parser parser = new ParserImpl(new StreamReader(text), options);
    try {
      parser.getEvent(); // stream start
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return Optional.empty();
      }
      parser.getEvent(); // document start
      YamlNode root = readNode(parser, parser.getEvent(), basePath, 1);
      parser.getEvent(); // document end
      if (parser.checkEvent(Event.ID.DocumentStart)) {
        diagnostics.error(
            at(parser.peekEvent().getStartMark()),
            "",
            "only one YAML document is allowed; remove the '---' and what follows it");
      }
      return Optional.of(root);
    } catch (MarkedYAMLException e) {
      reportSyntaxError(e);
    } catch (YAMLException e) {
      diagnostics.error(positions.at(1, 1), "", "YAML syntax error: " + firstLine(e.getMessage()));
    } catch (StopReading e) {
      // reported where it was thrown
    }
    return Optional.empty();
  }

  /**
   * @param depth 1 for the root; a map or list deeper than {@link InputLimits#MAX_DEPTH} ends the
   *     reading (the parser would otherwise keep a state per level, and the binders recurse)
   */
  private YamlNode readNode(Parser parser, Event event, String path, int depth) {
    Location at = at(event.getStartMark());
    count(at, path);
    if (event instanceof AliasEvent alias) {
      diagnostics.unusable(
          at,
          path,
          "YAML aliases ('*"
              + alias.getAnchor()
              + "') are not supported; write the value out in full");
      return new YamlScalar("*" + alias.getAnchor(), false, at);
    }
    checkProperties((NodeEvent) event, at, path);
    if (event instanceof CollectionStartEvent && depth > InputLimits.MAX_DEPTH) {
      diagnostics.error(
          at,
          FieldPath.shown(path),
          String.format(
              Locale.ROOT,
              "nesting deeper than %d levels (maps and lists inside each other); a scenario needs"
                  + " about 6",
              InputLimits.MAX_DEPTH));
      throw new StopReading();
    }
    if (event instanceof MappingStartEvent) {
      return readMap(parser, at, path, depth);
    }
    if (event instanceof SequenceStartEvent) {
      YamlList list = new YamlList(at);
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        list.add(
            readNode(parser, parser.getEvent(), FieldPath.index(path, list.size()), depth + 1));
      }
      parser.getEvent();
      return list;
    }
    ScalarEvent scalar = (ScalarEvent) event;
    String value = scalar.getValue();
    if (value.length() > InputLimits.MAX_TEXT_CHARS) {
      diagnostics.unusable(
          at, path, InputLimits.tooLong("a value", value, InputLimits.MAX_TEXT_CHARS));
    }
    return new YamlScalar(value, scalar.isPlain() && NULLS.contains(value), at);
  }

  /** Counts a node; one too many ends the reading. */
  private void count(Location at, String path) {
    if (++nodes > InputLimits.MAX_NODES) {
      diagnostics.error(
          at,
          FieldPath.shown(path),
          String.format(
              Locale.ROOT,
              "more than %,d keys and values; a scenario has a few hundred",
              InputLimits.MAX_NODES));
      throw new StopReading();
    }
  }

  private YamlMap readMap(Parser parser, Location at, String path, int depth) {
    YamlMap map = new YamlMap(at);
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.getEvent();
      Location keyAt = at(keyEvent.getStartMark());
      if (!(keyEvent instanceof ScalarEvent key)) {
        if (keyEvent instanceof AliasEvent) {
          readNode(parser, keyEvent, path, depth); // reports the alias
          readNode(parser, parser.getEvent(), path, depth + 1); // a value without a key
          continue;
        }
        diagnostics.error(
            keyAt, "", "YAML syntax error: a map key must be a plain value, not a list or a map");
        throw new StopReading();
      }
      if (key.getValue().length() > InputLimits.MAX_VALUE_CHARS) {
        diagnostics.error(
            keyAt, path, InputLimits.tooLong("a key", key.getValue(), InputLimits.MAX_VALUE_CHARS));
        readNode(parser, parser.getEvent(), path, depth + 1); // a value without a usable key
        continue;
      }
      String keyPath = FieldPath.key(path, key.getValue());
      count(keyAt, keyPath);
      checkProperties(key, keyAt, keyPath);
      Location keyTextAt = key.isSQuoted() || key.isDQuoted() ? shifted(keyAt, 1) : keyAt;
      YamlNode value = readNode(parser, parser.getEvent(), keyPath, depth + 1);
      Optional<YamlEntry> first = map.entry(key.getValue());
      if (first.isPresent()) {
        diagnostics.error(
            keyAt,
            keyPath,
            "duplicate key '"
                + key.getValue()
                + "' (first given at "
                + where(first.get().keyLocation())
                + ")");
      } else {
        map.put(new YamlEntry(key.getValue(), keyAt, value, keyTextAt));
      }
    }
    parser.getEvent();
    return map;
  }

  /**
   * Rejects a node's tag and anchor. A tag ({@code !!str}, {@code !foo}) would ask for a type or an
   * object the language does not have (and {@code !!python/object} ones are a known attack on YAML
   * loaders); an anchor exists only to be used by aliases, which are not supported either.
   */
  private void checkProperties(NodeEvent node, Location at, String path) {
    String tag =
        node instanceof ScalarEvent s
            ? s.getTag()
            : node instanceof CollectionStartEvent c ? c.getTag() : null;
    if (tag != null) {
      diagnostics.unusable(
          at,
          path,
          "YAML tags ('"
              + written(tag)
              + "') are not supported; write the value without a tag, as plain text");
    }
    if (node.getAnchor() != null) {
      diagnostics.error(
          at,
          path,
          "YAML anchors ('&"
              + node.getAnchor()
              + "') are not supported (nor aliases); write every value out in full");
    }
  }

  /** A tag as it is usually written: {@code !!str} for the standard ones, else as resolved. */
  private static String written(String tag) {
    if (tag.startsWith(STANDARD_TAG_PREFIX)) {
      return "!!" + tag.substring(STANDARD_TAG_PREFIX.length());
    }
    return tag.startsWith("!") ? tag : "!<" + tag + ">";
  }

  private static String where(Location first) {
    return "line " + first.line() + ", column " + first.column();
  }

  private void reportSyntaxError(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String message = firstLine(e.getProblem());
    if (e.getContext() != null) {
      message += " (" + firstLine(e.getContext()) + ")";
    }
    diagnostics.error(
        mark == null ? positions.at(1, 1) : at(mark), "", "YAML syntax error: " + message);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed YAML";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  /** Ends the reading after an error that leaves the rest of the text without a meaning. */
  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  private Location at(Mark mark) {
    return positions.at(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static Location shifted(Location location, int columns) {
    return new Location(location.file(), location.line(), location.column() + columns);
  }
}
