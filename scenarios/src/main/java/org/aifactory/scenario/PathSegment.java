package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a field path such as {@code workloads[llama3-405b].checkpoint.interval}: a map key, a
 * list index {@code [0]}, or a list element selected by its name {@code [llama3-405b]}.
 */
sealed interface PathSegment {

  /** 1-based column of the segment in the text it was parsed from. */
  int column();

  /** The segment as written after its parent: {@code .key}, {@code [0]} or {@code [name]}. */
  String render(String parentPath);

  record Key(String name, int column) implements PathSegment {
    @Override
    public String render(String parentPath) {
      return FieldPath.key(parentPath, name);
    }
  }

  record Index(int index, int column) implements PathSegment {
    @Override
    public String render(String parentPath) {
      return FieldPath.index(parentPath, index);
    }
  }

  record Select(String name, int column) implements PathSegment {
    @Override
    public String render(String parentPath) {
      return parentPath + "[" + name + "]";
    }
  }

  /** A path that cannot be parsed, with the column of the problem. */
  final class SyntaxException extends Exception {
    private final int column;

    SyntaxException(int column, String message) {
      super(message);
      this.column = column;
    }

    int column() {
      return column;
    }
  }

  /**
   * Splits {@code path} into segments. Keys are split at every '.', so a key that itself contains
   * '.' comes out as several segments; walkers join them again where such a key exists.
   *
   * @param firstColumn the column of the path's first character
   */
  static List<PathSegment> parse(String path, int firstColumn) throws SyntaxException {
    if (path.length() > InputLimits.MAX_VALUE_CHARS) {
      throw new SyntaxException(
          firstColumn + InputLimits.MAX_VALUE_CHARS,
          InputLimits.tooLong("a field path", path, InputLimits.MAX_VALUE_CHARS));
    }
    List<PathSegment> segments = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      if (segments.size() == InputLimits.MAX_DEPTH) {
        throw new SyntaxException(
            firstColumn + i,
            "a field path deeper than "
                + InputLimits.MAX_DEPTH
                + " levels (keys and list elements); a scenario's are under 10");
      }
      int column = firstColumn + i;
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw new SyntaxException(column, "missing ']' after '['");
        }
        segments.add(bracket(path.substring(i + 1, close), column));
        i = close + 1;
      } else if (c == '.' || c == ']') {
        throw new SyntaxException(column, "expected a key, got '" + c + "'");
      } else {
        int end = i;
        while (end < path.length() && "[].".indexOf(path.charAt(end)) < 0) {
          end++;
        }
        segments.add(new Key(path.substring(i, end), column));
        i = end;
      }
      if (i < path.length()) {
        char next = path.charAt(i);
        if (next == '.') {
          i++;
          if (i == path.length()) {
            throw new SyntaxException(firstColumn + i - 1, "a path cannot end with '.'");
          }
        } else if (next != '[') {
          throw new SyntaxException(
              firstColumn + i, "expected '.' or '[' after a path segment, got '" + next + "'");
        }
      }
    }
    return segments;
  }

  private static PathSegment bracket(String content, int column) throws SyntaxException {
    if (content.isEmpty()) {
      throw new SyntaxException(
          column, "empty '[]': write an index such as [0] or a name such as [llama3-405b]");
    }
    if (content.chars().allMatch(Character::isDigit)) {
      try {
        return new Index(Integer.parseInt(content), column);
      } catch (NumberFormatException e) {
        throw new SyntaxException(column, "index [" + content + "] is too large");
      }
    }
    return new Select(content, column);
  }
}
