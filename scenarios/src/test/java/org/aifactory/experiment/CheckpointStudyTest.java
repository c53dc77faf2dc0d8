package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.CheckpointStudyResult;
import org.aifactory.model.FactorySpec;
import org.junit.jupiter.api.Test;

/**
 * The simulated optimum checkpoint interval agrees with Daly's formula within the study's
 * resolution: on a grid every 5 min (which does not contain Daly's value), the best interval is
 * within one grid step of Daly's, and Daly's lies within one step of the range of intervals
 * statistically indistinguishable from the best (paired 95 % CIs under common random numbers). The
 * range must be narrow enough to mean something: the grid's ends are clearly worse.
 */
class CheckpointStudyTest {

  @Test
  void simulatedOptimumAgreesWithDaly() {
    // M = 4 h, δ = 5 min, R = 10 min: Daly ≈ 50 min. Horizon 60 d per replication.
    FactorySpec f =
        Factories.jobKilledEvery(
            4, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(1));
    CheckpointStudyResult r =
        study("daly", f, Factories.averaged(Duration.ofDays(60), 3), Optional.empty(), grid(), 60);
    double m = 4 * 3600;
    double delta = 300;
    double x = delta / (2 * m);
    double daly = Math.sqrt(2 * delta * m) * (1 + Math.sqrt(x) / 3 + x / 9) - delta;
    assertThat(r.dalySeconds()).isCloseTo(daly, within(1e-6));
    assertThat(r.youngSeconds()).isCloseTo(Math.sqrt(2 * delta * m), within(1e-6));
    assertThat(r.mtbfKillHours()).isCloseTo(4, within(1e-9));
    double step = 300;
    // The grid, plus Daly's interval (the current one, 1 h, is on the grid already).
    assertThat(r.points()).hasSize(24);
    assertThat(r.points()).anyMatch(p -> Math.abs(p.intervalSeconds() - daly) < 1e-6);
    assertThat(r.currentPoint().intervalSeconds()).isEqualTo(3600);
    assertThat(r.currentPoint().tokensVersusCurrent().mean()).isZero();
    assertThat(r.bestPoint().intervalSeconds()).isCloseTo(daly, within(step));
    assertThat(r.dalySeconds())
        .isBetween(r.optimumLowSeconds() - step, r.optimumHighSeconds() + step);
    // The ends of the grid (Daly / 4 and Daly x 4) are distinguishably worse than the best.
    CheckpointStudyResult.Point first = r.points().get(0);
    CheckpointStudyResult.Point last = r.points().get(r.points().size() - 1);
    assertThat(first.ettrDifferenceFromBest().mean() - first.ettrDifferenceFromBest().ci95())
        .isPositive();
    assertThat(last.ettrDifferenceFromBest().mean() - last.ettrDifferenceFromBest().ci95())
        .isPositive();
    assertThat(r.optimumHighSeconds() - r.optimumLowSeconds()).isLessThan(4 * step);
  }

  /**
   * A job whose name has a dot is found under its metric key ({@code job.llama3_1-405b.ettr}):
   * every point has an ETTR from every replication.
   */
  @Test
  void findsAJobWhoseNameHasADot() {
    FactorySpec f =
        Factories.jobKilledEvery(
            "llama3.1-405b", 4, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(1));
    CheckpointStudyResult r =
        study(
            "dotted",
            f,
            Factories.averaged(Duration.ofDays(5), 3),
            Optional.of("llama3.1-405b"),
            List.of(1800.0, 3600.0),
            3);
    assertThat(r.job()).isEqualTo("llama3.1-405b");
    assertThat(r.points()).hasSize(3); // and Daly's interval
    for (CheckpointStudyResult.Point p : r.points()) {
      assertThat(p.ettr().n()).as("ETTR values at %s s", p.intervalSeconds()).isEqualTo(3);
      assertThat(p.ettr().mean()).isBetween(0.5, 1.0);
      assertThat(p.tokens().n()).isEqualTo(3);
      assertThat(p.tokens().mean()).isPositive();
    }
  }

  static CheckpointStudyResult study(
      String name,
      FactorySpec f,
      org.aifactory.model.RunSpec run,
      Optional<String> job,
      List<Double> seconds,
      int replications) {
    CheckpointStudy.Plan plan =
        CheckpointStudy.plan(
            f,
            job,
            seconds.stream()
                .<CheckpointStudy.Interval>map(CheckpointStudy.Interval.Of::new)
                .toList());
    return CheckpointStudy.run(
        name, f, run, plan, replications, 2, 2.5, org.aifactory.experiment.ProgressListener.NONE);
  }

  /** 10, 15, ..., 120 minutes. */
  private static List<Double> grid() {
    List<Double> g = new java.util.ArrayList<>();
    for (int minutes = 10; minutes <= 120; minutes += 5) {
      g.add(minutes * 60.0);
    }
    return g;
  }
}
