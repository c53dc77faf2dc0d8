package org.aifactory.scenario;

import java.util.List;
import java.util.Optional;

/** Finds the node at a field path, to report a problem found after binding where it was written. */
final class TreeLocator {
  private TreeLocator() {}

  /**
   * The location of the node at {@code path}, or of its nearest ancestor that exists (the root if
   * the path cannot be parsed).
   */
  static Location locate(YamlNode root, String path) {
    List<PathSegment> segments;
    try {
      segments = PathSegment.parse(path, 1);
    } catch (PathSegment.SyntaxException e) {
      return root.location();
    }
    YamlNode node = root;
    int i = 0;
    while (i < segments.size()) {
      PathSegment segment = segments.get(i);
      if (segment instanceof PathSegment.Key && node instanceof YamlMap map) {
        Optional<KeyMatch> match = KeyMatch.find(map, segments, i);
        if (match.isEmpty()) {
          break;
        }
        node = match.get().entry().value();
        i = match.get().next();
      } else if (segment instanceof PathSegment.Index index
          && node instanceof YamlList list
          && index.index() < list.size()) {
        node = list.get(index.index());
        i++;
      } else {
        break;
      }
    }
    return node.location();
  }
}
