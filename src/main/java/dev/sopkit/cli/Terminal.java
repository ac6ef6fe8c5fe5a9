package dev.sopkit.cli;

/**
 * Whether to colour output: only on a terminal, and never when NO_COLOR is set. A command the
 * daemon runs writes to a client's terminal, not its own, so the client's answer is used then.
 */
final class Terminal {
  private static final ThreadLocal<Boolean> CLIENT = new ThreadLocal<>();

  private Terminal() {}

  static boolean colour() {
    Boolean client = CLIENT.get();
    if (client != null) {
      return client;
    }
    String noColor = System.getenv("NO_COLOR");
    return System.console() != null && (noColor == null || noColor.isEmpty());
  }

  /** Runs {@code task} on this thread with the colour a daemon's client asked for. */
  static <T> T forClient(boolean colour, java.util.function.Supplier<T> task) {
    CLIENT.set(colour);
    try {
      return task.get();
    } finally {
      CLIENT.remove();
    }
  }
}
