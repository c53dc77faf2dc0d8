package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.errors;
import static org.aifactory.scenario.Texts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aifactory.model.shaping.FillerSpec;
import org.aifactory.model.shaping.PowerSmoothingSpec;
import org.aifactory.model.shaping.RackStorageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code power_smoothing}, {@code rack_storage} and {@code filler}: values and their errors. */
class LoadShapingLanguageTest {

  private static ScenarioError at(int line, int column, String path, String message) {
    return new ScenarioError(FILE, line, column, path, message);
  }

  /** VALID with the cluster's {@code key: value} at line 7 (the rest one line lower). */
  private static String cluster(String key, String value) {
    return valid("    count: 4\n", "    count: 4\n    " + key + ": " + value + "\n");
  }

  /** VALID with the job's {@code key: value} at line 18 (the checkpoint one line lower). */
  private static String job(String key, String value) {
    return valid(
        "    tokens_per_iteration: 1024\n",
        "    tokens_per_iteration: 1024\n    " + key + ": " + value + "\n");
  }

  @Test
  void nothingIsShapedByDefault() throws ScenarioException {
    var factory = Texts.load(Texts.VALID).factory();
    assertThat(factory.clusters().get(0).powerSmoothing()).isEmpty();
    assertThat(factory.clusters().get(0).rackStorage()).isEmpty();
    assertThat(factory.trainingJobs().get(0).powerSmoothing()).isEmpty();
    assertThat(factory.trainingJobs().get(0).filler()).isEmpty();
  }

  @Test
  void smoothingOnAClusterAndAJob() throws ScenarioException {
    var factory =
        Texts.load(
                cluster(
                    "power_smoothing",
                    "{ floor: 60 %, ramp_up: 1.4 kW/s, ramp_down: 700 W/s, hysteresis: 500 ms }"))
            .factory();
    assertThat(factory.clusters().get(0).powerSmoothing())
        .contains(new PowerSmoothingSpec(0.6, 1_400, 700, Duration.ofMillis(500)));
    var onlyFloor = Texts.load(job("power_smoothing", "{ floor: 0.5 }")).factory();
    assertThat(onlyFloor.trainingJobs().get(0).powerSmoothing())
        .contains(
            new PowerSmoothingSpec(
                0.5, PowerSmoothingSpec.UNLIMITED, PowerSmoothingSpec.UNLIMITED, Duration.ZERO));
  }

