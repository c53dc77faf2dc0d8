package org.aifactory.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.workload.TrainingJobSpec;

/**
 * Power cap schedules checked against the horizon: a step at or after it would never apply, which
 * is a mistake (a cap meant for a longer run, a unit slip) rather than a plan.
 */
final class PowerCapProblems {
  private PowerCapProblems() {}

  static List<SpecProblem> of(FactorySpec factory, Duration horizon) {
    List<SpecProblem> problems = new ArrayList<>();
    for (int i = 0; i < factory.clusters().size(); i++) {
      add(problems, "clusters[" + i + "].power_cap", factory.clusters().get(i).powerCap(), horizon);
    }
    for (int i = 0; i < factory.workloads().size(); i++) {
      if (factory.workloads().get(i) instanceof TrainingJobSpec job) {
        add(problems, "workloads[" + i + "].power_cap", job.powerCap(), horizon);
      }
    }
    return problems;
  }

  private static void add(
      List<SpecProblem> problems,
      String path,
      Optional<PowerCapSchedule> schedule,
      Duration horizon) {
    if (schedule.isEmpty()) {
      return;
    }
    List<PowerCapSchedule.Step> steps = schedule.get().steps();
    for (int k = 0; k < steps.size(); k++) {
      Duration at = steps.get(k).at();
      if (at.compareTo(horizon) >= 0) {
        problems.add(
            new SpecProblem(
                path + "[" + k + "].at",
                "a step at "
                    + text(at)
                    + " would never apply: it is not before the horizon ("
                    + text(horizon)
                    + ")"));
      }
    }
  }

  /** {@code 2 d}, {@code 90 min}, {@code 1.5 s}: the largest unit that divides it exactly. */
  static String text(Duration d) {
    long nanos = d.toNanos();
    long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L};
    String[] units = {"d", "h", "min", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (nanos != 0 && nanos % sizes[i] == 0) {
        return nanos / sizes[i] + " " + units[i];
      }
    }
    return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
  }
}
