package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.aifactory.engine.RandomStreams;
import org.aifactory.engine.Simulation;
import org.aifactory.model.FactorySpec;
import org.aifactory.model.RackGroups;
import org.aifactory.model.power.PowerChain;
import org.aifactory.model.power.PowerChainResult;
import org.aifactory.model.power.PowerChainSpec;
import org.junit.jupiter.api.Test;

/**
 * Planned maintenance against hand computation (issue 9 §2): in an N design, maintaining a UPS
 * module puts the load on static bypass (exposed) or down; in N+1 the redundant module covers; in
 * 2N the other side carries; maintaining a transformer of the only feed puts the load on the
 * generators. Nothing fails (MTBFs of 10⁹ years, a perfect utility or none of its outages), so
 * every figure is exact: the calendar is deterministic.
 *
 * <p>VALID's 4 DGX-H100 on one rack group: 42.5 kW of UPS output, so 15 kW modules give N = 3 and
 * 25 kW modules N = 2. A year of 365 days, maintenance every 30 days: cycles start on days 0, 30,
 * ..., 360, thirteen of them, each inside the year.
 */
class MaintenanceValidationTest {
  private static final long HOUR_NANOS = 3_600_000_000_000L;
  private static final long YEAR_NANOS = 365 * 24 * HOUR_NANOS;
  private static final int CYCLES = 13;
  private static final String NEVER_FAIL =
      """
        pdus: { mtbf: 1000000000 y }
        common_cause: 0
      """;

  private static PowerChainResult year(String power) throws ScenarioException {
    FactorySpec f =
        Texts.load(Texts.VALID + "power:\n  rack_groups: 1\n" + power + NEVER_FAIL).factory();
    PowerChainSpec spec = f.chain();
    Simulation sim = new Simulation();
    double[] loads = RackGroups.designItWatts(f, f.power().orElseThrow().paths());
    PowerChain chain = new PowerChain(spec, loads, sim, new RandomStreams(7, 0));
    chain.start();
    sim.runUntil(YEAR_NANOS);
    return chain.result();
  }

  private static double hours(long nanos) {
    return (double) nanos / HOUR_NANOS;
  }

  /** N = 3 modules on bypass: 3 × 8 h a cycle exposed, the load never lost. */
  @Test
  void anNDesignRunsOnBypassWhileAModuleIsMaintained() throws ScenarioException {
    PowerChainResult r =
        year(
            """
              ups: { design: N, module: 15 kW, module_mtbf: 1000000000 y, static_bypass: true }
              generators: none
              utility: perfect
              maintenance: { ups: { interval: 30 d, duration: 8 h } }
            """);
    PowerChainResult.Maintenance m = r.maintenance().orElseThrow();
    assertThat(hours(m.maintenanceNanos())).isEqualTo(CYCLES * 3 * 8.0);
    assertThat(hours(m.exposedNanos())).isEqualTo(CYCLES * 3 * 8.0);
    assertThat(m.kinds()).containsExactly(new PowerChainResult.MaintainedKind("ups", CYCLES * 3));
    assertThat(r.lossOfLoadNanos()).isZero();
  }

  /** Without a static bypass the same hours are lost load: one event a cycle of 24 h. */
  @Test
  void anNDesignWithoutBypassDropsTheLoad() throws ScenarioException {
    PowerChainResult r =
        year(
            """
              ups: { design: N, module: 15 kW, module_mtbf: 1000000000 y, static_bypass: false }
              generators: none
              utility: perfect
              maintenance: { ups: { interval: 30 d, duration: 8 h } }
            """);
    assertThat(r.lossOfLoadEvents()).isEqualTo(CYCLES);
    assertThat(hours(r.lossOfLoadNanos())).isEqualTo(CYCLES * 24.0);
    assertThat(r.lossOfLoadEventNanos()).allMatch(d -> d == 24 * HOUR_NANOS);
    assertThat(hours(r.maintenance().orElseThrow().exposedNanos())).isEqualTo(CYCLES * 24.0);
  }

  /** N+1 = 4 modules: 32 h a cycle out, never exposed. */
  @Test
  void nPlusOneCoversWithItsRedundantModule() throws ScenarioException {
    PowerChainResult r =
        year(
            """
              ups: { design: N+1, module: 15 kW, module_mtbf: 1000000000 y, static_bypass: true }
              generators: none
              utility: perfect
              maintenance: { ups: { interval: 30 d, duration: 8 h } }
            """);
    PowerChainResult.Maintenance m = r.maintenance().orElseThrow();
    assertThat(hours(m.maintenanceNanos())).isEqualTo(CYCLES * 4 * 8.0);
    assertThat(m.exposedNanos()).isZero();
    assertThat(r.lossOfLoadNanos()).isZero();
  }

