package org.aifactory.metrics;

import java.util.List;

/** Conversion losses by stage as functions of IT power, integrated by the {@link PowerLedger}. */
public interface StageLosses {
  /** Stage names, e.g. {@code ups}, {@code pdu}, {@code distribution}. */
  List<String> stages();

  /**
   * Fills {@code out[i]} with stage i's loss in watts at IT power {@code itWatts} whose variance
   * within the present state is {@code itVarianceWatts2} (W²; 0 for a steady load).
   */
  void lossWatts(double itWatts, double itVarianceWatts2, double[] out);
}
