package org.aifactory.model.cooling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in climates: sites whose full monthly normals of the daily maximum and minimum are in
 * docs/sources.md §8 (Phoenix, Dallas). Sites with partial data there (Northern Virginia, Dublin,
 * Singapore) have no profile. The normals are cited; each wet-bulb depression is a PLACEHOLDER (§8
 * has no humidity or wet-bulb figure for any site).
 */
public final class ClimateProfiles {
  private ClimateProfiles() {}

  /*
   * Phoenix (Sky Harbor), monthly mean daily maximum and minimum in °F, January first
   * (docs/sources.md §8: Wikipedia "Climate of Phoenix", read in a mirror, [S]).
   */
  static final double[] PHOENIX_MAX_FAHRENHEIT = {
    68, 71, 78, 86, 95, 104, 107, 105, 100, 89, 77, 66
  };

  static final double[] PHOENIX_MIN_FAHRENHEIT = {46, 49, 55, 61, 70, 79, 85, 84, 78, 66, 54, 45};

  /*
   * Dallas, monthly mean daily maximum and minimum in °F (docs/sources.md §8: Wikipedia "Climate of
   * Dallas", data NOAA, read in a mirror, [S]).
   */
  static final double[] DALLAS_MAX_FAHRENHEIT = {57, 61, 69, 77, 84, 92, 96, 96, 89, 79, 67, 58};

  static final double[] DALLAS_MIN_FAHRENHEIT = {37, 41, 49, 56, 65, 73, 77, 77, 69, 58, 48, 39};

  /*
   * Dry bulb minus wet bulb at every hour. PLACEHOLDER: docs/sources.md §8 has no humidity data.
   * Phoenix is a desert: 15 K puts its design wet bulb at 41.7 - 15 = 26.7 °C, on the high (safe)
   * side for sizing towers. Dallas is humid: 10 K gives 35.6 - 10 = 25.6 °C.
   */
  public static final double PHOENIX_WET_BULB_DEPRESSION_PLACEHOLDER = 15;

  public static final double DALLAS_WET_BULB_DEPRESSION_PLACEHOLDER = 10;

  private static final Map<String, ClimateProfile> BUILT_IN = builtIn();

  /** The names of the built-in climates, in the order documented. */
  public static List<String> names() {
    return List.copyOf(BUILT_IN.keySet());
  }

  /** A built-in climate by name. */
  public static Optional<ClimateProfile> byName(String name) {
    return Optional.ofNullable(BUILT_IN.get(name));
  }

  private static Map<String, ClimateProfile> builtIn() {
    Map<String, ClimateProfile> climates = new LinkedHashMap<>();
    climates.put(
        "phoenix",
        new ClimateProfile(
            "phoenix",
            "Phoenix Sky Harbor monthly normals (docs/sources.md §8)",
            celsius(PHOENIX_MAX_FAHRENHEIT),
            celsius(PHOENIX_MIN_FAHRENHEIT),
            PHOENIX_WET_BULB_DEPRESSION_PLACEHOLDER));
    climates.put(
        "dallas",
        new ClimateProfile(
            "dallas",
            "Dallas monthly normals, NOAA (docs/sources.md §8)",
            celsius(DALLAS_MAX_FAHRENHEIT),
            celsius(DALLAS_MIN_FAHRENHEIT),
            DALLAS_WET_BULB_DEPRESSION_PLACEHOLDER));
    return climates;
  }

  /** °F to °C: (F − 32) × 5/9. */
  static double[] celsius(double[] fahrenheit) {
    double[] c = new double[fahrenheit.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = (fahrenheit[i] - 32) * 5 / 9;
    }
    return c;
  }

  /** The highest normal daily maximum of the year: the climate's hottest normal afternoon. */
  public static double hottestNormalMaxCelsius(ClimateProfile profile) {
    double max = Double.NEGATIVE_INFINITY;
    for (double m : profile.monthlyMaxCelsius()) {
      max = Math.max(max, m);
    }
    return max;
  }
}