  /**
   * 2N of 2 × 2 modules of 25 kW, dual-corded, UPS modules then PDUs maintained: the other side
   * carries. The PDUs' round starts when the modules' ends (4 × 8 h), so a cycle is out 4 × 8 + 2 ×
   * 6 h, never exposed.
   */
  @Test
  void twoNCarriesOnTheOtherSide() throws ScenarioException {
    PowerChainResult r =
        year(
            """
              ups: { design: 2N, module: 25 kW, module_mtbf: 1000000000 y, static_bypass: false }
              generators: none
              utility: perfect
              maintenance:
                ups: { interval: 30 d, duration: 8 h }
                pdus: { interval: 30 d, duration: 6 h }
            """);
    PowerChainResult.Maintenance m = r.maintenance().orElseThrow();
    assertThat(hours(m.maintenanceNanos())).isEqualTo(CYCLES * (4 * 8.0 + 2 * 6.0));
    assertThat(m.exposedNanos()).isZero();
    assertThat(m.kinds())
        .containsExactly(
            new PowerChainResult.MaintainedKind("ups", CYCLES * 4),
            new PowerChainResult.MaintainedKind("pdus", CYCLES * 2));
    assertThat(r.lossOfLoadNanos()).isZero();
  }

  /**
   * 2N of one 45 kW module per system (N = 1), with a static bypass: a module out leaves its system
   * nothing, and the operator hands its load over to the other cords rather than to the bypass.
   * Each cycle 2 × 8 h out, never exposed.
   */
  @Test
  void twoNHandsTheLoadOverRatherThanGoingToBypass() throws ScenarioException {
    PowerChainResult r =
        year(
            """
              ups: { design: 2N, module: 45 kW, module_mtbf: 1000000000 y, static_bypass: true }
              generators: none
              utility: perfect
              maintenance: { ups: { interval: 30 d, duration: 8 h } }
            """);
    PowerChainResult.Maintenance m = r.maintenance().orElseThrow();
    assertThat(hours(m.maintenanceNanos())).isEqualTo(CYCLES * 2 * 8.0);
    assertThat(m.exposedNanos()).isZero();
    assertThat(r.lossOfLoadNanos()).isZero();
  }

  /**
   * One feed whose transformer (ideal, never failing, but maintained) is out 12 h a cycle: the
   * generators carry, the load is exposed all that time (on battery for the 10 s start, then on the
   * generators) and never lost. The generators are then maintained too, on days the utility is
   * there: out, not exposed.
   */
  @Test
  void aTransformerOfTheOnlyFeedPutsTheLoadOnTheGenerators() throws ScenarioException {
    PowerChainResult r =
        year(
            """
              ups: { design: N+1, module: 15 kW, module_mtbf: 1000000000 y }
              generators:
                design: N+1
                unit: 50 kW
                fail_to_start: 0
                availability: 1
                mtbf: 1000000000 y
                start_delay: 10 s
              utility: perfect
              maintenance:
                transformers: { interval: 30 d, duration: 12 h }
                generators: { interval: 30 d, duration: 4 h }
            """);
    PowerChainResult.Maintenance m = r.maintenance().orElseThrow();
    assertThat(hours(m.maintenanceNanos())).isEqualTo(CYCLES * (12.0 + 2 * 4.0));
    assertThat(hours(m.exposedNanos())).isEqualTo(CYCLES * 12.0);
    assertThat(r.generatorStarts()).isEqualTo(CYCLES);
    assertThat(r.lossOfLoadNanos()).isZero();
  }

  /**
   * The exposure is what the load risks: an N design on static bypass while a module is maintained,
   * 10 min of battery otherwise, and only 5 s utility interruptions at 876 a year (0.1 an hour), no
   * generators. Outside maintenance the battery rides every interruption through; on bypass each
   * one drops the load. Over 20 years (244 cycles of 3 × 8 h on bypass, 5,856 h), the loss-of-load
   * events are Poisson with mean 0.1 × (5,856 h + 244 × 5 s) (an interruption under way when a
   * round starts counts too): within 4 standard deviations.
   */
  @Test
  void onBypassEveryInterruptionReachesTheLoad() throws ScenarioException {
    FactorySpec f =
        Texts.load(
                Texts.VALID
                    + "power:\n  rack_groups: 1\n"
                    + """
                      ups: { design: N, module: 15 kW, module_mtbf: 1000000000 y, battery: 10 min }
                      generators: none
                      utility:
                        outages_per_year: 0
                        momentary_per_year: 876
                        momentary_duration: 5 s
                      maintenance: { ups: { interval: 30 d, duration: 8 h } }
                    """
                    + NEVER_FAIL)
            .factory();
    Simulation sim = new Simulation();
    double[] loads = RackGroups.designItWatts(f, f.power().orElseThrow().paths());
    PowerChain chain = new PowerChain(f.chain(), loads, sim, new RandomStreams(11, 0));
    chain.start();
    sim.runUntil(20 * YEAR_NANOS);
    PowerChainResult r = chain.result();
    int cycles = 244;
    assertThat(hours(r.maintenance().orElseThrow().maintenanceNanos())).isEqualTo(cycles * 24.0);
    double mean = 0.1 * (cycles * 24.0 + cycles * 5 / 3600.0);
    if (System.getProperty("power.report") != null) {
      System.out.printf(
          java.util.Locale.ROOT,
          "[maintenance validation] events on bypass %d vs Poisson mean %.1f +- %.1f (4 SD)%n",
          r.lossOfLoadEvents(),
          mean,
          4 * Math.sqrt(mean));
    }
    assertThat((double) r.lossOfLoadEvents()).isCloseTo(mean, within(4 * Math.sqrt(mean)));
    assertThat(r.lossOfLoadEventNanos()).allMatch(d -> d <= 5_000_000_000L);
  }
}
