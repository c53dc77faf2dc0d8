package org.aifactory.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter sweep: every point of the Cartesian product of the varied parameters' values ran the
 * same replications with the same random streams (common random numbers), so differences between
 * points are paired by replication and not noise between seeds.
 *
 * @param scenario scenario name
 * @param seed root seed of every point
 * @param replications replications per point
 * @param parameters the varied parameters in the order given; the first is the x axis of charts
 * @param points the points in sweep order: the first parameter's values outermost, the last
 *     parameter's changing fastest (as nested loops written in the parameters' order)
 * @param charted the metric keys drawn and printed, in order (every metric is in the files)
 * @param optimum the best point of one metric and those not distinguishable from it, when asked
 * @param notes what to keep in mind when reading the figures
 */
public record SweepResult(
    String scenario,
    long seed,
    int replications,
    List<Parameter> parameters,
    List<Point> points,
    List<String> charted,
    Optional<Optimum> optimum,
    List<String> notes) {

  public SweepResult {
    parameters = List.copyOf(parameters);
    points = List.copyOf(points);
    charted = List.copyOf(charted);
    notes = List.copyOf(notes);
    for (Point p : points) {
      if (p.values().size() != parameters.size()) {
        throw new IllegalArgumentException("a point needs one value per parameter");
      }
    }
  }

  /**
   * A varied parameter.
   *
   * @param path its field path in the scenario language, e.g. {@code facility.pue}
   * @param values its values as applied ({@code --set path=value} would apply each), in order
   * @param unit the unit of {@code numbers} ({@code %}, {@code min}, {@code MW}; empty for plain
   *     numbers)
   * @param numbers each value as a number in {@code unit}, when every value is a quantity of one
   *     dimension; else empty (the values are names or structures: a chart spaces them evenly)
   */
  public record Parameter(String path, List<String> values, String unit, List<Double> numbers) {
    public Parameter {
      values = List.copyOf(values);
      numbers = List.copyOf(numbers);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a parameter needs values");
      }
      if (!numbers.isEmpty() && numbers.size() != values.size()) {
        throw new IllegalArgumentException("one number per value, or none");
      }
    }

    public boolean numeric() {
      return !numbers.isEmpty();
    }
  }

  /**
   * One point.
   *
   * @param values for each parameter, the index of its value
   * @param metrics every metric of the point over the replications, in the order of its runs'
   *     metrics
   */
  public record Point(List<Integer> values, List<MetricStats> metrics) {
    public Point {
      values = List.copyOf(values);
      metrics = List.copyOf(metrics);
    }

    /** The point's statistics of {@code key}, if its runs report that metric. */
    public Optional<MetricStats> metric(String key) {
      return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }
  }

  /**
   * The best point of one metric.
   *
   * @param metric the metric key
   * @param maximise true when higher is better
   * @param best the index of the point with the best mean (the first in sweep order on a tie)
   * @param gapToBest for each point, how much worse it is than the best, paired by replication:
   *     best − this when maximising, this − best when minimising (0 at the best)
   * @param notDistinguishable for each point, whether the 95 % confidence interval of its gap
   *     contains 0 (true at the best)
   */
  public record Optimum(
      String metric,
      boolean maximise,
      int best,
      List<MetricStats> gapToBest,
      List<Boolean> notDistinguishable) {
    public Optimum {
      gapToBest = List.copyOf(gapToBest);
      notDistinguishable = List.copyOf(notDistinguishable);
    }

    /** {@code best}, {@code not_distinguishable} or empty: what the point is to the optimum. */
    public String mark(int point) {
      if (point == best) {
        return "best";
      }
      return notDistinguishable.get(point) ? "not_distinguishable" : "";
    }

    /** {@code max} or {@code min}, as {@code --best} writes it. */
    public String goal() {
      return maximise ? "max" : "min";
    }
  }

  /** The value of parameter {@code parameter} at point {@code point}, as applied. */
  public String value(int point, int parameter) {
    return parameters.get(parameter).values().get(points.get(point).values().get(parameter));
  }

  /** {@code facility.pue=1.2, failures.scale=2}: the point's values. */
  public String describe(int point) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      parts.add(parameters.get(i).path() + "=" + value(point, i));
    }
    return String.join(", ", parts);
  }

  /** The mark of a point against the optimum (empty without one). */
  public String mark(int point) {
    return optimum.map(o -> o.mark(point)).orElse("");
  }

  /**
   * Every metric key of the points with its unit, in the order first met (a point's metrics can
   * differ from another's when the sweep changes the jobs, causes or chain).
   */
  public Map<String, String> units() {
    Map<String, String> units = new LinkedHashMap<>();
    for (Point p : points) {
      for (MetricStats m : p.metrics()) {
        units.putIfAbsent(m.key(), m.unit());
      }
    }
    return units;
  }
}
