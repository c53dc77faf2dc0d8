package org.aifactory.engine;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named random streams. Each stream's seed is derived from (root seed, stream name, replication
 * index) alone, so adding a component (a new stream) shifts no other stream's numbers, and compared
 * variants that use the same names see the same numbers (common random numbers).
 *
 * <p>Generator: XoRoShiRo128++ (commons-rng), seeded with two words from a SplitMix64 mix of the
 * three inputs.
 */
public final class RandomStreams {
  private final long rootSeed;
  private final int replication;

  public RandomStreams(long rootSeed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0");
    }
    this.rootSeed = rootSeed;
    this.replication = replication;
  }

  public long rootSeed() {
    return rootSeed;
  }

  public int replication() {
    return replication;
  }

  /** A new generator for the stream {@code name}; the same name always gives the same numbers. */
  public UniformRandomProvider stream(String name) {
    long base = seedOf(name);
    return RandomSource.XO_RO_SHI_RO_128_PP.create(
        new long[] {mix(base), mix(base + 0x9E3779B97F4A7C15L)});
  }

  /** The 64-bit seed of stream {@code name} in this replication. */
  public long seedOf(String name) {
    long h = mix(rootSeed);
    h = mix(h ^ fnv1a(name));
    return mix(h + 0x9E3779B97F4A7C15L * (replication + 1L));
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64 finaliser (Stafford variant 13). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