  @Test
  void storageAndFiller() throws ScenarioException {
    var factory =
        Texts.load(
                cluster(
                    "rack_storage",
                    "{ energy_per_gpu: 2 kJ, target: 80 %, round_trip_efficiency: 95 % }"))
            .factory();
    assertThat(factory.clusters().get(0).rackStorage())
        .contains(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerGpu(2_000),
                new RackStorageSpec.Target.OfDesignIt(0.8),
                0.95));
    var perRack =
        Texts.load(cluster("rack_storage", "{ energy: 0.05 kWh, target: 9 kW }")).factory();
    assertThat(perRack.clusters().get(0).rackStorage())
        .contains(
            new RackStorageSpec(
                new RackStorageSpec.Energy.PerSystem(180_000),
                new RackStorageSpec.Target.Watts(9_000),
                RackStorageSpec.DEFAULT_ROUND_TRIP_EFFICIENCY));
    var filler = Texts.load(job("filler", "{ level: 45 % }")).factory();
    assertThat(filler.trainingJobs().get(0).filler()).contains(new FillerSpec(0.45));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{ floor: 120 % }          | 31 | power_smoothing.floor"
            + "      | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '120 %'",
        "{ floor: -0.1 }           | 31 | power_smoothing.floor"
            + "      | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '-0.1'",
        "{ floor: 60 }             | 31 | power_smoothing.floor"
            + "      | expected a fraction between 0 and 1 (e.g. 0.7 or 70 %), got '60' (if you"
            + " meant a percentage, write '60 %')",
        "{ ramp_up: 500 }          | 33 | power_smoothing.ramp_up"
            + "    | '500' needs a unit, e.g. '500 W/s'",
        "{ ramp_down: 500 W }      | 35 | power_smoothing.ramp_down"
            + "  | expected a ramp rate (e.g. 500 W/s, 1.4 kW/s), got a power '500 W'",
        "{ ramp_up: 0 W/s }        | 33 | power_smoothing.ramp_up"
            + "    | expected a ramp rate > 0, got '0 W/s'",
        "{ ramp_up: 1e999 W/s }    | 33 | power_smoothing.ramp_up"
            + "    | '1e999 W/s' is out of range for a ramp rate",
        "{ ramp_up: .nan }         | 33 | power_smoothing.ramp_up"
            + "    | expected a ramp rate (e.g. 500 W/s, 1.4 kW/s), got '.nan', which is not a"
            + " finite number",
        "{ ramp_up: 5 w/s }        | 33 | power_smoothing.ramp_up"
            + "    | unknown unit 'w/s' in '5 w/s'; ramp rate units are W/s, kW/s, MW/s (units"
            + " are case-sensitive: did you mean 'W/s'?)",
        "{ hysteresis: -1 s }      | 36 | power_smoothing.hysteresis"
            + " | expected a duration >= 0, got '-1 s'",
        "{ hysteresis: 2 }         | 36 | power_smoothing.hysteresis"
            + " | '2' needs a unit, e.g. '2 s'",
      })
  void badSmoothing(String value, int column, String path, String message) {
    assertThat(errors(cluster("power_smoothing", value)))
        .containsExactly(at(7, column, "clusters[0]." + path.strip(), message.strip()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{ energy: 5, target: 80 % }            | 29 | rack_storage.energy"
            + "                | '5' needs a unit, e.g. '5 J'",
        "{ energy: -5 kJ, target: 80 % }        | 29 | rack_storage.energy"
            + "                | expected an energy >= 0, got '-5 kJ'",
        "{ energy: 5 kW, target: 80 % }         | 29 | rack_storage.energy"
            + "                | expected an energy (e.g. 65 J, 5 kJ, 1.2 MJ, 0.5 kWh), got a"
            + " power '5 kW'",
        "{ energy: 1e400 J, target: 80 % }      | 29 | rack_storage.energy"
            + "                | '1e400 J' is out of range for an energy",
        "{ energy: 5 kJ, target: 0 % }          | 43 | rack_storage.target"
            + "                | a target draw must be above 0 (the store would serve the whole"
            + " load), got '0 %'",
        "{ energy: 5 kJ, target: 80 }           | 43 | rack_storage.target"
            + "                | expected a target draw: a fraction of the rack's design IT power"
            + " (e.g. 80 %) or a power per rack (e.g. 110 kW), got '80' (write '80 %' for a"
            + " percentage, or '80 kW' for a power)",
        "{ energy: 5 kJ, target: 80 %, round_trip_efficiency: 0 } | 72 |"
            + " rack_storage.round_trip_efficiency | expected a fraction above 0 (a store that"
            + " returns nothing is no store), got '0'",
      })
  void badStorage(String value, int column, String path, String message) {
    assertThat(errors(cluster("rack_storage", value)))
        .containsExactly(at(7, column, "clusters[0]." + path.strip(), message.strip()));
  }

  @Test
  void storageNeedsOneEnergyAndATarget() {
    assertThat(errors(cluster("rack_storage", "{ target: 80 % }")))
        .containsExactly(
            at(
                7,
                19,
                "clusters[0].rack_storage.energy",
                "missing the stored energy: give energy (per rack, e.g. 150 kJ) or energy_per_gpu"
                    + " (e.g. 2 kJ)"));
    assertThat(
            errors(cluster("rack_storage", "{ energy: 1 kJ, energy_per_gpu: 1 kJ, target: 80 % }")))
        .containsExactly(
            at(
                7,
                35,
                "clusters[0].rack_storage.energy_per_gpu",
                "give either energy or energy_per_gpu, not both"));
    assertThat(errors(cluster("rack_storage", "{ energy: 1 kJ }")))
        .extracting(ScenarioError::message)
        .containsExactly(
            "missing required key 'target' (" + LoadShapingReader.TARGET_EXPECTED + ")");
  }

  @Test
  void fillerNeedsALevelAboveZero() {
    assertThat(errors(job("filler", "{ level: 0 }")))
        .containsExactly(
            at(
                18,
                22,
                "workloads[0].filler.level",
                "expected a fraction above 0 (for no filler work, leave filler out), got '0'"));
    assertThat(errors(job("filler", "50 %")))
        .extracting(ScenarioError::message)
        .containsExactly("expected a map with keys level, e.g. { level: 50 % }, got '50 %'");
    assertThat(errors(job("filler", "{ levl: 50 % }")))
        .extracting(ScenarioError::path)
        .contains("workloads[0].filler.levl");
  }
}
