package org.aifactory.scenario;

/**
 * The temperatures a key accepts: any temperature is at least absolute zero, and each kind is
 * bounded far beyond what it can be, so that a slip of unit or sign ({@code 450 °C}, {@code 35 K})
 * is an error where it is written.
 *
 * @param what what the temperature is, in messages: "an outdoor temperature"
 * @param minCelsius the lowest accepted
 * @param maxCelsius the highest accepted
 */
record TemperatureRange(String what, double minCelsius, double maxCelsius) {

  /** Outdoor air: wider than any temperature measured outdoors on Earth. */
  static final TemperatureRange OUTDOOR = new TemperatureRange("an outdoor temperature", -100, 70);

  /** A GPU's thermal thresholds: silicon is specified to about 100 °C. */
  static final TemperatureRange GPU = new TemperatureRange("a GPU temperature", 0, 200);

  /** The supply temperature of a coolant loop or of supply air. */
  static final TemperatureRange SUPPLY = new TemperatureRange("a supply temperature", 0, 100);

  /** "an outdoor temperature from -100 °C to 70 °C (e.g. 35 °C or 308.15 K)". */
  String expected() {
    return what
        + " from "
        + Values.formatCelsius(minCelsius)
        + " to "
        + Values.formatCelsius(maxCelsius)
        + " (e.g. 35 °C or 308.15 K)";
  }

  /** The temperature written, in °C, if it is in the range. */
  double read(String text) throws ValueException {
    double celsius = Values.celsius(text);
    if (celsius < minCelsius || celsius > maxCelsius) {
      throw new ValueException(
          "expected "
              + what
              + " from "
              + Values.formatCelsius(minCelsius)
              + " to "
              + Values.formatCelsius(maxCelsius)
              + ", got '"
              + text.strip()
              + "'");
    }
    return celsius;
  }
}
