package org.aifactory.cli;

/** The --threads option's value. */
final class Threads {
  private Threads() {}

  static int resolve(Integer requested) {
    if (requested == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (requested < 1) {
      throw new UserException("--threads must be at least 1");
    }
    return requested;
  }
}
