package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aifactory.metrics.MetricStats;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RunSpec;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    FactorySpec f = Factories.busyHall();
    RunSpec run = Factories.averaged(Duration.ofDays(3), 5);
    ReplicationSet one = Replications.run("x", f, run, 24, 1, ProgressListener.NONE).set();
    ReplicationSet three = Replications.run("x", f, run, 24, 3, ProgressListener.NONE).set();
    assertThat(three.replications()).isEqualTo(24);
    for (int r = 0; r < 24; r++) {
      for (int m = 0; m < one.layout().size(); m++) {
        assertThat(Double.valueOf(three.value(r, m))).isEqualTo(Double.valueOf(one.value(r, m)));
      }
    }
    assertThat(three.first()).isEqualTo(one.first());
    assertThat(three.stats()).isEqualTo(one.stats());
  }

  @Test
  void replicationsAreIndependentRunsOfTheirOwnStreams() {
    FactorySpec f = Factories.busyHall();
    RunSpec run = Factories.averaged(Duration.ofDays(3), 5);
    ReplicationSet set = Replications.run("x", f, run, 8, 2, ProgressListener.NONE).set();
    RunResult third = new FactoryRun("x", f, run, 3, false).complete();
    int k = set.indexOf("interruptions");
    assertThat(set.value(3, k)).isEqualTo(third.interruptions());
    // Different replications see different failures.
    double[] interruptions = set.column(k);
    assertThat(java.util.Arrays.stream(interruptions).distinct().count()).isGreaterThan(3);
    MetricStats s = set.stats().get(k);
    assertThat(s.n()).isEqualTo(8);
    assertThat(s.ci95()).isPositive();
    // Replication 0 keeps its event log; it matches a run of replication 0.
    assertThat(set.first().events()).isNotEmpty();
    assertThat(set.first()).isEqualTo(new FactoryRun("x", f, run, 0, true).complete());
  }
}
