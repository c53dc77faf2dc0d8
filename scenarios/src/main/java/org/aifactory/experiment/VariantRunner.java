package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the replications of a comparison's variants, batch after batch: on this machine's threads
 * ({@link #local}), or elsewhere (a Spark cluster). Replication r of a variant gives the same
 * figures in any batch and on any machine, so a comparison's result does not depend on the runner.
 */
@FunctionalInterface
public interface VariantRunner {
  /**
   * Every variant's replications extended to {@code to} in all, in input order.
   *
   * @param earlier the variants' replications so far, in input order; empty before the first batch
   * @param progress told of the runs done of every batch so far, out of {@code variants × to}
   */
  List<Replications.Result> extendTo(
      List<Replications.Result> earlier, int to, ProgressListener progress);

  /** Each variant's replications in turn, each on {@code threads} threads. */
  static VariantRunner local(String scenario, List<Comparison.Input> inputs, int threads) {
    List<Comparison.Variant> variants = Comparison.variants(inputs);
    return (earlier, to, progress) -> {
      int before = earlier.isEmpty() ? 0 : earlier.get(0).set().replications();
      long total = (long) variants.size() * to;
      List<Replications.Result> out = new ArrayList<>();
      for (int v = 0; v < variants.size(); v++) {
        long offset = (long) variants.size() * before + (long) v * (to - before);
        ProgressListener p = (done, ignored) -> progress.progress(offset + done, total);
        Comparison.Variant variant = variants.get(v);
        out.add(
            earlier.isEmpty()
                ? Replications.run(scenario, variant.factory(), variant.run(), to, threads, p)
                : Replications.extend(
                    earlier.get(v), scenario, variant.factory(), variant.run(), to, threads, p));
      }
      return out;
    };
  }
}
