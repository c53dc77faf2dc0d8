package org.aifactory.metrics;

/**
 * Where a {@link PowerRecorder} looks for its full-resolution window when the scenario does not
 * place it: every step in [{@code fromNanos}, {@code toNanos}) is kept, and at the end the window
 * of {@code lengthNanos} is put around the first drop of power held at least {@code minDropNanos}
 * (a checkpoint, or a restart after a failure), starting {@code leadNanos} before it so that the
 * pulses before it show. A drop that ends inside the window with {@code leadNanos} to spare is
 * preferred; without any drop the window starts at {@code fromNanos}.
 *
 * @param fromNanos start of the search, and of the window when no drop is found
 * @param toNanos end of the search
 * @param lengthNanos length of the window
 * @param leadNanos time shown before the drop
 * @param minDropNanos shortest hold of a lower level that counts as a drop (longer than a
 *     communication phase)
 */
public record WindowSearch(
    long fromNanos, long toNanos, long lengthNanos, long leadNanos, long minDropNanos) {

  /** At most this many steps are kept while searching (16 bytes each). */
  public static final int MAX_STEPS = 250_000;

  public WindowSearch {
    if (fromNanos < 0 || toNanos < fromNanos || lengthNanos <= 0 || leadNanos < 0) {
      throw new IllegalArgumentException("bad window search " + fromNanos + ".." + toNanos);
    }
    if (minDropNanos <= 0) {
      throw new IllegalArgumentException("minDropNanos must be positive");
    }
  }
}
