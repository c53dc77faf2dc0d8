package org.aifactory.model.power;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;

/** Small chains for tests: lossless distribution, explicit everything. */
final class TestChains {
  private TestChains() {}

  static final double MINUTE = 60;
  static final double HOUR = 3600;
  static final long MINUTE_NANOS = 60_000_000_000L;
  static final long HOUR_NANOS = 3_600_000_000_000L;

  /** Fails only after ~31,700 years: never within a horizon (at most 292 years). */
  static final TimeDistribution NEVER = new TimeDistribution.Fixed(1e12);

  static TimeDistribution exp(double meanSeconds) {
    return new TimeDistribution.Exponential(meanSeconds);
  }

  static TimeDistribution fixed(double seconds) {
    return new TimeDistribution.Fixed(seconds);
  }

  static UpsSpec ups(
      StageStructure structure,
      double moduleWatts,
      TimeDistribution ttf,
      TimeDistribution repair,
      Duration autonomy,
      boolean bypass) {
    return new UpsSpec(
        structure,
        moduleWatts,
        autonomy,
        Duration.ofHours(8),
        EfficiencyCurve.DOUBLE_CONVERSION,
        bypass,
        ttf,
        repair);
  }

  /** PDUs with 100 % efficiency and no conductor loss, so path loads are the UPS loads. */
  static DistributionSpec lossless(boolean dual, TimeDistribution ttf, TimeDistribution repair) {
    return new DistributionSpec(dual, ttf, repair, 1.0, 800, 0);
  }

  static PowerChainSpec chain(
      UtilitySpec utility,
      GeneratorPlantSpec generators,
      UpsSpec ups,
      DistributionSpec distribution,
      CommonCauseSpec commonCause,
      RepairCrewSpec crews) {
    return new PowerChainSpec(
        utility, Optional.ofNullable(generators), ups, distribution, commonCause, crews);
  }

  /**
   * A utility with fixed interruptions: the first at {@code every}, each lasting {@code length}.
   */
  static UtilitySpec fixedOutages(Duration every, Duration length) {
    return UtilitySpec.sustainedOnly(
        new UtilitySpec.InterruptionProcess(
            TimeDistribution.Fixed.of(every), TimeDistribution.Fixed.of(length)));
  }

  /** Records every listener call as "lost p @ t" / "restored p @ t" with t in minutes. */
  static final class Log implements PowerPathListener {
    final List<String> entries = new ArrayList<>();

    @Override
    public void powerLost(int path, long nowNanos) {
      entries.add("lost " + path + " @ " + minutes(nowNanos));
    }

    @Override
    public void powerRestored(int path, long nowNanos) {
      entries.add("restored " + path + " @ " + minutes(nowNanos));
    }

    private static String minutes(long nanos) {
      double m = nanos / (double) MINUTE_NANOS;
      return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }
  }
}
