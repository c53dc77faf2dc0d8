package org.aifactory.scenario;

import static org.aifactory.scenario.Texts.FILE;
import static org.aifactory.scenario.Texts.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.aifactory.metrics.SweepResult;
import org.junit.jupiter.api.Test;

/** {@code --vary}: the points, their order, ranges, value lists and located errors. */
class ScenarioSweepTest {

  private static ScenarioSweep sweep(String... varies) throws ScenarioException {
    return new ScenarioLoader().parseSweep(FILE, VALID, List.of(), List.of(varies));
  }

  private static List<ScenarioError> errors(String... varies) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> sweep(varies));
    assertThat(e).as("expected a ScenarioException").isNotNull();
    return e.errors();
  }

  private static ScenarioError vary(int which, int column, String path, String message) {
    return new ScenarioError("--vary", which, column, path, message);
  }

  private static List<String> values(String vary) throws ScenarioException {
    return sweep(vary).parameters().get(0).values();
  }

  private static double pue(ScenarioSweep.Point p) {
    return p.scenario().factory().facility().pue();
  }

  private static Duration interval(ScenarioSweep.Point p) {
    return p.scenario().factory().trainingJobs().get(0).checkpoint().orElseThrow().interval();
  }

  @Test
  void pointsAreTheCartesianProductWithTheFirstParameterOutermost() throws ScenarioException {
    ScenarioSweep s =
        sweep("facility.pue=1.1,1.3", "workloads[0].checkpoint.interval=10 min,20 min,30 min");
    assertThat(s.points()).hasSize(6);
    assertThat(s.points().stream().map(ScenarioSweep.Point::values))
        .containsExactly(
            List.of(0, 0),
            List.of(0, 1),
            List.of(0, 2),
            List.of(1, 0),
            List.of(1, 1),
            List.of(1, 2));
    assertThat(s.points().stream().map(ScenarioSweepTest::pue))
        .containsExactly(1.1, 1.1, 1.1, 1.3, 1.3, 1.3);
    assertThat(s.points().stream().map(p -> interval(p).toMinutes()))
        .containsExactly(10L, 20L, 30L, 10L, 20L, 30L);
    // Everything else is the scenario's, with its seed.
    assertThat(s.points())
        .allSatisfy(p -> assertThat(p.scenario().run()).isEqualTo(s.base().run()));
  }

  @Test
  void threeParametersNestInTheOrderGiven() {
    assertThat(ScenarioSweep.product(List.of(2, 1, 3)))
        .containsExactly(
            List.of(0, 0, 0),
            List.of(0, 0, 1),
            List.of(0, 0, 2),
            List.of(1, 0, 0),
            List.of(1, 0, 1),
            List.of(1, 0, 2));
  }

  @Test
  void rangesAreExactAndIncludeTheirEndOnTheGrid() throws ScenarioException {
    assertThat(values("facility.pue=1.1..1.5/0.1"))
        .containsExactly("1.1", "1.2", "1.3", "1.4", "1.5");
    assertThat(values("failures.scale=0.1..0.3/0.1")).containsExactly("0.1", "0.2", "0.3");
    assertThat(values("workloads[0].checkpoint.power=50%..100%/10%"))
        .containsExactly("50%", "60%", "70%", "80%", "90%", "100%");
    assertThat(values("workloads[0].checkpoint.interval=10 min..30min/10 min"))
        .containsExactly("10 min", "20 min", "30 min");
    assertThat(values("catalog.gpus.H100-SXM.tdp=400 W..1000 W/300 W"))
        .containsExactly("400 W", "700 W", "1000 W");
    // Off the grid: the last value before the end.
    assertThat(values("facility.pue=1..2/0.3")).containsExactly("1", "1.3", "1.6", "1.9");
    // Decreasing, and a single value.
    assertThat(values("facility.pue=2..1/-0.5")).containsExactly("2", "1.5", "1");
    assertThat(values("facility.pue=1.2..1.2/0.1")).containsExactly("1.2");
    // Ranges and single values mix in one list.
    assertThat(values("facility.pue=1.05, 1.1..1.3/0.1 ,1.5"))
        .containsExactly("1.05", "1.1", "1.2", "1.3", "1.5");
  }

  @Test
  void rangeValuesAreAppliedAsSet() throws ScenarioException {
    ScenarioSweep s = sweep("workloads[0].checkpoint.power=0%..20%/10%");
    assertThat(
            s.points().stream()
                .map(p -> p.scenario().factory().trainingJobs().get(0).checkpoint().get()))
        .extracting(c -> c.powerFraction())
        .containsExactly(0.0, 0.1, 0.2);
  }

  @Test
  void onlyTopLevelCommasSeparateValues() throws ScenarioException {
    ScenarioSweep s =
        sweep(
            "workloads[0].checkpoint={interval: 1 h, duration: 1 min, power: 0.2},"
                + " {interval: 2 h, duration: 1 min, power: 0.2}");
    assertThat(s.points()).hasSize(2);
    assertThat(s.points().stream().map(p -> interval(p).toHours())).containsExactly(1L, 2L);
    assertThat(SweepReader.split("x='a,b', \"c,\\\"d\", [1, 2],it's", 2))
        .extracting(SweepReader.Item::text)
        .containsExactly("'a,b'", "\"c,\\\"d\"", "[1, 2]", "it's");
    assertThat(SweepReader.split("x= 1 ,  2", 2))
        .containsExactly(new SweepReader.Item("1", 4), new SweepReader.Item("2", 9));
  }

  @Test
  void numericParametersAreNumbersInTheUnitOfTheFirstValue() throws ScenarioException {
    SweepResult.Parameter interval =
        sweep("workloads[0].checkpoint.interval=30 min,1 h,5400 s").parameters().get(0);
    assertThat(interval.unit()).isEqualTo("min");
    assertThat(interval.numbers()).containsExactly(30.0, 60.0, 90.0);
    SweepResult.Parameter power =
        sweep("workloads[0].checkpoint.power=10%,0.5").parameters().get(0);
    assertThat(power.unit()).isEqualTo("%");
    assertThat(power.numbers()).containsExactly(10.0, 50.0);
    SweepResult.Parameter pue = sweep("facility.pue=1.1,1.25").parameters().get(0);
    assertThat(pue.unit()).isEmpty();
    assertThat(pue.numbers()).containsExactly(1.1, 1.25);
    SweepResult.Parameter policy =
        sweep("workloads[0].checkpoint.policy=fixed,young").parameters().get(0);
    assertThat(policy.numeric()).isFalse();
    assertThat(policy.values()).containsExactly("fixed", "young");
  }

  @Test
  void valuesThatFailValidationAreLocatedInTheirVary() {
    assertThat(errors("facility.pue=1.1,0.5"))
        .containsExactly(
            vary(
                1,
                18,
                "facility.pue",
                "expected a number >= 1 (power usage effectiveness, e.g. 1.2), got '0.5'"));
    // A value a range makes is located at the range.
    assertThat(errors("workloads[0].gpus=8,16", "facility.pue=0.5..1.5/0.5"))
        .containsExactly(
            vary(
                2,
                14,
                "facility.pue",
                "expected a number >= 1 (power usage effectiveness, e.g. 1.2), got '0.5'"));
  }

  @Test
  void pathsThatDoNotExistAreLocated() {
    assertThat(errors("facility.puee=1.1,1.2"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.toString()).startsWith("--vary:1:10: facility.puee: unknown key 'puee'");
            });
    assertThat(errors("facility.pue=1.2", "workloads[3].gpus=8,16"))
        .containsExactly(vary(2, 10, "workloads[3]", "no such element (1 workload)"));
  }

  @Test
  void anErrorTheValuesCauseElsewhereNamesThePoint() {
    // One DGX-H100 has 8 GPUs: a 16-GPU job does not fit.
    List<ScenarioError> errors = errors("clusters[0].count=1,4");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).file()).isEqualTo(FILE);
    assertThat(errors.get(0).message()).startsWith("at the point clusters[0].count=1: ");
  }

  @Test
  void duplicatePointsAreRefused() {
    assertThat(errors("facility.pue=1.2,1.20"))
        .containsExactly(
            vary(
                1,
                18,
                "facility.pue",
                "duplicate point: the value '1.20' is the same as '1.2' (column 14); every value"
                    + " of a --vary must be different"));
    assertThat(errors("workloads[0].checkpoint.interval=30 min,0.5 h").get(0).message())
        .contains("'0.5 h' is the same as '30 min'");
    assertThat(errors("facility.pue=1.1..1.3/0.1,1.2").get(0).toString())
        .startsWith("--vary:1:27: facility.pue: duplicate point: the value '1.2'");
    assertThat(errors("workloads[0].checkpoint.power=50%,0.5").get(0).message())
        .contains("duplicate point");
  }

  @Test
  void badRangesAreLocatedAndSayWhy() {
    assertThat(errors("facility.pue=1..2/0").get(0))
        .isEqualTo(
            vary(
                1,
                14,
                "facility.pue",
                "the step of the range '1..2/0' is 0: START..END/STEP, e.g. 1.1..1.5/0.1 or"
                    + " 50%..100%/10%"));
    assertThat(errors("facility.pue=2..1/0.5").get(0).message())
        .contains("goes away from its end: a decreasing range needs a negative step");
    assertThat(errors("facility.pue=1..2/-0.5").get(0).message())
        .contains("an increasing range needs a positive step");
    assertThat(errors("workloads[0].checkpoint.interval=10 min..2 h/10 min").get(0).message())
        .contains("mixes units (min, h)");
    assertThat(errors("workloads[0].checkpoint.power=50%..1/10%").get(0).message())
        .contains("mixes units (%, none)");
    assertThat(errors("facility.pue=1..2").get(0).message()).startsWith("a range needs a step");
    assertThat(errors("facility.pue=1..x/1").get(0).message())
        .isEqualTo("the end of the range '1..x/1' is not a number: 'x'");
    assertThat(errors("facility.pue=1 parsec..2 parsec/1 parsec").get(0).message())
        .contains("unknown unit 'parsec'");
  }

  @Test
  void hugeRangesAndProductsAreRefusedNamingThem() {
    assertThat(errors("facility.pue=1..2/1e-9"))
        .containsExactly(
            vary(
                1,
                14,
                "facility.pue",
                "the range '1..2/1e-9' has 1,000,000,001 values; a sweep runs at most 10,000"
                    + " points (take a larger step)"));
    assertThat(errors("facility.pue=1..2/0.01", "failures.scale=1..100/1", "seed=1").get(1))
        .isEqualTo(
            vary(
                3,
                1,
                "seed",
                "cannot be varied: every point runs with the same seed, so that the differences"
                    + " between points are not noise between seeds (common random numbers); give"
                    + " the seed with --seed"));
    assertThat(errors("facility.pue=1..2/0.01", "failures.scale=1..100/1").get(0).message())
        .isEqualTo(
            "the --vary options make 101 x 100 = 10,100 points; a sweep runs at most 10,000"
                + " (fewer values, or several sweeps)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(errors("facility.pue=1.2,0.5", "failures.scale=1..2/0"))
        .extracting(ScenarioError::toString)
        .containsExactly(
            "--vary:1:18: facility.pue: expected a number >= 1 (power usage effectiveness, e.g."
                + " 1.2), got '0.5'",
            "--vary:2:16: failures.scale: the step of the range '1..2/0' is 0: START..END/STEP,"
                + " e.g. 1.1..1.5/0.1 or 50%..100%/10%");
  }

  @Test
  void malformedArgumentsAreLocated() {
    assertThat(errors("facility.pue"))
        .containsExactly(
            vary(
                1,
                1,
                "",
                "expected PATH=V1,V2,..., e.g. --vary facility.pue=1.1,1.2,1.3, got"
                    + " 'facility.pue'"));
    assertThat(errors("facility.pue=1.1,,1.2"))
        .containsExactly(
            vary(
                1,
                18,
                "facility.pue",
                "an empty value between commas; write null for an empty value"));
    assertThat(errors("facility.pue= ").get(0).message()).startsWith("no values after '='");
    assertThat(errors("facility.pue=1.1", " facility.pue =1.2"))
        .containsExactly(
            vary(
                2,
                2,
                "facility.pue",
                "varied twice (also by --vary number 1); give all its values in one --vary"));
    assertThat(errors("facility..pue=1").get(0).toString()).startsWith("--vary:1:10: ");
  }
}
