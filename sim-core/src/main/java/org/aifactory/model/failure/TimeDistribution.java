package org.aifactory.model.failure;

import java.time.Duration;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A distribution of durations (times to failure, repair times). Parameters are in seconds as
 * doubles, not {@link Duration}: a single GPU's mean time to failure can be centuries, beyond the
 * 292 years a nanosecond {@code long} holds. Samples are whole nanoseconds, capped far beyond any
 * horizon.
 */
public sealed interface TimeDistribution {

  /** Mean, in seconds. */
  double meanSeconds();

  /** A sampler drawing from {@code rng}; build once per stream, draw many times. */
  Sampler sampler(UniformRandomProvider rng);

  /** The same distribution with every duration divided by {@code factor} (rates × factor). */
  TimeDistribution faster(double factor);

  /** Draws durations in whole nanoseconds (at least 1, except a fixed zero). */
  interface Sampler {
    long sampleNanos();
  }

  /**
   * Samples at or beyond this are "never": the engine saturates now + delay, so such an event never
   * comes within any horizon.
   */
  long NEVER_NANOS = Long.MAX_VALUE;

  private static long toNanos(double seconds) {
    double ns = seconds * 1e9;
    if (!(ns < NEVER_NANOS)) {
      return NEVER_NANOS;
    }
    return Math.max(1, Math.round(ns));
  }

  private static double positive(double seconds, String field) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException(field + " must be a positive finite duration");
    }
    return seconds;
  }

  static double toSeconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** Memoryless: constant rate 1 / mean. */
  record Exponential(double meanSeconds) implements TimeDistribution {
    public Exponential {
      positive(meanSeconds, "mean");
    }

    public static Exponential of(Duration mean) {
      return new Exponential(toSeconds(mean));
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      var exp = ZigguratSampler.Exponential.of(rng);
      double m = meanSeconds;
      return () -> toNanos(m * exp.sample());
    }

    @Override
    public TimeDistribution faster(double factor) {
      return new Exponential(meanSeconds / factor);
    }
  }

  /** Weibull with {@code shape} k and {@code scaleSeconds} λ: mean λ·Γ(1 + 1/k). */
  record Weibull(double shape, double scaleSeconds) implements TimeDistribution {
    public Weibull {
      if (!(shape > 0) || !Double.isFinite(shape)) {
        throw new IllegalArgumentException("shape must be a positive number");
      }
      positive(scaleSeconds, "scale");
    }

    @Override
    public double meanSeconds() {
      return scaleSeconds * Math.exp(Gamma.logGamma(1 + 1 / shape));
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      double s = scaleSeconds;
      double inv = 1 / shape;
      // Inverse transform: F^-1(u) = λ (-ln(1 - u))^(1/k); 1 - nextDouble() is in (0, 1].
      return () -> toNanos(s * Math.pow(-Math.log(1 - rng.nextDouble()), inv));
    }

    @Override
    public TimeDistribution faster(double factor) {
      return new Weibull(shape, scaleSeconds / factor);
    }
  }

  /** Lognormal with the given median and σ of the underlying normal: mean = median·e^(σ²/2). */
  record Lognormal(double medianSeconds, double sigma) implements TimeDistribution {
    public Lognormal {
      positive(medianSeconds, "median");
      if (!(sigma > 0) || !Double.isFinite(sigma)) {
        throw new IllegalArgumentException("sigma must be a positive number");
      }
    }

    @Override
    public double meanSeconds() {
      return medianSeconds * Math.exp(sigma * sigma / 2);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      var gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      double m = medianSeconds;
      double s = sigma;
      return () -> toNanos(m * Math.exp(s * gauss.sample()));
    }

    @Override
    public TimeDistribution faster(double factor) {
      return new Lognormal(medianSeconds / factor, sigma);
    }
  }

  /** Always the same duration. */
  record Fixed(double seconds) implements TimeDistribution {
    public Fixed {
      if (!(seconds >= 0) || !Double.isFinite(seconds)) {
        throw new IllegalArgumentException("duration must be a finite number >= 0");
      }
    }

    public static Fixed of(Duration d) {
      return new Fixed(toSeconds(d));
    }

    @Override
    public double meanSeconds() {
      return seconds;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      long ns = seconds == 0 ? 0 : toNanos(seconds);
      return () -> ns;
    }

    @Override
    public TimeDistribution faster(double factor) {
      return new Fixed(seconds / factor);
    }
  }
}
