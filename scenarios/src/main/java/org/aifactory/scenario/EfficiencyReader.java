package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.power.EfficiencyCurve;

/**
 * Reads a converter's efficiency: one fraction (the same at every load) or a curve written as a map
 * from load fraction to efficiency, {@code { 25 %: 96.4 %, 50 %: 97.3 %, 100 %: 97.3 % }}, which
 * {@link EfficiencyCurve} takes piecewise linear between the points, flat above the last and with
 * the first point's loss in watts below it.
 */
final class EfficiencyReader {
  static final String EXPECTED =
      "an efficiency (a fraction > 0, e.g. 97 %) or a curve of load fraction to efficiency, e.g."
          + " { 25 %: 96.4 %, 50 %: 97.3 %, 100 %: 97.3 % }";

  private static final String POINT_EXPECTED = "a fraction > 0 and at most 1 (e.g. 97 %)";

  private final Diagnostics diagnostics;

  EfficiencyReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** A constant efficiency: a fraction > 0. */
  static double efficiency(String text) throws ValueException {
    double e = Values.fraction(text);
    if (e == 0) {
      throw new ValueException("expected " + POINT_EXPECTED + ", got '" + text.strip() + "'");
    }
    return e;
  }

  /** A fraction, or a curve; empty after errors (reported). */
  Optional<EfficiencyCurve> curve(Field field) {
    YamlNode node = field.node().orElseThrow();
    if (!(node instanceof YamlMap)) {
      return field.value(EXPECTED, EfficiencyReader::efficiency).map(EfficiencyCurve::constant);
    }
    MapReader map = field.map(EXPECTED).orElseThrow();
    if (map.map().entries().isEmpty()) {
      diagnostics.error(map.location(), map.path(), "expected " + EXPECTED + ", got an empty map");
      return Optional.empty();
    }
    record Point(double load, double efficiency, YamlEntry entry) {}
    List<Point> points = new ArrayList<>();
    boolean ok = true;
    for (YamlEntry entry : map.map().entries()) {
      String path = FieldPath.key(map.path(), entry.key());
      Optional<Double> load = Optional.empty();
      try {
        load = Optional.of(efficiency(entry.key()));
      } catch (ValueException e) {
        diagnostics.error(
            entry.keyLocation(),
            path,
            "a load fraction: " + e.getMessage().replace(POINT_EXPECTED, "a load fraction > 0"));
      }
      Optional<Double> efficiency =
          new Field(path, entry.key(), map.location(), entry, diagnostics)
              .value(POINT_EXPECTED, EfficiencyReader::efficiency);
      if (load.isEmpty() || efficiency.isEmpty()) {
        ok = false;
        continue;
      }
      points.add(new Point(load.get(), efficiency.get(), entry));
    }
    if (!ok) {
      return Optional.empty();
    }
    points.sort(Comparator.comparingDouble(Point::load));
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).load() == points.get(i - 1).load()) {
        YamlEntry later = later(points.get(i).entry(), points.get(i - 1).entry());
        diagnostics.error(
            later.keyLocation(),
            FieldPath.key(map.path(), later.key()),
            "the load fraction '" + later.key() + "' is written twice: give each load once");
        return Optional.empty();
      }
    }
    double[] loads = points.stream().mapToDouble(Point::load).toArray();
    double[] efficiencies = points.stream().mapToDouble(Point::efficiency).toArray();
    return diagnostics.construct(
        map.location(), map.path(), () -> EfficiencyCurve.of(loads, efficiencies));
  }

  /** Which of two entries is written later in the file. */
  private static YamlEntry later(YamlEntry a, YamlEntry b) {
    Location la = a.keyLocation();
    Location lb = b.keyLocation();
    boolean aLater = la.line() > lb.line() || (la.line() == lb.line() && la.column() > lb.column());
    return aLater ? a : b;
  }
}
