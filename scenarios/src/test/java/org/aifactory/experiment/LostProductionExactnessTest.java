package org.aifactory.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.aifactory.metrics.JobResult;
import org.aifactory.metrics.LostProduction;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.PulseResolution;
import org.aifactory.scenario.Scenario;
import org.aifactory.scenario.ScenarioException;
import org.aifactory.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 7 §3: {@code lost_production.incomplete_iteration} went negative (−15,252,015 tokens in
 * llama3-405b-54d) because the ideal was counted in whole iterations and the parts in time. The
 * job's time splits exactly now: the remainder is the unfinished last iteration, at least 0 and
 * less than one iteration's tokens, and the parts add up to the total.
 */
class LostProductionExactnessTest {

  @ParameterizedTest
  @EnumSource(PulseResolution.class)
  void incompleteIterationIsLessThanOneIterationAndNeverNegative(PulseResolution resolution)
      throws ScenarioException {
    for (String name : List.of("llama3-405b-54d", "checkpoint-demo", "default")) {
      Scenario s = new ScenarioLoader().load(name);
      for (int rep = 0; rep < 3; rep++) {
        RunResult r =
            new FactoryRun(name, s.factory(), s.run().withPulseResolution(resolution), rep, false)
                .complete();
        for (JobResult job : r.jobs()) {
          LostProduction p = job.lostProduction();
          long perIteration = job.iterations() > 0 ? job.tokens() / job.iterations() : 0;
          String what = name + " rep " + rep + " " + job.name();
          assertThat(p.incompleteIteration()).as(what).isBetween(0.0, (double) perIteration);
          double parts =
              p.checkpoint() + p.lostWork() + p.restart() + p.waiting() + p.incompleteIteration();
          assertThat(p.total()).as(what).isCloseTo(parts, within(1e-9 * p.idealTokens()));
          assertThat(p.producedTokens()).isEqualTo((double) job.tokens());
        }
      }
    }
  }
}
