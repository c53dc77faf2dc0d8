package org.aifactory.experiment.shard;

import java.util.Locale;

/**
 * One of N shards of a sweep's tasks: shard K runs every N-th task starting at K (tasks K, K + N, K
 * + 2N, … in the fixed order of {@link org.aifactory.experiment.SweepPlan}), so the N shards of a
 * sweep run each task exactly once and get about the same work, whatever the points.
 *
 * @param index K, from 0 to N − 1 (a Slurm array index or a Kubernetes completion index)
 * @param count N, at least 1
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%d/%d: N must be at least 1", index, count));
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d/%d: K must be from 0 to N - 1 = %d (shards are numbered from 0)",
              index,
              count,
              count - 1));
    }
  }

  /**
   * Reads {@code K/N}.
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. for {@code 3/2} or {@code 0/0}
   */
  public static Shard parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "expected K/N (shard K of N, K from 0 to N - 1), e.g. 0/4, got '" + text + "'");
    }
    try {
      return new Shard(
          Integer.parseInt(t.substring(0, slash).strip()),
          Integer.parseInt(t.substring(slash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected K/N with whole numbers K and N (shard K of N), e.g. 0/4, got '" + text + "'");
    }
  }

  /** True when task {@code task} is this shard's. */
  public boolean contains(long task) {
    return task % count == index;
  }

  /** How many of {@code total} tasks are this shard's. */
  public long size(long total) {
    return total > index ? (total - index - 1) / count + 1 : 0;
  }

  /** The {@code i}-th task of this shard. */
  public long task(long i) {
    return index + i * count;
  }

  /** {@code K/N}. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
