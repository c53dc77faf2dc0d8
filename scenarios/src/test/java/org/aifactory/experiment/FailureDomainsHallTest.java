package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.metrics.GpuHours;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.MetricKeys;
import org.aifactory.metrics.ReplicationSet;
import org.aifactory.metrics.RunResult;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.aifactory.scenario.ScenarioVariant;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §4: a GB300 NVL72 hall with the llama3 failure profile (src/test/resources/domains) sat
 * waiting for 24 h rack repairs a third of the time. Its three variants run with the same random
 * streams (replication r of each sees the same failures), so their ETTRs are compared by paired
 * differences, each with its 95 % confidence interval (Student t, 4 degrees of freedom).
 */
class FailureDomainsHallTest {
  private static final int REPLICATIONS = 5;
  private static ReplicationSet wholeRack;
  private static ReplicationSet trays;
  private static ReplicationSet inRackSpares;

  @BeforeAll
  static void runTheVariants() throws IOException, ScenarioException {
    Path file = Path.of("src/test/resources/domains/gb300-hall.yaml");
    Scenario hall = new ScenarioLoader().parse(file.toString(), Files.readString(file), List.of());
    List<ScenarioVariant> variants = hall.variants();
    assertThat(variants)
        .extracting(ScenarioVariant::name)
        .containsExactly("whole-rack", "trays", "in-rack-spares");
    wholeRack = run(variants.get(0));
    trays = run(variants.get(1));
    inRackSpares = run(variants.get(2));
  }

  private static ReplicationSet run(ScenarioVariant v) {
    Scenario s = v.scenario();
    return Replications.run(v.name(), s.factory(), s.run(), REPLICATIONS, 2, ProgressListener.NONE)
        .set();
  }

  private static double[] column(ReplicationSet set, String key) {
    return set.column(set.indexOf(key));
  }

  /** The paired differences a − b: their mean and 95 % half-width. */
  private static double[] pairedDifference(double[] a, double[] b) {
    SummaryStatistics d = new SummaryStatistics();
    for (int i = 0; i < a.length; i++) {
      d.addValue(a[i] - b[i]);
    }
    double t = new TDistribution(a.length - 1).inverseCumulativeProbability(0.975);
    return new double[] {d.getMean(), t * d.getStandardDeviation() / Math.sqrt(a.length)};
  }

  private static double mean(double[] values) {
    return java.util.Arrays.stream(values).average().orElseThrow();
  }

  /**
   * Whole racks: the job waits for repairs a third of the time or more (the hall's 16 spare racks
   * cannot cover ~16 racks in repair at once), and its ETTR is below 55 %.
   */
  @Test
  void wholeRackRepairsKeepTheJobWaiting() {
    double waiting =
        mean(column(wholeRack, MetricKeys.GPU_HOURS_WAITING))
            / mean(column(wholeRack, MetricKeys.GPU_HOURS_INSTALLED));
    assertThat(waiting).isGreaterThan(0.25);
    assertThat(mean(column(wholeRack, MetricKeys.ETTR))).isLessThan(0.55);
    assertThat(wholeRack.indexOf(MetricKeys.DOMAIN_UNIT_FAILURES)).isNegative();
  }

  /** The lost production of every variant still adds up exactly, and no GPU-hour is lost. */
  @Test
  void theBooksBalanceInEveryVariant() {
    for (ReplicationSet set : List.of(wholeRack, trays, inRackSpares)) {
      RunResult r = set.first();
      GpuHours h = r.gpuHours();
      double parts =
          h.productive()
              + h.lostWork()
              + h.throttling()
              + h.checkpoint()
              + h.restart()
              + h.waiting()
              + h.idle()
              + h.down();
      assertThat(parts).isCloseTo(h.installed(), within(1e-9 * h.installed()));
      for (JobResult job : r.jobs()) {
        LostProduction p = job.lostProduction();
        double lost =
            p.checkpoint()
                + p.lostWork()
                + p.restart()
                + p.waiting()
                + p.throttling()
                + p.incompleteIteration();
        assertThat(p.total()).isCloseTo(lost, within(1e-9 * p.idealTokens()));
      }
    }
  }

  /** The same replications, whatever the number of threads. */
  @Test
  void inRackSparesGiveTheSameResultsOnOneThread() throws IOException, ScenarioException {
    Path file = Path.of("src/test/resources/domains/gb300-hall.yaml");
    Scenario s =
        new ScenarioLoader()
            .parse(file.toString(), Files.readString(file), List.of())
            .variants()
            .get(2)
            .scenario();
    ReplicationSet oneThread =
        Replications.run(
                "in-rack-spares", s.factory(), s.run(), REPLICATIONS, 1, ProgressListener.NONE)
            .set();
    assertThat(oneThread.stats()).isEqualTo(inRackSpares.stats());
    assertThat(oneThread.first()).isEqualTo(inRackSpares.first());
  }

  /** Trays raise the ETTR, and in-rack spares raise it again: both with 95 % confidence. */
  @Test
  void traysAndInRackSparesRaiseTheEttr() {
    double[] ettr0 = column(wholeRack, MetricKeys.ETTR);
    double[] ettr1 = column(trays, MetricKeys.ETTR);
    double[] ettr2 = column(inRackSpares, MetricKeys.ETTR);
    double[] traysGain = pairedDifference(ettr1, ettr0);
    double[] sparesGain = pairedDifference(ettr2, ettr1);
    assertThat(traysGain[0] - traysGain[1]).as("trays - whole rack, lower bound").isPositive();
    assertThat(sparesGain[0] - sparesGain[1]).as("spares - trays, lower bound").isPositive();
  }

  /**
   * With in-rack spares the hall's tray failures mostly end in a take-over (a job's tray, a spare
   * of its rack) or strike a spare; a rack is rarely short of 64 GPUs, so the job hardly waits.
   * Without them every job tray failure leaves its rack short.
   */
  @Test
  void trayFailuresEndAsTheDesignSays() {
    assertThat(mean(column(trays, MetricKeys.DOMAIN_TAKE_OVERS))).isZero();
    assertThat(mean(column(trays, MetricKeys.DOMAIN_SYSTEMS_SHORT))).isPositive();
    double failures = mean(column(inRackSpares, MetricKeys.DOMAIN_UNIT_FAILURES));
    double takeOvers = mean(column(inRackSpares, MetricKeys.DOMAIN_TAKE_OVERS));
    assertThat(takeOvers / failures).isGreaterThan(0.8);
    double waiting =
        mean(column(inRackSpares, MetricKeys.GPU_HOURS_WAITING))
            / mean(column(inRackSpares, MetricKeys.GPU_HOURS_INSTALLED));
    assertThat(waiting).isLessThan(0.01);
  }
}
