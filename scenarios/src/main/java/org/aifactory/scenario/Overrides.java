package org.aifactory.scenario;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} overrides to a scenario's tree before it is bound. The value is
 * read as YAML ({@code 30 min}, {@code [1, 2]}, {@code {interval: 2 h, ...}}); a path may create
 * map keys that are missing, and selects list elements by index ({@code clusters[0]}) or by name
 * ({@code workloads[llama3-405b]}). Errors are reported at {@code --set:<n>:<column>}.
 *
 * <p>The same machinery applies the overrides a variant writes in its {@code set} map ({@link
 * #set}): the path is then a key of the file, and errors are reported where it is written.
 */
final class Overrides {
  /** The path of a variant's {@code set} map, as the walk renders it. */
  private static final Pattern VARIANT_SET = Pattern.compile("variants\\[\\d+]\\.set");

  private final Diagnostics diagnostics;

  Overrides(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void apply(YamlMap root, List<String> settings) {
    for (int i = 0; i < settings.size(); i++) {
      applyOne(root, settings.get(i), i + 1);
    }
  }

  private void applyOne(YamlMap root, String argument, int line) {
    int equals = argument.indexOf('=');
    if (equals < 0) {
      error(
          line,
          1,
          "",
          "expected path=value, e.g. --set facility.pue=1.3, got " + YamlScalar.quoted(argument));
      return;
    }
    String rawPath = argument.substring(0, equals);
    String path = rawPath.strip();
    if (path.isEmpty()) {
      error(line, 1, "", "missing the path before '=', e.g. --set facility.pue=1.3");
      return;
    }
    int pathColumn = rawPath.indexOf(path) + 1;
    List<PathSegment> segments;
    try {
      segments = PathSegment.parse(path, pathColumn);
    } catch (PathSegment.SyntaxException e) {
      error(line, e.column(), FieldPath.shown(path), e.getMessage());
      return;
    }
    Optional<YamlNode> value = readValue(argument.substring(equals + 1), line, equals + 2, path);
    value.ifPresent(
        v -> new Setter(new Location(Location.OVERRIDE_FILE, line, 1), v, "").set(root, segments));
  }

  /**
   * Puts {@code value} at {@code path}, exactly as {@code --set path=value} would.
   *
   * @param pathAt where the path's first character is written (its segments are located from it)
   * @param pathPrefix written before the paths of errors, e.g. {@code variants[1].set}
   */
  void set(YamlMap root, String path, Location pathAt, YamlNode value, String pathPrefix) {
    if (path.isBlank()) {
      diagnostics.error(
          pathAt, pathPrefix, "expected a field path, e.g. power.ups.design, got '" + path + "'");
      return;
    }
    List<PathSegment> segments;
    try {
      segments = PathSegment.parse(path, pathAt.column());
    } catch (PathSegment.SyntaxException e) {
      diagnostics.error(
          new Location(pathAt.file(), pathAt.line(), e.column()),
          FieldPath.shown(FieldPath.key(pathPrefix, path)),
          e.getMessage());
      return;
    }
    new Setter(pathAt, value, pathPrefix).set(root, segments);
  }

  /** The value as a YAML node located within the argument; empty after a YAML syntax error. */
  private Optional<YamlNode> readValue(String text, int line, int column, String path) {
    YamlTreeReader reader =
        new YamlTreeReader(
            (l, c) -> new Location(Location.OVERRIDE_FILE, line, l == 1 ? column + c - 1 : c),
            diagnostics);
    int before = diagnostics.count();
    Optional<YamlNode> value = reader.read(text, path);
    if (value.isEmpty() && diagnostics.count() == before) {
      return Optional.of(YamlScalar.empty(new Location(Location.OVERRIDE_FILE, line, column)));
    }
    return value;
  }

  private void error(int line, int column, String path, String message) {
    diagnostics.error(new Location(Location.OVERRIDE_FILE, line, column), path, message);
  }

  /** Walks one override's path, creating missing map keys, and puts the value at its end. */
  private final class Setter {
    private final Location origin;
    private final YamlNode value;
    private final String pathPrefix;

    /**
     * @param origin the file and line the path is written on (its segments have their columns)
     * @param pathPrefix written before the paths of errors
     */
    Setter(Location origin, YamlNode value, String pathPrefix) {
      this.origin = origin;
      this.value = value;
      this.pathPrefix = pathPrefix;
    }

    private Location at(PathSegment segment) {
      return new Location(origin.file(), origin.line(), segment.column());
    }

    private void error(int column, String path, String message) {
      diagnostics.error(
          new Location(origin.file(), origin.line(), column),
          FieldPath.key(pathPrefix, path),
          message);
    }

    void set(YamlMap root, List<PathSegment> segments) {
      YamlNode node = root;
      String path = "";
      int i = 0;
      while (i < segments.size()) {
        PathSegment segment = segments.get(i);
        if (segment instanceof PathSegment.Key key) {
          if (!(node instanceof YamlMap map)) {
            error(
                segment.column(),
                segment.render(path),
                describe(path, node) + ", not a map, so it has no key '" + key.name() + "'");
            return;
          }
          if (isVariantSet(path)) {
            putFieldPath(map, segments, i);
            return;
          }
          Optional<KeyMatch> match = KeyMatch.find(map, segments, i);
          String name = match.map(KeyMatch::name).orElse(key.name());
          int next = match.map(KeyMatch::next).orElse(i + 1);
          Location keyAt = match.map(m -> m.entry().keyLocation()).orElse(at(segment));
          String keyPath = FieldPath.key(path, name);
          if (next == segments.size()) {
            map.put(new YamlEntry(name, keyAt, value));
            return;
          }
          YamlNode child = match.map(m -> m.entry().value()).orElse(null);
          if (child == null || child instanceof YamlScalar s && s.isNull()) {
            PathSegment following = segments.get(next);
            if (!(following instanceof PathSegment.Key)) {
              error(
                  following.column(),
                  following.render(keyPath),
                  "no such element ('" + keyPath + "' is not in the scenario)");
              return;
            }
            child = new YamlMap(at(segment));
            map.put(new YamlEntry(name, keyAt, child));
          }
          node = child;
          path = keyPath;
          i = next;
        } else {
          if (!(node instanceof YamlList list)) {
            error(
                segment.column(),
                segment.render(path),
                describe(path, node) + ", not a list, so it has no elements");
            return;
          }
          int index = indexOf(list, segment, path);
          if (index < 0) {
            return;
          }
          if (i == segments.size() - 1) {
            list.set(index, value);
            return;
          }
          node = list.get(index);
          path = FieldPath.index(path, index);
          i++;
        }
      }
    }

    /** Whether {@code path} is a variant's {@code set} map: {@code variants[2].set}. */
    private boolean isVariantSet(String path) {
      return pathPrefix.isEmpty() && VARIANT_SET.matcher(path).matches();
    }

    /**
     * Puts the value under the rest of the path, from segment {@code from}, as ONE key of a
     * variant's {@code set}, whose keys are field paths: {@code variants[2N].set.power.ups.module=1
     * MW} is its key {@code power.ups.module}. Walked as maps, it became {@code power: {ups:
     * {module: 1 MW}}}, which the variant applied as a whole new power section (its other keys back
     * to their defaults).
     */
    private void putFieldPath(YamlMap set, List<PathSegment> segments, int from) {
      String fieldPath = "";
      for (int j = from; j < segments.size(); j++) {
        fieldPath = segments.get(j).render(fieldPath);
      }
      Location keyAt =
          set.entry(fieldPath).map(YamlEntry::keyLocation).orElse(at(segments.get(from)));
      set.put(new YamlEntry(fieldPath, keyAt, value));
    }

    /** The element's index, or -1 after reporting that there is no such element. */
    private int indexOf(YamlList list, PathSegment segment, String path) {
      String noun = noun(path, list.size());
      if (segment instanceof PathSegment.Index index) {
        if (index.index() >= list.size()) {
          error(
              segment.column(),
              segment.render(path),
              "no such element (" + list.size() + " " + noun + ")");
          return -1;
        }
        return index.index();
      }
      String name = ((PathSegment.Select) segment).name();
      List<String> names = list.items().stream().map(Setter::nameOf).toList();
      int index = names.indexOf(name);
      if (index < 0) {
        error(
            segment.column(),
            segment.render(path),
            "no element named '"
                + name
                + "'"
                + Suggestions.didYouMean(name, names)
                + "; "
                + noun(path, 2)
                + ": "
                + String.join(", ", names));
      }
      return index;
    }

    private static String nameOf(YamlNode element) {
      if (element instanceof YamlMap map
          && map.get("name").orElse(null) instanceof YamlScalar name) {
        return name.text();
      }
      return "";
    }

    /** "workloads" or "workload", from the last key of the list's path. */
    private static String noun(String listPath, int count) {
      String last = listPath.substring(listPath.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
      if (last.isEmpty()) {
        return count == 1 ? "element" : "elements";
      }
      return count == 1 && last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
    }

    private static String describe(String path, YamlNode node) {
      return (path.isEmpty() ? "the scenario" : "'" + path + "'") + " is " + node.describe();
    }
  }
}
