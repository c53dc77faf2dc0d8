package org.aifactory.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aifactory.metrics.CostBreakdown;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.economics.EconomicsSpec;

/**
 * A run's metrics, followed by its costs ({@code economics.*}, {@link CostBreakdown}) when the
 * scenario has economics; without them, exactly {@link RunResult#metrics()}.
 */
public final class PricedMetrics {
  private PricedMetrics() {}

  /** The metrics of a run at {@code economics}. */
  public static Function<RunResult, List<Metric>> of(Optional<EconomicsSpec> economics) {
    if (economics.isEmpty()) {
      return RunResult::metrics;
    }
    EconomicsSpec e = economics.get();
    return run -> {
      List<Metric> m = new ArrayList<>(run.metrics());
      m.addAll(CostBreakdown.of(run, e).metrics());
      return m;
    };
  }
}
