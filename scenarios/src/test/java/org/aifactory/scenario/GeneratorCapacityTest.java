package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.aifactory.metrics.Metric;
import org.aifactory.metrics.RunResult;
import org.aifactory.model.FactoryRun;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RackGroups;
import org.aifactory.model.power.ConversionLosses;
import org.aifactory.model.power.PowerChainSpec;
import org.junit.jupiter.api.Test;

/**
 * Generator plants against the load they must carry (issue 9 §3): the chain's input (IT and the
 * chain's losses) and, with a cooling plant, its power. A plant sized by a design counts the
 * cooling plant's peak; a plant written out too small for the two shows as lost load, and the same
 * plant carries the factory whose cooling is a fixed PUE (its units then net of the cooling).
 */
class GeneratorCapacityTest {
  private static final String COOLING =
      """
      facility:
        cooling:
          weather: { dry_bulb: 35 °C }
          air: { chillers: {} }
      """;

  /** VALID for 30 days with frequent outages, generators as written, everything else reliable. */
  private static String scenario(String facility, String generators) {
    return Texts.valid("horizon: 1 h", "horizon: 30 d")
        + facility
        + """
        power:
          rack_groups: 1
          ups: { module: 50 kW, module_mtbf: 100000 y }
          pdus: { mtbf: 100000 y }
          utility: { outages_per_year: 200, mean_outage: 1 h, momentary_per_year: 0 }
          generators: %s
        """
            .formatted(generators);
  }

  private static final String RELIABLE = "fail_to_start: 0, availability: 1, mtbf: 100000 y";

  private static double metric(RunResult r, String key) {
    return r.metrics().stream()
        .filter(m -> m.key().equals(key))
        .mapToDouble(Metric::value)
        .findFirst()
        .orElseThrow();
  }

  private static RunResult run(String text) throws ScenarioException {
    Scenario s = Texts.load(text);
    return new FactoryRun(s.name(), s.factory(), s.run(), 0, false).complete();
  }

  /** The chain's input at the racks' design IT load. */
  private static double chainInputWatts(FactorySpec f) {
    PowerChainSpec chain = f.chain();
    double[] loads = RackGroups.designItWatts(f, 1);
    return ConversionLosses.of(chain, loads).inputWatts(loads[0]);
  }

  @Test
  void aDesignIsSizedForTheChainAndTheCoolingPlantsPeak() throws ScenarioException {
    String plant = "{ design: N+1, unit: 5 kW, " + RELIABLE + " }";
    FactorySpec cooled = Texts.load(scenario(COOLING, plant)).factory();
    FactorySpec fixedPue = Texts.load(scenario("", plant)).factory();
    double input = chainInputWatts(cooled);
    double peak = cooled.generatorAuxiliaryWatts();
    assertThat(peak).isPositive();
    assertThat(fixedPue.generatorAuxiliaryWatts()).isZero();
    assertThat(cooled.chain().generators().orElseThrow().unitsNeeded())
        .isEqualTo((int) Math.ceil((input + peak) / 5e3));
    assertThat(fixedPue.chain().generators().orElseThrow().unitsNeeded())
        .isEqualTo((int) Math.ceil(input / 5e3));
    RunResult r = run(scenario(COOLING, plant));
    assertThat(metric(r, "power_chain.generator_starts")).isPositive();
    assertThat(metric(r, "power_chain.loss_of_load_hours")).isZero();
  }

  /**
   * One unit just larger than the chain's input: it carries the factory with a fixed PUE, but not
   * the chain and the cooling plant together, which then lose their load whenever an outage
   * outlasts the battery.
   */
  @Test
  void aPlantTooSmallForTheChainAndTheCoolingShowsAsLostLoad() throws ScenarioException {
    double input = chainInputWatts(Texts.load(scenario("", "{}")).factory());
    String plant =
        String.format(
            Locale.ROOT,
            "{ structure: { units: 1, needed: 1 }, unit: %.3f W, %s }",
            input + 1,
            RELIABLE);
    RunResult fixedPue = run(scenario("", plant));
    assertThat(metric(fixedPue, "power_chain.generator_starts")).isPositive();
    assertThat(metric(fixedPue, "power_chain.loss_of_load_hours")).isZero();

    RunResult cooled = run(scenario(COOLING, plant));
    assertThat(metric(cooled, "power_chain.generator_starts")).isPositive();
    assertThat(metric(cooled, "power_chain.loss_of_load_events")).isPositive();
    assertThat(metric(cooled, "power_chain.loss_of_load_hours")).isPositive();
    assertThat(metric(cooled, "lost_gpu_hours_by_cause.power_outage")).isPositive();
  }
}
