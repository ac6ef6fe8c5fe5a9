package dev.sopkit.cli;

/** A problem the user can fix (a missing folder, a bad date): printed without a stack trace. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
