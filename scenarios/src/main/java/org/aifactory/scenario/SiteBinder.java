package org.aifactory.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aifactory.metrics.grid.SiteMetrics;
import org.aifactory.model.site.BatterySpec;
import org.aifactory.model.site.CarbonSpec;
import org.aifactory.model.site.GenerationSpec;
import org.aifactory.model.site.GridRule;
import org.aifactory.model.site.HourlyProfile;
import org.aifactory.model.site.SiteSpec;

/**
 * Binds {@code site:} to a {@link SiteSpec}: the interconnect and the grid's rules on the grid
 * import, a power budget, a battery, on-site generation and carbon accounting. Every rule over a
 * window must say its window: a ramp limit without one has no meaning (a step's instantaneous ramp
 * is infinite).
 */
final class SiteBinder {
  static final List<String> KEYS = Language.SITE.keys();
  static final List<String> RULE_KEYS = Language.GRID_RULE.keys();
  static final List<String> BATTERY_KEYS = Language.SITE_BATTERY.keys();
  static final List<String> SMOOTHING_KEYS = Language.BATTERY_SMOOTHING.keys();
  static final List<String> GENERATION_KEYS = Language.GENERATION.keys();
  static final List<String> CARBON_KEYS = Language.CARBON.keys();

  private static final List<String> RULE_KINDS = List.of("ramp", "dynamic_range", "oscillation");

  /** Column of an hourly intensity file: grams of CO2 per kWh. */
  static final String INTENSITY_COLUMN = "g_per_kwh";

  /** Column of an hourly clean-supply file: MW. */
  static final String CLEAN_COLUMN = "clean_mw";

  private static final String RAMP_EXPECTED =
      "a ramp rate, a power per second or minute (10 MW/min)";
  private static final String ENERGY_EXPECTED = "an energy > 0 (e.g. 40 MWh)";
  private static final String BAND_EXPECTED = "a band of frequencies, e.g. 0.1-1 Hz";

  private final Diagnostics diagnostics;
  private final Path folder;

  SiteBinder(Diagnostics diagnostics, Path folder) {
    this.diagnostics = diagnostics;
    this.folder = folder;
  }

