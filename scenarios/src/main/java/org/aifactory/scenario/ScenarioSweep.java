package org.aifactory.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.aifactory.metrics.SweepResult;

/**
 * A scenario swept over the Cartesian product of parameters' values: every point is the scenario
 * with one value of each parameter applied exactly as {@code --set PATH=VALUE} would apply it.
 *
 * <p>Points are in the order of nested loops written in the parameters' order: the first
 * parameter's values outermost, the last parameter's changing fastest. For {@code --vary a=1,2
 * --vary b=x,y} that is (1, x), (1, y), (2, x), (2, y).
 *
 * @param base the scenario with its {@code --set} overrides, without the sweep
 * @param parameters the varied parameters, in the order given
 * @param points every point, in sweep order
 */
public record ScenarioSweep(
    Scenario base, List<SweepResult.Parameter> parameters, List<Point> points) {

  /**
   * Points a sweep may have at most: far more than a chart or a table can show (a 3-parameter sweep
   * of 20 values each is 8,000), and few enough that every point is checked before the first run
   * starts.
   */
  public static final int MAX_POINTS = 10_000;

  /**
   * One point.
   *
   * @param values for each parameter, the index of its value
   * @param scenario the scenario with those values applied (no variants; the base's seed)
   */
  public record Point(List<Integer> values, Scenario scenario) {
    public Point {
      values = List.copyOf(values);
      Objects.requireNonNull(scenario, "scenario");
    }
  }

  public ScenarioSweep {
    Objects.requireNonNull(base, "base");
    parameters = List.copyOf(parameters);
    points = List.copyOf(points);
    if (parameters.isEmpty() || points.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one parameter and one point");
    }
  }

  /** The same sweep with every point (and the base) run with {@code seed}. */
  public ScenarioSweep withSeed(long seed) {
    List<Point> seeded = new ArrayList<>();
    for (Point p : points) {
      seeded.add(new Point(p.values(), p.scenario().withRun(p.scenario().run().withSeed(seed))));
    }
    return new ScenarioSweep(base.withRun(base.run().withSeed(seed)), parameters, seeded);
  }

  /**
   * The index tuples of the Cartesian product of {@code sizes} in sweep order (the last index
   * changing fastest).
   */
  static List<List<Integer>> product(List<Integer> sizes) {
    List<List<Integer>> out = new ArrayList<>();
    int[] index = new int[sizes.size()];
    while (true) {
      List<Integer> tuple = new ArrayList<>();
      for (int i : index) {
        tuple.add(i);
      }
      out.add(List.copyOf(tuple));
      int k = sizes.size() - 1;
      while (k >= 0 && ++index[k] == sizes.get(k)) {
        index[k] = 0;
        k--;
      }
      if (k < 0) {
        return out;
      }
    }
  }

  /** Every point applied to {@code tree} and bound; errors of the points go to {@code into}. */
  static List<Point> bind(
      YamlMap tree, String source, List<SweepReader.Axis> axes, Path folder, Diagnostics into) {
    YamlMap base = tree.copy();
    base.remove("variants");
    List<Point> points = new ArrayList<>();
    Set<List<Object>> reported = new HashSet<>();
    List<Integer> sizes = axes.stream().map(a -> a.values().size()).toList();
    for (List<Integer> tuple : product(sizes)) {
      YamlMap point = base.copy();
      Diagnostics own = new Diagnostics();
      Overrides overrides = new Overrides(own);
      List<String> described = new ArrayList<>();
      for (int i = 0; i < axes.size(); i++) {
        SweepReader.Axis axis = axes.get(i);
        SweepReader.Value value = axis.values().get(tuple.get(i));
        described.add(axis.path() + "=" + value.text());
        overrides.set(point, axis.path(), axis.pathAt(), value.node().copy(), "");
      }
      var scenario =
          own.hasErrors()
              ? java.util.Optional.<Scenario>empty()
              : new ScenarioBinder(own, folder).bind(point, source);
      for (ScenarioError e : own.errors()) {
        // One point's error stands for the same error at every point: reported once.
        if (reported.add(List.of(e.file(), e.line(), e.column(), e.path(), e.message()))) {
          into.add(relocated(e, String.join(", ", described)));
        }
      }
      scenario.ifPresent(s -> points.add(new Point(tuple, s)));
    }
    return points;
  }

  /**
   * An error at a point: as it is when it is located in a {@code --vary} (a path or value written
   * there); else (a value of the scenario that the point's values made wrong) with the point named.
   */
  private static ScenarioError relocated(ScenarioError e, String point) {
    if (e.file().equals(Location.VARY_FILE)) {
      return e;
    }
    return new ScenarioError(
        e.file(), e.line(), e.column(), e.path(), "at the point " + point + ": " + e.message());
  }
}
