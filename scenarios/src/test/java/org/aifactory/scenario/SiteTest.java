package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.error;
import static org.aifactory.scenario.Texts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aifactory.model.site.BatterySpec;
import org.aifactory.model.site.GridRule;
import org.aifactory.model.site.SiteSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code site:} section: the grid's rules, a budget, a battery, generation and carbon. */
class SiteTest {
  @TempDir Path tmp;

  /** VALID (21 lines) with {@code site:} at line 22 and {@code body} from line 23. */
  private static String withSite(String body) {
    return VALID + "site:\n" + body;
  }

  private static SiteSpec site(String body, String... sets) throws ScenarioException {
    return load(withSite(body), sets).factory().site().orElseThrow();
  }

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  @Test
  void noSiteSectionMeansNoSite() throws ScenarioException {
    assertThat(load(VALID).factory().site()).isEmpty();
    assertThat(load(VALID + "site:\n").factory().site()).isEmpty();
  }

  @Test
  void everyRuleWithItsWindowAndDefaultName() throws ScenarioException {
    SiteSpec s =
        site(
            """
              interconnect: 120 MW
              minimum_load: 10 MW
              budget: 100 MW
              rules:
                - { ramp: 10 MW/min, window: 1 min }
                - { ramp: 2 MW/s, window: 1 s, name: fast }
                - { dynamic_range: 30 MW, window: 10 min }
                - { oscillation: 1 MW, band: 0.1-1 Hz, window: 60 s, every: 10 min }
            """);
    assertThat(s.rules())
        .containsExactly(
            new GridRule.ImportCapacity(120e6),
            new GridRule.Ramp("ramp_1min", 10e6 / 60, 60_000_000_000L),
            new GridRule.Ramp("fast", 2e6, 1_000_000_000L),
            new GridRule.DynamicRange("range_10min", 30e6, 600_000_000_000L),
            new GridRule.Oscillation(
                "band_0.1-1hz", 0.1, 1, 1e6, 60_000_000_000L, 600_000_000_000L),
            new GridRule.MinimumLoad(10e6));
    assertThat(s.budgetWatts()).contains(100e6);
  }

  @Test
  void batteryWithDefaultsAndOverrides() throws ScenarioException {
    String body =
        """
          battery:
            energy: 40 MWh
            power: 30 MW
            smoothing: { window: 5 min, ramp: 10 MW/min }
        """;
    BatterySpec b = site(body).battery().orElseThrow();
    assertThat(b.energyJoules()).isEqualTo(40 * 3.6e9);
    assertThat(b.powerWatts()).isEqualTo(30e6);
    assertThat(b.roundTripEfficiency()).isEqualTo(BatterySpec.NREL_ROUND_TRIP_EFFICIENCY);
    assertThat(b.socInitial()).isCloseTo(0.5, within(1e-12));
    assertThat(b.policy().windowNanos()).isEqualTo(300_000_000_000L);
    assertThat(b.policy().rampWattsPerSecond()).isCloseTo(10e6 / 60, within(1e-6));
    assertThat(b.policy().restoreWatts()).isCloseTo(3e6, within(1e-6));
    // A variant or --set reaches every key.
    BatterySpec set =
        site(body, "site.battery.energy=80 MWh", "site.battery.round_trip_efficiency=90 %")
            .battery()
            .orElseThrow();
    assertThat(set.energyJoules()).isEqualTo(80 * 3.6e9);
    assertThat(set.roundTripEfficiency()).isCloseTo(0.9, within(1e-15));
  }

  @Test
  void aRampRuleWithoutAWindowIsAnError() {
    assertThat(error(withSite("  rules:\n    - ramp: 10 MW/min\n")))
        .isEqualTo(
            at(
                24,
                7,
                "site.rules[0].ramp",
                "a ramp rule needs its window (window: 1 min): the grid operator's limit holds"
                    + " over an averaging or analysis window, and without one it has no meaning"));
  }

  @Test
  void aRoundTripEfficiencyAboveOneIsAnError() {
    String body =
        """
          battery:
            energy: 40 MWh
            power: 30 MW
            round_trip_efficiency: 1.2
            smoothing: { window: 5 min }
        """;
    assertThat(error(withSite(body)))
        .isEqualTo(
            at(
                26,
                28,
                "site.battery.round_trip_efficiency",
                "a round-trip efficiency is at most 1 (100 %): a battery gives back no more than"
                    + " it took, got '1.2'"));
  }

  @Test
  void reversedStateOfChargeLimitsAreAnError() {
    String body =
        """
          battery:
            energy: 40 MWh
            power: 30 MW
            soc_min: 90 %
            soc_max: 10 %
            smoothing: { window: 5 min }
        """;
    assertThat(error(withSite(body)))
        .isEqualTo(
            at(
                27,
                14,
                "site.battery.soc_max",
                "the state-of-charge limits are reversed: soc_min (0.9) must be below soc_max"
                    + " (0.1)"));
  }

  @Test
  void anHourlyCarbonFileIsReadAndItsGapsAreLocated() throws Exception {
    Path csv = tmp.resolve("grid.csv");
    Files.writeString(csv, "hour,g_per_kwh\n0,300\n1,400\n2,350\n");
    Path yaml = tmp.resolve("s.yaml");
    Files.writeString(
        yaml, VALID + "site:\n  carbon: { grid_csv: grid.csv, clean_supply: 2 MW }\n");
    SiteSpec s =
        new ScenarioLoader().load(yaml.toString(), List.of()).factory().site().orElseThrow();
    assertThat(s.carbon().orElseThrow().gridGramsPerKwh().values()).containsExactly(300, 400, 350);
    assertThat(s.carbon().get().cleanSupplyWatts().orElseThrow().at(5)).isEqualTo(2e6);

    Files.writeString(csv, "hour,g_per_kwh\n0,300\n2,350\n");
    ScenarioException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ScenarioException.class, () -> new ScenarioLoader().load(yaml.toString(), List.of()));
    assertThat(e.errors())
        .containsExactly(
            new ScenarioError(
                csv.toString(),
                3,
                1,
                "site.carbon.grid_csv",
                "hour 1 is missing: one row per hour, from hour 0 without gaps"));
  }
}
