package dev.sopkit.check;

import dev.sopkit.lint.RuleRegistry;
import dev.sopkit.validate.SchemaValidator;

/**
 * Prepares, on a second thread, what checking a repository will need, while the main thread is
 * still building the command line (about 0.1 s of picocli reflection on one core): reading and
 * compiling the packaged schemas and loading the rules. A thread that needs a class first waits
 * for this one to finish initialising it, as the JVM guarantees, so nothing is used half-made;
 * a command that needs none of it only spent time on the other core.
 */
public final class WarmUp {
  private WarmUp() {}

  /**
   * Starts the warm-up, unless the command line asks only for help or the version; the thread
   * started, or null.
   */
  public static Thread start(String[] args) {
    if (args.length == 0 || args[0].startsWith("-")) {
      return null;
    }
    Thread t = new Thread(WarmUp::run, "sop-warm-up");
    t.setDaemon(true); // never keeps the JVM from exiting
    t.start();
    return t;
  }

  private static void run() {
    SchemaValidator.of(SchemaValidator.Kind.ORG);
    RuleRegistry.ids();
  }
}
