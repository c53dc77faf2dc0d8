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

  /**
   * Fills {@code out[i]} with how fast stage i's loss follows IT power at {@code itWatts} (W per W
   * of IT): the tangent along which a ramp of IT power carries the losses until the next change. By
   * default a central difference of {@link #lossWatts} (a forward one near 0).
   */
  default void lossWattsPerItWatt(double itWatts, double itVarianceWatts2, double[] out) {
    int n = out.length;
    double h = Math.max(1, Math.abs(itWatts) * 1e-6);
    double lo = itWatts - h < 0 ? itWatts : itWatts - h;
    double[] a = new double[n];
    double[] b = new double[n];
    lossWatts(lo, itVarianceWatts2, a);
    lossWatts(itWatts + h, itVarianceWatts2, b);
    for (int i = 0; i < n; i++) {
      out[i] = (b[i] - a[i]) / (itWatts + h - lo);
    }
  }
}
