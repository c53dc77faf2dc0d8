package org.aifactory.scenario;

/** What a quantity measures, with the words used in messages. */
enum Dimension {
  DURATION("a duration", "e.g. 5 s, 10 min, 54 d", "s"),
  POWER("a power", "e.g. 700 W, 132 kW, 1.5 MW", "W"),
  PERCENTAGE("a percentage", "e.g. 70 %", "%");

  private final String noun;
  private final String examples;
  private final String exampleUnit;

  Dimension(String noun, String examples, String exampleUnit) {
    this.noun = noun;
    this.examples = examples;
    this.exampleUnit = exampleUnit;
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
