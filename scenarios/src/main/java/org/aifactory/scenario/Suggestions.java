package org.aifactory.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys and names (also of metric keys, by the CLI). */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code input} if it is close enough to be a likely misspelling: equal
   * ignoring case, or within an edit distance of about a third of the input's length (at least 1).
   */
  public static Optional<String> nearest(String input, Collection<String> candidates) {
    int limit = Math.max(1, input.length() / 3);
    return candidates.stream()
        .filter(c -> !c.equals(input))
        .map(c -> new Scored(c, distance(input.toLowerCase(), c.toLowerCase())))
        .filter(s -> s.distance <= limit)
        .min(Comparator.comparingInt(Scored::distance))
        .map(Scored::candidate);
  }

  /** " (did you mean 'x'?)" or "". */
  public static String didYouMean(String input, Collection<String> candidates) {
    return nearest(input, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /**
   * The {@code count} candidates nearest to {@code input}, however far, for listing what was
   * probably meant: those that contain it first ({@code ettr} finds {@code job.pretrain.ettr}),
   * then by edit distance; ties in the candidates' order.
   */
  public static List<String> closest(String input, Collection<String> candidates, int count) {
    String lower = input.toLowerCase();
    return candidates.stream()
        .map(c -> new Scored(c, distance(lower, c.toLowerCase())))
        .sorted(
            Comparator.comparing((Scored s) -> !s.candidate().toLowerCase().contains(lower))
                .thenComparingInt(Scored::distance))
        .limit(count)
        .map(Scored::candidate)
        .toList();
  }

  private record Scored(String candidate, int distance) {}

  /**
   * Edit distance counting an insertion, deletion, substitution or swap of two adjacent characters
   * as one edit (optimal string alignment), so that "jbo" is one edit from "job".
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
