package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;
import org.aifactory.metrics.ReplicationSet;

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

  /**
   * Every variant's replications on one pool of {@code threads} threads (the threads take (variant,
   * replication) pairs in order), with one progress count.
   */
  static VariantRunner local(String scenario, List<Comparison.Input> inputs, int threads) {
    List<Replications.Config> configs = new ArrayList<>();
    for (Comparison.Variant v : Comparison.variants(inputs)) {
      configs.add(new Replications.Config(scenario, v.factory(), v.run(), v.metricsOf()));
    }
    return (earlier, to, progress) -> {
      int before = earlier.isEmpty() ? 0 : earlier.get(0).set().replications();
      if (!earlier.isEmpty() && to == before) {
        return earlier;
      }
      long offset = (long) configs.size() * before;
      long total = (long) configs.size() * to;
      ReplicationSet[] sets = new ReplicationSet[configs.size()];
      Replications.Work work =
          Replications.extendEach(
              configs,
              earlier.isEmpty() ? null : earlier.stream().map(Replications.Result::set).toList(),
              to,
              threads,
              (done, ignored) -> progress.progress(offset + done, total),
              (v, set) -> sets[v] = set);
      // The pool's work is not split by variant: the first variant carries it all.
      List<Replications.Result> out = new ArrayList<>();
      for (int v = 0; v < sets.length; v++) {
        long events = v == 0 ? work.eventsProcessed() : 0;
        double wall = v == 0 ? work.simulationWallSeconds() : 0;
        if (!earlier.isEmpty()) {
          events += earlier.get(v).eventsProcessed();
          wall += earlier.get(v).simulationWallSeconds();
        }
        out.add(new Replications.Result(sets[v], events, wall));
      }
      return out;
    };
  }
}
