package org.aifactory.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.PowerCapSchedule;
import org.aifactory.model.hardware.PowerCapSchedule.Cap;

/**
 * Reads a {@code power_cap} of a cluster or a job: one cap per GPU from the start ({@code 70 %},
 * {@code 0.7}, {@code 1000 W}), or a schedule of caps in increasing time ({@code [{at: 0 s, cap: 80
 * %}, {at: 6 h, cap: 60 %}]}). A cap above the GPU's TDP is accepted: it never binds. Whether a
 * step comes before the horizon is checked with the run ({@code FactorySpec.problems(horizon)}).
 */
final class PowerCapReader {
  static final List<String> STEP_KEYS = Language.POWER_CAP_STEP.keys();

  static final String CAP_EXPECTED =
      "a power cap: a fraction of TDP (e.g. 0.7 or 70 %) or a power per GPU (e.g. 700 W)";

  static final String EXPECTED =
      CAP_EXPECTED + ", or a schedule: a list of { at: <duration>, cap: <cap> } in increasing time";

  private final Diagnostics diagnostics;

  PowerCapReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The cap; an empty inner optional if the key is absent (no cap); empty after errors. */
  Optional<Optional<PowerCapSchedule>> read(Field field) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<PowerCapSchedule> schedule =
        field.node().orElseThrow() instanceof YamlList list
            ? schedule(field, list)
            : field.value(EXPECTED, PowerCapReader::cap).map(PowerCapSchedule::constant);
    return schedule.map(Optional::of);
  }

  private Optional<PowerCapSchedule> schedule(Field field, YamlList list) {
    if (list.size() == 0) {
      diagnostics.error(
          list.location(),
          field.path(),
          "a schedule needs at least one step { at: <duration>, cap: <cap> }; leave power_cap"
              + " out for no cap");
      return Optional.empty();
    }
    List<PowerCapSchedule.Step> steps = new ArrayList<>();
    boolean ok = true;
    Optional<Duration> previous = Optional.empty();
    Field previousAt = null;
    for (int i = 0; i < list.size(); i++) {
      String path = FieldPath.index(field.path(), i);
      Optional<MapReader> reader =
          MapReader.of(
              list.get(i),
              path,
              "a step: a map with keys at and cap, e.g. { at: 6 h, cap: 60 % }",
              diagnostics);
      if (reader.isEmpty()) {
        ok = false;
        previous = Optional.empty();
        continue;
      }
      MapReader step = reader.get().allowOnly(Language.POWER_CAP_STEP);
      Field atField =
          step.field("at").required("when the cap starts, from the start of the run, e.g. 6 h");
      Optional<Duration> at = atField.duration(Bound.NON_NEGATIVE);
      Optional<Cap> cap =
          step.field("cap").required(CAP_EXPECTED).value(CAP_EXPECTED, PowerCapReader::cap);
      Optional<Duration> written = at;
      if (at.isPresent() && previous.isPresent() && at.get().compareTo(previous.get()) <= 0) {
        diagnostics.error(
            atField.location(),
            atField.path(),
            "the steps must be in increasing time: "
                + atField.node().orElseThrow().describe()
                + " is not after the step before it, at "
                + previousAt.node().orElseThrow().describe());
        at = Optional.empty();
      }
      previous = written;
      previousAt = atField;
      if (at.isEmpty() || cap.isEmpty()) {
        ok = false;
      } else {
        steps.add(new PowerCapSchedule.Step(at.get(), cap.get()));
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return diagnostics.construct(field.location(), field.path(), () -> new PowerCapSchedule(steps));
  }

  /** A fraction of TDP above 0, or a power per GPU above 0 and at most 10 kW. */
  static Cap cap(String text) throws ValueException {
    String written = text.strip();
    Optional<Quantity> q = Quantity.parse(written);
    String unitText = q.map(Quantity::unitText).orElse("");
    if (!unitText.isEmpty() && !unitText.equals(Unit.PERCENT.symbol())) {
      Optional<Unit> unit = Unit.bySymbol(unitText);
      if (unit.isPresent() && unit.get().dimension() != Dimension.POWER) {
        throw new ValueException(
            "expected "
                + CAP_EXPECTED
                + ", got "
                + unit.get().dimension().noun()
                + " '"
                + written
                + "'");
      }
      double watts = Values.power(written, Bound.NON_NEGATIVE);
      if (watts == 0) {
        throw zero(written);
      }
      if (watts > GpuType.MAX_WATTS) {
        throw new ValueException(
            "expected a power cap per GPU of at most "
                + Values.formatPower(GpuType.MAX_WATTS)
                + " (a cap applies to each GPU, not to a system or the cluster), got '"
                + written
                + "'");
      }
      return new Cap.Watts(watts);
    }
    if (q.isPresent()
        && unitText.isEmpty()
        && q.get().fitsDouble()
        && q.get().number().doubleValue() > 1) {
      double value = q.get().number().doubleValue();
      throw new ValueException(
          "expected "
              + CAP_EXPECTED
              + ", got '"
              + written
              + "' (write '"
              + written
              + (value <= 100 ? " %' for a percentage, '" + written : "")
              + " W' for a power)");
    }
    double fraction = Values.fraction(written);
    if (fraction == 0) {
      throw zero(written);
    }
    return new Cap.OfTdp(fraction);
  }

  private static ValueException zero(String written) {
    return new ValueException(
        "a power cap must be above 0 (to stop GPUs, give them no work), got '" + written + "'");
  }
}
