package dev.sopkit.scaffold;

/** A request the repository cannot satisfy as given (an unknown department, an empty title). */
public final class ScaffoldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScaffoldException(String message) {
    super(message);
  }
}
