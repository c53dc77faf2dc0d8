package org.aifactory.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The existing map key that path segments starting at one index name. Segments were split at every
 * '.', so the longest run of key segments that, joined with '.', is a key of the map wins: {@code
 * catalog.gpus.my.gpu.tdp} finds the GPU {@code my.gpu}.
 *
 * @param entry the entry found
 * @param name its key
 * @param next index of the first segment after the key
 */
record KeyMatch(YamlEntry entry, String name, int next) {

  static Optional<KeyMatch> find(YamlMap map, List<PathSegment> segments, int start) {
    int end = start;
    while (end < segments.size() && segments.get(end) instanceof PathSegment.Key) {
      end++;
    }
    for (int last = end - 1; last >= start; last--) {
      StringBuilder name = new StringBuilder();
      for (int j = start; j <= last; j++) {
        if (j > start) {
          name.append('.');
        }
        name.append(((PathSegment.Key) segments.get(j)).name());
      }
      Optional<YamlEntry> entry = map.entry(name.toString());
      if (entry.isPresent()) {
        return Optional.of(new KeyMatch(entry.get(), name.toString(), last + 1));
      }
    }
    return Optional.empty();
  }
}
