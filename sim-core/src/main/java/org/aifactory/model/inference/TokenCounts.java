package org.aifactory.model.inference;

import org.aifactory.model.Checks;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How many tokens a request brings (its prompt) or asks for (its output): a distribution over whole
 * counts of at least 1.
 */
public sealed interface TokenCounts {

  /** The mean count. */
  double mean();

  /** A sampler drawing from {@code rng}. */
  Sampler sampler(UniformRandomProvider rng);

  /** Draws counts, each at least 1. */
  interface Sampler {
    long sample();
  }

  /** Every request the same. */
  record Fixed(long count) implements TokenCounts {
    public Fixed {
      if (count < 1) {
        throw new IllegalArgumentException("a token count must be at least 1, got " + count);
      }
    }

    @Override
    public double mean() {
      return count;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      return () -> count;
    }
  }

  /**
   * Geometric on 1, 2, 3, … with the given mean: the whole-number counterpart of the exponential
   * (memoryless), sampled as ⌈E⌉ with E exponential of rate −ln(1 − 1/mean). With it, service times
   * are close to exponential and a service is an M/M/c queue (CV² = 1 − 1/mean).
   */
  record Geometric(double mean) implements TokenCounts {
    public Geometric {
      if (!(mean >= 1) || !Double.isFinite(mean)) {
        throw new IllegalArgumentException("a mean token count must be at least 1, got " + mean);
      }
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      if (mean == 1) {
        return () -> 1;
      }
      double scale = -1 / Math.log1p(-1 / mean);
      var exp = ZigguratSampler.Exponential.of(rng);
      return () -> Math.max(1, (long) Math.ceil(exp.sample() * scale));
    }
  }

  /** Log-normal with the given median and σ of the logarithm, rounded up to a whole count. */
  record Lognormal(double median, double sigma) implements TokenCounts {
    public Lognormal {
      Checks.positive(median, "median");
      Checks.nonNegative(sigma, "sigma");
    }

    @Override
    public double mean() {
      return median * Math.exp(sigma * sigma / 2);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      var gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      double mu = Math.log(median);
      return () -> {
        double x = Math.ceil(Math.exp(mu + sigma * gauss.sample()));
        return x >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) x);
      };
    }
  }

  /** Uniform on the whole counts {@code min} to {@code max}. */
  record Uniform(long min, long max) implements TokenCounts {
    public Uniform {
      if (min < 1 || max < min) {
        throw new IllegalArgumentException("expected 1 <= min <= max, got " + min + ", " + max);
      }
    }

    @Override
    public double mean() {
      return (min + (double) max) / 2;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      return () -> rng.nextLong(min, max + 1);
    }
  }
}
