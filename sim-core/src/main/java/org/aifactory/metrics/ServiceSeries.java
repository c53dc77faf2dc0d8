package org.aifactory.metrics;

/**
 * An inference service over the run, in equal buckets: output tokens demanded and served, and the
 * p99 time from arrival to the last token of the requests completed (NaN where none completed).
 *
 * @param bucketSeconds length of a bucket
 * @param demandedTokens output tokens asked for in each bucket
 * @param servedTokens output tokens completed in each bucket
 * @param p99Seconds p99 latency of each bucket (10 % wide bins)
 */
public record ServiceSeries(
    double bucketSeconds, double[] demandedTokens, double[] servedTokens, double[] p99Seconds) {

  public ServiceSeries {
    demandedTokens = demandedTokens.clone();
    servedTokens = servedTokens.clone();
    p99Seconds = p99Seconds.clone();
  }

  @Override
  public double[] demandedTokens() {
    return demandedTokens.clone();
  }

  @Override
  public double[] servedTokens() {
    return servedTokens.clone();
  }

  @Override
  public double[] p99Seconds() {
    return p99Seconds.clone();
  }
}
