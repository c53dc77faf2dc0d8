package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.junit.jupiter.api.Test;

/**
 * A cluster's cooling ({@code clusters[i].cooling}) and what {@code FactorySpec.problems()} checks
 * between the plant and the clusters it cools, each reported where it is written.
 */
class CoolingChecksTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /**
   * VALID with the cluster's {@code cooling} at line 7 (if not null), then {@code facility:} at
   * line 23 (22 without it) and {@code cooling:} under it, followed by {@code plant}.
   */
  private static String scenario(String clusterCooling, String plant) {
    String text =
        clusterCooling == null
            ? VALID
            : valid("    count: 4\n", "    count: 4\n    cooling: " + clusterCooling + "\n");
    return plant == null ? text : text + "facility:\n  cooling:\n" + plant;
  }

  private static final String LIQUID_ONLY =
      """
          weather: { dry_bulb: 15 °C }
          liquid: { dry_coolers: {} }
      """;

  private static final String AIR_ONLY =
      """
          weather: { dry_bulb: 15 °C }
          air: { chillers: {} }
      """;

  private static Optional<ClusterCoolingSpec> cooling(String text) throws ScenarioException {
    return Texts.load(text).factory().clusters().get(0).cooling();
  }

  @Test
  void aClusterTakesTheDefaultsOfItsType() throws ScenarioException {
    String both = LIQUID_ONLY + "    air: { chillers: {} }\n";
    assertThat(cooling(scenario("{ type: liquid }", both)))
        .contains(ClusterCoolingSpec.liquid(0.9, 0.036));
    assertThat(cooling(scenario("{ type: air }", both))).contains(ClusterCoolingSpec.air(0.064));
    // Without an air loop a liquid cluster's heat all goes to the liquid loop.
    assertThat(cooling(scenario("{ type: liquid }", LIQUID_ONLY)))
        .contains(ClusterCoolingSpec.liquid(1, 0.036));
    // The type, not written, is the plant's: air when it has only an air loop.
    assertThat(cooling(scenario("{ thermal_resistance: 0.05 K/W }", AIR_ONLY)))
        .contains(ClusterCoolingSpec.air(0.05));
    assertThat(cooling(scenario(null, LIQUID_ONLY))).isEmpty();
  }

  @Test
  void badClusterCooling() {
    assertThat(
            errors(
                scenario(
                    "{ type: water, liquid_fraction: 120 %, thermal_resistance: 2 K/W }",
                    LIQUID_ONLY)))
        .containsExactly(
            at(7, 22, "clusters[0].cooling.type", "unknown value 'water'; allowed: liquid, air"),
            at(
                7,
                46,
                "clusters[0].cooling.liquid_fraction",
                "expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '120 %'"),
            at(
                7,
                73,
                "clusters[0].cooling.thermal_resistance",
                "expected a thermal resistance > 0 and at most 1 K/W, got '2 K/W'"));
    assertThat(errors(scenario("{ type: air, liquid_fraction: 50 % }", AIR_ONLY)))
        .containsExactly(
            at(
                7,
                27,
                "clusters[0].cooling.liquid_fraction",
                "liquid_fraction is for liquid cooling; an air-cooled cluster sends all its heat"
                    + " to the air loop"));
  }

  @Test
  void aLiquidCooledClusterSendsSomeHeatToTheLiquid() {
    assertThat(errors(scenario("{ type: liquid, liquid_fraction: 0 % }", LIQUID_ONLY)))
        .containsExactly(
            at(
                7,
                47,
                "clusters[0].cooling.liquid_fraction",
                "expected a fraction above 0 for liquid cooling (for none, write type: air), got"
                    + " '0 %'"));
  }

  @Test
  void aClusterCoolingNeedsAPlant() {
    assertThat(errors(scenario("{ type: liquid }", null)))
        .containsExactly(
            at(
                7,
                14,
                "clusters[0].cooling",
                "cluster 'hall-a' says how it is cooled, but the facility has no cooling plant"
                    + " (facility.cooling): with a fixed pue there are no loops to cool it"));
  }

  @Test
  void aClustersHeatMustGoToLoopsThePlantHas() {
    assertThat(errors(scenario("{ type: air }", LIQUID_ONLY)))
        .containsExactly(
            at(
                7,
                14,
                "clusters[0].cooling",
                "cluster 'hall-a' sends 100 % of its heat to the air loop, which the facility"
                    + " does not have (facility.cooling.air)"));
    assertThat(errors(scenario("{ type: liquid, liquid_fraction: 90 % }", LIQUID_ONLY)))
        .containsExactly(
            at(
                7,
                14,
                "clusters[0].cooling",
                "cluster 'hall-a' sends 10 % of its heat to the air loop, which the facility does"
                    + " not have (facility.cooling.air): give liquid_fraction: 100 % or add an air"
                    + " loop"));
    assertThat(errors(scenario("{ type: liquid }", AIR_ONLY)))
        .containsExactly(
            at(
                7,
                14,
                "clusters[0].cooling",
                "cluster 'hall-a' sends 90 % of its heat to the liquid loop, which the facility"
                    + " does not have (facility.cooling.liquid)"));
  }

  @Test
  void aLoopAtOrAboveTheGpusSlowdownTemperature() {
    String plant =
        """
            weather: { dry_bulb: 15 °C }
            liquid: { supply_temperature: 89 °C, chillers: {} }
        """;
    assertThat(errors(scenario(null, plant)))
        .containsExactly(
            at(
                25,
                35,
                "facility.cooling.liquid.supply_temperature",
                "the supply temperature (89 °C) is at or above the slowdown temperature of"
                    + " H100-SXM (89 °C), the GPU of cluster 'hall-a' that this loop cools: its"
                    + " GPUs would throttle at any load"));
  }

  @Test
  void dryCoolersCannotBeSizedAtADesignDryBulbAboveTheSupply() {
    String plant =
        """
            weather: { dry_bulb: 30 °C }
            liquid: { dry_coolers: {}, chillers: {} }
        """;
    assertThat(errors(scenario(null, plant)))
        .containsExactly(
            at(
                25,
                28,
                "facility.cooling.liquid.dry_coolers",
                "dry coolers cannot be sized for the design dry bulb (30 °C): at it they cannot"
                    + " hold the supply temperature (25 °C), since they cool the loop only toward"
                    + " the dry bulb; raise supply_temperature, lower design_dry_bulb (chillers"
                    + " trim the hotter hours), or write the stage out (structure)"));
    // Written out, the stage is not sized: it works whenever the weather allows.
    String written =
        """
            weather: { dry_bulb: 30 °C }
            liquid: { dry_coolers: { structure: { units: 4, needed: 3 } }, chillers: {} }
        """;
    assertThat(Texts.errors(scenario(null, written + "    bad: 1\n")))
        .extracting(ScenarioError::path)
        .containsExactly("facility.cooling.bad");
  }

  @Test
  void towersCannotBeSizedAtADesignWetBulbAboveTheSupply() {
    String plant =
        """
            weather: { dry_bulb: 30 °C, wet_bulb: 24 °C }
            air: { supply_temperature: 22 °C, cooling_towers: {} }
        """;
    assertThat(errors(scenario(null, plant)))
        .containsExactly(
            at(
                25,
                55,
                "facility.cooling.air.cooling_towers",
                "cooling towers cannot be sized for the design wet bulb (24 °C): at it they cannot"
                    + " hold the supply temperature (22 °C), since they cool the loop only toward"
                    + " the wet bulb; raise supply_temperature, lower design_wet_bulb (chillers"
                    + " trim the hotter hours), or write the stage out (structure)"));
  }

  /** 4 DGX H100 of 10.2 kW: 40.8 kW, 36.72 kW of it (90 %) to the liquid loop. */
  @Test
  void aStageThatWouldNeedTooManyUnits() {
    String plant =
        """
            weather: { dry_bulb: 15 °C }
            liquid: { dry_coolers: { unit: 1 W } }
            air: { chillers: {} }
        """;
    assertThat(errors(scenario(null, plant)))
        .containsExactly(
            at(
                25,
                36,
                "facility.cooling.liquid.dry_coolers.unit",
                "dry coolers of 1 W carry 1 W each at the design conditions, so the 36.7 kW they"
                    + " are sized for (100 % of the liquid loop's design heat) would need 36,720"
                    + " of them; at most 10,000 are supported"));
  }

  /** All 40.8 kW to the air loop: N = 12 chillers of 3.5 kW. */
  @Test
  void aDesignThatWouldInstallTooManyUnits() {
    String plant =
        """
            weather: { dry_bulb: 15 °C }
            air: { chillers: { unit: 3.5 kW, design: 1000N } }
        """;
    assertThat(errors(scenario(null, plant)))
        .containsExactly(
            at(
                25,
                46,
                "facility.cooling.air.chillers.design",
                "1000N for N = 12 installs 12,000 chillers; at most 10,000 are supported"));
  }
}
