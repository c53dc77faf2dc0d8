package org.aifactory.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aifactory.model.cooling.ClimateProfile;
import org.aifactory.model.cooling.ClimateProfiles;
import org.aifactory.model.cooling.WeatherSpec;

/**
 * Reads {@code facility.cooling.weather}: a built-in climate ({@code { climate: phoenix, start_day:
 * 182 }}), constant temperatures ({@code { dry_bulb: 35 °C, wet_bulb: 22 °C }}), or an hourly file
 * ({@code { file: temps.csv }}, relative to the scenario's folder; see {@link WeatherCsv}); any of
 * them with a {@code heat_wave} ({@code { start: 10 d, duration: 5 d, rise: 6 K }}).
 */
final class WeatherReader {
  static final List<String> KEYS = Language.WEATHER.keys();

  static final List<String> HEAT_WAVE_KEYS = Language.HEAT_WAVE.keys();

  static final String HEAT_WAVE_EXPECTED =
      "a map of start, duration and rise, e.g. { start: 10 d, duration: 5 d, rise: 6 K }";

  /** The most a heat wave adds: 30 K above a climate's normals is beyond any record. */
  static final double MAX_HEAT_WAVE_KELVINS = 30;

  /** The keys that say which kind of weather it is; exactly one. */
  private static final List<String> FORMS = List.of("climate", "dry_bulb", "file");

  static final String EXPECTED =
      "a map with one of climate (a built-in climate, e.g. { climate: phoenix, start_day: 182 }),"
          + " dry_bulb (constant, e.g. { dry_bulb: 35 °C, wet_bulb: 22 °C }) or file (hourly, e.g."
          + " { file: temps.csv })";

  /** Day of the year a climate starts on when {@code start_day} is not written: 1 January. */
  static final int DEFAULT_START_DAY = 1;

  /**
   * The weather read, with its hottest conditions: the default design point of the plant.
   *
   * @param spec the weather
   * @param hasWetBulb whether a wet bulb was given (a climate's, a {@code wet_bulb}, a file's
   *     column); if not, the wet bulb is the dry bulb, and cooling towers cannot be used
   * @param hottestDryBulbCelsius a climate's highest normal daily maximum; the constant dry bulb; a
   *     file's highest dry bulb
   * @param hottestWetBulbCelsius the same for the wet bulb
   * @param field the {@code weather} key, where problems with it are reported
   */
  record Weather(
      WeatherSpec spec,
      boolean hasWetBulb,
      double hottestDryBulbCelsius,
      double hottestWetBulbCelsius,
      Field field) {}

  private final Diagnostics diagnostics;
  private final Path folder;

  /**
   * @param folder the folder a weather file's name is relative to: the scenario file's
   */
  WeatherReader(Diagnostics diagnostics, Path folder) {
    this.diagnostics = diagnostics;
    this.folder = folder;
  }

