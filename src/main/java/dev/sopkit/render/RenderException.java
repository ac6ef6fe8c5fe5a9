package dev.sopkit.render;

/**
 * A render that cannot go on because of its input (usually a broken user template), with a one-line
 * located message such as {@code theme/handbook/sop.ftlh:12:5: ...}; shown to the user, exit 2.
 */
public final class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RenderException(String message) {
    super(message);
  }

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
