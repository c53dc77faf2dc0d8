package org.aifactory.scenario;

/**
 * Where something is in the user's input: a file (or {@code --set} for a command-line override, or
 * {@code --vary} for a swept parameter) and a 1-based line and column. For {@code --set} and {@code
 * --vary}, the line is the position of the argument among all those of its option (1 = the first)
 * and the column is counted within that one argument.
 */
record Location(String file, int line, int column) {

  /** Label used as the file of locations inside {@code --set path=value} overrides. */
  static final String OVERRIDE_FILE = "--set";

  /** Label used as the file of locations inside {@code --vary path=v1,v2,...} arguments. */
  static final String VARY_FILE = "--vary";

  static Location start(String file) {
    return new Location(file, 1, 1);
  }
}
