package org.aifactory.scenario;

/** A scalar that does not read as the value expected; the message says what is expected. */
final class ValueException extends Exception {
  ValueException(String message) {
    super(message);
  }
}
