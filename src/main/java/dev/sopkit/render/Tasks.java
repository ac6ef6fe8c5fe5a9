package dev.sopkit.render;

import java.util.concurrent.ExecutionException;

/** What the render's worker threads throw, told to the thread that waits for them. */
final class Tasks {
  private Tasks() {}

  /**
   * Rethrows the cause of a task's failure as itself: a checked exception of type {@code checked},
   * or an unchecked exception or error. Any other checked exception cannot be thrown by the tasks
   * the render submits; it becomes an IllegalStateException.
   */
  static <X extends Exception> void rethrowCause(ExecutionException e, Class<X> checked) throws X {
    Throwable cause = e.getCause();
    if (checked.isInstance(cause)) {
      throw checked.cast(cause);
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(cause);
  }
}
