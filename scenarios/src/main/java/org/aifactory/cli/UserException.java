package org.aifactory.cli;

/** A mistake of the user's (bad path, bad option value): a message, exit code 2, no trace. */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }
}
