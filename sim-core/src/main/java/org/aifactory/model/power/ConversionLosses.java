package org.aifactory.model.power;

/**
 * Conversion losses of the chain as functions of the IT power, for the energy accounting: UPS (by
 * its efficiency curve at the present load fraction), PDU (constant efficiency) and the conductor
 * to the racks (I²R at the distribution voltage). Immutable; every method is a pure function and
 * allocates nothing except {@link #breakdown(double)}.
 *
 * <p>The IT power is taken to be spread over the paths in the proportions of the path loads the
 * chain was built with (equally when those are all zero), with every cord live: a dual-corded
 * path's current splits over its two cords, which halves its I²R loss. The UPS load fraction is the
 * UPS output over the installed capacity of the whole stage (every module of every system), which
 * is why 2N designs run at a lower, less efficient fraction. Generators and the utility side
 * (transformers, switchgear) add no loss here.
 */
public final class ConversionLosses {
  private final double distributionPerWattSquared;
  private final double pathOhmsPerVoltSquared;
  private final double pduLossPerWatt;
  private final double upsInstalledWatts;
  private final EfficiencyCurve upsEfficiency;

  private ConversionLosses(
      double distributionPerWattSquared,
      double pathOhmsPerVoltSquared,
      double pduLossPerWatt,
      double upsInstalledWatts,
      EfficiencyCurve upsEfficiency) {
    this.distributionPerWattSquared = distributionPerWattSquared;
    this.pathOhmsPerVoltSquared = pathOhmsPerVoltSquared;
    this.pduLossPerWatt = pduLossPerWatt;
    this.upsInstalledWatts = upsInstalledWatts;
    this.upsEfficiency = upsEfficiency;
  }

  /** The losses of {@code spec} with IT load spread like {@code pathItWatts}. */
  public static ConversionLosses of(PowerChainSpec spec, double[] pathItWatts) {
    DistributionSpec d = spec.distribution();
    return new ConversionLosses(
        distributionCoefficient(d, pathItWatts),
        pathCoefficient(d),
        1 / d.pduEfficiency() - 1,
        spec.ups().installedWatts(),
        spec.ups().efficiency());
  }

  /** R / (V² · cords): one path's conductor loss per watt² of its IT load. */
  private static double pathCoefficient(DistributionSpec d) {
    double v = d.distributionVolts();
    return d.conductorOhms() / (v * v * d.cordsPerPath());
  }

  /** Σ share² · R / (V² · cords): the conductor loss per watt² of total IT load. */
  private static double distributionCoefficient(DistributionSpec d, double[] pathItWatts) {
    if (pathItWatts.length == 0) {
      throw new IllegalArgumentException("at least one path is needed");
    }
    double total = 0;
    for (double w : pathItWatts) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("path IT load must be a finite number >= 0, got " + w);
      }
      total += w;
    }
    double sumSquares = 0;
    for (double w : pathItWatts) {
      double share = total > 0 ? w / total : 1.0 / pathItWatts.length;
      sumSquares += share * share;
    }
    return sumSquares * pathCoefficient(d);
  }

  /** UPS output for a total IT load spread like {@code pathItWatts}, before any UPS is chosen. */
  static double upsOutputWatts(DistributionSpec d, double[] pathItWatts, double itWatts) {
    double dist = distributionCoefficient(d, pathItWatts) * itWatts * itWatts;
    return (itWatts + dist) / d.pduEfficiency();
  }

  /** I²R loss of the conductors to the racks. */
  public double distributionLossWatts(double itWatts) {
    return distributionLossWatts(itWatts, 0);
  }

  /**
   * I²R loss of the conductors for a load of mean {@code itWatts} that varies with variance {@code
   * itVarianceWatts2} (W²) faster than the books see: the loss follows the mean square, E[P²] =
   * mean² + variance (an iteration folded into its mean power still pulses in the wires).
   */
  public double distributionLossWatts(double itWatts, double itVarianceWatts2) {
    return distributionPerWattSquared * (itWatts * itWatts + itVarianceWatts2);
  }

  /** Loss in the PDUs (transformers). */
  public double pduLossWatts(double itWatts) {
    return pduLossWatts(itWatts, 0);
  }

  /** Loss in the PDUs of a varying load (see {@link #distributionLossWatts(double, double)}). */
  public double pduLossWatts(double itWatts, double itVarianceWatts2) {
    return (itWatts + distributionLossWatts(itWatts, itVarianceWatts2)) * pduLossPerWatt;
  }

  /** What the UPS stage delivers: IT plus distribution and PDU losses. */
  public double upsOutputWatts(double itWatts) {
    return upsOutputWatts(itWatts, 0);
  }

  private double upsOutputWatts(double itWatts, double itVarianceWatts2) {
    return (itWatts + distributionLossWatts(itWatts, itVarianceWatts2)) * (1 + pduLossPerWatt);
  }

  /** Loss in the UPS at the load fraction of {@code itWatts}. */
  public double upsLossWatts(double itWatts) {
    return upsLossWatts(itWatts, 0);
  }

  /**
   * Loss in the UPS of a varying load, taken at its mean output: the efficiency curve is nearly
   * linear in the load over an iteration's swing, so the mean of the loss is close to the loss of
   * the mean (unlike I²R, which is quadratic).
   */
  public double upsLossWatts(double itWatts, double itVarianceWatts2) {
    return upsEfficiency.lossWatts(upsOutputWatts(itWatts, itVarianceWatts2), upsInstalledWatts);
  }

  /** Power drawn from the utility (or generators) for {@code itWatts} of IT load. */
  public double inputWatts(double itWatts) {
    return inputWatts(itWatts, 0);
  }

  /** Power drawn for a varying load (see {@link #distributionLossWatts(double, double)}). */
  public double inputWatts(double itWatts, double itVarianceWatts2) {
    double out = upsOutputWatts(itWatts, itVarianceWatts2);
    return out + upsEfficiency.lossWatts(out, upsInstalledWatts);
  }

  /** UPS output needed by one path drawing {@code pathItWatts} (its conductor and PDU losses). */
  public double pathUpsOutputWatts(double pathItWatts) {
    return (pathItWatts + pathOhmsPerVoltSquared * pathItWatts * pathItWatts)
        * (1 + pduLossPerWatt);
  }

  /** All losses at once. */
  public Breakdown breakdown(double itWatts) {
    double dist = distributionLossWatts(itWatts);
    double pdu = (itWatts + dist) * pduLossPerWatt;
    double ups = upsEfficiency.lossWatts(itWatts + dist + pdu, upsInstalledWatts);
    return new Breakdown(itWatts, dist, pdu, ups);
  }

  /**
   * Losses by stage at one IT load, in watts.
   *
   * @param itWatts the IT load
   * @param distributionWatts conductor I²R
   * @param pduWatts PDU (transformer)
   * @param upsWatts UPS
   */
  public record Breakdown(
      double itWatts, double distributionWatts, double pduWatts, double upsWatts) {
    public double totalLossWatts() {
      return distributionWatts + pduWatts + upsWatts;
    }

    public double inputWatts() {
      return itWatts + totalLossWatts();
    }
  }
}
