package org.aifactory.experiment;

import java.util.List;
import java.util.function.Function;
import org.aifactory.scenario.ScenarioSweep;

/**
 * Where an experiment's runs are done: this machine's threads ({@link #LOCAL}), or elsewhere (a
 * Spark cluster). Whatever the backend, a run's figures depend only on the scenario, the seed and
 * the replication, and the outcomes come back in sweep order, so the reports are the same bytes.
 */
public interface RunBackend {
  /** This machine: each point's replications on the command's threads. */
  RunBackend LOCAL =
      new RunBackend() {
        @Override
        public List<PointOutcome> sweep(
            SweepSpec spec,
            ScenarioSweep sweep,
            SweepPlan plan,
            int threads,
            ProgressListener progress) {
          return Sweep.runPoints(sweep, plan, threads, progress);
        }

        @Override
        public Replications.Result replicate(
            ScenarioRecipe recipe,
            Configuration configuration,
            int replications,
            int threads,
            ProgressListener progress) {
          return Replications.run(
              configuration.runName(),
              configuration.factory(),
              configuration.run(),
              replications,
              threads,
              progress,
              configuration.metricsOf());
        }

        @Override
        public <T> T compare(
            ComparisonRecipe recipe,
            String scenario,
            List<Comparison.Input> inputs,
            int threads,
            Function<VariantRunner, T> comparison) {
          return comparison.apply(VariantRunner.local(scenario, inputs, threads));
        }

        @Override
        public boolean local() {
          return true;
        }
      };

  /**
   * Runs every task of {@code plan}.
   *
   * @param spec the sweep as given, for a backend that parses it again elsewhere
   * @param sweep the same sweep, parsed
   * @param threads the threads the command was given (a local backend's)
   * @return each point's outcome, in sweep order
   */
  List<PointOutcome> sweep(
      SweepSpec spec, ScenarioSweep sweep, SweepPlan plan, int threads, ProgressListener progress);

  /**
   * Runs {@code replications} replications of a scenario, as {@link Replications#run} does: the
   * same set, replication 0 whole.
   *
   * @param recipe the scenario as given, for a backend that loads it again elsewhere
   * @param configuration the same scenario, loaded
   * @param threads the threads the command was given (a local backend's)
   */
  Replications.Result replicate(
      ScenarioRecipe recipe,
      Configuration configuration,
      int replications,
      int threads,
      ProgressListener progress);

  /**
   * Runs a comparison, {@code comparison}, whose variants' replications this backend runs with the
   * runner it gives it (a remote backend is ready for the whole comparison, every batch).
   *
   * @param recipe the comparison as given, for a backend that loads it again elsewhere
   * @param scenario the comparison's name, which its runs carry
   * @param inputs the same variants, loaded
   * @param threads the threads the command was given (a local backend's)
   */
  <T> T compare(
      ComparisonRecipe recipe,
      String scenario,
      List<Comparison.Input> inputs,
      int threads,
      Function<VariantRunner, T> comparison);

  /** True when the runs are done by this process's threads. */
  boolean local();

  /**
   * The backend cannot do the runs, through no bug of the program: a cluster that cannot be
   * reached, say. The command line reports the message as a user's error (exit 2, nothing written).
   */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }
}