  /** The site (empty inside: none written); empty after errors (reported). */
  Optional<Optional<SiteSpec>> bind(Field field) {
    if (!field.isPresent()) {
      return Optional.of(Optional.empty());
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader site = reader.get().allowOnly(Language.SITE);
    int before = diagnostics.count();
    List<GridRule> rules = new ArrayList<>();
    Field interconnect = site.field("interconnect");
    if (interconnect.isPresent()) {
      watts(interconnect, SiteSpec.MAX_WATTS).ifPresent(w -> add(rules, interconnect, w, true));
    }
    rules(site.field("rules"), rules);
    Field minimum = site.field("minimum_load");
    if (minimum.isPresent()) {
      watts(minimum, SiteSpec.MAX_WATTS).ifPresent(w -> add(rules, minimum, w, false));
    }
    Field budgetField = site.field("budget");
    Optional<Double> budget =
        budgetField.isPresent() ? watts(budgetField, SiteSpec.MAX_WATTS) : Optional.empty();
    Optional<BatterySpec> battery = battery(site.field("battery"));
    Optional<GenerationSpec> generation = generation(site.field("generation"));
    Optional<CarbonSpec> carbon = carbon(site.field("carbon"));
    if (diagnostics.count() != before) {
      return Optional.empty();
    }
    Optional<SiteSpec> spec =
        diagnostics.construct(
            site.location(),
            site.path(),
            () -> new SiteSpec(rules, budget, battery, generation, carbon));
    return spec.map(Optional::of);
  }

  private void add(List<GridRule> rules, Field field, double watts, boolean capacity) {
    diagnostics
        .construct(
            field.location(),
            field.path(),
            () ->
                capacity
                    ? (GridRule) new GridRule.ImportCapacity(watts)
                    : new GridRule.MinimumLoad(watts))
        .ifPresent(rules::add);
  }

  // ---------------------------------------------------------------- rules

  private void rules(Field field, List<GridRule> rules) {
    if (!field.isPresent()) {
      return;
    }
    Optional<YamlList> list =
        field.list("a list of rules, e.g. [{ ramp: 10 MW/min, window: 1 min }]");
    if (list.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.get().size(); i++) {
      Field element = Field.element(list.get(), i, field.path(), diagnostics);
      Optional<GridRule> rule = rule(element);
      if (rule.isEmpty()) {
        continue;
      }
      String name = rule.get().name();
      if (names.contains(name) || name.equals("interconnect") || name.equals("minimum_load")) {
        diagnostics.error(
            element.location(),
            element.path(),
            "two rules are named '" + name + "': give each rule its own name (name: ...)");
        continue;
      }
      names.add(name);
      rules.add(rule.get());
    }
  }

  private Optional<GridRule> rule(Field element) {
    Optional<MapReader> reader =
        element.map(
            "a rule: a map with one of "
                + String.join(", ", RULE_KINDS)
                + ", and its window (e.g. { ramp: 10 MW/min, window: 1 min })");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader rule = reader.get().allowOnly(Language.GRID_RULE);
    List<Field> kinds = new ArrayList<>();
    for (String k : RULE_KINDS) {
      if (rule.field(k).isPresent()) {
        kinds.add(rule.field(k));
      }
    }
    if (kinds.size() != 1) {
      diagnostics.error(
          rule.location(),
          rule.path(),
          kinds.isEmpty()
              ? "a rule needs one of " + String.join(", ", RULE_KINDS) + " with its limit"
              : "a rule has one limit: give one of "
                  + String.join(", ", RULE_KINDS)
                  + " per rule (write another rule for another limit)");
      return Optional.empty();
    }
    Field kind = kinds.get(0);
    Field windowField = rule.field("window");
    if (!windowField.isPresent()) {
      diagnostics.error(
          kind.keyLocation(),
          kind.path(),
          "a "
              + kind.key().replace('_', ' ')
              + " rule needs its window (window: 1 min): the grid operator's limit holds over"
              + " an averaging or analysis window, and without one it has no meaning");
      return Optional.empty();
    }
    Optional<Duration> window = windowField.duration(Bound.POSITIVE);
    Field nameField = rule.field("name");
    Optional<String> name = nameField.isPresent() ? nameField.name() : Optional.of("");
    if (window.isPresent() && window.get().toNanos() > GridRule.MAX_WINDOW_NANOS) {
      diagnostics.error(windowField.location(), windowField.path(), "a window is at most 1 d");
      return Optional.empty();
    }
    Field bandField = rule.field("band");
    Field everyField = rule.field("every");
    if (!kind.key().equals("oscillation")) {
      for (Field f : List.of(bandField, everyField)) {
        if (f.isPresent()) {
          diagnostics.error(
              f.keyLocation(), f.path(), f.key() + " belongs to an oscillation rule only");
          return Optional.empty();
        }
      }
    }
    if (window.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    long w = window.get().toNanos();
    String segment = SiteMetrics.windowSegment(w);
    return switch (kind.key()) {
      case "ramp" ->
          kind.value(RAMP_EXPECTED, SiteBinder::wattsPerSecond)
              .flatMap(
                  r ->
                      diagnostics.construct(
                          kind.location(),
                          kind.path(),
                          () -> new GridRule.Ramp(named(name.get(), "ramp_" + segment), r, w)));
      case "dynamic_range" ->
          watts(kind, SiteSpec.MAX_WATTS)
              .flatMap(
                  r ->
                      diagnostics.construct(
                          kind.location(),
                          kind.path(),
                          () ->
                              new GridRule.DynamicRange(
                                  named(name.get(), "range_" + segment), r, w)));
      default -> oscillation(kind, bandField, everyField, windowField, name.get(), w);
    };
  }

  private Optional<GridRule> oscillation(
      Field kind, Field bandField, Field everyField, Field windowField, String name, long window) {
    Optional<Double> amplitude = watts(kind, SiteSpec.MAX_WATTS);
    if (!bandField.isPresent()) {
      diagnostics.error(
          kind.keyLocation(), kind.path(), "an oscillation rule needs its band (band: 0.1-1 Hz)");
      return Optional.empty();
    }
    Optional<double[]> band = bandField.value(BAND_EXPECTED, SiteBinder::band);
    Optional<Duration> every =
        everyField.isPresent()
            ? everyField.duration(Bound.POSITIVE)
            : Optional.of(Duration.ofNanos(window));
    if (amplitude.isEmpty() || band.isEmpty() || every.isEmpty()) {
      return Optional.empty();
    }
    long e = every.get().toNanos();
    if (e < window || e % window != 0) {
      diagnostics.error(
          everyField.location(),
          everyField.path(),
          "every must be a whole number of windows (the window is "
              + SiteMetrics.windowSegment(window)
              + ")");
      return Optional.empty();
    }
    double low = band.get()[0];
    double high = band.get()[1];
    if (window < GridRule.Oscillation.shortestWindowNanos(low)) {
      diagnostics.error(
          windowField.location(),
          windowField.path(),
          "the window must hold a period of the band's lowest frequency, "
              + Values.plain(low)
              + " Hz: at least "
              + Values.plain(GridRule.Oscillation.shortestWindowNanos(low) / 1e9)
              + " s"
              + " (an analysis window of T reads the frequencies 1/T, 2/T, ...)");
      return Optional.empty();
    }
    String byDefault =
        "band_" + Values.plain(low) + "-" + Values.plain(high) + "hz".replace(' ', '_');
    return diagnostics.construct(
        bandField.location(),
        bandField.path(),
        () ->
            new GridRule.Oscillation(
                named(name, byDefault), low, high, amplitude.get(), window, e));
  }

  private static String named(String written, String byDefault) {
    return written.isEmpty() ? byDefault : written;
  }

  /** A power > 0 and at most {@code max} W. */
  private Optional<Double> watts(Field field, double max) {
    return field.value(
        Dimension.POWER.expected(),
        text -> {
          double w = Values.power(text, Bound.POSITIVE);
          if (w > max) {
            throw new ValueException(
                "'" + text.strip() + "' is more than " + Values.formatPower(max));
          }
          return w;
        });
  }

  /** {@code 10 MW/min} or {@code 0.5 MW/s}: a power per second or per minute, in W/s. */
  static double wattsPerSecond(String text) throws ValueException {
    String written = text.strip();
    int slash = written.lastIndexOf('/');
    if (slash < 0) {
      throw new ValueException(
          "expected "
              + RAMP_EXPECTED
              + ", got '"
              + written
              + "'; write the time unit after a slash");
    }
    String per = written.substring(slash + 1).strip();
    double seconds =
        switch (per) {
          case "s" -> 1;
          case "min" -> 60;
          case "h" -> 3600;
          default ->
              throw new ValueException(
                  "unknown time unit '" + per + "' in '" + written + "'; write /s, /min or /h");
        };
    double watts = Values.power(written.substring(0, slash), Bound.POSITIVE);
    double rate = watts / seconds;
    if (!Double.isFinite(rate) || rate > SiteSpec.MAX_WATTS) {
      throw new ValueException("'" + written + "' is out of range for a ramp rate");
    }
    return rate;
  }

  /** {@code 0.1-1 Hz}: the band's edges in Hz, low < high. */
  static double[] band(String text) throws ValueException {
    String written = text.strip();
    if (!written.endsWith("Hz")) {
      throw new ValueException("expected " + BAND_EXPECTED + " (in Hz), got '" + written + "'");
    }
    String body = written.substring(0, written.length() - 2).strip();
    int dash = body.indexOf('-', 1);
    if (dash < 0) {
      throw new ValueException("expected " + BAND_EXPECTED + ", got '" + written + "'");
    }
    double low = hertz(body.substring(0, dash), written);
    double high = hertz(body.substring(dash + 1), written);
    if (!(low > 0) || !(high > low) || high > GridRule.Oscillation.MAX_HZ) {
      throw new ValueException("expected a band 0 < low < high <= 1000 Hz, got '" + written + "'");
    }
    return new double[] {low, high};
  }

  private static double hertz(String text, String written) throws ValueException {
    Optional<Quantity> q = Quantity.parse(text.strip());
    if (q.isEmpty() || !q.get().unitText().isEmpty() || !q.get().fitsDouble()) {
      throw new ValueException("expected " + BAND_EXPECTED + ", got '" + written + "'");
    }
    return q.get().number().doubleValue();
  }

  /** {@code 40 MWh} (Wh, kWh, MWh, GWh), in joules. */
  static double joules(String text) throws ValueException {
    String written = text.strip();
    Optional<Quantity> q = Quantity.parse(written);
    if (Quantity.isNonFinite(written) || q.isEmpty() || !q.get().fitsDouble()) {
      throw new ValueException("expected " + ENERGY_EXPECTED + ", got '" + written + "'");
    }
    double factor =
        switch (q.get().unitText()) {
          case "Wh" -> 3600;
          case "kWh" -> 3.6e6;
          case "MWh" -> 3.6e9;
          case "GWh" -> 3.6e12;
          case "" ->
              throw new ValueException(
                  "'" + written + "' needs a unit, e.g. '" + written + " MWh'");
          default ->
              throw new ValueException(
                  "unknown unit '"
                      + q.get().unitText()
                      + "' in '"
                      + written
                      + "'; energy units are Wh, kWh, MWh, GWh");
        };
    BigDecimal number = q.get().number();
    if (number.signum() <= 0) {
      throw new ValueException("expected " + ENERGY_EXPECTED + ", got '" + written + "'");
    }
    double joules = number.doubleValue() * factor;
    if (joules > BatterySpec.MAX_ENERGY_JOULES) {
      throw new ValueException("'" + written + "' is more than 1 TWh");
    }
    return joules;
  }

  // ---------------------------------------------------------------- battery

  private Optional<BatterySpec> battery(Field field) {
    if (!field.isPresent()) {
      return Optional.empty();
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", BATTERY_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader b = reader.get().allowOnly(Language.SITE_BATTERY);
    Optional<Double> energy =
        b.field("energy").required(ENERGY_EXPECTED).value(ENERGY_EXPECTED, SiteBinder::joules);
    Optional<Double> power =
        watts(b.field("power").required("the battery's power, e.g. 40 MW"), 1e11);
    Field rteField = b.field("round_trip_efficiency");
    Optional<Double> rte =
        rteField.isPresent()
            ? efficiency(rteField)
            : Optional.of(BatterySpec.NREL_ROUND_TRIP_EFFICIENCY);
    Field minField = b.field("soc_min");
    Field maxField = b.field("soc_max");
    Field initialField = b.field("soc_initial");
    Optional<Double> socMin =
        minField.isPresent() ? minField.fraction() : Optional.of(BatterySpec.DEFAULT_SOC_MIN);
    Optional<Double> socMax =
        maxField.isPresent() ? maxField.fraction() : Optional.of(BatterySpec.DEFAULT_SOC_MAX);
    Optional<Double> cost =
        b.field("cost_per_kwh").isPresent()
            ? b.field("cost_per_kwh").money()
            : Optional.of(BatterySpec.BNEF_TURNKEY_DOLLARS_PER_KWH);
    Optional<Double> initial =
        initialField.isPresent() ? initialField.fraction() : Optional.empty();
    if (socMin.isPresent() && socMax.isPresent() && !(socMin.get() < socMax.get())) {
      Field at = maxField.isPresent() ? maxField : minField;
      diagnostics.error(
          at.location(),
          at.path(),
          "the state-of-charge limits are reversed: soc_min ("
              + Values.plain(socMin.get())
              + ") must be below soc_max ("
              + Values.plain(socMax.get())
              + ")");
      return Optional.empty();
    }
    if (initial.isPresent()
        && socMin.isPresent()
        && socMax.isPresent()
        && (initial.get() < socMin.get() || initial.get() > socMax.get())) {
      diagnostics.error(
          initialField.location(),
          initialField.path(),
          "soc_initial must be within soc_min and soc_max");
      return Optional.empty();
    }
    Optional<BatterySpec.SmoothingPolicy> policy =
        smoothing(b.field("smoothing").required("the battery's smoothing policy"), power);
    if (energy.isEmpty()
        || power.isEmpty()
        || rte.isEmpty()
        || socMin.isEmpty()
        || socMax.isEmpty()
        || policy.isEmpty()
        || cost.isEmpty()
        || (initialField.isPresent() && initial.isEmpty())) {
      return Optional.empty();
    }
    double start = initial.orElse(0.5 * (socMin.get() + socMax.get()));
    return diagnostics.construct(
        b.location(),
        b.path(),
        () ->
            new BatterySpec(
                energy.get(),
                power.get(),
                rte.get(),
                socMin.get(),
                socMax.get(),
                start,
                policy.get(),
                cost.get()));
  }

  /** A round-trip efficiency in (0, 1]; above 1 a battery would make energy. */
  private Optional<Double> efficiency(Field field) {
    return field.value(Values.FRACTION_EXPECTED, SiteBinder::efficiency);
  }

  /** {@code 0.85} or {@code 85 %}, in (0, 1]. */
  static double efficiency(String text) throws ValueException {
    String written = text.strip();
    Optional<Quantity> q = Quantity.parse(written);
    if (Quantity.isNonFinite(written) || q.isEmpty() || !q.get().fitsDouble()) {
      throw new ValueException("expected " + Values.FRACTION_EXPECTED + ", got '" + written + "'");
    }
    double value = q.get().number().doubleValue();
    String unit = q.get().unitText();
    if (unit.equals("%")) {
      value /= 100;
    } else if (!unit.isEmpty()) {
      throw new ValueException("expected " + Values.FRACTION_EXPECTED + ", got '" + written + "'");
    }
    if (value > 1) {
      throw new ValueException(
          "a round-trip efficiency is at most 1 (100 %): a battery gives back no more than it"
              + " took, got '"
              + written
              + "'");
    }
    if (!(value > 0)) {
      throw new ValueException("a round-trip efficiency must be above 0, got '" + written + "'");
    }
    return value;
  }

  private Optional<BatterySpec.SmoothingPolicy> smoothing(
      Field field, Optional<Double> batteryPower) {
    if (!field.isPresent()) {
      return Optional.empty();
    }
    Optional<MapReader> reader =
        field.map(
            "a map with keys "
                + String.join(", ", SMOOTHING_KEYS)
                + " (the grid import follows the load's average over the window, ramp"
                + " limited)");
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader s = reader.get().allowOnly(Language.BATTERY_SMOOTHING);
    Field windowField = s.field("window");
    Field rampField = s.field("ramp");
    if (!windowField.isPresent() && !rampField.isPresent()) {
      diagnostics.error(
          s.location(),
          s.path(),
          "give the window of the load's moving average the grid follows (window: 5 min),"
              + " a ramp limit (ramp: 10 MW/min), or both");
      return Optional.empty();
    }
    Optional<Duration> window =
        windowField.isPresent() ? windowField.duration(Bound.POSITIVE) : Optional.of(Duration.ZERO);
    Optional<Double> ramp =
        rampField.isPresent()
            ? rampField.value(RAMP_EXPECTED, SiteBinder::wattsPerSecond)
            : Optional.of(Double.POSITIVE_INFINITY);
    Field restoreField = s.field("restore");
    Optional<Double> restore =
        restoreField.isPresent()
            ? restoreField.value(
                Dimension.POWER.expected(), text -> Values.power(text, Bound.NON_NEGATIVE))
            : batteryPower.map(p -> p * BatterySpec.SmoothingPolicy.DEFAULT_RESTORE_FRACTION);
    if (window.isEmpty() || ramp.isEmpty() || restore.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        s.location(),
        s.path(),
        () -> new BatterySpec.SmoothingPolicy(window.get().toNanos(), ramp.get(), restore.get()));
  }

  // ---------------------------------------------------------------- generation

  private Optional<GenerationSpec> generation(Field field) {
    if (!field.isPresent()) {
      return Optional.empty();
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", GENERATION_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader g = reader.get().allowOnly(Language.GENERATION);
    Optional<Double> capacity =
        watts(g.field("capacity").required("the plant's capacity, e.g. 60 MW"), 1e11);
    Field rampField = g.field("ramp");
    Optional<Double> ramp =
        rampField.isPresent()
            ? rampField.value(RAMP_EXPECTED, SiteBinder::wattsPerSecond)
            : capacity.map(GenerationSpec::defaultRampWattsPerSecond);
    Optional<Double> heatRate =
        number(
            g.field("heat_rate_btu_per_kwh"),
            GenerationSpec.BTU_PER_KWH,
            "a heat rate in Btu/kWh, at least 3,412 (e.g. 8576)",
            GenerationSpec.LM6000_HEAT_RATE_BTU_PER_KWH);
    Field fuelField = g.field("fuel_per_mmbtu");
    Optional<Double> fuel =
        fuelField.isPresent()
            ? fuelField.money()
            : Optional.of(GenerationSpec.HENRY_HUB_1H2025_DOLLARS_PER_MMBTU);
    Optional<Double> co2 =
        number(
            g.field("co2_kg_per_mmbtu"),
            0,
            "kg of CO2 per million Btu of fuel, >= 0 (e.g. 53.06)",
            GenerationSpec.NATURAL_GAS_KG_CO2_PER_MMBTU);
    if (capacity.isEmpty()
        || ramp.isEmpty()
        || heatRate.isEmpty()
        || fuel.isEmpty()
        || co2.isEmpty()) {
      return Optional.empty();
    }
    return diagnostics.construct(
        g.location(),
        g.path(),
        () ->
            new GenerationSpec(capacity.get(), ramp.get(), heatRate.get(), fuel.get(), co2.get()));
  }

  private static Optional<Double> number(
      Field field, double min, String expected, double byDefault) {
    return field.isPresent() ? field.number(min, expected) : Optional.of(byDefault);
  }

  // ---------------------------------------------------------------- carbon

  private Optional<CarbonSpec> carbon(Field field) {
    if (!field.isPresent()) {
      return Optional.empty();
    }
    Optional<MapReader> reader = field.map("a map with keys " + String.join(", ", CARBON_KEYS));
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader c = reader.get().allowOnly(Language.CARBON);
    Optional<HourlyProfile> grid =
        profile(
            c,
            "grid_g_per_kwh",
            "grid_csv",
            INTENSITY_COLUMN,
            CarbonSpec.MAX_GRAMS_PER_KWH,
            true,
            "the grid's carbon intensity: grid_g_per_kwh (a constant, e.g. 380) or grid_csv (a"
                + " file hour,"
                + INTENSITY_COLUMN
                + ")");
    boolean clean = c.field("clean_supply").isPresent() || c.field("clean_supply_csv").isPresent();
    Optional<HourlyProfile> cleanSupply =
        clean
            ? profile(
                c,
                "clean_supply",
                "clean_supply_csv",
                CLEAN_COLUMN,
                SiteSpec.MAX_WATTS / 1e6,
                false,
                "")
            : Optional.empty();
    if (grid.isEmpty() || (clean && cleanSupply.isEmpty())) {
      return Optional.empty();
    }
    return diagnostics.construct(
        c.location(), c.path(), () -> new CarbonSpec(grid.get(), cleanSupply));
  }

  /**
   * A constant (key {@code constantKey}) or an hourly file (key {@code fileKey}), one of the two.
   * The intensity is a plain number in g/kWh; the clean supply a power (constant) or MW (file),
   * returned in W.
   */
  private Optional<HourlyProfile> profile(
      MapReader c,
      String constantKey,
      String fileKey,
      String column,
      double max,
      boolean intensity,
      String missing) {
    Field constant = c.field(constantKey);
    Field file = c.field(fileKey);
    if (constant.isPresent() && file.isPresent()) {
      diagnostics.error(
          file.keyLocation(),
          file.path(),
          "give either " + constantKey + " (a constant) or " + fileKey + " (hourly), not both");
      return Optional.empty();
    }
    if (!constant.isPresent() && !file.isPresent()) {
      diagnostics.error(c.location(), c.path(), "missing " + missing);
      return Optional.empty();
    }
    if (constant.isPresent()) {
      Optional<Double> value =
          intensity
              ? constant.value(
                  "a carbon intensity in g/kWh, >= 0 and at most 2,000 (e.g. 380)",
                  text -> {
                    double v = Values.number(text, 0, "a carbon intensity in g/kWh >= 0");
                    if (v > max) {
                      throw new ValueException(
                          "a carbon intensity is at most 2,000 g/kWh, got '" + text.strip() + "'");
                    }
                    return v;
                  })
              : watts(constant, SiteSpec.MAX_WATTS);
      return value.map(HourlyProfile::constant);
    }
    Optional<String> name = file.reference("a CSV file's path, relative to the scenario");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path path = folder.resolve(name.get());
    return HourlyCsv.read(path, file, column, max, diagnostics)
        .map(
            values -> {
              double scale = intensity ? 1 : 1e6;
              double[] v = values.clone();
              for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
              }
              return new HourlyProfile(path.getFileName().toString(), v);
            });
  }
}
