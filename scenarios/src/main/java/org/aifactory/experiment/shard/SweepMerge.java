package org.aifactory.experiment.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.aifactory.experiment.PointOutcome;
import org.aifactory.experiment.Sweep;
import org.aifactory.experiment.SweepPlan;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.SweepResult;

/**
 * Puts the partial results of a sweep's shards together into the result the unsharded sweep gives:
 * every run's values go back to their (point, replication), and each point's statistics are
 * computed from them exactly as on one machine, so the reports are the same bytes.
 *
 * <p>Refused, saying why: partial results of different sweeps (scenario, its text, seed, options,
 * number of shards), a shard given twice, a shard missing, or a shard without all its runs.
 */
public final class SweepMerge {
  private SweepMerge() {}

  /** The partial results cannot be merged: a user's mistake, with what to do. */
  public static final class MergeException extends Exception {
    private static final long serialVersionUID = 1L;

    MergeException(String message) {
      super(message);
    }
  }

  /** A partial result and where it was read from, for messages. */
  public record Input(String name, PartialSweep partial) {}

  /** The sweep's result from the partial results of all its shards, in any order. */
  public static SweepResult merge(List<Input> inputs) throws MergeException {
    if (inputs.isEmpty()) {
      throw new MergeException("nothing to merge: give the folders of every shard");
    }
    Input first = inputs.get(0);
    SweepPlan plan = first.partial().plan();
    int count = first.partial().shard().count();
    TreeMap<Integer, Input> byIndex = new TreeMap<>();
    for (Input in : inputs) {
      List<String> differences = first.partial().differences(in.partial());
      if (!differences.isEmpty()) {
        throw new MergeException(
            in.name()
                + " is a shard of another sweep than "
                + first.name()
                + ": "
                + String.join("; ", differences));
      }
      Input before = byIndex.putIfAbsent(in.partial().shard().index(), in);
      if (before != null) {
        throw new MergeException(
            "shard "
                + in.partial().shard()
                + " is given twice: "
                + before.name()
                + " and "
                + in.name());
      }
      checkComplete(in, plan);
    }
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      if (!byIndex.containsKey(k)) {
        missing.add(k + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      throw new MergeException(
          (missing.size() == 1 ? "shard " : "shards ")
              + shorten(missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing: a merge needs the partial results of all "
              + count
              + " shards");
    }
    return Sweep.assemble(plan, outcomes(plan, inputs));
  }

  /** A shard must hold exactly its tasks, in order. */
  private static void checkComplete(Input in, SweepPlan plan) throws MergeException {
    Shard shard = in.partial().shard();
    List<PartialSweep.Run> runs = in.partial().runs();
    long expected = shard.size(plan.tasks());
    if (runs.size() != expected) {
      throw new MergeException(
          in.name()
              + ": shard "
              + shard
              + " should hold "
              + expected
              + " runs and holds "
              + runs.size()
              + "; run that shard again");
    }
    for (int i = 0; i < runs.size(); i++) {
      PartialSweep.Run run = runs.get(i);
      if (plan.task(run.point(), run.replication()) != shard.task(i)) {
        throw new MergeException(
            in.name()
                + ": run "
                + (i + 1)
                + " is not task "
                + shard.task(i)
                + " of shard "
                + shard
                + "; run that shard again");
      }
    }
  }

  private static List<PointOutcome> outcomes(SweepPlan plan, List<Input> inputs)
      throws MergeException {
    int points = plan.points().size();
    int replications = plan.replications();
    double[][][] rows = new double[points][replications][];
    List<List<Metric>> layouts = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      layouts.add(null);
    }
    for (Input in : inputs) {
      PartialSweep partial = in.partial();
      for (int p = 0; p < points; p++) {
        int index = partial.pointLayouts().get(p);
        if (index < 0) {
          continue;
        }
        List<Metric> layout = partial.layouts().get(index);
        if (layouts.get(p) == null) {
          layouts.set(p, layout);
        } else if (!layouts.get(p).equals(layout)) {
          throw new MergeException(
              in.name()
                  + ": the runs of point "
                  + p
                  + " report other metrics than in another shard (shards of different"
                  + " versions of aifactory?)");
        }
      }
      for (PartialSweep.Run run : partial.runs()) {
        rows[run.point()][run.replication()] = run.values();
      }
    }
    List<PointOutcome> out = new ArrayList<>(points);
    for (int p = 0; p < points; p++) {
      out.add(PointOutcome.of(layouts.get(p), rows[p], plan.goal()));
    }
    return out;
  }

  private static String shorten(List<String> names) {
    int shown = Math.min(names.size(), 10);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
  }
}