  Optional<Weather> read(Field field) {
    Optional<MapReader> reader = field.map(EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader weather = reader.get().allowOnly(Language.WEATHER);
    List<Field> forms = FORMS.stream().map(weather::field).filter(Field::isPresent).toList();
    if (forms.isEmpty()) {
      diagnostics.error(weather.location(), weather.path(), "expected " + EXPECTED);
      return Optional.empty();
    }
    if (forms.size() > 1) {
      List<Field> inFileOrder = forms.stream().sorted(Field.WRITTEN_ORDER).toList();
      Field second = inFileOrder.get(1);
      diagnostics.error(
          second.keyLocation(),
          second.path(),
          "give one kind of weather: climate, dry_bulb or file, not "
              + inFileOrder.get(0).key()
              + " and "
              + second.key());
      return Optional.empty();
    }
    String form = forms.get(0).key();
    boolean companionsFit =
        onlyWith(weather.field("start_day"), form, "climate", "the day a climate starts on")
            & onlyWith(
                weather.field("wet_bulb"),
                form,
                "dry_bulb",
                "a constant wet bulb (a file gives it in a column " + WeatherCsv.WET_BULB + ")");
    Optional<Weather> read =
        switch (form) {
          case "climate" -> climate(weather, field);
          case "dry_bulb" -> constant(weather, field);
          default -> file(weather.field("file"), field);
        };
    Field waveField = weather.field("heat_wave");
    if (!waveField.isPresent()) {
      return companionsFit ? read : Optional.empty();
    }
    Optional<HeatWave> wave = heatWave(waveField);
    if (!companionsFit || read.isEmpty() || wave.isEmpty()) {
      return Optional.empty();
    }
    Weather base = read.get();
    return Optional.of(
        new Weather(
            new WeatherSpec.HeatWave(
                base.spec(), wave.get().startHour(), wave.get().hours(), wave.get().rise()),
            base.hasWetBulb(),
            base.hottestDryBulbCelsius(),
            base.hottestWetBulbCelsius(),
            base.field()));
  }

  /** A heat wave as read: whole hours from the start of the run. */
  private record HeatWave(long startHour, long hours, double rise) {}

  private Optional<HeatWave> heatWave(Field field) {
    Optional<MapReader> reader = field.map(HEAT_WAVE_EXPECTED);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader wave = reader.get().allowOnly(Language.HEAT_WAVE);
    Optional<Long> start =
        wholeHours(
            wave.field("start")
                .required("when the wave begins, from the start of the run, e.g. 10 d"),
            Bound.NON_NEGATIVE);
    Optional<Long> hours =
        wholeHours(
            wave.field("duration").required("how long the wave lasts, e.g. 5 d"), Bound.POSITIVE);
    Optional<Double> rise =
        wave.field("rise")
            .required("how much hotter than the weather without it, e.g. 6 K")
            .kelvins(Bound.POSITIVE, MAX_HEAT_WAVE_KELVINS, "a rise");
    if (start.isEmpty() || hours.isEmpty() || rise.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new HeatWave(start.get(), hours.get(), rise.get()));
  }

  /** A duration of whole hours, as a count of hours: the weather changes on the hour. */
  private Optional<Long> wholeHours(Field field, Bound bound) {
    Optional<java.time.Duration> d = field.duration(bound);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    if (d.get().toNanos() % java.time.Duration.ofHours(1).toNanos() != 0) {
      diagnostics.error(
          field.location(),
          field.path(),
          "the weather changes on the hour: write a whole number of hours, e.g. "
              + Math.max(bound == Bound.POSITIVE ? 1 : 0, Math.round(d.get().toMinutes() / 60.0))
              + " h");
      return Optional.empty();
    }
    return Optional.of(d.get().toHours());
  }

  /** Whether {@code companion} is absent or goes with {@code form}; else reported. */
  private boolean onlyWith(Field companion, String form, String itsForm, String what) {
    if (!companion.isPresent() || form.equals(itsForm)) {
      return true;
    }
    diagnostics.error(
        companion.keyLocation(),
        companion.path(),
        companion.key() + " (" + what + ") goes with " + itsForm + ", not with " + form);
    return false;
  }

  private Optional<Weather> climate(MapReader weather, Field field) {
    Optional<ClimateProfile> profile =
        weather
            .field("climate")
            .choice(Field.ordered(ClimateProfiles.names(), Function.identity()))
            .flatMap(ClimateProfiles::byName);
    Field startField = weather.field("start_day");
    Optional<Integer> start =
        startField.isPresent() ? startField.intValue(1, 365) : Optional.of(DEFAULT_START_DAY);
    if (profile.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    double hottest = ClimateProfiles.hottestNormalMaxCelsius(profile.get());
    return Optional.of(
        new Weather(
            new WeatherSpec.Climate(profile.get(), start.get()),
            true,
            hottest,
            hottest - profile.get().wetBulbDepressionKelvin(),
            field));
  }

  private Optional<Weather> constant(MapReader weather, Field field) {
    Optional<Double> dry = weather.field("dry_bulb").celsius(TemperatureRange.OUTDOOR);
    Field wetField = weather.field("wet_bulb");
    Optional<Double> wet = wetField.isPresent() ? wetField.celsius(TemperatureRange.OUTDOOR) : dry;
    if (dry.isEmpty() || wet.isEmpty()) {
      return Optional.empty();
    }
    if (wet.get() > dry.get()) {
      diagnostics.error(
          wetField.location(),
          wetField.path(),
          "the wet bulb ("
              + Values.formatCelsius(wet.get())
              + ") cannot be above the dry bulb ("
              + Values.formatCelsius(dry.get())
              + ")");
      return Optional.empty();
    }
    return Optional.of(
        new Weather(
            new WeatherSpec.Constant(dry.get(), wet.get()),
            wetField.isPresent(),
            dry.get(),
            wet.get(),
            field));
  }

  private Optional<Weather> file(Field fileField, Field field) {
    Optional<String> name = fileField.reference("a file name, e.g. temps.csv");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path file;
    try {
      file = folder.resolve(name.get()).normalize();
    } catch (InvalidPathException e) {
      diagnostics.error(
          fileField.location(), fileField.path(), "not a file name: " + e.getMessage());
      return Optional.empty();
    }
    Optional<WeatherCsv.Hours> hours = WeatherCsv.read(file, fileField, diagnostics);
    if (hours.isEmpty()) {
      return Optional.empty();
    }
    double[] dry = hours.get().dryBulbCelsius();
    double[] wet = hours.get().wetBulbCelsius();
    return Optional.of(
        new Weather(
            new WeatherSpec.Hourly(name.get(), dry, wet),
            hours.get().hasWetBulb(),
            max(dry),
            max(wet),
            field));
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
