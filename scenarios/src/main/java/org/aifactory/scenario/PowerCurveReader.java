package org.aifactory.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.hardware.PowerCurve;

/**
 * Reads a GPU's {@code power_curve: { limits: [40 %, ..., 100 %], throughput: [0.73, ..., 1] }}:
 * relative throughput at each power limit, as {@link PowerCurve} defines it. Every rule the curve
 * must follow is reported at the element that breaks it.
 */
final class PowerCurveReader {
  static final List<String> KEYS = Language.POWER_CURVE.keys();

  static final String EXPECTED =
      "a map with keys limits and throughput, e.g. { limits: [40 %, 70 %, 100 %], throughput:"
          + " [0.73, 0.946, 1.0] }";

  private final Diagnostics diagnostics;

  PowerCurveReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** One point's value as written, where, and its index in its list. */
  private record Point(double value, Field field, int index) {}

  /**
   * A list's points that read as values; {@code size} counts them all, and {@code complete} says
   * whether every one did (the others are reported).
   */
  private record Points(List<Point> valid, int size, boolean complete) {
    Optional<Point> last() {
      Point point = valid.isEmpty() ? null : valid.get(valid.size() - 1);
      return point != null && point.index() == size - 1 ? Optional.of(point) : Optional.empty();
    }

    /** The valid points that follow a valid point, with it: {previous, point}. */
    List<Point[]> adjacentPairs() {
      List<Point[]> pairs = new ArrayList<>();
      for (int i = 1; i < valid.size(); i++) {
        if (valid.get(i).index() == valid.get(i - 1).index() + 1) {
          pairs.add(new Point[] {valid.get(i - 1), valid.get(i)});
        }
      }
      return pairs;
    }

    Point at(int index) {
      return valid.stream().filter(p -> p.index() == index).findFirst().orElse(null);
    }
  }

  Optional<PowerCurve> read(Field field) {
    Optional<MapReader> reader = field.map(EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader curve = reader.get().allowOnly(Language.POWER_CURVE);
    Field limitsField =
        curve
            .field("limits")
            .required(
                "the power limits, fractions of TDP in increasing order ending at 100 %, e.g."
                    + " [40 %, 70 %, 100 %]");
    Field throughputField =
        curve
            .field("throughput")
            .required(
                "the relative throughput at each limit, ending at 1.0 at 100 %, e.g. [0.73,"
                    + " 0.946, 1.0]");
    Optional<Points> limits = points(limitsField, "power limit");
    Optional<Points> throughputs = points(throughputField, "throughput");
    boolean ok = limits.isPresent() && throughputs.isPresent();
    if (limits.isPresent()) {
      ok &= limits.get().complete();
      ok &= increasing(limits.get());
      ok &= endsAtOne(limits.get(), "the last power limit must be 100 % (full power)");
    }
    if (throughputs.isPresent()) {
      ok &= throughputs.get().complete();
      ok &= notFalling(throughputs.get());
      ok &=
          endsAtOne(
              throughputs.get(),
              "the throughput at 100 % must be 1 (throughputs are relative to full power)");
    }
    if (limits.isPresent() && throughputs.isPresent()) {
      ok &= sameLength(limits.get(), throughputs.get());
    }
    if (!ok) {
      return Optional.empty();
    }
    double[] l = limits.get().valid().stream().mapToDouble(Point::value).toArray();
    double[] t = throughputs.get().valid().stream().mapToDouble(Point::value).toArray();
    return diagnostics.construct(field.location(), field.path(), () -> PowerCurve.of(l, t));
  }

  /** The list's fractions, each > 0 (the others reported); empty if it is not a list. */
  private Optional<Points> points(Field field, String what) {
    Optional<YamlList> list = field.list("a list of fractions, e.g. [40 %, 70 %, 100 %]");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    if (list.get().size() == 0) {
      diagnostics.error(
          list.get().location(), field.path(), "needs at least one " + what + " (at 100 %)");
      return Optional.empty();
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < list.get().size(); i++) {
      Field element = Field.element(list.get(), i, field.path(), diagnostics);
      Optional<Double> value =
          element
              .required("a " + what + ", a fraction, e.g. 70 %")
              .value(Values.FRACTION_EXPECTED, PowerCurveReader::fraction);
      if (value.isPresent() && value.get() == 0) {
        diagnostics.error(
            element.location(),
            element.path(),
            "a " + what + " must be above 0, got " + element.node().orElseThrow().describe());
        value = Optional.empty();
      }
      if (value.isPresent()) {
        points.add(new Point(value.get(), element, i));
      }
    }
    return Optional.of(new Points(points, list.get().size(), points.size() == list.get().size()));
  }

  /** A fraction; above 1, says that a point is relative to full power (not a percentage). */
  private static double fraction(String text) throws ValueException {
    Optional<Quantity> q = Quantity.parse(text);
    if (q.isPresent()
        && q.get().unitText().isEmpty()
        && q.get().fitsDouble()
        && q.get().number().doubleValue() > 1) {
      throw new ValueException(
          "expected a fraction of full power between 0 and 1 (e.g. 0.7 or 70 %), got '"
              + text.strip()
              + "'");
    }
    return Values.fraction(text);
  }

  private boolean increasing(Points limits) {
    boolean ok = true;
    for (Point[] pair : limits.adjacentPairs()) {
      if (!(pair[1].value() > pair[0].value())) {
        report(
            pair[1],
            "power limits must increase: "
                + written(pair[1])
                + " is not above the limit before it, "
                + written(pair[0]));
        ok = false;
      }
    }
    return ok;
  }

  private boolean notFalling(Points throughputs) {
    boolean ok = true;
    for (Point[] pair : throughputs.adjacentPairs()) {
      if (pair[1].value() < pair[0].value()) {
        report(
            pair[1],
            "throughput must not fall as the power limit rises: "
                + written(pair[1])
                + " is below the throughput before it, "
                + written(pair[0]));
        ok = false;
      }
    }
    return ok;
  }

  private boolean endsAtOne(Points points, String rule) {
    Optional<Point> last = points.last();
    if (last.isEmpty() || last.get().value() == 1) {
      return true;
    }
    report(last.get(), rule + ", got " + written(last.get()));
    return false;
  }

  /** One throughput per limit: the first element without a partner is reported. */
  private boolean sameLength(Points limits, Points throughputs) {
    if (limits.size() == throughputs.size()) {
      return true;
    }
    String counts =
        count(limits.size(), "power limit") + " and " + count(throughputs.size(), "throughput");
    Points longer = limits.size() > throughputs.size() ? limits : throughputs;
    Point first = longer.at(Math.min(limits.size(), throughputs.size()));
    if (first == null) {
      return false; // the element is wrong itself (reported)
    }
    report(
        first,
        (longer == limits
                ? "no throughput for this power limit: "
                : "no power limit for this throughput: ")
            + counts
            + "; give one throughput per limit");
    return false;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private void report(Point point, String message) {
    diagnostics.error(point.field().location(), point.field().path(), message);
  }

  private static String written(Point point) {
    return point.field().node().orElseThrow().describe();
  }
}
