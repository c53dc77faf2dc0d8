package org.aifactory.model.hardware;

import java.time.Duration;
import java.util.Objects;

/**
 * The smallest part of a system that is replaced on its own when one of its GPUs fails (a
 * field-replaceable unit, FRU), such as a compute tray of a rack-scale system. A GPU failure whose
 * cause is contained in the FRU takes down only the FRU's GPUs, for {@code swapTime}, while the
 * rest of the system keeps running; the failed unit is repaired away from the system.
 *
 * @param gpus GPUs in one FRU; they divide the system's GPUs
 * @param swapTime time from the failure until a unit from stock runs in its place (stock is never
 *     short)
 */
public record FieldReplaceableUnit(int gpus, Duration swapTime) {

  /*
   * GB200 / GB300 NVL72: 72 GPUs in 18 compute trays (and 9 switch trays), so 4 GPUs per compute
   * tray (docs/sources.md §1, §8).
   */
  public static final int NVL72_COMPUTE_TRAY_GPUS = 4;

  /*
   * Swap of a compute tray from stock: no published figure in docs/sources.md (its only hot-swap
   * time is a UPS power module's, about 0.5 h, §10). ASSUMPTION: 30 min to drain the tray, pull it,
   * slide in a spare one and bring it up.
   */
  public static final Duration DEFAULT_SWAP = Duration.ofMinutes(30);

  public FieldReplaceableUnit {
    if (gpus <= 0) {
      throw new IllegalArgumentException("fru.gpus must be positive");
    }
    Objects.requireNonNull(swapTime, "swapTime");
    if (swapTime.isNegative()) {
      throw new IllegalArgumentException("fru.swap must be >= 0");
    }
  }

  /** An NVL72 compute tray: 4 GPUs, swapped in {@link #DEFAULT_SWAP}. */
  public static FieldReplaceableUnit nvl72ComputeTray() {
    return new FieldReplaceableUnit(NVL72_COMPUTE_TRAY_GPUS, DEFAULT_SWAP);
  }

  /**
   * Why {@code systemGpus} cannot be split into units of {@code gpus}; null if it can. Shared by
   * the record's check and the scenario language's message.
   */
  public static String splitProblem(int gpus, int systemGpus) {
    if (gpus > systemGpus) {
      return "an FRU of "
          + gpus
          + " GPUs is larger than its system of "
          + systemGpus
          + " GPUs; an FRU is a part of one system";
    }
    if (systemGpus % gpus != 0) {
      return "a system of "
          + systemGpus
          + " GPUs does not split into FRUs of "
          + gpus
          + " GPUs: the FRU's GPUs must divide the system's (e.g. "
          + divisors(systemGpus)
          + ")";
    }
    return null;
  }

  /** The divisors of {@code n} for a message: all of them, or the first few. */
  private static String divisors(int n) {
    StringBuilder s = new StringBuilder();
    int shown = 0;
    for (int d = 1; d <= n && shown < 12; d++) {
      if (n % d == 0) {
        if (shown > 0) {
          s.append(", ");
        }
        s.append(d);
        shown++;
      }
    }
    return s.toString();
  }
}
