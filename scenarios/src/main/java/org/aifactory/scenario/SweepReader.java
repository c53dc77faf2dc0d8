package org.aifactory.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code --vary PATH=V1,V2,...} arguments: the path as {@code --set} takes it, then values
 * separated by commas. Only commas at the top level separate values: a comma inside brackets,
 * braces or quotes belongs to its value, so {@code workloads[0].checkpoint={interval: 1 h,
 * duration: 1 min, power: 0.2},{interval: 2 h, duration: 1 min, power: 0.2}} has two values. Each
 * value is read as YAML, exactly as {@code --set PATH=VALUE} reads it; a value written {@code
 * START..END/STEP} is a {@link ValueRange} and stands for its values.
 *
 * <p>Errors are reported at {@code --vary:<n>:<column>}: n counts the {@code --vary} arguments from
 * 1, the column is within that argument. A value a range makes is located at the range.
 */
final class SweepReader {
  /** Top-level keys a sweep cannot vary, and why. */
  private static final Map<String, String> FORBIDDEN =
      Map.of(
          "seed",
          "every point runs with the same seed, so that the differences between points are not"
              + " noise between seeds (common random numbers); give the seed with --seed",
          "replications",
          "every point runs the same replications; give their number with --replications",
          "name",
          "the points keep the scenario's name",
          "variants",
          "a sweep runs the scenario without its variants");

  /** One value of a varied parameter, as applied, and where it is written. */
  record Value(String text, YamlNode node) {}

  /** One {@code --vary}: the path, where it is written, and its values in order. */
  record Axis(String path, Location pathAt, List<Value> values) {}

  private final Diagnostics diagnostics;

  SweepReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The axes of {@code arguments}; every problem is reported, and its axis left out. */
  List<Axis> read(List<String> arguments) {
    List<Axis> axes = new ArrayList<>();
    Map<String, Integer> lineByPath = new HashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      readOne(arguments.get(i), i + 1, lineByPath).ifPresent(axes::add);
    }
    return axes;
  }

  private Optional<Axis> readOne(String argument, int line, Map<String, Integer> lineByPath) {
    int equals = argument.indexOf('=');
    if (equals < 0) {
      error(
          line,
          1,
          "",
          "expected PATH=V1,V2,..., e.g. --vary facility.pue=1.1,1.2,1.3, got "
              + YamlScalar.quoted(argument));
      return Optional.empty();
    }
    String rawPath = argument.substring(0, equals);
    String path = rawPath.strip();
    if (path.isEmpty()) {
      error(line, 1, "", "missing the path before '=', e.g. --vary facility.pue=1.1,1.2,1.3");
      return Optional.empty();
    }
    int pathColumn = rawPath.indexOf(path) + 1;
    List<PathSegment> segments;
    try {
      segments = PathSegment.parse(path, pathColumn);
    } catch (PathSegment.SyntaxException e) {
      error(line, e.column(), FieldPath.shown(path), e.getMessage());
      return Optional.empty();
    }
    String shown = "";
    for (PathSegment s : segments) {
      shown = s.render(shown);
    }
    if (segments.get(0) instanceof PathSegment.Key first && FORBIDDEN.containsKey(first.name())) {
      error(line, pathColumn, shown, "cannot be varied: " + FORBIDDEN.get(first.name()));
      return Optional.empty();
    }
    Integer earlier = lineByPath.putIfAbsent(shown, line);
    if (earlier != null) {
      error(
          line,
          pathColumn,
          shown,
          "varied twice (also by --vary number "
              + earlier
              + "); give all its values in one --vary");
      return Optional.empty();
    }
    int before = diagnostics.count();
    List<Value> values = values(argument, equals + 1, line, shown);
    if (diagnostics.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new Axis(path, new Location(Location.VARY_FILE, line, pathColumn), values));
  }

  /** The values written from index {@code from} of {@code argument}, ranges expanded. */
  private List<Value> values(String argument, int from, int line, String path) {
    List<Value> values = new ArrayList<>();
    List<Item> items = split(argument, from);
    if (items.isEmpty()) {
      error(
          line,
          from + 1,
          path,
          "no values after '=': give them separated by commas, e.g. 1.1,1.2 or a range "
              + ValueRange.FORM);
      return values;
    }
    Map<String, Value> byCanonical = new HashMap<>();
    Map<String, Integer> columnByCanonical = new HashMap<>();
    for (Item item : items) {
      Location at = new Location(Location.VARY_FILE, line, item.column());
      if (item.text().isEmpty()) {
        error(
            line,
            item.column(),
            path,
            "an empty value between commas; write null for an empty value");
        continue;
      }
      List<Value> made = new ArrayList<>();
      if (ValueRange.isRange(item.text())) {
        try {
          ValueRange range = ValueRange.parse(item.text());
          BigInteger count = range.count();
          if (count.compareTo(BigInteger.valueOf(ScenarioSweep.MAX_POINTS)) > 0) {
            error(
                line,
                item.column(),
                path,
                String.format(
                    Locale.ROOT,
                    "the range '%s' has %,d values; a sweep runs at most %,d points (take a"
                        + " larger step)",
                    item.text(),
                    count,
                    ScenarioSweep.MAX_POINTS));
            continue;
          }
          for (String text : range.values()) {
            read(text, at, path).ifPresent(node -> made.add(new Value(text, node)));
          }
        } catch (ValueRange.RangeException e) {
          error(line, item.column(), path, e.getMessage());
          continue;
        }
      } else {
        read(item.text(), at, path).ifPresent(node -> made.add(new Value(item.text(), node)));
      }
      for (Value v : made) {
        String canonical = SweepValues.canonical(v.node());
        Value first = byCanonical.putIfAbsent(canonical, v);
        if (first != null) {
          int column = columnByCanonical.get(canonical);
          error(
              line,
              item.column(),
              path,
              "duplicate point: the value '"
                  + v.text()
                  + "' is the same as '"
                  + first.text()
                  + "' (column "
                  + column
                  + "); every value of a --vary must be different");
        } else {
          columnByCanonical.put(canonical, item.column());
          values.add(v);
        }
      }
    }
    return values;
  }

  /** The value {@code text} read as YAML, located from {@code at}; empty after an error. */
  private Optional<YamlNode> read(String text, Location at, String path) {
    YamlTreeReader reader =
        new YamlTreeReader(
            (l, c) -> new Location(at.file(), at.line(), l == 1 ? at.column() + c - 1 : c),
            diagnostics);
    int before = diagnostics.count();
    Optional<YamlNode> node = reader.read(text, path);
    if (node.isEmpty() && diagnostics.count() == before) {
      return Optional.of(YamlScalar.empty(at));
    }
    return node;
  }

  /** A value's text (stripped) and the 1-based column where it starts in the argument. */
  record Item(String text, int column) {}

  /**
   * Splits {@code argument} from index {@code from} at the commas outside brackets, braces and
   * quotes; each item is stripped of surrounding blanks. As in YAML, a quote opens a quoted text
   * only where a value starts (first in the item, or after '[', '{', ',' or ':'), so the quote of
   * {@code it's} is a character of the value. Nothing at all is no item.
   */
  static List<Item> split(String argument, int from) {
    List<Item> items = new ArrayList<>();
    if (argument.substring(from).isBlank()) {
      return items;
    }
    int depth = 0;
    char quote = 0;
    char previous = ','; // the last character that is not a blank, outside quotes
    int start = from;
    for (int i = from; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (quote != 0) {
        if (quote == '"' && c == '\\') {
          i++; // an escaped character inside double quotes
        } else if (c == quote) {
          quote = 0;
          previous = c;
        }
        continue;
      }
      if ((c == '\'' || c == '"') && "[{,:".indexOf(previous) >= 0) {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        items.add(item(argument, start, i));
        start = i + 1;
      }
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
    }
    items.add(item(argument, start, argument.length()));
    return items;
  }

  private static Item item(String argument, int start, int end) {
    String raw = argument.substring(start, end);
    String text = raw.strip();
    int column = start + 1 + (text.isEmpty() ? 0 : raw.indexOf(text));
    return new Item(text, column);
  }

  private void error(int line, int column, String path, String message) {
    diagnostics.error(new Location(Location.VARY_FILE, line, column), path, message);
  }
}
