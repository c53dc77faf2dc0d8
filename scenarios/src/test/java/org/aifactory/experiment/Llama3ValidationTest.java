package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.model.PulseResolution;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioLoader;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The bundled llama3-405b-54d scenario with the llama3 failure profile, against Llama 3's Table 5:
 * 419 unexpected interruptions in 54 days and an effective training time above 90 %.
 *
 * <p>Model difference, stated rather than hidden: the scenario swaps in a hot spare in 1 min after
 * a hardware failure, and a failure striking the job while it waits for that swap does not count as
 * a new interruption (the job is already stopped). So the expected count is 419 × (1 − the share of
 * time spent swapping), a little under 419: the test checks that this corrected figure lies in the
 * 99.9 % confidence interval, and that 419 itself is within 1 % of the mean.
 */
class Llama3ValidationTest {
  private static final int REPLICATIONS = 400;

  @Test
  void interruptionsMatchTable5AndEttrIsAbove90Percent() throws Exception {
    Scenario s = new ScenarioLoader().load("llama3-405b-54d");
    ReplicationSet set =
        Replications.run(
                s.name(),
                s.factory(),
                s.run().withPulseResolution(PulseResolution.AVERAGED),
                REPLICATIONS,
                2,
                ProgressListener.NONE)
            .set();
    double[] all = set.column(set.indexOf("interruptions"));
    double[] planned = set.column(set.indexOf("interruptions_by_cause.planned_maintenance"));
    double[] unexpected = new double[all.length];
    for (int r = 0; r < all.length; r++) {
      unexpected[r] = all[r] - planned[r];
    }
    MetricStats u = MetricStats.of(set.layout().get(set.indexOf("interruptions")), unexpected);
    double t = new TDistribution(REPLICATIONS - 1).inverseCumulativeProbability(0.9995);
    double half = t * u.sd() / Math.sqrt(REPLICATIONS);
    // Share of the horizon the job spent waiting for spare swaps (all hardware failures).
    double waitingShare =
        set.stats().get(set.indexOf("gpu_hours.waiting")).mean()
            / set.stats().get(set.indexOf("gpu_hours.installed")).mean()
            * (2_048.0 + 16)
            / 2_048;
    double corrected = 419 * (1 - waitingShare);
    assertThat(corrected).isBetween(u.mean() - half, u.mean() + half);
    assertThat(u.mean()).isBetween(419 * 0.99, 419.0);
    MetricStats ettr = set.stats().get(set.indexOf("job.llama3-405b.ettr"));
    assertThat(ettr.mean() - ettr.ci95()).isGreaterThan(0.90);
  }
}
