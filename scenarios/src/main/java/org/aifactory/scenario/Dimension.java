package org.aifactory.scenario;

/** What a quantity measures, with the words used in messages. */
enum Dimension {
  DURATION("a duration", "e.g. 5 s, 10 min, 54 d", "s"),
  POWER("a power", "e.g. 700 W, 132 kW, 1.5 MW", "W"),
  PERCENTAGE("a percentage", "e.g. 70 %", "%"),
  /** A temperature on a scale: °C, or K (absolute), read as °C. */
  TEMPERATURE("a temperature", "e.g. 45 °C, 318.15 K", "°C"),
  /**
   * A difference of two temperatures (a rating difference, an approach): written in the units of
   * {@link #TEMPERATURE}, which are the same size, without the offset of the kelvin scale.
   */
  TEMPERATURE_DIFFERENCE("a temperature difference", "e.g. 5 K", "K"),
  THERMAL_RESISTANCE("a thermal resistance", "e.g. 0.036 K/W", "K/W"),
  WATER_USE("a water use", "e.g. 2 L/kWh", "L/kWh"),
  /**
   * A loop's heat capacity relative to its design heat: how long the loop takes to warm 1 K at full
   * load with no cooling.
   */
  HEAT_CAPACITY("a heat capacity", "e.g. 0.6 s/K: seconds of design heat per kelvin", "s/K"),
  /** The voltage of a conductor (DC, or AC line to line). */
  VOLTAGE("a voltage", "e.g. 54 V, 415 V, 800 V", "V"),
  /** The resistance of a conductor. */
  RESISTANCE("a resistance", "e.g. 1 mΩ, 1 mohm", "mΩ"),
  /** How fast a power may change: GPU power smoothing's ramp limits. */
  RAMP_RATE("a ramp rate", "e.g. 500 W/s, 1.4 kW/s", "W/s"),
  /** Stored energy: a rack's power-supply storage. */
  ENERGY("an energy", "e.g. 65 J, 5 kJ, 1.2 MJ, 0.5 kWh", "J");

  private final String noun;
  private final String examples;
  private final String exampleUnit;

  Dimension(String noun, String examples, String exampleUnit) {
    this.noun = noun;
    this.examples = examples;
    this.exampleUnit = exampleUnit;
  }

  /** The dimension whose units this one is written in: a difference uses the temperatures'. */
  Dimension units() {
    return this == TEMPERATURE_DIFFERENCE ? TEMPERATURE : this;
  }

  /** "a duration". */
  String noun() {
    return noun;
  }

  /** "a duration (e.g. 5 s, 10 min, 54 d)". */
  String expected() {
    return noun + " (" + examples + ")";
  }

  /** The unit used to show how a bare number should be written: "5.5" becomes "5.5 s". */
  String exampleUnit() {
    return exampleUnit;
  }
}
